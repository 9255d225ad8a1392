import type { PlaceholderSlot } from './placeholder-slot.js';
import type { ParsedSpec, Placeholder } from './spec-types.js';
import { suppressionComments } from './suppressions.js';
import { SUPPRESSION_REFUSAL, type FillRefusal } from './validate-content.js';

/** One answer as it goes into the text: its placeholder, the slot that takes it, its text as written, and the headings its content adds. */
export interface PlacedFill {
  readonly placeholder: Placeholder;
  readonly slot: PlaceholderSlot;
  readonly text: string;
  readonly headings: number;
}

/**
 * Why a fill, spliced in, is refused: it changed the document outside the
 * filled spans (`outside`), its heading or table cell is no longer the one
 * block it was (`slot`, with the message), or the suppression comments are not
 * the original's (`suppression`).
 */
export type PlacedProblem =
  | { readonly kind: 'outside' }
  | { readonly kind: 'slot'; readonly message: string }
  | { readonly kind: 'suppression' };

/**
 * The checks of the fill contract on a spliced text: `after` is `spec`'s
 * source with `fills` (in document order, not overlapping) spliced in, and the
 * last of them is the one being checked; `previous` is the text without it
 * (`spec` itself when it is the only one), whose blocks an answer in a heading
 * or table cell must leave as they were. Null when the fill may stay.
 */
export function placedProblem(spec: ParsedSpec, previous: ParsedSpec, after: ParsedSpec, fills: readonly PlacedFill[]): PlacedProblem | null {
  if (!keepsStructure(spec, after, fills)) return { kind: 'outside' };
  const slot = slotProblem(spec, previous, after, fills[fills.length - 1]!);
  if (slot !== null) return { kind: 'slot', message: slot };
  // The content alone held none, but in place it may still open one that the text after it
  // closes, or take over one that is there (`<!-- specfill-disable -- x` running on to its `-->`).
  return sameSuppressions(spec, after) ? null : { kind: 'suppression' };
}

/**
 * The refusal for a problem. `together` when the answer passes alone and only
 * the answers kept before it make it fail: the message says so, since the
 * content by itself is fine and rephrasing it alone may not be the fix.
 */
export function placedRefusal(id: string, problem: PlacedProblem, together: boolean): FillRefusal {
  switch (problem.kind) {
    case 'suppression':
      return { id, reason: 'suppression', message: SUPPRESSION_REFUSAL };
    case 'slot':
      return { id, reason: 'structure', message: together ? `together with the answers before it, ${problem.message}` : problem.message };
    case 'outside':
      return {
        id,
        reason: 'structure',
        message: together
          ? 'together with the answers before it, the content would change the document outside its section (a heading or placeholder would appear or vanish); put a blank line first or rephrase'
          : 'the content would change the document outside this section (a heading or placeholder would appear or vanish); put a blank line first or rephrase',
      };
  }
}

/**
 * After the fills: every heading of the original in its place and order,
 * with the headings each fill's content adds where that fill is; the other
 * placeholders and malformed markers all still there; the front matter
 * untouched. A heading that holds a filled placeholder may change its text
 * (the answer is that text) but not its level.
 */
function keepsStructure(before: ParsedSpec, after: ParsedSpec, fills: readonly PlacedFill[]): boolean {
  const added = fills.reduce((n, f) => n + f.headings, 0);
  if (after.headings.length !== before.headings.length + added) return false;
  // An original heading stands in `after` shifted by the headings the fills above it added.
  let shift = 0;
  let next = 0;
  for (const [i, heading] of before.headings.entries()) {
    while (next < fills.length && fills[next]!.placeholder.span.start < heading.span.start) shift += fills[next++]!.headings;
    const now = after.headings[i + shift]!;
    if (now.level !== heading.level) return false;
    const holds = (f: PlacedFill): boolean => heading.span.start < f.placeholder.span.start && f.placeholder.span.end <= heading.span.end;
    if (now.text !== heading.text && !fills.some(holds)) return false;
  }
  const filled = new Set(fills.map((f) => f.placeholder));
  if (after.placeholders.length !== before.placeholders.length - filled.size || after.malformed.length !== before.malformed.length) return false;
  const others = before.placeholders.filter((p) => !filled.has(p));
  if (after.placeholders.some((p, i) => p.instruction !== others[i]!.instruction)) return false;
  const fm = (s: ParsedSpec): string => (s.frontMatter === null ? '' : s.source.slice(s.frontMatter.span.start, s.frontMatter.span.end));
  return fm(before) === fm(after);
}

/**
 * Why a one-line answer would not stay the inline text of its heading or
 * table cell, or null: the document must keep the blocks it had without the
 * answer, and in a cell an answer that ends in a backslash right before the
 * closing `|` would escape that pipe.
 */
function slotProblem(spec: ParsedSpec, previous: ParsedSpec, after: ParsedSpec, fill: PlacedFill): string | null {
  if (fill.slot === 'block') return null;
  // Against the text without this answer: answers in blocks before it may add blocks of their own.
  if (after.blocks.length !== previous.blocks.length) return `the content would change the ${fill.slot === 'heading' ? 'heading' : 'table around this cell'}; rephrase`;
  if (fill.slot === 'heading') return null;
  // (GitHub's parser takes a backslash before `|` as escaping the pipe even when another backslash precedes it.)
  if (spec.source[fill.placeholder.span.end] === '|' && fill.text.endsWith('\\')) return 'the content ends in a backslash, which would escape the `|` that closes the cell; end it with another character';
  return null;
}

/** Whether two versions of a document hold the same suppression comments, in order: the same directives for the same rules. */
function sameSuppressions(before: ParsedSpec, after: ParsedSpec): boolean {
  const a = suppressionComments(before);
  const b = suppressionComments(after);
  if (a.length !== b.length) return false;
  const said = (c: (typeof a)[number]): string => `${c.word.toLowerCase()} ${c.rules.map((r) => r.id).join(',')}`;
  return a.every((c, i) => said(c) === said(b[i]!));
}
