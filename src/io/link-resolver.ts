import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { realOrAsIs, relativeWithin } from './confine-path.js';
import { nearestHolding } from './project-root.js';
import { anchorsOf } from '../core/checks/document-anchors.js';
import type { LinkResolver } from '../core/checks/types.js';
import { parseSpec } from '../core/parse-spec.js';
import { readTextFileSync } from './read-text-file.js';

/** One question a check asked about another file, with what made its answer. */
export interface LinkDependency {
  readonly path: string;
  readonly exists: boolean;
  /**
   * For anchor questions: the target's modification and change times and
   * size (the change time catches a rewrite whose modification time was set
   * back: `cp -p`, `tar x`, `touch -d`).
   */
  readonly mtimeMs?: number;
  readonly ctimeMs?: number;
  readonly size?: number;
}

/** How many other files' anchors a run keeps at once. */
const ANCHOR_CACHE_SIZE = 256;

/**
 * Answers the broken-link rule's questions from the file system: paths are
 * relative to the spec's folder, or to the project root when they start with
 * `/`. Anchors of other Markdown files are parsed once per run. Every question
 * is recorded, so that a cached result can later be trusted only while the
 * answers have not changed.
 */
export class FileLinkResolver {
  // Most recently used last; bounded so that a run over many files keeps flat memory.
  private readonly anchorCache = new Map<string, ReadonlySet<string> | null>();

  /** The root of the git repository the project is in (a `.git` at or above the project root), or null. */
  private readonly repository: string | null;

  /** The project root through any symbolic links: a linked file whose real path is not under it is not read. */
  private readonly realRoot: string;

  /** `maxBytes`: the largest linked file read for its anchors (the config's `maxFileBytes`); a larger one's anchors are not checked. */
  constructor(private readonly root: string, private readonly maxBytes?: number) {
    // (`.git` is a folder, or a file in a worktree.)
    this.repository = nearestHolding(root, ['.git']);
    this.realRoot = realOrAsIs(root);
  }

  /** A resolver for one spec, recording its questions in `dependencies`. */
  forSpec(specPath: string, dependencies: LinkDependency[]): LinkResolver {
    const base = dirname(specPath);
    // A path from `/` starts at the repository's root, as GitHub resolves it (the project's, outside a repository).
    const top = this.repository ?? this.root;
    const at = (rel: string): string => (rel.startsWith('/') ? resolve(top, `.${rel}`) : resolve(base, rel));
    // (A spec outside the repository, named on the command line, is judged by no repository's root.)
    const repository = this.repository !== null && relativeWithin(this.repository, specPath) !== null ? this.repository : null;
    return {
      leavesRepository: (rel) => repository !== null && relativeWithin(repository, at(rel)) === null,
      exists: (rel) => {
        const path = at(rel);
        const exists = existsSync(path);
        dependencies.push({ path, exists });
        return exists;
      },
      anchorsOf: (rel) => {
        const path = at(rel);
        const stamp = fileDependency(path);
        dependencies.push(stamp);
        return stamp.exists ? this.anchorsAt(path) : null;
      },
    };
  }

  private anchorsAt(path: string): ReadonlySet<string> | null {
    let anchors = this.anchorCache.get(path);
    if (anchors !== undefined) {
      this.anchorCache.delete(path);
    } else {
      // No file outside the project root is read, by its path or through a link (the web UI shows these
      // findings): its anchors are not checked. (Asked once per file, with its anchors.)
      try {
        anchors = relativeWithin(this.realRoot, realOrAsIs(path)) === null ? null : anchorsOf(parseSpec(readTextFileSync(path, { maxBytes: this.maxBytes })));
      } catch {
        anchors = null;
      }
      if (this.anchorCache.size >= ANCHOR_CACHE_SIZE) this.anchorCache.delete(this.anchorCache.keys().next().value!);
    }
    this.anchorCache.set(path, anchors);
    return anchors;
  }
}

/** Whether the answers recorded in `dependencies` still hold. */
/** A dependency on a file's content: its modification and change times and size, or that it is not there. */
export function fileDependency(path: string): LinkDependency {
  try {
    const info = statSync(path);
    return { path, exists: true, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, size: info.size };
  } catch {
    return { path, exists: false };
  }
}

export function dependenciesHold(dependencies: readonly LinkDependency[]): boolean {
  for (const d of dependencies) {
    if (d.mtimeMs === undefined) {
      if (existsSync(d.path) !== d.exists) return false;
      continue;
    }
    try {
      const info = statSync(d.path);
      if (info.mtimeMs !== d.mtimeMs || info.ctimeMs !== d.ctimeMs || info.size !== d.size) return false;
    } catch {
      return false;
    }
  }
  return true;
}


