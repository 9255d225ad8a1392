// A template file that is a page about a template, the template itself
// shown inside a fenced code block (dotnet/designs' `meta/template.md`: "#
// Proposal Template", "## Examples", "## Template with Instructions", then
// the template in a ```` ```Markdown ```` fence). specfill reads the fence as
// code, so the sections a spec is asked for are the page's, not the fenced
// template's: every spec then lacks "Examples". Found here so that
// missing-section can say why, and what to map the specs to instead.
import { codeOf } from './block-samples.js';
import { headingLinesIn } from './markdown/heading-lines.js';
import type { ParsedSpec } from './spec-types.js';

/** Fewer headings than this in a fence are a sample of a heading or two, not a template. */
const MIN_HEADINGS = 3;

/**
 * The line of the first closed fenced code block of a template that holds a
 * Markdown template of its own: three headings or more (outside code blocks
 * nested in it), more than the template's own sections (`ownSections`, its
 * title aside). Null when there is none. A block of a heading or two, or one
 * shorter than the page around it, is a sample the guidance shows.
 */
export function templateInFence(spec: ParsedSpec, ownSections: number): number | null {
  for (const block of spec.blocks) {
    if (block.kind !== 'code' || block.variant !== 'fenced' || block.closed !== true) continue;
    if (spec.source.slice(block.start, block.end).indexOf('#') === -1) continue;
    const headings = headingLinesIn(codeOf(spec.source, block)).length;
    if (headings >= MIN_HEADINGS && headings > ownSections) return block.line;
  }
  return null;
}
