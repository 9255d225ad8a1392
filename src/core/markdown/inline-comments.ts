import { autolinkEnd, BACKSLASH, GRAVE, htmlEnd, isAsciiPunctuation, LT, type EndSearches } from './inline-delimiters.js';

/**
 * The `[start, end)` ranges of raw HTML comments (`<!-- ... -->`) in inline
 * content, skipping what is not HTML: code spans, autolinks, escaped `<`.
 * Left to right, as micromark tokenizes, so a code span that opens first
 * wins over a comment inside it and the other way round. A `<!--` that
 * nothing closes is text, not a comment; its offset goes to `unclosed` when
 * given.
 */
export function findInlineComments(content: string, unclosed?: number[]): Array<[number, number]> {
  const searches: EndSearches = new Map();
  const found: Array<[number, number]> = [];
  let i = content.indexOf('<!--') === -1 ? content.length : 0;
  while (i < content.length) {
    const c = content.charCodeAt(i);
    if (c === BACKSLASH && isAsciiPunctuation(content.charCodeAt(i + 1))) {
      i += 2;
    } else if (c === GRAVE) {
      i = codeSpanEnd(content, i);
    } else if (c === LT) {
      const auto = autolinkEnd(content, i);
      if (auto >= 0) {
        i = auto;
        continue;
      }
      const html = htmlEnd(content, i, searches);
      if (html < 0) {
        if (unclosed !== undefined && content.startsWith('<!--', i)) unclosed.push(i);
        i += 1;
        continue;
      }
      if (content.startsWith('<!--', i)) found.push([i, html]);
      i = html;
    } else {
      i += 1;
    }
  }
  return found;
}

/**
 * `content` with code spans and HTML comments blanked out (replaced by spaces,
 * line endings kept), so that offsets stay valid while rules look at the
 * prose only: a `TODO` or a link inside `code` is not a finding.
 */
export function maskCodeAndComments(content: string, table = false): string {
  if (content.indexOf('`') === -1 && content.indexOf('<!--') === -1) return content;
  // A table's cells end at each `|` not escaped, before any span is read: `` | `x | TBD | y` `` is three cells of
  // text, and `| <!-- x | TODO --> |` shows `TODO -->` (GFM splits the row first).
  if (table) return content.split(CELL_BORDER).map((cell) => maskCodeAndComments(cell)).join('|');
  const searches: EndSearches = new Map();
  let out = '';
  let at = 0;
  const blank = (from: number, to: number): void => {
    out += content.slice(at, from) + content.slice(from, to).replace(/[^\r\n]/g, ' ');
    at = to;
  };
  let i = 0;
  // Where a destination read found no `)` at all (see destinationEnd): none starts before it.
  let noCloseUntil = -1;
  while (i < content.length) {
    const c = content.charCodeAt(i);
    if (c === BACKSLASH && isAsciiPunctuation(content.charCodeAt(i + 1))) {
      i += 2;
    } else if (c === GRAVE) {
      const end = codeSpanEnd(content, i);
      let open = i;
      while (content.charCodeAt(open) === GRAVE) open++;
      if (end > open) blank(i, end);
      i = end;
    } else if (c === LT) {
      // An autolink or a tag that opens first holds its backticks (`<https://x/\`>`, `<span title="\`">`): no code span
      // starts inside it; a comment is blanked.
      const auto = autolinkEnd(content, i);
      if (auto >= 0) {
        i = auto;
        continue;
      }
      const html = htmlEnd(content, i, searches);
      if (html >= 0 && content.startsWith('<!--', i)) blank(i, html);
      i = html >= 0 ? html : i + 1;
    } else if (c === CLOSE_BRACKET && content.charCodeAt(i + 1) === OPEN_PAREN) {
      // So does a link's destination read before a backtick after it (`[a](x\`y) TODO \` here.`).
      // (Not read again where an earlier one found no `)` before its end: `](((` a thousand times stays linear.)
      if (i < noCloseUntil) {
        i += 2;
        continue;
      }
      const end = destinationEnd(content, i + 1);
      if (end < 0) {
        noCloseUntil = -end - 1;
        i += 2;
      } else {
        i = end;
      }
    } else {
      i += 1;
    }
  }
  return out + content.slice(at);
}

// A table cell's border: a `|` with no backslash before it.
const CELL_BORDER = /(?<!\\)\|/;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;

/**
 * Past a plain link destination in parentheses opening at `open` (no space,
 * parentheses balanced, on one line); else, when there is none, `-(k + 1)`
 * where the reading stopped at `k` having met no `)` at all (no destination
 * starts before `k` either), or `open + 1`.
 */
function destinationEnd(content: string, open: number): number {
  let depth = 0;
  let closed = false;
  let i = open + 1;
  for (; i < content.length && i - open < 2048; i++) {
    const c = content.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === OPEN_PAREN) depth++;
    else if (c === 0x29) {
      if (depth === 0) return i + 1;
      depth--;
      closed = true;
    } else if (c <= 0x20 || c === LT) break;
  }
  return closed ? open + 1 : -(i + 1);
}

/** Past a code span opening at `start`, or past the bare backtick run when it has no closer. */
function codeSpanEnd(content: string, start: number): number {
  let open = start;
  while (content.charCodeAt(open) === GRAVE) open++;
  const size = open - start;
  let i = open;
  while (i < content.length) {
    const next = content.indexOf('`', i);
    if (next === -1) break;
    let run = next;
    while (content.charCodeAt(run) === GRAVE) run++;
    if (run - next === size) return run;
    i = run;
  }
  return open;
}

/**
 * A short text (a heading's) without its closed HTML comments, each replaced
 * by a space; from a `<!--` that nothing closes on, the text is kept as it
 * is. Code spans are not looked at: see {@link findInlineComments} for
 * content. By hand: a lazy pattern scans to the end from each unclosed `<!--`.
 */
export function withoutClosedComments(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', at)) {
    // (`<!-->` and `<!--->` close themselves, as CommonMark 0.31 reads them.)
    const close = text.indexOf('-->', open + 2);
    // Nothing closes this one, nor any later one.
    if (close === -1) break;
    out += `${text.slice(at, open)} `;
    at = close + 3;
  }
  return at === 0 ? text : out + text.slice(at);
}
