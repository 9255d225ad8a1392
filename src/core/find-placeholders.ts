import type { ScannedBlock } from './markdown/block-scanner.js';
import { findInlineComments } from './markdown/inline-comments.js';
import { blockText } from './block-text.js';
import type { LineIndex } from './line-index.js';
import type { Span } from './spec-types.js';

/** The marker that turns an HTML comment into a placeholder. */
export const PLACEHOLDER_MARKER = 'AGENT_PLACEHOLDER';

/** A placeholder comment before it is given its section and id. */
export interface RawPlaceholder {
  readonly span: Span;
  readonly instruction: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** `closed-by-next`: its own `-->` is gone, and a later comment's closes it. */
  readonly problem: 'unterminated' | 'closed-by-next' | 'empty' | null;
}

const MARKER_START = /^\s*AGENT_PLACEHOLDER(?![A-Za-z0-9_])[ \t]*:?/;

/**
 * Finds the `<!-- AGENT_PLACEHOLDER: ... -->` comments of a document: HTML
 * comment blocks (CommonMark HTML block kind 2, the form templates use) and
 * comments inline in a paragraph, a table cell or a heading (all invisible
 * on the rendered page). A marker in code or inline code is text, as a
 * renderer shows it. One inside another kind of HTML block (a `<div>`) is
 * part of that block's raw HTML, not a placeholder of its own.
 */
export function findPlaceholders(source: string, blocks: readonly ScannedBlock[], lines: LineIndex): RawPlaceholder[] {
  const found: RawPlaceholder[] = [];
  if (source.indexOf(PLACEHOLDER_MARKER) === -1) return found;
  for (const block of blocks) {
    if (block.kind === 'html' && block.htmlKind === 2) {
      if (source.indexOf(PLACEHOLDER_MARKER, block.start) >= block.end) continue;
      collectBlockComments(source, block, lines, found);
    } else if (block.kind === 'paragraph' || block.kind === 'table' || block.kind === 'heading') {
      const at = source.indexOf(PLACEHOLDER_MARKER, block.start);
      if (at === -1 || at >= block.end) continue;
      collectInlineComments(source, block, lines, found);
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function collectBlockComments(source: string, block: ScannedBlock, lines: LineIndex, found: RawPlaceholder[]): void {
  let pos = block.start;
  while (pos < block.end) {
    const open = source.indexOf('<!--', pos);
    if (open === -1 || open >= block.end) break;
    const bodyStart = open + 4;
    let bodyEnd: number;
    let end: number;
    let terminated = true;
    if (source.charCodeAt(bodyStart) === 0x3e /* > */) {
      bodyEnd = bodyStart;
      end = bodyStart + 1;
    } else if (source.startsWith('->', bodyStart)) {
      bodyEnd = bodyStart;
      end = bodyStart + 2;
    } else {
      const close = source.indexOf('-->', bodyStart);
      if (close === -1 || close + 3 > block.end) {
        bodyEnd = block.end;
        end = block.end;
        terminated = false;
      } else {
        bodyEnd = close;
        end = close + 3;
      }
    }
    addIfPlaceholder(textInSegments(source, block.segments ?? [], bodyStart, bodyEnd), open, end, terminated, lines, found);
    pos = end;
  }
}

/**
 * Comments inline in a paragraph, heading or table cell: found in its text
 * and mapped back to source offsets. A `<!--` that nothing closes is no
 * comment (CommonMark shows it as text); holding the marker, it is a
 * placeholder whose `-->` was deleted, up to the end of its paragraph or
 * cell. A table's cells are each their own inline text (GFM splits a row at
 * its unescaped pipes first), so a comment never runs from one cell or row
 * into another.
 */
function collectInlineComments(source: string, block: ScannedBlock, lines: LineIndex, found: RawPlaceholder[]): void {
  const segments = block.segments ?? [];
  if (block.kind === 'table') {
    for (let i = 0; i < segments.length; i += 2) {
      for (const [from, to] of tableCells(source, segments[i]!, segments[i + 1]!)) {
        collectInText(source.slice(from, to), (k) => from + k, to, (a, b) => source.slice(a, b), lines, found);
      }
    }
    return;
  }
  const { text, toSource } = blockText(source, block);
  collectInText(text, toSource, block.end, (a, b) => textInSegments(source, segments, a, b), lines, found);
}

/** The placeholders of one inline text whose offsets `toSource` maps back; an unclosed one runs to `end`. */
function collectInText(text: string, toSource: (index: number) => number, end: number, body: (from: number, to: number) => string,
  lines: LineIndex, found: RawPlaceholder[]): void {
  const unclosed: number[] = [];
  for (const [from, to] of findInlineComments(text, unclosed)) {
    const open = toSource(from);
    const close = toSource(to - 1) + 1;
    addIfPlaceholder(body(open + 4, close - 3), open, close, true, lines, found);
  }
  // Each `<!--` that nothing closes is text: any of them may be a placeholder
  // that lost its `-->`. The first that is one runs to the end, so any later
  // one is inside its span and not reported again.
  for (const at of unclosed) {
    const open = toSource(at);
    const before = found.length;
    addIfPlaceholder(body(open + 4, end), open, end, false, lines, found);
    if (found.length > before) break;
  }
}

/** The `[start, end)` source ranges of a table row's cells: between its unescaped pipes, outer pipes aside. */
function tableCells(source: string, start: number, end: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x7c /* | */) {
      cells.push([from, i]);
      from = i + 1;
    }
  }
  cells.push([from, end]);
  return cells;
}

/**
 * Whether an HTML comment, whole (`<!--` to `-->`), is a usable placeholder:
 * the marker, an instruction after it, and no other comment's `<!--` inside
 * (see readMarker), so the same comments as {@link findPlaceholders}
 * reports without a problem.
 */
export function isWellFormedPlaceholder(comment: string): boolean {
  const read = readMarker(comment.slice(4, -3), true);
  return read !== null && read.nested === -1 && read.instruction !== '';
}

/**
 * A comment's body read as a placeholder: its instruction, and where a `<!--`
 * inside it starts (-1 for none); null when the body does not open with the
 * marker. A `<!--` inside a terminated comment is another comment's start:
 * this one lost its `-->`, and the next comment's closes it, hiding the
 * headings and text in between. Its instruction is what comes before that.
 */
function readMarker(body: string, terminated: boolean): { instruction: string; nested: number } | null {
  const marker = MARKER_START.exec(body);
  if (marker === null) return null;
  const nested = terminated ? body.indexOf('<!--', marker[0].length) : -1;
  const instruction = body.slice(marker[0].length, nested === -1 ? body.length : nested).split('\n').map((l) => l.trimEnd()).join('\n').trim();
  return { instruction, nested };
}

function addIfPlaceholder(body: string, open: number, end: number, terminated: boolean, lines: LineIndex, found: RawPlaceholder[]): void {
  const read = readMarker(body, terminated);
  if (read === null) return;
  const { instruction, nested } = read;
  const from = lines.locate(open);
  const to = lines.locate(end);
  found.push({
    span: { start: open, end },
    instruction,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    problem: !terminated ? 'unterminated' : nested !== -1 ? 'closed-by-next' : instruction === '' ? 'empty' : null,
  });
}

/** The text of [from, to) with container prefixes (`> `, list indentation) left out, lines joined by `\n`. */
function textInSegments(source: string, segments: readonly number[], from: number, to: number): string {
  const parts: string[] = [];
  // The first line that ends at or past `from`, found by halves: a paragraph of 100,000 lines, each with a
  // placeholder, was read from its first line for each (quadratic: fuzzing QA).
  let low = 0;
  let high = segments.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[2 * mid + 1]! < from) low = mid + 1;
    else high = mid;
  }
  for (let i = 2 * low; i < segments.length; i += 2) {
    const start = segments[i]!;
    const end = segments[i + 1]!;
    if (end < from) continue;
    if (start > to) break;
    parts.push(source.slice(Math.max(start, from), Math.min(end, to)));
  }
  return parts.join('\n');
}
