import { statSync } from 'node:fs';
import { SpecfillError } from '../core/errors.js';
import { parseSpec } from '../core/parse-spec.js';
import type { ParsedSpec } from '../core/spec-types.js';
import { createTwoFilesPatch } from 'diff';
import { acquireLock } from './file-lock.js';
import { fileHash } from './fill-file.js';
import { readTextFileSync } from './read-text-file.js';
import { editTarget, writeFileAtomic } from './write-file-atomic.js';

/** What an edit of a spec file did. */
export interface EditResult {
  readonly changed: boolean;
  /** sha256 of the file now (what it would be, on a dry run). */
  readonly hash: string;
  /** Unified diff of the change. */
  readonly diff: string;
  /** The new text. */
  readonly source: string;
}

/**
 * Changes a spec file the way every specfill command other than a fill does
 * (status, supersede links, sync): read it, compute the new text (pure), then
 * — under the file's lock — check that the file has not changed since it was
 * read and replace it atomically, keeping its mode. A file changed meanwhile is
 * a CONFLICT and nothing is written; `dryRun` writes nothing and returns the diff.
 */
export async function editSpecFile(
  path: string,
  options: {
    readonly displayPath: string;
    readonly dryRun?: boolean;
    readonly expectedHash?: string;
    /** The project root: a spec reached through a link inside it is edited where it is, and one leading out of it is refused (see `editTarget`). */
    readonly root?: string;
    /** The largest file read (the config's `maxFileBytes`); default 10 MiB. */
    readonly maxBytes?: number;
  },
  edit: (source: string, spec: ParsedSpec) => string,
): Promise<EditResult> {
  const shown = options.displayPath;
  // Where the edit lands (a link inside the project: where it leads); refused, dry run or not, when a link leads out.
  const target = options.root === undefined ? path : editTarget(path, options.root, shown);
  const source = readTextFileSync(path, { displayPath: shown, maxBytes: options.maxBytes });
  const hash = fileHash(source);
  if (options.expectedHash !== undefined && options.expectedHash !== hash) {
    throw new SpecfillError('CONFLICT', 'changed since it was read; nothing was written', { path: shown }, 'run the command again');
  }
  let next: string;
  try {
    next = edit(source, parseSpec(source));
  } catch (error) {
    // A pure edit knows no file name: the refusal gets this one.
    if (error instanceof SpecfillError && error.location.path === undefined) {
      throw new SpecfillError(error.code, error.message, { ...error.location, path: shown }, error.hint);
    }
    throw error;
  }
  const diff = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, source, next, undefined, undefined, { context: 3 });
  if (next === source || options.dryRun) return { changed: next !== source, hash: options.dryRun ? fileHash(next) : hash, diff, source: next };
  if ((statSync(path).mode & 0o222) === 0) {
    throw new SpecfillError('WRITE_FAILED', 'is read-only; the file was left as it was', { path: shown }, 'make it writable (chmod u+w) first');
  }
  // A link inside the project is edited at its target, and so locked, read again and written there.
  const release = acquireLock(target, shown);
  try {
    if (fileHash(readTextFileSync(target, { displayPath: shown, maxBytes: options.maxBytes })) !== hash) {
      throw new SpecfillError('CONFLICT', 'changed since it was read; nothing was written', { path: shown }, 'run the command again');
    }
    await writeFileAtomic(target, next, { displayPath: shown });
  } finally {
    release();
  }
  return { changed: true, hash: fileHash(next), diff, source: next };
}
