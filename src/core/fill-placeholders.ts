import { lineStartOf } from './line-bounds.js';
import { shownId } from './placeholder-id.js';
import { parseSpec } from './parse-spec.js';
import { placedProblem, placedRefusal, type PlacedFill } from './fill-structure.js';
import { placeholderSlot } from './placeholder-slot.js';
import { sectionLevelOf } from './section-level.js';
import type { ParsedSpec, Placeholder } from './spec-types.js';
import { DEFAULT_MAX_CONTENT_BYTES, validateContent, validateLineContent, type FillRefusal } from './validate-content.js';
import { trimEndWhile } from './trim-end.js';
import { isSpaceOrTabCode } from './markdown/block-patterns.js';

/** One answer: the content for a placeholder id. */
export interface Answer {
  readonly id: string;
  readonly content: string;
  /**
   * Find the placeholder by its section and instruction instead of its id:
   * for fillers that run side by side, since a second placeholder's id
   * (`a#2`) becomes `a` once the first is filled.
   */
  readonly match?: { readonly sectionId: string | null; readonly instruction: string };
}

/** Options of {@link fillPlaceholders}. */
export interface FillOptions {
  /** Largest content of one answer, in UTF-8 bytes (default 64 KiB). */
  readonly maxContentBytes?: number;
}

/** What a fill made of a spec. */
export interface FillOutcome {
  /** The new text (the old one when nothing was filled). */
  readonly source: string;
  /** Ids filled, in document order. */
  readonly filled: string[];
  readonly refused: FillRefusal[];
  /** The content written for each filled id, as it stands in the file (line endings and prefixes applied). */
  readonly written: ReadonlyMap<string, string>;
}

/**
 * The fill contract's splice, for any number of answers at once: each
 * placeholder named by id (ids as in `spec`) is replaced by its content and
 * every other byte stays as it was. Content is checked first (see
 * validateContent), its line endings become the file's, and continuation
 * lines get the placeholder's container prefix (`> ` in a block quote,
 * indentation in a list item). A fill that would change the document's
 * structure outside its own section — a setext underline that turns the line
 * above into a heading, say — is refused too, and so is one that does so only
 * with the answers kept before it in the document, each answer checked both
 * alone and with those (see {@link placedProblem}).
 * A placeholder in a heading or a table cell takes one line, its answer the
 * heading's or cell's text (with `|` escaped in a cell). Pure: the file is
 * written elsewhere.
 */
export function fillPlaceholders(spec: ParsedSpec, answers: readonly Answer[], options: FillOptions = {}): FillOutcome {
  const { candidates, refusals } = validAnswers(spec, answers, options.maxContentBytes ?? DEFAULT_MAX_CONTENT_BYTES);
  // In document order, each answer is checked in the text with the answers kept before it:
  // two fine alone may combine into what neither is (a backtick in one pairing with one in
  // the next, so that a placeholder between them becomes code; a line and `===` on the next
  // making a heading). And each is checked alone too: the checks see headings, placeholders
  // and suppressions, not every block, so an answer may break the text around it in a way
  // only a placeholder there shows (merging a paragraph whose code spans then pair anew),
  // and an answer kept before it may have filled that very placeholder (code review).
  const kept: Candidate[] = [];
  let current = spec;
  for (const candidate of candidates.sort((a, b) => a.placeholder.span.start - b.placeholder.span.start)) {
    const trial = [...kept, candidate];
    const after = parseSpec(splice(spec.source, trial));
    const problem = placedProblem(spec, current, after, trial);
    // (The first answer kept is checked alone already.)
    const alone = kept.length === 0 ? problem : placedProblem(spec, spec, parseSpec(splice(spec.source, [candidate])), [candidate]);
    if (problem === null && alone === null) {
      kept.push(candidate);
      current = after;
      continue;
    }
    // A refusal of the answer alone keeps its place among the others, in the order of the answers;
    // one that only fails with the answers before it comes after them all, in document order.
    refusals.push(alone === null
      ? { at: answers.length, refusal: placedRefusal(candidate.id, problem!, true) }
      : { at: candidate.at, refusal: placedRefusal(candidate.id, alone, false) });
  }
  return {
    source: current.source,
    filled: kept.map((a) => a.placeholder.id),
    // (A stable sort: refusals of one rank stay in the order they were made.)
    refused: refusals.sort((a, b) => a.at - b.at).map((r) => r.refusal),
    written: new Map(kept.map((a) => [a.placeholder.id, a.text])),
  };
}

/** An answer that passed validation: where it goes and what it writes, the id it was given, and its place among the answers. */
interface Candidate extends PlacedFill {
  readonly id: string;
  readonly at: number;
}

/** A refusal and where it ranks in `refused`: the index of its answer. */
interface RankedRefusal {
  readonly at: number;
  readonly refusal: FillRefusal;
}

/**
 * The answers whose placeholder is found and whose content passes the
 * content rules, as they would be written; the others refused, each at its
 * place among the answers.
 */
function validAnswers(spec: ParsedSpec, answers: readonly Answer[], maxBytes: number): { candidates: Candidate[]; refusals: RankedRefusal[] } {
  const byId = new Map(spec.placeholders.map((p) => [p.id, p]));
  const candidates: Candidate[] = [];
  const refusals: RankedRefusal[] = [];
  const seen = new Set<string>();
  for (const [at, answer] of answers.entries()) {
    const placeholder = answer.match === undefined
      ? byId.get(answer.id)
      : spec.placeholders.find((p) => p.sectionId === answer.match!.sectionId && p.instruction === answer.match!.instruction && !seen.has(p.id));
    if (placeholder === undefined || seen.has(placeholder.id)) {
      refusals.push({ at, refusal: { id: answer.id, reason: 'unknown-id', message: seen.has(answer.id) ? 'answered twice' : `no open placeholder has the id \`${shownId(answer.id)}\`` } });
      continue;
    }
    seen.add(placeholder.id);
    const content = trimBlankLines(answer.content);
    const slot = placeholderSlot(spec, placeholder);
    const problem = slot === 'block'
      // Under the title (no section) any heading would open a section: level 6 refuses them all.
      ? validateContent(placeholder.id, content, sectionLevelOf(spec, placeholder.sectionId) ?? 6, maxBytes)
      : validateLineContent(placeholder.id, content, slot, maxBytes);
    if (problem !== null) {
      refusals.push({ at, refusal: problem });
      continue;
    }
    const text = slot === 'table-cell' ? escapeCellPipes(content)
      : slot === 'heading' ? keepClosingHashes(spec.source, placeholder, content)
      : layOut(spec, placeholder, content);
    candidates.push({ id: answer.id, at, placeholder, slot, text, headings: slot === 'block' ? parseSpec(content).headings.length : 0 });
  }
  return { candidates, refusals };
}

/** Replaces the spans (in increasing order, not overlapping) from the end, so earlier offsets stay valid. */
function splice(source: string, fills: ReadonlyArray<{ placeholder: Placeholder; text: string }>): string {
  let out = source;
  for (let i = fills.length - 1; i >= 0; i--) {
    const { placeholder, text } = fills[i]!;
    out = out.slice(0, placeholder.span.start) + text + out.slice(placeholder.span.end);
  }
  return out;
}

// Blank lines around the content would pile up around the placeholder's own.
function trimBlankLines(content: string): string {
  // (`trimEnd`, not `/\s+$/`: that pattern is tried again from each of a long run of spaces inside.)
  return content.replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '').trimEnd();
}

/** Content lines in the file's line endings, continuation lines prefixed like the placeholder's line. */
function layOut(spec: ParsedSpec, placeholder: Placeholder, content: string): string {
  const before = spec.source.slice(lineStartOf(spec.source, placeholder.span.start), placeholder.span.start);
  // Inside a block quote or list item, later lines need the same container prefix.
  const prefix = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?$/.test(before)
    ? before.replace(/[-+*]|\d{1,9}[.)]/g, (m) => ' '.repeat(m.length))
    : '';
  const lines = content.split(/\r\n|\r|\n/);
  return lines.map((line, i) => (i === 0 ? line : line === '' ? trimEndWhile(prefix, isSpaceOrTabCode) : prefix + line)).join(spec.format.newline);
}

/**
 * `|` as `\|`, unless a backslash escapes it already. GFM splits a table row
 * at its unescaped pipes before it reads any inline, code spans included, so
 * an answer's `|` would end its cell and start another (one the table has
 * no column for: dropped), while `\|` is shown as `|`, in code too.
 */
function escapeCellPipes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      // The backslash and what it escapes, as GFM's row splitter takes them.
      out += text.slice(i, i + 2);
      i++;
    } else out += c === '|' ? '\\|' : c;
  }
  return out;
}

/**
 * An ATX heading drops a closing run of `#` (`## Issue #` reads "Issue"): an
 * answer that ends its heading's line with one keeps it, as `\#`.
 */
function keepClosingHashes(source: string, placeholder: Placeholder, content: string): string {
  const rest = /[^\r\n]*/y;
  rest.lastIndex = placeholder.span.end;
  if (!/^[ \t]*$/.test(rest.exec(source)![0])) return content;
  return content.replace(/(^|[ \t])(#+)$/, (_, space: string, hashes: string) => `${space}\\${hashes}`);
}

