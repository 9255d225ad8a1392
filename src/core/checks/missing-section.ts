import type { Position, Section } from '../spec-types.js';
import type { TemplateModel, TemplateSection } from '../template-model.js';
import { headingPosition, quote } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

// A template's sections are missing from many of its specs (every spec of a
// large project, in the worst case): each message is made once per template.
const messages = new WeakMap<TemplateModel, Map<string, string>>();

function messageFor(template: TemplateModel, t: TemplateSection): string {
  let byId = messages.get(template);
  if (byId === undefined) messages.set(template, (byId = new Map()));
  let message = byId.get(t.id);
  if (message === undefined) {
    message = `missing section ${quote(t.text)} (${'#'.repeat(t.level)} ${t.text}) from template ${template.ref}`;
    byId.set(t.id, message);
  }
  return message;
}

/**
 * A section of the template whose heading is absent from the spec: one
 * finding per absent section, subsections included, placed where it belongs
 * (at the next template section that is there, or at the end). Sections the
 * template marks optional may be left out.
 */
export const missingSection: CheckRule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  description: 'A section of the template is missing from the spec.',
  check: ({ spec, template, matching }) => {
    if (template === null || matching === null) return [];
    const findings: FindingDraft[] = [];
    const sections = template.sections.filter((t) => t.id !== 'title');
    const lastLine = spec.blocks[spec.blocks.length - 1]?.endLine ?? 1;
    // For each template section, the next one (in template order) that the spec has.
    const nextPresent = new Array<Section | undefined>(sections.length);
    for (let i = sections.length - 2; i >= 0; i--) {
      nextPresent[i] = matching.byTemplateId.get(sections[i + 1]!.id) ?? nextPresent[i + 1];
    }
    sections.forEach((t, i) => {
      if (t.optional || matching.byTemplateId.has(t.id)) return;
      const next = nextPresent[i];
      const at: Position = next !== undefined ? headingPosition(next.heading) : { line: lastLine, column: 1, endLine: lastLine, endColumn: 1 };
      findings.push({ ...at, sectionId: t.id, section: t.path, message: messageFor(template, t) });
    });
    return findings;
  },
};
