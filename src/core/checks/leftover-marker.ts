import { diagramMarkers } from './diagram-text.js';
import { memoPer } from '../memo-by.js';
import { hasTagStart } from '../markdown/tag-starts.js';
import { modelRemarks } from './model-remarks.js';
import { proseBlocks, unseenBlanked, type ProseBlock } from './text-blocks.js';
import { leftoverSlots, numberStandInKept } from './template-slots.js';
import { frontMatterSlotsKept, frontMatterStubs } from './front-matter-slots.js';
import { isTemplatesOwnSentence, sentenceAround } from '../guidance-sentences.js';
import { leftoverGuidance } from './leftover-guidance.js';
import { isMask, isMention, namesAThingInHeading } from './marker-mentions.js';
import { MAX_PER_RULE, type CheckRule, type FindingDraft } from './types.js';
import type { SectionMatching } from '../match-sections.js';
import type { SectionState } from '../section-states.js';
import { keepsDefaultAnswer, keepsDraftAnswer, keepsStandInTitle, titleNamingNothing, titlePart, titleTextEmpty } from '../section-states.js';
import type { ParsedSpec, Span } from '../spec-types.js';
import { sectionProse } from '../section-prose.js';
import { stubWord } from '../stand-in-text.js';
import type { TemplateModel } from '../template-model.js';

// What people and LLMs leave behind: to-do words, spec-kit's clarification
// markers, unexpanded `{{slot}}` templates and filler text.
// Whole words. Underscores around a word are emphasis (`_TBD_`, `__TODO__`
// show the bare word), but inside an identifier (`MAX_TODO_ITEMS`) they are
// part of it, as CommonMark reads `_` within a word.
const WORD_START = '(?<=^|[^A-Za-z0-9_]|(?:^|[^A-Za-z0-9_])_{1,3})';
const WORD_END = '(?=$|[^A-Za-z0-9_]|_{1,3}(?:$|[^A-Za-z0-9_]))';

/** The default markers; docs/checks/leftover-marker.md repeats them (a test holds the two equal). */
export const DEFAULT_MARKERS: readonly string[] = [
  `${WORD_START}(?:TODO|TBD|FIXME|XXX)${WORD_END}`,
  // Bracketed, as spec-kit's spec template writes it, or bare, as its plan template does ("… or NEEDS CLARIFICATION").
  `\\[NEEDS CLARIFICATION|${WORD_START}NEEDS CLARIFICATION${WORD_END}`,
  // (Not a GitHub Actions expression, `${{ secrets.TOKEN }}`, a path with a dot; `${{budget}}` is a slot.)
  // (Its name may be words, `{{link to prototype}}`; a Pony RFC's, blind QA.)
  '(?:(?<!\\$)|(?=\\{\\{\\s*[A-Za-z_][\\w-]*\\s*\\}\\}))\\{\\{\\s*[A-Za-z_][\\w.-]*(?: [A-Za-z_][\\w.-]*){0,3}\\s*\\}\\}',
  // The filler itself: not followed by a word of another language than its Latin ("the Lorem ipsum passage",
  // a "Lorem ipsum generator"), nor a link's text (`[The history of Lorem ipsum](…)`), which name it.
  `${WORD_START}[Ll]orem [Ii]psum(?![ \\t]+(?!dolor\\b|sit\\b|amet\\b|consectetur\\b|adipiscing\\b)[A-Za-z]|[ \\t]*\\])`,
];
// The default markers as one pattern (global, for their matches) and as a probe (whether a text holds one).
const DEFAULT_PATTERN = new RegExp(DEFAULT_MARKERS.map((m) => `(?:${m})`).join('|'), 'g');
const DEFAULT_PROBE = new RegExp(DEFAULT_PATTERN.source);
// The default markers that are words, as a diagram's labels may hold them.
const DIAGRAM_MARKERS = new RegExp([DEFAULT_MARKERS[0], DEFAULT_MARKERS[1], DEFAULT_MARKERS[3]].map((m) => `(?:${m})`).join('|'), 'g');
// One of these is in every match of a default marker, on one line: no
// container prefix (`> `) can split it, so a block whose source lacks them all
// holds no default marker. (`ipsum`, not `lorem`: a search that may start at
// every `o` or `l` is slower, and "aforementioned" holds `orem`.)
const DEFAULT_WORDS = /TODO|TBD|FIXME|XXX|NEEDS|\{\{|[Ii]psum/g;
// A to-do word written as a tag (`<TBD>`, `<todo/>`): the page shows nothing of it, so the blank reads as filled.
// A tag as CommonMark reads one: its name at once after `<` (or `</`), then a space before any attribute, or
// the end (`<TBD: scope>`, `<todo@example.com>`, `< TODO >` are text the page shows). (Not after a backslash
// that is not itself escaped: `\\<TBD>` shows "<TBD>", read as the word.)
const MARKER_TAG = /(?<!(?:^|[^\\])(?:\\\\)*\\)(?:<(?:TODO|TBD|FIXME)(?![\w-])(?:[ \t][^<>\n]{0,200})?\/?>|<\/(?:TODO|TBD|FIXME)[ \t]*>)/gi;
// What every marker tag starts with: its name after `<` or `</`, found from the document's `<`s (see hasTagStart),
// then the blocks that hold one.
const MARKER_TAG_NAME = /\/?(?:tbd|todo|fixme)(?![\w-])/iy;
const MARKER_TAG_START = /<\/?(?:tbd|todo|fixme)(?![\w-])/gi;
const ANY = (): boolean => true;
// A template engine's statement on a line of its own: Jinja's and Nunjucks' `{% set … %}`, `{% include … %}`, ….
const ENGINE_STATEMENT = /^[ \t]{0,3}\{%-?[ \t]*(?:set|include|extends|import|from|macro|block|if|for)\b[^\n]*%\}[ \t]*$/m;
// Markers placed at most (far more than are listed: some may be suppressed); the rest are counted.
const MAX_DRAFTS = 20 * MAX_PER_RULE;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Leftover markers outside code: TODO, TBD, FIXME, XXX, `[NEEDS
 * CLARIFICATION`, `{{name}}` slots, lorem ipsum. Option `markers`: a list of
 * regular expressions that replaces the default list.
 */
export const leftoverMarker: CheckRule = {
  id: 'leftover-marker',
  defaultSeverity: 'warning',
  description: 'A to-do word, clarification marker, template slot or filler text is left in the prose.',
  options: { markers: { kind: 'patterns', description: 'regular expressions that replace the default markers' } },
  check: (context) => {
    const { spec, options, template, matching, states, ruleOn, suppressed, statuses } = context;
    const markers = Array.isArray(options.markers) ? options.markers.map(String) : DEFAULT_MARKERS;
    // (The defaults' patterns compiled once for the run, not once per spec.)
    const pattern = markers === DEFAULT_MARKERS ? DEFAULT_PATTERN : new RegExp(markers.map((m) => `(?:${m})`).join('|'), 'g');
    // A project's own markers are searched for one by one (see matchesOfEach), compiled once.
    const own = markers === DEFAULT_MARKERS ? null : markers.map((m) => new RegExp(m, 'g'));
    const findings: FindingDraft[] = [];
    let cut: Mutable<FindingDraft> & { more: number } | undefined;
    // A marker found: placed, unless silenced (skipped here, not only after: those must not use up
    // what is placed), or past what any report lists, where it is counted (see MAX_PER_RULE).
    const place = (block: ProseBlock, from: number, to: number, message: string): void => {
      const at = block.locate(from, to);
      if (suppressed?.(at.line) === true) return;
      if (findings.length < MAX_DRAFTS) {
        findings.push({ ...at, message });
        return;
      }
      cut ??= { line: at.line, column: at.column, endLine: at.line, endColumn: at.column, message: '', more: 0 };
      cut.more++;
    };
    const guidance = template !== null && template.guidanceSentences.size > 0 ? template.guidanceSentences : undefined;
    // Sections that empty-section or unfilled-placeholder report whole: the template's words left there are theirs.
    let unwritten: Span[] | undefined;
    const inUnwritten = (offset: number): boolean => {
      unwritten ??= template === null || matching === null || states === null ? [] : unwrittenSpans(spec, template, matching, states, { empty: ruleOn?.('empty-section') !== false, open: ruleOn?.('unfilled-placeholder') !== false });
      return unwritten.some((span) => offset >= span.start && offset < span.end);
    };
    // Lines of the template's guidance that leftover-guidance reports as kept (unless it is off), asked only of a marker that labels it.
    let kept: FindingDraft[] | undefined;
    const inKeptGuidance = (line: number): boolean => {
      kept ??= ruleOn?.('leftover-guidance') === false ? [] : leftoverGuidance.check(context);
      return kept.some((f) => line >= f.line && line <= (f.endLine ?? f.line));
    };
    // Sections empty-section reports as empty (unless it is off): a to-do word that is all their text is its finding.
    let empty: Span[] | undefined;
    const inEmpty = (offset: number): boolean => {
      empty ??= template === null || matching === null || states === null || ruleOn?.('empty-section') === false ? [] : emptySpans(spec, template, matching, states);
      return empty.some((span) => offset >= span.start && offset < span.end);
    };
    // (Whether or not the text under it is written: empty-section reports the title kept, or the part under it.)
    // (Unless empty-section is off: then the marker is this rule's, as any other.)
    // (Or one that names nothing where the template asks for the title alone, `# TBD`: empty-section says so of the title.)
    const keptTitle = template !== null && spec.title !== null && ruleOn?.('empty-section') !== false
      && (keepsStandInTitle(spec, template) || titleNamingNothing(spec, template) !== null) ? spec.title.span : null;
    // Most documents and blocks have none: for the default markers, a search
    // of the source for the words they cannot do without comes first.
    const probe = markers === DEFAULT_MARKERS ? DEFAULT_PROBE : new RegExp(pattern.source);
    const inKeptTitle = (offset: number): boolean => keptTitle !== null && offset >= keptTitle.start && offset < keptTitle.end;
    // A page that a template engine renders, as its template is (Jinja's `{% include … %}` lines in both: Fuchsia's
    // RFCs): a `{{ rfc.title }}` on a line the template holds as it stands is the engine's to fill when the page is built.
    let rendered: boolean | undefined;
    // (Asked once per line: many markers on one long line would read it again for each: review.)
    let lastLine: { start: number; end: number; held: boolean } | undefined;
    const engineFills = (offset: number): boolean => {
      rendered ??= template !== null && ENGINE_STATEMENT.test(spec.source) && ENGINE_STATEMENT.test(template.spec.source);
      if (!rendered) return false;
      if (lastLine === undefined || offset < lastLine.start || offset > lastLine.end) {
        const [start, end] = lineBounds(spec.source, offset);
        lastLine = { start, end, held: templateHoldsLine(template!.spec.source, spec.source.slice(start, end).trim()) };
      }
      return lastLine.held;
    };
    // A to-do word written as a tag, in any case (a search of its own: the words' search is case-sensitive).
    if (markers === DEFAULT_MARKERS && hasTagStart(spec.source, MARKER_TAG_NAME)) {
      for (const block of proseBlocks(spec, MARKER_TAG_START, (text) => text.indexOf('<') !== -1, { html: true })) {
        for (const m of block.text.matchAll(MARKER_TAG)) {
          // (A link's destination in angle brackets, `[plan](<TODO list.md>)`, is no tag.)
          if (m.index >= 2 && block.text.startsWith('](', m.index - 2)) continue;
          const offset = block.sourceOffset(m.index);
          if (inEmpty(offset) || inKeptTitle(offset)) continue;
          place(block, m.index, m.index + m[0].length, `leftover marker "${m[0]}": a tag, so the page shows nothing of it; replace it with the real content`);
        }
      }
    }
    // Text in HTML blocks shows on the page too (`<p>Owner: TODO</p>`, text after a comment).
    for (const block of proseBlocks(spec, markers === DEFAULT_MARKERS ? DEFAULT_WORDS : ANY, (text) => probe.test(text), { html: true })) {
      const seen = unseenBlanked(block.text, spec.definitions);
      // (Whether the block is a block quote's, asked only of a marker inside quotation marks.)
      const quoteBlock = (): boolean => {
        const offset = block.sourceOffset(0);
        let lineStart = offset;
        while (lineStart > 0 && offset - lineStart < 200 && spec.source[lineStart - 1] !== '\n' && spec.source[lineStart - 1] !== '\r') lineStart--;
        return /^[ \t]*>/.test(spec.source.slice(lineStart, offset));
      };
      for (const m of own === null ? seen.matchAll(pattern) : matchesOfEach(seen, own)) {
        const at = m.index;
        // `XXX` in a masked number (`XXX-XX-1234`, `(XXX) XXX-4567`) stands for digits hidden on purpose.
        if (m[0] === 'XXX' && isMask(seen, at)) continue;
        // The word named, not left: quoted, a file's name, spelt out.
        if (own === null && isMention(seen, at, m[0].length, quoteBlock)) continue;
        // In a heading, a name: `# KEP-1440: TODO list support`, `## TODO app sync` (a heading is no place for a note to act on).
        if (own === null && namesAThingInHeading(spec.source, block.sourceOffset(at), seen, at, m[0])) continue;
        // The template's own words ("What parts of the design are still TBD?") are
        // its guidance, which empty-section judges: not the author's leftover.
        // A `{{slot}}` there is a blank never filled, though, once the section
        // holds the author's text (a model card's `**License:** {{ license }}`
        // kept among filled lines): only a section left unwritten as a whole
        // leaves it to empty-section.
        // A title kept as the template's stand-in (`# {{name}}`) is empty-section's.
        if (inKeptTitle(block.sourceOffset(at))) continue;
        // A heading of the template's, kept as it names its section (Filecoin FIPs' `## TODO`): renamed, it would be missing.
        if (template !== null && inTemplateHeading(spec, template, block.sourceOffset(at))) continue;
        if (m[0].startsWith('{{') && engineFills(block.sourceOffset(at))) continue;
        // A section of nothing but a to-do word ("TBD") is one empty-section reports whole.
        if (inEmpty(block.sourceOffset(at))) continue;
        const owns = guidance === undefined ? false : isTemplatesOwnSentence(block.text, at, m[0], guidance);
        // A to-do word as the label of the template's guidance kept (Carbon's `TODO: What problem …?`) is that
        // guidance, where leftover-guidance reports it; where it does not (a single question kept, a section
        // with nothing of its own above its subsections), the marker is the one sign left.
        if (owns === 'label' && !(inKeptGuidance(block.locate(at, at + m[0].length).line) || inUnwritten(block.sourceOffset(at)))) {
          place(block, at, at + m[0].length, `leftover marker "${shownMarker(seen, at, m[0])}": replace it with the real content`);
          continue;
        }
        if (guidance !== undefined && (owns
          ? !m[0].startsWith('{{') || inUnwritten(block.sourceOffset(at))
          // A marker that is a whole sentence of the template's by itself (a section
          // of just `TBD`) is the guidance's where the section is left unwritten.
          : guidance.has(sentenceAround(block.text, at)) && inUnwritten(block.sourceOffset(at)))) continue;
        place(block, at, at + m[0].length, `leftover marker "${shownMarker(seen, at, m[0])}": replace it with the real content`);
      }
    }
    if (cut !== undefined) findings.push(cut);
    // A model's words to its user where its answer ends, and a marker in a diagram the page draws
    // (the default words, whatever the project's markers: `A{{label}}` is a hexagon node in Mermaid, not a slot).
    findings.push(...modelRemarks(spec), ...diagramMarkers(spec, template, DIAGRAM_MARKERS));
    frontMatterStubs(spec, statuses, findings);
    if (template !== null) {
      // The text of a `fixed` section is kept as the template writes it, its slots too (spec-kit's `## Format: [ID] [P?] [Story] Description`).
      const fixed = matching === null ? [] : template.sections.filter((t) => t.fixed).map((t) => matching.byTemplateId.get(t.id))
        .filter((section) => section !== undefined).map((section) => ({ start: section.heading.span.start, end: section.bodySpan.end }));
      leftoverSlots(spec, template, (offset) => inUnwritten(offset) || fixed.some((span) => offset >= span.start && offset < span.end), findings);
      if (keptTitle === null) numberStandInKept(spec, template, findings);
      frontMatterSlotsKept(spec, template, findings);
    }
    return findings;
  },
};


/**
 * The matches of a project's own markers, each searched for alone, in order
 * of place, overlaps left to the first: in one alternation an empty match of
 * one (a lookahead, `(?=FIX)`) would win at a place where another matches
 * `FIXME`, and hide it. Empty matches mark nothing.
 */
function matchesOfEach(text: string, markers: readonly RegExp[]): RegExpExecArray[] {
  const all: RegExpExecArray[] = [];
  for (const marker of markers) for (const m of text.matchAll(marker)) if (m[0] !== '') all.push(m);
  all.sort((a, b) => a.index - b.index || b[0].length - a[0].length);
  const kept: RegExpExecArray[] = [];
  let end = 0;
  for (const m of all) {
    if (m.index < end) continue;
    kept.push(m);
    end = m.index + m[0].length;
  }
  return kept;
}


/**
 * The bodies of the template's sections that a spec leaves empty (see
 * sectionStates); the part under the title when it holds only a to-do word
 * under the spec's own title (empty-section's "holds only" finding).
 */
function emptySpans(spec: ParsedSpec, template: TemplateModel, matching: SectionMatching, states: readonly SectionState[]): Span[] {
  const spans: Span[] = [];
  for (const st of states) {
    if (st.state !== 'empty') continue;
    if (st.id === 'title') {
      const part = spec.title === null || keepsStandInTitle(spec, template) ? null : titlePart(spec, matching, template);
      if (part !== null && stubWord(sectionProse(spec, part.span)) !== null) spans.push(part.span);
      continue;
    }
    const section = matching.byTemplateId.get(st.id);
    if (section !== undefined) spans.push(section.bodySpan);
  }
  // And the template's default answer kept while it accepts it (an EIP draft's Rationale "TBD"): no leftover either.
  for (const t of template.sections) {
    const section = t.defaultAnswer === null ? undefined : matching.byTemplateId.get(t.id);
    if (section !== undefined && keepsDefaultAnswer(spec, section, t) && !keepsDraftAnswer(spec, section, t)) spans.push(section.bodySpan);
  }
  return spans;
}

/**
 * The spans of the template sections left unwritten (empty, or with a
 * placeholder still open): their own text, up to their first subsection; for
 * one that empty-section or unfilled-placeholder reports (`withHeadings`), its heading too
 * (a stand-in's slot kept there, spec-kit's `### User Story 1 - [Brief
 * Title]`, is part of what that finding says is unwritten).
 */
function unwrittenSpans(spec: ParsedSpec, template: TemplateModel, matching: SectionMatching, states: readonly SectionState[], withHeadings: { readonly empty: boolean; readonly open: boolean }): Span[] {
  const spans: Span[] = [];
  for (const st of states) {
    if (st.state !== 'empty' && st.state !== 'open') continue;
    if (st.id === 'title') {
      const part = titlePart(spec, matching, template);
      // A title part counts as empty while its heading is the template's stand-in, its text written or not: only unwritten text is spared.
      if (part !== null && !(st.state === 'empty' && keepsStandInTitle(spec, template) && !titleTextEmpty(spec, matching, template, part))) spans.push(part.span);
      continue;
    }
    const section = matching.byTemplateId.get(st.id);
    if (section === undefined) continue;
    // (So for one whose placeholder is still open, unfilled-placeholder's: `### Alert: <name>` over it is unwritten too.)
    // (The heading with it only while the rule that reports the section is on: off, the slot in it is this rule's.)
    spans.push((st.state === 'empty' ? withHeadings.empty : withHeadings.open) ? { start: section.heading.span.start, end: section.bodySpan.end } : section.bodySpan);
  }
  return spans;
}

/**
 * A marker as the message shows it: spec-kit's bracketed one with its
 * bracket closed (`[NEEDS CLARIFICATION]`, or `[NEEDS CLARIFICATION: …]`
 * where a reason follows on its line), not cut at its last letter.
 */
function shownMarker(text: string, at: number, marker: string): string {
  if (!marker.startsWith('[') || marker.endsWith(']')) return marker;
  const rest = text.slice(at + marker.length, at + marker.length + 300);
  const close = rest.search(/[\]\n]/);
  if (close === 0) return `${marker}]`;
  return close > 0 && rest[close] === ']' ? `${marker}: …]` : marker;
}

/** Where the line of `source` that holds `offset` starts and ends, its line break aside. */
function lineBounds(source: string, offset: number): [number, number] {
  let start = offset;
  while (start > 0 && source[start - 1] !== '\n' && source[start - 1] !== '\r') start--;
  let end = offset;
  while (end < source.length && source[end] !== '\n' && source[end] !== '\r') end++;
  return [start, end];
}

/** The line of `source` that holds `offset`, without its line break and the white space around it. */
function lineAround(source: string, offset: number): string {
  const [start, end] = lineBounds(source, offset);
  return source.slice(start, end).trim();
}

/** Whether a template's source has `line` (trimmed) as one of its lines. */
function templateHoldsLine(source: string, line: string): boolean {
  for (let at = source.indexOf(line); at !== -1; at = source.indexOf(line, at + 1)) {
    if (lineAround(source, at) === line) return true;
  }
  return false;
}

const headingKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();
// The template's section headings (its title aside), as headingKey reads them, once per template.
const templateHeadingTexts = memoPer((template: TemplateModel): ReadonlySet<string> =>
  new Set(template.sections.filter((t) => t.id !== 'title').map((t) => headingKey(t.text))));

/** Whether an offset is in a heading of the spec's whose text is a heading of the template's (spacing and case aside). */
function inTemplateHeading(spec: ParsedSpec, template: TemplateModel, offset: number): boolean {
  const heading = spec.headings.find((h) => h.span.start <= offset && offset < h.span.end);
  return heading !== undefined && templateHeadingTexts(template).has(headingKey(heading.text));
}
