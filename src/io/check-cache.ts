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
  readonly version: 1;
  /** Hash of what applies to every file: specfill's version and the config. */
  readonly key: string;
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
  private readonly entries: Record<string, CacheEntry>;
  private readonly next: Record<string, CacheEntry> = {};
  /** Whether this run changed anything, so that an unchanged cache is not written again. */
  private dirty = false;

  private constructor(private readonly path: string, private readonly key: string, entries: Record<string, CacheEntry>) {
    this.entries = entries;
  }

  /** Opens the cache of a project; `key` covers everything outside the files themselves. */
  static open(root: string, key: string): CheckCache {
    const path = join(root, CACHE_FILE);
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheData;
      if (data.version === 1 && data.key === key && typeof data.entries === 'object') return new CheckCache(path, key, data.entries);
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    const fresh = new CheckCache(path, key, {});
    fresh.dirty = true;
    return fresh;
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
    const data: CacheData = { version: 1, key: this.key, entries: { ...this.entries, ...this.next } };
    await writeFileAtomic(this.path, JSON.stringify(data), { durable: false }).catch(() => undefined);
  }
}
