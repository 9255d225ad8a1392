/**
 * A text cut to at most `max` characters, ending with `…` when cut. For what
 * is copied into each finding or placeholder (a section's names, a message
 * quoting a heading): a heading of megabytes, copied into thousands of them,
 * made a report too large to build.
 */
export function clipped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Longest heading text kept whole in a section's `path`. */
export const MAX_NAME = 300;
