import { countAtMost } from './sorted-search.js';

/**
 * Turns offsets into 1-based lines and columns. Lines end at `\n`, `\r\n` or
 * a lone `\r`, as in CommonMark; a BOM does not count as a column.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly bom: number;
  private readonly length: number;

  constructor(source: string) {
    this.bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.length = source.length;
    const hasCr = source.indexOf('\r') !== -1;
    if (!hasCr) {
      for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The number of lines, a final line break ending the last line rather than opening one more. */
  get lineCount(): number {
    const n = this.starts.length;
    return n > 1 && this.starts[n - 1] === this.length ? n - 1 : n;
  }

  /** The offset of a 1-based line and column (the inverse of {@link locate}). */
  offsetOf(line: number, column: number): number {
    const start = line <= 1 ? this.bom : this.starts[Math.min(line, this.starts.length) - 1]!;
    return start + column - 1;
  }

  /** The 1-based lines and columns of the text from `start` to `end` (exclusive): a finding's place. */
  span(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    const from = this.locate(start);
    const to = this.locate(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /** The 1-based line and column of `offset`. */
  locate(offset: number): { line: number; column: number } {
    const starts = this.starts;
    const lo = Math.max(0, countAtMost(starts, (s) => s, offset) - 1);
    const lineStart = lo === 0 ? this.bom : starts[lo]!;
    return { line: lo + 1, column: offset - lineStart + 1 };
  }
}

const indexes = new WeakMap<object, LineIndex>();

/**
 * The line index of a parsed document's text, made once however many rules
 * ask (keyed by the document object, which holds the text).
 */
export function lineIndexOf(spec: { readonly source: string }): LineIndex {
  let index = indexes.get(spec);
  if (index === undefined) indexes.set(spec, (index = new LineIndex(spec.source)));
  return index;
}
