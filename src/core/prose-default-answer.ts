// A template's sample answer under guidance in visible prose that says it may
// stay: "Describe any incompatibilities. The current placeholder is acceptable
// for a draft." over "No backward compatibility issues found." A spec that
// keeps the sample has written the section (in a draft, where that is said),
// as it has where the same sentence is a comment (see sampleMayStay).
import { sampleMayStay } from './may-stay-empty.js';
import { blocksIn, sectionProse } from './section-prose.js';
import type { ParsedSpec, Span } from './spec-types.js';

/**
 * The prose after the paragraph of a span's guidance that says the sample
 * may stay, the sample answer, with whether only in a draft; null when no
 * paragraph says so, or nothing follows it.
 */
export function proseDefaultAnswer(spec: ParsedSpec, span: Span): { readonly prose: string; readonly whileDraft: boolean } | null {
  const blocks = blocksIn(spec, span);
  for (let k = 0; k < blocks.length - 1; k++) {
    const block = blocks[k]!;
    if (block.kind !== 'paragraph') continue;
    const says = sampleMayStay(spec.source.slice(block.start, block.end));
    if (says === null) continue;
    const prose = sectionProse(spec, { start: blocks[k + 1]!.start, end: span.end });
    return prose === '' ? null : { prose, whileDraft: says === 'draft' };
  }
  return null;
}
