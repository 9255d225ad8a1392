import { parseTemplateRef } from '../template.js';
import { keyPosition } from './frontmatter.js';
import type { CheckRule } from './types.js';

/** `1`, `01` and `1.0` are one version; other versions compare as text. */
function sameVersion(a: string, b: string | null): boolean {
  if (b === null) return true;
  const x = Number(a);
  const y = Number(b);
  return a === b || (a !== '' && b !== '' && Number.isFinite(x) && x === y);
}

/** Whether version `a` is later than `b` (numbers as numbers; else unknown, null). */
function later(a: string, b: string): boolean | null {
  const x = Number(a);
  const y = Number(b);
  return a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y) ? x > y : null;
}

/**
 * A spec whose front matter records another version of its template than the
 * template now has (`template: tech-spec@1` while tech-spec is at version 2):
 * `specfill sync` brings it up to date. A version the template has not
 * reached (a typo, or a template file not updated) is said to be so: sync
 * cannot help there.
 */
export const templateVersion: CheckRule = {
  id: 'template-version',
  defaultSeverity: 'warning',
  description: 'The spec records another version of its template than the template has now.',
  check: ({ spec, template }) => {
    const recorded = spec.frontMatter?.data?.template;
    if (template === null || typeof recorded !== 'string') return [];
    const mine = parseTemplateRef(recorded);
    const current = parseTemplateRef(template.ref);
    if (mine.version === null || mine.id !== current.id || sameVersion(mine.version, current.version)) return [];
    const at = keyPosition(spec, 'template') ?? { line: 1, column: 1, endLine: 1, endColumn: 4 };
    if (later(mine.version, current.version!) === true) {
      return [{ ...at, message: `written from ${recorded}, but ${current.id} is only at version ${current.version}: fix \`template:\`, or update the template` }];
    }
    return [{ ...at, message: `written from ${recorded}, and ${current.id} is at version ${current.version} now: run \`specfill sync\` to bring it up to date` }];
  },
};
