import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { FileReport } from '../core/checks/types.js';
import { countSeverities, type SeverityCounts } from '../core/severity-counts.js';
import { fileJsonBody } from '../reporters/format-json.js';
import { attachJsonBody } from '../reporters/rendered-json.js';
import type { LinkDependency } from './link-resolver.js';
import { AtomicFileWriter } from './write-file-atomic.js';

/** The cache file, at the project root. */
export const CACHE_FILE = '.specfill-cache';

/** What says a file is untouched since it was hashed. */
export interface FileStamp {
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly size: number;
}

/** A file's entry in the cache's index; its report lies in the data part, at `at`, `length` bytes. */
interface IndexEntry {
  /** sha256 of the file's content. */
  readonly hash: string;
  /**
   * The file's modification time, change time and size when it was hashed:
   * unchanged, they spare reading it. The change time is there because the
   * modification time can be set back (`touch -d`, `cp -p`, `tar x`); the
   * change time cannot.
   */
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly size: number;
  readonly at: number;
  readonly length: number;
  /** CRC-32 of the body: a body damaged on disk is taken for a miss, not copied into a report. */
  readonly crc: number;
  readonly counts: SeverityCounts;
  readonly dependencies: readonly LinkDependency[];
}

interface CacheIndex {
  /** Hash of what applies to every file: specfill's version and the config. */
  readonly key: string;
  readonly entries: Record<string, IndexEntry>;
}

// The file is the reports' JSON bodies one after another (UTF-8, exactly the
// bytes `check --format json` prints for each file after its path), then the
// index as JSON, then this trailer line with the index's offset, length and
// CRC-32: a run with nothing changed reads the small index, then copies each
// body straight into the report, never parsing or rendering it, and never
// holds more than one body at a time, however many files there are (each is
// read twice: once to test its CRC-32 when it is taken, once when written
// out). A damaged index or body is a miss, never a wrong report.
const TRAILER = 'specfill-cache 5';
const TRAILER_MAX = 80;

/** Where a fresh entry's body is: in the file being written, not yet in place. */
interface FreshEntry extends Omit<IndexEntry, 'at'> {
  readonly written: number;
}

/** sha256 of some strings, for cache keys. */
export function hashOf(...parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/**
 * A content-hash cache of check results (`check --cache`): a file whose
 * content, template, config and link targets are unchanged is not parsed
 * again, and its report is copied as rendered. A missing, corrupt or outdated
 * cache file is simply rebuilt.
 */
export class CheckCache {
  private entries: Record<string, IndexEntry>;
  /** Entries reused from the file read, by path. */
  private readonly kept = new Map<string, IndexEntry>();
  /** Entries made by this run, their bodies already in {@link out}. */
  private readonly fresh = new Map<string, FreshEntry>();
  private out: AtomicFileWriter | null = null;
  private outBytes = 0;
  /** Set when the next cache file could not be written: this run then leaves the cache as it was. */
  private failed = false;
  /** Whether this run changed anything, so that an unchanged cache is not written again. */
  private dirty = false;
  private key = '';
  private readonly storedKey: string;

  private constructor(private readonly path: string, private fd: number | null, index: CacheIndex | null) {
    this.entries = index?.entries ?? {};
    this.storedKey = index?.key ?? '';
    this.dirty = index === null;
  }

  /**
   * Reads a project's cache index (the reports stay on disk until asked for);
   * nothing can be taken from it until {@link useKey} says what the results
   * must have been made with. A missing, corrupt or outdated cache file reads
   * as an empty one.
   */
  static read(root: string): CheckCache {
    const path = join(root, CACHE_FILE);
    let fd: number | null = null;
    try {
      fd = openSync(path, 'r');
      const index = readIndex(fd);
      if (index !== null) return new CheckCache(path, fd, index);
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    if (fd !== null) closeSync(fd);
    return new CheckCache(path, null, null);
  }

  /** The paths (from the project root) that have results in the cache. */
  paths(): string[] {
    return Object.keys(this.entries);
  }

  /**
   * Sets what every result depends on besides its own file (specfill's
   * version, the config, the templates); stored results made under another
   * key are dropped.
   */
  useKey(key: string): this {
    this.key = key;
    if (key !== this.storedKey) {
      this.entries = {};
      this.dirty = true;
    }
    return this;
  }

  /**
   * The cached result of a file whose modification time and size are those
   * recorded with its hash (so its content was not touched), if its link
   * answers still hold. Its report is read from disk when first looked at.
   */
  getByStat(file: string, shown: string, stamp: FileStamp, holds: (deps: readonly LinkDependency[]) => boolean): CachedResult | undefined {
    const entry = this.entries[file];
    if (entry === undefined || entry.mtimeMs !== stamp.mtimeMs || entry.ctimeMs !== stamp.ctimeMs || entry.size !== stamp.size || !holds(entry.dependencies) || !this.intact(entry)) return undefined;
    this.kept.set(file, entry);
    return this.result(shown, entry);
  }

  /**
   * The cached result of a file with this content hash, if its link answers
   * still hold. `file` is its path from the project root (what the result
   * was made for: links and `overrides` depend on it); `shown`, the path its
   * report gives.
   */
  get(file: string, shown: string, hash: string, stat: FileStamp, holds: (deps: readonly LinkDependency[]) => boolean): CachedResult | undefined {
    const entry = this.entries[file];
    if (entry === undefined || entry.hash !== hash || !holds(entry.dependencies) || !this.intact(entry)) return undefined;
    this.kept.set(file, { ...entry, ...stat });
    this.dirty = true;
    return this.result(shown, entry);
  }

  /**
   * Records a fresh result; its JSON body is rendered once, written to the
   * next cache file at once (so a large run holds none of them), and attached
   * to the report for the JSON writer to copy.
   */
  set(file: string, hash: string, stat: FileStamp, report: FileReport, dependencies: readonly LinkDependency[]): void {
    const body = Buffer.from(fileJsonBody(report), 'utf8');
    attachJsonBody(report, () => body);
    this.kept.delete(file);
    this.dirty = true;
    const written = this.append(body);
    if (written === null) return;
    this.fresh.set(file, { hash, ...stat, length: body.length, crc: crc32(body), counts: countSeverities(report.findings), dependencies, written });
  }

  /**
   * Writes the cache if this run changed it: the bodies of this run's fresh
   * results (written already), those reused, and those of files outside this
   * run (a run over some paths must not empty the cache), then the index.
   * Atomic; a failure to write only loses the cache.
   */
  async save(): Promise<void> {
    try {
      if (!this.dirty || this.failed) return;
      const entries: Record<string, IndexEntry> = {};
      for (const [file, entry] of Object.entries(this.entries)) {
        if (this.fresh.has(file)) continue;
        const reused = this.kept.get(file) ?? entry;
        const at = this.copyBody(entry);
        if (at === null) return;
        entries[file] = { ...reused, at };
      }
      if (this.out === null && this.append(Buffer.alloc(0)) === null) return;
      for (const [file, { written, ...entry }] of this.fresh) entries[file] = { ...entry, at: written };
      const index: CacheIndex = { key: this.key, entries };
      const indexAt = this.outBytes;
      const indexBytes = Buffer.from(JSON.stringify(index), 'utf8');
      this.out!.write(indexBytes);
      this.out!.write(`\n${TRAILER} ${indexAt} ${indexBytes.length} ${crc32(indexBytes)}\n`);
      this.out!.commit();
      this.out = null;
    } catch (error) {
      // Only the cache is lost; the check itself is done (and the caller says so).
      this.writeProblem ??= problemOf(error);
    } finally {
      this.close();
    }
  }

  /** Why the cache could not be written this run (`.specfill-cache` is a folder, read-only…), or null. */
  writeProblem: string | null = null;

  /** Lets go of the files (a run that failed before {@link save}). */
  close(): void {
    this.out?.abort();
    this.out = null;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /**
   * Whether an entry's body reads back as it was written. Read and let go:
   * the report reads it again when it is written out, so that a run never
   * holds more than one body, however many results wait for an earlier file.
   */
  private intact(entry: IndexEntry): boolean {
    try {
      // Into one buffer, reused: a run over thousands of cached files makes no garbage of them.
      if (this.scratch.length < entry.length) this.scratch = Buffer.allocUnsafe(Math.max(entry.length, this.scratch.length * 2));
      const bytes = this.scratch.subarray(0, entry.length);
      readInto(this.fd!, bytes, entry.at);
      return crc32(bytes) === entry.crc;
    } catch {
      return false;
    }
  }

  private scratch = Buffer.allocUnsafe(64 * 1024);

  private result(shown: string, entry: IndexEntry): CachedResult {
    const fd = this.fd!;
    let body: Buffer | undefined;
    const load = (): Buffer => (body ??= readBody(fd, entry.at, entry.length));
    const report = lazyReport(shown, () => load().toString('utf8'));
    attachJsonBody(report, load);
    return { report, counts: entry.counts, dependencies: entry.dependencies };
  }

  /** Appends bytes to the next cache file (opened on first use); their offset, or null when it cannot be written. */
  private append(bytes: Uint8Array): number | null {
    if (this.failed) return null;
    try {
      this.out ??= AtomicFileWriter.open(this.path, { durable: false });
      const at = this.outBytes;
      this.out.write(bytes);
      this.outBytes += bytes.length;
      return at;
    } catch (error) {
      // The writer removed its temporary file; offsets into it mean nothing now.
      this.writeProblem ??= problemOf(error);
      this.failed = true;
      this.out = null;
      return null;
    }
  }

  private copyBody(entry: IndexEntry): number | null {
    return this.append(readBody(this.fd!, entry.at, entry.length));
  }
}

/** A cached result: the report (read from disk when first looked at) and its severity counts. */
export interface CachedResult {
  readonly report: FileReport;
  readonly counts: SeverityCounts;
  /** The other files its result depends on (its links' targets, a template file its front matter names). */
  readonly dependencies: readonly LinkDependency[];
}

function readBody(fd: number, at: number, length: number): Buffer {
  return readInto(fd, Buffer.allocUnsafe(length), at);
}

/** Fills `bytes` from the file at offset `at`. */
function readInto(fd: number, bytes: Buffer, at: number): Buffer {
  const length = bytes.length;
  for (let done = 0; done < length;) {
    const n = readSync(fd, bytes, done, length - done, at + done);
    if (n === 0) throw new Error('cache file shorter than its index says');
    done += n;
  }
  return bytes;
}

/** The index of an open cache file, or null when the file is not a whole cache of this version. */
function readIndex(fd: number): CacheIndex | null {
  const size = fstatSync(fd).size;
  const tailLength = Math.min(size, TRAILER_MAX);
  const tail = readBody(fd, size - tailLength, tailLength).toString('latin1');
  const match = /\n(specfill-cache \d+) (\d+) (\d+) (\d+)\n$/.exec(tail);
  if (match === null || match[1] !== TRAILER) return null;
  const indexAt = Number(match[2]);
  const indexLength = Number(match[3]);
  const trailerLength = match[0].length - 1;
  if (indexAt + indexLength + 1 + trailerLength !== size) return null;
  const indexBytes = readBody(fd, indexAt, indexLength);
  if (crc32(indexBytes) !== Number(match[4])) return null;
  const index = JSON.parse(indexBytes.toString('utf8')) as CacheIndex;
  if (typeof index.key !== 'string' || typeof index.entries !== 'object' || index.entries === null) return null;
  // The bodies must tile the data part exactly, each where the index says: a
  // damaged index then shows, instead of handing out bytes of the wrong body.
  const entries = Object.values(index.entries);
  if (!entries.every((e) => Number.isInteger(e.crc))) return null;
  const spans = entries.map((e) => [e.at, e.length] as const);
  if (!spans.every(([at, length]) => Number.isInteger(at) && Number.isInteger(length) && length > 0)) return null;
  spans.sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [at, length] of spans) {
    if (at !== next) return null;
    next = at + length;
  }
  return next === indexAt ? index : null;
}

/**
 * A report whose parts other than its path are parsed from its cached JSON
 * body only when something reads them (the JSON writer copies the body and
 * never does). Its properties are enumerable, so it serializes like any other.
 */
function lazyReport(path: string, body: () => string): FileReport {
  let parsed: Omit<FileReport, 'path'> | undefined;
  const part = (): Omit<FileReport, 'path'> => (parsed ??= JSON.parse(`{${body()}`) as Omit<FileReport, 'path'>);
  const report = { path } as FileReport;
  for (const key of ['template', 'completeness', 'findings'] as const) {
    Object.defineProperty(report, key, { enumerable: true, get: () => part()[key] });
  }
  return report;
}

/** An error's message for a warning (what became of the file is said by the warning). */
function problemOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/; (?:nothing was written|the file was left as it was)$/, '');
}
