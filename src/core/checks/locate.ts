import { lineIndexOf } from '../line-index.js';
import { withoutClosedComments } from '../markdown/inline-comments.js';
import { sectionAt } from '../section-at.js';
import type { Heading, ParsedSpec, Position, Section } from '../spec-types.js';
import type { FindingDraft } from './types.js';
import { headOf } from '../clip-text.js';

/** The position of a heading, for findings about its section. */
export function headingPosition(heading: Heading): Position {
  return { line: heading.line, column: heading.column, endLine: heading.endLine, endColumn: heading.endColumn };
}

/** A finding about a section, placed on its heading. */
export function sectionFinding(section: Section, message: string): FindingDraft {
  const h = section.heading;
  // Field by field, not a spread of headingPosition's object: thousands per run.
  return { line: h.line, column: h.column, endLine: h.endLine, endColumn: h.endColumn, sectionId: section.id, section: section.path, message };
}

/**
 * Quotes a heading or id for a message, shortening long ones. A heading of
 * nothing but comments (MADR's `### <!-- title of option -->`) is quoted as
 * written, as its `shown` text and a finding's `section` give it: `""` names nothing.
 */
export function quote(text: string, max = 80): string {
  // A heading's comments (`<!-- omit from toc -->`) are not what a reader sees of it.
  const shown = withoutClosedComments(text).replace(/\s+/g, ' ').trim();
  const one = shown === '' ? text.replace(/\s+/g, ' ').trim() : shown;
  return `"${one.length > max ? `${headOf(one, max - 1)}…` : one}"`;
}

/**
 * A template section's heading as a reader sees it ({@link Heading.shown}, the
 * last of its path): `…` for an `AGENT_PLACEHOLDER`, not the comment.
 */
export function templateShown(t: { readonly text: string; readonly path: readonly string[] }): string {
  return t.path[t.path.length - 1] ?? t.text;
}

/**
 * The `sectionId` and `section` of a finding in the section with this id, or
 * in the part under the title (`title`, no headings) for null: every finding
 * names where it is the same way.
 */
export function sectionFields(spec: ParsedSpec, sectionId: string | null): { sectionId: string; section: readonly string[] } {
  if (sectionId === null || sectionId === 'title') return { sectionId: 'title', section: [] };
  return { sectionId, section: sectionsById(spec).get(sectionId)?.path ?? [] };
}

/**
 * The `sectionId` and `section` of a place in the document: the innermost
 * section holding it, or the part under the title (`title`); null inside the
 * front matter, which is no section's.
 */
export function sectionFieldsAt(spec: ParsedSpec, line: number, column: number): { sectionId: string; section: readonly string[] } | null {
  const offset = lineIndexOf(spec).offsetOf(line, column);
  if (spec.frontMatter !== null && offset < spec.frontMatter.span.end) return null;
  const found = sectionAt(spec.sections, offset);
  return found === null ? { sectionId: 'title', section: [] } : { sectionId: found.id, section: found.path };
}

const byId = new WeakMap<ParsedSpec, Map<string, Section>>();

/** A spec's sections by id, made once per spec: thousands of findings may each name one. */
export function sectionsById(spec: ParsedSpec): Map<string, Section> {
  let map = byId.get(spec);
  if (map === undefined) {
    map = new Map();
    const visit = (sections: readonly Section[]): void => {
      for (const s of sections) {
        if (!map!.has(s.id)) map!.set(s.id, s);
        visit(s.children);
      }
    };
    visit(spec.sections);
    byId.set(spec, map);
  }
  return map;
}
