import { blockText } from './block-text.js';
import { besideComments, blocksIn } from './section-prose.js';
import type { ParsedSpec, Span } from './spec-types.js';

/**
 * Whether a span is a table of contents: besides comments, only paragraphs
 * (list items') that are each one link to a place in the document
 * (`[Summary](#summary)`), two or more. A KEP keeps one under its title,
 * listing the sections it has: written for this document, so content, though
 * its entries are among the template's own.
 */
export function isTableOfContents(spec: ParsedSpec, span: Span): boolean {
  return anchorList(spec, span, true);
}

/** Whether a span holds a table of contents among other things. */
export function hasTableOfContents(spec: ParsedSpec, span: Span): boolean {
  return anchorList(spec, span, false);
}

/** Two or more paragraphs that are each one link to an anchor; `alone`: and nothing else but comments. */
function anchorList(spec: ParsedSpec, span: Span, alone: boolean): boolean {
  let links = 0;
  for (const block of blocksIn(spec, span)) {
    if (block.kind === 'paragraph' && ANCHOR_LINK.test(blockText(spec.source, block).text)) {
      if (++links >= 2 && !alone) return true;
    } else if (alone && !(block.kind === 'html' && block.htmlKind === 2 && besideComments(spec.source, block) === '')
      // (Nor the spec's title heading, in the part before the first section of a template with no title: a TEP's.)
      && !(block.kind === 'heading' && spec.title !== null && block.start >= spec.title.span.start && block.start < spec.title.span.end)) {
      return false;
    }
  }
  return links >= 2;
}

// One inline link to an anchor, alone: `[Summary](#summary)`; its text may hold brackets of its own (OpenEBS'
// `[User Stories [optional]](#user-stories-optional)`). (Its text's parts one of two classes each: no backtracking.)
const ANCHOR_LINK = /^\s*\[(?:[^[\]\n]|\[[^[\]\n]*\])*\]\(\s*#([^\s()]+)\s*\)\s*$/;

/** The anchors a table of contents' entries link to (see {@link isTableOfContents}), lower-cased, in order. */
export function contentsAnchors(spec: ParsedSpec, span: Span): string[] {
  const anchors: string[] = [];
  for (const block of blocksIn(spec, span)) {
    const m = block.kind === 'paragraph' ? ANCHOR_LINK.exec(blockText(spec.source, block).text) : null;
    if (m !== null) anchors.push(m[1]!.toLowerCase());
  }
  return anchors;
}
