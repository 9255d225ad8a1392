// A spec read as its template's structure says. Under a template with no
// title, its sections starting at `#` (the Rust, Ember and React RFCs'
// `# Summary`, `# Motivation`), a spec's first `#` heading with a subsection
// of the author's under it (`# Summary` over `## Scope`) is what the parse
// takes for a title, though the template says it is the Summary chapter; so
// is a spec's `# Overview` over `## Background` where it writes a titled
// template's `##` sections a level up (another of its `#` headings a template
// section too).
import { buildSections } from './build-sections.js';
import { looseSlug } from './slug.js';
import { sectionAt } from './section-at.js';
import type { ParsedSpec } from './spec-types.js';
import type { TemplateModel } from './template-model.js';

/**
 * The spec with its title heading read as a section, where the template has
 * no title and names a section at level 1 as that heading does (or has one,
 * and the spec writes its sections a level up, that heading and another of
 * its level among them), and no other heading of the spec is that section;
 * else the spec as it is.
 * Placeholders keep their ids (`title` for one under that heading: the ids
 * are the parse's, the same in every command), and take the section they
 * are in now.
 */
export function asTemplateReads(spec: ParsedSpec, template: TemplateModel): ParsedSpec {
  const title = spec.title;
  if (title === null) return spec;
  const slug = looseSlug(title);
  const names = (t: TemplateModel['sections'][number], key: string): boolean => t.headingSlug === key || t.unmarkedHeadingSlug === key;
  const theirs = template.spec.title;
  if (theirs === null) {
    if (!template.sections.some((t) => t.level === 1 && t.parentId === null && names(t, slug))) return spec;
  } else {
    // (Or under a template with a title over `##` sections, a spec with none that writes them one level up, `# Overview`
    // over `## Background` of its own, then `# Goals`: another of its `#` headings is a template section too.)
    const top = (key: string): boolean => template.sections.some((t) => t.parentId === null && t.level === theirs.level + 1 && names(t, key));
    if (looseSlug(theirs) === slug || !top(slug) || !spec.sections.some((s) => s.heading.level === title.level && top(looseSlug(s.heading)))) return spec;
  }
  if (spec.headings.some((h) => h !== title && looseSlug(h) === slug)) return spec;
  const leading = spec.parts.filter((p) => p.kind === 'bom' || p.kind === 'front-matter');
  const tree = buildSections(spec.headings, spec.source.length, leading[leading.length - 1]?.span.end ?? 0, leading, true);
  const placed = <T extends { readonly span: { readonly start: number }; readonly sectionId: string | null }>(p: T): T => {
    const section = sectionAt(tree.sections, p.span.start);
    return { ...p, sectionId: section?.id ?? null, ...('section' in p ? { section: section?.path ?? [] } : {}) };
  };
  return { ...spec, title: null, sections: tree.sections, parts: tree.parts, placeholders: spec.placeholders.map(placed), malformed: spec.malformed.map(placed) };
}
