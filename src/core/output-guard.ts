import { headOf } from './clip-text.js';
import { scanBlocks } from './markdown/block-scanner.js';
import { isSpace, trimEndWhile } from './trim-end.js';

/** What the guard makes of a model's answer. */
export type GuardedAnswer =
  | { readonly ok: true; readonly content: string; readonly unwrapped: boolean }
  | { readonly ok: false; readonly reason: 'empty' | 'non-answer'; readonly message: string };

// Info strings of a fence that only says "this is Markdown": such a fence around the whole answer is wrapping, not content.
const MARKDOWN_INFO = /^(?:markdown|md|mdx|gfm)?$/i;

// What models write instead of an answer.
const NON_ANSWERS = new Set(['tbd', 'tba', 'todo', 'n/a', 'na', 'none', 'nothing', 'to be determined', 'to be decided', 'to do', 'placeholder', 'not applicable', 'i don\'t know', 'i do not know', 'unknown', '...', '…']);
/** An emphasis or code mark or a quote, as a non-answer may be wrapped in (`**TBD**`, `"N/A"`). */
const isQuoteOrMark = (c: number): boolean => c === 0x2a || c === 0x5f || c === 0x60 || c === 0x22 || c === 0x27;

/**
 * Removes one outer code fence, and only when it wraps the whole answer, line
 * by line (never a character trim): the first line opens a fence whose info
 * string is empty or says Markdown, the last line closes it, and either
 * CommonMark reads the whole answer as that one block, or what lies between
 * is balanced Markdown by itself (a model's inner ```js block inside its
 * ```markdown wrapper). A `python` block as the whole answer is content, and
 * stays.
 */
export function unwrapOuterFence(answer: string): { text: string; unwrapped: boolean } {
  // (`trimEnd`, not `/\s+$/`, which is tried again from each space of a long run inside the answer.)
  const text = answer.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  const lines = text.split(/\r\n|\r|\n/);
  const open = /^(`{3,}|~{3,})[ \t]*([^`\s]*)[ \t]*$/.exec(lines[0] ?? '');
  if (open === null || lines.length < 2 || !MARKDOWN_INFO.test(open[2]!)) return { text: answer, unwrapped: false };
  const fence = open[1]!;
  const inner = lines.slice(1, -1).join('\n');
  const scan = scanBlocks(text);
  const only = scan.blocks[0];
  // The whole answer is one fenced block, as CommonMark reads it.
  if (scan.blocks.length === 1 && only !== undefined && only.kind === 'code' && only.variant === 'fenced' && only.closed === true && only.end === text.length) {
    return { text: inner, unwrapped: true };
  }
  // Models often wrap an answer that has code blocks of its own in a fence of the same length:
  // the last line closes the first, and what is between must be balanced Markdown on its own.
  const last = lines[lines.length - 1]!;
  const closes = new RegExp(`^${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(last);
  if (closes && scanBlocks(inner).blocks.every((b) => !(b.kind === 'code' && b.variant === 'fenced' && b.closed !== true))) {
    return { text: inner, unwrapped: true };
  }
  return { text: answer, unwrapped: false };
}

/**
 * The output guard an LLM's answer passes before the fill contract: one
 * wrapping fence removed, then empty answers and placeholder-like non-answers
 * ("TBD", "N/A", "...") refused, so that they are retried rather than written.
 */
export function guardAnswer(answer: string): GuardedAnswer {
  const { text, unwrapped } = unwrapOuterFence(answer);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty', message: 'the answer is empty' };
  // (Marks cut from the end by hand: `/[*_`"'.!\s]+$/` was tried again from each character of a long run inside.)
  const lower = trimmed.toLowerCase();
  const bare = trimEndWhile(lower.replace(/^[*_`"'\s]+/, ''), (c) => c === 0x2e || c === 0x21 || isQuoteOrMark(c) || isSpace(c));
  if (NON_ANSWERS.has(bare) || NON_ANSWERS.has(lower)) {
    return { ok: false, reason: 'non-answer', message: `"${headOf(trimmed, 40)}" is not an answer: write the section's actual content` };
  }
  return { ok: true, content: text, unwrapped };
}
