import { countAtMost } from './sorted-search.js';
import type { Block, ParsedSpec, Span } from './spec-types.js';

/**
 * What a placeholder's answer becomes: the text of a heading, the text of a
 * GFM table cell (each holds one line of inline Markdown), or blocks of a
 * section (a comment of its own, or inline in a paragraph).
 */
export type PlaceholderSlot = 'heading' | 'table-cell' | 'block';

/** The slot of a placeholder, from the block the scanner found it in. */
export function placeholderSlot(spec: ParsedSpec, placeholder: { readonly span: Span }): PlaceholderSlot {
  const block = holdingBlock(spec, placeholder.span.start);
  if (block?.kind === 'heading') return 'heading';
  if (block?.kind === 'table') return 'table-cell';
  return 'block';
}

/** The block that holds `offset`, if any (blocks are in document order and do not overlap). */
function holdingBlock(spec: ParsedSpec, offset: number): Block | undefined {
  const block = spec.blocks[countAtMost(spec.blocks, (b) => b.start, offset) - 1];
  return block !== undefined && offset < block.end ? block : undefined;
}
