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
    // A second copy of a template section (`## Decision` twice, side by side
    // under one parent) is in the template: say it is a copy.
    // A section's id is its parent's id, a slash and its own slug.
    const place = (x: Section): string => `${x.id.slice(0, Math.max(0, x.id.lastIndexOf('/')))}\u0000${x.heading.level}\u0000${looseSlug(x.heading)}`;
    const matchedByPlace = new Map<string, Section>();
    for (const s of matching.byTemplateId.values()) matchedByPlace.set(place(s), s);
    return [...matching.unmatched].map((s) => {
      const first = matchedByPlace.get(place(s));
      return sectionFinding(s, first === undefined
        ? `section ${quote(s.heading.shown)} is not in template ${template.ref}`
        : `section ${quote(s.heading.shown)} is a second copy of the template's section on line ${first.heading.line}: merge the two, or give this one a heading of its own`);
    });
  },
};
