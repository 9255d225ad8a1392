import { codeOf, codeSample } from '../block-samples.js';
import { normalizedSentence, plainText } from '../guidance-sentences.js';
import { lineIndexOf } from '../line-index.js';
import { countAtMost } from '../sorted-search.js';
import { memoBy, memoPer } from '../memo-by.js';
import { besideComments, blocksIn, proseSentences, sectionProse } from '../section-prose.js';
import { titlePart } from '../section-states.js';
import { numberBeforeWords } from '../slug.js';
import type { Block, ParsedSpec, Section, Span } from '../spec-types.js';
import type { TemplateModel, TemplateSection } from '../template-model.js';
import { flattenSections } from '../match-sections.js';
import { headingPosition, sectionFields } from './locate.js';
import { keptGuidance, tellsWhatToWrite } from './kept-guidance.js';
import type { CheckRule, FindingDraft } from './types.js';

// A field: a short label in capitals, its colon, then its value (`Review: (…)`, `**Authors:** …`), not a question.
// (Not a label over an instruction: `- Performance: describe the latency budget.` is guidance; nor one over a
// question, wherever in the item it ends: the Rust RFC's `- Papers: Are there any published papers …? If you have …`.)
const FIELD_ITEM = /^[*_]*[A-Z][\w '()/-]{0,30}?[*_]*:[*_]*[ \t]+(?!(?:describe|explain|list|state|add|include|give|provide|write|note|outline|detail|specify|summari[sz]e|document|mention|define|identify|discuss|show|link|name|fill)\b)\S/i;

/** Whether a list item's text is a field (see FIELD_ITEM): a label and a value that asks no question (tested apart, in one pass). */
function isField(item: string): boolean {
  return FIELD_ITEM.test(item) && !/\?(?:\s|$)/.test(item.slice(item.indexOf(':') + 1));
}

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
      // The section's own text, then that of the subsections of the author's under it (Svelte's `## Drawbacks` guidance
      // kept under the author's `### Solution 1`: blind QA), each finding named by the section it is in.
      let where: string | null = section.id;
      const flush = (): void => {
        if (run !== null && (run.tells || run.questions > 1)) {
          const at = lineIndexOf(spec).span(run.start, run.end);
          findings.push({ ...at, ...sectionFields(spec, where),
            message: `the template's guidance ${quoteStart(run.text)} is still here beside the section's own text: delete it` });
        }
        run = null;
      };
      // (There, only the section's own visible guidance: an author's `#### Alpha` under a KEP's Graduation Criteria may
      // well take its items from the examples the template's comment gives.)
      const places: Array<{ id: string | null; span: Span }> = [{ id: section.id, span: section.bodySpan }];
      if ('children' in section && t.guidance !== '') ownSubsections(section, matching.unmatched, places);
      let sentences = template.guidanceSentences;
      let hiddenSentences = template.hiddenGuidanceSentences;
      for (const place of places) {
      flush();
      where = place.id;
      if (place.span !== section.bodySpan) {
        sentences = ownVisibleSentences(template, t.id);
        hiddenSentences = NONE;
      }
      for (const block of blocksIn(spec, place.span)) {
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
          : isListItem(spec, block) && !isField(spec.source.slice(block.start, Math.min(block.end, block.start + 2000)))))
          ? keptGuidance(spec, block, sentences, hiddenSentences, !block.topLevel) : null;
        // A paragraph that is wholly one of the template's slots (MADR's `{Describe the context …}`) is leftover-marker's finding, once.
        // (On one line only: leftover-marker reads a slot within a line.)
        // (Not one in `{{ }}`, npm's `{{THIS SECTION IS REQUIRED FOR RATIFICATION}}`: a note, which leftover-marker's slots do not read.)
        // (Nor one of the options the template lists to choose from, chosen: Cardano's licence line uncommented.)
        if (kept !== null && t.options !== null && proseSentences(spec, block).every((sentence) => t.options!.has(sentence))) {
          flush();
          continue;
        }
        // (Not one with a link inside, NEAR's bracketed Changelog guidance with its `[Semantic Versioning](…)`: leftover-marker
        // reads bracketed prose with a link as guidance, not a slot, and leaves it here; blind QA.)
        if (kept === null || (/^[{[][^\n]*[}\]]$/.test(kept.text.trim()) && !kept.text.trim().startsWith('{{') && !/[}\]][^]*[{[]/.test(kept.text.trim().slice(1, -1)) && block.line === block.endLine
          && !spec.source.slice(block.start, block.end).includes(']('))) {
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
      }
      flush();
      // The whole answer in a ```markdown fence, as agents wrap theirs: the page shows it as code.
      // (One that holds the placeholder is said so above.)
      const wrapped = t.id === 'title' ? null : wrappedAnswer(spec, section.bodySpan);
      if (wrapped !== null && wrapped !== fenced && !template.codeSamples.has(codeSample(spec.source, wrapped)) && !asksForCode(template, t)) {
        findings.push({ ...lineIndexOf(spec).span(wrapped.lineStart, wrapped.end), ...sectionFields(spec, section.id),
          // (Its fence as written, `~~~markdown` or four backticks: what the author searches the file for.)
          message: `the section's text is all in a ${fenceOf(spec.source, wrapped)} code block, which the page shows as code, not as text: delete the fence lines around it` });
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

const NONE: ReadonlySet<string> = new Set();
const visibleGuidance = new WeakMap<TemplateModel, Map<string, ReadonlySet<string>>>();

/** The sentences of a template section's own visible guidance (not its comments', nor its subsections'), once per template and section. */
function ownVisibleSentences(template: TemplateModel, id: string): ReadonlySet<string> {
  return memoBy(visibleGuidance, template, id, () => {
    const own = flattenSections(template.spec.sections).find((x) => x.id === id);
    return new Set(own === undefined ? [] : proseSentences(template.spec, own.bodySpan));
  });
}

/** A fenced block's opening fence and info word as written (```` ```markdown ````, `~~~md`), for messages. */
function fenceOf(source: string, block: Block): string {
  const line = source.slice(block.start, Math.min(block.end, block.start + 200)).split(/\r?\n|\r/)[0]!.trim();
  const m = /^(`{3,}|~{3,})[ \t]*([\w-]*)/.exec(line);
  return m === null ? '```markdown' : `${m[1]}${m[2]}`;
}

/** The subsections of the author's under a section (matching no template section), depth first, with those under them. */
function ownSubsections(section: Section, unmatched: ReadonlySet<Section>, out: Array<{ id: string | null; span: Span }>): void {
  for (const child of section.children) {
    if (!unmatched.has(child)) continue;
    out.push({ id: child.id, span: child.bodySpan });
    ownSubsections(child, unmatched, out);
  }
}

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
  // (A few words are no instructions: a badge, a label. Nor is text that does not speak of the template or the file
  // — "This is a template for Go's change proposal process" does:
  // a metadata list to fill in, above a template whose only heading is taken for its title.)
  // (Read in the source: "Instructions" may be a `<summary>` label, which shows no prose.)
  // (A word between, Filecoin's "This is the suggested template for new FIPs.")
  if (above.split(' ').length < 6 || !/\b(?:(?:this|the|a)(?: [a-z]+)? (?:template|file)|instructions?)\b/i.test(template.spec.source.slice(start(template.spec), theirs.span.start))) return null;
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

/** The first words of a kept paragraph, quoted for a message. */
function quoteStart(text: string): string {
  const words = text.split(/\s+/);
  return `"${words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : text}"`;
}
