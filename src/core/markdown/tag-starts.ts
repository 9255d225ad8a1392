/**
 * Whether a source holds the start of one of these HTML elements (`<img`,
 * `<details`, any case), found from its `<`s: a plain search for a word, or
 * a pattern without case, over every document costs more than the few `<`s
 * a spec has.
 */
export function hasTagStart(source: string, names: RegExp): boolean {
  for (let at = source.indexOf('<'); at !== -1; at = source.indexOf('<', at + 1)) {
    names.lastIndex = at + 1;
    if (names.test(source)) return true;
  }
  return false;
}
