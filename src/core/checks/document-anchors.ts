// The anchors a page on GitHub has: heading slugs (repeats numbered) and the
// `id`s and `name`s of its HTML. broken-link checks links against them, and
// a table of contents is judged by them (section-states).
import { uniqueSlug } from '../slug.js';
import type { ParsedSpec } from '../spec-types.js';
import { proseBlocks } from './text-blocks.js';

// An HTML start tag, and in it an `id` (any element) or a `name` (on `<a>`): what a page can jump to.
export const HTML_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const HAS_ANCHOR_ATTRIBUTE = /\s(?:id|name)\s*=/i;

const ANCHOR_ATTRIBUTE = /(?:^|\s)(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** The anchors a Markdown renderer on GitHub gives a document: heading slugs (repeats numbered) and HTML ids. */
export function anchorsOf(spec: ParsedSpec): Set<string> {
  const anchors = new Set<string>();
  // Repeats numbered through the whole document, as github-slugger numbers them.
  const used = new Map<string, number>();
  for (const h of spec.headings) anchors.add(uniqueSlug(h.slug, used));
  // HTML outside code: HTML blocks, and inline HTML in prose (code spans and comments blanked out).
  if (spec.source.indexOf('<') === -1 || !mayHoldAnchorAttribute(spec.source)) return anchors;
  const html: string[] = [];
  for (const block of spec.blocks) {
    if (block.kind !== 'html' || block.htmlKind === 2) continue;
    const raw = spec.source.slice(block.start, block.end);
    if (HAS_ANCHOR_ATTRIBUTE.test(raw)) html.push(raw);
  }
  const inSource = (raw: string): boolean => raw.includes('<') && mayHoldAnchorAttribute(raw);
  for (const block of proseBlocks(spec, inSource, (text) => HAS_ANCHOR_ATTRIBUTE.test(text))) html.push(block.text);
  for (const text of html) {
    for (const tag of text.matchAll(HTML_TAG)) {
      for (const a of tag[2]!.matchAll(ANCHOR_ATTRIBUTE)) {
        if (a[1]!.toLowerCase() === 'name' && tag[1]!.toLowerCase() !== 'a') continue;
        anchors.add((a[2] ?? a[3] ?? a[4]!).toLowerCase());
      }
    }
  }
  return anchors;
}

/**
 * Whether a source may hold an `id=` or `name=` attribute, looser than the
 * text's test: a container prefix (`> `) may sit between its parts. Each `=`
 * is looked behind (a search for the words would stop at every `i` and `n`).
 */
function mayHoldAnchorAttribute(source: string): boolean {
  for (let at = source.indexOf('='); at !== -1; at = source.indexOf('=', at + 1)) {
    let end = at;
    while (end > 0 && /[\s>]/.test(source[end - 1]!)) end--;
    const word = source.slice(Math.max(0, end - 4), end).toLowerCase();
    if (word.endsWith('id') || word === 'name') return true;
  }
  return false;
}
