import { GUIDANCE_STEPS, isGuidanceSentence, mayBeGuidanceSentence, normalizedSentence, plainText } from '../guidance-sentences.js';
import { lineIndexOf } from '../line-index.js';
import { blocksIn, sectionProse } from '../section-prose.js';
import type { Block, ParsedSpec } from '../spec-types.js';
import type { CheckRule, FindingDraft } from './types.js';

// Verbs a template's instructions open with ("Explain the proposal as if…",
// "Describe the data model."): a paragraph of the template's sentences that
// tells the author what to write is guidance, not an answer.
const INSTRUCTION = /^(?:please\b|(?:add|answer|clarify|consider|define|describe|detail|discuss|document|elaborate|enumerate|explain|fill|give|identify|include|indicate|insert|justify|link|list|mention|outline|present|provide|replace|specify|state|summari[sz]e|write)\b)/i;
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
      if (t.fixed || !written.has(t.id)) continue;
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined) continue;
      // Paragraphs of guidance kept one after another are one leftover (Ember's "This is the bulk
      // of the RFC." over "Explain the design…"), reported when one of them tells what to write.
      let run: { first: Block; last: Block; text: string; tells: boolean } | null = null;
      const flush = (): void => {
        if (run !== null && run.tells) {
          const at = lineIndexOf(spec).span(run.first.start, run.last.end);
          findings.push({ ...at, sectionId: section.id, section: section.path,
            message: `the template's guidance ${quoteStart(run.text)} is still here beside the section's own text: delete it` });
        }
        run = null;
      };
      for (const block of blocksIn(spec, section.bodySpan)) {
        // A comment between two kept paragraphs shows nothing: the run goes on.
        if (block.kind === 'html' && block.htmlKind === 2) continue;
        const kept = block.kind === 'paragraph' && block.topLevel ? keptGuidance(spec, block, template.guidanceSentences) : null;
        if (kept === null) {
          flush();
          continue;
        }
        if (run === null) run = { first: block, last: block, text: kept.text, tells: kept.tells };
        else {
          run.last = block;
          run.tells ||= kept.tells;
        }
      }
      flush();
    }
    return findings;
  },
};

/** The paragraph's plain text when every sentence of it is the template's guidance, and whether it tells what to write; else null. */
function keptGuidance(spec: ParsedSpec, block: Block, sentences: ReadonlySet<string>): { text: string; tells: boolean } | null {
  // Most paragraphs are the author's, told at their first sentence from the source, before any text is built.
  // (A placeholder's marker kept as text, `AGENT_PLACEHOLDER: Describe …`, is no word of the guidance's: what follows it is.)
  const marked = spec.source.slice(block.start, block.end).indexOf('AGENT_PLACEHOLDER') !== -1;
  if (!marked && block.segments !== undefined && !mayBeGuidanceSentence(spec.source, sentences, block.segments)) return null;
  const prose = sectionProse(spec, block);
  const text = plainText(marked ? prose.replace(/\bAGENT_PLACEHOLDER:\s*/g, '') : prose);
  const budget = { steps: GUIDANCE_STEPS };
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
    // Compared as empty-section compares: run together or a slip apart is still the guidance's.
    if (!isGuidanceSentence(sentence, sentences, budget)) return null;
    words += sentence.split(' ').length;
    if (raw.endsWith('?')) questions++;
    // (A label, `Note:`, is no instruction; "Please keep in mind …, such as:" is one.)
    else if (!(raw.endsWith(':') && raw.split(/\s+/).length <= 3) && INSTRUCTION.test(raw)) instructions++;
  }
  return words === 0 ? null : { text, tells: words >= 4 && (instructions > 0 || questions > 1) };
}

/** The first words of a kept paragraph, quoted for a message. */
function quoteStart(text: string): string {
  const words = text.split(/\s+/);
  return `"${words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : text}"`;
}
