// specfill's side of the differential tests: the same facts from parseSpec.
import { parseSpec } from '../../src/core/parse-spec.js';
import type { MarkdownFacts } from './reference-markdown.js';

/** Headings and HTML blocks of `source` according to specfill. */
export function scannerFacts(source: string): MarkdownFacts {
  const spec = parseSpec(source);
  return {
    headings: spec.headings.map((h) => ({ level: h.level, text: h.text, line: h.line })),
    html: spec.blocks.filter((b) => b.kind === 'html').map((b) => ({ line: b.line, endLine: b.endLine })),
    placeholders: [...spec.placeholders, ...spec.malformed]
      .sort((a, b) => a.span.start - b.span.start)
      .map((p) => ({ line: p.line, column: p.column })),
  };
}
