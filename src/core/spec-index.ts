import { posix } from 'node:path';
import { SpecfillError } from './errors.js';
import { parseSpec } from './parse-spec.js';
import { afterLineEnding, lineStartOf } from './line-bounds.js';
import { lineIndexOf } from './line-index.js';
import type { ParsedSpec } from './spec-types.js';

/** The markers between which `specfill index` keeps its table; everything else in the file is the user's. */
export const INDEX_START = '<!-- specfill-index:start -->';
export const INDEX_END = '<!-- specfill-index:end -->';

/** One spec in the index. */
export interface IndexRow {
  /** Relative to the project root, `/`-separated. */
  readonly path: string;
  readonly title: string;
  readonly status: string | null;
  readonly owners: readonly string[];
  readonly completeness: number | null;
  /** The front matter's `updated`, else `created`, else null. */
  readonly updated: string | null;
}

// (`<` escaped too: a title's `<b>` left open would bold the rest of the page where the table shows.)
const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '\\<').replace(/[\r\n]+/g, ' ').trim();
const linkText = (text: string): string => cell(text).replace(/[[\]]/g, (c) => `\\${c}`);
const linkTarget = (path: string): string => (/[\s()<>]/.test(path) ? `<${path.replace(/[<>]/g, encodeURIComponent)}>` : path);

/**
 * The index table of some specs, as `specfill index` writes it inside a file
 * in `indexDir` (relative to the project root): title (linked, relative to the
 * index), status, owners, completeness, updated; rows by path. Pure, so that
 * the `stale-index` rule can compare a file's table with what it would be.
 */
export function indexTable(rows: readonly IndexRow[], indexDir: string, newline = '\n'): string {
  const lines = ['| Spec | Status | Owners | Complete | Updated |', '| --- | --- | --- | --- | --- |'];
  for (const r of [...rows].sort((a, b) => a.path.localeCompare(b.path))) {
    const href = posix.relative(indexDir === '' ? '.' : indexDir, r.path);
    const complete = r.completeness === null ? '–' : `${Math.round(r.completeness * 100)}%`;
    lines.push(`| [${linkText(r.title)}](${linkTarget(href)}) | ${cell(r.status ?? '–')} | ${cell(r.owners.join(', ')) || '–'} | ${complete} | ${cell(r.updated ?? '–')} |`);
  }
  if (rows.length === 0) lines.push('| (no specs yet) | | | | |');
  return lines.join(newline) + newline;
}

/** Where the index sits in a file: the text between the markers, and the start marker's line. */
export interface IndexBlock {
  readonly table: string;
  /** Offsets of the text between the markers' lines. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly endLine: number;
}

/** Offsets of the marker comments of a file: HTML comment blocks of their own, in order. */
function markers(spec: ParsedSpec, marker: string): number[] {
  return spec.blocks.filter((b) => b.kind === 'html' && b.htmlKind === 2 && spec.source.startsWith(marker, b.start)).map((b) => b.start);
}

/**
 * The index block of a file, or null when it has no (complete) pair of
 * markers. Only markers that are HTML comment blocks of their own count:
 * the same text quoted in code or inside a paragraph is not a marker. The
 * end marker pairs with the start marker nearest before it.
 */
export function findIndexBlock(source: string, spec: ParsedSpec = parseSpec(source)): IndexBlock | null {
  const starts = markers(spec, INDEX_START);
  if (starts.length === 0) return null;
  const b = markers(spec, INDEX_END).find((e) => e > starts[0]!);
  if (b === undefined) return null;
  const a = starts.filter((x) => x < b).at(-1)!;
  // (Lines end at a LF, a CRLF or a lone CR, as everywhere.)
  const afterStart = afterLineEnding(source, a);
  const start = afterStart > b ? a + INDEX_START.length : afterStart;
  const endLineStart = lineStartOf(source, b);
  const end = endLineStart < start ? b : endLineStart;
  const lines = lineIndexOf(spec);
  return { table: source.slice(start, end), start, end, line: lines.locate(a).line, endLine: lines.locate(b).line };
}

/**
 * The file with `table` between the markers: in place when they are there;
 * after a start marker that lost its end marker (with a new end marker, so
 * that nothing after it is ever taken for the old table); else appended after
 * the file's text (a new file gets a `# Specs` title). Everything outside the
 * markers keeps every byte. Two start markers before the end marker are
 * refused: which one holds the index is not for specfill to guess.
 */
export function writeIndexBlock(source: string, table: string, newline = '\n'): string {
  const spec = parseSpec(source);
  const starts = markers(spec, INDEX_START);
  const block = findIndexBlock(source, spec);
  if (block !== null) {
    if (starts.filter((x) => x < block.start).length > 1) {
      throw new SpecfillError('REFUSED', 'has more than one index start marker before its end marker', { line: block.line },
        `keep one ${INDEX_START} and run \`specfill index\` again`);
    }
    return source.slice(0, block.start) + table + source.slice(block.end);
  }
  if (starts.length > 0) {
    const a = starts[0]!;
    const at = afterLineEnding(source, a);
    // (A marker on the last line, with no line break after it: one goes before the table.)
    const lead = at === source.length && !/[\r\n]$/.test(source) ? newline : '';
    return `${source.slice(0, at)}${lead}${table}${INDEX_END}${newline}${source.slice(at)}`;
  }
  const head = source === '' ? `# Specs${newline}${newline}` : /[\r\n]$/.test(source) ? `${source}${newline}` : `${source}${newline}${newline}`;
  return `${head}${INDEX_START}${newline}${table}${INDEX_END}${newline}`;
}

/** Whether a parsed file holds an index start marker (an HTML comment block, not text quoted in code). */
export function hasIndexMarker(spec: ParsedSpec): boolean {
  return spec.source.includes(INDEX_START)
    && spec.blocks.some((b) => b.kind === 'html' && b.htmlKind === 2 && spec.source.startsWith(INDEX_START, b.start));
}

/**
 * Whether a file is a specs index: its start marker with an end marker after
 * it, a whole index block. Such a file lists specs and is none (status, index,
 * sync and the site leave it out); a spec with a stray start marker, a line
 * pasted in, is still a spec (stale-index says what is wrong with it).
 */
export function isSpecsIndex(spec: ParsedSpec): boolean {
  return hasIndexMarker(spec) && findIndexBlock(spec.source, spec) !== null;
}
