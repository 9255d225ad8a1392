// Front matter that is not on a file's first line (below a licence comment, a
// blank line, or a model's sentence of preamble) is Markdown: its opening
// `---` a horizontal rule, its keys and closing `---` a level-2 setext
// heading (`title: Rate limiter status: draft`). The frontmatter rule reports
// it; that heading is none of the author's, and read as one it would stand
// before the real title, which then opens no document: "no title" and every
// section "under" it, three findings for one slip.
import type { ScannedBlock } from './block-scanner.js';

// A line of YAML front matter: a key and its colon, an item of a list, or a value carried on.
const KEY_LINE = /^(?:[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)|[ \t]*-[ \t]|[ \t]+\S)/;
// Keys only front matter holds, one of which must be there: `Status: done` under a rule is a heading of the author's.
const SPEC_KEY = /^(?:title|template|status)[ \t]*:/m;
// Blocks looked at from the top for the opening `---`: a comment or two, a sentence of preamble.
const LOOK = 4;

/**
 * The setext heading that stray front matter's keys make near the top of a
 * document (after comments or a paragraph only, right after a `---` rule),
 * or null when there is none.
 */
export function strayFrontMatterHeading(blocks: readonly ScannedBlock[]): ScannedBlock | null {
  for (let i = 0; i < Math.min(blocks.length - 1, LOOK); i++) {
    const block = blocks[i]!;
    if (!block.topLevel) return null;
    if (block.kind === 'thematic-break') {
      const next = blocks[i + 1]!;
      const content = next.content;
      return next.kind === 'heading' && next.variant === 'setext' && next.level === 2 && next.topLevel && content !== undefined
        && SPEC_KEY.test(content) && content.split('\n').every((line) => KEY_LINE.test(line)) ? next : null;
    }
    if (block.kind !== 'html' && block.kind !== 'paragraph') return null;
  }
  return null;
}
