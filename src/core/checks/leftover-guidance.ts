import { normalizedSentence, plainText } from '../guidance-sentences.js';
import { lineIndexOf } from '../line-index.js';
import { blocksIn, sectionProse } from '../section-prose.js';
import type { Block, ParsedSpec } from '../spec-types.js';
import type { CheckRule, FindingDraft } from './types.js';

// Verbs a template's instructions open with ("Explain the proposal as if…",
// "Describe the data model."): a paragraph of the template's sentences that
// tells the author what to write is guidance, not an answer.
const INSTRUCTION = /^(?:please\s+)?(?:add|answer|clarify|consider|define|describe|detail|discuss|document|elaborate|enumerate|explain|fill|give|identify|include|indicate|insert|justify|link|list|mention|outline|present|provide|replace|specify|state|summari[sz]e|write)\b/i;
// A sentence's end in the plain text of a paragraph.
const SENTENCE_END = /[.!?:;](?=\s|$)/g;

/**
 * The template's guidance prose kept beside the author's own text in a
 * section that is written (one left with nothing but its guidance is
 * empty-section's): a top-level paragraph whose every sentence is one of the
 * template's, and that tells the author what to write — an instruction
 * ("Explain the proposal as if it was already in the language."), or two
 * questions or more ("Why are we doing this? What use cases does it
 * support?"). A single question kept over its answer is the Q&A form many
 * specs use, and a paragraph in a list or a quote (a KEP's checklist) is
 * left alone.
 */
export const leftoverGuidance: CheckRule = {
  id: 'leftover-guidance',
  defaultSeverity: 'warning',
  description: "The template's guidance prose is kept beside the section's own text.",
  check: ({ spec, template, matching, states }) => {
    if (template === null || matching === null || states === null || template.guidanceSentences.size === 0) return [];
    const findings: FindingDraft[] = [];
    const written = new Set(states.filter((st) => st.state === 'filled').map((st) => st.id));
    for (const t of template.sections) {
      if (t.guidance === '' || t.fixed || !written.has(t.id)) continue;
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined) continue;
      for (const block of blocksIn(spec, section.bodySpan)) {
        if (block.kind !== 'paragraph' || !block.topLevel) continue;
        const kept = keptGuidance(spec, block, template.guidanceSentences);
        if (kept === null) continue;
        const at = lineIndexOf(spec).span(block.start, block.end);
        findings.push({ ...at, sectionId: section.id, section: section.path,
          message: `the template's guidance ${quoteStart(kept)} is still here beside the section's own text: delete it` });
      }
    }
    return findings;
  },
};

/** The paragraph's plain text when it is the template's guidance that tells what to write, else null. */
function keptGuidance(spec: ParsedSpec, block: Block, sentences: ReadonlySet<string>): string | null {
  const text = plainText(sectionProse(spec, block));
  let from = 0;
  let instructions = 0;
  let questions = 0;
  let words = 0;
  for (const end of [...text.matchAll(SENTENCE_END), null]) {
    const to = end === null ? text.length : end.index + 1;
    const raw = text.slice(from, to).trim();
    from = to;
    if (raw === '') continue;
    const sentence = normalizedSentence(raw);
    if (sentence === '') continue;
    if (!sentences.has(sentence)) return null;
    words += sentence.split(' ').length;
    if (raw.endsWith('?')) questions++;
    // (A label, `Note:`, is no instruction.)
    else if (!raw.endsWith(':') && INSTRUCTION.test(raw)) instructions++;
  }
  return words >= 4 && (instructions > 0 || questions > 1) ? text : null;
}

/** The first words of a kept paragraph, quoted for a message. */
function quoteStart(text: string): string {
  const words = text.split(/\s+/);
  return `"${words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : text}"`;
}
