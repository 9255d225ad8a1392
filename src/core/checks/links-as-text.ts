// Text written as a link that links nowhere: an empty destination,
// `[review]()`, and one with spaces, which Markdown does not read as a link
// and the page shows as typed. broken-link reports them.
import { slugify } from '../slug.js';
import { quote } from './locate.js';
import { oneLine } from './reference-labels.js';
import { asWritten, type ProseBlock } from './text-blocks.js';
import type { ParsedSpec } from '../spec-types.js';
import type { FindingDraft } from './types.js';

/** The finding for an inline link at [from, to) of a block's text whose destination is empty (`[review]()`). */
export function emptyDestination(spec: ParsedSpec, block: ProseBlock, from: number, to: number): FindingDraft {
  return { ...block.locate(from, to), message: `link ${quote(oneLine(asWritten(spec.source, block, from, to)))} leads nowhere: its destination is empty; write the address, or take the link out` };
}

/** `[text](#FuseRecv Optimizer in Grappler)` in a block: a finding each, with the anchor or the fix to write. */
export function spacedDestinations(spec: ParsedSpec, block: ProseBlock): FindingDraft[] {
  const found: FindingDraft[] = [];
  if (!MAY_HAVE_SPACED_DESTINATION.test(block.text)) return found;
  for (const m of block.text.matchAll(SPACED_DESTINATION)) {
    const at = m.index + m[1]!.length;
    const words = m[3]!;
    const shown = quote(oneLine(asWritten(spec.source, block, at, m.index + m[0].length)));
    found.push({ ...block.locate(at, m.index + m[0].length), message: words.startsWith('#')
      ? `${shown} is shown as text, not a link: a link's destination cannot hold spaces; write the anchor, #${slugify(words.slice(1))}`
      // (Words in parentheses after bracketed text are as likely prose: `[1] (How can the user stop …)`.)
      : !/[./]/.test(words) && words.split(/\s+/).length >= 3
        ? `${shown} is shown as text, not a link: a link's destination cannot hold spaces; if the words in parentheses are prose, put a space between \`]\` and \`(\`; if they are an address, write %20 for each space`
        : `${shown} is shown as text, not a link: a link's destination cannot hold spaces; write %20 for each, or put the destination in <…>` });
  }
  return found;
}

// `[text](words with spaces)`: no link (a destination has no spaces, and what follows a space must be a quoted
// title), shown as typed. Not after `\` or `]` (an escaped bracket, a reference), nor an image, nor after a letter or
// a figure (`base[n](1 + jitter)` is a formula).
// (A quote inside a word is text, `Rust's`: only one that opens a word after a space may open a title.)
const SPACED_DESTINATION = /(^|[^\\\]!\p{L}\p{N}_])\[([^[\]\n]{1,300})\]\((#?[^\s()"'<>][^\s()<>]*(?:[ \t]+[^\s()"'<>][^\s()<>]*){1,20})\)/gu;

// Its quick test, from each `](` (few): a space inside the parentheses before a word.
const MAY_HAVE_SPACED_DESTINATION = /\]\(#?[^\s()"'<>][^\s()<>]*[ \t]+[^\s()"'<>]/;
