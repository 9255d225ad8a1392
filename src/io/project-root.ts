import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MARKERS = ['specfill.config.json', 'specfill.config.yaml', 'specfill.config.yml', '.specfill', '.git'];

/**
 * The project root: the nearest folder at or above `cwd` holding a specfill
 * config, a `.specfill` folder or a `.git` folder; `cwd` itself when none does.
 */
export function findProjectRoot(cwd: string): string {
  let dir = cwd;
  for (;;) {
    if (MARKERS.some((name) => existsSync(join(dir, name)))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return cwd;
    dir = parent;
  }
}
