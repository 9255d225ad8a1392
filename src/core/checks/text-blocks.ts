import { blockText } from '../block-text.js';
import { lineIndexOf } from '../line-index.js';
import { maskCodeAndComments } from '../markdown/inline-comments.js';
import { besideComments } from '../section-prose.js';
import type { Block, ParsedSpec, Position } from '../spec-types.js';

/** A run of prose: a paragraph, heading or table, with code spans and comments blanked out. */
export interface ProseBlock {
  /** The text, same length as the block's text, code and comments replaced by spaces. */
  readonly text: string;
  /** Where [from, to) of the text is in the document. */
  locate(from: number, to: number): Position;
}

/**
 * A quick test of a block's source as it stands (container prefixes such as
 * `> ` included): a function of the block's source, or a pattern that must
 * occur in it, searched for once over the whole document.
 */
export type SourceTest = RegExp | ((raw: string) => boolean);

/**
 * The prose blocks of a spec that may hold what a rule looks for, for rules
 * that look for words or links outside code: fenced and indented code, inline
 * code and HTML comments are not prose. `inSource` is asked about the block's
 * source, then `inText` about its text: `inSource` must pass whenever
 * `inText` would, so it looks for something no prefix can split (`](`, a
 * word). The quick tests keep the text-building and masking work to the few
 * blocks that may hold a finding.
 */
export function proseBlocks(spec: ParsedSpec, inSource: SourceTest, inText: (text: string) => boolean, options: { readonly html?: boolean } = {}): ProseBlock[] {
  const out: ProseBlock[] = [];
  const source = spec.source;
  const wanted = options.html === true ? isShown : isProse;
  for (const block of candidates(spec, inSource, wanted)) {
    // A comment block that shows nothing besides its comments (most) needs no text built.
    if (block.kind === 'html' && block.htmlKind === 2 && besideComments(source, block) === '') continue;
    const { text, toSource } = blockText(source, block);
    if (!inText(text)) continue;
    out.push({
      text: block.kind === 'html' ? maskHtmlUnseen(text) : maskCodeAndComments(text),
      locate: (from, to) => {
        const index = lineIndexOf(spec);
        const a = index.locate(toSource(from));
        const b = index.locate(toSource(Math.max(from, to - 1)) + 1);
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
      },
    });
  }
  return out;
}

function isProse(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'table';
}

/**
 * Prose, or an HTML block whose text shows on the page: a comment block (what
 * follows its `-->`) or a block of tags (`<p>`, `<details>`; kinds 6 and 7).
 * `<pre>`, `<script>`, `<style>` and `<textarea>` blocks (kind 1) are code,
 * and processing instructions, declarations and CDATA show nothing.
 */
function isShown(block: Block): boolean {
  return isProse(block) || (block.kind === 'html' && (block.htmlKind === 2 || (block.htmlKind ?? 0) >= 6));
}

// Comments (one left open hides the rest of the block), and elements whose
// content is code, in raw HTML.
// A start tag left open swallows the rest (as a browser does), so that each
// match ends where the next search starts: linear, however many there are.
const HTML_UNSEEN = /<!--[\s\S]*?(?:-->|$)|<(code|pre|kbd|samp|tt|script|style|textarea)\b[^>]*(?:>[\s\S]*?(?:<\/\1\s*>|$)|$)/gi;

/** The text of an HTML block with its comments and code elements blanked out, offsets kept (tags stay: rules blank them as they do in prose). */
function maskHtmlUnseen(text: string): string {
  return text.replace(HTML_UNSEEN, (m) => m.replace(/[^\n]/g, ' '));
}

/** The blocks of the wanted kinds whose source passes the test. */
function candidates(spec: ParsedSpec, test: SourceTest, wanted: (block: Block) => boolean): Block[] {
  const source = spec.source;
  const blocks = spec.blocks;
  if (typeof test === 'function') return blocks.filter((b) => wanted(b) && test(source.slice(b.start, b.end)));
  // One search of the document, each match taken to the block it starts in
  // (blocks are in document order and do not overlap); the search then goes
  // on after that block.
  const pattern = new RegExp(test.source, test.flags.includes('g') ? test.flags : `${test.flags}g`);
  const out: Block[] = [];
  let k = 0;
  for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) {
    const at = m.index;
    while (k < blocks.length && blocks[k]!.end <= at) k++;
    if (k === blocks.length) break;
    const block = blocks[k]!;
    if (block.start > at) {
      pattern.lastIndex = block.start;
      continue;
    }
    if (wanted(block)) out.push(block);
    pattern.lastIndex = block.end;
    k++;
  }
  return out;
}
