import { codeOf, codeSample } from '../block-samples.js';
import { GUIDANCE_STEPS, isGuidanceSentence, normalizedSentence, plainText } from '../guidance-sentences.js';
import { mayBeGuidanceSentence } from '../first-sentence-filter.js';
import { lineIndexOf } from '../line-index.js';
import { countAtMost } from '../sorted-search.js';
import { memoPer } from '../memo-by.js';
import { besideComments, blocksIn, sectionProse } from '../section-prose.js';
import { titlePart } from '../section-states.js';
import { numberBeforeWords } from '../slug.js';
import type { Block, ParsedSpec, Span } from '../spec-types.js';
import type { TemplateModel, TemplateSection } from '../template-model.js';
import { flattenSections } from '../match-sections.js';
import { headingPosition, sectionFields } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

// Verbs a template's instructions open with ("Explain the proposal as if…",
// "Describe the data model.", "Remove this paragraph before submitting."): a
// paragraph of the template's sentences that tells the author what to write
// is guidance, not an answer.
const INSTRUCTION = /^(?:please\b|(?:add|answer|avoid|be sure|call out|capture|cite|clarify|compare|consider|cover|define|delete|describe|detail|discuss|document|elaborate|ensure|enumerate|estimate|explain|feel free|fill|focus|give|highlight|identify|illustrate|include|indicate|insert|justify|keep|link|list|make sure|mention|note down|outline|point out|present|propose|provide|remove|replace|show|sketch|specify|spell out|start|state|summari[sz]e|tell|think about|try|use|walk through|write)\b)/i;
// A lead-in before the verb: "In this section, describe …", "Briefly list …", "If applicable, include …".
const LEAD_IN = /^(?:(?:in|for|if|when|where|as|here|optionally|also|then|finally|first|next)\b[^,]{0,40},\s*|\w+ly\s+)/i;
// A template's slot, to be replaced by the author's words.
// (Or an instruction in parentheses that leftover-marker reports as one: `(fill me in with today's date, YYYY-MM-DD)`.)
const SLOT = /\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\((?:fill|enter|insert|replace|write|put|add)\b[^)]*\)/gi;
// The label of an aside the template keeps on purpose (`**Note:** This checklist is iterative …`).
const ASIDE_LABEL = /^[*_\s]*(?:note|notes|nb|n\.b\.|tip|hint|important|warning|caution|remember|reminder)[*_\s]*:[*_\s]*$/i;
// A sentence that speaks to the author ("you should delete …", "How do you propose …?", "… please explain:").
const TO_THE_AUTHOR = /\b(?:you|your|please)\b/i;
// What goes here, named: "A short description of what the feature is.", "Summary of the change."
const WHAT_GOES_HERE = /^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:description|summary|explanation|overview|list|discussion|analysis|outline|rationale)\s+of\b/i;
// A field: a short label in capitals, its colon, then its value (`Review: (…)`, `**Authors:** …`), not a question.
// (Not a label over an instruction: `- Performance: describe the latency budget.` is guidance.)
const FIELD_ITEM = /^[*_]*[A-Z][\w '()/-]{0,30}?[*_]*:[*_]*[ \t]+(?![^\n]*\?\s*$)(?!(?:describe|explain|list|state|add|include|give|provide|write|note|outline|detail|specify|summari[sz]e|document|mention|define|identify|discuss|show|link|name|fill)\b)\S/i;

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
      // (And a visible note over subsections, which owes no text of its own: AWS CDK's quoted `> This section should
      // include answers to questions…` over the FAQ's questions, kept above the answers, is still the template's.)
      if (t.fixed || !(written.has(t.id) || (!t.guided && t.guidance !== '' && t.id !== 'title'))) continue;
      // The text under the title is no section of the spec's: its place is the title part (Swift's "When filling out this template, you should delete …").
      const part = t.id === 'title' ? titlePart(spec, matching, template) : null;
      const section = t.id === 'title' ? (part === null ? undefined : { id: part.section?.id ?? null, bodySpan: part.span })
        : matching.byTemplateId.get(t.id);
      if (section === undefined) continue;
      // (Made at the first fenced block: most sections have none.)
      let ownPlaceholders: string[] | undefined;
      const placeholdersHere = (): string[] => (ownPlaceholders ??= template.spec.placeholders.filter((p) => (p.sectionId ?? 'title') === t.id)
        .map((p) => template.spec.source.slice(p.span.start, p.span.end).replace(/\r\n?/g, '\n')));
      // Paragraphs of guidance kept one after another are one leftover (Ember's "This is the bulk
      // of the RFC." over "Explain the design…"), reported when one of them tells what to write.
      // (Questions counted over the run: the Rust RFC's three question bullets, one in each item, ask as a paragraph of them does.)
      let run: { first: Block; start: number; end: number; text: string; tells: boolean; questions: number } | null = null;
      let fenced: Block | undefined;
      const flush = (): void => {
        if (run !== null && (run.tells || run.questions > 1)) {
          const at = lineIndexOf(spec).span(run.start, run.end);
          findings.push({ ...at, ...sectionFields(spec, section.id),
            message: `the template's guidance ${quoteStart(run.text)} is still here beside the section's own text: delete it` });
        }
        run = null;
      };
      for (const block of blocksIn(spec, section.bodySpan)) {
        // A comment between two kept paragraphs shows nothing: the run goes on.
        if (block.kind === 'html' && block.htmlKind === 2) continue;
        // An agent's answer wrapped in a fence with the placeholder it answers: the page shows both as code.
        // (This section's own placeholder: a spec about placeholders shows others in its samples.)
        if (block.kind === 'code' && block.variant === 'fenced' && placeholdersHere().some((p) => spec.source.slice(block.start, block.end).replace(/\r\n?/g, '\n').includes(p))) {
          flush();
          fenced = block;
          findings.push({ ...lineIndexOf(spec).span(block.lineStart, block.end), ...sectionFields(spec, section.id),
            message: "the template's placeholder is kept in a code block with the section's text, and the page shows both as code: take the text out of the code block, and delete the placeholder" });
          continue;
        }
        // (In a quote only where the template quotes its own guidance: `> Describe the product…`; an author quotes others.)
        // (In a list, items of the template's kept one after another: the Rust RFC's "Why is this design the best …?" bullets; not a task.)
        // (A list item that is a field, a label and its value, is no guidance: Swift's `* Review: ([pitch](…))` header field,
        // filled in or not, is the spec's own line, and a sample value kept there is leftover-marker's.)
        const kept = block.kind === 'paragraph' && (block.topLevel || (isQuoted(spec, block) ? quotedGuidance(template).has(quotedText(spec, block))
          : isListItem(spec, block) && !FIELD_ITEM.test(spec.source.slice(block.start, Math.min(block.end, block.start + 80)))))
          ? keptGuidance(spec, block, template.guidanceSentences, template.hiddenGuidanceSentences, !block.topLevel) : null;
        // A paragraph that is wholly one of the template's slots (MADR's `{Describe the context …}`) is leftover-marker's finding, once.
        // (On one line only: leftover-marker reads a slot within a line.)
        if (kept === null || (/^[{[][^\n]*[}\]]$/.test(kept.text.trim()) && !/[}\]][^]*[{[]/.test(kept.text.trim().slice(1, -1)) && block.line === block.endLine)) {
          flush();
          continue;
        }
        // (Kept below the author's lines in one paragraph: a run of its own from there.)
        if (kept.start !== undefined) flush();
        if (run === null) run = { first: block, start: kept.start ?? block.start, end: kept.end, text: kept.text, tells: kept.tells, questions: kept.questions };
        else {
          run.end = kept.end;
          run.tells ||= kept.tells;
          run.questions += kept.questions;
        }
        // (Kept above the author's lines in one paragraph: the run ends there.)
        if (kept.end !== block.end) flush();
      }
      flush();
      // The whole answer in a ```markdown fence, as agents wrap theirs: the page shows it as code.
      // (One that holds the placeholder is said so above.)
      const wrapped = t.id === 'title' ? null : wrappedAnswer(spec, section.bodySpan);
      if (wrapped !== null && wrapped !== fenced && !template.codeSamples.has(codeSample(spec.source, wrapped)) && !asksForCode(template, t)) {
        findings.push({ ...lineIndexOf(spec).span(wrapped.lineStart, wrapped.end), ...sectionFields(spec, section.id),
          message: "the section's text is all in a ```markdown code block, which the page shows as code, not as text: delete the fence lines around it" });
      }
      // The instruction made a heading of the author's over the answer (`#### Describe security implications and measures`).
      for (const child of 'children' in section ? section.children : []) {
        // (The instruction's verb first: most headings of the author's fail at it.)
        // (A number or an emoji before it is no part of it: `#### 📝 Describe the endpoints`.)
        const text = child.heading.text.trim();
        const said = text.slice(numberBeforeWords(text).length);
        if (!matching.unmatched.has(child) || !tellsWhatToWrite(said)) continue;
        const words = normalizedSentence(said);
        if (words.split(' ').length < 3 || !template.guidanceSentences.has(words)) continue;
        findings.push({ ...headingPosition(child.heading), ...sectionFields(spec, child.id),
          message: `the template's guidance ${quoteStart(said)} is written as a heading: name the subsection for what it holds, or delete the heading` });
      }
    }
    const before = keptBeforeTitle(spec, template);
    if (before !== null) findings.push(before);
    return findings;
  },
};

/**
 * Whether the template asks for code in a section: its guidance speaks of
 * Markdown, a snippet or a code block, or it holds a code block of its own
 * (a `## Release note` to copy as written is fenced on purpose).
 */
function asksForCode(template: TemplateModel, t: TemplateSection): boolean {
  const own = flattenSections(template.spec.sections).find((s) => s.id === t.id);
  if (own === undefined) return false;
  // (Its comments too: `<!-- Paste the release note as Markdown -->`.)
  return /\b(?:markdown|snippet|code block|verbatim|copy)\b/i.test(template.spec.source.slice(own.bodySpan.start, own.bodySpan.end))
    || blocksIn(template.spec, own.bodySpan).some((b) => b.kind === 'code');
}

/**
 * The template's text above its title (PyTorch's `<details><summary>Instructions
 * - click to expand</summary>` "Fork the rfcs repo and copy this template…"),
 * which no section holds, kept above the spec's title: a finding on it, or
 * null. Kept whole, or with its lines kept one for one (a fold's tags aside).
 */
function keptBeforeTitle(spec: ParsedSpec, template: TemplateModel): FindingDraft | null {
  const theirs = template.spec.title;
  const ours = spec.title;
  if (theirs === null || ours === null) return null;
  const start = (s: ParsedSpec): number => s.frontMatter?.span.end ?? (s.format.bom ? 1 : 0);
  const above = sectionProse(template.spec, { start: start(template.spec), end: theirs.span.start });
  // (A few words are no instructions: a badge, a label. Nor is text that does not speak of the template or the file:
  // a metadata list to fill in, above a template whose only heading is taken for its title.)
  // (Read in the source: "Instructions" may be a `<summary>` label, which shows no prose.)
  if (above.split(' ').length < 6 || !/\b(?:this|the) (?:template|file)\b|\binstructions?\b/i.test(template.spec.source.slice(start(template.spec), theirs.span.start))) return null;
  const span = { start: start(spec), end: ours.span.start };
  const kept = sectionProse(spec, span);
  if (kept === '' || !kept.includes(above)) return null;
  // On the blocks that hold it, one after another: not the author's own lines above or below them.
  // (A few blocks at most: instructions above a title are a paragraph or a list, not a document.)
  const blocks = blocksIn(spec, span).filter((b) => !(b.kind === 'html' && b.htmlKind === 2 && besideComments(spec.source, b) === '')).slice(0, 40);
  for (let i = 0; i < blocks.length; i++) {
    let text = '';
    for (let j = i; j < blocks.length; j++) {
      const own = sectionProse(spec, blocks[j]!);
      if (own === '') continue;
      text = text === '' ? own : `${text} ${own}`;
      if (!above.includes(text)) break;
      if (text.length >= above.length) {
        // (And the tags that close its fold, which show nothing: `</details>`.)
        let last = j;
        while (last + 1 < blocks.length && blocks[last + 1]!.kind === 'html' && sectionProse(spec, blocks[last + 1]!) === '') last++;
        return { ...lineIndexOf(spec).span(blocks[i]!.lineStart, blocks[last]!.end), ...sectionFields(spec, null),
          message: `the template's text above its title ${quoteStart(plainText(above))} is still here, above the spec's title: delete it` };
      }
    }
  }
  return null;
}

/**
 * The one block of a section's own text, comments aside, when it is a
 * fenced code block marked as Markdown (```` ```markdown ````, ```` ```md ````)
 * holding prose (a line of three words or more): an agent's answer wrapped
 * whole. Null otherwise (a sample beside the author's text is the author's).
 */
function wrappedAnswer(spec: ParsedSpec, span: Span): Block | null {
  let only: Block | null = null;
  for (const b of blocksIn(spec, span)) {
    if (b.kind === 'html' && b.htmlKind === 2) continue;
    if (only !== null || b.kind !== 'code' || b.variant !== 'fenced' || b.closed === false) return null;
    only = b;
  }
  if (only === null) return null;
  const opening = spec.source.slice(only.start, only.end).split(/\r\n|\r|\n/, 1)[0]!;
  if (!/^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:markdown|md)[ \t]*$/i.test(opening)) return null;
  return /^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+|#{1,6}[ \t]+)?[\p{L}`*_][^\n]*?\s\S+\s\S+/mu.test(codeOf(spec.source, only)) ? only : null;
}

/**
 * Whether a paragraph is a list item's whole text: not a task's (`- [ ] …`, which is ticked, not deleted), and
 * not one that holds more below it (a KEP's `- Detection: How can it be
 * detected …?` over its answer, indented: the item is the answer's label).
 */
function isListItem(spec: ParsedSpec, block: Block): boolean {
  const marker = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+$/.exec(spec.source.slice(block.lineStart, block.start));
  if (marker === null || /^\[[ xX]\]/.test(spec.source.slice(block.start, block.start + 3))) return false;
  // (Nor an entry of a table of contents, a link to an anchor alone: its words are a heading's.)
  if (/^\[[^\]\n]*\]\(#[^)\s]*\)\s*$/.test(spec.source.slice(block.start, block.end))) return false;
  // (Not one nested under a task: a KEP's `- [ ] Other` with its `- Describe the mechanism:` is part of that task.)
  if (marker[1]!.length > 0 && underTask(spec.source, block.lineStart, marker[1]!.length)) return false;
  const next = spec.blocks[countAtMost(spec.blocks, (b) => b.start, block.start)];
  // (The next block indented past the marker is inside the item.)
  return next === undefined || /^[ \t]*/.exec(spec.source.slice(next.lineStart, next.start))![0].length <= marker[1]!.length;
}

/**
 * Whether the list item whose line starts at `lineStart`, indented by
 * `indent`, is nested under a task item (`- [ ] Other`): the nearest line
 * above it indented less, within a few lines, is one.
 */
function underTask(source: string, lineStart: number, indent: number): boolean {
  let end = lineStart - 1;
  for (let n = 0; n < 40 && end > 0; n++) {
    let start = end;
    while (start > 0 && source[start - 1] !== '\n' && source[start - 1] !== '\r') start--;
    const line = source.slice(start, end).replace(/\r$/, '');
    const own = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() !== '' && own < indent) return /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]/.test(line);
    end = start - 1;
  }
  return false;
}

/** Whether a paragraph is in a block quote (its line starts with `>`), not in a list item. */
function isQuoted(spec: ParsedSpec, block: Block): boolean {
  return spec.source.slice(block.lineStart, block.start).trimStart().startsWith('>');
}

/** A quoted paragraph's words, normalised, to compare with the template's. */
function quotedText(spec: ParsedSpec, block: Block): string {
  return normalizedSentence(plainText(sectionProse(spec, block)));
}

/** The template's own quoted paragraphs of guidance (`> Describe the product and its benefit.`), normalised; read once per template. */
const quotedGuidance = memoPer((template: TemplateModel): ReadonlySet<string> => {
  const spec = template.spec;
  return new Set(spec.blocks.filter((b) => b.kind === 'paragraph' && !b.topLevel && isQuoted(spec, b)).map((b) => quotedText(spec, b)));
});

/**
 * The paragraph's plain text when every sentence of it is the template's
 * guidance, or its first lines' when only they are (the author's text below
 * them, no blank line between), with whether it tells what to write and
 * where it ends; else null.
 */
function keptGuidance(spec: ParsedSpec, block: Block, sentences: ReadonlySet<string>, hiddenSentences: ReadonlySet<string>, item = false): KeptGuidance | null {
  // Most paragraphs are the author's, told at their first sentence from the source, before any text is built.
  // (A placeholder's marker kept as text, `AGENT_PLACEHOLDER: Describe …`, is no word of the guidance's: what follows it is.)
  const marked = spec.source.slice(block.start, block.end).indexOf('AGENT_PLACEHOLDER') !== -1;
  // (A list item's start word for word: items are many, and the template's bullets are kept as they are.)
  if (!marked && block.segments !== undefined && !mayBeGuidanceSentence(spec.source, sentences, block.segments, item)) return keptBelow(spec, block, sentences, hiddenSentences);
  const prose = sectionProse(spec, block);
  const text = plainText(marked ? prose.replace(/\bAGENT_PLACEHOLDER:\s*/g, '') : prose);
  const whole = judge(text, sentences, hiddenSentences);
  if (whole !== undefined) return whole === null ? null : { text, ...whole, end: block.end };
  // The guidance's lines kept at the top of the author's paragraph, no blank line between
  // (`*Describe the context and scope …*` over the answer): those lines are the leftover.
  const lines = block.segments;
  // (Not in a list item: its question with the answer after it, `- Detection: How can it be detected …? **logs**`, is the Q&A form.)
  if (marked || lines === undefined) return null;
  if (item) return keptBelow(spec, block, sentences, hiddenSentences);
  let found: KeptGuidance | null = null;
  let shown = '';
  // Line by line from the top: once lines that end a sentence hold one of the author's, no more lines can be the guidance's.
  // (Not the last line: all of them is the whole paragraph, judged above. A few lines only: guidance kept atop an
  // answer is a sentence or two, and each judgement reads all the lines before it.)
  for (let k = 2; k < lines.length && k <= 2 * MAX_LEADING_LINES && shown.length < 2000; k += 2) {
    shown += `${k === 2 ? '' : ' '}${spec.source.slice(lines[k - 2], lines[k - 1])}`;
    // (A line's end ends the guidance's last sentence, a stop there or not, as `Outline the testing approach` copied
    // from a placeholder over the answer: the author's words going on from a sentence of the guidance's make no sentence of it.)
    const head = plainText(shown).replace(/\s+/g, ' ').trim();
    const kept = judge(head, sentences, hiddenSentences);
    // (Not the guidance's at a stop: no more lines can be. Without one, a sentence may go on to the next line.)
    if (kept === undefined && /[.!?:;][*_]*\s*$/.test(shown)) break;
    // (Without a stop, the next line must start a sentence of its own: `Include a rollback plan` / `for every schema change …` is one sentence.)
    const goesOn = !/[.!?:;][*_]*\s*$/.test(shown) && /^[ \t]*[a-z]/.test(spec.source.slice(lines[k]!, lines[k + 1]!));
    if (kept !== undefined && kept !== null && !goesOn) found = { text: head, ...kept, end: lines[k - 1]! };
  }
  return found ?? keptBelow(spec, block, sentences, hiddenSentences);
}

// The most lines of a paragraph read as the guidance's kept atop the author's, and below them.
const MAX_LEADING_LINES = 12;
const MAX_TRAILING_LINES = 12;

/**
 * The guidance's lines kept at the bottom of the author's paragraph, no
 * blank line between (an OTEP's "What are some prior and/or alternative
 * approaches? …" left on the line after the author's last bullet, which
 * joins it): the last lines, from one that starts a sentence after a line
 * that ends one, when all their sentences are the guidance's. Null when
 * there are none such.
 */
function keptBelow(spec: ParsedSpec, block: Block, sentences: ReadonlySet<string>, hiddenSentences: ReadonlySet<string>): KeptGuidance | null {
  const lines = block.segments;
  if (lines === undefined || lines.length < 4) return null;
  let found: KeptGuidance | null = null;
  // From the last line up, a few lines at most: each line read starts a tail of the paragraph.
  for (let k = lines.length - 2; k >= 2 && k >= lines.length - 2 * MAX_TRAILING_LINES; k -= 2) {
    // (The line above must end a sentence, and this one start one: else it goes on from the author's.)
    if (!/[.!?:;][*_]*\s*$/.test(spec.source.slice(lines[k - 2]!, lines[k - 1]!)) || !/^[ \t]*[*_]*[A-Z]/.test(spec.source.slice(lines[k]!, lines[k + 1]!))) continue;
    // (Told at the tail's first sentence from the source, as a paragraph is: most last lines are the author's.)
    if (!mayBeGuidanceSentence(spec.source, sentences, lines.slice(k))) {
      if (found === null) continue;
      break;
    }
    const tail = plainText(lines.slice(k).reduce<string[]>((out, at, j, all) => (j % 2 === 0 ? [...out, spec.source.slice(at, all[j + 1])] : out), []).join(' ')).replace(/\s+/g, ' ').trim();
    const kept = judge(tail, sentences, hiddenSentences);
    if (kept === undefined) {
      if (found === null) continue;
      break;
    }
    if (kept !== null) found = { text: tail, ...kept, start: lines[k]!, end: block.end };
  }
  return found;
}

/** Guidance kept: its plain text, whether it tells what to write, and where it ends in the source. */
interface KeptGuidance {
  readonly text: string;
  readonly tells: boolean;
  readonly questions: number;
  readonly end: number;
  /** Where it starts, when not at the block's start (lines kept at the bottom of the author's paragraph). */
  readonly start?: number;
}

/**
 * Whether text whose every sentence is the template's guidance tells the
 * author what to write, and its questions; null when it holds no words,
 * undefined when some sentence is not the guidance's.
 */
function judge(text: string, sentences: ReadonlySet<string>, hiddenSentences: ReadonlySet<string>): Judged | null | undefined {
  const budget = { steps: GUIDANCE_STEPS };
  let from = 0;
  let instructions = 0;
  let questions = 0;
  let words = 0;
  let count = 0;
  let noted = false;
  // Whether every sentence is one only the template's comments hold: shown, it was never meant to be seen.
  let hidden = true;
  for (const end of [...text.matchAll(SENTENCE_END), null]) {
    const to = end === null ? text.length : end.index + 1;
    const raw = text.slice(from, to).trim();
    from = to;
    if (raw === '') continue;
    const sentence = normalizedSentence(raw);
    if (sentence === '') continue;
    // Compared as empty-section compares: run together or a slip apart is still the guidance's.
    if (!isGuidanceSentence(sentence, sentences, budget)) return undefined;
    // A paragraph under a label (`**Note:** Keep it short.`, a KEP's checklist note) is an aside the template keeps: not told to be deleted.
    if (words === 0 && ASIDE_LABEL.test(raw)) noted = true;
    words += sentence.split(' ').length;
    // (A label, `Diagnostics:`, is no sentence of its own beside a question.)
    if (!raw.endsWith(':')) count++;
    if (hidden && !hiddenSentences.has(sentence)) hidden = false;
    // (A question is the Q&A form's lead-in, whoever it speaks to.)
    if (raw.endsWith('?')) questions++;
    // (A slot's words in brackets are leftover-marker's: `JIRA: here [Change the link … to your own ticket]` is reported there, once.)
    else if (TO_THE_AUTHOR.test(raw.replace(SLOT, '')) || tellsWhatToWrite(raw)) instructions++;
  }
  // (Not a lead-in of the author's to what follows, though the template's comment has its words: `Estimated increase in size:`.)
  // (Nor questions alone over their answer, the Q&A form, whether the template showed them or not: two or more are told above.)
  if (words === 0) return null;
  return { tells: !noted && words >= 4 && (instructions > 0 || questions > 1 || (hidden && questions < count && !text.trimEnd().endsWith(':'))), questions: noted ? 0 : questions };
}

/** What {@link judge} finds of kept guidance: whether it tells what to write, and how many questions it asks. */
interface Judged {
  readonly tells: boolean;
  readonly questions: number;
}

/**
 * Whether a sentence (not a question) of the template tells the author what
 * to write: an instruction, after a lead-in or not, or a name for what goes
 * here. A label (`Note:`, `Example:`) is none; "Please explain:" is one.
 */
function tellsWhatToWrite(raw: string): boolean {
  const sentence = raw.replace(/^[*_\s]+/, '');
  // A label in title case whose first word is a verb's too (`Start Date:`, `Use Cases:`) names a field, not what to do.
  if (/^(?:[A-Z][\w'’-]*\s+){1,2}[A-Z][\w'’-]*:$/.test(sentence.replace(/[*_]+/g, ''))) return false;
  if (INSTRUCTION.test(sentence) || WHAT_GOES_HERE.test(sentence)) return true;
  if (sentence.endsWith(':') && sentence.split(/\s+/).length <= 3) return false;
  const lead = LEAD_IN.exec(sentence);
  return lead !== null && INSTRUCTION.test(sentence.slice(lead[0].length));
}

/** The first words of a kept paragraph, quoted for a message. */
function quoteStart(text: string): string {
  const words = text.split(/\s+/);
  return `"${words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : text}"`;
}
