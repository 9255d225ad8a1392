import { looseSlug } from '../slug.js';
import type { Section } from '../spec-types.js';
import { quote, sectionFinding } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

/** Two sibling headings with the same text: their ids collide in readers' minds and in links. */
export const duplicateHeading: CheckRule = {
  id: 'duplicate-heading',
  defaultSeverity: 'warning',
  description: 'Two sibling sections have the same heading text.',
  check: ({ spec }) => {
    const findings: FindingDraft[] = [];
    const visit = (siblings: readonly Section[]): void => {
      const seen = new Map<string, Section>();
      for (const s of siblings) {
        // Headings that give the same anchor collide: `Rollout`, `*Rollout*` and
        // `Rollout <!-- omit from toc -->` all link as #rollout.
        // So do `Rollout Plan` and `Rollout  Plan`, which look the same.
        const loose = looseSlug(s.heading);
        const key = loose !== '' ? loose : s.heading.text.replace(/\s+/g, ' ').trim().toLowerCase();
        const first = seen.get(key);
        if (first === undefined) seen.set(key, s);
        else findings.push(sectionFinding(s, `duplicate heading ${quote(s.heading.text)}: the same as line ${first.heading.line}`));
        visit(s.children);
      }
    };
    visit(spec.sections);
    return findings;
  },
};
