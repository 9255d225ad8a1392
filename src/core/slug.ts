import { slug as githubSlug } from 'github-slugger';
import { isSpaceOrTabCode } from './markdown/block-patterns.js';
import { trimEndWhile } from './trim-end.js';
import { headOf } from './clip-text.js';

/**
 * GitHub's anchor slug of a heading text (github-slugger). Printable ASCII,
 * most headings, takes a fast path with the same result: github-slugger keeps
 * letters, digits, `_`, `-` and spaces (made `-`) and drops other ASCII.
 */
export function slugify(text: string): string {
  return asciiSlug(text) ?? githubSlug(text);
}

/** The slug of printable ASCII text in one pass, or null for any other text. */
function asciiSlug(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return null;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d) out += String.fromCharCode(c);
    else if (c === 0x20) out += '-';
  }
  return out;
}

/**
 * A heading's anchor with runs of whitespace taken as one space: `Data  Model`
 * and `Data<TAB>Model` look like `Data Model` on the page (HTML collapses
 * whitespace), though GitHub's anchors differ (`data--model`, `datamodel`).
 * How a heading is recognised as a template's, or as a repeat of a sibling.
 * A heading with inline HTML keeps its anchor (`slug`, made from its visible text).
 */
export function looseSlug(heading: { readonly text: string; readonly slug: string }): string {
  const text = heading.text;
  if (text.indexOf('<') !== -1 || !/\s\s|[^\S ]/.test(text)) return heading.slug;
  return slugify(text.replace(/\s+/g, ' ').trim());
}

// A GitHub emoji shortcode (`:rocket:`), which the page shows as the emoji.
const SHORTCODE = ':[a-z0-9_+-]+:';
// A section number ("1.", "2.1", "3)", "4:", "5 -", "6 –"; a Roman one or a letter, "IV.", "A)"; "[1]") or an emoji and the like before a heading's words.
// (An emoji may follow the number too, `3. 🏗️ Architecture`, and a keycap is a digit with its marks, `1️⃣`.)
// (Also `a)`, `2.a`, `A.1`, `2-1` (not `24-7`); CJK `一、`, `1、`, `（一）`, `第一章`, full-width `１．`; a label, `Step 1:`, `Appendix A:`.)
// (Roman numbers up to 39, section numbers of two digits after a letter or a label: not `LLC.`, `X.509`, `Section 508`.)
const ROMAN = 'X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3}';
// The forms written with more than digits and marks: brackets, Roman numbers, letters, labels.
const WORDY_NUMBER = `\\[\\d+(?:\\.\\d+)*\\]|(?:${ROMAN}|[A-Z])(?:\\.\\d{1,2})*[.)]|[A-Z]\\.\\d{1,2}(?:\\.\\d{1,2})*|[a-z][.)]|\\d+(?:\\.\\d+)*\\.[a-z][.):]?`
  + '|(?:Step|Chapter|Section|Part|Appendix|Phase)[ \\t]+(?:\\d{1,2}|[A-Z])[.:)]?';
const NUMBER = `(?:\\d+(?:\\.\\d+)*[.):]?|\\d-\\d{1,2}|${WORDY_NUMBER})`;
// CJK numbering, with no space after it: `一、`, `1、`, `（一）`, `第一章`, full-width `１．`.
const CJK_NUMBER = '(?:[\\uFF10-\\uFF19]+[\\uFF0E.]|第[一二三四五六七八九十百\\d]+[章节節部]|[（(][一二三四五六七八九十]+[）)]|(?:[一二三四五六七八九十]+|\\d+)、)';
// (A no-break space after the number, as word processors write it, is a space: `1.\u00a0Context`.)
const BEFORE_WORDS = new RegExp(`^(?:${SHORTCODE}|[^\\p{L}\\p{N}[]|\\d\\uFE0F?\\u20E3)*(?:${NUMBER}(?:[ \\t\\u00a0]*[-\\u2013\\u2014:])?[ \\t\\u00a0]+|${CJK_NUMBER}[ \\t\\u00a0]*)?`
  + `(?:${SHORTCODE}|[\\p{Extended_Pictographic}\\uFE0F\\u200D\\u20E3 \\t\\u00a0]|\\d\\uFE0F?\\u20E3)*`, 'u');
// The forms BEFORE_WORDS has checked itself (the rest of what it took must be digits, marks and emoji).
const NUMBER_OF_WORDS = new RegExp(`^(?:${WORDY_NUMBER}|${CJK_NUMBER})`);

/**
 * The section number or emoji before a heading's words (`2. `, `🚀 `), or ''
 * when there is none or it holds anything else (emphasis, a link).
 */
export function numberBeforeWords(text: string): string {
  const before = BEFORE_WORDS.exec(text)?.[0] ?? '';
  // (A number of letters or in brackets is checked by BEFORE_WORDS itself: the rest is marks and emoji.)
  // (Shortcodes taken out first: one pattern with them and the characters they are made of backtracks exponentially.)
  const rest = before.replace(NUMBER_OF_WORDS, '').replace(SHORTCODES, ' ');
  if (rest !== before && rest.trim() === '') return before;
  return MARKS_AND_EMOJI.test(rest) ? before : '';
}

const SHORTCODES = new RegExp(SHORTCODE, 'g');
const MARKS_AND_EMOJI = /^[\d.):\-\u2013\u2014\s\p{Extended_Pictographic}\u200D\uFE0F\u20E3]+$/u;

/** A heading's anchor without a number or an emoji before its words, or an emoji after them; null when it has none. */
export function bareSlug(text: string): string | null {
  // (An id given in attributes, Pandoc's and MkDocs' `{#overview}`, is no part of the name either.)
  let words = withoutAttributes(text).replace(BEFORE_WORDS, '');
  words = words.slice(0, emojiAfterWords(words));
  return words === text || words.trim() === '' ? null : slugify(words.replace(/\s+/g, ' ').trim());
}

/**
 * A heading's text without the attributes after its words, as Pandoc, MkDocs
 * and Docusaurus read them (`{#id}`, `{#id .class}`), and the spaces around
 * them. Found from the end, not by a pattern anchored at `$`, which would
 * retry from every space of a long run (100,000 spaces in a heading took
 * seconds).
 */
function withoutAttributes(text: string): string {
  const end = trimEndWhile(text, isSpaceOrTabCode).length;
  if (end === 0 || text.charCodeAt(end - 1) !== 0x7d) return text;
  const open = text.lastIndexOf('{', end - 2);
  if (open === -1 || !ATTRIBUTE_LIST.test(text.slice(open + 1, end - 1))) return text;
  return trimEndWhile(text.slice(0, open), isSpaceOrTabCode);
}

/** What is inside an attribute list's braces: an id or a class first, at most 200 characters after it. */
const ATTRIBUTE_LIST = /^[ \t]*[#.][^{}\n]{0,200}$/;


// What an emoji is drawn with: the picture, a skin tone, a flag's letters, a tag, and the marks that join or dress them.
const EMOJI_PART = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{E0020}-\u{E007F}\uFE0F\u200D\u20E3]$/u;
const SHORTCODE_NAME = /^[a-z0-9_+-]+$/;

/**
 * Where the emoji after a heading's words start (`Architecture ⚙️`,
 * `Rollout (:rocket:)`, `Step 1️⃣`), with the spaces and brackets around them;
 * the text's length when it ends in none. Read from the end, not by a regex
 * anchored at `$`, which would retry from every space of a long heading.
 */
function emojiAfterWords(text: string): number {
  let i = text.length;
  let start = i;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x20 || c === 0x09 || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d) {
      i--;
      continue;
    }
    if (c === 0x3a) {
      const open = text.lastIndexOf(':', i - 2);
      if (open === -1 || !SHORTCODE_NAME.test(text.slice(open + 1, i - 1))) break;
      i = open;
    } else if (c >= 0x30 && c <= 0x39 || c === 0x23 || c === 0x2a) {
      // A keycap's digit (`1️⃣`, `#️⃣`): only with its marks, already read.
      const after = text.charCodeAt(i);
      if (after !== 0xfe0f && after !== 0x20e3) break;
      i--;
    } else {
      const low = c >= 0xdc00 && c <= 0xdfff && i >= 2;
      const point = String.fromCodePoint(text.codePointAt(low ? i - 2 : i - 1)!);
      if (!EMOJI_PART.test(point)) break;
      i -= point.length;
    }
    start = i;
  }
  // The spaces and brackets before the first emoji go with them; those after the words alone are the words'.
  return start === text.length ? start : i;
}

/**
 * A heading's slug as a segment of its section's id: as it is, or, past
 * {@link MAX_SEGMENT} characters, its start and a hash of the whole (FNV-1a),
 * so that ids stay distinct and the same in every command while a heading of
 * megabytes does not make an id of megabytes, copied into each placeholder
 * and finding under it (a spec of 2 MB with 2,000 placeholders under such a
 * heading ran `placeholders --json` out of memory). No real heading's slug
 * comes near (the KEPs' longest is 263 characters).
 */
export function idSegment(slug: string): string {
  if (slug.length <= MAX_SEGMENT) return slug;
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) hash = Math.imul(hash ^ slug.charCodeAt(i), 0x01000193);
  return `${headOf(slug, MAX_SEGMENT - 9)}-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

const MAX_SEGMENT = 1000;

/**
 * `slug` made unique among those `used` has seen, as github-slugger does it
 * (and so GitHub's anchors): a repeat gets `-1`, `-2`, … after it, skipping
 * one taken already (`Foo 1`, `Foo`, `Foo` are `foo-1`, `foo`, `foo-2`).
 * Records the result in `used`.
 */
export function uniqueSlug(slug: string, used: Map<string, number>): string {
  let candidate = slug;
  let n = used.get(slug) ?? 0;
  while (used.has(candidate)) {
    n += 1;
    candidate = `${slug}-${n}`;
  }
  used.set(slug, n);
  used.set(candidate, 0);
  return candidate;
}

/**
 * An anchor without its hyphens (`oncallescalation` for both `on-call--escalation`
 * and `on-callescalation`): `On-call / Escalation` and `On-call/Escalation`
 * read alike, though their anchors differ. Null when the anchor has no hyphen.
 */
export function squashedSlug(slug: string): string | null {
  return slug.indexOf('-') === -1 ? null : slug.replace(/-/g, '');
}
