import { quote, sectionFinding } from './locate.js';
import type { CheckRule } from './types.js';

/** A section the template does not have (off by default: most templates welcome extra sections). */
export const unknownSection: CheckRule = {
  id: 'unknown-section',
  defaultSeverity: 'off',
  description: 'A section is not part of the template.',
  check: ({ template, matching }) => {
    if (template === null || matching === null) return [];
    return [...matching.unmatched].map((s) => sectionFinding(s, `section ${quote(s.heading.text)} is not in template ${template.ref}`));
  },
};
