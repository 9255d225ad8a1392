/**
 * Text without the characters at its end that `drop` takes (by UTF-16 code
 * unit). Read from the end, by hand: a pattern anchored at `$` such as
 * `/[ \t]+$/` or `/\n+$/` is tried again from each character of a long run
 * inside the text (a heading of 100,000 spaces and then a word), in
 * quadratic time.
 */
export function trimEndWhile(text: string, drop: (code: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** A line feed or a carriage return. */
export const isLineEnd = (c: number): boolean => c === 0x0a || c === 0x0d;

/** White space (as `\s` reads it). */
export const isSpace = (c: number): boolean => SPACE.test(String.fromCharCode(c));

/** White space or an emphasis mark (`*`, `_`), as a heading's or a label's end may have them. */
export const isMarkOrSpace = (c: number): boolean => c === 0x2a || c === 0x5f || isSpace(c);

const SPACE = /\s/;
