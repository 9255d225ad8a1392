import { scanBlocks } from './markdown/block-scanner.js';

/** What the guard makes of a model's answer. */
export type GuardedAnswer =
  | { readonly ok: true; readonly content: string; readonly unwrapped: boolean }
  | { readonly ok: false; readonly reason: 'empty' | 'non-answer'; readonly message: string };

// Info strings of a fence that only says "this is Markdown": such a fence around the whole answer is wrapping, not content.
const MARKDOWN_INFO = /^(?:markdown|md|mdx|gfm)?$/i;

// What models write instead of an answer.
const NON_ANSWERS = new Set(['tbd', 'tba', 'todo', 'n/a', 'na', 'none', 'nothing', 'to be determined', 'to be decided', 'to do', 'placeholder', 'not applicable', 'i don\'t know', 'i do not know', 'unknown', '...', '…']);

/**
 * Removes one outer code fence, and only when it wraps the whole answer: the
 * answer is exactly one fenced block (as CommonMark reads it, so an inner
 * fence of the same kind cannot be mistaken for the closing one) whose info
 * string is empty or says Markdown. A `python` block as the whole answer is
 * content, and stays.
 */
export function unwrapOuterFence(answer: string): { text: string; unwrapped: boolean } {
  const text = answer.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\s+$/, '');
  const scan = scanBlocks(text);
  const only = scan.blocks[0];
  if (scan.blocks.length !== 1 || only === undefined || only.kind !== 'code' || only.variant !== 'fenced' || only.closed !== true) {
    return { text: answer, unwrapped: false };
  }
  if (only.start > 3 || only.end !== text.length) return { text: answer, unwrapped: false };
  const lines = text.split(/\r\n|\r|\n/);
  const info = lines[0]!.trim().replace(/^(`{3,}|~{3,})/, '').trim();
  if (!MARKDOWN_INFO.test(info)) return { text: answer, unwrapped: false };
  return { text: lines.slice(1, -1).join('\n'), unwrapped: true };
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
  const bare = trimmed.toLowerCase().replace(/^[*_`"'\s]+|[*_`"'.!\s]+$/g, '');
  if (NON_ANSWERS.has(bare) || NON_ANSWERS.has(trimmed.toLowerCase())) {
    return { ok: false, reason: 'non-answer', message: `"${trimmed.slice(0, 40)}" is not an answer: write the section's actual content` };
  }
  return { ok: true, content: text, unwrapped };
}
