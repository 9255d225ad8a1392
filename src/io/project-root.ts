import { existsSync, lstatSync } from 'node:fs';
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
    if (names.some((name) => present(join(at, name)))) return at;
    if (dirname(at) === at) return null;
  }
}

const CONFIG_NAME = /(?:^|[\\/])specfill\.config\.(?:json|ya?ml)$/;

/**
 * Whether a path is there: a config file even as a link that leads nowhere
 * (linked from a submodule not checked out, it is still the project's, and
 * an error: loadConfig says so), anything else only where it leads somewhere
 * (a broken `.git` link is no project). A path that cannot be looked at
 * (through a file, a folder that cannot be read) is not there.
 */
function present(path: string): boolean {
  if (existsSync(path)) return true;
  if (!CONFIG_NAME.test(path)) return false;
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}
