// Where a missing section's heading went when it is in the document but opens
// no section: hidden in a placeholder or another comment that lost its `-->`,
// in a code block never closed, or held by a block quote, a list item or an
// HTML block. missing-section places its finding there and says so.
import { lineIndexOf } from '../line-index.js';
import { ATX_LINE, headingWords } from '../markdown/heading-lines.js';
import { bareSlug, slugify } from '../slug.js';
import type { Block, ParsedSpec, Position } from '../spec-types.js';
import { addTo } from './headings-as-text.js';
import { headingPosition } from './locate.js';


/**
 * The anchors a heading line's text is found by, as sections are matched: its
 * own, and its words without a number or an emoji before them (`### 🔌 API`,
 * `## 3. Rollout` are the template's API and Rollout).
 */
function headingKeys(text: string): string[] {
  const words = headingWords(text);
  const own = slugify(words);
  const bare = bareSlug(words);
  return bare === null || bare === '' || bare === own ? [own] : [own, bare];
}

/** The entry of `found` under one of a template section's anchors (see {@link headingKeys}), if any. */
export function foundFor<T>(found: { get(key: string): T | undefined }, t: { readonly headingSlug: string; readonly bareSlug: string | null }): T | undefined {
  return found.get(t.headingSlug) ?? (t.bareSlug === null ? undefined : found.get(t.bareSlug));
}

/** A heading line inside a code block never closed: its place, its level, the line the code block opens on, and why a fence in it closes nothing. */
export interface InCode {
  readonly at: Position;
  readonly level: number;
  readonly openLine: number;
  /** ` (the ``` on line 14 is shorter than the ```` that opens it)`, or '' when no line there looks like a closing fence. */
  readonly why: string;
}

/**
 * The ATX headings written inside a fenced code block that runs to the end
 * of the document because its fence is never closed (a closing fence
 * indented too far, or deleted, or shorter than the opening one), by anchor,
 * each anchor's lines in document order: the code's own `# comment` may have
 * a heading's words, so the caller picks the one at the template's level.
 */
export function headingsInUnclosedCode(spec: ParsedSpec): Map<string, InCode[]> {
  const found = new Map<string, InCode[]>();
  const last = spec.blocks[spec.blocks.length - 1];
  if (last === undefined || last.kind !== 'code' || last.variant !== 'fenced' || last.closed === true) return found;
  const lines = lineIndexOf(spec);
  const text = spec.source.slice(last.start, last.end);
  let why: string | undefined;
  for (const h of text.matchAll(ATX_LINE)) {
    why ??= whyNotClosed(text, last.line) || meantToClose(spec, last);
    const entry = { at: lines.span(last.start + h.index + h[1]!.length, last.start + h.index + h[0].trimEnd().length), level: h[2]!.length, openLine: last.line, why };
    for (const key of headingKeys(h[3]!)) addTo(found, key, entry);
  }
  return found;
}

/**
 * Why a bare fence that opens the code block never closed was most likely
 * meant to close the one before it: that one, of the same fence character,
 * inside a list item, ended on the line before when the fence, indented less
 * than the item's text, ended the item (a KEP's ` ```` under `  ```` `).
 */
function meantToClose(spec: ParsedSpec, code: Block): string {
  const k = spec.blocks.indexOf(code);
  const before = spec.blocks[k - 1];
  const open = FENCE_LINE.exec(spec.source.slice(code.lineStart, code.end).split(/\r\n|\r|\n/)[0]!);
  if (before === undefined || before.kind !== 'code' || before.variant !== 'fenced' || before.closed === true || before.topLevel || open === null || open[3]!.trim() !== '') return '';
  if (before.endLine < code.line - 2 || spec.source[before.start] !== open[2]![0]) return '';
  return ` (the ${open[2]} on line ${code.line} seems meant to close the code block opened on line ${before.line}, but it is indented less than the text of that block's list item, so it ends the item and opens a code block instead: indent it as far as the opening fence)`;
}

/** A heading line inside a closed fenced code block: where it is, and the lines the block spans. */
export interface InClosedCode {
  readonly offset: number;
  readonly at: Position;
  readonly openLine: number;
  readonly closeLine: number;
  /** An indented code block (its lines four spaces in), not a fenced one. */
  readonly indented: boolean;
}

/**
 * The ATX heading lines inside closed fenced code blocks, by anchor: an
 * agent that wraps its answer in ```` ```markdown ```` hides the template's
 * subsections it wrote there (code, not headings). The caller keeps those
 * where the missing section belongs.
 */
export function headingsInClosedCode(spec: ParsedSpec): Map<string, InClosedCode[]> {
  const found = new Map<string, InClosedCode[]>();
  let lines: ReturnType<typeof lineIndexOf> | undefined;
  for (const block of spec.blocks) {
    // (Indented too: a body an agent indented four spaces is one code block, its headings and all.)
    const indented = block.kind === 'code' && block.variant === 'indented' && block.topLevel;
    if (block.kind !== 'code' || !(indented || (block.variant === 'fenced' && block.closed === true))) continue;
    const text = spec.source.slice(block.start, block.end);
    if (text.indexOf('#') === -1) continue;
    lines ??= lineIndexOf(spec);
    // (An indented block's span runs over the blank lines after it: its last line is its last line of code.)
    const closeLine = indented ? lines.locate(block.start + Math.max(0, text.trimEnd().length - 1)).line : block.endLine;
    for (const h of text.matchAll(ATX_LINE)) {
      const offset = block.start + h.index + h[1]!.length;
      const entry = { offset, at: lines.span(offset, block.start + h.index + h[0].trimEnd().length), openLine: block.line, closeLine, indented };
      for (const key of headingKeys(h[3]!)) addTo(found, key, entry);
    }
  }
  return found;
}

// A fence line: its indentation, its run of backticks or tildes, what follows.
const FENCE_LINE = /^([ \t>]*)(`{3,}|~{3,})(.*)$/;

/**
 * Why the first line inside an unclosed code block that looks like its
 * closing fence closes nothing (CommonMark: the same character, at least as
 * many of it, indented less than four spaces, nothing after it but spaces),
 * for the message; '' when no line looks like one (the fence was deleted).
 */
function whyNotClosed(code: string, openLine: number): string {
  const all = code.split(/\r\n|\r|\n/);
  const open = FENCE_LINE.exec(all[0]!);
  if (open === null) return '';
  const fence = open[2]!;
  for (let i = 1; i < all.length; i++) {
    const m = FENCE_LINE.exec(all[i]!);
    if (m === null || m[2]![0] !== fence[0]) continue;
    const where = `the ${m[2]} on line ${openLine + i}`;
    if (m[2]!.length < fence.length) return ` (${where} is shorter than the ${fence} that opens it)`;
    if (m[1]!.replace(/>/g, '').replace(/\t/g, '    ').length >= 4) return ` (${where} is indented four spaces or more)`;
    if (m[3]!.trim() !== '') return ` (${where} has text after it)`;
  }
  return '';
}

/** A heading hidden in an HTML comment that lost its `-->`: its place, and the lines of the comment's `<!--` and of the `-->` that closes it. */
export interface InComment {
  readonly at: Position;
  readonly openLine: number;
  /** Null when nothing closes the comment. */
  readonly closeLine: number | null;
}

/**
 * The ATX headings written inside an HTML comment block whose own `-->` is
 * gone, by anchor, with their places: a comment never closed (it runs to the
 * end of the document), or one closed only by a later comment's `-->` (a
 * `<!--` before that `-->` says the `-->` is the later comment's). CommonMark
 * reads everything in between as one comment, so the headings are hidden
 * while the author still sees them. A comment closed by its own `-->` is
 * left alone: hiding a section may be what it is for.
 */
export function headingsInBrokenComments(spec: ParsedSpec): Map<string, InComment> {
  const found = new Map<string, InComment>();
  const source = spec.source;
  let lines: ReturnType<typeof lineIndexOf> | undefined;
  for (const block of spec.blocks) {
    // A comment on one line hides no heading line.
    if (block.kind !== 'html' || block.htmlKind !== 2 || block.endLine === block.line) continue;
    let end = block.end;
    let closeLine: number | null = null;
    if (block.closed !== false) {
      // The block ends on the line of the first `-->` (`<!-->` is one already).
      const close = source.indexOf('-->', block.start + 2);
      if (close === -1 || close >= block.end) continue;
      const nested = source.slice(block.start + 4, close).indexOf('<!--');
      if (nested === -1) continue;
      // `<!--` and then a heading is sections commented out on purpose (KEPs
      // hide questions not due yet so), the guidance comments inside them
      // closing it early: hidden as meant, the plain finding.
      if (OPENS_WITH_HEADING.test(source.slice(block.start + 4, close))) continue;
      // What follows the later comment's `<!--` is that comment's, hidden anyway.
      end = block.start + 4 + nested;
      closeLine = block.endLine;
    }
    for (const h of source.slice(block.start, end).matchAll(ATX_LINE)) {
      lines ??= lineIndexOf(spec);
      const at = lines.span(block.start + h.index + h[1]!.length, block.start + h.index + h[0].trimEnd().length);
      for (const key of headingKeys(h[3]!)) if (!found.has(key)) found.set(key, { at, openLine: block.line, closeLine });
    }
  }
  return found;
}

const OPENS_WITH_HEADING = /^[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*[ ]{0,3}#{1,6}(?:[ \t]|\r|\n|$)/;

/**
 * Why a heading inside a broken comment is no heading, and what to do. The
 * lines are the comment's, which the author must find: the heading's own
 * line is where the finding sits.
 */
export function hiddenByComment(c: InComment): string {
  const closed = c.closeLine === null
    ? 'that is never closed'
    : `that is closed only by a later comment's \`-->\` on line ${c.closeLine}`;
  return `its heading is inside the HTML comment opened on line ${c.openLine} ${closed}, so it is hidden, not a heading; close that comment with \`-->\` where its own text ends`;
}

/**
 * The ATX headings written inside an HTML comment that its own `-->` closes,
 * by anchor, with their places: a section commented out (`<!-- ## Further
 * Discussions` … `-->`), on purpose or not. Its heading may open the
 * comment's first line. missing-section says where it is.
 */
export function headingsInClosedComments(spec: ParsedSpec): Map<string, Position> {
  const found = new Map<string, Position>();
  const source = spec.source;
  let lines: ReturnType<typeof lineIndexOf> | undefined;
  for (const block of spec.blocks) {
    if (block.kind !== 'html' || block.htmlKind !== 2 || block.closed === false) continue;
    const text = source.slice(block.start, block.end);
    // (Only a comment that holds a heading line: most hold none.)
    if (text.indexOf('#') === -1) continue;
    // Its first line opening with a heading, `<!-- ## Further Discussions` (read with plain string steps: a lazy pattern
    // before trailing spaces took cubic time on a long run of them: review).
    const newline = text.indexOf('\n');
    const first = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
    const opening = /^<!--[ \t]*#{1,6}[ \t]/.exec(first);
    const heads: Array<{ from: number; to: number; words: string }> = [];
    if (opening !== null) {
      const words = first.slice(opening[0].length).trimEnd().replace(/-->$/, '').trimEnd();
      heads.push({ from: first.indexOf('#'), to: first.trimEnd().length, words });
    }
    for (const h of text.matchAll(ATX_LINE)) heads.push({ from: h.index + h[1]!.length, to: h.index + h[0].trimEnd().length, words: h[3]! });
    for (const h of heads) {
      lines ??= lineIndexOf(spec);
      const at = lines.span(block.start + h.from, block.start + h.to);
      for (const key of headingKeys(h.words.replace(/-->.*$/, ''))) if (!found.has(key)) found.set(key, at);
    }
  }
  return found;
}

/** A heading that a container keeps from opening a section: where it starts, its place, what holds it and how to get it out. */
export interface Boxed {
  readonly offset: number;
  readonly at: Position;
  /** `a block quote`, `a list item in a block quote`, `the HTML block that starts on line 12 (<details>)`. */
  readonly container: string;
  /** For a quote, a list item or a footnote: what taking it out means (`without the \`>\``); the fix itself names the template's level. */
  readonly out?: string;
  /** For an HTML block: the whole fix. */
  readonly fix?: string;
}

// The container marks written before a heading on its own line: `>`, a list marker, a footnote label.
const CONTAINER_MARK = /[ \t]*(?:(>)|([-+*]|\d{1,9}[.)])(?=[ \t]|$)|(\[\^[^\]]+\]:))/y;

/**
 * What holds a heading that is not top-level, read from the marks before it
 * on its line, innermost first (`> - ### X` is a list item in a block quote).
 * A heading on a continuation line shows no marks: a list item, the usual case.
 */
function holders(prefix: string): { container: string; out: string } {
  const names: string[] = [];
  const outs: string[] = [];
  CONTAINER_MARK.lastIndex = 0;
  for (let m = CONTAINER_MARK.exec(prefix); m !== null && m[0] !== ''; m = CONTAINER_MARK.exec(prefix)) {
    const [name, out] = m[1] !== undefined ? ['a block quote', 'without the `>`'] : m[2] !== undefined ? ['a list item', 'not in the list'] : ['a footnote', 'not in the footnote'];
    names.unshift(name);
    if (!outs.includes(out)) outs.push(out);
  }
  if (names.length === 0) return { container: 'a list item', out: 'not in the list' };
  return { container: names.join(' in '), out: outs.join(' and ') };
}

/**
 * The headings that open no section because something holds them, by anchor
 * (and by anchor without a section number), in document order: a heading in a
 * block quote, a list item or a footnote (CommonMark reads it, GitHub renders
 * it with an anchor, but it is the container's), and an ATX heading line inside
 * an HTML block that a blank line ends (kinds 6 and 7: `<details>` with no blank
 * line after it; Markdown is not read there until a blank line). Kinds 1 and 3–5
 * (`<pre>`, `<script>`, `<?…?>`, …) run to their closing tag whatever blank lines
 * they hold: a `#` line there is text meant as written (a shell comment), not a heading.
 */
export function headingsInContainers(spec: ParsedSpec): Map<string, Boxed[]> {
  const found = new Map<string, Boxed[]>();
  const add = (keys: ReadonlyArray<string | null>, entry: Boxed): void => {
    for (const key of new Set(keys)) if (key !== null && key !== '') addTo(found, key, entry);
  };
  const source = spec.source;
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const h of spec.headings) {
    if (h.topLevel) continue;
    // `span.start` is the start of the heading's line, and its column counts from there (a BOM aside):
    // what lies between is the container marks.
    const prefix = source.slice(h.span.start, h.span.start + (h.span.start === 0 ? bom : 0) + h.column - 1);
    // Its anchor, as sections are matched (`- ### Data Model <!-- later -->` is `data-model`).
    add([h.slug, bareSlug(h.text)], { offset: h.span.start, at: headingPosition(h), ...holders(prefix) });
  }
  let lines: ReturnType<typeof lineIndexOf> | undefined;
  for (const block of spec.blocks) {
    if (block.kind !== 'html' || block.endLine === block.line) continue;
    // (And a `<pre>`, `<script>`, `<style>` or `<textarea>` never closed, which runs to the end of the document
    // and holds every heading after it: judge QA, it was a plain "missing" at the end.)
    const unclosed = block.htmlKind === 1 && block === spec.blocks[spec.blocks.length - 1] && !/<\/(?:pre|script|style|textarea)\s*>/i.test(source.slice(block.start, block.end));
    if (block.htmlKind !== 6 && block.htmlKind !== 7 && !unclosed) continue;
    const text = source.slice(block.start, block.end);
    if (text.indexOf('#') === -1) continue;
    const tag = /^[ \t]*<\/?([A-Za-z][\w-]*)/.exec(text)?.[1];
    for (const m of text.matchAll(/^( {0,3})(#{1,6})[ \t]+(.*)$/gm)) {
      lines ??= lineIndexOf(spec);
      const start = block.start + m.index + m[1]!.length;
      add(headingKeys(m[3]!), {
        offset: start, at: lines.span(start, block.start + m.index + m[0].trimEnd().length),
        container: unclosed
          ? `the \`<${tag!.toLowerCase()}>\` block that starts on line ${block.line}, never closed, where Markdown is not read to the end`
          : `the HTML block that starts on line ${block.line}${tag === undefined ? '' : ` (\`<${tag}>\`)`}, where Markdown is not read`,
        fix: unclosed ? `close it with \`</${tag!.toLowerCase()}>\` where its own text ends` : 'leave a blank line after the HTML tag that opens it (and one before the tag that closes it)',
      });
    }
  }
  return found;
}

/** The anchors of the ATX headings written inside placeholder comments that were never closed. */
export function headingsHiddenByUnclosedPlaceholders(spec: ParsedSpec): Set<string> {
  const slugs = new Set<string>();
  for (const m of spec.malformed) {
    if (m.reason !== 'unterminated') continue;
    for (const h of spec.source.slice(m.span.start, m.span.end).matchAll(ATX_LINE)) for (const key of headingKeys(h[3]!)) slugs.add(key);
  }
  return slugs;
}
