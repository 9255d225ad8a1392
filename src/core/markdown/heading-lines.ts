// Lines that would be ATX headings, found in text that is not parsed as
// Markdown: the inside of a comment or code block that lost its end, where a
// heading the author meant is hidden.
import { trimSpaceTab, withoutAtxClosing } from './block-patterns.js';

/** A line that would be an ATX heading (a block quote's `>` allowed before it): groups are the prefix, the `#`s, the rest. */
export const ATX_LINE = /^([ \t>]*)(#{1,6})[ \t]+(.*)$/gm;

/** The text of an ATX heading line after its `#`s, without its closing sequence. */
export function headingWords(rest: string): string {
  return trimSpaceTab(withoutAtxClosing(rest));
}

/** The heading lines in a stretch of text, as `## Words`. */
export function headingLinesIn(text: string): string[] {
  return [...text.matchAll(ATX_LINE)].map((h) => `${h[2]} ${headingWords(h[3]!)}`);
}
