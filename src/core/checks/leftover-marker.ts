import { diagramMarkers, WORKFLOW_STATES } from './diagram-text.js';
import { hasTagStart } from '../markdown/tag-starts.js';
import { modelRemarks } from './model-remarks.js';
import { proseBlocks, unseenBlanked, type ProseBlock } from './text-blocks.js';
import { leftoverSlots, numberStandInKept } from './template-slots.js';
import { frontMatterSlotsKept, frontMatterStubs } from './front-matter-slots.js';
import { isTemplatesOwnSentence, sentenceAround } from '../guidance-sentences.js';
import { leftoverGuidance } from './leftover-guidance.js';
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
  '(?:(?<!\\$)|(?=\\{\\{\\s*[A-Za-z_][\\w-]*\\s*\\}\\}))\\{\\{\\s*[A-Za-z_][\\w.-]*\\s*\\}\\}',
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
        if (own === null && (m[0] === 'TODO' || m[0] === 'FIXME') && THING_AFTER.test(seen.slice(at + m[0].length, at + m[0].length + 16)) && inHeadingLine(spec.source, block.sourceOffset(at))) continue;
        // The template's own words ("What parts of the design are still TBD?") are
        // its guidance, which empty-section judges: not the author's leftover.
        // A `{{slot}}` there is a blank never filled, though, once the section
        // holds the author's text (a model card's `**License:** {{ license }}`
        // kept among filled lines): only a section left unwritten as a whole
        // leaves it to empty-section.
        // A title kept as the template's stand-in (`# {{name}}`) is empty-section's.
        if (inKeptTitle(block.sourceOffset(at))) continue;
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
 * Whether a default marker at `at` is named rather than left (false-positive
 * hunts): in quotation marks with a word that names it (`the status
 * "TODO"`), a file's name (`TODO.md`), spelt out after it (`TBD (to be
 * decided)`, an acronym's words), a kind of thing after a determiner (`all
 * TODO comments`), a noun (`each TODO has an owner`), several named
 * together, said of the past, or inside someone's words quoted in a block
 * quote (`quoteBlock`). One with a colon after it (`TODO: decide`) is a note
 * left, whatever is before it. (An image's alt text is read: it shows where
 * the image cannot, and is read out.)
 */
/** Whether the line holding a source offset is an ATX heading's. */
function inHeadingLine(source: string, offset: number): boolean {
  let lineStart = offset;
  while (lineStart > 0 && offset - lineStart < 300 && source[lineStart - 1] !== '\n' && source[lineStart - 1] !== '\r') lineStart--;
  return /^[ \t]{0,3}#{1,6}[ \t]/.test(source.slice(lineStart, offset + 1));
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
  return close === 0 || close === -1 || rest[close] === '\n' ? (close === 0 ? `${marker}]` : marker) : `${marker}: …]`;
}

function isMention(text: string, at: number, length: number, quoteBlock: () => boolean): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at + length] ?? '';
  const word = text.slice(at, at + length);
  // Quoted after a word that names it: `the status "TODO"`, `a column called 'TBD'` (`timeout is "TBD"` is a blank).
  // (French quotes too, a space inside them or not: `le statut « TODO »`.)
  const quoted = (before === '"' && after === '"') || (before === '\'' && after === '\'') || (before === '\u201c' && after === '\u201d') || (before === '\u2018' && after === '\u2019')
    || (/\u00ab[ \u00a0\u202f]?$/.test(text.slice(Math.max(0, at - 2), at)) && /^[ \u00a0\u202f]?\u00bb/.test(text.slice(at + length, at + length + 2)));
  if (quoted && (NAMING.test(text.slice(Math.max(0, at - 40), at - 1)) || NAMED_AFTER.test(text.slice(at + length + 1, at + length + 40))
    || BOARD.test(text.slice(Math.max(0, at - 40), at + length + 40)))) return true;
  // A prefix named: `comments that start with TODO: or FIXME:` (a linter's rule).
  // (Or a list of them: `start with TODO: or FIXME:`.)
  // (Written as a prefix is, with its colon: `starts with TBD customers` is a blank.)
  if (after === ':' && /\b(?:(?:starts?|starting|begins?|beginning)[ \t]+with|prefixed[ \t]+(?:with|by))[ \t]+(?:(?:TODO|FIXME|XXX|TBD|HACK):?,?[ \t]+(?:(?:or|and)[ \t]+)?)*$/i.test(text.slice(Math.max(0, at - 48), at))) return true;
  // An acronym's words after a colon, a glossary's (`**TBD**: trunk-based development`).
  // (The term set in bold or italics, as glossaries write it: `TBD: tune batch defaults` is a note.)
  const glossed = before === '*' || before === '_' ? /^[*_]+:[ \t]*([A-Za-z]+(?:[ -][A-Za-z]+){1,6})/.exec(text.slice(at + length, at + length + 72))?.[1] : undefined;
  if (glossed !== undefined && !/^(?:to|the|a|an)\b/i.test(glossed) && initials(glossed).slice(0, word.length) === word) return true;
  // `TODO: decide the quota`, `TODO & FIXME: fix the numbers`: a note left.
  if (/^(?:[ \t]*(?:,|and|or|&)[ \t]*(?:TODO|FIXME|XXX|TBD|HACK))*[ \t]*:/.test(text.slice(at + length, at + length + 40))) return false;
  const after12 = text.slice(at + length, at + length + 16);
  // Named in prose as a kind of thing, after a determiner: `all TODO comments`, `a TODO app`, `no FIXME markers`
  // (`TODO list the dependencies`, with none before it, is a note still to act on; TBD and XXX stand for a word
  // to write, `a TBD column`, `the XXX team`).
  if ((word === 'TODO' || word === 'FIXME') && DETERMINER_BEFORE.test(wordsBefore(text, at, 12)) && THING_AFTER.test(after12)) return true;
  // A to-do word used as a noun, after a determiner, a verb or a stop after it: `a new TODO is added`,
  // `each TODO has an owner`, `remove the FIXME once fixed` (not `the TODO service`, a name still to write).
  if ((word === 'TODO' || word === 'FIXME') && NOUN_DETERMINER_BEFORE.test(wordsBefore(text, at, 24)) && AS_A_NOUN_AFTER.test(after12)) return true;
  // Things markers are, right after: `TODO comments per team`, `[NEEDS CLARIFICATION] markers`, a `TODO tracker`
  // (one comment or tag, `TODO comment on why …`, is a note to write one).
  if (MARKER_THING_AFTER.test(after12)) return true;
  // Markers named together: `TODO, FIXME and XXX comments`, `no TODO or FIXME remains`, `markers such as TODO and TBD`.
  // (Not the same blank twice, `Owners: TBD and TBD`, nor blanks joined with nothing that names them: `The quota is TODO and TBD.`)
  for (const m of text.slice(Math.max(0, at - 40), at + length + 40).matchAll(LISTED_MARKERS)) {
    const from = Math.max(0, at - 40) + m.index;
    if (from > at || at >= from + m[0].length) continue;
    const words = new Set(m[0].match(/TODO|FIXME|XXX|TBD|HACK/g));
    const end = from + m[0].length;
    if (words.size > 1 && (THING_AFTER.test(text.slice(end, end + 16)) || MARKER_THING_AFTER.test(text.slice(end, end + 16))
      || DETERMINER_BEFORE.test(wordsBefore(text, from, 12)) || LIST_NAMED_BEFORE.test(wordsBefore(text, from, 24)))) return true;
  }
  // Said of the past, in parentheses: `Retention 13 months (was TBD in draft 1)`.
  if (/\((?:it |this |that )?(?:was|were|had been)[ \t]+$/i.test(text.slice(Math.max(0, at - 20), at))) return true;
  // An acronym spelt out, its words capitalised, in parentheses or the next cell: `TBD (Trunk Based Development)`,
  // `| TBD | Trunk-based development |` (not `TBD (the board decides)`, `TBD (to be discussed)`: the blank explained).
  const expansion = /^[ \t]*(?:\(|\|[ \t]*)([A-Z][A-Za-z]*(?:[ -][A-Za-z]+){1,6})[ \t]*(?:\)|\|)/.exec(text.slice(at + length, at + length + 72))?.[1];
  if (expansion !== undefined && !/^to\b/i.test(expansion) && initials(expansion) === word) return true;
  // A state or a label a tracker gives: `an item marked TODO`, `tickets in TODO status`, `the TODO count`.
  // (TODO only: `the image tagged XXX` is a blank; and a state after a word before it: `TODO state the retention …` is a note.)
  if (word === 'TODO' && /\b(?:marked|labell?ed|tagged|flagged)(?:[ \t]+as)?[ \t]+$/i.test(wordsBefore(text, at, 20))) return true;
  if (word === 'TODO' && /\b(?:in|the|a|an|its|their|to|from|per)[ \t]+$/i.test(wordsBefore(text, at, 12)) && /^[ \t]+(?:status|state|column|lane|count|counts|bucket)\b/i.test(after12)) return true;
  // A header's name, `XXX-Forwarded-Tenant`.
  if (word === 'XXX' && /^-[A-Z][a-z]+-[A-Z]/.test(after12)) return true;
  // Inside someone's words quoted, in a block quote or after a word that says someone said them:
  // `> "Half the items say TBD because nobody knows."`, `a user quote from the survey: "…"`
  // (UI copy in quotes, `"Ship faster with TODO"`, is a blank in the product's words).
  const opened = quotationAround(text, at);
  if (opened !== -1 && (quoteBlock() || SPEECH_BEFORE.test(text.slice(Math.max(0, opened - 48), opened)))) return true;
  // Spelt out in the next cell of its table row: `| TBD | to be decided |`.
  if (/^[ \t]*\|[ \t]*to be (?:decided|determined|defined|announced|confirmed)\b/i.test(text.slice(at + length, at + length + 30))) return true;
  if (after === '.' && /^\.[A-Za-z]{1,5}\b/.test(text.slice(at + length, at + length + 7))) return true;
  // Spelt out, and nothing else in the parentheses: `TBD (to be decided)`, a glossary's; not `TBD (to be agreed with legal)`.
  if (/^[ \t]*\((?:to be (?:decided|determined|defined|done|announced|confirmed)|to do)\)/i.test(text.slice(at + length, at + length + 24))) return true;
  // A workflow's states named together: `TODO, IN_PROGRESS and DONE`.
  return WORKFLOW_STATES.test(text.slice(Math.max(0, at - 40), at + length + 40));
}

/**
 * The text before `at`, at most about `most` characters, starting at a word's
 * start: a window cut inside a word would take its end for a word of its own.
 */
function wordsBefore(text: string, at: number, most: number): string {
  let from = Math.max(0, at - most);
  if (from > 0 && /[\w-]/.test(text[from - 1]!)) while (from < at && /[\w-]/.test(text[from]!)) from++;
  return text.slice(from, at);
}

// Words before a quoted marker that say it is named: a status, a state, a label, a column, a keyword.
const NAMING = /\b(?:statut|estado|etiqueta|colonne|columna|spalte|zustand|status|state|states|label|labels|tag|tags|column|columns|keyword|keywords|marker|markers|word|called|named|value|enum|for|greps?|searches|search|flags?|rejects?|forbids?|bans?)\W*$/i;
// Or after it, or a verb that looks for it: `"TODO" comments`, `greps for 'FIXME'`.
const NAMED_AFTER = /^\W*(?:comments?|markers?|labels?|tags?|status|state|items?|entries|lines?|keyword)\b/i;
// A word that makes what follows a thing spoken of, right before the marker; and the things a marker names.
// (A possessive too: `the team's TODO file`.)
const DETERMINER_BEFORE = /(?:^|[^\w-])(?:a|an|the|all|any|no|every|each|these|those|our|their|its|your|my|[A-Za-z]+['\u2019]s)[ \t]+$/i;
// (Not one used as a verb, a determiner after it: `Legal's TODO file the DPA …`.)
const THING_AFTER = /^[ \t]+(?:comments?|markers?|items?|lists?|apps?|application|entries|tags?|notes?|columns?|lanes?|files?|pages?|docs?|documents?|boards?)\b(?![ \t]+(?:the|a|an|this|that|these|those|all|every|each|our|their|its|your|my)\b)/i;
// A determiner before a to-do word used as a noun, an adjective or so between (`a new TODO`, `the last FIXME`).
const NOUN_DETERMINER_BEFORE = /(?:^|[^\w-])(?:a|an|the|each|every|this|that|another|any|no|some)(?:[ \t]+(?:new|single|open|old|stale|existing|remaining|last|first|lone|next))?[ \t]+$/i;
// What follows a to-do word used as a noun: a verb, a preposition, a stop (`each TODO has`, `the FIXME once`, `a TODO.`).
const AS_A_NOUN_AFTER = /^(?:[ \t]*(?:[.,;)!?]|$)|[ \t]+(?:is|are|was|were|has|have|had|gets?|got|goes|stays|means|remains|in|as|on|once|from|with|per|to|that|which|and|or|for|by|at|into|before|after|until|older|newer|left|found|without|across|over|under|since)\b)/i;
// Things markers are, named right after one (not a list's or a note's: `TODO list the dependencies` is a note;
// one comment, tag or marker, `TODO comment on why …`, is a note to write one).
// (`keeps TODO items in a store`, `TODO lists`, `the TODO lanes`: plural things, no note's object; but a label
// over the work left, `Open TODO items: retries.`, is a note.)
const MARKER_THING_AFTER = /^\]?[ \t]+(?:comments|markers|tags|trackers?|apps?|application|(?:items|entries|lists|lanes|boards)(?![ \t]*:))\b/i;
// Words before a list of to-do words that say they are named (`markers such as TODO and TBD`, `we grep for TODO or FIXME`).
const LIST_NAMED_BEFORE = /\b(?:such as|like|e\.g\.,?|i\.e\.,?|including|namely|counts?|counting|finds?|flags?|greps?(?: for)?|search(?:es)? for|looks? for|markers?|words?|keywords?|either|both|neither)[ \t:]*$/i;
// Two or more to-do words joined by "and", "or" or "&": markers named, not left (see isMention).
const LISTED_MARKERS = /\b(?:TODO|FIXME|XXX|TBD|HACK)s?(?:,[ \t]*(?:TODO|FIXME|XXX|TBD|HACK)s?)*,?[ \t]+(?:and|or|&)[ \t]+(?:TODO|FIXME|XXX|TBD|HACK)s?\b/g;

/**
 * Where the quotation a place is inside opens (straight, curly or French
 * quotes around four words or more, within a few lines of it), or -1: a
 * user's or a colleague's words keep theirs. (A marker quoted alone,
 * `"TBD"`, is no one's words.) Only the text around the place is read: a
 * long paragraph of markers is read once, not again for each.
 */
function quotationAround(text: string, at: number): number {
  const from = Math.max(0, at - QUOTE_REACH);
  const before = text.slice(from, at);
  const after = text.slice(at, at + QUOTE_REACH);
  for (const [open, close] of QUOTES) {
    const start = before.lastIndexOf(open);
    if (start === -1) continue;
    // A straight quote opens a quotation where no word runs into it from before (`say "…`), and closes one where none runs on after it.
    if (open === close && start > 0 && /[\p{L}\p{N}]/u.test(before[start - 1]!)) continue;
    if (open !== close && before.lastIndexOf(close) > start) continue;
    const end = after.indexOf(close);
    if (end === -1 || (open === close && /[\p{L}\p{N}]/u.test(after[end + 1] ?? ''))) continue;
    const quoted = before.slice(start + 1) + after.slice(0, end);
    if (quoted.indexOf('\n\n') === -1 && quoted.trim().split(/\s+/).length >= 4) return from + start;
  }
  return -1;
}

/** The first letters of a phrase's words, in capitals (`trunk-based development` → `TBD`). */
function initials(phrase: string): string {
  return phrase.split(/[ -]+/).filter((w) => w !== '').map((w) => w[0]!.toUpperCase()).join('');
}

// Words before a quotation that say someone said it.
// (Not "says": UI copy, `the banner says "Paused until TBD"`, is a blank in the product's words.)
const SPEECH_BEFORE = /\b(?:said|wrote|asked|told us|quotes?|quoted|feedback|complained|commented|reported|survey|interview)\b[^"\u201c\u00ab]{0,40}$/i;

// How far from a marker its quotation's marks are looked for.
const QUOTE_REACH = 300;
const QUOTES: ReadonlyArray<readonly [string, string]> = [['"', '"'], ['\u201c', '\u201d'], ['\u00ab', '\u00bb']];

// Words of a board or a workflow around a quoted marker: `the "TODO" lane`, `set the status to "TODO"`.
const BOARD = /\b(?:status|state|column|lane|board|workflow|kanban)\b/i;


/**
 * Whether the `XXX` at `at` is part of a masked number: joined by `-` to
 * digits or other X's, or in parentheses, with a digit shown near it (`XX-XXX
 * bytes` is a number still to write).
 */
function isMask(text: string, at: number): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at + 3] ?? '';
  const joined = (after === '-' && /[X\d]/.test(text[at + 4] ?? '')) || (before === '-' && /[X\d]/.test(text[at - 2] ?? '')) || (before === '(' && after === ')');
  return joined && /\d/.test(text.slice(Math.max(0, at - 8), at + 11));
}
