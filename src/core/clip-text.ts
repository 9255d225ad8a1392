/**
 * A text cut to at most `max` characters, ending with `…` when cut. For what
 * is copied into each finding or placeholder (a section's names, a message
 * quoting a heading): a heading of megabytes, copied into thousands of them,
 * made a report too large to build.
 */
export function clipped(text: string, max: number): string {
  return text.length <= max ? text : `${headOf(text, max - 1)}…`;
}

/**
 * The first `n` UTF-16 units of a text, one fewer where the cut would split
 * a character outside the BMP (an emoji, an astral CJK letter) in two: a lone
 * surrogate is no text, and no UTF-8 or strict JSON reader takes it.
 */
export function headOf(text: string, n: number): string {
  const last = text.charCodeAt(n - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
}

/** The last `n` UTF-16 units of a text, one fewer where the cut would split a character outside the BMP. */
export function tailOf(text: string, n: number): string {
  const first = text.charCodeAt(text.length - n);
  return text.slice(first >= 0xdc00 && first <= 0xdfff ? text.length - n + 1 : text.length - n);
}

/** Longest heading text kept whole in a section's `path`. */
export const MAX_NAME = 300;
