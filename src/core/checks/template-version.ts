import { parseTemplateRef } from '../template.js';
import { keyPosition } from './frontmatter.js';
import type { CheckRule } from './types.js';

/**
 * A spec whose front matter records another version of its template than the
 * template now has (`template: tech-spec@1` while tech-spec is at version 2):
 * `specfill sync` brings it up to date.
 */
/** `1`, `01` and `1.0` are one version; other versions compare as text. */
function sameVersion(a: string, b: string | null): boolean {
  if (b === null) return true;
  const x = Number(a);
  const y = Number(b);
  return a === b || (a !== '' && b !== '' && Number.isFinite(x) && x === y);
}

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
    return [{ ...at, message: `written from ${recorded}, and ${current.id} is at version ${current.version} now: run \`specfill sync\` to bring it up to date` }];
  },
};
