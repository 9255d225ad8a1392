import type { ParsedSpec, Section } from './spec-types.js';

/** How far a section that carries guidance in the template has been written. */
export type SectionStateName = 'filled' | 'open' | 'empty' | 'missing';

/** The state of one guided template section in a spec. */
export interface SectionState {
  /** Section id (`title` for the part between the title and the first section). */
  readonly id: string;
  readonly state: SectionStateName;
}

/** Ids of the template sections that carry guidance (a placeholder), in template order. */
export function guidedSectionIds(template: ParsedSpec): string[] {
  const ids: string[] = [];
  for (const p of template.placeholders) {
    const id = p.sectionId ?? 'title';
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The state of each guided template section in `spec`: `open` while a
 * placeholder is still there, `missing` when its heading is gone, `empty` when
 * nothing but comments and whitespace is left, else `filled`.
 */
export function sectionStates(spec: ParsedSpec, template: ParsedSpec): SectionState[] {
  const byId = new Map<string, Section>();
  const visit = (s: Section): void => {
    byId.set(s.id, s);
    s.children.forEach(visit);
  };
  spec.sections.forEach(visit);
  const openIn = new Set(spec.placeholders.map((p) => p.sectionId ?? 'title'));
  for (const m of spec.malformed) openIn.add(m.sectionId ?? 'title');
  const preambleStart = spec.frontMatter?.span.end ?? (spec.format.bom ? 1 : 0);
  const preambleEnd = spec.sections[0]?.span.start ?? spec.source.length;
  return guidedSectionIds(template).map((id): SectionState => {
    if (openIn.has(id)) return { id, state: 'open' };
    let span: { start: number; end: number };
    if (id === 'title') {
      span = { start: spec.title?.span.end ?? preambleStart, end: preambleEnd };
    } else {
      const section = byId.get(id);
      if (section === undefined) return { id, state: 'missing' };
      span = section.bodySpan;
    }
    return { id, state: hasContent(spec, span.start, span.end) ? 'filled' : 'empty' };
  });
}

/** True when [start, end) holds a block other than an HTML comment. */
export function hasContent(spec: ParsedSpec, start: number, end: number): boolean {
  for (const block of spec.blocks) {
    if (block.start >= end) break;
    if (block.start < start) continue;
    if (block.kind === 'html' && block.htmlKind === 2) continue;
    if (block.kind === 'heading' && block.topLevel) continue;
    return true;
  }
  return false;
}
