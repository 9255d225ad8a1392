// specfill's side of the differential tests: the same facts from our scanner.
import { scanBlocks } from '../../src/core/markdown/block-scanner.js';
import { findFrontMatter } from '../../src/core/markdown/front-matter.js';
import { inlineText } from '../../src/core/markdown/inline-text.js';
import type { MarkdownFacts } from './reference-markdown.js';

/** Headings and HTML blocks of `source` according to specfill's scanner. */
export function scannerFacts(source: string): MarkdownFacts {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = findFrontMatter(source, bom);
  const scan = fm === null ? scanBlocks(source, bom, 1) : scanBlocks(source, fm.end, 1 + fm.lineCount);
  const context = { definitions: scan.definitions, footnotes: scan.footnotes };
  return {
    headings: scan.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => ({ level: b.level!, text: inlineText(b.content!, context), line: b.line })),
    html: scan.blocks.filter((b) => b.kind === 'html').map((b) => ({ line: b.line, endLine: b.endLine })),
  };
}
