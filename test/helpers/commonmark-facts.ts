// A second reference: commonmark.js, the CommonMark spec's own reference
// implementation (no GFM). Used where micromark's handling of lazy lines
// departs from it.
import { Parser, type Node } from 'commonmark';
import { findFrontMatter } from '../../src/core/markdown/front-matter.js';
import type { MarkdownFacts } from './reference-markdown.js';

function plainText(node: Node): string {
  let text = '';
  const walker = node.walker();
  let event;
  while ((event = walker.next())) {
    const n = event.node;
    if (!event.entering) continue;
    if (n.type === 'text' || n.type === 'code' || n.type === 'html_inline') text += n.literal ?? '';
    else if (n.type === 'softbreak') text += '\n';
  }
  return text;
}

/** Headings and HTML blocks of `source` according to commonmark.js. */
export function commonmarkFacts(source: string): MarkdownFacts {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = findFrontMatter(source, bom);
  // Blank out front matter lines so that line numbers stay the same.
  const body = fm === null ? source.slice(bom) : source.slice(bom, fm.start).replace(/[^\r\n]/g, '') + source.slice(fm.start, fm.end).replace(/[^\r\n]/g, '') + source.slice(fm.end);
  const tree = new Parser().parse(body);
  const facts: MarkdownFacts = { headings: [], html: [], placeholders: [] };
  const walker = tree.walker();
  let event;
  while ((event = walker.next())) {
    const n = event.node;
    if (!event.entering) continue;
    if (n.type === 'heading') facts.headings.push({ level: n.level, text: plainText(n), line: n.sourcepos[0][0] });
    if (n.type === 'html_block') facts.html.push({ line: n.sourcepos[0][0], endLine: n.sourcepos[1][0] });
    const literal = n.literal ?? '';
    const lead = /^[ \t]*/.exec(literal)![0].length;
    if ((n.type === 'html_block' || (n.type === 'html_inline' && (n.parent?.type === 'paragraph' || n.parent?.type === 'heading'))) && /^<!--\s*AGENT_PLACEHOLDER(?![A-Za-z0-9_])/.test(literal.slice(lead))) {
      // commonmark.js gives no position for inline nodes: those count as line 0.
      facts.placeholders.push({ line: n.sourcepos?.[0]?.[0] ?? 0, column: (n.sourcepos?.[0]?.[1] ?? 0) + lead });
    }
  }
  return facts;
}
