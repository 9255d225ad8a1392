import { randomBytes } from 'node:crypto';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SpecfillError } from '../core/errors.js';

/** Options of {@link writeFileAtomic}. */
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
}

/**
 * Writes `content` so that a crash at any moment leaves either the old file or
 * the new one, never a mix: a temporary file in the same folder, fsync, then
 * rename (or, without overwrite, a hard link that fails if the target exists).
 */
export async function writeFileAtomic(path: string, content: string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const shown = options.displayPath ?? path;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // A replaced file keeps its permissions.
  const mode = options.overwrite === false ? 0o644 : await stat(path).then((s) => s.mode & 0o777, () => 0o644);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite === false) {
      await link(temp, path);
      await unlink(temp);
    } else {
      await rename(temp, path);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new SpecfillError('FILE_EXISTS', 'already exists', { path: shown }, 'use --force to replace it, or --out to choose another file');
    }
    const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new SpecfillError('WRITE_FAILED', `could not be written: ${reason}; the file was left as it was`, { path: shown });
  }
}
