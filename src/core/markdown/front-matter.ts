/** Where a YAML front matter block sits in a document. */
export interface FrontMatterSpan {
  /** Offset of the opening `---`. */
  readonly start: number;
  /** Offset just past the closing `---` line, its line ending included. */
  readonly end: number;
  /** [start, end) of the YAML text between the fences. */
  readonly yamlStart: number;
  readonly yamlEnd: number;
  /** 1-based line of the YAML's first line. */
  readonly yamlLine: number;
  /** Number of lines the block takes, fences included. */
  readonly lineCount: number;
}

const FENCE = /^---[ \t]*$/;

/**
 * Finds YAML front matter at offset `from` (just after any BOM): a `---` line,
 * YAML, and a closing `---` line, as micromark-extension-frontmatter reads it.
 * Without a closing fence there is no front matter (the `---` is a thematic break).
 */
export function findFrontMatter(source: string, from = 0): FrontMatterSpan | null {
  if (!source.startsWith('---', from)) return null;
  let lineStart = from;
  let lineCount = 0;
  let yamlStart = -1;
  while (lineStart < source.length) {
    // Lines end with LF, CRLF or a lone CR, as everywhere in CommonMark.
    let end = lineStart;
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    const next = end < source.length && source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? end + 2 : Math.min(end + 1, source.length);
    const line = source.slice(lineStart, end);
    lineCount += 1;
    if (lineCount === 1) {
      if (!FENCE.test(line)) return null;
      yamlStart = next;
    } else if (FENCE.test(line)) {
      return { start: from, end: next, yamlStart, yamlEnd: lineStart, yamlLine: 2, lineCount };
    }
    if (end === source.length) break;
    lineStart = next;
  }
  return null;
}
