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

/**
 * The heading lines in a stretch of text, as `## Words`: at most three
 * spaces in (four make code), not in a fenced code block (`# install deps`
 * in a shell sample is a comment of the code's).
 */
export function headingLinesIn(text: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const marks = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marks !== undefined) {
      if (fence === null) fence = marks;
      else if (marks[0] === fence[0] && marks.length >= fence.length && line.trim() === marks) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^ {0,3}(#{1,6})[ \t]+(.*)$/.exec(line);
    if (h !== null) out.push(`${h[1]} ${headingWords(h[2]!)}`);
  }
  return out;
}
