// The section tree of a parsed document, read flat or upwards.
import type { Section } from './spec-types.js';

/** Every section of a tree, depth first, in document order. */
export function flattenSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const visit = (s: Section): void => {
    out.push(s);
    s.children.forEach(visit);
  };
  sections.forEach(visit);
  return out;
}

/** Each section's parent section (null at the top level). */
export function parentsOf(flat: readonly Section[]): Map<Section, Section | null> {
  const parents = new Map<Section, Section | null>();
  for (const s of flat) {
    if (!parents.has(s)) parents.set(s, null);
    for (const c of s.children) parents.set(c, s);
  }
  return parents;
}
