import { toVisibleChars, type VisibleChar } from './terminal-text.js';

/** Where a code frame points: 1-based, end exclusive, columns in UTF-16 units (as findings give them). */
export interface FrameSpan {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** How a code frame is drawn. */
export interface CodeFrameOptions {
  /** Digits reserved for line numbers, so gutters line up across the frames of one file. */
  readonly gutterWidth: number;
  /** Most terminal cells of source shown; longer lines are cropped around the span. */
  readonly maxWidth?: number;
  /** Colours the `^~~~` marker. */
  readonly paintMarker?: (text: string) => string;
  /** Colours the gutter. */
  readonly paintGutter?: (text: string) => string;
}

/** Cells of context kept left of the span when a long line is cropped. */
const LEAD = 20;
const identity = (text: string): string => text;

/** A line made ready for framing: its visible characters, the cell each starts at, and the cell of each UTF-16 offset. */
interface PreparedLine {
  readonly line: string;
  readonly chars: readonly VisibleChar[];
  /** The cell where each character starts, and one entry past the last. */
  readonly charCells: readonly number[];
  /** The cell where each UTF-16 offset of the line starts (one entry past the end too). */
  readonly offsets: readonly number[];
}

// Findings come sorted by place, so the frames of one line follow each other:
// the last line prepared is kept. A line with 10,000 findings (a long table
// row of broken links) was prepared, and walked whole, 10,000 times.
let lastPrepared: PreparedLine | null = null;

function prepare(line: string): PreparedLine {
  if (lastPrepared !== null && lastPrepared.line === line) return lastPrepared;
  const chars = toVisibleChars(line);
  const charCells: number[] = [];
  const offsets: number[] = [];
  let cell = 0;
  for (const c of chars) {
    charCells.push(cell);
    for (let i = 0; i < c.units; i++) offsets.push(cell);
    cell += c.width;
  }
  charCells.push(cell);
  offsets.push(cell);
  lastPrepared = { line, chars, charCells, offsets };
  return lastPrepared;
}

/**
 * The first character that can show in a window starting at `cell`: the
 * first that starts there or later, or ends after it (zero-width characters
 * included, as the whole-line walk had them).
 */
function firstCharFrom(charCells: readonly number[], cell: number): number {
  let lo = 0;
  let hi = charCells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (charCells[mid]! >= cell || charCells[mid + 1]! > cell) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First and last+1 cell of the window shown of a line `total` cells wide, keeping `start` in view. */
function cropWindow(total: number, start: number, maxWidth: number): { from: number; to: number } {
  if (total <= maxWidth) return { from: 0, to: total };
  let from = Math.max(0, Math.min(start - LEAD, total - maxWidth));
  let to = from + maxWidth;
  // Each cropped end gives one cell to its `…`.
  if (from > 0) from += 1;
  if (to < total) to -= 1;
  return { from, to };
}

/**
 * Draws the source line of `span` with a line-number gutter and a `^~~~`
 * marker under the span; a span over several lines is marked to the end of
 * its first line. `line` is the text of that line without its line break
 * (and without a BOM). Returns the two rows, unindented.
 */
export function renderCodeFrame(line: string, span: FrameSpan, options: CodeFrameOptions): [string, string] {
  // A line far wider than any window (a 10 MB line of one file) is prepared
  // around the span only: prepared whole, its characters took gigabytes.
  const reach = Math.max(1000, 4 * (options.maxWidth ?? 100));
  if (line.length > 4 * reach) {
    let from = Math.max(0, Math.min(span.column - 1, line.length) - reach);
    let to = Math.min(line.length, span.column - 1 + reach);
    // (Not between the two halves of a surrogate pair.)
    if (from > 0 && isLowSurrogate(line.charCodeAt(from))) from--;
    if (to < line.length && isLowSurrogate(line.charCodeAt(to))) to++;
    const endColumn = span.endLine > span.line ? to - from + 1 : Math.min(Math.max(span.endColumn - from, 1), to - from + 1);
    return renderCodeFrame(line.slice(from, to), { line: span.line, column: span.column - from, endLine: span.line, endColumn }, options);
  }
  const paintMarker = options.paintMarker ?? identity;
  const paintGutter = options.paintGutter ?? identity;
  const { chars, charCells, offsets } = prepare(line);
  const total = offsets[offsets.length - 1]!;
  const cellAt = (column: number): number => offsets[Math.min(Math.max(column - 1, 0), line.length)]!;
  const start = cellAt(span.column);
  const end = span.endLine > span.line ? total : Math.max(start, cellAt(span.endColumn));

  const { from, to } = cropWindow(total, start, options.maxWidth ?? 100);
  let text = from > 0 ? '…' : '';
  // Only the characters in the window are walked.
  for (let k = firstCharFrom(charCells, from); k < chars.length && charCells[k]! <= to; k++) {
    const c = chars[k]!;
    const cell = charCells[k]!;
    const after = cell + c.width;
    if (cell >= from && after <= to) text += c.text;
    // A wide character cut by a window edge leaves blank cells, so the marker stays aligned.
    else if (cell < from && after > from) text += ' '.repeat(Math.min(after, to) - from);
    else if (cell < to && after > to) text += ' '.repeat(to - cell);
  }
  if (to < total) text += '…';

  const shift = from > 0 ? 1 - from : 0;
  const markStart = Math.min(start, to) + shift;
  const markEnd = Math.min(end, to) + shift;
  const marker = '^' + '~'.repeat(Math.max(0, markEnd - markStart - 1));
  const gutter = String(span.line).padStart(options.gutterWidth);
  const blank = ' '.repeat(options.gutterWidth);
  return [
    `${paintGutter(`${gutter} |`)}${text === '' ? '' : ` ${text}`}`,
    `${paintGutter(`${blank} |`)} ${' '.repeat(markStart)}${paintMarker(marker)}`,
  ];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
