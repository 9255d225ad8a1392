// A quick first look at a paragraph as written, before any of its text is
// built: whether its first sentence may be one of the template's guidance
// sentences (see guidance-sentences.ts, which decides). Most paragraphs of a
// written spec are told apart here, a word or two in.
import { COUNT_BUCKETS, NEAR_MIN_LENGTH, countsApart, firstAtLeast, isMark, isSentenceEnd, lengthIndexOf, trieOf, type WordTrie } from './guidance-sentences.js';

/** The counts of the sentence {@link mayBeGuidanceSentence} reads (one at a time). */
const RAW_COUNTS = new Int32Array(COUNT_BUCKETS);

/**
 * Whether the first sentence of a text as written (not yet made plain: see
 * {@link plainText}) may be one of the guidance's as
 * {@link isGuidanceSentence} compares them: false only when it certainly is
 * not. Most first sentences of a written section are not, and are told
 * apart here without the text being built, made plain, normalised or split:
 * read once, its words walk the trie of the template's sentences (a
 * sentence that is one of them, or starts a run of them, reaches a
 * sentence's end) and its character counts are compared with those of the
 * template's sentences of about its length (the quick test before a loose
 * comparison). A bracket that starts no link (a task box, `[x] Done`) is a
 * word break, as it stays in the plain text; a plain inline or reference
 * link counts as its text (its brackets and destination are read past). A
 * sentence with any other link or an image, a tag, an entity, an escape or
 * a character outside ASCII, which making it plain may change, may always be.
 * `segments` are the text's lines as flat `[start, end, …]` pairs (a
 * paragraph's, joined by line breaks); by default the whole text. With
 * `exact`, no sentence near one of the template's is looked for.
 */
export function mayBeGuidanceSentence(text: string, sentences: ReadonlySet<string>, segments?: readonly number[], exact = false): boolean {
  let node: WordTrie | undefined = trieOf(sentences);
  const { byLength, counts } = lengthIndexOf(sentences);
  // Past this length no sentence of the template's is near enough (within a
  // tenth of the length): once no sentence matches exactly either, the rest
  // of a long sentence need not be read. (Text ahead that making it plain
  // would shorten — a link's target, a tag — comes after what is counted.)
  const longest = byLength.length === 0 ? 0 : byLength[byLength.length - 1]!.length;
  // (`exact`: only a sentence that starts as one of the template's does, word for word: no near one looked for.)
  const past = exact ? 0 : Math.floor(longest / 0.9) + 2;
  RAW_COUNTS.fill(0);
  let letters = 0;
  let words = 0;
  const pairs = segments === undefined ? 2 : segments.length;
  for (let k = 0; k < pairs; k += 2) {
    const from = segments === undefined ? 0 : segments[k]!;
    const to = segments === undefined ? text.length : segments[k + 1]!;
    let start = -1;
    let ended = false;
    // The `]` of the link being read, and the last character of its destination or label.
    let linkEnd = -1;
    let linkTo = -1;
    // One step past the line closes its last word (lines are joined by a line break).
    for (let i = from; i <= to; i++) {
      let c = i < to ? text.charCodeAt(i) : 0x0a;
      let pastLink = false;
      if (c === 0x5b) {
        // (A word running into a link, a link in a link, an image: not read here.)
        if (start !== -1 || linkEnd !== -1 || (i > from && text.charCodeAt(i - 1) === 0x21)) return true;
        const link = linkAt(text, i, to);
        if (link === null) return true;
        if (link !== NO_LINK) {
          // The link's text reads on, its brackets and destination vanish (no word break).
          linkEnd = i + (link >>> 16);
          linkTo = i + (link & 0xffff);
          continue;
        }
      } else if (i === linkEnd) {
        linkEnd = -1;
        if (start === -1) {
          i = linkTo;
          continue;
        }
        // A word of the link's text that runs on past it is not together in the source: not read here.
        if (linkTo + 1 < to && runsOn(text.charCodeAt(linkTo + 1))) return true;
        // Else the word ends here, and the reading goes on past the link.
        pastLink = true;
      } else if (c >= 0x80 || c === 0x3c || c === 0x26 || c === 0x5c) {
        return true;
      }
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      // Emphasis and code marks are dropped, not word breaks (`snake_case` is one word once plain).
      if (isMark(c)) continue;
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
        if (start === -1) start = i;
        RAW_COUNTS[c & 31]!++;
        letters++;
        continue;
      }
      if (start !== -1) {
        words++;
        if (node !== undefined) {
          node = node.next.get(wordOf(text, start, i));
          // One of the template's sentences, or the first of a run of them.
          if (node?.end === true) return true;
        }
        if (node === undefined && letters + words > past) return false;
        start = -1;
      }
      if (pastLink) {
        i = linkTo;
        continue;
      }
      // The first sentence ends at a `.`, `!`, `?`, `:` or `;` before a space, marks aside.
      // (In a link's text, what follows its `]` decides: not worth reading here.)
      if (isSentenceEnd(c) && linkEnd !== -1) return true;
      // (Before a link, its text decides: `done.[ Next](x)` is two sentences once plain, `done.[Next](x)` one.)
      if (isSentenceEnd(c) && linkAfterMarks(text, i + 1, to)) return true;
      if (isSentenceEnd(c) && spaceAfterMarks(text, i + 1, to)) {
        ended = true;
        break;
      }
    }
    if (ended) break;
  }
  // Nothing to compare: the caller's own reading decides.
  if (words === 0) return true;
  // The start of a template sentence, cut short (split at a comma into two
  // list items or paragraphs): the caller reads on past it.
  if (node !== undefined) return true;
  if (exact) return false;
  const length = letters + words - 1;
  if (length < NEAR_MIN_LENGTH) return false;
  RAW_COUNTS[0x20 & 31]! += words - 1;
  const most = Math.floor(length / 10);
  for (let i = firstAtLeast(byLength, length - most); i < byLength.length && byLength[i]!.length <= length + most; i++) {
    if (!countsApart(RAW_COUNTS, counts[i]!, most)) return true;
  }
  return false;
}

/** {@link linkAt}: the `[` starts no link; its brackets stay in the plain text. */
const NO_LINK = -1;

/**
 * What the `[` at `at` starts, read within the line (up to `to`): no link
 * ({@link NO_LINK}: no `(` or `[` right after its `]`), a plain inline link
 * `[text](destination)` or reference link `[text][label]`, packed as the
 * offsets of its `]` (high 16 bits) and of its last character (low 16 bits),
 * or null when it may be something {@link plainText} reads otherwise (brackets
 * inside, a destination with spaces, angle brackets or parentheses, an
 * escape, a line break inside, a link over 65,535 characters long).
 */
function linkAt(text: string, at: number, to: number): number | null {
  let close = -1;
  for (let i = at + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5d) {
      close = i;
      break;
    }
    if (c === 0x5b || c === 0x5c) return null;
  }
  if (close === -1) return null;
  const after = close + 1 < to ? text.charCodeAt(close + 1) : -1;
  if (after !== 0x28 && after !== 0x5b) return NO_LINK;
  const closer = after === 0x28 ? 0x29 : 0x5d;
  for (let i = close + 2; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === closer) {
      // `[a][b](c)` is `[a]` and the inline link `[b](c)` once plain: inline links are read first.
      if (closer === 0x5d && i + 1 < to && text.charCodeAt(i + 1) === 0x28) return null;
      return i - at > 0xffff ? null : ((close - at) << 16) | (i - at);
    }
    // (Past ASCII, a space such as U+00A0 ends a destination for plainText's pattern, `\s`.)
    if (c === 0x5b || c === 0x5c || c === 0x28 || c === 0x3c || c <= 0x20 || c >= 0x80) return null;
  }
  return null;
}

/** Whether a `[` follows `at`, marks aside. */
function linkAfterMarks(text: string, at: number, to: number): boolean {
  let i = at;
  while (i < to && isMark(text.charCodeAt(i))) i++;
  return i < to && text.charCodeAt(i) === 0x5b;
}

/** Whether a character after a link would join the link's last word once the link is made plain: a letter, a digit, a mark, another link, past ASCII. */
function runsOn(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || isMark(c) || c === 0x5b || c >= 0x80;
}


/**
 * Whether white space (or the line's end, a line break once joined) follows
 * `at`, marks aside. (ASCII space only: a character past ASCII ends the reading anyway.)
 */
function spaceAfterMarks(text: string, at: number, to: number): boolean {
  let i = at;
  while (i < to && isMark(text.charCodeAt(i))) i++;
  if (i >= to) return true;
  const c = text.charCodeAt(i);
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** A word of raw ASCII text as normalised: lower case, marks dropped (most words have neither to change). */
function wordOf(raw: string, from: number, to: number): string {
  let plain = true;
  for (let i = from; i < to && plain; i++) {
    const c = raw.charCodeAt(i);
    plain = !(c >= 0x41 && c <= 0x5a) && !isMark(c);
  }
  const word = raw.slice(from, to);
  return plain ? word : word.toLowerCase().replace(/[*_`~]/g, '');
}
