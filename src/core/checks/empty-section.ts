import { saysNothing, sectionProse } from '../section-prose.js';
import { openSectionIds } from '../section-states.js';
import { preambleSpan } from '../template-model.js';
import { quote, sectionFinding } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

/**
 * A section that the template guides holds nothing but whitespace, comments
 * or the template's own guidance prose (its text before its first subsection).
 * A section whose placeholder is still open is left to `unfilled-placeholder`.
 */
export const emptySection: CheckRule = {
  id: 'empty-section',
  defaultSeverity: 'error',
  description: 'A section the template guides has no content of its own.',
  check: ({ spec, template, matching }) => {
    if (template === null || matching === null) return [];
    const open = openSectionIds(spec);
    const findings: FindingDraft[] = [];
    for (const t of template.sections) {
      if (!t.guided) continue;
      if (t.id === 'title') {
        if (open.has('title') || !saysNothing(spec, preambleSpan(spec), t.guidance)) continue;
        const at = spec.title ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
        findings.push({ line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, sectionId: 'title',
          message: 'the text under the title is empty: write what the template asks for there' });
        continue;
      }
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined || open.has(section.id)) continue;
      if (!saysNothing(spec, section.bodySpan, t.guidance)) continue;
      const what = t.guidance !== '' && sectionProse(spec, section.bodySpan) !== '' ? 'still holds only the template\'s guidance' : 'is empty';
      findings.push(sectionFinding(section, `section ${quote(section.heading.text)} ${what}: write its content`));
    }
    return findings;
  },
};
