import { blockText } from './block-text.js';
import { splitRow } from './markdown/table-row.js';
import { editDistanceAtMost } from './edit-distance.js';
import { findInlineComments } from './markdown/inline-comments.js';
import { withLinksAsText } from './markdown/inline-links.js';
import type { Block, ParsedSpec, Span } from './spec-types.js';

/**
 * What a span of a document says, comments and layout aside: the text of its
 * blocks with HTML comments removed and whitespace collapsed. Two sections say
 * the same thing when their prose is equal; a section says nothing when its
 * prose is empty. Headings of nested sections are not part of a body span.
 */
export function sectionProse(spec: ParsedSpec, span: Span): string {
  const parts: string[] = [];
  for (const block of blocksIn(spec, span)) {
    const text = shownText(spec.source, block);
    if (text !== null && text !== '') parts.push(text);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Whether a span says nothing, or only the template's guidance prose. The
 * common case (guidance given as comments only) needs no text to be built:
 * any block with text is content.
 */
export function saysNothing(spec: ParsedSpec, span: Span, guidance: string, sentences?: ReadonlySet<string>): boolean {
  if (guidance !== '') {
    const prose = proseIfAtMost(spec, span, guidance);
    if (prose === '' || prose === guidance) return true;
    // Guidance trimmed, reordered, repeated or lightly re-marked up is still
    // only guidance: every sentence of the span is one of the template's.
    if (sentences === undefined || sentences.size === 0) return false;
    // A code block is content, whatever words it holds, unless it is the
    // template's own sample (its code, whatever its fence); so is an image
    // (its alt text may be empty), unless the template shows it.
    for (const b of blocksIn(spec, span)) {
      if (b.kind === 'code' && !isEmptyCode(spec.source, b) && !isSample(spec.source, b, guidance)) return false;
      if (b.kind === 'paragraph' && spec.source.slice(b.start, b.end).includes('![') && hasImageNotIn(proseOf(spec.source, b), guidance)) return false;
    }
    // Written text usually differs at its first sentence: stop there. A
    // sentence of a word or two (`No.`, from a `**No:** …` lead-in of the
    // guidance) is no sign of guidance kept by itself: a longer one must be there.
    let any = false;
    // One budget for the section's run-together sentences (crafted text may hold many).
    const budget = { steps: RUN_TOGETHER_STEPS };
    for (const sentence of sentencesOf(spec, span, guidance)) {
      if (!sentences.has(sentence) && !isRunTogether(sentence, sentences, budget) && !nearlyGuidance(sentence, sentences, budget)) return false;
      if (!any && sentence.split(' ').length >= 3) any = true;
    }
    return any;
  }
  const source = spec.source;
  for (const block of blocksIn(spec, span)) {
    if (block.kind === 'html' && block.htmlKind === 2) {
      if (besideComments(source, block) !== '') return false;
      continue;
    }
    if (block.kind === 'heading' && block.topLevel) continue;
    // A rule, or HTML that shows nothing (`<br>`, `<p></p>`, `&nbsp;`), says nothing.
    if (block.kind === 'thematic-break' || (block.kind === 'html' && isBlankHtml(source, block))) continue;
    if (block.kind === 'table' && shownText(source, block) === '') continue;
    // An empty code block (its fences, nothing between) shows an empty box.
    if (block.kind === 'code' && isEmptyCode(source, block)) continue;
    if (block.kind !== 'paragraph') return false;
    // Most paragraphs show text on their first line: content, found without building their text.
    const segments = block.segments;
    const comment = source.indexOf('<!--', block.start);
    if ((comment === -1 || comment >= block.end) && segments !== undefined && segments.length >= 2) {
      // (Two plain tests: one pattern for "some non-space, no & or <" backtracks on long lines.)
      const first = source.slice(segments[0], segments[1]);
      if (/\S/.test(first) && !/[&<]/.test(first)) return false;
    }
    // Else the whole text decides: inline comments say nothing, and neither
    // do lines of no-break spaces or form feeds, which CommonMark makes paragraphs.
    if (!isBlank(proseOf(source, block))) return false;
  }
  return true;
}

/**
 * The span's prose (as {@link sectionProse} gives it) when it is a prefix of
 * `limit`, else a text that is not `limit` and not empty: built block by
 * block, it stops at the first block that departs from `limit`, so a written
 * section is not turned into text whole just to learn that it is not the
 * template's guidance.
 */
function proseIfAtMost(spec: ParsedSpec, span: Span, limit: string): string {
  let prose = '';
  for (const block of blocksIn(spec, span)) {
    const text = shownText(spec.source, block, limit);
    if (text === null) continue;
    const piece = text.replace(/\s+/g, ' ').trim();
    if (piece === '') continue;
    prose = prose === '' ? piece : `${prose} ${piece}`;
    if (!limit.startsWith(prose)) return prose;
  }
  return prose;
}

/**
 * Whether a code block is the template's own sample: the guidance shows this
 * very block (fences and all, or indented alike), or a fenced block holding
 * its code (its fence or info string changed). Code that only quotes the
 * guidance's words is content.
 */
function isSample(source: string, block: Block, guidance: string): boolean {
  const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();
  if (guidance.includes(norm(source.slice(block.start, block.end)))) return true;
  return /```|~~~/.test(guidance) && guidance.includes(norm(codeOf(source, block)));
}

/** Whether a code block holds no code: fences with nothing but blank lines between them. */
function isEmptyCode(source: string, block: Block): boolean {
  return block.variant === 'fenced' && !/\S/.test(codeOf(source, block));
}

/** The code of a code block: a fenced one without its fence lines (its info string aside). */
function codeOf(source: string, block: Block): string {
  const raw = source.slice(block.start, block.end);
  if (block.variant !== 'fenced') return raw;
  const first = raw.search(/\r\n|\r|\n/);
  if (first === -1) return '';
  const body = raw.slice(first).replace(/^(?:\r\n|\r|\n)/, '');
  // The closing fence, when there is one, is the last line.
  return block.closed === false ? body : body.replace(/(?:^|\r\n|\r|\n)[ \t]*(?:`{3,}|~{3,})[ \t]*$/, '');
}

// An image: `![alt](destination` or `![alt][label]` (its alt text may be
// empty; no `[` in it, so that a run of `![` is not searched to its end from each).
const IMAGE = /!\[[^\][]*\](?:\(\s*<?([^\s)>]+)|\[([^\][]*)\])/g;

/** The images a text shows, each by its destination or `[label]`. */
function imagesOf(text: string): string[] {
  if (text.indexOf('![') === -1) return [];
  return [...text.matchAll(IMAGE)].map((m) => m[1] ?? `[${m[2]!.toLowerCase()}]`);
}

/** Whether a text shows an image that the guidance does not show. */
function hasImageNotIn(text: string, guidance: string): boolean {
  const images = imagesOf(text);
  if (images.length === 0) return false;
  const shown = new Set(imagesOf(guidance));
  return images.some((image) => !shown.has(image));
}

/**
 * The sentences of a span's prose, each normalised (case, emphasis and other
 * markup, link destinations, punctuation and spacing aside): how guidance is
 * recognised when an author kept only part of it. Each paragraph and list item is split at
 * sentence ends (`.`, `!`, `?`, `:`, `;`).
 */
export function proseSentences(spec: ParsedSpec, span: Span): string[] {
  return [...sentencesOf(spec, span)];
}

function* sentencesOf(spec: ParsedSpec, span: Span, guidance?: string): Generator<string> {
  for (const block of blocksIn(spec, span)) {
    // A code block says its code, whatever its fence and info string.
    const shown = block.kind === 'code' ? codeOf(spec.source, block) : shownText(spec.source, block, guidance);
    if (shown === null) continue;
    // A link counts as its text: where it points is not what the sentence says;
    // emphasis marks go before the text is split, so that `**Why?** What…`
    // splits after `?` as the plain text does.
    const text = withLinksAsText(shown).replace(/[*_`~]/g, '');
    // Sentence by sentence, as the caller asks: written text usually departs
    // from the guidance at its first sentence, and the rest is never read.
    const end = /[.!?:;]\s+/g;
    let from = 0;
    while (from < text.length) {
      const m = end.exec(text);
      const to = m === null ? text.length : m.index + 1;
      const sentence = normalizedSentence(text.slice(from, to));
      if (sentence !== '') yield sentence;
      from = m === null ? text.length : end.lastIndex;
    }
  }
}

/** A sentence as guidance is compared: lower case, words only. */
function normalizedSentence(text: string): string {
  const lower = text.toLowerCase();
  // Most prose is ASCII, where letters and digits are a-z and 0-9 (a quicker pattern than Unicode's classes).
  return (NON_ASCII.test(lower) ? lower.replace(/[^\p{L}\p{N}]+/gu, ' ') : lower.replace(/[^a-z0-9]+/g, ' ')).trim();
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The sentence of `text` around `at`, normalized as the template's guidance
 * sentences are (links as their text, emphasis marks dropped): whether a
 * word found there is in the template's own words.
 */
export function sentenceAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && !(/[.!?:;]/.test(text[start - 1]!) && /\s/.test(text[start] ?? ' '))) start--;
  let end = at;
  while (end < text.length && !(/[.!?:;]/.test(text[end]!) && /\s/.test(text[end + 1] ?? ' '))) end++;
  return normalizedSentence(withLinksAsText(text.slice(start, end + 1)).replace(/[*_`~]/g, ''));
}

/** The template's sentences as a trie of words, for {@link isRunTogether}. */
interface WordTrie {
  readonly next: Map<string, WordTrie>;
  /** A whole sentence ends here. */
  end: boolean;
}

const triesOf = new WeakMap<ReadonlySet<string>, WordTrie>();

function trieOf(sentences: ReadonlySet<string>): WordTrie {
  let root = triesOf.get(sentences);
  if (root !== undefined) return root;
  root = { next: new Map(), end: false };
  for (const s of sentences) {
    let node = root;
    for (const word of s.split(' ')) {
      let child = node.next.get(word);
      if (child === undefined) node.next.set(word, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  triesOf.set(sentences, root);
  return root;
}

/** Steps of the walk below for one section: past them, its sentence is taken as written (content). */
const RUN_TOGETHER_STEPS = 200_000;

/** Sentences shorter than this are compared exactly: a word changed in a short one may change what it says. */
const NEAR_MIN_LENGTH = 40;

/**
 * Whether a sentence is one of the guidance's with a word or two changed
 * (a typo fixed, "Brief explanation" for "Give a brief explanation", as a
 * template's later wording does): at most one edit in ten characters, for
 * sentences of some length. Counted against the section's step budget.
 */
function nearlyGuidance(sentence: string, sentences: ReadonlySet<string>, budget: { steps: number }): boolean {
  if (sentence.length < NEAR_MIN_LENGTH) return false;
  const most = Math.floor(sentence.length / 10);
  // A task's box ticked (`[x] I/we understand…`, read `x i we understand…`) is the author's answer, not a slip.
  const ticked = sentence.startsWith('x ');
  // Only sentences of about the same length can be near: found by length in the template's sorted list.
  const byLength = sentencesByLength(sentences);
  for (let i = firstAtLeast(byLength, sentence.length - most); i < byLength.length && byLength[i]!.length <= sentence.length + most; i++) {
    const g = byLength[i]!;
    if (g.startsWith('x ') !== ticked) continue;
    budget.steps -= g.length * (2 * most + 1);
    if (budget.steps < 0) return false;
    if (editDistanceAtMost(sentence, g, most) <= most && !meaningChanged(sentence, g)) return true;
  }
  return false;
}

const byLengthOf = new WeakMap<ReadonlySet<string>, string[]>();

/** The template's sentences long enough to be compared loosely, shortest first (made once per template). */
function sentencesByLength(sentences: ReadonlySet<string>): string[] {
  let list = byLengthOf.get(sentences);
  if (list === undefined) {
    list = [...sentences].filter((g) => g.length >= NEAR_MIN_LENGTH).sort((a, b) => a.length - b.length);
    byLengthOf.set(sentences, list);
  }
  return list;
}

/** The index of the first sentence at least `length` long. */
function firstAtLeast(list: readonly string[], length: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.length < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A figure changed (99.9% to 99.5%), or a word that negates added or taken
// away ("can" to "cannot"), makes a near sentence the author's answer however
// few characters it takes; "can not" for "cannot" or "doesnt" for "doesn't"
// says the same.
const NEGATING = new Set(['not', 'no', 'never', 'none', 'nor', 'cannot', 'without', 'nothing', 'neither', 'isnt', 'arent', 'wasnt', 'werent',
  'doesnt', 'dont', 'didnt', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'mustnt', 'neednt', 'hasnt', 'havent', 'hadnt', 'aint']);

/** Whether the words two near sentences do not share hold a figure or a word that negates. */
function meaningChanged(a: string, b: string): boolean {
  const words = (text: string): Set<string> => new Set(text.replace(/n t\b/g, 'nt').replace(/\bcan not\b/g, 'cannot').split(' '));
  const [wa, wb] = [words(a), words(b)];
  for (const [x, y] of [[wa, wb], [wb, wa]] as const) {
    for (const w of x) if (!y.has(w) && (NEGATING.has(w) || /\d/.test(w))) return true;
  }
  return false;
}

/**
 * Whether a sentence is two or more of the template's sentences run together:
 * the guidance kept with its full stops taken out, or turned into commas
 * (`… in two to three sentences Articulate the problem as a question`).
 * From each place a run of template sentences reaches, the words are walked
 * down a trie of the template's sentences, so that a walk stops where no
 * template sentence goes on; a budget bounds crafted input.
 */
function isRunTogether(sentence: string, sentences: ReadonlySet<string>, budget: { steps: number }): boolean {
  const root = trieOf(sentences);
  const words = sentence.split(' ');
  if (words.length < 2 || !root.next.has(words[0]!)) return false;
  // Which word counts can be covered by whole template sentences, one after another.
  const reached = new Uint8Array(words.length + 1);
  reached[0] = 1;
  for (let from = 0; from < words.length; from++) {
    if (reached[from] === 0) continue;
    let node: WordTrie | undefined = root;
    for (let to = from; to < words.length; to++) {
      node = node.next.get(words[to]!);
      if (node === undefined) break;
      if (--budget.steps < 0) return false;
      if (node.end) reached[to + 1] = 1;
    }
  }
  return reached[words.length] === 1;
}

/**
 * Whether a span is a table of contents: besides comments, only paragraphs
 * (list items') that are each one link to a place in the document
 * (`[Summary](#summary)`), two or more. A KEP keeps one under its title,
 * listing the sections it has: written for this document, so content, though
 * its entries are among the template's own.
 */
export function isTableOfContents(spec: ParsedSpec, span: Span): boolean {
  let links = 0;
  for (const block of blocksIn(spec, span)) {
    if (block.kind === 'html' && block.htmlKind === 2 && besideComments(spec.source, block) === '') continue;
    if (block.kind !== 'paragraph' || !ANCHOR_LINK.test(blockText(spec.source, block).text)) return false;
    links++;
  }
  return links >= 2;
}

/** Whether a span holds a table of contents among other things: two or more paragraphs that are each one link to an anchor. */
export function hasTableOfContents(spec: ParsedSpec, span: Span): boolean {
  let links = 0;
  for (const block of blocksIn(spec, span)) {
    if (block.kind === 'paragraph' && ANCHOR_LINK.test(blockText(spec.source, block).text) && ++links >= 2) return true;
  }
  return false;
}

// One inline link to an anchor, alone: `[Summary](#summary)`.
const ANCHOR_LINK = /^\s*\[[^\]\n]*\]\(\s*#[^\s()]+\s*\)\s*$/;

/** Whether a span holds an HTML comment block (guidance in a template). */
export function hasCommentBlock(spec: ParsedSpec, span: Span): boolean {
  return blocksIn(spec, span).some((b) => b.kind === 'html' && b.htmlKind === 2);
}

/** The blocks that start inside a span, found by binary search (blocks are in document order). */
export function blocksIn(spec: ParsedSpec, span: Span): Block[] {
  const blocks = spec.blocks;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Block[] = [];
  for (let i = lo; i < blocks.length && blocks[i]!.start < span.end; i++) out.push(blocks[i]!);
  return out;
}

/**
 * What a block of a section's body says, as prose: a comment block only
 * what it shows besides its comments, any other block its text without
 * inline comments; null for a heading of a nested section, which is not the
 * body's.
 */
function shownText(source: string, block: Block, guidance?: string): string | null {
  if (block.kind === 'heading' && block.topLevel) return null;
  if (block.kind === 'thematic-break' || (block.kind === 'html' && isBlankHtml(source, block))) return '';
  // A pipe table whose cells are all empty (`|  |  |` over `| --- | --- |`) shows nothing either.
  if (block.kind === 'table' && /^[\s|:*_`-]*$/.test(source.slice(block.start, block.end))) return '';
  // So does the template's own table with its sample rows deleted (its header
  // alone, or empty rows): the frame of an answer, not one. A header of the
  // author's own words is what they wrote.
  if (block.kind === 'table' && guidance !== undefined && guidance !== '' && bodyIsEmpty(source, block)
    && guidance.includes(source.slice(block.segments![0], block.segments![1]).replace(/\s+/g, ' ').trim())) return '';
  if (block.kind === 'html' && block.htmlKind === 2) return besideComments(source, block);
  if (block.kind === 'code' && isEmptyCode(source, block)) return '';
  // A paragraph of `&nbsp;` or empty tags shows nothing, whatever the guidance.
  const text = proseOf(source, block);
  return isBlank(text) ? '' : text;
}

function proseOf(source: string, block: Block): string {
  const { text } = blockText(source, block);
  if (block.kind !== 'paragraph' || text.indexOf('<!--') === -1) return text;
  // Inline comments are guidance too, not content.
  let out = '';
  let at = 0;
  for (const [from, to] of findInlineComments(text)) {
    out += text.slice(at, from);
    at = to;
  }
  return out + text.slice(at);
}

/**
 * What a comment block shows besides its comments: CommonMark passes the
 * block's lines through as raw HTML, so text after `-->` on its last line
 * (`<!-- note --> The limiter…`) is on the page, and is content.
 */
export function besideComments(source: string, block: Block): string {
  const raw = source.slice(block.start, block.end);
  // Most comment blocks are one comment and nothing else.
  const close = raw.indexOf('-->');
  if (close !== -1 && raw.indexOf('<!--', 4) === -1 && /^\s*$/.test(raw.slice(close + 3))) return '';
  return raw.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(/\s+/g, ' ').trim();
}

// Tags that show nothing by themselves (text containers and line breaks; not
// images, media or form fields), and the entities of invisible spaces. An
// anchor `<a name="x"></a>` alone is a place to link to, not content.
const EMPTY_TAG = /<\/?(?:a|article|aside|b|blockquote|br|center|code|dd|details|div|dl|dt|em|font|footer|header|hr|i|li|main|nav|ol|p|pre|s|section|small|span|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul|wbr)\b[^<>]*>/gi;
const SPACE_ENTITY = /&(?:nbsp|#160|#x[aA]0|#8203|#x200[bB]|ZeroWidthSpace);/g;

/** Whether text shows nothing: whitespace, invisible-space entities and tags that hold no text. */
function isBlank(text: string): boolean {
  if (/^\s*$/.test(text)) return true;
  if (text.indexOf('&') === -1 && text.indexOf('<') === -1) return false;
  return /^\s*$/.test(text.replace(EMPTY_TAG, ' ').replace(SPACE_ENTITY, ' '));
}

/** Whether an HTML block other than a comment shows nothing (`<br>`, `<p></p>`, `<div>&nbsp;</div>`). */
function isBlankHtml(source: string, block: Block): boolean {
  if (block.htmlKind === undefined || block.htmlKind < 6) return false;
  return isBlank(source.slice(block.start, block.end).replace(/<!--[\s\S]*?(?:-->|$)/g, ' '));
}

/** Whether a table has no row below its header (and delimiter row) with text in a cell. */
function bodyIsEmpty(source: string, block: Block): boolean {
  const segments = block.segments;
  if (segments === undefined) return false;
  for (let i = 4; i + 1 < segments.length; i += 2) {
    const cells = splitRow(source.slice(segments[i]!, segments[i + 1]!));
    if (cells !== null && cells.some((cell) => cell.trim() !== '')) return false;
  }
  return true;
}
