// What a spec keeps of its template's samples: its code blocks (their code,
// whatever the fence or indentation) and its tables' sample rows.
import { splitRow } from './markdown/table-row.js';
import type { Block } from './spec-types.js';

/**
 * A code block's code as template samples are compared: its fences and info
 * string aside, whitespace runs as one space. The template's own sample
 * kept, with another fence, info string or indentation, is still its
 * guidance; the guidance's prose set as code, fenced or indented, is the
 * author's code (as any other code is).
 */
export function codeSample(source: string, block: Block): string {
  return codeOf(source, block).replace(/\s+/g, ' ').trim();
}

/** Whether a code block holds no code: fences with nothing but blank lines between them. */
export function isEmptyCode(source: string, block: Block): boolean {
  return block.variant === 'fenced' && !/\S/.test(codeOf(source, block));
}

/** The code of a code block: a fenced one without its fence lines (its info string aside). */
export function codeOf(source: string, block: Block): string {
  const raw = source.slice(block.start, block.end);
  if (block.variant !== 'fenced') return raw;
  const first = raw.search(/\r\n|\r|\n/);
  if (first === -1) return '';
  const body = raw.slice(first).replace(/^(?:\r\n|\r|\n)/, '');
  // The closing fence, when there is one, is the last line.
  return block.closed === false ? body : body.replace(/(?:^|\r\n|\r|\n)[ \t]*(?:`{3,}|~{3,})[ \t]*$/, '');
}

/** Whether a table has no row below its header (and delimiter row) with text in a cell. */
export function bodyIsEmpty(source: string, block: Block, guidance = ''): boolean {
  const segments = block.segments;
  if (segments === undefined) return false;
  let rows: string | undefined;
  for (let i = 4; i + 1 < segments.length; i += 2) {
    const row = source.slice(segments[i]!, segments[i + 1]!);
    const cells = splitRow(row);
    if (cells === null || cells.every((cell) => cell.trim() === '')) continue;
    // One of the template's own sample rows, kept: no more the author's than an empty one.
    rows ??= tableRows(guidance);
    if (rows === '' || !rows.includes(`\n${tableRow(row)}\n`)) return false;
  }
  return true;
}

/** A table row as rows are compared: whitespace runs as one space, none around a pipe, no outer pipes. */
export function tableRow(row: string): string {
  return row.replace(/\s+/g, ' ').replace(/ ?\| ?/g, '|').replace(/^\||\|$/g, '').trim();
}

/** Every run of the guidance that may be a table row, each between line breaks, for a search by {@link tableRow}. */
function tableRows(guidance: string): string {
  if (guidance.indexOf('|') === -1) return '';
  // The guidance's text has its lines joined by spaces: a row is what stands between two pipes at a row's edges.
  return `\n${guidance.split(/\|\s+\|/).map((part) => tableRow(part)).join('\n')}\n`;
}
