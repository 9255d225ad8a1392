// The template's guidance kept in one paragraph or list item of a spec: all
// of it, its first lines over the author's, or its last lines under them; and
// whether such text tells the author what to write. leftover-guidance reports it.
import { GUIDANCE_STEPS, isGuidanceSentence, normalizedSentence, plainText } from '../guidance-sentences.js';
import { mayBeGuidanceSentence } from '../first-sentence-filter.js';
import { sectionProse } from '../section-prose.js';
import type { Block, ParsedSpec } from '../spec-types.js';

// Verbs a template's instructions open with ("Explain the proposal as if…",
// "Describe the data model.", "Remove this paragraph before submitting."): a
// paragraph of the template's sentences that tells the author what to write
// is guidance, not an answer.
const INSTRUCTION = /^(?:please\b|(?:add|answer|avoid|be sure|call out|capture|cite|clarify|compare|consider|cover|define|delete|describe|detail|discuss|document|elaborate|ensure|enumerate|estimate|explain|feel free|fill|focus|give|highlight|identify|illustrate|include|indicate|insert|justify|keep|link|list|make sure|mention|note down|outline|point out|present|propose|provide|remove|replace|show|sketch|specify|spell out|start|state|summari[sz]e|tell|think about|try|use|walk through|write)\b)/i;
// A lead-in before the verb: "In this section, describe …", "Briefly list …", "If applicable, include …".
// (Or "At a high level, explain …", "During the review process, add …", "Before submitting, remove …", "Once it is accepted, link …".)
const LEAD_IN = /^(?:(?:in|for|if|when|where|as|here|optionally|also|then|finally|first|next|at|during|before|after|once|until|while|on|upon|with|within|by)\b[^,]{0,40},\s*|\w+ly\s+)/i;
// A template's slot, to be replaced by the author's words.
// (Or an instruction in parentheses that leftover-marker reports as one: `(fill me in with today's date, YYYY-MM-DD)`.)
const SLOT = /\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\((?:fill|enter|insert|replace|write|put|add)\b[^)]*\)/gi;
// The label of an aside the template keeps on purpose (`**Note:** This checklist is iterative …`).
const ASIDE_LABEL = /^[*_\s]*(?:note|notes|nb|n\.b\.|tip|hint|important|warning|caution|remember|reminder)[*_\s]*:[*_\s]*$/i;
// The template speaking of the section itself, never an answer: OCM's "This is where we get down to the nitty gritty of
// what the proposal actually is.", "This section is for …", "This is the meat of the proposal." (blind QA: kept above
// written subsections, it went unreported once such a parent owed no text of its own).
const ABOUT_THIS_SECTION = /^[*_\s]*this (?:section )?is (?:where|the place|for|meant|intended|used|the (?:meat|heart|core|main part) of)\b/i;
// A line break tag.
const BR = /<br\s*\/?>/gi;
// A note that says to remove itself before the spec goes out: "Remove this section before submitting", "Delete this note once …".
const REMOVE_BEFORE = /\b(?:remove|delete)\s+(?:this|these)\s+(?:section|note|notes|text|paragraph|block|comment|comments|instructions?)\b[^.!?]{0,40}\b(?:before|when|once|after)\b/i;
// A sentence that speaks to the author ("you should delete …", "How do you propose …?", "… please explain:").
const TO_THE_AUTHOR = /\b(?:you|your|please)\b/i;
// …or of the author, in the third person, what they are to do: a REP's "the owner of each proposal should identify a
// **shepherd**", "Authors must list the reviewers" (blind QA: kept above the answer, it went unreported); NEAR's "the author
// should then finalize the last version of the decision context".
const OF_THE_AUTHOR = /\b(?:owners?|authors?|proposers?|submitters?|champions?)(?: of (?:each|the|this|a|an|every) [\w-]+)? (?:should|must|shall|needs? to|is expected to|are expected to) (?:(?:\w+ly|then|also) )?(?:identify|list|name|describe|explain|add|provide|include|document|write|state|specify|give|link|summari[sz]e|nominate|choose|pick|find|finali[sz]e|update|complete|record)\b/i;
// What goes here, named: "A short description of what the feature is.", "Summary of the change."
// (And "A precise statement of the proposed change.", "An introduction of the necessary background …", "Links to related issues …".)
// (Or the name with an example after it: the OTEP and Keptn templates' "Short (one sentence) summary, e.g., something that
// would be appropriate for a CHANGELOG …", read without its parenthetical; blind QA.)
const WHAT_GOES_HERE = /^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:(?:description|summary|explanation|overview|list|discussion|analysis|outline|rationale|statement|introduction|definition|justification|breakdown|comparison|assessment|evaluation|walkthrough)\s+of|(?:description|summary|explanation|overview),\s*e\.g\.|links?\s+to)/i;

// A sentence's end in the plain text of a paragraph.
const SENTENCE_END = /[.!?:;](?=\s|$)/g;

/**
 * The paragraph's plain text when every sentence of it is the template's
 * guidance, or its first lines' when only they are (the author's text below
 * them, no blank line between), with whether it tells what to write and
 * where it ends; else null.
 */
export function keptGuidance(spec: ParsedSpec, block: Block, sentences: ReadonlySet<string>, hiddenSentences: ReadonlySet<string>, item = false): KeptGuidance | null {
  // Most paragraphs are the author's, told at their first sentence from the source, before any text is built.
  // (A placeholder's marker kept as text, `AGENT_PLACEHOLDER: Describe …`, is no word of the guidance's: what follows it is.)
  const marked = spec.source.slice(block.start, block.end).indexOf('AGENT_PLACEHOLDER') !== -1;
  // (A list item's start word for word: items are many, and the template's bullets are kept as they are.)
  if (!marked && block.segments !== undefined && !mayBeGuidanceSentence(spec.source, sentences, block.segments, item)) return keptBelow(spec, block, sentences, hiddenSentences);
  const prose = sectionProse(spec, block);
  // (A line break written as `<br>` ends no word: `… by the sponsor.<br> **Remove this section …**` is two sentences.)
  const text = plainText(marked ? prose.replace(/\bAGENT_PLACEHOLDER:\s*/g, '') : prose).replace(BR, ' ');
  const whole = judge(text, sentences, hiddenSentences);
  // (A paragraph the template sets wholly in `{{ }}`, npm's `{{THIS SECTION IS REQUIRED FOR RATIFICATION}}`, is its note
  // to the author whatever it says: kept beside the author's text, it is told too.)
  if (whole !== undefined) return whole === null ? null : { text, ...whole, tells: whole.tells || WRAPPED_NOTE.test(spec.source.slice(block.start, block.end)), end: block.end };
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

// A paragraph that is one `{{…}}` and nothing else.
const WRAPPED_NOTE = /^[ \t]*\{\{[^{}\n]+(?:\n[^{}\n]+)*\}\}[ \t]*(?:\r?\n|\r)?$/;

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
export interface KeptGuidance {
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
    else if (TO_THE_AUTHOR.test(raw.replace(SLOT, '')) || OF_THE_AUTHOR.test(raw) || ABOUT_THIS_SECTION.test(raw) || tellsWhatToWrite(raw)) instructions++;
  }
  // (Not a lead-in of the author's to what follows, though the template's comment has its words: `Estimated increase in size:`.)
  // (Nor questions alone over their answer, the Q&A form, whether the template showed them or not: two or more are told above.)
  if (words === 0) return null;
  // (An aside that says to remove it before the spec goes out is told to go: Grafana Loki's "> _NOTE: … **Remove this
  // section before submitting, …**_" kept under the title; blind QA.)
  if (noted && REMOVE_BEFORE.test(text)) noted = false;
  // (Three words are enough for an instruction only the template's comments hold, shown: tech-spec's "Add project title".)
  return { tells: !noted && (words >= 4 || (hidden && instructions > 0 && words === 3 && !text.trimEnd().endsWith(':'))) && (instructions > 0 || questions > 1 || (hidden && questions < count && !text.trimEnd().endsWith(':'))), questions: noted ? 0 : questions };
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
export function tellsWhatToWrite(raw: string): boolean {
  // (Guidance in parentheses, nginx-gateway-fabric's `(Describe the use cases for this feature)`, tells as it would bare.)
  const sentence = raw.replace(/^[*_\s(]+/, '');
  // A label in title case whose first word is a verb's too (`Start Date:`, `Use Cases:`) names a field, not what to do.
  if (/^(?:[A-Z][\w'’-]*\s+){1,2}[A-Z][\w'’-]*:$/.test(sentence.replace(/[*_]+/g, ''))) return false;
  if (INSTRUCTION.test(sentence) || WHAT_GOES_HERE.test(sentence) || (sentence.indexOf('(') !== -1 && WHAT_GOES_HERE.test(sentence.replace(/\s*\([^()\n]{0,60}\)/g, '')))) return true;
  if (sentence.endsWith(':') && sentence.split(/\s+/).length <= 3) return false;
  const lead = LEAD_IN.exec(sentence);
  return lead !== null && INSTRUCTION.test(sentence.slice(lead[0].length));
}
