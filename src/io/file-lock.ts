import { randomBytes } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SpecfillError } from '../core/errors.js';
import { ioReason } from './io-reason.js';

/**
 * An exclusive lock beside a file (`FILE.specfill-lock`, holding the owner's
 * pid), for the moment between checking a file's hash and replacing it, so
 * that two writers cannot both pass the check. A lock left by a process that
 * no longer runs (killed mid-write) is taken over.
 */
export function acquireLock(path: string, shown: string): () => void {
  const lock = `${path}.specfill-lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // The lock appears with its pid already in it (written aside, then hard-linked into
      // place), so a process killed at any instant never leaves an empty lock behind.
      const aside = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(aside, String(process.pid), { flag: 'wx' });
      try {
        linkSync(aside, lock);
      } finally {
        unlinkSync(aside);
      }
      removeStrayAsides(lock);
      return () => {
        try {
          unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        const reason = ioReason(error);
        throw new SpecfillError('WRITE_FAILED', `could not be written (no lock file could be made: ${reason}); the file was left as it was`, { path: shown });
      }
      if (!holderIsGone(lock)) break;
      try {
        unlinkSync(lock);
      } catch {
        // someone else took it over first
      }
      removeStrayAsides(lock);
    }
  }
  throw new SpecfillError('CONFLICT', 'is being written by another specfill process', { path: shown }, 'try again in a moment');
}

/** Aside files (`LOCK.PID.RANDOM`) left by processes killed while taking the lock. */
function removeStrayAsides(lock: string): void {
  const dir = dirname(lock);
  const prefix = `${basename(lock)}.`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // gone already
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function holderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return true;
  }
  // Created but not yet written by its holder (or left empty by a crash at that instant).
  if (!Number.isInteger(pid) || pid <= 0) return Date.now() - mtimeOf(lock) > 10_000;
  return !isRunning(pid);
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
