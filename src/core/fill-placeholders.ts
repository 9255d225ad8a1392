import { shownId } from './placeholder-id.js';
import { parseSpec } from './parse-spec.js';
import { placeholderSlot, type PlaceholderSlot } from './placeholder-slot.js';
import { sectionLevelOf } from './section-level.js';
import type { ParsedSpec, Placeholder } from './spec-types.js';
import { suppressionComments } from './suppressions.js';
import { DEFAULT_MAX_CONTENT_BYTES, SUPPRESSION_REFUSAL, validateContent, validateLineContent, type FillRefusal } from './validate-content.js';

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
 * above into a heading, say — is refused too. A placeholder in a heading or a
 * table cell takes one line, its answer the heading's or cell's text (with
 * `|` escaped in a cell). Pure: the file is written elsewhere.
 */
export function fillPlaceholders(spec: ParsedSpec, answers: readonly Answer[], options: FillOptions = {}): FillOutcome {
  const byId = new Map(spec.placeholders.map((p) => [p.id, p]));
  const refused: FillRefusal[] = [];
  const accepted: Accepted[] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
    const placeholder = answer.match === undefined
      ? byId.get(answer.id)
      : spec.placeholders.find((p) => p.sectionId === answer.match!.sectionId && p.instruction === answer.match!.instruction && !seen.has(p.id));
    if (placeholder === undefined || seen.has(placeholder.id)) {
      refused.push({ id: answer.id, reason: 'unknown-id', message: seen.has(answer.id) ? 'answered twice' : `no open placeholder has the id \`${shownId(answer.id)}\`` });
      continue;
    }
    seen.add(placeholder.id);
    const content = trimBlankLines(answer.content);
    const slot = placeholderSlot(spec, placeholder);
    const maxBytes = options.maxContentBytes ?? DEFAULT_MAX_CONTENT_BYTES;
    const problem = slot === 'block'
      // Under the title (no section) any heading would open a section: level 6 refuses them all.
      ? validateContent(placeholder.id, content, sectionLevelOf(spec, placeholder.sectionId) ?? 6, maxBytes)
      : validateLineContent(placeholder.id, content, slot, maxBytes);
    if (problem !== null) {
      refused.push(problem);
      continue;
    }
    const text = slot === 'table-cell' ? escapeCellPipes(content)
      : slot === 'heading' ? keepClosingHashes(spec.source, placeholder, content)
      : layOut(spec, placeholder, content);
    const after = parseSpec(splice(spec.source, [{ placeholder, text }]));
    if (!keepsStructure(spec, after, placeholder, slot === 'block' ? parseSpec(content).headings.length : 0)) {
      refused.push({ id: answer.id, reason: 'structure', message: 'the content would change the document outside this section (a heading or placeholder would appear or vanish); put a blank line first or rephrase' });
      continue;
    }
    const outOfSlot = slotProblem(spec, after, placeholder, slot, text);
    if (outOfSlot !== null) {
      refused.push({ id: answer.id, reason: 'structure', message: outOfSlot });
      continue;
    }
    // The content alone held none, but in place it may still open one that the text after it
    // closes, or take over one that is there (`<!-- specfill-disable -- x` running on to its `-->`).
    if (!sameSuppressions(spec, after)) {
      refused.push({ id: answer.id, reason: 'suppression', message: SUPPRESSION_REFUSAL });
      continue;
    }
    accepted.push({ placeholder, text, headings: slot === 'block' ? parseSpec(content).headings.length : 0 });
  }
  const order = together(spec, accepted.sort((a, b) => a.placeholder.span.start - b.placeholder.span.start), refused);
  return {
    source: splice(spec.source, order),
    filled: order.map((a) => a.placeholder.id),
    refused,
    written: new Map(order.map((a) => [a.placeholder.id, a.text])),
  };
}

/** An answer that passed alone: where it goes, its text as written, and the headings its content adds. */
interface Accepted {
  readonly placeholder: Placeholder;
  readonly text: string;
  readonly headings: number;
}

/**
 * The answers, each checked alone, checked together, in document order: two
 * that pass alone may combine into what neither is (a backtick in one pairing
 * with one in the next, so that a comment between them becomes real; a line
 * and `===` on the next making a heading). Each is kept only if the text with
 * it and those kept before it has the suppressions of the original, its
 * headings and one placeholder fewer for each; else it is refused.
 */
function together(spec: ParsedSpec, accepted: readonly Accepted[], refused: FillRefusal[]): Accepted[] {
  if (accepted.length < 2) return [...accepted];
  const kept: Accepted[] = [];
  let headings = spec.headings.length;
  for (const answer of accepted) {
    const trial = [...kept, answer];
    const after = parseSpec(splice(spec.source, trial));
    if (!sameSuppressions(spec, after)) {
      refused.push({ id: answer.placeholder.id, reason: 'suppression', message: SUPPRESSION_REFUSAL });
    } else if (after.headings.length !== headings + answer.headings || after.placeholders.length !== spec.placeholders.length - trial.length) {
      refused.push({ id: answer.placeholder.id, reason: 'structure', message: 'together with the answers before it, the content would change the document outside its section (a heading or placeholder would appear or vanish); put a blank line first or rephrase' });
    } else {
      kept.push(answer);
      headings += answer.headings;
    }
  }
  return kept;
}

/** Whether two versions of a document hold the same suppression comments, in order: the same directives for the same rules. */
function sameSuppressions(before: ParsedSpec, after: ParsedSpec): boolean {
  const a = suppressionComments(before);
  const b = suppressionComments(after);
  if (a.length !== b.length) return false;
  const said = (c: (typeof a)[number]): string => `${c.word.toLowerCase()} ${c.rules.map((r) => r.id).join(',')}`;
  return a.every((c, i) => said(c) === said(b[i]!));
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
  return content.replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '').replace(/\s+$/, '');
}

/** Content lines in the file's line endings, continuation lines prefixed like the placeholder's line. */
function layOut(spec: ParsedSpec, placeholder: Placeholder, content: string): string {
  const before = spec.source.slice(lineStartOf(spec.source, placeholder.span.start), placeholder.span.start);
  // Inside a block quote or list item, later lines need the same container prefix.
  const prefix = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?$/.test(before)
    ? before.replace(/[-+*]|\d{1,9}[.)]/g, (m) => ' '.repeat(m.length))
    : '';
  const lines = content.split(/\r\n|\r|\n/);
  return lines.map((line, i) => (i === 0 ? line : line === '' ? prefix.replace(/[ \t]+$/, '') : prefix + line)).join(spec.format.newline);
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

/**
 * After a fill: the same headings before and after the content (`added` of
 * its own), the other placeholders all still there, the front matter
 * untouched. The heading that holds the placeholder may change its text (the
 * answer is that text) but not its level.
 */
function keepsStructure(before: ParsedSpec, after: ParsedSpec, filled: Placeholder, added: number): boolean {
  if (after.headings.length !== before.headings.length + added) return false;
  const key = (h: { level: number; text: string }): string => `${h.level} ${h.text}`;
  const ahead = before.headings.filter((h) => h.span.start < filled.span.start).map(key);
  const behind = before.headings.filter((h) => h.span.start >= filled.span.end).map(key);
  const now = after.headings.map(key);
  const holder = before.headings.findIndex((h) => h.span.start < filled.span.start && filled.span.end <= h.span.end);
  if (holder !== -1 && after.headings[holder]?.level !== before.headings[holder]!.level) return false;
  if (ahead.some((k, i) => i !== holder && now[i] !== k)) return false;
  if (behind.some((k, i) => now[now.length - behind.length + i] !== k)) return false;
  if (after.placeholders.length !== before.placeholders.length - 1 || after.malformed.length !== before.malformed.length) return false;
  const others = before.placeholders.filter((p) => p !== filled).map((p) => p.instruction);
  if (after.placeholders.some((p, i) => p.instruction !== others[i])) return false;
  const fm = (s: ParsedSpec): string => (s.frontMatter === null ? '' : s.source.slice(s.frontMatter.span.start, s.frontMatter.span.end));
  return fm(before) === fm(after);
}

/**
 * Why a one-line answer would not stay the inline text of its heading or
 * table cell, or null: the document must keep its blocks, and in a cell an
 * answer that ends in a backslash right before the closing `|` would escape
 * that pipe.
 */
function slotProblem(before: ParsedSpec, after: ParsedSpec, filled: Placeholder, slot: PlaceholderSlot, text: string): string | null {
  if (slot === 'block') return null;
  if (after.blocks.length !== before.blocks.length) return `the content would change the ${slot === 'heading' ? 'heading' : 'table around this cell'}; rephrase`;
  if (slot === 'heading') return null;
  // (GitHub's parser takes a backslash before `|` as escaping the pipe even when another backslash precedes it.)
  if (before.source[filled.span.end] === '|' && text.endsWith('\\')) return 'the content ends in a backslash, which would escape the `|` that closes the cell; end it with another character';
  return null;
}

/** The offset where the line holding `offset` starts. */
function lineStartOf(source: string, offset: number): number {
  let start = offset;
  while (start > 0 && source[start - 1] !== '\n' && source[start - 1] !== '\r') start--;
  return start;
}
