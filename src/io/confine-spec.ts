import type { Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { confine, type ConfinedPath } from './confine-path.js';
import { ignoreMatcher } from './find-spec-files.js';

/**
 * A path a client of the web UI or the MCP server gave, confined to the
 * project's specs: a Markdown file inside the root (see {@link confine}), not
 * in a hidden folder (`.git/`, `.specfill/`) or `node_modules/`, and not one
 * the config's `ignore` matches. What the lists leave out cannot be read or
 * written by naming it: an agent must not fill a template the config ignores,
 * nor a page write into `.git/`.
 */
export function confineSpec(root: string, config: Config, input: string, options: { mustExist: boolean }): ConfinedPath {
  const file = confine(root, input, options);
  const folders = file.relative.split('/').slice(0, -1);
  if (folders.some((f) => f.startsWith('.') || f === 'node_modules')) {
    throw new SpecfillError('NOT_A_SPEC', `${file.relative} is in ${folders.find((f) => f === 'node_modules') === undefined ? 'a hidden folder' : 'node_modules'}, where no spec is`, {},
      'specs live in the project\'s folders (specs/ by default), not in hidden folders or node_modules');
  }
  if (ignoreMatcher(config)(file.relative)) {
    throw new SpecfillError('NOT_A_SPEC', `${file.relative} is not one of the project's specs: the config's \`ignore\` matches it`, {},
      'read or edit it as a file, or take it out of `ignore` in the config');
  }
  return file;
}
