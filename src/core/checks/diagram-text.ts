// The text of the diagrams a page draws from code: a ```mermaid block is
// code to Markdown, but GitHub (and most Markdown viewers) draws it, and
// the words of its labels are on the page, a `TODO` node as plain as any.
import type { ParsedSpec } from '../spec-types.js';

/** A diagram's source as it shows: its comment and style lines (`%% …`, `style …`, `click …`) blanked, offsets kept. */
export interface DiagramText {
  readonly text: string;
  /** Offset in the spec's source of the text's first character. */
  readonly offset: number;
}

// The opening fence of a Mermaid diagram, as GitHub recognises it (the info string's first word).
const MERMAID_FENCE = /^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*mermaid(?:[ \t]|$)/i;

/** The Mermaid diagrams of a spec (fenced code blocks, outside containers), each as its shown text. */
export function diagramTexts(spec: ParsedSpec): DiagramText[] {
  const out: DiagramText[] = [];
  for (const block of spec.blocks) {
    if (block.kind !== 'code' || block.variant !== 'fenced' || !block.topLevel) continue;
    const firstLineEnd = spec.source.indexOf('\n', block.lineStart);
    // (Without a CRLF file's `\r`.)
    const opening = spec.source.slice(block.lineStart, firstLineEnd === -1 ? block.end : firstLineEnd).replace(/\r$/, '');
    if (!MERMAID_FENCE.test(opening) || firstLineEnd === -1 || firstLineEnd >= block.end) continue;
    const offset = firstLineEnd + 1;
    // Up to the closing fence's line (not the fence itself), when there is one.
    const lastLine = spec.source.lastIndexOf('\n', block.end - 1);
    const end = block.closed === false || lastLine < offset ? block.end : lastLine;
    // Comments, and lines that style or link nodes (`style TODO fill:#eee`, `click A "https://…"`), draw no words.
    const text = spec.source.slice(offset, end).replace(/^[ \t]*(?:%%|(?:style|classDef|class|click|linkStyle)[ \t]).*$/gm, (m) => ' '.repeat(m.length));
    out.push({ text, offset });
  }
  return out;
}
