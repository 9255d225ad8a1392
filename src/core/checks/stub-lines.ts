// The template's stub lines — a list item or a table row whose values are an
// ellipsis (`- Goal: ...`, `| Option B | ... | ... |`), or a line of nothing but
// slots (a KEP's ``- `<package>`: `<date>` - `<test coverage>` ``) — kept among lines the
// author wrote: a sample never filled in, which the page shows as if it were
// an answer.
import { lineIndexOf } from '../line-index.js';
import { tableRow } from '../block-samples.js';
import { memoPer } from '../memo-by.js';
import type { Block, ParsedSpec } from '../spec-types.js';
import type { TemplateModel } from '../template-model.js';
import type { FindingDraft } from './types.js';
import { headOf } from '../clip-text.js';

// An ellipsis as a whole value: after a label's colon, as a table cell, or a list item's whole text.
const ELLIPSIS_VALUE = /(?:^|[:|])[ \t*_]*(?:\.{3}|\u2026)[ \t*_]*(?=\||$)/;
// A line of two or more slots and nothing else but punctuation between them, in code or not: the KEP template's sample
// line for unit test coverage, which `<…>` in code keeps from leftover-marker's slots (blind QA, Kueue KEPs).
// (Each slot one bounded class run, the separators one class: linear.)
const SLOTS_ONLY = /^[ \t]*`?<[^<>\n`]{1,60}>`?(?:[ \t:,;|\u2013\u2014-]{1,8}`?<[^<>\n`]{1,60}>`?)+[ \t]*$/;
// Or a sentence with two ellipses or more for its words (Invenio's user story `- As a ..., I want to ..., so that I ... .`).
const ELLIPSIS_WORD = /(?:^|[\s(])(?:\.{3}|\u2026)(?=[\s,.;:!?)]|$)/g;
const manyEllipses = (text: string): boolean => text.length <= 300 && (text.match(ELLIPSIS_WORD)?.length ?? 0) >= 2;
// Or a label whose value is a comment that says what to write, which the page shows as nothing (Helium's HIPs:
// `- Start Date: <!-- fill me in with today's date, YYYY-MM-DD -->`); not one that says to leave it empty.
const LABEL_COMMENT = /^[ \t]*[^:\n<]{1,40}:[ \t]*<!--(?![^\n]*\bleave (?:this|it) (?:empty|blank)\b)[^\n]{1,200}?-->[ \t]*$/i;
const isStubLine = (text: string): boolean => ELLIPSIS_VALUE.test(text) || (text.indexOf('<') !== -1 && (SLOTS_ONLY.test(text) || LABEL_COMMENT.test(text))) || manyEllipses(text);

/** A line of a paragraph or a table as stubs are compared: a row by its cells, whitespace runs as one space, case and the ellipsis's form aside. */
function lineKey(block: Block, written: string): string | null {
  const line = written.replace(/\u2026/g, '...');
  if (block.kind === 'table') {
    // (Not the delimiter row.)
    if (/^[\s|:-]*$/.test(line)) return null;
    return tableRow(line).toLowerCase();
  }
  return line.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The lines of a paragraph or a table (a list item's without its marker), with where each starts. */
function* linesOf(spec: ParsedSpec, block: Block): Generator<{ text: string; start: number; end: number }> {
  const segments = block.segments;
  if (segments === undefined) return;
  for (let k = 0; k + 1 < segments.length; k += 2) yield { text: spec.source.slice(segments[k]!, segments[k + 1]!), start: segments[k]!, end: segments[k + 1]! };
}

/** The template's stub lines (see {@link ELLIPSIS_VALUE}, {@link SLOTS_ONLY}), as {@link lineKey} gives them, read once per template. */
const templateStubLines = memoPer((template: TemplateModel): ReadonlySet<string> => {
  const found = new Set<string>();
  const spec = template.spec;
  for (const block of spec.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'table') continue;
    for (const line of linesOf(spec, block)) {
      if (!isStubLine(line.text)) continue;
      const key = lineKey(block, line.text);
      // (A row of nothing but ellipses is no line of the template's own: it says nothing to find.)
      if (key !== null && /[\p{L}\p{N}]/u.test(key)) found.add(key);
    }
  }
  return found;
});

/**
 * The template's stub lines kept on lines of the spec's written text, each
 * one finding (a section left unwritten as a whole, `spared`, is
 * empty-section's).
 */
export function stubLinesKept(spec: ParsedSpec, template: TemplateModel, spared: (offset: number) => boolean, findings: FindingDraft[]): void {
  const stubs = templateStubLines(template);
  if (stubs.size === 0) return;
  for (const block of spec.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'table') continue;
    const text = spec.source.slice(block.start, block.end);
    if (text.indexOf('...') === -1 && text.indexOf('\u2026') === -1 && text.indexOf('<') === -1) continue;
    for (const line of linesOf(spec, block)) {
      if (!isStubLine(line.text) || spared(line.start)) continue;
      const key = lineKey(block, line.text);
      if (key === null || !stubs.has(key)) continue;
      const shown = line.text.trim();
      const at = lineIndexOf(spec).span(line.start + line.text.indexOf(shown), line.start + line.text.indexOf(shown) + shown.length);
      // (A line that is one of the template's slots, reported already as that: MADR 4's `{justification. e.g., … | … | …}`.)
      if (findings.some((f) => f.line === at.line && f.column === at.column)) continue;
      findings.push({ ...at,
        message: `the template's stub "${shown.length > 80 ? `${headOf(shown, 77)}…` : shown}" is still here: fill it in, or delete it` });
    }
  }
}
