import { blockText } from './block-text.js';
import { countAtMost } from './sorted-search.js';
import { lineIndexOf } from './line-index.js';
import { findInlineComments } from './markdown/inline-comments.js';
import type { Block, ParsedSpec } from './spec-types.js';

/** The directives a suppression comment may give. */
export const SUPPRESSION_DIRECTIVES = ['disable', 'enable', 'disable-next-line'] as const;

/** A rule id as written in a suppression comment, and where. */
export interface SuppressionRuleName {
  readonly id: string;
  /** Offset of the name in the document. */
  readonly offset: number;
}

/**
 * One `<!-- specfill-disable… -->` or `<!-- specfill-enable… -->` comment
 * outside code. `directive` is null when the word after `specfill-` is not one
 * of {@link SUPPRESSION_DIRECTIVES} (`specfill-disable-line`, a typo): such a
 * comment silences nothing.
 */
export interface SuppressionComment {
  readonly directive: (typeof SUPPRESSION_DIRECTIVES)[number] | null;
  /** The word after `specfill-`, as written. */
  readonly word: string;
  /** Offset of `specfill-` in the document. */
  readonly offset: number;
  /** The rules named (empty means every rule), before any `-- reason`. */
  readonly rules: readonly SuppressionRuleName[];
  readonly line: number;
  readonly endLine: number;
}

// `specfill-disable…`/`specfill-enable…`, then what follows up to `-->`. Other
// specfill comments (`specfill-index:start`) are not suppressions.
// Case aside, so that `SPECFILL-DISABLE` is caught as a directive that is not one.
// The start of one; its `-->` is found by a plain search (a lazy pattern to
// `-->` would scan to the end from each of thousands left unclosed).
const COMMENT_START = /<!--\s*(specfill-((?:disable|enable)[\w-]*))/gi;
const NAME = /[^\s,]+/g;
// ` -- why`: a reason, as ESLint takes one; not rule names.
const REASON = /(?:^|\s)--(?:\s|$)/;

const comments = new WeakMap<ParsedSpec, SuppressionComment[]>();

/**
 * The suppression comments of a document, in order (read once per document:
 * the runner and the `bad-suppression` rule both ask). Comments inside code,
 * or inside an HTML block of code (`<pre>`, `<script>`) or of declarations, do not count.
 */
export function suppressionComments(spec: ParsedSpec): readonly SuppressionComment[] {
  let found = comments.get(spec);
  if (found !== undefined) return found;
  found = [];
  comments.set(spec, found);
  const source = spec.source;
  if (!mayHoldDirective(source)) return found;
  const start = new RegExp(COMMENT_START.source, COMMENT_START.flags);
  for (let s = start.exec(source); s !== null; s = start.exec(source)) {
    const close = source.indexOf('-->', start.lastIndex);
    // Nothing closes this one, nor any later one.
    if (close === -1) break;
    const commentStart = s.index;
    const comment = source.slice(commentStart, close + 3);
    start.lastIndex = close + 3;
    const block = blockAt(spec, commentStart);
    // (In a block of tags, `<details>` … `</details>`, kinds 6 and 7, a comment is one too: the text beside it shows, and is checked.)
    if (block === undefined || commentStart >= block.end || !(block.kind === 'paragraph' || (block.kind === 'html' && (block.htmlKind === 2 || (block.htmlKind ?? 0) >= 6)))) continue;
    if (block.kind === 'paragraph' && !isInlineComment(spec, block, commentStart)) continue;
    const written = s[1]!;
    const word = s[2]!;
    // Directives are lower case, as the rule ids are.
    const directive = written.startsWith('specfill-') && (SUPPRESSION_DIRECTIVES as readonly string[]).includes(word) ? (word as SuppressionComment['directive']) : null;
    const at = commentStart + comment.indexOf(written);
    const namesStart = at + written.length;
    let names = source.slice(namesStart, close);
    const reason = REASON.exec(names);
    if (reason !== null) names = names.slice(0, reason.index);
    const rules: SuppressionRuleName[] = [];
    for (const n of names.matchAll(NAME)) rules.push({ id: n[0], offset: namesStart + n.index });
    const { line } = lineIndexOf(spec).locate(commentStart);
    found.push({ directive, word, offset: at, rules, line, endLine: line + (comment.match(/\r\n|\r|\n/g)?.length ?? 0) });
  }
  return found;
}

/**
 * Reads the inline suppression comments of a document
 * (`<!-- specfill-disable RULE -->`, `<!-- specfill-enable RULE -->`,
 * `<!-- specfill-disable-next-line RULE -->`; several rules separated by
 * spaces or commas, none meaning all, an optional `-- reason` after them) and
 * returns whether a finding of a rule on a line is suppressed.
 */
export function readSuppressions(spec: ParsedSpec): (rule: string, line: number) => boolean {
  const directives = suppressionComments(spec).filter((c) => c.directive !== null);
  if (directives.length === 0) return () => false;
  // Looked up, not scanned: a document may hold thousands of these comments
  // and thousands of findings. '' stands for "every rule".
  const nextLine = new Map<number, Set<string>>();
  const switches = new Map<string, Array<{ line: number; order: number; disable: boolean }>>();
  directives.forEach((d, order) => {
    const ids = d.rules.length === 0 ? [''] : d.rules.map((r) => r.id);
    for (const id of ids) {
      if (d.directive === 'disable-next-line') {
        let rules = nextLine.get(d.endLine + 1);
        if (rules === undefined) nextLine.set(d.endLine + 1, (rules = new Set()));
        rules.add(id);
      } else {
        let list = switches.get(id);
        if (list === undefined) switches.set(id, (list = []));
        list.push({ line: d.line, order, disable: d.directive === 'disable' });
      }
    }
  });
  // The last switch at or before a line (switches are in document order, so by line).
  const lastSwitch = (id: string, line: number): { order: number; disable: boolean } | undefined => {
    const list = switches.get(id);
    return list === undefined ? undefined : list[countAtMost(list, (s) => s.line, line) - 1];
  };
  return (rule, line) => {
    const next = nextLine.get(line);
    if (next !== undefined && (next.has(rule) || next.has(''))) return true;
    const own = lastSwitch(rule, line);
    const all = lastSwitch('', line);
    const last = own === undefined ? all : all === undefined || own.order > all.order ? own : all;
    return last?.disable ?? false;
  };
}

/**
 * Whether a comment in the text may start with `specfill-` in any case: each
 * `<!--` is looked at (a plain search), not every character as a
 * case-insensitive pattern would (KEP-sized documents hold hundreds of
 * comments and rarely a directive).
 */
function mayHoldDirective(source: string): boolean {
  for (let at = source.indexOf('<!--'); at !== -1; at = source.indexOf('<!--', at + 4)) {
    let i = at + 4;
    while (i < source.length && WHITESPACE.test(source[i]!)) i++;
    if (source.slice(i, i + 9).toLowerCase() === 'specfill-') return true;
  }
  return false;
}

const WHITESPACE = /\s/;

/** The last block that starts at or before `offset` (blocks are in document order). */
function blockAt(spec: ParsedSpec, offset: number): Block | undefined {
  return spec.blocks[countAtMost(spec.blocks, (b) => b.start, offset) - 1];
}

/** Whether the comment at `offset` is HTML in a paragraph, not text inside a code span. */
function isInlineComment(spec: ParsedSpec, block: Block, offset: number): boolean {
  const { text, toSource } = blockText(spec.source, block);
  return findInlineComments(text).some(([from]) => toSource(from) === offset);
}
