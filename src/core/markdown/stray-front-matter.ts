// Front matter that is not on a file's first line (below a licence comment, a
// blank line, or a model's sentence of preamble) is Markdown: its opening
// `---` a horizontal rule, its keys and closing `---` a level-2 setext
// heading (`title: Rate limiter status: draft`). The frontmatter rule reports
// it; that heading is none of the author's, and read as one it would stand
// before the real title, which then opens no document: "no title" and every
// section "under" it, three findings for one slip.
import { invisibleBeforeFrontMatter, strayFrontMatterLine } from '../misplaced-front-matter.js';
import type { ScannedBlock } from './block-scanner.js';

// Blocks looked at from the top for the opening `---`: a comment or two, a sentence of preamble.
const LOOK = 4;

/**
 * The setext heading that stray front matter's keys make near the top of a
 * document, right after its opening `---` rule, or null when there is none.
 * It is that only where the frontmatter rule reports the front matter on
 * that rule's line (its own reading of the source: one notion of misplaced
 * front matter, so that no heading is dropped without a finding saying why).
 */
export function strayFrontMatterHeading(blocks: readonly ScannedBlock[], source: string): ScannedBlock | null {
  // (Behind a character that shows nothing, its `---` and keys are one paragraph, the closing `---` its underline.)
  const first = blocks[0];
  if (first?.kind === 'heading' && first.variant === 'setext' && first.level === 2 && first.line === 1 && invisibleBeforeFrontMatter(source) !== null) return first;
  for (let i = 0; i < Math.min(blocks.length - 1, LOOK); i++) {
    const block = blocks[i]!;
    if (!block.topLevel) return null;
    if (block.kind === 'thematic-break') {
      const next = blocks[i + 1]!;
      if (next.kind !== 'heading' || next.variant !== 'setext' || next.level !== 2 || !next.topLevel) return null;
      return strayFrontMatterLine(source) === block.line ? next : null;
    }
    if (block.kind !== 'html' && block.kind !== 'paragraph') return null;
  }
  return null;
}
