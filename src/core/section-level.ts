import type { ParsedSpec } from './spec-types.js';

/** The heading level of the section a placeholder is in, or null for the part under the title (no section). */
export function sectionLevelOf(spec: ParsedSpec, sectionId: string | null): number | null {
  if (sectionId === null) return null;
  let sections = spec.sections;
  let level: number | null = null;
  for (const slug of sectionId.split('/')) {
    const s = sections.find((x) => x.slug === slug);
    if (s === undefined) break;
    level = s.heading.level;
    sections = s.children;
  }
  return level;
}
