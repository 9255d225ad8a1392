import { normalizeLabel } from '../markdown/inline-text.js';
import { lineIndexOf } from '../line-index.js';
import { countAtMost } from '../sorted-search.js';
import { standInTitleAt } from '../stand-in-titles.js';
import { diagramTexts } from './diagram-text.js';
import { maskCodeElements, proseBlockOf, proseBlocks, type ProseBlock } from './text-blocks.js';
import { isTemplatesOwnSentence, sentenceAround } from '../guidance-sentences.js';
import type { CheckRule, FindingDraft } from './types.js';
import type { SectionMatching } from '../match-sections.js';
import type { SectionState } from '../section-states.js';
import { keepsStandInTitle, titlePart, titleTextEmpty } from '../section-states.js';
import type { Block, ParsedSpec, Section, Span } from '../spec-types.js';
import type { TemplateModel } from '../template-model.js';

// What people and LLMs leave behind: to-do words, spec-kit's clarification
// markers, unexpanded `{{slot}}` templates and filler text.
// Whole words. Underscores around a word are emphasis (`_TBD_`, `__TODO__`
// show the bare word), but inside an identifier (`MAX_TODO_ITEMS`) they are
// part of it, as CommonMark reads `_` within a word.
const WORD_START = '(?<=^|[^A-Za-z0-9_]|(?:^|[^A-Za-z0-9_])_{1,3})';
const WORD_END = '(?=$|[^A-Za-z0-9_]|_{1,3}(?:$|[^A-Za-z0-9_]))';

// A model's remark to its user, from the opening that says it is one to the sentence's end
// ("Let me know if you'd like any changes!"), at a sentence's start.
const CHATTER = /(?<=^|[\s>*_(])(?:Let me know if|I hope this helps|Feel free to (?:ask|reach out|let me know)|Would you like me to|If you(?:'|\u2019)d like,? I can|Happy to help)\b[^.!?\n]{0,160}[.!?]?/g;

/** The default markers; docs/checks/leftover-marker.md repeats them (a test holds the two equal). */
export const DEFAULT_MARKERS: readonly string[] = [
  `${WORD_START}(?:TODO|TBD|FIXME|XXX)${WORD_END}`,
  // Bracketed, as spec-kit's spec template writes it, or bare, as its plan template does ("… or NEEDS CLARIFICATION").
  `\\[NEEDS CLARIFICATION|${WORD_START}NEEDS CLARIFICATION${WORD_END}`,
  '\\{\\{\\s*[A-Za-z_][\\w.-]*\\s*\\}\\}',
  `${WORD_START}[Ll]orem [Ii]psum${WORD_END}`,
];
// A Mermaid node id: before its shape, or named as an alias (participant/actor X as …, … as X).
const DIAGRAM_ID = /\b([A-Za-z_][\w-]*)[ \t]*(?:\[|\(|\{|>)|\b(?:participant|actor)[ \t]+([A-Za-z_][\w-]*)[ \t]+as\b|\bas[ \t]+([A-Za-z_][\w-]*)/g;
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
const ANY = (): boolean => true;

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
  check: ({ spec, options, template, matching, states, ruleOn }) => {
    const markers = Array.isArray(options.markers) ? options.markers.map(String) : DEFAULT_MARKERS;
    // (The defaults' patterns compiled once for the run, not once per spec.)
    const pattern = markers === DEFAULT_MARKERS ? DEFAULT_PATTERN : new RegExp(markers.map((m) => `(?:${m})`).join('|'), 'g');
    // A project's own markers are searched for one by one (see matchesOfEach), compiled once.
    const own = markers === DEFAULT_MARKERS ? null : markers.map((m) => new RegExp(m, 'g'));
    const findings: FindingDraft[] = [];
    const guidance = template !== null && template.guidanceSentences.size > 0 ? template.guidanceSentences : undefined;
    // Sections that empty-section or unfilled-placeholder report whole: the template's words left there are theirs.
    let unwritten: Span[] | undefined;
    const inUnwritten = (offset: number): boolean => {
      unwritten ??= template === null || matching === null || states === null ? [] : unwrittenSpans(spec, template, matching, states, ruleOn?.('empty-section') !== false);
      return unwritten.some((span) => offset >= span.start && offset < span.end);
    };
    // Sections empty-section reports as empty (unless it is off): a to-do word that is all their text is its finding.
    let empty: Span[] | undefined;
    const inEmpty = (offset: number): boolean => {
      empty ??= template === null || matching === null || states === null || ruleOn?.('empty-section') === false ? [] : emptySpans(matching, states);
      return empty.some((span) => offset >= span.start && offset < span.end);
    };
    // (Whether or not the text under it is written: empty-section reports the title kept, or the part under it.)
    // (Unless empty-section is off: then the marker is this rule's, as any other.)
    const keptTitle = template !== null && spec.title !== null && ruleOn?.('empty-section') !== false && keepsStandInTitle(spec, template) ? spec.title.span : null;
    // Most documents and blocks have none: for the default markers, a search
    // of the source for the words they cannot do without comes first.
    const probe = markers === DEFAULT_MARKERS ? DEFAULT_PROBE : new RegExp(pattern.source);
    // Text in HTML blocks shows on the page too (`<p>Owner: TODO</p>`, text after a comment).
    for (const block of proseBlocks(spec, markers === DEFAULT_MARKERS ? DEFAULT_WORDS : ANY, (text) => probe.test(text), { html: true })) {
      const seen = unseenBlanked(block.text, spec.definitions);
      for (const m of own === null ? seen.matchAll(pattern) : matchesOfEach(seen, own)) {
        const at = m.index;
        // `XXX` in a masked number (`XXX-XX-1234`, `(XXX) XXX-4567`) stands for digits hidden on purpose.
        if (m[0] === 'XXX' && isMask(seen, at)) continue;
        // The template's own words ("What parts of the design are still TBD?") are
        // its guidance, which empty-section judges: not the author's leftover.
        // A `{{slot}}` there is a blank never filled, though, once the section
        // holds the author's text (a model card's `**License:** {{ license }}`
        // kept among filled lines): only a section left unwritten as a whole
        // leaves it to empty-section.
        // A title kept as the template's stand-in (`# {{name}}`) is empty-section's.
        if (keptTitle !== null && block.sourceOffset(at) >= keptTitle.start && block.sourceOffset(at) < keptTitle.end) continue;
        // A section of nothing but a to-do word ("TBD") is one empty-section reports whole.
        if (inEmpty(block.sourceOffset(at))) continue;
        if (guidance !== undefined && (isTemplatesOwnSentence(block.text, at, m[0], guidance)
          ? !m[0].startsWith('{{') || inUnwritten(block.sourceOffset(at))
          // A marker that is a whole sentence of the template's by itself (a section
          // of just `TBD`) is the guidance's where the section is left unwritten.
          : guidance.has(sentenceAround(block.text, at)) && inUnwritten(block.sourceOffset(at)))) continue;
        findings.push({ ...block.locate(at, at + m[0].length), message: `leftover marker "${m[0]}": replace it with the real content` });
      }
    }
    // A model's words to its user, where a model's answer ends: the last paragraph of a section's own text
    // (searched there only: a search of every document for them would cost every check).
    for (const block of sectionEndings(spec)) {
      // (Its source first: most paragraphs fail there, before their text is built.)
      if (!CHATTER_START.test(spec.source.slice(block.start, block.end))) continue;
      // Words quoted (a block quote, a GitHub alert) are someone's the spec quotes: a customer's, a sample message.
      if (/^[ \t]*>/.test(spec.source.slice(block.lineStart, block.start))) continue;
      const prose = proseBlockOf(spec, block, (text) => CHATTER_START.test(text));
      if (prose === null) continue;
      for (const m of prose.text.matchAll(CHATTER)) {
        // So are words inside quotation marks: an odd number of them before the remark opens a quotation.
        if (((prose.text.slice(0, m.index).match(/["\u201c\u201d]/g)?.length ?? 0) % 2) === 1) continue;
        findings.push({ ...prose.locate(m.index, m.index + m[0].length), message: `a model's words to its user are still here ("${m[0].trim()}"): delete them` });
      }
    }
    // A Mermaid diagram is drawn on the page: a `TODO` node shows as plainly as a word (its `%%` comments do not).
    // (Not a diagram the template holds as it is: a sample, its guidance.)
    for (const diagram of diagramTexts(spec)) {
      if (template !== null && template.spec.source.includes(spec.source.slice(diagram.offset, diagram.offset + diagram.text.length).trim())) continue;
      // (The default words, whatever the project's markers: `A{{label}}` is a hexagon node in Mermaid, not a slot.)
      // A node's id is not drawn, its label is: an id given a shape or an alias (`TODO[To do]`,
      // `participant TODO as Tasks`, `state "To do" as TODO`) is passed over wherever it is named again.
      const ids = new Set([...diagram.text.matchAll(DIAGRAM_ID)].map((d) => d[1] ?? d[2] ?? d[3]));
      for (const m of diagram.text.matchAll(DIAGRAM_MARKERS)) {
        // (Inside a label — brackets, an edge's `|…|`, quotes — the word is drawn, id or not.)
        if (!inDiagramLabel(diagram.text, m.index) && (ids.has(m[0]) || /[[({>]/.test(diagram.text[m.index + m[0].length] ?? ''))) continue;
        const at = lineIndexOf(spec).span(diagram.offset + m.index, diagram.offset + m.index + m[0].length);
        findings.push({ ...at, message: `leftover marker "${m[0]}" in a diagram the page draws: replace it with the real content` });
      }
    }
    if (template !== null) {
      // The text of a `fixed` section is kept as the template writes it, its slots too (spec-kit's `## Format: [ID] [P?] [Story] Description`).
      const fixed = matching === null ? [] : template.sections.filter((t) => t.fixed).map((t) => matching.byTemplateId.get(t.id))
        .filter((section) => section !== undefined).map((section) => ({ start: section.heading.span.start, end: section.bodySpan.end }));
      leftoverSlots(spec, template, (offset) => inUnwritten(offset) || fixed.some((span) => offset >= span.start && offset < span.end), findings);
      if (keptTitle === null) numberStandInKept(spec, template, findings);
    }
    return findings;
  },
};

// A `{slot}` in one pair of braces (`{{slot}}` is a default marker; MADR 4's
// `{justification. e.g., … which resolves force {force} | …}` holds one more) with a
// letter and a space in it (MADR's `{title of option 1}`; `GET /users/{id}`
// names a path's parameter), or a `[slot]` in brackets (MADR 2's, log4brains'
// `[option 1]`), with a letter in it, or an instruction in parentheses (the
// Rust and React RFCs' `- Start Date: (fill me in with today's date, YYYY-MM-DD)`;
// not "(leave this empty)", which may stay).
const SLOT = /(?<!\{)\{(?!\{)(?:[^{}\n]|\{[^{}\n]*\})*\}(?!\})|\[[^[\]\n^][^[\]\n]*\]|\((?:fill|enter|insert|replace|write|put|add)\b[^()\n]{0,200}\)/gi;

// What every slot starts with, searched for first (one search of the document for all three kinds).
const SLOT_START = /[{[<]|\((?:[Ff]ill|[Ee]nter|[Ii]nsert|[Rr]eplace|[Ww]rite|[Pp]ut|[Aa]dd)\b|YY|MM|DD|\.[Xx]/g;
const mayHoldSlot = (text: string): boolean => text.includes('{') || text.includes('[') || text.includes('(') || text.includes('<') || /YY|MM|DD|\.[Xx]/.test(text);

// A code in brackets, capitals and figures (spec-kit's task labels `[US1]`, `[T001]`, `[FR-002]`): a reference, no blank.
const CODE = /^[A-Z]{1,5}-?\d{1,5}$/;

// A label in brackets that marks what follows (a KEP's `- [Optional] Aggregation method:`), no blank.
const MARK_WORD = /^\s*(?:optional|required|mandatory|recommended|deprecated|experimental|alpha|beta|stable|draft|if applicable|if any)\s*$/i;

/**
 * The slots of a prose block: `{…}`, and `[…]` shown with its brackets — not
 * a link's text (`[text](…)`, `[text][ref]`, a defined `[ref]`), a task box
 * (`[x]`) or a footnote (`[^1]`).
 */
function* slotsIn(block: ProseBlock, definitions: ReadonlySet<string>): Generator<RegExpExecArray> {
  for (const m of unseenBlanked(block.text, definitions).matchAll(SLOT)) {
    // Checked here, not in the pattern: one `[^{}]*` run keeps the search linear.
    if (m[0].startsWith('{')) {
      if (!/[A-Za-z]/.test(m[0]) || !/\s/.test(m[0])) continue;
    } else if (m[0].startsWith('[')) {
      const inner = m[0].slice(1, -1);
      const next = block.text[m.index + m[0].length];
      if (inner.trim().length < 2 || !/[A-Za-z]/.test(inner) || next === '(' || next === '[' || next === ':' || definitions.has(normalizeLabel(inner)) || MARK_WORD.test(inner) || CODE.test(inner)) continue;
    }
    yield m;
  }
  // A date or version yet to be written (a PEP header's `Created: DD-MMM-YYYY`, `Python-Version: 3.XX`).
  if (/[YMDX]{2}/.test(block.text)) yield* block.text.matchAll(FORMAT_SLOT);
  // Y-statements' `<downside d>`, `<use case/user story u>`: a page shows nothing of a tag that names
  // no HTML element, so a slot kept so is a blank that reads as filled. (Not a tag with `=`, nor one of HTML's.)
  if (block.text.indexOf('<') === -1) return;
  for (const m of block.text.matchAll(ANGLE_SLOT)) {
    if (!HTML_ELEMENTS.has(m[1]!.toLowerCase())) yield m;
  }
}

const FORMAT_SLOT = /(?<![\w-])(?:(?:YYYY|YY|MMM|MM|DD)(?:[-/.](?:YYYY|YY|MMM|MM|DD)){1,2}|\d+\.(?:X{1,3}|x{1,3})(?:\.(?:X{1,3}|x{1,3}|\d+))?)(?![\w-])/g;
const ANGLE_SLOT = /<([A-Za-z][\w-]*)[ \/][^<>=\n]*[A-Za-z][^<>=\n]*>/g;
const HTML_ELEMENTS: ReadonlySet<string> = new Set(('a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup data '
  + 'datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd '
  + 'label legend li link main map mark meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select '
  + 'small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr').split(' '));

const slotsOfTemplate = new WeakMap<TemplateModel, ReadonlySet<string>>();

/**
 * The `{slot}`s a template's prose leaves for the author to fill (MADR's
 * `{title of option 1}`, `Good, because {argument a}`), read once per
 * template: outside code, as a reader sees them.
 */
function templateSlots(template: TemplateModel): ReadonlySet<string> {
  let slots = slotsOfTemplate.get(template);
  if (slots === undefined) {
    const found = new Set<string>();
    const spec = template.spec;
    for (const block of proseBlocks(spec, SLOT_START, mayHoldSlot, { html: true })) {
      for (const m of slotsIn(block, spec.definitions)) found.add(m[0]);
    }
    slotsOfTemplate.set(template, (slots = found));
  }
  return slots;
}

/**
 * The template's own `{slot}`s left in sections the author wrote (a single
 * brace is no marker by itself: JSON, sets and code are full of them; the
 * very slot the template wrote is). Not in the title (empty-section reports
 * a title kept as the template's), nor where `spared` says (a section
 * empty-section reports whole, a `fixed` one), nor where a marker was found already.
 */
function leftoverSlots(spec: ParsedSpec, template: TemplateModel, spared: (offset: number) => boolean, findings: FindingDraft[]): void {
  const slots = templateSlots(template);
  if (slots.size === 0) return;
  const title = spec.title === null ? null : spec.title.span;
  const reported = new Set(findings.map((f) => `${f.line}:${f.column}`));
  const before = findings.length;
  for (const block of proseBlocks(spec, SLOT_START, mayHoldSlot, { html: true })) {
    // A slot inside one reported (the `YYYY-MM-DD` of `(fill me in with today's date, YYYY-MM-DD)`) is part of that one.
    let reportedTo = -1;
    for (const m of [...slotsIn(block, spec.definitions)].sort((a, b) => a.index - b.index || b[0].length - a[0].length)) {
      if (!slots.has(m[0]) || m.index < reportedTo) continue;
      const offset = block.sourceOffset(m.index);
      if ((title !== null && offset >= title.start && offset < title.end) || spared(offset)) continue;
      const at = block.locate(m.index, m.index + m[0].length);
      if (reported.has(`${at.line}:${at.column}`)) continue;
      // Quoted as written: the text searched has its inline code blanked out (`(fill me in with a unique ident, \`my_feature\`)`).
      const written = spec.source.slice(offset, block.sourceOffset(m.index + m[0].length - 1) + 1);
      findings.push({ ...at, message: `the template's slot "${written.includes('\n') ? m[0] : written}" is still here: replace it with the real content` });
      reportedTo = m.index + m[0].length;
    }
  }
  // In document order with the markers found before.
  if (findings.length > before) findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

// A number yet to be given, in a title's label: a KEP's `KEP-NNNN:`, `ADR-XXXX:`.
const NUMBER_STAND_IN = /(?<![A-Za-z0-9])(?:N{3,}|X{3,})(?![A-Za-z0-9])/;

/**
 * The template title's stand-in for a number kept in the spec's title
 * (`# KEP-NNNN: Node lifecycle conditions`, where the template has `#
 * KEP-NNNN: Your short, descriptive title`): the title is written, the
 * number the process gives it is not. Only in the label before the title's
 * own words (see {@link standInTitleAt}), and not where a marker was found.
 */
function numberStandInKept(spec: ParsedSpec, template: TemplateModel, findings: FindingDraft[]): void {
  const theirs = template.spec.title?.text.trim();
  const title = spec.title;
  if (theirs === undefined || title === null) return;
  const labelEnd = standInTitleAt(theirs);
  if (labelEnd === null || labelEnd === 0) return;
  const stand = NUMBER_STAND_IN.exec(theirs.slice(0, labelEnd));
  if (stand === null) return;
  // In the label of the spec's title as written in the source (up to its first colon), as a whole word.
  const whole = spec.source.slice(title.span.start, title.span.end);
  const colon = whole.indexOf(':');
  if (colon === -1) return;
  const source = whole.slice(0, colon);
  const m = new RegExp(`(?<![A-Za-z0-9])${stand[0]}(?![A-Za-z0-9])`).exec(source);
  if (m === null) return;
  const at = lineIndexOf(spec).span(title.span.start + m.index, title.span.start + m.index + m[0].length);
  if (findings.some((f) => f.line === at.line && f.column === at.column)) return;
  findings.push({ ...at, message: `the template's stand-in "${m[0]}" for a number is still in the title: write the number` });
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

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

// Link targets (`](…)`), the labels of full reference links (`][label]`, when
// the label is defined: else the brackets show as written), autolinks and HTML
// tags with their attributes are not read on the page: `?label=TODO` in a URL
// is not a leftover marker, nor is `[the board][TODO]`. Targets are blanked
// by a looser pattern than broken-link's reading of links: a title with an
// escaped quote or link text nested deeper is still a link, and its target
// is still unseen.
const LINK_TARGET = /\]\((?:[^()\\]|\\.|\([^()]*\))*\)/g;
const REFERENCE_LABEL = /\]\[(?:[^[\]\\]|\\.)+\]/g;
// `\<TBD\>` is escaped: the page shows "<TBD>", and that is read.
const TAG_OR_AUTOLINK = /(?<!(?:^|[^\\])(?:\\\\)*\\)<\/?[A-Za-z][^<>]*>/g;

// A bare URL, which GitHub shows as a link (an autolink literal): its text is an address, not prose.
// `www.` only where GitHub starts one (a line's start, after a space or `*_~(`);
// a URL ends at a space or `<` (and at a `|`, which ends a table's cell).
const BARE_URL = /(?:(?<![\w/.-])https?:\/\/|(?<=^|[\s*_~(])www\.)[^\s<|]*/gi;

/** The text with what a reader does not see blanked out, offsets kept. */
function unseenBlanked(text: string, definitions: ReadonlySet<string>): string {
  const links = text.indexOf('](') !== -1 || text.indexOf('][') !== -1;
  const urls = text.indexOf('://') !== -1 || /www\./i.test(text);
  const tags = text.indexOf('<') !== -1;
  if (!links && !urls && !tags) return text;
  const blank = (m: string): string => ' '.repeat(m.length);
  let out = text;
  // Link targets first (a `<code>` in a title is no element), then code
  // elements, then tags and autolinks (a URL in an attribute is the tag's), then bare URLs.
  if (links) {
    out = out.replace(LINK_TARGET, (m) => `]${blank(m.slice(1))}`)
      .replace(REFERENCE_LABEL, (m) => (definitions.has(normalizeLabel(m.slice(2, -1))) ? `]${blank(m.slice(1))}` : m));
  }
  if (tags) out = maskCodeElements(out).replace(TAG_OR_AUTOLINK, blank);
  return urls ? out.replace(BARE_URL, blank) : out;
}

/** The bodies of the template's sections that a spec leaves empty (see sectionStates), the part under the title aside. */
function emptySpans(matching: SectionMatching, states: readonly SectionState[]): Span[] {
  const spans: Span[] = [];
  for (const st of states) {
    if (st.state !== 'empty' || st.id === 'title') continue;
    const section = matching.byTemplateId.get(st.id);
    if (section !== undefined) spans.push(section.bodySpan);
  }
  return spans;
}

/**
 * The spans of the template sections left unwritten (empty, or with a
 * placeholder still open): their own text, up to their first subsection; for
 * an empty one that empty-section reports (`withHeadings`), its heading too
 * (a stand-in's slot kept there, spec-kit's `### User Story 1 - [Brief
 * Title]`, is part of what that finding says is unwritten).
 */
function unwrittenSpans(spec: ParsedSpec, template: TemplateModel, matching: SectionMatching, states: readonly SectionState[], withHeadings: boolean): Span[] {
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
    spans.push(withHeadings && st.state === 'empty' ? { start: section.heading.span.start, end: section.bodySpan.end } : section.bodySpan);
  }
  return spans;
}

// The words that open a model's remark, for the quick test of a paragraph's text.
const CHATTER_START = /Let me know|hope this helps|Feel free to|like me to|like,? I can|Happy to help/;

/** The last paragraph of the text before each section's first subsection, and of the part before the first section. */
function sectionEndings(spec: ParsedSpec): Block[] {
  const spans: Span[] = [];
  const visit = (sections: readonly Section[]): void => {
    for (const s of sections) {
      spans.push(s.bodySpan);
      visit(s.children);
    }
  };
  const first = spec.sections[0];
  spans.push({ start: spec.frontMatter?.span.end ?? 0, end: first === undefined ? spec.source.length : first.span.start });
  visit(spec.sections);
  const out: Block[] = [];
  const blocks = spec.blocks;
  for (const span of spans) {
    // From the last block that starts in the span, back past comments (by index: every section of every spec).
    for (let k = countAtMost(blocks, (b) => b.start, span.end - 1) - 1; k >= 0 && blocks[k]!.start >= span.start; k--) {
      const block = blocks[k]!;
      if (block.kind === 'paragraph') {
        out.push(block);
        break;
      }
      // (Past comments and a closing rule: `---` under a model's last words.)
      if (block.kind !== 'html' && block.kind !== 'thematic-break') break;
    }
  }
  return out;
}

/** Whether a place in a diagram's source is inside a label on its line: an unclosed `[`, `(`, `{` or `"`, or between an edge's `|`s. */
function inDiagramLabel(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  let depth = 0;
  let quoted = false;
  let piped = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if ((c === ']' || c === ')' || c === '}') && depth > 0) depth--;
    else if (c === '|' && depth === 0) piped = !piped;
  }
  return depth > 0 || quoted || piped;
}

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
