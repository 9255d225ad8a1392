/**
 * A text cut to at most `max` characters, ending with `…` when cut. For what
 * a heading puts into each finding or placeholder under it (its text, its
 * id): a heading of megabytes, copied into thousands of them, made a report
 * too large to build.
 */
export function clipped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Longest section or placeholder id written in a report, and longest section name. */
export const MAX_ID = 1000;
export const MAX_NAME = 300;

/** Heading texts, each cut to {@link MAX_NAME} (the same array when none is longer). */
export function clippedNames(names: readonly string[]): readonly string[] {
  return names.some((name) => name.length > MAX_NAME) ? names.map((name) => clipped(name, MAX_NAME)) : names;
}
