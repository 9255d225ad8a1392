import type { Heading, Position, Section } from '../spec-types.js';
import type { FindingDraft } from './types.js';

/** The position of a heading, for findings about its section. */
export function headingPosition(heading: Heading): Position {
  return { line: heading.line, column: heading.column, endLine: heading.endLine, endColumn: heading.endColumn };
}

/** A finding about a section, placed on its heading. */
export function sectionFinding(section: Section, message: string): FindingDraft {
  return { ...headingPosition(section.heading), sectionId: section.id, section: section.path, message };
}

/** Quotes a heading or id for a message, shortening long ones. */
export function quote(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > max ? `${one.slice(0, max - 1)}…` : one}"`;
}
