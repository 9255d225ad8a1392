import { withoutAtxClosing } from './markdown/block-patterns.js';
import { parseSpec } from './parse-spec.js';
import type { Heading, Section } from './spec-types.js';

/**
 * A section's heading line(s) with new text, keeping the level marker (or the
 * setext underline) and the line ending: what replaces `section.heading.span`.
 */
export function renamedHeadingLines(section: Section, text: string, source: string): string {
  // Lines end at `\n`, `\r\n` or a lone `\r`, as everywhere in specfill.
  const lines = source.slice(section.heading.span.start, section.heading.span.end).split(/(?<=\r\n|\n|\r(?!\n))/);
  const ending = /(?:\r\n|\n|\r)$/.exec(lines[0]!)?.[0] ?? '';
  if (section.heading.kind === 'atx') {
    const prefix = /^ {0,3}#{1,6}[ \t]*/.exec(lines[0]!)?.[0] ?? `${'#'.repeat(section.heading.level)} `;
    return `${prefix}${text}${ending}`;
  }
  // Setext: the text lines become one, the underline stays, unless the new text
  // would open another block on a line of its own (`2. Hazards` is a list item):
  // then it is written as an ATX heading of the same level.
  if (/^(?:\d{1,9}[.)](?:[ \t]|$)|[-+*>](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|[ \t]|`{3}|~{3}|<|$)/.test(text)) return `${'#'.repeat(section.heading.level)} ${text}${ending}`;
  return `${text}${ending}${lines[lines.length - 1]}`;
}

/** The id of a section's parent (`''` at the top). */
export function parentSectionId(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash === -1 ? '' : id.slice(0, slash);
}

/**
 * A heading's inline Markdown as written, on one line (`Ticket \\#`,
 * ``Use `<br>` tags``): what a copy of the heading must write to say the
 * same. Its plain `text` would not (`#` ends up a closing sequence, `<br>`
 * raw HTML).
 */
export function headingMarkdown(heading: Heading, source: string): string {
  const lines = source.slice(heading.span.start, heading.span.end).replace(/\r?\n$|\r$/, '').split(/\r?\n|\r/);
  // Setext: the text lines, without the underline, joined.
  const written = heading.kind === 'atx'
    ? withoutAtxClosing(lines[0]!.replace(/^ {0,3}#{1,6}(?:[ \t]+|$)/, '')).trim()
    : lines.slice(0, -1).map((l) => l.trim()).join(' ');
  // Kept only when, on one ATX line, it still says the heading's text (a setext
  // heading's hard line break does not survive the join); else its plain text.
  const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
  if (oneLine(parseSpec(`# ${written}\n`).headings[0]?.text ?? '') === oneLine(heading.text)) return written;
  // Else its plain text, every ASCII punctuation mark escaped (`Foo \\#`): literal whatever it is.
  return oneLine(heading.text).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
