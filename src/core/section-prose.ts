import { blockText } from './block-text.js';
import { GUIDANCE_STEPS, isGuidanceSentence, normalizedSentence, plainText, startsGuidanceSentence } from './guidance-sentences.js';
import { mayBeGuidanceSentence } from './first-sentence-filter.js';
import { findInlineLinks } from './markdown/inline-links.js';
import { findInlineComments, withoutClosedComments } from './markdown/inline-comments.js';
import type { Block, ParsedSpec, Span } from './spec-types.js';
import { countAtMost } from './sorted-search.js';
import { isStandIn, stubWord } from './stand-in-text.js';
import { bodyIsEmpty, codeOf, codeSample, isEmptyCode } from './block-samples.js';
import { isMarkOrSpace, trimEndWhile } from './trim-end.js';

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
 * Whether a span says nothing, or only the template's guidance: its prose,
 * or the text of its comments kept as visible text (`sentences`, the
 * template's guidance sentences). The common case (guidance given as
 * comments only) builds no text where it can: a span whose blocks show no
 * text says nothing, and one whose first sentence, read from the source,
 * certainly is no guidance sentence is written.
 */
export function saysNothing(spec: ParsedSpec, span: Span, guidance: string, sentences?: ReadonlySet<string>, samples?: ReadonlySet<string>, templateText?: string): boolean {
  const known = sentences !== undefined && sentences.size > 0;
  if (guidance === '') {
    if (showsNothing(spec, span)) return true;
    // A comment's text kept as visible text (its `<!--` and `-->` deleted, or
    // quoted) is still only the template's guidance, as its prose would be.
    // Most sections here are written: their first sentence tells, read where it stands.
    return known && firstSentenceMayBeGuidance(spec, span, sentences) && onlyGuidanceSentences(spec, span, guidance, sentences, samples, templateText);
  }
  const prose = proseIfAtMost(spec, span, guidance);
  if (prose === '') return true;
  // (The prose may stop at its first block that departs from the guidance: a stand-in there may have text after it.)
  // (Else the guidance decides, as for any text: labels of the template's kept with nothing after them are its guidance.)
  if (isStandIn(prose, spec.definitions) && isStandIn(sectionProse(spec, span), spec.definitions)) return true;
  // The guidance as it stands, unless some of it is set as code of the author's (indented, it reads the same).
  if (prose === guidance) return !blocksIn(spec, span).some((b) => b.kind === 'code' && samples?.has(codeSample(spec.source, b)) !== true);
  // Guidance trimmed, reordered, repeated or lightly re-marked up is still
  // only guidance: every sentence of the span is one of the template's. (Most
  // sections written under prose guidance differ at their first sentence,
  // told from the source before any block's text is built.)
  return known && firstSentenceMayBeGuidance(spec, span, sentences) && onlyGuidanceSentences(spec, span, guidance, sentences, samples, templateText);
}

// A to-do word with the name of whoever owes it, made plain (`TODO(ajwerner)`, `TBD @alice`).
const TODO_BY = /^(?:todo|tbd|fixme)\s+@?[\w.-]{1,40}$/;

/**
 * Whether every sentence of a span is one of the template's guidance
 * sentences, at least one of them of three words or more, and the span
 * holds no code block or image that is not the template's own.
 */
function onlyGuidanceSentences(spec: ParsedSpec, span: Span, guidance: string, sentences: ReadonlySet<string>, samples?: ReadonlySet<string>, templateText?: string): boolean {
  // Written text usually differs at its first sentence: stop there. A
  // sentence of a word or two (`No.`, from a `**No:** …` lead-in of the
  // guidance) is no sign of guidance kept by itself: a longer one must be there.
  let any = false;
  // One budget for the section's loose comparisons (crafted text may hold many sentences).
  const budget = { steps: GUIDANCE_STEPS };
  let cutShort = false;
  let checklist: boolean | undefined;
  const all = everySentence(spec, span, guidance, (sentence) => {
    // A to-do word beside the guidance (`TBD` under Motivation's kept questions) writes nothing either (blind QA).
    // (`TODO(ajwerner)` is `todo ajwerner` made plain.)
    if ((stubWord(sentence) !== null || TODO_BY.test(sentence)) && !sentences.has(sentence)) return true;
    if (!isGuidanceSentence(sentence, sentences, budget)) {
      cutShort = startsGuidanceSentence(sentence, sentences, budget);
      // In a checklist left unticked, an item of an older template, the start of one of its items now (a KEP's
      // `- [ ] (R) All GA endpoints must be hit by conformance tests`, which the template goes on "within one minor
      // version…"), is still the template's: six words or more of it.
      if (cutShort && sentence.split(' ').length >= 6 && (checklist ??= UNTICKED.test(spec.source.slice(span.start, span.end)))) return true;
      return false;
    }
    if (!any && hasThreeWords(sentence)) any = true;
    return true;
  }, (raw) => mayBeGuidanceSentence(raw, sentences) || stubWord(raw.trim()) !== null);
  if (!all) {
    // A guidance sentence split in two, at its comma, into two list items or
    // two paragraphs, is still the guidance: the section is read as one sentence.
    if (!cutShort) return false;
    const whole = normalizedSentence(plainText(sectionProse(spec, span)));
    if (!isGuidanceSentence(whole, sentences, budget)) return false;
    any = hasThreeWords(whole);
  }
  // Guidance words of a sentence left unfinished (Nygard's `"We will …"` kept as
  // `We will ...`) are a stub: the ellipsis says the author meant to go on.
  if (!any && ENDS_UNFINISHED.test(sectionProse(spec, span))) any = true;
  // A table of the template's kept is its guidance whatever its rows' length (each row a sentence: `| Owner | |`).
  if (!any && blocksIn(spec, span).some((b) => b.kind === 'table')) any = true;
  // The template's labels with their values deleted (`- Affected specs:`
  // where it had `- Affected specs: [list capabilities]`) say nothing either,
  // though each is a word or two.
  if (!any && !onlyEmptyLabels(spec.source.slice(span.start, span.end)) && !holdsSample(spec, span, samples)) return false;
  // A code block is content, whatever words it holds, unless it is the
  // template's own sample (its code, whatever its fence); so is an image
  // (its alt text may be empty), unless the template shows it. (Looked at
  // after the sentences, which most written sections fail at once.)
  for (const b of blocksIn(spec, span)) {
    // (Not one of nothing but the guidance's comments, fenced: an agent's ```markdown around the placeholder it left.)
    if (b.kind === 'code' && !isEmptyCode(spec.source, b) && samples?.has(codeSample(spec.source, b)) !== true && !onlyComments(codeOf(spec.source, b))) return false;
    if (b.kind === 'paragraph' && spec.source.slice(b.start, b.end).includes('![') && hasImageNotIn(proseOf(spec.source, b), guidance)) return false;
    // So is a link to somewhere the template never names: TC39's `- [V8](link)` with the tracking issue's address written in.
    if (b.kind === 'paragraph' && templateText !== undefined && hasLinkNotIn(spec.source.slice(b.start, b.end), templateText)) return false;
  }
  return true;
}

/**
 * Whether the first sentence a span shows may be one of the guidance's:
 * false only when its first paragraph, after comment blocks that show
 * nothing, starts with a sentence that certainly is not (see
 * {@link mayBeGuidanceSentence}), read from the source without its text being built.
 */
function firstSentenceMayBeGuidance(spec: ParsedSpec, span: Span, sentences: ReadonlySet<string>): boolean {
  const blocks = spec.blocks;
  for (let i = firstBlockIn(spec, span); i < blocks.length && blocks[i]!.start < span.end; i++) {
    const block = blocks[i]!;
    if (block.kind === 'html' && block.htmlKind === 2 && besideComments(spec.source, block) === '') continue;
    // (Nor a to-do word of a paragraph, `TODO(ajwerner)` above the guidance kept: it writes nothing either; blind QA, CockroachDB.)
    if (block.kind === 'paragraph' && block.end - block.start < 80 && stubWord(spec.source.slice(block.start, block.end).trim()) !== null) continue;
    return block.kind !== 'paragraph' || block.segments === undefined || mayBeGuidanceSentence(spec.source, sentences, block.segments)
      || markerShownIn(spec, block);
  }
  return true;
}

const markerPlaces = new WeakMap<ParsedSpec, number[]>();

/** Whether a block holds the placeholder marker as text (`AGENT_PLACEHOLDER: …` with the comment's delimiters deleted): its instruction follows. */
function markerShownIn(spec: ParsedSpec, block: Block): boolean {
  let places = markerPlaces.get(spec);
  if (places === undefined) {
    places = [];
    for (let at = spec.source.indexOf('AGENT_PLACEHOLDER'); at !== -1; at = spec.source.indexOf('AGENT_PLACEHOLDER', at + 1)) places.push(at);
    markerPlaces.set(spec, places);
  }
  const k = countAtMost(places, (at) => at, block.start - 1);
  return k < places.length && places[k]! < block.end;
}

/**
 * Whether a span holds one of the template's own sample code blocks (its
 * words, `frobnicate({});`, may be a word or two): kept with nothing but the
 * guidance around it, the section says nothing of its own.
 */
function holdsSample(spec: ParsedSpec, span: Span, samples: ReadonlySet<string> | undefined): boolean {
  return samples !== undefined && samples.size > 0
    && blocksIn(spec, span).some((b) => b.kind === 'code' && !isEmptyCode(spec.source, b) && samples.has(codeSample(spec.source, b)));
}

/**
 * Whether every line of text (comments, blank lines, list and quote markers
 * aside) ends at a colon, emphasis marks aside: labels with nothing after them.
 */
function onlyEmptyLabels(text: string): boolean {
  let labels = 0;
  for (const line of withoutClosedComments(text).split(/\r\n|\r|\n/)) {
    const bare = trimEndWhile(line.replace(/^(?:\s*(?:>|[-*+]|\d{1,9}[.)])(?=\s|$))*/, ''), isMarkOrSpace);
    if (bare.trim() === '') continue;
    if (!bare.endsWith(':')) return false;
    labels++;
  }
  return labels > 0;
}

// An ellipsis at the end of a section's text, quotes or emphasis after it aside.
const ENDS_UNFINISHED = /(?:\u2026|\.\.\.)["'\u201d\u2019*_)\]]*$/;

/** Whether code holds nothing but HTML comments. */
function onlyComments(code: string): boolean {
  return code.indexOf('<!--') !== -1 && code.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() === '';
}

/** A task list item left unticked (`- [ ] …`, in a quote or numbered too): a checklist to tick. */
export const UNTICKED = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[ \]/m;

/** Whether a normalised sentence (words between single spaces) has three words or more. */
function hasThreeWords(sentence: string): boolean {
  const first = sentence.indexOf(' ');
  return first !== -1 && sentence.indexOf(' ', first + 1) !== -1;
}

/**
 * Whether a span shows no text: nothing but comments, whitespace, rules,
 * empty tables and code blocks, and HTML or entities that show nothing.
 * Decided block by block without building their text where it can be.
 */
function showsNothing(spec: ParsedSpec, span: Span): boolean {
  const source = spec.source;
  // (By index, not through blocksIn's list: asked for every section of every spec.)
  const blocks = spec.blocks;
  for (let i = firstBlockIn(spec, span); i < blocks.length && blocks[i]!.start < span.end; i++) {
    const block = blocks[i]!;
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
    // `<insert overview here>` alone is an HTML block (an unknown tag, shown as nothing): a slot, not an answer.
    if (block.kind === 'html' && block.htmlKind === 7 && isStandIn(source.slice(block.start, block.end).trim())) continue;
    if (block.kind !== 'paragraph') return false;
    // Most paragraphs show text on their first line: content, found without
    // building their text. (Not one with a comment: a lone `\` before it is
    // a line break, which shows nothing. Searched within the block only.)
    const segments = block.segments;
    if (segments !== undefined && segments.length >= 2 && !source.slice(block.start, block.end).includes('<!--')) {
      // (Two plain tests: one pattern for "some non-space, no & or <" backtracks on long lines.)
      const first = source.slice(segments[0], segments[1]);
      if (/\S/.test(first) && !/[&<]/.test(first) && !isStandIn(first, spec.definitions)) return false;
    }
    // Else the whole text decides: inline comments say nothing, and neither
    // do lines of no-break spaces or form feeds, which CommonMark makes
    // paragraphs, nor a stand-in for text (`…`, `...`, `?`, `—`).
    const text = proseOf(source, block);
    if (!isBlank(text) && !isStandIn(text, spec.definitions)) return false;
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
    // The prose so far is a prefix of the limit: only the new piece is compared.
    const fits = prose === '' ? limit.startsWith(piece) : limit.charCodeAt(prose.length) === 0x20 && limit.startsWith(piece, prose.length + 1);
    prose = prose === '' ? piece : `${prose} ${piece}`;
    if (!fits) return prose;
  }
  return prose;
}

/**
 * Whether a code block is the template's own sample: the guidance shows this
 * very block (fences and all, or indented alike), or a fenced block holding
 * its code (its fence or info string changed). Code that only quotes the
 * guidance's words is content.
 */

// An image: `![alt](destination` or `![alt][label]` (its alt text may be
// empty; no `[` in it, so that a run of `![` is not searched to its end from each).
const IMAGE = /!\[[^\][]*\](?:\(\s*<?([^\s)>]+)|\[([^\][]*)\])/g;

/** The images a text shows, each by its destination or `[label]`. */
function imagesOf(text: string): string[] {
  if (text.indexOf('![') === -1) return [];
  return [...text.matchAll(IMAGE)].map((m) => m[1] ?? `[${m[2]!.toLowerCase()}]`);
}

/**
 * Whether a text holds an inline link (or image) whose destination the
 * template's text never writes (inline, as a reference's definition, or in a comment).
 */
function hasLinkNotIn(text: string, templateText: string): boolean {
  return text.indexOf('](') !== -1 && findInlineLinks(text).some((l) => templateText.indexOf(l.destination) === -1);
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
  const out: string[] = [];
  everySentence(spec, span, undefined, (sentence) => out.push(sentence) > 0);
  return out;
}

/**
 * Whether `test` holds for every normalised sentence of a span, asked in
 * order until it fails (a callback, not a generator: asked for every section
 * of every spec, most of which fail at their first sentence). `mayPass`, when
 * given, is asked first about a piece of text as written that holds one
 * sentence or more: false says `test` fails on its first, which then need
 * not be made plain.
 */
function everySentence(spec: ParsedSpec, span: Span, guidance: string | undefined, test: (sentence: string) => boolean,
  mayPass?: (raw: string) => boolean): boolean {
  const blocks = spec.blocks;
  // (By index, not through blocksIn's list: most sections are read to their first sentence only.)
  for (let i = firstBlockIn(spec, span); i < blocks.length && blocks[i]!.start < span.end; i++) {
    const block = blocks[i]!;
    // A code block says its code, whatever its fence and info string.
    const shown = block.kind === 'code' ? codeOf(spec.source, block) : shownText(spec.source, block, guidance);
    if (shown === null) continue;
    // Sentence by sentence, as the caller asks: written text usually departs
    // from the guidance at its first sentence, and the rest is never read,
    // nor made plain: a block is made plain a piece at a time, each piece
    // ending after a sentence's end with no `[` or `<` in it, so that no
    // link or tag runs across a cut and the pieces split as the whole would.
    let at = 0;
    while (at < shown.length) {
      let cut = rawSentenceEnd(shown, at);
      let piece = shown.slice(at, cut);
      if (cut < shown.length && (piece.indexOf('[') !== -1 || piece.indexOf('<') !== -1)) {
        cut = shown.length;
        piece = shown.slice(at);
      }
      // (A placeholder's marker shown as text is no word of the guidance's: its instruction after it is.)
      if ((mayPass !== undefined && !mayPass(piece) && piece.indexOf('AGENT_PLACEHOLDER') === -1) || !everyPlainSentence(piece, test)) return false;
      at = cut;
    }
  }
  return true;
}

// A sentence's end in text not yet made plain: emphasis or code marks may
// stand between its `.` and the space (`**Why?** What…`).
const RAW_SENTENCE_END = /[.!?:;][*_`~]*\s+/g;

/** Where the text after the first sentence end from `from` starts (past its spaces), or the text's length. */
function rawSentenceEnd(text: string, from: number): number {
  RAW_SENTENCE_END.lastIndex = from;
  return RAW_SENTENCE_END.exec(text) === null ? text.length : RAW_SENTENCE_END.lastIndex;
}

/** Whether `test` holds for every normalised sentence of a piece of a block's shown text. */
function everyPlainSentence(shown: string, test: (sentence: string) => boolean): boolean {
  // Emphasis marks go before the text is split, so that `**Why?** What…`
  // splits after `?` as the plain text does; so do the tags of text
  // elements (guidance folded into `<details>` or a `<div>` is still the
  // guidance), while other elements (an image, a video) stay, and are the author's.
  // A fold's label (`<summary>Prototypes</summary>`) says what is folded, not what the section says.
  // A placeholder shown as text (its `<` escaped, `\<!--` or `&lt;!--`, or its marker kept
  // with the comment's delimiters deleted) shows its instruction: the template's guidance.
  // (Read in pieces, a sentence at a time: a piece may hold the opening marks or the closing ones.)
  const unmarked = shown.indexOf('--') !== -1 || shown.indexOf('AGENT_PLACEHOLDER') !== -1 ? shown.replace(SHOWN_COMMENT_MARKS, ' ') : shown;
  const text = plainText(unmarked.indexOf('<') === -1 ? unmarked : unmarked.replace(SUMMARY, ' ').replace(EMPTY_TAG, ' '));
  const end = /[.!?:;]\s+/g;
  let from = 0;
  while (from < text.length) {
    const m = end.exec(text);
    const to = m === null ? text.length : m.index + 1;
    const sentence = normalizedSentence(text.slice(from, to));
    if (sentence !== '' && !test(sentence)) return false;
    from = m === null ? text.length : end.lastIndex;
  }
  return true;
}

/** Whether a span holds an HTML comment block (guidance in a template). */
export function hasCommentBlock(spec: ParsedSpec, span: Span): boolean {
  return blocksIn(spec, span).some((b) => b.kind === 'html' && b.htmlKind === 2);
}

/** The blocks that start inside a span, found by binary search (blocks are in document order). */
export function blocksIn(spec: ParsedSpec, span: Span): Block[] {
  const blocks = spec.blocks;
  const out: Block[] = [];
  for (let i = firstBlockIn(spec, span); i < blocks.length && blocks[i]!.start < span.end; i++) out.push(blocks[i]!);
  return out;
}

/** The index of the first block that starts at or after a span's start. */
function firstBlockIn(spec: ParsedSpec, span: Span): number {
  const blocks = spec.blocks;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  if (block.kind === 'table' && guidance !== undefined && guidance !== '' && bodyIsEmpty(source, block, guidance)
    && guidance.includes(source.slice(block.segments![0], block.segments![1]).replace(/\s+/g, ' ').trim())) return '';
  if (block.kind === 'html' && block.htmlKind === 2) return besideComments(source, block);
  if (block.kind === 'code' && isEmptyCode(source, block)) return '';
  // A paragraph of `&nbsp;` or empty tags shows nothing, whatever the guidance.
  const text = proseOf(source, block);
  return isBlank(text) ? '' : text;
}

function proseOf(source: string, block: Block): string {
  const { text } = blockText(source, block);
  // A table's rows are each a sentence of their own: a cell filled in a row of the template's (`| Owner | Sam Lee |`)
  // is the author's answer, not the template's row a few characters apart.
  // (Its comments are guidance, as a paragraph's: `| Owner | <!-- your name --> |` kept empty is the template's row.)
  if (block.kind === 'table') return `${withoutInlineComments(text).replace(/\n/g, ' ;\n')} ;`;
  if (block.kind !== 'paragraph' || text.indexOf('<!--') === -1) return text;
  return withoutInlineComments(text);
}

/** A text without its inline comments. */
function withoutInlineComments(text: string): string {
  if (text.indexOf('<!--') === -1) return text;
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
  return raw.replace(/<!--(?:-?>|[\s\S]*?(?:-->|$))/g, ' ').replace(/\s+/g, ' ').trim();
}

// The marks of an HTML comment or a placeholder, shown as text.
// (A closer's spaces are matched from the first of them: tried from each space of a long run, the pattern took quadratic time.)
const SHOWN_COMMENT_MARKS = /(?:\\?<|&lt;)!--\s*|\bAGENT_PLACEHOLDER:\s*|(?<!\s)\s*--(?:>|&gt;)|--(?:>|&gt;)/g;

// Tags that show nothing by themselves (text containers and line breaks; not
// images, media or form fields), and the entities of invisible spaces. An
// anchor `<a name="x"></a>` alone is a place to link to, not content.
const SUMMARY = /<summary\b[^<>]*>[^<]*<\/summary\s*>/gi;
const EMPTY_TAG = /<\/?(?:a|article|aside|b|blockquote|br|center|code|dd|details|div|dl|dt|em|font|footer|header|hr|i|li|main|nav|ol|p|pre|s|section|small|span|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul|wbr)\b[^<>]*>/gi;
const SPACE_ENTITY = /&(?:nbsp|#160|#x[aA]0|#8203|#x200[bB]|ZeroWidthSpace);/g;

/** Whether text shows nothing: whitespace, invisible-space entities and tags that hold no text. */
function isBlank(text: string): boolean {
  if (/^[\s\u200b-\u200d\u2060\ufeff]*$/.test(text)) return true;
  if (text.indexOf('&') === -1 && text.indexOf('<') === -1) return false;
  // A fold's label alone (`<details><summary>More</summary></details>`) folds nothing.
  return /^[\s\u200b-\u200d\u2060\ufeff]*$/.test(text.replace(SUMMARY, ' ').replace(EMPTY_TAG, ' ').replace(SPACE_ENTITY, ' '));
}

/** Whether an HTML block other than a comment shows nothing (`<br>`, `<p></p>`, `<div>&nbsp;</div>`). */
function isBlankHtml(source: string, block: Block): boolean {
  if (block.htmlKind === undefined || block.htmlKind < 6) return false;
  return isBlank(source.slice(block.start, block.end).replace(/<!--(?:-?>|[\s\S]*?(?:-->|$))/g, ' '));
}

