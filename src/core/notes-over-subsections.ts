// Which template sections' guidance is a note on their subsections (see
// notesOverSubsections), for buildTemplateModel: such a section asks for no
// text of its own.
import { withoutClosedComments } from './markdown/inline-comments.js';
import { escapeRegExp } from './escape-regexp.js';
import { flattenSections } from './match-sections.js';
import { withoutHeadingMarks } from './optional-sections.js';
import { nothingOrAnExample, numberedKind } from './stand-in-headings.js';
import type { ParsedSpec, Section } from './spec-types.js';
import type { TemplateSection } from './template-model.js';
import { isMarkOrSpace, trimEndWhile } from './trim-end.js';

/**
 * The template sections whose guidance is a note on their subsections, not a
 * request for text of their own: a parent whose only guidance is a comment over
 * subsections that each guide with visible text (spec-kit's `## Requirements
 * *(mandatory)*`, "The content in this section represents placeholders…", over
 * `### Functional Requirements` and its sample list), ask a question (a KEP's
 * `### Scalability`, "This section must be completed when targeting beta…", over
 * `###### Will enabling / using this feature result in any new API calls?`), or
 * are such parents themselves (the KEP's `## Production Readiness Review
 * Questionnaire`). (A KEP's `## Design Details` has subsections guided by
 * comments alone: it owes its own text.) `bodies` holds each parent's own text.
 */
export function notesOverSubsections(spec: ParsedSpec, sections: readonly TemplateSection[], childrenOf: ReadonlyMap<string, readonly TemplateSection[]>,
  bodies: ReadonlyMap<string, string>): Set<string> {
  const withPlaceholder = new Set(spec.placeholders.map((p) => p.sectionId));
  const notes = new Set<string>();
  // Whether the template sets its guidance in block quotes (most of its guided sections' text is quoted).
  const flat = flattenSections(spec.sections);
  const quotesGuidance = quotesItsGuidance(spec, flat, sections);
  // The sections whose text is nothing or an example said to be one (see nothingOrAnExample), by id.
  const examples = new Set(flat.filter((x) => nothingOrAnExample(spec.source.slice(x.bodySpan.start, x.bodySpan.end))).map((x) => x.id));
  // Subsections come after their parent: bottom-up, a subsection is judged first.
  for (let k = sections.length - 1; k >= 0; k--) {
    const s = sections[k]!;
    const below = childrenOf.get(s.id);
    if (s.id === 'title' || withPlaceholder.has(s.id) || below === undefined || s.fixed) continue;
    // Visible guidance is a note only as a labelled line over checklists (spec-kit's `*GATE: Automated checks run during main() execution*`).
    // (Or as a block quote, where the template sets all its guidance so: AWS CDK's `> This section should include answers
    // to questions…` over `### What are we launching today?` and the other questions is a note on them, as a comment would be.)
    const own = withoutClosedComments(bodies.get(s.id) ?? '').trim();
    // (Or as prose that asks for what its subsections are, examples of one kind: Argo CD's "Add a list of detailed use cases …"
    // over `#### Use case 1:` and `#### Use case 2:`; the use cases written are its text.)
    // (Or asks for several of what its stand-ins stand for: Grafana Loki's "List at least two possible ways of achieving
    // the goals." over `### Proposal 1: Title` and `### Proposal n: Title`; the proposals written are its text.)
    // (Or asks to list the kinds its stand-ins stand for: Cilium's "List crucial impacts and key questions." over `### Impact: ... 1`
    // and `### Key Question: ... 2`; the impacts and questions written are its text: blind QA.)
    if ((below.filter((c) => c.standIn !== null).length >= 2 && ASKS_FOR_SEVERAL.test(s.guidance.replace(/[*_`]+/g, ''))) || asksForItsSeries(s.guidance, below, examples)
      || listsItsStandIns(s.guidance, below)) {
      notes.add(s.id);
      continue;
    }
    // (Or a parent named by its subsections, each guided: Polkadot's `## Performance, Ergonomics, and Compatibility`,
    // "Describe the impact of the proposal …", over `### Performance`, `### Ergonomics`, `### Compatibility`: they are
    // its text, and authors write nothing above them; blind QA, 3 of 5 good RFCs failed.)
    if (below.length >= 2 && below.every((c) => c.guidance !== '' && namedIn(s.text, c.text))) {
      notes.add(s.id);
      continue;
    }
    // (Or one whose guidance names each of them, each guided: cosmos-sdk's ADR `## Consequences`, "A particular decision may
    // have positive, negative, and neutral consequences", over `### Positive`, `### Negative` and `### Neutral`, each with
    // its `{…}` slot, in a quote or a comment; authors write nothing above them: blind QA, 8 of 10 ADRs failed.)
    // (Not one that asks for text of its own too: a KEP's Motivation names its Goals and Non-Goals, and says "Describe why …".)
    if (below.length >= 2 && !ASKS_OWN_TEXT.test(bodies.get(s.id) ?? '') && below.every((c) => (c.guidance !== '' || c.guided) && namedIn(bodies.get(s.id) ?? '', c.text))) {
      notes.add(s.id);
      continue;
    }
    // (Or prose that says its subsections are examples of what to write: OpenShift's Graduation Criteria, "**Examples**:
    // These are generalized examples to consider, …", over `### Dev Preview -> Tech Preview` and `### Tech Preview -> GA`,
    // each with its sample list; the milestones written are its text: blind QA.)
    if (EXAMPLES_BELOW.test(own) && below.every((c) => c.guidance !== '')) {
      notes.add(s.id);
      continue;
    }
    // (Or prose that only says what the section is, asking for nothing, over subsections each guided: a Scala SIP's
    // "This is the meat of your proposal." over High-level overview and Specification, OCM's "This is where we get down to
    // the nitty-gritty of what the proposal actually is."; blind QA.)
    if (own.length <= 400 && ROLE_ONLY.test(own) && !ASKS_OWN_TEXT.test(own) && !own.includes('?') && below.every((c) => c.guidance !== '' || c.guided)) {
      notes.add(s.id);
      continue;
    }
    // (A quoted note is one over questions only: "> Give an overview …; the subsections below …" asks for text of its own.)
    const quotedNote = quotesGuidance && ALL_QUOTED.test(own);
    if (quotedNote && !below.every((c) => asksAQuestion(c.text) || notes.has(c.id))) continue;
    if (s.guidance !== '' && !(VISIBLE_NOTE.test(own) && below.every((c) => CHECKLIST.test(c.guidance))) && !quotedNote) continue;
    const asked = (c: TemplateSection): boolean => asksAQuestion(c.text) || notes.has(c.id);
    // (A heading with no guidance at all that only groups questions is one such parent too:
    // `### Feature Enablement and Rollback` over its questions, when a template gives it no comment.)
    if (!s.guided) {
      if (below.every(asked)) notes.add(s.id);
      continue;
    }
    if (below.every(asked)) notes.add(s.id);
    // Over subsections with visible text, the comment must read as a note on them
    // (`ACTION REQUIRED: The content in this section represents placeholders…`):
    // "Describe the design in enough detail…" asks for text of the section's own.
    // (So over stand-ins for names the spec gives, guided by comments too: "For each alert: what it means…" over
    // `### Alert: <name>` and its comment, MADR-like "Give each option its own subsection below" over `### {title of option 1}`.)
    else if (below.every((c) => c.guidance !== '' || asked(c) || (c.guided && c.standIn !== null)) && isNoteOnBelow(bodies.get(s.id) ?? '')) notes.add(s.id);
  }
  return notes;
}

// A comment that is a note on the text below it: a label in capitals before it
// (spec-kit's `ACTION REQUIRED:`, `IMPORTANT:`), or words about what is below.
const NOTE_LABEL = /<!--\s*[A-Z][A-Z ]{2,}:/;
const NOTE_WORDS = /\b(?:placeholders?|below|the following|subsections?|for each|each of)\b/i;
const isNoteOnBelow = (text: string): boolean => NOTE_LABEL.test(text) || NOTE_WORDS.test(text) || VISIBLE_NOTE.test(text.trim());
// A paragraph that opens by saying what follows is examples, a label before it or not: "**Examples**: These are generalized examples to consider".
const EXAMPLES_BELOW = /(?:^|\n)[ \t]*(?:[*_]{0,2}examples?[*_]{0,2}:[*_]{0,2}[ \t]*)?(?:these|the following|below) are (?:(?:some|a few|generali[sz]ed|sample|illustrative|possible)[ \t]+)*examples\b/i;
// Guidance of a sentence or two that each only say what the section is: "This is the meat of your proposal."
const ROLE_ONLY = /^[*_]{0,2}this (?:section )?is (?:the|where|a|an|what)\b[^.!?\n]*[.!]?[*_]{0,2}(?:\s+[*_]{0,2}this (?:section )?is\b[^.!?\n]*[.!]?[*_]{0,2})?$/i;
// Guidance that asks for several things of a kind: "List at least two possible ways …", "Describe each option …".
const ASKS_FOR_SEVERAL = /\b(?:list|give|describe|propose|outline|present|compare)\b[^.!?\n]{0,40}\b(?:at least (?:two|2|one|1)|two or more|one or more|several|each|all (?:the )?(?:possible|options|alternatives))\b/i;
// A sentence of guidance that opens by telling the author to write something.
// (Spaces and tabs only after a line break: `\s*` there would read a long run of blank lines again from each one.)
const ASKS_OWN_TEXT = /(?:^|[.!?:][ \t\n]+|<!--[ \t]*|\n[ \t]*(?:>[ \t]*)?(?:[-*+][ \t]+)?)(?:please[ \t]+)?(?:describe|explain|write|summari[sz]e|provide|give|state|list|outline|document|include|add|detail|discuss|justify|elaborate|tell)\b/i;
// A checklist in a section's guidance (its boxes kept in its prose: `[ ] No implementation details`).
const CHECKLIST = /(?:^|\s)\[ \]\s/;
// One line of text that opens with a label in capitals, in emphasis or not: `*GATE: Automated checks run during main() execution*`.
const VISIBLE_NOTE = /^[*_]{0,2}(?:GATE|NOTE|IMPORTANT|ACTION REQUIRED|WARNING|INFO)[*_]{0,2}:[^\n]*$/;

/** Whether every word of a subsection's heading is in its parent's (`Ergonomics` in `Performance, Ergonomics, and Compatibility`). */
function namedIn(parent: string, child: string): boolean {
  const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const theirs = new Set(words(parent));
  const own = words(child);
  return own.length > 0 && own.every((w) => theirs.has(w));
}

/** Whether a heading is a question (`Will enabling the feature result in any new API calls?`), its comments and marks aside. */
export function asksAQuestion(heading: string): boolean {
  // Its marks aside: `What are the risks? (mandatory)`, `Why is it safe? *(required)*`.
  return trimEndWhile(withoutHeadingMarks(withoutClosedComments(heading)), isMarkOrSpace).endsWith('?');
}

/**
 * Whether a parent's guidance asks to list the kinds its labelled stand-ins
 * stand for (see {@link notesOverSubsections}), in its first sentence, which
 * opens by asking for a list: "List crucial impacts and key questions." over
 * `### Impact: ... 1` and `### Key Question: ... 2`.
 */
function listsItsStandIns(guidance: string, below: readonly TemplateSection[]): boolean {
  // (Or asks for a list over subsections that are all stand-ins, NVIDIA Dynamo's "List out solutions that were
  // considered." over `## Alt <#> <Title>`: the written ones are the list.)
  if (below.length > 0 && below.every((c) => c.standIn !== null) && /^\W*list\b/i.test(guidance.replace(/[*_`]+/g, ''))) return true;
  const labelled = below.filter((c) => c.standIn !== null && c.standIn.lead !== '' && c.standIn.lead.length <= 40);
  if (labelled.length < 2) return false;
  const plain = guidance.replace(/[*_`]+/g, '');
  if (!/^\W*(?:list|give|describe|outline|present)\b/i.test(plain)) return false;
  const first = /^[^.!?\n]*/.exec(plain)![0];
  return labelled.every((c) => new RegExp(`\\b${escapeRegExp(c.standIn!.lead.replace(/[\s:\u2013\u2014-]+$/, '').trim()).replace(/ /g, '\\s+')}(?:s|es)?\\b`, 'i').test(first));
}

/**
 * Whether guidance names, in the plural, the kind its subsections are
 * examples of (two or more numbered headings of one kind, see numberedKind):
 * "Add a list of detailed use cases" over "Use case 1:" and "Use case 2:".
 */
function asksForItsSeries(guidance: string, below: readonly TemplateSection[], examples: ReadonlySet<string>): boolean {
  // (Examples only, nothing under them or an example said to be one: not `### Phase 1` and `### Phase 2` each asked for.)
  if (below.length < 2 || !below.every((c) => examples.has(c.id))) return false;
  const kinds = new Set(below.map((c) => numberedKind(c.text)));
  if (kinds.size !== 1) return false;
  const kind = [...kinds][0];
  if (kind == null) return false;
  const stem = kind.slice(0, -2);
  return new RegExp(`\\b${escapeRegExp(stem).replace(/ /g, '\\s+')}(?:s|es)\\b`, 'i').test(guidance);
}

// Text that is all block quotes: each of its lines starts with `>`.
const ALL_QUOTED = /^>[^\n]*(?:\n[ \t]*(?:>[^\n]*)?)*$/;

/**
 * Whether a template sets its guidance in block quotes (AWS CDK's RFC
 * template: `> Write one sentence which is a brief description of the
 * feature.`): more than half of its sections with visible guidance hold
 * nothing but quotes.
 */
function quotesItsGuidance(spec: ParsedSpec, flat: readonly Section[], sections: readonly TemplateSection[]): boolean {
  let quoted = 0;
  let visible = 0;
  const byId = new Map(flat.map((x) => [x.id, x]));
  for (const t of sections) {
    if (t.guidance === '') continue;
    const section = byId.get(t.id);
    if (section === undefined) continue;
    visible++;
    if (ALL_QUOTED.test(withoutClosedComments(spec.source.slice(section.bodySpan.start, section.bodySpan.end)).trim())) quoted++;
  }
  return visible >= 2 && quoted * 2 > visible;
}
