import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileReport } from '../core/checks/types.js';
import type { LinkDependency } from './link-resolver.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** The cache file, at the project root. */
export const CACHE_FILE = '.specfill-cache';

interface CacheEntry {
  /** sha256 of the file's content. */
  readonly hash: string;
  /** The file's modification time and size when it was hashed: unchanged, they spare reading it. */
  readonly mtimeMs: number;
  readonly size: number;
  readonly report: FileReport;
  readonly dependencies: readonly LinkDependency[];
}

interface CacheData {
  readonly version: 2;
  /** Hash of what applies to every file: specfill's version and the config. */
  readonly key: string;
  /** Hash of the config file's text (and specfill's version) when it was last found valid. */
  readonly validConfig?: string;
  readonly entries: Record<string, CacheEntry>;
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
 * again. A missing, corrupt or outdated cache file is simply rebuilt.
 */
export class CheckCache {
  private entries: Record<string, CacheEntry>;
  private readonly next: Record<string, CacheEntry> = {};
  /** Whether this run changed anything, so that an unchanged cache is not written again. */
  private dirty = false;
  private key = '';
  private readonly storedKey: string;
  /** See {@link validConfig}. */
  private configHash: string | undefined;

  private constructor(private readonly path: string, data: CacheData | null) {
    this.entries = data?.entries ?? {};
    this.storedKey = data?.key ?? '';
    this.configHash = data?.validConfig;
    this.dirty = data === null;
  }

  /**
   * Reads a project's cache; nothing can be taken from it until {@link useKey}
   * says what the results must have been made with. A missing, corrupt or
   * outdated cache file reads as an empty one.
   */
  static read(root: string): CheckCache {
    const path = join(root, CACHE_FILE);
    try {
      // Written as ASCII (see save), so read without UTF-8 decoding: a third of the time.
      const data = JSON.parse(readFileSync(path, 'latin1')) as CacheData;
      if (data.version === 2 && typeof data.key === 'string' && typeof data.entries === 'object' && data.entries !== null) return new CheckCache(path, data);
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return new CheckCache(path, null);
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
   * The hash of the last config text found valid, so that a run whose config
   * is byte for byte the same can skip validating it again.
   */
  get validConfig(): string | undefined {
    return this.configHash;
  }

  /** Records the hash of a config text that passed validation. */
  set validConfig(hash: string | undefined) {
    if (hash === this.configHash) return;
    this.configHash = hash;
    this.dirty = true;
  }

  /**
   * The cached report of a file whose modification time and size are those
   * recorded with its hash (so its content was not touched), if its link
   * answers still hold.
   */
  getByStat(file: string, mtimeMs: number, size: number, holds: (deps: readonly LinkDependency[]) => boolean): FileReport | undefined {
    const entry = this.entries[file];
    if (entry === undefined || entry.mtimeMs !== mtimeMs || entry.size !== size || !holds(entry.dependencies)) return undefined;
    this.next[file] = entry;
    return entry.report;
  }

  /** The cached report of a file with this content hash, if its link answers still hold. */
  get(file: string, hash: string, stat: { mtimeMs: number; size: number }, holds: (deps: readonly LinkDependency[]) => boolean): FileReport | undefined {
    const entry = this.entries[file];
    if (entry === undefined || entry.hash !== hash || !holds(entry.dependencies)) return undefined;
    this.next[file] = { ...entry, ...stat };
    this.dirty = true;
    return entry.report;
  }

  set(file: string, hash: string, stat: { mtimeMs: number; size: number }, report: FileReport, dependencies: readonly LinkDependency[]): void {
    this.next[file] = { hash, ...stat, report, dependencies };
    this.dirty = true;
  }

  /** Writes the cache if this run changed it (atomically; a failure to write only loses the cache). */
  async save(): Promise<void> {
    if (!this.dirty) return;
    // Files outside this run keep their entries (a run over some paths must not empty the cache).
    const data: CacheData = { version: 2, key: this.key, ...(this.configHash !== undefined && { validConfig: this.configHash }), entries: { ...this.entries, ...this.next } };
    // Non-ASCII characters as \u escapes: the next run reads the file as single bytes, which is much faster.
    const ascii = JSON.stringify(data).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    await writeFileAtomic(this.path, ascii, { durable: false }).catch(() => undefined);
  }
}
