// The reference parser for differential tests: micromark via
// mdast-util-from-markdown, with GFM and YAML front matter, as GitHub renders.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Nodes, Parents } from 'mdast';

/** A heading as both parsers must see it. */
export interface HeadingFact {
  level: number;
  text: string;
  line: number;
}

/** A flow-level HTML node (an HTML block) as both parsers must see it. */
export interface HtmlFact {
  line: number;
  endLine: number;
}

/** Where an HTML node that is an `AGENT_PLACEHOLDER` comment starts. */
export interface PlaceholderFact {
  line: number;
  column: number;
}

export interface MarkdownFacts {
  headings: HeadingFact[];
  html: HtmlFact[];
  placeholders: PlaceholderFact[];
}

const PLACEHOLDER_NODE = /^<!--\s*AGENT_PLACEHOLDER(?![A-Za-z0-9_])/;

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);
const UNCLOSED_PLACEHOLDER = /(?<!\\)<!--\s*AGENT_PLACEHOLDER(?![A-Za-z0-9_])/;

/** Headings and HTML blocks of `source` according to micromark. */
export function referenceFacts(source: string): MarkdownFacts {
  const tree = fromMarkdown(source, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const headings: HeadingFact[] = [];
  const html: HtmlFact[] = [];
  const placeholders: PlaceholderFact[] = [];
  const visit = (node: Nodes, parent: Parents | null): void => {
    if (node.type === 'heading') {
      // A setext heading opened by link definitions starts, in mdast, at the
      // definitions; its text starts where specfill puts the heading.
      const first = node.children[0];
      const line = (first ?? node).position!.start.line;
      headings.push({ level: node.depth, text: toString(node), line });
    } else if (node.type === 'html') {
      if (parent !== null && FLOW_PARENTS.has(parent.type)) {
        html.push({ line: node.position!.start.line, endLine: node.position!.end.line });
      }
      // Placeholders inline in paragraphs, headings and table cells count (all are invisible on the page).
      const where = parent === null || FLOW_PARENTS.has(parent.type) || parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell';
      // An indented HTML block keeps its indentation in its value.
      const lead = /^[ \t]*/.exec(node.value)![0].length;
      if (where && PLACEHOLDER_NODE.test(node.value.slice(lead))) {
        placeholders.push({ line: node.position!.start.line, column: node.position!.start.column + lead });
      }
    } else if (node.type === 'text' && node.position !== undefined && parent !== null && INLINE_PARENTS.has(parent.type) && !unclosedIn.has(parent)) {
      // A `<!--` that nothing closes is text to micromark; with the marker it
      // is a placeholder whose `-->` was deleted (the first of its paragraph,
      // heading or cell; an escaped `\<` is not one).
      const raw = source.slice(node.position!.start.offset, node.position!.end.offset);
      const m = UNCLOSED_PLACEHOLDER.exec(raw);
      if (m !== null) {
        unclosedIn.add(parent);
        const at = node.position!.start.offset! + m.index;
        const before = source.slice(0, at).split(/\r\n|\r|\n/);
        placeholders.push({ line: before.length, column: before[before.length - 1]!.length + 1 });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node as Parents);
  };
  const unclosedIn = new Set<Parents>();
  visit(tree, null);
  placeholders.sort((a, b) => a.line - b.line || a.column - b.column);
  return { headings, html, placeholders };
}
