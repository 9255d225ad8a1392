import { autolinkEnd, BACKSLASH, GRAVE, htmlEnd, isAsciiPunctuation, LT } from './inline-delimiters.js';

/**
 * The `[start, end)` ranges of raw HTML comments (`<!-- ... -->`) in inline
 * content, skipping what is not HTML: code spans, autolinks, escaped `<`.
 * Left to right, as micromark tokenizes, so a code span that opens first
 * wins over a comment inside it and the other way round.
 */
export function findInlineComments(content: string): Array<[number, number]> {
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
      const html = htmlEnd(content, i);
      if (html < 0) {
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
