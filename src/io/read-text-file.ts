import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { SpecfillError } from '../core/errors.js';
import { ioReason } from './io-reason.js';

/** Default largest file specfill reads: 10 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The limit for reading again a spec that this run has written to: the file
 * as given was held to `maxBytes` (the config's `maxFileBytes`), and the
 * run's own answers may take it past that, up to the default limit or a
 * larger one configured. (A fill must not stop halfway, nor report a write it
 * made as a failure, because its answers grew the file.)
 */
export function rereadLimit(maxBytes: number | undefined): number {
  // Twice the limit: room for the answers of a whole run, however near the limit the file was.
  return 2 * Math.max(maxBytes ?? 0, DEFAULT_MAX_FILE_BYTES);
}

/** Options of {@link readTextFile}. */
export interface ReadTextFileOptions {
  /** Largest accepted file size in bytes (default 10 MiB). */
  readonly maxBytes?: number;
  /** Path shown in messages (default: the path read). */
  readonly displayPath?: string;
}

/**
 * Reads a UTF-8 Markdown file, refusing what is not one: a missing file, a
 * folder, a file over the size limit, a binary file, invalid UTF-8. Each
 * refusal is a {@link SpecfillError} naming the file (and the line and column
 * of a bad byte) and saying what to do.
 */
export async function readTextFile(path: string, options: ReadTextFileOptions = {}): Promise<string> {
  return readTextFileSync(path, options);
}

/**
 * The synchronous form of {@link readTextFile}. Commands that read many files
 * use it: for small files the promise-based calls cost several times the read.
 */
export function readTextFileSync(path: string, options: ReadTextFileOptions = {}): string {
  const shown = options.displayPath ?? path;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  // One open, one fstat, reads, one close: what readFileSync does, with the
  // checks on the open file in between (no separate stat of the path).
  let fd: number;
  try {
    // Non-blocking, so that a FIFO is refused rather than waited on.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw ioError(error, shown);
  }
  try {
    let info;
    try {
      info = fstatSync(fd);
    } catch (error) {
      throw ioError(error, shown);
    }
    if (info.isDirectory()) {
      throw new SpecfillError('IS_DIRECTORY', 'is a folder, not a file', { path: shown }, 'give the path of a Markdown file');
    }
    if (!info.isFile()) throw new SpecfillError('NOT_A_FILE', 'is not a regular file', { path: shown });
    if (info.size > maxBytes) {
      throw new SpecfillError('FILE_TOO_LARGE', `is ${info.size} bytes, over the limit of ${maxBytes} bytes`, { path: shown },
        'raise `maxFileBytes` in the config or --max-file-bytes if this file really is a spec');
    }
    let bytes: Buffer;
    try {
      bytes = readAll(fd, info.size);
    } catch (error) {
      throw ioError(error, shown);
    }
    if (bytes.length > maxBytes) {
      throw new SpecfillError('FILE_TOO_LARGE', `is over the limit of ${maxBytes} bytes`, { path: shown },
        'raise `maxFileBytes` in the config or --max-file-bytes if this file really is a spec');
    }
    return decodeUtf8(bytes, shown);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of an open file, `size` being what fstat said (a file may grow or shrink meanwhile). */
function readAll(fd: number, size: number): Buffer {
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
  }
}

/** Decodes UTF-8, refusing binary content and invalid byte sequences with their position. */
export function decodeUtf8(bytes: Uint8Array, shown: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The byte tests (simdutf) and the NUL search (memchr) run on the bytes, not
  // on the decoded text. An ASCII file decodes as Latin-1, a copy into a
  // one-byte string, several times quicker than the UTF-8 decoder; the
  // decoder keeps a BOM as U+FEFF, so edits can keep it.
  const ascii = isAscii(buffer);
  if ((ascii || isUtf8(buffer)) && buffer.indexOf(0) === -1) return buffer.toString(ascii ? 'latin1' : 'utf8');
  if (looksUtf16(bytes)) {
    throw new SpecfillError('INVALID_UTF8', 'is UTF-16 text, not UTF-8', { path: shown, line: 1, column: 1 }, 'save the file as UTF-8 (most editors offer the encoding under "Save as")');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = byteLocation(bytes, nul);
    throw new SpecfillError('BINARY_FILE', 'is a binary file (it contains a NUL byte), not Markdown text', { path: shown, line, column },
      'specfill reads UTF-8 Markdown files only: leave this file out of the paths given, or add it to `ignore` in the config (or narrow its `specs` globs)');
  }
  const bad = firstInvalidUtf8(bytes);
  const { line, column } = byteLocation(bytes, bad);
  throw new SpecfillError('INVALID_UTF8', `is not valid UTF-8 (bad byte 0x${bytes[bad]!.toString(16).padStart(2, '0')})`, { path: shown, line, column },
    'save the file as UTF-8');
}

/**
 * Whether bytes are UTF-16: a UTF-16 byte order mark, or text whose every
 * other byte is NUL (ASCII letters in UTF-16 without a mark), which would
 * otherwise be called binary for its NUL bytes.
 */
function looksUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return false;
  const evenNul = bytes[0] === 0;
  for (let k = 0; k < n; k += 2) {
    const [nul, text] = evenNul ? [bytes[k]!, bytes[k + 1]!] : [bytes[k + 1]!, bytes[k]!];
    if (nul !== 0 || text === 0) return false;
  }
  return true;
}

function ioError(error: unknown, shown: string): SpecfillError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new SpecfillError('FILE_NOT_FOUND', 'no such file', { path: shown }, 'check the path');
  if (code === 'EISDIR') return new SpecfillError('IS_DIRECTORY', 'is a folder, not a file', { path: shown });
  if (code === 'EACCES' || code === 'EPERM') return new SpecfillError('READ_FAILED', 'permission denied', { path: shown }, 'let the user running specfill read it (and search the folders on its path)');
  if (code === 'ELOOP') return new SpecfillError('READ_FAILED', 'is a symbolic link that leads back to itself (a loop of links)', { path: shown }, 'point the link at a file, or name the file itself');
  // (A file used as a folder, a name too long: said in words, as everywhere — ioReason.)
  if (code === 'ENOTDIR') return new SpecfillError('FILE_NOT_FOUND', 'cannot be read: a part of its path is a file, not a folder', { path: shown }, 'check the path');
  return new SpecfillError('READ_FAILED', `cannot be read: ${ioReason(error)}`, { path: shown });
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length - 1;
}

/** 1-based line and column (in characters) of a byte offset; lines end at LF, CRLF or a lone CR, as findings count them. */
function byteLocation(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}
