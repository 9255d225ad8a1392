import { blockText } from '../block-text.js';
import { lineIndexOf } from '../line-index.js';
import { maskCodeAndComments } from '../markdown/inline-comments.js';
import { normalizeLabel } from '../markdown/inline-text.js';
import { besideComments } from '../section-prose.js';
import type { Block, ParsedSpec, Position } from '../spec-types.js';

/** A run of prose: a paragraph, heading or table, with code spans and comments blanked out. */
export interface ProseBlock {
  /** The text, same length as the block's text, code and comments replaced by spaces. */
  readonly text: string;
  /** Where [from, to) of the text is in the document. */
  locate(from: number, to: number): Position;
  /** The offset in the document's source of a character of the text. */
  sourceOffset(at: number): number;
  /** A table's rows: its cells end at each `|` not escaped, before any link or span is read. */
  readonly table?: boolean;
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
export function proseBlocks(spec: ParsedSpec, inSource: SourceTest, inText: (text: string) => boolean, options: { readonly html?: boolean; readonly topLevel?: boolean } = {}): ProseBlock[] {
  const out: ProseBlock[] = [];
  const source = spec.source;
  const kind = options.html === true ? isShown : isProse;
  const wanted = options.topLevel === true ? (block: Block): boolean => block.topLevel && kind(block) : kind;
  for (const block of candidates(spec, inSource, wanted)) {
    // A comment block that shows nothing besides its comments (most) needs no text built.
    if (block.kind === 'html' && block.htmlKind === 2 && besideComments(source, block) === '') continue;
    const prose = proseBlockOf(spec, block, inText);
    if (prose !== null) out.push(prose);
  }
  return out;
}

/** One block as a {@link ProseBlock} (see {@link proseBlocks}), or null when `inText` says its text holds nothing wanted. */
export function proseBlockOf(spec: ParsedSpec, block: Block, inText: (text: string) => boolean = () => true): ProseBlock | null {
  const { text, toSource } = blockText(spec.source, block);
  if (!inText(text)) return null;
  return {
    text: block.kind === 'html' ? maskHtmlUnseen(text) : maskCodeAndComments(text, block.kind === 'table'),
    // The end is the source offset just past the last character: past a line break inside the text it is not.
    locate: (from, to) => lineIndexOf(spec).span(toSource(from), toSource(Math.max(from, to - 1)) + 1),
    sourceOffset: toSource,
    ...(block.kind === 'table' ? { table: true } : {}),
  };
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

// Comments in raw HTML (one left open hides the rest of the block).
// (`<!-->` and `<!--->` are whole comments, as CommonMark 0.31 and HTML read them.)
const HTML_COMMENT = /<!--(?:-?>|[\s\S]*?(?:-->|$))/g;

/** The text of an HTML block with its comments and code elements blanked out, offsets kept (tags stay: rules blank them as they do in prose). */
function maskHtmlUnseen(text: string): string {
  return maskCodeElements(text.replace(HTML_COMMENT, (m) => m.replace(/[^\n]/g, ' ')));
}

// Elements whose content is code, keys or a script: `<code>FIXME</code>` is
// not prose, in an HTML block or in a paragraph. (Not after a backslash: in
// a paragraph `\<code>` shows as written.)
const CODE_ELEMENT = /(?<!(?:^|[^\\])(?:\\\\)*\\)<(code|pre|kbd|samp|tt|var|script|style|textarea)(?=[\s/>])[^<>]*>/gi;
const CLOSING = new Map<string, RegExp>();

/**
 * Text with the content of code elements blanked out, offsets kept, to
 * their closing tag; one never closed runs to the end, as a browser shows
 * it (so nothing after it is searched again: linear however many there are).
 */
export function maskCodeElements(text: string): string {
  if (text.indexOf('<') === -1) return text;
  let out = '';
  let at = 0;
  CODE_ELEMENT.lastIndex = 0;
  for (let m = CODE_ELEMENT.exec(text); m !== null; m = CODE_ELEMENT.exec(text)) {
    const name = m[1]!.toLowerCase();
    const open = m.index + m[0].length;
    let closing = CLOSING.get(name);
    if (closing === undefined) CLOSING.set(name, (closing = new RegExp(`</${name}(?=[\\s>])`, 'gi')));
    closing.lastIndex = open;
    const close = closing.exec(text)?.index ?? -1;
    if (close === -1) return out + text.slice(at, open) + text.slice(open).replace(/[^\n]/g, ' ');
    out += text.slice(at, open) + text.slice(open, close).replace(/[^\n]/g, ' ');
    at = close;
    CODE_ELEMENT.lastIndex = close;
  }
  return at === 0 ? text : out + text.slice(at);
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

// Link targets (`](…)`), the labels of full reference links (`][label]`, when
// the label is defined: else the brackets show as written), autolinks and HTML
// tags with their attributes are not read on the page: `?label=TODO` in a URL
// is not a leftover marker, nor is `[the board][TODO]`. Targets are blanked
// by a looser pattern than broken-link's reading of links: a title with an
// escaped quote or link text nested deeper is still a link, and its target
// is still unseen.
const LINK_TARGET = /\]\((?:[^()\\]|\\.|\([^()]*\))*\)/g;
const REFERENCE_LABEL = /\]\[(?:[^[\]\\]|\\.)+\]/g;
// `\<TBD\>` is escaped: the page shows "<TBD>", and that is read.
// As CommonMark reads them: a tag's name at once after `<`, then a space before its attributes, or its end;
// an autolink's scheme and colon, or an address (`<TBD: pentest scope>` is text the page shows).
const TAG_OR_AUTOLINK = /(?<!(?:^|[^\\])(?:\\\\)*\\)<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?|[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/g;

// A bare URL, which GitHub shows as a link (an autolink literal): its text is an address, not prose.
// `www.` only where GitHub starts one (a line's start, after a space or `*_~(`);
// a URL ends at a space or `<` (and at a `|`, which ends a table's cell).
const BARE_URL = /(?:(?<![\w/.-])https?:\/\/|(?<=^|[\s*_~(])www\.)[^\s<|]*/gi;

// A footnote's label, `[^1]`, `[^note-on-ttl]`: no space or bracket inside.
const FOOTNOTE_LABEL = /\[\^[^\s[\]]{1,200}\]/g;

/** The text with what a reader does not see blanked out, offsets kept. */
export function unseenBlanked(text: string, definitions: ReadonlySet<string>): string {
  const links = text.indexOf('](') !== -1 || text.indexOf('][') !== -1;
  const urls = text.indexOf('://') !== -1 || /www\./i.test(text);
  const tags = text.indexOf('<') !== -1;
  const notes = text.indexOf('[^') !== -1;
  if (!links && !urls && !tags && !notes) return text;
  const blank = (m: string): string => ' '.repeat(m.length);
  // A footnote's label shows as its number (`Text.[^TODO]`, and `[^TODO]: A note.` below): not its words.
  let out = notes ? text.replace(FOOTNOTE_LABEL, blank) : text;
  // Link targets first (a `<code>` in a title is no element), then code
  // elements, then tags and autolinks (a URL in an attribute is the tag's), then bare URLs.
  if (links) {
    out = out.replace(LINK_TARGET, (m) => `]${blank(m.slice(1))}`)
      .replace(REFERENCE_LABEL, (m) => (definitions.has(normalizeLabel(m.slice(2, -1))) ? `]${blank(m.slice(1))}` : m));
  }
  if (tags) out = maskCodeElements(out).replace(TAG_OR_AUTOLINK, blank);
  return urls ? out.replace(BARE_URL, blank) : out;
}

/** The source of [from, to) of a prose block's text, its code as written (the text has it blanked out). */
export function asWritten(source: string, block: ProseBlock, from: number, to: number): string {
  return source.slice(block.sourceOffset(from), block.sourceOffset(to - 1) + 1);
}
