import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, linkSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SpecfillError } from '../core/errors.js';
import { relativeWithin } from './confine-path.js';
import { ioReason } from './io-reason.js';

/** How many bytes {@link AtomicFileWriter} gathers before writing them. */
const BLOCK_BYTES = 1 << 20;

/** Options of {@link writeFileAtomic} and {@link AtomicFileWriter}. */
export interface WriteFileAtomicOptions {
  /** Replace an existing file (default true). When false, an existing file is an error and stays untouched. */
  readonly overwrite?: boolean;
  /** Path shown in messages (default: the path written). */
  readonly displayPath?: string;
  /**
   * fsync before the rename (default true), so that the new content survives a
   * power cut. Caches and reports, which can be made again, skip it.
   */
  readonly durable?: boolean;
  /**
   * Write as a shell's `>` does, for a path the user named on the command
   * line (`check --output`): through a symbolic link (its target is
   * replaced, the link stays), and straight into a named pipe or a device
   * (a rename would put a file in its place). Off by default: a link found in
   * a project (a committed `.specfill-cache -> ~/.bashrc`, a spec that links
   * outside the root) is replaced, never followed. Ignored without overwrite.
   */
  readonly followLinks?: boolean;
}

// Temporary files a writer holds open across turns of the event loop (a
// report or a cache written file by file): removed when the process is
// interrupted, so that a cancelled CI job or a Ctrl-C leaves no
// `.report.json.PID.HEX.tmp` behind. Listeners are there only while one is.
const liveTemps = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removeLiveTemps(): void {
  for (const temp of liveTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // Gone already.
    }
  }
  liveTemps.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLiveTemps();
  stopListening();
  // Then end as the signal would have ended the process without this listener.
  process.kill(process.pid, signal);
}

function holdTemp(temp: string): void {
  if (liveTemps.size === 0) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('exit', removeLiveTemps);
  }
  liveTemps.add(temp);
}

function releaseTemp(temp: string): void {
  if (liveTemps.delete(temp) && liveTemps.size === 0) stopListening();
}

function stopListening(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener('exit', removeLiveTemps);
}

/**
 * A file written in pieces that appears all at once: the pieces go to a
 * temporary file in the same folder, and {@link commit} puts it in place
 * with a rename (or, without overwrite, a hard link that fails if the target
 * exists). Until then, and after {@link abort} or any failure, the target is
 * as it was: a crash at any moment leaves the old file or the new one,
 * never a mix. Synchronous, so that pieces land in order.
 *
 * A symbolic link at the path is replaced, not followed, unless
 * `followLinks` says the user named the path (see there).
 */
export class AtomicFileWriter {
  private fd: number | null;
  /** Pieces not yet written, encoded (see {@link write}). */
  private readonly block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;

  private constructor(
    private readonly path: string,
    /** The temporary file, or null when writing straight to a target that is not a file. */
    private readonly temp: string | null,
    private readonly options: WriteFileAtomicOptions,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Starts writing `path` (nothing visible there until {@link commit}). */
  static open(given: string, options: WriteFileAtomicOptions = {}): AtomicFileWriter {
    let path = given;
    if (options.followLinks === true && options.overwrite !== false) {
      let info;
      try {
        info = statSync(given);
      } catch {
        // Nothing there yet (or a dangling link).
      }
      if (info !== undefined && !info.isFile() && !info.isDirectory()) {
        try {
          return new AtomicFileWriter(given, null, options, openSync(given, 'w'));
        } catch (error) {
          throw writeFailure(error, options.displayPath ?? given, path);
        }
      }
      path = info?.isFile() === true ? realpathSync(given) : danglingLinkTarget(given);
    }
    // A folder, a named pipe, a device or a socket where the file is to go is never replaced by one (as root,
    // `new --out /dev/null --force` replaced the device): said so, whether or not replacing was asked.
    if (options.followLinks !== true) {
      const there = lstatSync(path, { throwIfNoEntry: false });
      if (there !== undefined && there.isDirectory()) throw new SpecfillError('WRITE_FAILED', 'is a folder, not a file', { path: options.displayPath ?? given }, 'name a file to write');
      if (there !== undefined && !there.isFile() && !there.isSymbolicLink()) {
        throw new SpecfillError('WRITE_FAILED', `is ${there.isFIFO() ? 'a named pipe' : there.isSocket() ? 'a socket' : 'a device'}, not a file; nothing was written`, { path: options.displayPath ?? given }, 'name a file to write');
      }
    }
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    // A replaced file keeps its permissions.
    let mode = 0o644;
    if (options.overwrite !== false) {
      let info;
      try {
        info = statSync(path, { throwIfNoEntry: false });
      } catch {
        // Cannot be looked at: the write below says why.
      }
      if (info !== undefined) {
        mode = info.mode & 0o777;
        // A file the user may not write is not replaced, as a shell's `>` would not (the rename needs only the folder's leave).
        // (A link the writer replaces rather than follows is no file of the user's: its target's mode says nothing.)
        const replacedLink = options.followLinks !== true && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
        if (!replacedLink) {
          try {
            accessSync(path, constants.W_OK);
          } catch (error) {
            throw writeFailure(error, options.displayPath ?? given, path);
          }
        }
      }
    }
    // Listened for before the file exists: a signal in between would end the process with the file left behind.
    holdTemp(temp);
    try {
      return new AtomicFileWriter(path, temp, options, openSync(temp, 'wx', mode));
    } catch (error) {
      releaseTemp(temp);
      throw writeFailure(error, options.displayPath ?? given, path);
    }
  }

  /**
   * Appends text (as UTF-8) or bytes. Pieces are gathered and written in
   * large blocks: a report of thousands of files is one write per block, not
   * one per file. A failure removes the temporary file and throws a
   * SpecfillError.
   */
  write(text: string | Uint8Array): void {
    if (text.length === 0) return;
    // (After a failure the file is gone: the first failure is the one to say, not "fd is null" from the next write.)
    if (this.failure !== null) throw this.failure;
    try {
      if (typeof text === 'string') {
        // Room for the worst case (3 bytes per UTF-16 unit), else flush first.
        if (this.used + text.length * 3 > this.block.length) this.flush();
        if (text.length * 3 > this.block.length) this.writeBytes(Buffer.from(text, 'utf8'));
        else this.used += this.block.write(text, this.used, 'utf8');
      } else {
        if (this.used + text.length > this.block.length) this.flush();
        if (text.length > this.block.length) this.writeBytes(text);
        else {
          this.block.set(text, this.used);
          this.used += text.length;
        }
      }
    } catch (error) {
      this.abort();
      this.failure = writeFailure(error, this.options.displayPath ?? this.path, this.path);
      throw this.failure;
    }
  }

  /** The failure that ended the writing, thrown again by any later write or commit. */
  private failure: SpecfillError | null = null;

  private flush(): void {
    if (this.used === 0) return;
    this.writeBytes(this.block.subarray(0, this.used));
    this.used = 0;
  }

  private writeBytes(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length;) at += writeSync(this.fd!, bytes, at, bytes.length - at);
  }

  /** Puts the file in place. */
  commit(): void {
    if (this.failure !== null) throw this.failure;
    try {
      this.flush();
      if (this.options.durable !== false && this.temp !== null) fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = null;
      if (this.temp === null) return;
      if (this.options.overwrite === false) {
        linkSync(this.temp, this.path);
        unlinkSync(this.temp);
      } else {
        renameSync(this.temp, this.path);
      }
      releaseTemp(this.temp);
    } catch (error) {
      this.abort();
      throw writeFailure(error, this.options.displayPath ?? this.path, this.path);
    }
  }

  /**
   * Puts the file in place once the signals that came during the work before
   * it are heard: work done in one synchronous stretch (a large check) keeps
   * them waiting, and a commit then would write the file and end with exit 0
   * for a run that was cancelled (blind QA: `kill` ignored). Two turns of the
   * event loop deliver them (measured: the first turn's poll does not yet); a
   * signal removes the temporary file and ends the process as it would have.
   */
  async commitWhenHeard(): Promise<void> {
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    this.commit();
  }

  /** Gives up: the temporary file goes, the target stays as it was. Safe to call more than once. */
  abort(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Already unusable; the unlink below is what matters.
      }
      this.fd = null;
    }
    if (this.temp === null) return;
    try {
      unlinkSync(this.temp);
    } catch {
      // Gone already.
    }
    releaseTemp(this.temp);
  }
}

/**
 * Writes `content` so that a crash at any moment leaves either the old file or
 * the new one, never a mix (see {@link AtomicFileWriter}).
 */
export async function writeFileAtomic(path: string, content: string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const writer = AtomicFileWriter.open(path, options);
  writer.write(content);
  writer.commit();
}

/**
 * Where a spec edit writes `path`: the file itself, or, when a symbolic link
 * on the way (the file, or a folder it is in) leads elsewhere inside `root`,
 * the real file, so that one spec has one lock whatever its name. A path
 * inside the root that a link leads out of is refused (OUTSIDE_ROOT), dry
 * runs included: writing through it would change a file outside the
 * project, and replacing a link (what an atomic rename does) would silently
 * turn it into a copy. A plain file named outside the root is the user's to
 * name; a link to one is refused there too.
 */
export function editTarget(path: string, root: string, shown: string): string {
  const absolute = resolve(path);
  let real: string;
  let realRoot: string;
  let fileLink: boolean;
  try {
    fileLink = lstatSync(absolute).isSymbolicLink();
    real = realpathSync(absolute);
    realRoot = realpathSync(root);
  } catch {
    // Gone, or a link to nothing: the read or write that follows says so.
    return path;
  }
  const inside = relativeWithin(realRoot, real);
  if (inside !== null && inside !== '') return real === absolute ? path : real;
  // A plain file named outside the project is the user's to name; a link is
  // never replaced by a copy, wherever it is.
  if (!fileLink && relativeWithin(resolve(root), absolute) === null) return path;
  throw new SpecfillError(
    'OUTSIDE_ROOT',
    fileLink
      ? 'is a symbolic link to a file outside the project root; specfill neither writes through it nor replaces it, and nothing was written'
      : 'is reached through a symbolic link to a folder outside the project root; specfill does not write through it, and nothing was written',
    { path: shown },
    'edit the file it leads to from its own project, or replace the link with a copy of the file',
  );
}

/** Where a link that leads to nothing yet points (followed link by link), else the path itself. */
function danglingLinkTarget(path: string): string {
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!lstatSync(path).isSymbolicLink()) return path;
      path = resolve(dirname(path), readlinkSync(path));
    } catch {
      return path;
    }
  }
  return path;
}

function writeFailure(error: unknown, shown: string, path: string): SpecfillError {
  if (error instanceof SpecfillError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') {
    return new SpecfillError('FILE_EXISTS', 'already exists', { path: shown }, 'use --force to replace it, or --out to choose another file');
  }
  let existing: 'file' | 'folder' | null = null;
  try {
    existing = statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    // Nothing there.
  }
  if (existing === 'folder') return new SpecfillError('WRITE_FAILED', 'is a folder, not a file', { path: shown }, 'name a file to write');
  // Writing makes the file: a missing one is not the cause, a missing folder (a link's) is.
  const reason = code === 'ENOENT' ? 'a folder on its path does not exist' : ioReason(error);
  return new SpecfillError('WRITE_FAILED', `could not be written: ${reason}; ${existing === 'file' ? 'the file was left as it was' : 'nothing was written'}`, { path: shown });
}
