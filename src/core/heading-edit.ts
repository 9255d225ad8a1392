import type { Section } from './spec-types.js';

/**
 * A section's heading line(s) with new text, keeping the level marker (or the
 * setext underline) and the line ending: what replaces `section.heading.span`.
 */
export function renamedHeadingLines(section: Section, text: string, source: string): string {
  const lines = source.slice(section.heading.span.start, section.heading.span.end).split(/(?<=\n)/);
  const ending = /\r?\n$/.exec(lines[0]!)?.[0] ?? '';
  if (section.heading.kind === 'atx') {
    const prefix = /^ {0,3}#{1,6}[ \t]*/.exec(lines[0]!)?.[0] ?? `${'#'.repeat(section.heading.level)} `;
    return `${prefix}${text}${ending}`;
  }
  // Setext: the text lines become one, the underline stays.
  return `${text}${ending}${lines[lines.length - 1]}`;
}

/** The id of a section's parent (`''` at the top). */
export function parentSectionId(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash === -1 ? '' : id.slice(0, slash);
}
