import type { Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { confine, realOrAsIs, realPathInRoot, type ConfinedPath } from './confine-path.js';
import { specPathProblem } from './find-spec-files.js';

/**
 * A path a client of the web UI or the MCP server gave, confined to the
 * project's specs: a Markdown file inside the root (see {@link confine}), not
 * hidden (a dot-file, or in a dot-folder such as `.git/` or `.specfill/`,
 * unless the config's `specs` name it) or in `node_modules/`, and not one the
 * config's `ignore` matches, by the path named or where a link leads. What
 * the lists leave out cannot be read or written by naming it: an agent must
 * not fill a template the config ignores, nor a page write into `.git/`.
 */
export function confineSpec(root: string, config: Config, input: string, options: { mustExist: boolean }): ConfinedPath {
  const file = confine(root, input, options);
  // The path as named, and where a link leads (inside the root, confine has made sure).
  const paths = [...new Set([file.relative, realPathInRoot(realOrAsIs(root), file.absolute) ?? file.relative])];
  const problem = specPathProblem(config);
  for (const path of paths) {
    const why = problem(path);
    if (why === 'ignored') {
      throw new SpecfillError('NOT_A_SPEC', 'is not one of the project\'s specs: the config\'s `ignore` matches it', { path: file.relative },
        'read or edit it as a file, or take it out of `ignore` in the config');
    }
    if (why !== null) {
      throw new SpecfillError('NOT_A_SPEC', `is ${why === 'node_modules' ? 'in node_modules' : 'hidden (a dot-file or in a dot-folder)'}, where no spec is`, { path: file.relative },
        'specs live in the project\'s folders (specs/ by default); name a hidden folder in the config\'s `specs` to use one');
    }
  }
  return file;
}
