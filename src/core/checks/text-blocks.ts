import { blockText } from '../block-text.js';
import { LineIndex } from '../line-index.js';
import { maskCodeAndComments } from '../markdown/inline-comments.js';
import type { ParsedSpec, Position } from '../spec-types.js';

/** A run of prose: a paragraph, heading or table, with code spans and comments blanked out. */
export interface ProseBlock {
  /** The text, same length as the block's text, code and comments replaced by spaces. */
  readonly text: string;
  /** Where [from, to) of the text is in the document. */
  locate(from: number, to: number): Position;
}

const lineIndexes = new WeakMap<ParsedSpec, LineIndex>();

/**
 * The prose blocks of a spec whose raw text passes `worthALook`, for rules
 * that look for words or links outside code: fenced and indented code, inline
 * code and HTML comments are not prose. The cheap raw test first keeps the
 * masking work to the few blocks that may hold a finding.
 */
export function proseBlocks(spec: ParsedSpec, worthALook: (raw: string) => boolean): ProseBlock[] {
  const out: ProseBlock[] = [];
  for (const block of spec.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'heading' && block.kind !== 'table') continue;
    const { text, toSource } = blockText(spec.source, block);
    if (!worthALook(text)) continue;
    out.push({
      text: maskCodeAndComments(text),
      locate: (from, to) => {
        let index = lineIndexes.get(spec);
        if (index === undefined) {
          index = new LineIndex(spec.source);
          lineIndexes.set(spec, index);
        }
        const a = index.locate(toSource(from));
        const b = index.locate(toSource(Math.max(from, to - 1)) + 1);
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
      },
    });
  }
  return out;
}
