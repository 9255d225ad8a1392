import { countAtMost } from './sorted-search.js';
import type { Block } from './spec-types.js';

/** The text of a block and the way back from text offsets to source offsets. */
export interface BlockText {
  /** The block's text: its lines joined with `\n`, container prefixes left out. */
  readonly text: string;
  /** The source offset of a text offset. */
  toSource(index: number): number;
}

/**
 * The text of a paragraph, heading or table as its lines' segments give it,
 * or of any other block as its raw source.
 */
export function blockText(source: string, block: Block): BlockText {
  const segments = block.segments;
  if (segments === undefined || segments.length === 0) {
    return { text: source.slice(block.start, block.end), toSource: (i) => block.start + i };
  }
  if (segments.length === 2) {
    return { text: source.slice(segments[0], segments[1]), toSource: (i) => segments[0]! + i };
  }
  const starts: number[] = [];
  let text = '';
  for (let i = 0; i < segments.length; i += 2) {
    if (i > 0) text += '\n';
    starts.push(text.length);
    text += source.slice(segments[i], segments[i + 1]);
  }
  return {
    text,
    // Binary search: a paragraph of many lines may have a finding on each.
    toSource: (index) => {
      const k = Math.max(0, countAtMost(starts, (s) => s, index) - 1);
      return segments[k * 2]! + (index - starts[k]!);
    },
  };
}
