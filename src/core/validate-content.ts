import { scanBlocks } from './markdown/block-scanner.js';
import { findFrontMatter } from './markdown/front-matter.js';
import { PLACEHOLDER_MARKER } from './find-placeholders.js';
import { parseSpec } from './parse-spec.js';
import { suppressionComments } from './suppressions.js';

/** Why a fill was refused; a stable code for scripts, agents and the web UI. */
export type RefusalReason = 'unknown-id' | 'empty' | 'too-large' | 'placeholder' | 'suppression' | 'front-matter' | 'heading' | 'unbalanced-fence' | 'structure';

/** A fill that was not made, and why. */
export interface FillRefusal {
  readonly id: string;
  readonly reason: RefusalReason;
  readonly message: string;
}

/** The refusal of content that holds a suppression comment: one message for the content alone and for the content in place. */
export const SUPPRESSION_REFUSAL = 'the content holds a suppression comment (`<!-- specfill-disable -->`, `specfill-enable`): a fill may not switch rules of check off or on; leave it out (a suppression is written into a spec by hand)';

/** Default largest content of one fill: 64 KiB. */
export const DEFAULT_MAX_CONTENT_BYTES = 64 * 1024;

/**
 * The content rules of the fill contract, on the content alone: not empty,
 * under the size limit, no `AGENT_PLACEHOLDER`, no suppression comment
 * (`<!-- specfill-disable -->`), no front matter block, code
 * fences closed, and no heading at or above the section's own level (deeper
 * headings are fine: they become subsections). `sectionLevel` 0 allows any
 * heading; for the part under the title, pass the level that would open a section.
 */
export function validateContent(id: string, content: string, sectionLevel: number, maxBytes = DEFAULT_MAX_CONTENT_BYTES): FillRefusal | null {
  const refuse = (reason: RefusalReason, message: string): FillRefusal => ({ id, reason, message });
  const common = commonProblem(id, content, maxBytes);
  if (common !== null) return common;
  if (findFrontMatter(content.replace(/^\s*\n/, '')) !== null) return refuse('front-matter', 'the content starts with a front matter block (---); the spec has its own');
  const scan = scanBlocks(content);
  for (const block of scan.blocks) {
    if (block.kind === 'code' && block.variant === 'fenced' && block.closed !== true) {
      return refuse('unbalanced-fence', `the code fence opened on line ${block.line} of the content is never closed`);
    }
    if (block.kind === 'heading' && block.topLevel && block.level! <= sectionLevel) {
      return refuse('heading', `the content has a level-${block.level} heading on its line ${block.line}; inside this section use level ${sectionLevel + 1} or deeper`);
    }
  }
  return null;
}

/** Where a one-line answer goes, as its refusal names it. */
const LINE_HOLDERS = {
  'heading': 'a heading holds one line: write the heading\'s text on one line',
  'table-cell': 'a table cell holds one line: write the answer on one line (`<br>` breaks a line inside a cell)',
} as const;

/**
 * The content rules for a placeholder in a heading or a GFM table cell, whose
 * answer is that heading's or cell's inline text: the rules of every answer
 * (not empty, under the size limit, no `AGENT_PLACEHOLDER`, no suppression
 * comment), and one line, since a second line would leave the heading as a
 * paragraph or start a new row of the table. Block syntax such as `#` or a
 * fence is text there, and not refused.
 */
export function validateLineContent(id: string, content: string, holder: keyof typeof LINE_HOLDERS, maxBytes = DEFAULT_MAX_CONTENT_BYTES): FillRefusal | null {
  const common = commonProblem(id, content, maxBytes);
  if (common !== null) return common;
  if (/[\r\n]/.test(content)) return { id, reason: 'structure', message: LINE_HOLDERS[holder] };
  return null;
}

/**
 * Whether the first `AGENT_PLACEHOLDER` of an answer is shown as code: inside
 * a fenced block (an odd number of fence lines before it) or an inline code
 * span (an odd number of backticks before it on its line). Read once, linear.
 */
function markerInCode(content: string): boolean {
  const at = content.indexOf(PLACEHOLDER_MARKER);
  const before = content.slice(0, at);
  const fences = before.match(/^[ \t]{0,3}(?:```|~~~)/gm)?.length ?? 0;
  if (fences % 2 === 1) return true;
  const lineStart = before.lastIndexOf('\n') + 1;
  return (before.slice(lineStart).match(/`/g)?.length ?? 0) % 2 === 1;
}

/** The rules every answer meets, wherever it goes. */
function commonProblem(id: string, content: string, maxBytes: number): FillRefusal | null {
  const refuse = (reason: RefusalReason, message: string): FillRefusal => ({ id, reason, message });
  if (content.trim() === '') return refuse('empty', 'the content is empty: write what the placeholder asks for');
  const bytes = new TextEncoder().encode(content).length;
  if (bytes > maxBytes) return refuse('too-large', `the content is ${bytes} bytes, over the limit of ${maxBytes}`);
  // (In code too: the word is the marker every tool searches for, and an answer that holds it would read as unfilled to some.)
  if (content.includes(PLACEHOLDER_MARKER)) {
    return refuse('placeholder', markerInCode(content)
      ? 'the content contains AGENT_PLACEHOLDER, in code: an answer may not hold that word anywhere, even shown as code; write it another way (`AGENT_ PLACEHOLDER`) or leave it out'
      : 'the content contains AGENT_PLACEHOLDER: fill the placeholder, do not add new ones');
  }
  if (holdsSuppression(content)) return refuse('suppression', SUPPRESSION_REFUSAL);
  return null;
}

/**
 * Whether the content, read as Markdown by itself, holds a suppression
 * comment. Content is what a model or any filler writes, and a
 * `specfill-disable` in it would silence `check` for the rest of the spec: the
 * CI gate switched off by the text it gates. A directive shown in code or
 * inline code is text, as `check` reads it, and is not one.
 */
function holdsSuppression(content: string): boolean {
  // The parse is only paid for content that may hold one.
  if (!/specfill-/i.test(content)) return false;
  return suppressionComments(parseSpec(content)).length > 0;
}
