// A missing section's heading written as a line of text (`**Data Model:**`,
// `Data Model?`, a KEP's PRR question as a bold bullet), found where the
// section belongs, for missing-section to place its finding on.
import { anchorsClose, mostWordsShared, wordCount } from '../near-anchors.js';
import { lineIndexOf } from '../line-index.js';
import { isSpaceOrTabCode } from '../markdown/block-patterns.js';
import { headingText } from '../markdown/heading-text.js';
import { bareSlug, slugify } from '../slug.js';
import { countAtMost } from '../sorted-search.js';
import type { Block, ParsedSpec, Position, Span } from '../spec-types.js';
import type { TemplateSection } from '../template-model.js';
import { isSpace, trimEndWhile } from '../trim-end.js';

/** A line of text that says a missing heading: where it starts, and its place for the finding. */
export interface WrittenAsText {
  readonly offset: number;
  readonly at: Position;
  /** In a block quote, or in a list item nested in another (a top-level bullet's line is simply replaced). */
  readonly contained: boolean;
  /**
   * The list marker of a one-line list item underlined with `---` (`1. Motivation`
   * over `----`): meant as a setext heading, but the marker makes the line a list
   * item, and the `---` a horizontal rule.
   */
  readonly underlinedItem?: string;
  /** The `#`s of a line written as a heading with no space after them (`###API`): CommonMark reads it as text. */
  readonly noSpace?: string;
  /** The `#`s of a line written as a heading with more than six (`####### How …?`, a block demoted a level too far): text too. */
  readonly tooMany?: string;
}

/**
 * The paragraphs (list items' included) that open with the words of the
 * heading of one of the `missing` template sections, by the section's
 * anchor and by its anchor without a section number (`bareSlug`), in
 * document order; a number before the paragraph's words is no part of them
 * either, as in heading matching: in emphasis (`**Question?**`, its answer after
 * it or below; the emphasis may wrap onto the next line, or never close), or
 * alone on a line that ends as a question or a lead-in does (`?`, `:`).
 * Most of a spec's paragraphs are neither, and are passed over at once.
 */
export function headingsWrittenAsText(spec: ParsedSpec, missing: readonly TemplateSection[], stretches: readonly Span[]): Map<string, WrittenAsText[]> {
  const found = new Map<string, WrittenAsText[]>();
  if (missing.length === 0) return found;
  const wanted = new Set<string>();
  for (const t of missing) {
    wanted.add(t.headingSlug);
    if (t.bareSlug !== null) wanted.add(t.bareSlug);
  }
  // A line is made an anchor only when its first letters and digits are a missing heading's
  // (a section number before them skipped on both sides, so the bare anchors need no entry).
  const openings = new Set(missing.map((t) => opening(t.headingSlug, 0, t.headingSlug.length)));
  // The missing headings by their opening, for a line that says one in words a little apart.
  const byOpening = new Map<number, TemplateSection[]>();
  for (const t of missing) addTo(byOpening, opening(t.headingSlug, 0, t.headingSlug.length), t);
  let longest = 0;
  for (const t of missing) longest = Math.max(longest, t.text.length);
  const source = spec.source;
  // Raw text runs longer than the words it shows (a link keeps its address).
  const limit = longest * 2 + 120;
  const blocks = spec.blocks;
  // Stretches in order, overlaps merged: each block is looked at once.
  const sorted = [...stretches].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const stretch of sorted) {
    k = Math.max(k, countAtMost(blocks, (b) => b.start, stretch.start - 1));
    for (; k < blocks.length && blocks[k]!.start < stretch.end; k++) {
      const block = blocks[k]!;
      const segments = block.segments;
      if (block.kind !== 'paragraph' || segments === undefined) continue;
      let underlined: string | undefined;
      let noSpace: string | undefined;
      let tooMany: string | undefined;
      const start = segments[0]!;
      let from = start;
      let to = segments[1]!;
      // Where the finding ends: the emphasis's close, or the line's end.
      let end = to;
      if (source.charCodeAt(from) === 0x23) {
        // `###API`: a heading's marks with no space after them are text; the words after them are what it says.
        let run = 1;
        while (run < 16 && source.charCodeAt(from + run) === 0x23) run++;
        if (to - from > limit || (run > 6 && !isSpaceOrTabCode(source.charCodeAt(from + run)))) continue;
        // (Seven or more, with a space after them: as many `#`s as no heading has, `####### How can …?`.)
        if (run > 6) tooMany = source.slice(from, from + run);
        else if (isSpaceOrTabCode(source.charCodeAt(from + run))) continue;
        else noSpace = source.slice(from, from + run);
        from += run;
        while (from < to && isSpaceOrTabCode(source.charCodeAt(from))) from++;
        while (to > from && isSpaceOrTabCode(source.charCodeAt(to - 1))) to--;
      } else if (isEmphasisMark(source.charCodeAt(from))) {
        let run = 1;
        while (run < 3 && source.charCodeAt(from + run) === source.charCodeAt(from)) run++;
        const mark = source.slice(from, from + run);
        let close = -1;
        let lineEnd = to;
        for (let k = 0; k < segments.length && close === -1 && segments[k]! - start <= limit; k += 2) {
          const at = source.indexOf(mark, k === 0 ? from + run : segments[k]!);
          if (at !== -1 && at + run <= segments[k + 1]!) {
            close = at;
            lineEnd = segments[k + 1]!;
          }
        }
        if (close - start > limit) continue;
        // Words after it on its line are an answer only after a question or a
        // lead-in (`**Why?** Because…`, `**Notes:** …`, `**Risks** — …`); else
        // the emphasis is a sentence's (`**Motivation** for this is…`).
        // (A hard break, `<br>` or a comment after it is no answer.)
        const after = close === -1 ? '' : source.slice(close + run, lineEnd);
        if (after.trim() !== '' && after.replace(BESIDE_LEAD_IN, '').trim() !== '') {
          let last = close;
          // Closing marks after the question (`?!`, `?"`, `?)`) aside.
          while (last > from + run && CLOSERS.includes(source[last - 1]!)) last--;
          if (!isQuestionOrColon(source.charCodeAt(last - 1)) && !/^[ \t]*[:\u2013\u2014-]/.test(after)) continue;
        }
        from += run;
        // Never closed (`**Question?` and the answer below): its first line.
        if (close !== -1) {
          to = close;
          end = close + run;
        } else if (to - start > limit) {
          continue;
        }
      } else {
        // A hard break (two spaces, a backslash) is not the line's last word.
        while (to > from && (isSpaceOrTabCode(source.charCodeAt(to - 1)) || source.charCodeAt(to - 1) === 0x5c)) to--;
        underlined = segments.length === 2 ? underlinedItemMarker(spec, block, k) : undefined;
        if (to - from > limit || (!isQuestionOrColon(source.charCodeAt(to - 1)) && underlined === undefined)) continue;
      }
      if (!openings.has(opening(source, from, to))) continue;
      // The words as shown (a link as its text), a closing colon aside, without
      // the prefixes of the lines they wrap onto (`>`, a list's indent).
      const words = trimEndWhile(segmentsText(source, segments, from, to), (c) => c === 0x3a || isSpace(c)).replace(/\s+/g, ' ').trim();
      const shown = /[[`*_<&\\]/.test(words) ? headingText(words, { definitions: spec.definitions, dropHtml: true }).trim() : words;
      const slug = slugify(shown);
      // Without a number or emoji before the words (`**1.2 Quality Goals:**`), as headings are matched.
      const bare = bareSlug(shown);
      const bySlug = wanted.has(slug);
      const byBare = bare !== null && bare !== slug && wanted.has(bare);
      // Or a question in the template's earlier or later words (a KEP's "How can a rollout fail?" for
      // "How can a rollout or rollback fail?"; "rollback" for "roll back"): at most one change in ten characters.
      const near = bySlug || byBare ? undefined : nearHeading(slug, byOpening.get(opening(source, from, to)));
      if (!bySlug && !byBare && near === undefined) continue;
      const entry = { offset: start, at: lineIndexOf(spec).span(start, end), contained: isContained(source, block),
        ...(underlined === undefined ? {} : { underlinedItem: underlined }), ...(noSpace === undefined ? {} : { noSpace }), ...(tooMany === undefined ? {} : { tooMany }) };
      if (bySlug) addTo(found, slug, entry);
      if (byBare) addTo(found, bare, entry);
      if (near !== undefined) addTo(found, near, entry);
    }
  }
  return found;
}

/**
 * The marker (`1.`, `-`) of a one-line paragraph that is a list item's whole
 * text with a `---` line right below it (the next block, a thematic break of
 * dashes at the start of a line): a setext heading the marker spoilt.
 */
function underlinedItemMarker(spec: ParsedSpec, block: Block, k: number): string | undefined {
  const next = spec.blocks[k + 1];
  if (next === undefined || next.kind !== 'thematic-break' || next.line !== block.line + 1 || !next.topLevel) return undefined;
  if (!/^-{2,}[ \t]*$/.test(spec.source.slice(next.lineStart, next.end))) return undefined;
  const marker = /^[ \t]{0,3}(\d{1,9}[.)]|[-+*])[ \t]+$/.exec(spec.source.slice(block.lineStart, block.start));
  return marker?.[1];
}

/**
 * The anchor of the one missing heading (among those of the same opening) an
 * anchor is near: at most one change in ten characters, for anchors of
 * twenty characters or more; undefined when none is, or more than one.
 */
function nearHeading(slug: string, candidates: readonly TemplateSection[] | undefined): string | undefined {
  if (candidates === undefined || slug.length < 20) return undefined;
  const one = (near: (t: TemplateSection) => boolean): string | null | undefined => {
    let found: string | undefined;
    for (const t of candidates) {
      if (!near(t)) continue;
      // Two alike: no guess.
      if (found !== undefined && found !== t.headingSlug) return null;
      found = t.headingSlug;
    }
    return found;
  };
  // A few characters apart first; only then most of the words, which questions of one family share.
  const close = one((t) => anchorsClose(slug, t.headingSlug));
  if (close !== undefined) return close ?? undefined;
  // (Only long questions: fewer than eight words cannot share six in eight.)
  if (wordCount(slug) < 8) return undefined;
  return one((t) => mostWordsShared(slug, t.headingSlug)) ?? undefined;
}

/** Appends an entry to the list of its anchor. */
export function addTo<K, T>(found: Map<K, T[]>, slug: K, entry: T): void {
  const list = found.get(slug);
  if (list === undefined) found.set(slug, [entry]);
  else list.push(entry);
}

/** Whether a block is in a block quote, or in a list item below the first level (what is before it on its line says). */
function isContained(source: string, block: Block): boolean {
  const prefix = source.slice(block.lineStart, block.start);
  return prefix.includes('>') || /^[ \t]{2,}[-+*]|^[ \t]{2,}\d{1,9}[.)]|[-+*][ \t]+[-+*][ \t]/.test(prefix);
}

// What may follow a heading written as text on its line without being an answer.
const BESIDE_LEAD_IN = /<!--[\s\S]*?-->|<br\s*\/?>|\\$/gi;
// What may close a question: spaces, `!`, quotes, brackets.
const CLOSERS = ' \t!！"\'”’»」)';

/** The text of a paragraph's segments between two offsets, lines joined with a space. */
function segmentsText(source: string, segments: readonly number[], from: number, to: number): string {
  let out = '';
  for (let k = 0; k < segments.length && segments[k]! < to; k += 2) {
    const a = Math.max(segments[k]!, from);
    const b = Math.min(segments[k + 1]!, to);
    if (a < b) out = out === '' ? source.slice(a, b) : `${out} ${source.slice(a, b)}`;
  }
  return out;
}

/**
 * The first five ASCII letters and digits of a text, in lower case (what an
 * anchor keeps of them, in order), as a number: a cheap test that spares
 * making an anchor of every short paragraph. Digits before the first letter
 * are skipped: a section number (`1.2 Quality Goals`, `12-quality-goals`)
 * may be on either side, or on neither.
 */
function opening(text: string, from: number, to: number): number {
  let key = 0;
  let n = 0;
  for (let i = from; i < to && n < 5; i++) {
    const raw = text.charCodeAt(i);
    const c = raw | 0x20;
    if (c >= 0x61 && c <= 0x7a) key = key * 37 + (c - 0x60);
    else if (raw >= 0x30 && raw <= 0x39 && n > 0) key = key * 37 + (raw - 0x30 + 27);
    else continue;
    n++;
  }
  return key;
}

const isEmphasisMark = (c: number): boolean => c === 0x2a || c === 0x5f;
// `?` `:` and their full-width forms.
const isQuestionOrColon = (c: number): boolean => c === 0x3f || c === 0x3a || c === 0xff1f || c === 0xff1a;
