import { scanBlocks } from './markdown/block-scanner.js';
import { findFrontMatter } from './markdown/front-matter.js';
import { PLACEHOLDER_MARKER } from './find-placeholders.js';

/** Why a fill was refused; a stable code for scripts, agents and the web UI. */
export type RefusalReason = 'unknown-id' | 'empty' | 'too-large' | 'placeholder' | 'front-matter' | 'heading' | 'unbalanced-fence' | 'structure';

/** A fill that was not made, and why. */
export interface FillRefusal {
  readonly id: string;
  readonly reason: RefusalReason;
  readonly message: string;
}

/** Default largest content of one fill: 64 KiB. */
export const DEFAULT_MAX_CONTENT_BYTES = 64 * 1024;

/**
 * The content rules of the fill contract, on the content alone: not empty,
 * under the size limit, no `AGENT_PLACEHOLDER`, no front matter block, code
 * fences closed, and no heading at or above the section's own level (deeper
 * headings are fine: they become subsections). `sectionLevel` 0 allows any
 * heading; for the part under the title, pass the level that would open a section.
 */
export function validateContent(id: string, content: string, sectionLevel: number, maxBytes = DEFAULT_MAX_CONTENT_BYTES): FillRefusal | null {
  const refuse = (reason: RefusalReason, message: string): FillRefusal => ({ id, reason, message });
  if (content.trim() === '') return refuse('empty', 'the content is empty: write what the placeholder asks for');
  const bytes = new TextEncoder().encode(content).length;
  if (bytes > maxBytes) return refuse('too-large', `the content is ${bytes} bytes, over the limit of ${maxBytes}`);
  if (content.includes(PLACEHOLDER_MARKER)) return refuse('placeholder', 'the content contains AGENT_PLACEHOLDER: fill the placeholder, do not add new ones');
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
