import { idSegment, uniqueSlug } from './slug.js';
import { clipped, MAX_NAME } from './clip-text.js';
import type { Heading, Section, Span, SpecPart } from './spec-types.js';

interface SectionBuilder {
  id: string;
  slug: string;
  path: string[];
  heading: Heading;
  span: { start: number; end: number };
  bodySpan: { start: number; end: number };
  children: SectionBuilder[];
}

/** The section tree and the flat list of sections in document order. */
export interface SectionTree {
  readonly title: Heading | null;
  readonly sections: Section[];
  /** Every section, depth first, in document order. */
  readonly flat: Section[];
  readonly parts: SpecPart[];
}

/**
 * Builds the section tree from the top-level headings: each heading owns what
 * follows it up to the next heading of the same or a higher level. The
 * level-1 heading that opens a document, followed by deeper ones, is its
 * title, not a section, so that ids read `architecture/data-model` rather
 * than `technical-specification/...`.
 */
export function buildSections(headings: readonly Heading[], length: number, contentStart: number, leading: SpecPart[], untitled = false): SectionTree {
  const top = headings.filter((h) => h.topLevel);
  const first = top[0];
  // The first heading is the title when it is level 1 and the next one is
  // deeper: a spec's title with its sections, even if a `# Appendix` comes
  // later. Level-1 headings one after another are chapters, not a title.
  // (`untitled`: a template says the first is a chapter; see as-template-reads.ts.)
  const title = !untitled && first !== undefined && first.level === 1 && (top[1] === undefined || top[1].level > 1) ? first : null;

  const roots: SectionBuilder[] = [];
  const rootSlugs = new Map<string, number>();
  // The anchors used under each section, kept apart: a property deleted from
  // the sections afterwards would leave every one of them a slow object.
  const usedSlugs = new Map<SectionBuilder, Map<string, number>>();
  const flat: SectionBuilder[] = [];
  const stack: SectionBuilder[] = [];
  for (const heading of top) {
    if (heading === title) continue;
    while (stack.length > 0 && stack[stack.length - 1]!.heading.level >= heading.level) {
      stack.pop()!.span.end = heading.span.start;
    }
    const parent = stack[stack.length - 1];
    let used = rootSlugs;
    if (parent !== undefined) {
      used = usedSlugs.get(parent) ?? new Map<string, number>();
      usedSlugs.set(parent, used);
    }
    const slug = uniqueSlug(heading.slug === '' ? 'section' : idSegment(heading.slug), used);
    const section: SectionBuilder = {
      id: parent === undefined ? slug : `${parent.id}/${slug}`,
      slug,
      // Paths are read by people (findings, outlines): the text a reader sees, not the comments in it.
      // (Cut past MAX_NAME characters: a heading of megabytes is not copied whole into every finding and placeholder under it.)
      path: parent === undefined ? [clipped(heading.shown, MAX_NAME)] : [...parent.path, clipped(heading.shown, MAX_NAME)],
      heading,
      span: { start: heading.span.start, end: length },
      bodySpan: { start: heading.span.end, end: length },
      children: [],
    };
    if (parent === undefined) roots.push(section);
    else {
      if (parent.children.length === 0) parent.bodySpan.end = heading.span.start;
      parent.children.push(section);
    }
    flat.push(section);
    stack.push(section);
  }
  for (const section of stack) section.span.end = length;
  for (const section of flat) if (section.children.length === 0) section.bodySpan.end = section.span.end;

  const parts: SpecPart[] = [...leading];
  const push = (kind: SpecPart['kind'], span: Span): void => {
    if (span.end > span.start) parts.push({ kind, span });
  };
  push('text', { start: contentStart, end: top[0]?.span.start ?? length });
  top.forEach((heading, i) => {
    push('heading', heading.span);
    push('body', { start: heading.span.end, end: top[i + 1]?.span.start ?? length });
  });
  // (GitHub numbers repeated anchors `slug`, `slug-1`, `slug-2`; siblings do the same here.)
  return { title, sections: roots as unknown as Section[], flat: flat as unknown as Section[], parts };
}
