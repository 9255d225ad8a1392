import { editDistanceAtMost } from './edit-distance.js';
import { withLinksAsText } from './markdown/inline-links.js';

/**
 * How a sentence of a spec is compared with a template's guidance sentences
 * (normalised by {@link normalizedSentence}): one of them as written, several
 * run together without their full stops, or one with a word or two changed.
 * Each loose comparison is paid for from a budget per section.
 */
export function isGuidanceSentence(sentence: string, sentences: ReadonlySet<string>, budget: { steps: number }): boolean {
  return sentences.has(sentence) || isRunTogether(sentence, sentences, budget) || nearlyGuidance(sentence, sentences, budget);
}

/** A sentence as guidance is compared: lower case, words only. */
export function normalizedSentence(text: string): string {
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
  return sentenceSpanAround(text, at)?.sentence ?? '';
}

/**
 * Whether the words around a marker at `at` (of text `marker`) are the
 * template's own: its sentence is one of the template's, and when that
 * sentence is nothing but the marker (`TBD` after `Review Manager:`, split at
 * the colon), the sentence before it in the block is one of the template's
 * too. A bare "TBD" is in many templates' words: alone it would spare every
 * `Owner: TBD` an author leaves anywhere. `'label'` where the marker heads the
 * template's next sentence instead (Carbon's `TODO: What problem …?`): the
 * template's words only where that guidance is reported as kept.
 */
export function isTemplatesOwnSentence(text: string, at: number, marker: string, guidance: ReadonlySet<string>): boolean | 'label' {
  const around = sentenceSpanAround(text, at);
  // (A task of the template's ticked, `- [x] No [NEEDS CLARIFICATION] markers remain`, is still its words: read `x no needs…`.)
  // (Not a bare marker ticked, `- [x] TBD`: that is no sentence of the template's but the marker alone.)
  const ticked = around !== null && around.sentence.startsWith('x ') && around.sentence.slice(2) !== normalizedSentence(plainText(marker)) && guidance.has(around.sentence.slice(2));
  if (around === null || !(guidance.has(around.sentence) || ticked)) return false;
  if (around.sentence !== normalizedSentence(plainText(marker))) return true;
  let before = around.start - 1;
  while (before > 0 && /\s/.test(text[before - 1]!)) before--;
  const previous = before <= 0 ? null : sentenceSpanAround(text, before - 1);
  if (previous !== null && previous.sentence !== '' && guidance.has(previous.sentence)) return true;
  // (Or the marker heads the template's next sentence, as a label: Carbon's `TODO: What problem are you trying to solve?`.)
  let after = around.end + 1;
  while (after < text.length && /[ \t]/.test(text[after]!)) after++;
  const next = after >= text.length || text[after] === '\n' ? null : sentenceSpanAround(text, after);
  return next !== null && next.sentence !== '' && guidance.has(next.sentence) ? 'label' : false;
}

/** The sentence around `at`, normalized, and where it starts; null past the longest sentence. */
function sentenceSpanAround(text: string, at: number): { sentence: string; start: number; end: number } | null {
  // No guidance sentence is thousands of characters long: past that, the
  // words are the author's. A stretch already read and found to hold no
  // sentence's end is not read again: a line of thousands of markers and no
  // full stop (whose sentences are each too long) is read once, not up to
  // LONGEST_SENTENCE characters around each marker.
  const known = lastRead !== undefined && lastRead.text === text ? lastRead : undefined;
  let start = at;
  for (;;) {
    // (No sentence ends in [known.from, start): the start is at known.from or before.)
    if (known !== undefined && start > known.from && start <= known.to) start = known.from;
    if (at - start > LONGEST_SENTENCE) return remember(text, start, at, null);
    if (start === 0 || endsSentence(text, start - 1)) break;
    start--;
  }
  let end = at;
  for (;;) {
    if (known !== undefined && end >= known.from && end < known.to) end = known.to;
    if (end - at > LONGEST_SENTENCE) return remember(text, start, end, null);
    if (end >= text.length || endsSentence(text, end)) break;
    end++;
  }
  return remember(text, start, end, { sentence: normalizedSentence(plainText(text.slice(start, end + 1))), start, end });
}

/** The stretch {@link sentenceSpanAround} read last: no sentence ends in `text` at any index in [from, to). */
let lastRead: { text: string; from: number; to: number } | undefined;

function remember<T>(text: string, from: number, to: number, result: T): T {
  lastRead = { text, from, to };
  return result;
}

const LONGEST_SENTENCE = 2000;

/**
 * Whether a sentence ends at `k`: a `.`, `!`, `?`, `:` or `;` followed by a
 * space or the end, emphasis and code marks aside (`**Model type:** {{ x }}`
 * ends one after `:**`), as the guidance's sentences were cut once those
 * marks were dropped.
 */
function endsSentence(text: string, k: number): boolean {
  // (Character codes, not patterns: a line of thousands of markers and no full
  // stop is read up to LONGEST_SENTENCE characters around each of them.)
  if (!isSentenceEnd(text.charCodeAt(k))) return false;
  let next = k + 1;
  while (next < text.length && isMark(text.charCodeAt(next))) next++;
  return next >= text.length || /\s/.test(text[next]!);
}

/** Whether a character ends a sentence when a space follows: `.`, `!`, `?`, `:` or `;`. */
export const isSentenceEnd = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b;

/** Whether a character is an emphasis or code mark (`*`, `_`, `` ` ``, `~`). */
export const isMark = (c: number): boolean => c === 0x2a || c === 0x5f || c === 0x60 || c === 0x7e;

/**
 * Text as its sentences are compared: a link counts as its text (where it
 * points is not what the sentence says), emphasis and code marks dropped.
 */
export function plainText(text: string): string {
  return withLinksAsText(text).replace(/[*_`~]/g, '');
}

/** The template's sentences as a trie of words, for {@link runOfGuidance}. */
export interface WordTrie {
  readonly next: Map<string, WordTrie>;
  /** A whole sentence ends here. */
  end: boolean;
}

const triesOf = new WeakMap<ReadonlySet<string>, WordTrie>();

export function trieOf(sentences: ReadonlySet<string>): WordTrie {
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

/** Steps of the loose comparisons for one section: past them, its sentence is taken as written (content). */
export const GUIDANCE_STEPS = 200_000;

/** Sentences shorter than this are compared exactly: a word changed in a short one may change what it says. */
export const NEAR_MIN_LENGTH = 40;

/**
 * Whether a sentence is one of the guidance's with a word or two changed
 * (a typo fixed, "Brief explanation" for "Give a brief explanation", as a
 * template's later wording does): at most one edit in ten characters, for
 * sentences of some length. Counted against the section's step budget.
 */
function nearlyGuidance(sentence: string, sentences: ReadonlySet<string>, budget: { steps: number }): boolean {
  if (sentence.length < NEAR_MIN_LENGTH) return false;
  const most = Math.floor(sentence.length / 10);
  // Only sentences of about the same length can be near: found by length in the template's sorted list.
  const { byLength, counts } = lengthIndexOf(sentences);
  let counted = false;
  for (let i = firstAtLeast(byLength, sentence.length - most); i < byLength.length && byLength[i]!.length <= sentence.length + most; i++) {
    const g = byLength[i]!;
    // Most sentences of the same length use other letters: told apart by
    // their counts, before the costlier comparison. (One told apart costs
    // the budget its count comparison only; one compared, what it always
    // did: so no section gets fewer comparisons than before the counts.)
    if (!counted) {
      characterCounts(sentence, OWN_COUNTS);
      counted = true;
    }
    if (countsApart(OWN_COUNTS, counts[i]!, most)) {
      budget.steps -= COUNT_BUCKETS;
      if (budget.steps < 0) return false;
      continue;
    }
    budget.steps -= g.length * (2 * most + 1);
    if (budget.steps < 0) return false;
    if (editDistanceAtMost(sentence, g, most) <= most && !meaningChanged(sentence, g)) return true;
  }
  return false;
}

/** The template's sentences long enough to be compared loosely, shortest first, with their character counts. */
interface LengthIndex {
  readonly byLength: readonly string[];
  readonly counts: readonly Int32Array[];
}

const lengthIndexes = new WeakMap<ReadonlySet<string>, LengthIndex>();

/** The {@link LengthIndex} of a template's sentences (made once per template). */
export function lengthIndexOf(sentences: ReadonlySet<string>): LengthIndex {
  let index = lengthIndexes.get(sentences);
  if (index === undefined) {
    const byLength = [...sentences].filter((g) => g.length >= NEAR_MIN_LENGTH).sort((a, b) => a.length - b.length);
    index = { byLength, counts: byLength.map((g) => characterCounts(g, new Int32Array(COUNT_BUCKETS))) };
    lengthIndexes.set(sentences, index);
  }
  return index;
}

export const COUNT_BUCKETS = 32;
/** The counts of the sentence being compared (one at a time). */
const OWN_COUNTS = new Int32Array(COUNT_BUCKETS);

/** How many characters of a text fall in each of 32 buckets (by the low bits of their codes: a-z apart, a few others shared), in `counts`. */
function characterCounts(text: string, counts: Int32Array): Int32Array {
  counts.fill(0);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) & 31]!++;
  return counts;
}

/**
 * Whether two texts' counts show they are more than `most` edits apart: an
 * edit changes the counts by two at most (a character replaced: one bucket
 * down, one up), so counts that differ by more than twice `most` cannot be
 * `most` edits apart, whatever the order of the characters.
 */
export function countsApart(a: Int32Array, b: Int32Array, most: number): boolean {
  const limit = 2 * most;
  let difference = 0;
  // (Most pairs are told apart within a few buckets: no need to add up the rest.)
  for (let k = 0; k < COUNT_BUCKETS; k++) if ((difference += Math.abs(a[k]! - b[k]!)) > limit) return true;
  return false;
}

/** The index of the first sentence at least `length` long. */
export function firstAtLeast(list: readonly string[], length: number): number {
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

/**
 * Whether the words two near sentences do not share hold a figure or a word
 * that negates, or one is a task whose box is ticked (`[x] I/we understand…`,
 * read `x i we understand…`) and the other not: the author's answer, not a slip.
 */
export function meaningChanged(a: string, b: string): boolean {
  if (a.startsWith('x ') !== b.startsWith('x ')) return true;
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
 */
function isRunTogether(sentence: string, sentences: ReadonlySet<string>, budget: { steps: number }): boolean {
  const words = sentence.split(' ');
  return words.length >= 2 && runOfGuidance(words, sentences, budget, false);
}

/**
 * Whether a sentence that is none of the template's is the start of one, cut
 * short, after none or more whole ones: the guidance's sentence split in two
 * at a comma, into two list items or two paragraphs (`List the outcomes this
 * project must achieve.` then `Each one measurable where possible.`). Such a
 * section is then read as one sentence (see `section-prose.ts`).
 */
export function startsGuidanceSentence(sentence: string, sentences: ReadonlySet<string>, budget: { steps: number }): boolean {
  return sentence !== '' && runOfGuidance(sentence.split(' '), sentences, budget, true);
}

/**
 * Whether words are whole template sentences one after another (and, when
 * `open`, then the first words of one more). From each place a run of
 * template sentences reaches, the words are walked down a trie of the
 * template's sentences, so that a walk stops where no template sentence goes
 * on; a budget bounds crafted input.
 */
function runOfGuidance(words: readonly string[], sentences: ReadonlySet<string>, budget: { steps: number }, open: boolean): boolean {
  const root = trieOf(sentences);
  if (!root.next.has(words[0]!)) return false;
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
      // The last word reached inside a template sentence: its start, cut short.
      else if (open && to === words.length - 1) return true;
    }
  }
  return reached[words.length] === 1;
}
