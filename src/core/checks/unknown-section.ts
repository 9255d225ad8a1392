import { looseSlug } from '../slug.js';
import type { Section } from '../spec-types.js';
import { quote, sectionFinding } from './locate.js';
import type { CheckRule } from './types.js';

/** A section the template does not have (off by default: most templates welcome extra sections). */
export const unknownSection: CheckRule = {
  id: 'unknown-section',
  defaultSeverity: 'off',
  description: 'A section is not part of the template.',
  check: ({ template, matching }) => {
    if (template === null || matching === null) return [];
    // A second copy of a template section (`## Decision` twice) is in the template: say it is a copy.
    const matchedBySlug = new Map<string, Section>();
    for (const s of matching.byTemplateId.values()) matchedBySlug.set(looseSlug(s.heading), s);
    return [...matching.unmatched].map((s) => {
      const first = matchedBySlug.get(looseSlug(s.heading));
      return sectionFinding(s, first === undefined
        ? `section ${quote(s.heading.text)} is not in template ${template.ref}`
        : `section ${quote(s.heading.text)} is a second copy of the template's section on line ${first.heading.line}: merge the two, or give this one a heading of its own`);
    });
  },
};
