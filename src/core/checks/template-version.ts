import { parseTemplateRef, versionStanding } from '../template.js';
import { keyPosition } from '../front-matter-key.js';
import type { CheckRule } from './types.js';

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
    // (One over several lines is frontmatter's: it records no version.)
    if (template === null || typeof recorded !== 'string' || /[\r\n]/.test(recorded.trim())) return [];
    const mine = parseTemplateRef(recorded);
    const current = parseTemplateRef(template.ref);
    if (mine.version === null || mine.id !== current.id || current.version === null) return [];
    const standing = versionStanding(mine.version, current.version);
    if (standing === 'same') return [];
    const at = keyPosition(spec, 'template') ?? { line: 1, column: 1, endLine: 1, endColumn: 4 };
    // Not a version this template's numbers can be compared with: a typo, which sync cannot mend.
    if (standing === 'typo') {
      return [{ ...at, message: `written from ${recorded}, but ${current.id} has no version "${mine.version}" (it is at version ${current.version}): fix \`template:\`` }];
    }
    if (standing === 'newer') {
      return [{ ...at, message: `written from ${recorded}, but ${current.id} is only at version ${current.version}: fix \`template:\`, or update the template` }];
    }
    return [{ ...at, message: `written from ${recorded}, and ${current.id} is at version ${current.version} now: run \`specfill sync\` to bring it up to date` }];
  },
};
