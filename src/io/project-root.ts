import { lstatSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MARKERS = ['specfill.config.json', 'specfill.config.yaml', 'specfill.config.yml', '.specfill', '.git'];

/**
 * The project root: the nearest folder at or above `cwd` holding a specfill
 * config, a `.specfill` folder or a `.git` folder; `cwd` itself when none does.
 */
export function findProjectRoot(cwd: string): string {
  return nearestHolding(cwd, MARKERS) ?? cwd;
}

/** The nearest folder at or above `dir` that holds one of `names` (files or folders), or null. */
export function nearestHolding(dir: string, names: readonly string[]): string | null {
  for (let at = dir; ; at = dirname(at)) {
    // (A link counts, whether it leads anywhere or not: a config linked from a submodule not checked out is still the project's, and an error.)
    if (names.some((name) => lstatSync(join(at, name), { throwIfNoEntry: false }) !== undefined)) return at;
    if (dirname(at) === at) return null;
  }
}
