// The template's own slots kept among the author's lines — `{argument a}`,
// `[option 1]`, `(fill me in …)`, `DD-MMM-YYYY`, `<downside d>` — and a title's
// stand-in for a number (`KEP-NNNN:`): blanks the template left to fill, which
// leftover-marker reports where the author has written the section around them.
import { sentenceAround } from '../guidance-sentences.js';
import { lineIndexOf } from '../line-index.js';
import { HTML_ELEMENTS } from '../markdown/html-elements.js';
import { memoPer } from '../memo-by.js';
import { sectionAt } from '../section-at.js';
import { normalizeLabel } from '../markdown/inline-text.js';
import type { ParsedSpec } from '../spec-types.js';
import { standInTitleAt } from '../stand-in-titles.js';
import type { TemplateModel } from '../template-model.js';
import { asWritten, proseBlockOf, proseBlocks, unseenBlanked, type ProseBlock } from './text-blocks.js';
import { stubLinesKept } from './stub-lines.js';
import { sampleLinksKept } from './sample-links.js';
import type { FindingDraft } from './types.js';
import { headOf, tailOf } from '../clip-text.js';

// A `{slot}` in one pair of braces (`{{slot}}` is a default marker; MADR 4's
// `{justification. e.g., … which resolves force {force} | …}` holds one more) with a
// letter and a space in it (MADR's `{title of option 1}`; `GET /users/{id}`
// names a path's parameter) or named in capitals (see CAPS_SLOT), or a `[slot]` in brackets (MADR 2's, log4brains'
// `[option 1]`), with a letter in it, over two lines at most (spec-kit's plan wraps `[Document the selected structure …⏎
// directories captured above]`) (and a link inside, log4brains' `[draft | … | superseded by [xxx](yyyymmdd-xxx.md)]`,
// its target blanked by then), or an instruction in parentheses (the
// Rust and React RFCs' `- Start Date: (fill me in with today's date, YYYY-MM-DD)`;
// not "(leave this empty)", which may stay).
// Or a choice in parentheses, its options between ` / ` (Vue's `- Target Major Version: (2.x / 3.x)`,
// TensorFlow's `| Status | (Proposed / Accepted / Implemented / Obsolete) |`), or in bold joined by "or"
// (Swift's `* Status: **Awaiting implementation** or **Awaiting review**`): one is to be kept. Only as a whole
// value, after a line's start, a label's colon or a cell's `|`, and before the line's or the cell's end: `(yes / no) Yes,
// because …` answers, `**MUST** or **SHOULD** hold` is prose, and so is a choice that a hard-wrapped sentence ends a line with.
// (Not a template engine's tag or comment, Jinja's `{% include "…" %}` and `{# … #}`, as Fuchsia's RFC template opens: a directive, no blank.)
const SLOT = /(?<!\{)\{(?![{%#])(?:[^{}\n]|\{[^{}\n]*\})*\}(?!\})|\[[^[\]\n^](?:[^[\]\n]|\[[^[\]\n]*\])*(?:\n(?:[^[\]\n]|\[[^[\]\n]*\])*)?\]|\((?:fill|enter|insert|replace|write|put|add)\b[^()\n]{0,200}\)|\((?<=(?:^|\n|:|\|)[ \t]*\()(?:[^()\n/|]{1,40} \/ ){1,12}[^()\n/|]{1,40}\)(?=[ \t]*(?:\||\n|$))|\*\*(?<=(?:^|\n|:|\|)[ \t]*\*\*)[^*\n]{1,40}\*\*(?: or \*\*[^*\n]{1,40}\*\*){1,8}(?=[ \t]*(?:\||\n|$))/gi;

// What every slot starts with, searched for first (one search of the document for all three kinds).
const SLOT_START = /[{[<]|\((?:[Ff]ill|[Ee]nter|[Ii]nsert|[Rr]eplace|[Ww]rite|[Pp]ut|[Aa]dd)\b| \/ |\*\* or \*\*|YY|MM|DD|\.[Xx]|\$[A-Z]|___|[A-Z][-_][A-Z]/g;
const mayHoldSlot = (text: string): boolean => text.includes('{') || text.includes('[') || text.includes('(') || text.includes('<') || text.includes('$') || text.includes('___') || text.includes('** or **') || /YY|MM|DD|\.[Xx]|[A-Z][-_][A-Z]/.test(text);

// A `{SLOT}` named in capitals, words joined by `_` or one word of three letters or more (AWS CDK's
// `@{BAR_RAISER_USER}`, `#{TRACKING_ISSUE}`), as templating tools write their variables.
const CAPS_SLOT = /^\{(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,})\}$/;

// A choice's options in parentheses (see SLOT).
const CHOICE = /^\((?:[^()\n/|]{1,40} \/ )+[^()\n/|]{1,40}\)$|^\*\*[^*\n]+\*\*(?: or \*\*[^*\n]+\*\*)+$/;

// A code in brackets, capitals and figures (spec-kit's task labels `[US1]`, `[T001]`, `[FR-002]`): a reference, no blank.
const CODE = /^[A-Z]{1,5}-?\d{1,5}$/;

// A repository named by its owner and name, in lower case, as a checklist links it (KubeVirt's "links to VEP dir in
// [kubevirt/enhancements]", its link's definition left out): a name, no blank. Not one of the words slots use for
// what to write there (`[owner/repo]`, `[org/name]`).
const REPOSITORY = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/;
const SLOT_WORDS = /^(?:owner|org|organi[sz]ation|user|username|account|team|group|repo|repository|name|project|path|dir|directory|file|branch|tag|version|date|time|yyyy|mm|dd|x|y|n|a|b|foo|bar)$/;
const namesRepository = (inner: string): boolean => REPOSITORY.test(inner) && !inner.split('/').some((part) => SLOT_WORDS.test(part) || /^(?:your|my|the)-/.test(part));

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
      // (A capitals slot not in a path or a word: `/orders/{ORDER_ID}` names a path's parameter.)
      if (!/[A-Za-z]/.test(m[0]) || (!/\s/.test(m[0]) && (!CAPS_SLOT.test(m[0]) || /[\w/=.$-]/.test(block.text[m.index - 1] ?? ' ') || /[\w{]/.test(block.text[m.index + m[0].length] ?? ' ')))) continue;
    } else if (m[0].startsWith('[')) {
      // (Its escapes aside: Bevy's `## \[Optional\] Future possibilities` shows `[Optional]`, a mark.)
      const inner = m[0].slice(1, -1).replace(/\\(?=[[\]])/g, '').replace(/\\$/, '');
      const next = block.text[m.index + m[0].length];
      if (inner.trim().length < 2 || !/[A-Za-z]/.test(inner) || next === '(' || next === '[' || next === ':' || definitions.has(normalizeLabel(inner)) || MARK_WORD.test(inner) || CODE.test(inner) || namesRepository(inner)) continue;
      // (A link inside only in a choice of values, log4brains' `[draft | … | superseded by [xxx](…)]`: bracketed prose
      // with a link, Go's `[This is a template for …, documented [here](…).]`, is guidance, leftover-guidance's.)
      if (inner.includes('[') && !inner.includes('|')) continue;
    }
    yield m;
  }
  // A date or version yet to be written (a PEP header's `Created: DD-MMM-YYYY`, `Python-Version: 3.XX`).
  if (/[YMDX]{2}/.test(block.text)) yield* block.text.matchAll(FORMAT_SLOT);
  if (/[A-Z][-_][A-Z]/.test(block.text)) yield* block.text.matchAll(CAPS_NAME_SLOT);
  // A blank line to write on: `Approver: ___________`.
  if (block.text.indexOf('___') !== -1) yield* block.text.matchAll(BLANK_LINE_SLOT);
  if (block.text.indexOf('$') !== -1) yield* block.text.matchAll(VARIABLE_SLOT);
  // Y-statements' `<downside d>`, `<use case/user story u>`: a page shows nothing of a tag that names
  // no HTML element, so a slot kept so is a blank that reads as filled. (Not a tag with `=`, nor one of HTML's.)
  if (block.text.indexOf('<') === -1) return;
  for (const m of block.text.matchAll(ANGLE_SLOT)) {
    // (With words after the first, a letter or a `...` among them: `<use case/user story u>`, `<language, ...>`.)
    if (m[1] !== undefined && !/[A-Za-z.]/.test(m[0].slice(m[1].length + 2, -1))) continue;
    const name = (m[1] ?? m[2]!).toLowerCase();
    // (An element of a page's head, or of the document's frame, after a label's colon is a slot too: Sentry's
    // `RFC PR: <link>`; a body's text never holds one.)
    if (!HTML_ELEMENTS.has(name) || (m[2] !== undefined && HEAD_ELEMENTS.has(name) && /:[*_]{0,2}[ \t]*$/.test(block.text.slice(Math.max(0, m.index - 40), m.index)))) yield m;
  }
}

// Elements of a page's head and frame, which no Markdown body writes: as a one-word tag after a label's colon, a slot.
const HEAD_ELEMENTS: ReadonlySet<string> = new Set(['link', 'title', 'meta', 'base', 'head', 'body', 'html']);

// (An emphasis mark around it is no letter: `_YYYY-MM-DD_`.)
// (A version's major an `X` too: Cilium's `**Cilium Release:** X.XX`.)
const FORMAT_SLOT = /(?<![A-Za-z0-9-])(?<![A-Za-z0-9]_)(?:(?:YYYY|YY|MMM|MM|DD)(?:[-/.](?:YYYY|YY|MMM|MM|DD)){1,2}|(?:\d+|X{1,2}|x{1,2})\.(?:X{1,3}|x{1,3})(?:\.(?:X{1,3}|x{1,3}|\d+))?)(?![A-Za-z0-9-])(?!_[A-Za-z0-9])/g;
// A name in capitals for what to write, ending in what it is (Cilium's `SIG: SIG-NAME`, `TEAM_NAME`, `JIRA-ID`): a slot only where the template wrote it.
// (Not one in braces, a path or a variable, `/orders/{ORDER_ID}`, `{SERVICE_NAME}_{METRIC}`, `$TEAM_NAME`: a name of the code's.)
// (Only as a label's value, right after its colon: a `TENANT_ID` the guidance names is the spec's to name too; review.)
const CAPS_NAME_SLOT = /(?<=:[*_]{0,2}[ \t]{1,3})[A-Z]{2,12}(?:[-_][A-Z]{2,12}){0,3}[-_](?:NAME|ID|NUMBER|VERSION|EMAIL|HANDLE|URL|LINK|OWNER)(?![\w}/=-])/g;
const BLANK_LINE_SLOT = /(?<![\w_])_{4,}(?![\w_])/g;
// A variable a tool fills in (spec-kit's `User description: "$ARGUMENTS"`), left as it was.
const VARIABLE_SLOT = /(?<![\w$])\$[A-Z][A-Z0-9_]{2,}\b/g;
// (Or one word, `<team>`, `<service-name>`: no element of HTML's, so shown as nothing; a slot only where the template wrote it.)
// (A capitalised word alone, `<Note>`, is an MDX component; not one joined to a number or another word by a dash,
// arc42's `<Role-2>`, `<Term_1>`, which no component's name is, nor one with a number, `<Option1>`.)
const ANGLE_SLOT = /<([A-Za-z][\w-]*)[ ,\/][^<>=\n]*>|<([a-z][a-z0-9_-]*|[A-Z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+|[A-Z][A-Za-z]*\d+)>/g;

/**
 * The `{slot}`s a template's prose leaves for the author to fill (MADR's
 * `{title of option 1}`, `Good, because {argument a}`), read once per
 * template: outside code, as a reader sees them (`found`: inline code
 * blanked out), as its source writes them (`written`), and as written
 * without code marks (`bare`: a spec that keeps the Rust RFC's `(fill me in
 * with a unique ident, \`my_awesome_feature\`)` without its backticks still
 * keeps the slot, though what a reader sees of it differs).
 */
const slotsOf = memoPer((template: TemplateModel): { found: ReadonlySet<string>; written: ReadonlySet<string>; bare: ReadonlySet<string> } => {
  const found = new Set<string>();
  const written = new Set<string>();
  const bare = new Set<string>();
  const spec = template.spec;
  for (const block of proseBlocks(spec, SLOT_START, mayHoldSlot, { html: true })) {
    for (const m of slotsIn(block, spec.definitions)) {
      found.add(slotKey(m[0]));
      const raw = asWritten(spec.source, block, m.index, m.index + m[0].length);
      written.add(raw.includes('\n') ? m[0] : raw);
      if (raw.includes('`') && !raw.includes('\n')) bare.add(withoutCodeMarks(raw));
    }
  }
  return { found, written, bare };
});

/** A slot as the template's and the spec's are compared: its line break and the spaces around it one space (wrapped or not, it is one slot). */
const slotKey = (slot: string): string => (slot.indexOf('\n') === -1 ? slot : slot.replace(/[ \t]*\r?\n[ \t]*/g, ' '));

/**
 * Whether a slot is the template's instruction in parentheses kept with a
 * value written into it (`(fill me in with today's date, 2022-03-01)` for
 * the template's `(fill me in with today's date, YYYY-MM-DD)`): its first
 * five words are those of one of the template's, so the instruction is still there.
 */
function keptInstruction(slot: string, found: ReadonlySet<string>): boolean {
  if (!INSTRUCTION_SLOT.test(slot)) return false;
  const opening = openingOf(slot);
  return opening !== null && instructionOpenings(found).has(opening);
}

/** The first five words of an instruction, lower-cased, or null with fewer. */
function openingOf(slot: string): string | null {
  const words = slot.slice(0, 400).split(/\s+/, 5);
  return words.length < 5 ? null : words.join(' ').toLowerCase();
}

/** The openings of a template's instructions in parentheses, made once per template's slots (review: slots × slots). */
const instructionOpenings = memoPer((found: ReadonlySet<string>): ReadonlySet<string> => {
  const out = new Set<string>();
  for (const theirs of found) {
    const opening = INSTRUCTION_SLOT.test(theirs) ? openingOf(theirs) : null;
    if (opening !== null) out.add(opening);
  }
  return out;
});

// An instruction in parentheses, as a slot (see SLOT).
const INSTRUCTION_SLOT = /^\((?:fill|enter|insert|replace|write|put|add)\b/i;

/** A slot as written, its inline code's backticks dropped. */
const withoutCodeMarks = (written: string): string => written.replace(/`+/g, '');

/**
 * The template's own slots (see slotsOf) that a text holds as written
 * (`(fill me in with a unique ident, \`my_awesome_feature\`)`, its code as
 * the source writes it), in the order they come in it, at most `most`; not
 * one inside another found (the `YYYY-MM-DD` of `(fill me in with today's
 * date, YYYY-MM-DD)` is part of it).
 */
export function templateSlotsIn(template: TemplateModel, text: string, most = 3): string[] {
  const found: Array<[number, string]> = [];
  for (const slot of slotsOf(template).written) {
    for (let at = text.indexOf(slot); at !== -1; at = text.indexOf(slot, at + 1)) found.push([at, slot]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1].length - a[1].length);
  const kept: Array<[number, string]> = [];
  let end = -1;
  for (const [at, slot] of found) {
    if (at < end) continue;
    kept.push([at, slot]);
    end = at + slot.length;
  }
  return [...new Set(kept.map(([, slot]) => slot))].slice(0, most);
}

/**
 * The template's own `{slot}`s left in sections the author wrote (a single
 * brace is no marker by itself: JSON, sets and code are full of them; the
 * very slot the template wrote is). Not in the title (empty-section reports
 * a title kept as the template's), nor where `spared` says (a section
 * empty-section reports whole, a `fixed` one), nor where a marker was found already.
 */
export function leftoverSlots(spec: ParsedSpec, template: TemplateModel, spared: (offset: number) => boolean, findings: FindingDraft[]): void {
  const slots = slotsOf(template);
  const title = spec.title === null ? null : spec.title.span;
  const skipped = (offset: number): boolean => (title !== null && offset >= title.start && offset < title.end) || spared(offset);
  const reported = new Set(findings.map((f) => `${f.line}:${f.column}`));
  const before = findings.length;
  for (const block of slots.found.size === 0 ? [] : proseBlocks(spec, SLOT_START, mayHoldSlot, { html: true })) {
    // A slot inside one reported (the `YYYY-MM-DD` of `(fill me in with today's date, YYYY-MM-DD)`) is part of that one.
    let reportedTo = -1;
    for (const m of [...slotsIn(block, spec.definitions)].sort((a, b) => a.index - b.index || b[0].length - a[0].length)) {
      if (m.index < reportedTo) continue;
      // Quoted as written: the text searched has its inline code blanked out (`(fill me in with a unique ident, \`my_feature\`)`).
      const written = asWritten(spec.source, block, m.index, m.index + m[0].length);
      const around = !slots.found.has(slotKey(m[0])) && !(slots.bare.size > 0 && slots.bare.has(withoutCodeMarks(written)));
      if (around && !keptInstruction(m[0], slots.found)) continue;
      if (isTickedTask(block.text, m.index, template)) continue;
      const offset = block.sourceOffset(m.index);
      if (skipped(offset)) continue;
      const at = block.locate(m.index, m.index + m[0].length);
      if (reported.has(`${at.line}:${at.column}`)) continue;
      // (A slot over two lines is quoted on one.)
      const shown = (written.includes('\n') ? m[0] : written).replace(/[ \t]*\r?\n[ \t]*/g, ' ');
      // (A long slot, a whole paragraph of MADR's, is quoted by its start and end.)
      const quoted = shown.length > 120 ? `${headOf(shown, 60).trimEnd()} … ${tailOf(shown, 1)}` : shown;
      findings.push({ ...at, message: around ? `the template's instruction "${quoted}" is still around the value written into it: keep the value, delete the rest`
        : CHOICE.test(m[0]) ? `the template's choices "${quoted}" are still here: write the one that applies`
        : `the template's slot "${quoted}" is still here: replace it with the real content` });
      reportedTo = m.index + m[0].length;
    }
  }
  capsSlotsKept(spec, template, skipped, reported, findings);
  pipeChoicesKept(spec, template, skipped, reported, findings);
  stubLinesKept(spec, template, skipped, findings);
  sampleLinksKept(spec, template, skipped, findings);
  // In document order with the markers found before.
  if (findings.length > before) findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

// A word in capitals alone on its line, or after a label's colon (adr-tools' `STATUS` under `## Status`, `Date: DATE`).
const CAPS_LINE = /^(?:[^:\n]{1,40}:[ \t]*)?([A-Z]{4,})[ \t]*$/gm;
const CAPS = /[A-Z]{4}/;

/** The paragraphs of a document with a run of four capitals (not headings: `## RISKS` is a heading's style, no slot). */
function paragraphsWithCaps(spec: ParsedSpec): ProseBlock[] {
  const out: ProseBlock[] = [];
  for (const block of spec.blocks) {
    if (block.kind !== 'paragraph' || !CAPS.test(spec.source.slice(block.start, block.end))) continue;
    const prose = proseBlockOf(spec, block);
    if (prose !== null) out.push(prose);
  }
  return out;
}
/** The template's words in capitals that stand alone on their line (see {@link CAPS_LINE}): slots, read once per template. */
const templateCapsSlots = memoPer((template: TemplateModel): ReadonlySet<string> => {
  const words = new Set<string>();
  // Only a word that names what goes there, its label's or its heading's word in capitals (`Date: DATE`, `STATUS`
  // under `## Status`): an example value in capitals, `Method: POST`, is the template's sample (review).
  const spec = template.spec;
  for (const block of paragraphsWithCaps(spec)) {
    const named = sectionAt(spec.sections, block.sourceOffset(0))?.heading.text.toUpperCase();
    for (const m of block.text.matchAll(CAPS_LINE)) {
      const label = /^([^:\n]{1,40}):/.exec(m[0])?.[1]?.trim().toUpperCase();
      if ((label ?? named) === m[1]) words.add(m[1]!);
    }
  }
  return words;
});

// A label's value of choices joined by `|` and nothing else: Grafana Loki's `**Type:** Feature|Process`,
// `**Status:** Draft|In Discussion|Accepted|Rejected|Completed`.
const PIPE_CHOICES = /^[^:\n|]{1,40}:(?:\*\*|__)?[ \t]*([A-Z][\w-]*(?: [A-Za-z][\w-]*){0,3}(?:\|[A-Z][\w-]*(?: [A-Za-z][\w-]*){0,3}){1,8})[ \t]*$/gm;
// Or three or more single words joined by `/` with no spaces: CockroachDB's `- Status: draft/in-progress/completed/rejected/obsolete/postponed`
// (two, `input/output`, may be a value of the author's).
const SLASH_CHOICES = /^[^:\n/]{1,40}:(?:\*\*|__)?[ \t]*([A-Za-z][\w-]*(?:\/[A-Za-z][\w-]*){2,8})[ \t]*$/gm;

/** The template's choices of a pattern (see {@link PIPE_CHOICES}, {@link SLASH_CHOICES}), found once per template. */
const templateChoices = (mark: string, pattern: RegExp): ((template: TemplateModel) => ReadonlySet<string>) => memoPer((template: TemplateModel): ReadonlySet<string> => {
  const found = new Set<string>();
  for (const prose of paragraphsWith(template.spec, mark)) for (const m of prose.text.matchAll(pattern)) found.add(m[1]!);
  return found;
});
const templatePipeChoices = templateChoices('|', PIPE_CHOICES);
const templateSlashChoices = templateChoices('/', SLASH_CHOICES);

/** The paragraphs of a document that hold a `mark` character, found by one pass over its marks (blocks are in order). */
function paragraphsWith(spec: ParsedSpec, mark: string): ProseBlock[] {
  const out: ProseBlock[] = [];
  let at = spec.source.indexOf(mark);
  for (const block of spec.blocks) {
    if (at === -1) break;
    if (at < block.start) at = spec.source.indexOf(mark, block.start);
    if (block.kind !== 'paragraph' || at === -1 || at >= block.end) continue;
    const prose = proseBlockOf(spec, block);
    if (prose !== null) out.push(prose);
  }
  return out;
}

/** The template's choices joined by `|` or `/` kept as they are on a line of the spec's written text: none of them chosen. */
function pipeChoicesKept(spec: ParsedSpec, template: TemplateModel, spared: (offset: number) => boolean, reported: ReadonlySet<string>, findings: FindingDraft[]): void {
  const said = (slot: string): string => `the template's choices "${slot}" are still here: write the one that applies`;
  const pipes = templatePipeChoices(template);
  if (pipes.size > 0) lineSlotsKept(paragraphsWith(spec, '|'), PIPE_CHOICES, pipes, spared, reported, findings, said);
  const slashes = templateSlashChoices(template);
  if (slashes.size > 0) lineSlotsKept(paragraphsWith(spec, '/'), SLASH_CHOICES, slashes, spared, reported, findings, said);
}

/** The template's capitals slots kept so on a line of the spec's written text (a section left unwritten is empty-section's). */
function capsSlotsKept(spec: ParsedSpec, template: TemplateModel, spared: (offset: number) => boolean, reported: ReadonlySet<string>, findings: FindingDraft[]): void {
  const slots = templateCapsSlots(template);
  if (slots.size > 0) lineSlotsKept(paragraphsWithCaps(spec), CAPS_LINE, slots, spared, reported, findings, (slot) => `the template's slot "${slot}" is still here: replace it with the real content`);
}

/**
 * The template's slots of a line pattern (its first group the slot) kept in
 * blocks of the spec: one finding each, on the slot, where not spared nor
 * reported already.
 */
function lineSlotsKept(blocks: readonly ProseBlock[], pattern: RegExp, slots: ReadonlySet<string>, spared: (offset: number) => boolean,
  reported: ReadonlySet<string>, findings: FindingDraft[], message: (slot: string) => string): void {
  for (const block of blocks) {
    for (const m of block.text.matchAll(pattern)) {
      if (!slots.has(m[1]!)) continue;
      const from = m.index + m[0].lastIndexOf(m[1]!);
      if (spared(block.sourceOffset(from))) continue;
      const at = block.locate(from, from + m[1]!.length);
      if (reported.has(`${at.line}:${at.column}`)) continue;
      findings.push({ ...at, message: message(m[1]!) });
    }
  }
}

/**
 * Whether the slot at `at` is in a task of the template's that the author
 * ticked (`- [x] No [NEEDS CLARIFICATION] markers remain`): the box says the
 * sentence holds, so what it names is no blank to fill.
 */
function isTickedTask(text: string, at: number, template: TemplateModel): boolean {
  // (A marker's name in capitals, `[NEEDS CLARIFICATION]`; a slot to fill, `[language]`, is still a blank once ticked.)
  if (!/^\[[A-Z][A-Z ]*[A-Z]\]/.test(text.slice(at, at + 40))) return false;
  const sentence = sentenceAround(text, at);
  return sentence.startsWith('x ') && template.guidanceSentences.has(sentence.slice(2));
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
export function numberStandInKept(spec: ParsedSpec, template: TemplateModel, findings: FindingDraft[]): void {
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
  // (With no colon, as the template writes it, `# RFC-NNNN Authenticate …`: its first word.)
  const source = colon !== -1 ? whole.slice(0, colon) : /^[ \t]*#{0,6}[ \t]*\S+/.exec(whole)?.[0] ?? '';
  const m = new RegExp(`(?<![A-Za-z0-9])${stand[0]}(?![A-Za-z0-9])`).exec(source);
  if (m === null) return;
  const at = lineIndexOf(spec).span(title.span.start + m.index, title.span.start + m.index + m[0].length);
  if (findings.some((f) => f.line === at.line && f.column === at.column)) return;
  findings.push({ ...at, message: `the template's stand-in "${m[0]}" for a number is still in the title: write the number` });
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
