import type { Section } from '../spec-types.js';
import { quote, sectionFinding } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

/**
 * A template section present at another heading depth than in the template,
 * where that changes the section tree: under the same parent section as in
 * the template, `####` where the template skips to `######` (KEP's questions
 * under `###`) is the same structure, and is left alone.
 */
export const headingLevel: CheckRule = {
  id: 'heading-level',
  defaultSeverity: 'warning',
  description: 'A template section has a different heading level than in the template.',
  check: ({ template, matching }) => {
    if (template === null || matching === null) return [];
    const findings: FindingDraft[] = [];
    let parents: Map<Section, Section> | null = null;
    for (const t of template.sections) {
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined || section.heading.level === t.level) continue;
      if (t.parentId !== null && t.parentId !== 'title') {
        if (parents === null) {
          parents = new Map();
          for (const s of matching.flat) for (const c of s.children) parents.set(c, s);
        }
        const parent = parents.get(section);
        if (parent !== undefined && parent === matching.byTemplateId.get(t.parentId)) continue;
      }
      findings.push(sectionFinding(section,
        `heading ${quote(section.heading.text)} is level ${section.heading.level}; the template has it at level ${t.level} (${'#'.repeat(t.level)})`));
    }
    return findings;
  },
};
