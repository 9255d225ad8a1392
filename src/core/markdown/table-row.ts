import { trimSpaceTab } from './block-patterns.js';

/** Cells of a GFM table row, split on unescaped pipes; null when the row is empty. */
export function splitRow(row: string): string[] | null {
  let s = trimSpaceTab(row);
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  if (s === '' && !row.includes('|')) return null;
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && s[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}
