import { quote, sectionFinding } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

/** A template section present at another heading depth than in the template. */
export const headingLevel: CheckRule = {
  id: 'heading-level',
  defaultSeverity: 'warning',
  description: 'A template section has a different heading level than in the template.',
  check: ({ template, matching }) => {
    if (template === null || matching === null) return [];
    const findings: FindingDraft[] = [];
    for (const t of template.sections) {
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined || section.heading.level === t.level) continue;
      findings.push(sectionFinding(section,
        `heading ${quote(section.heading.text)} is level ${section.heading.level}; the template has it at level ${t.level} (${'#'.repeat(t.level)})`));
    }
    return findings;
  },
};
