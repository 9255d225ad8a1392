import { parentSectionId } from './heading-edit.js';
import type { SectionMatching } from './match-sections.js';
import { bareSlug } from './slug.js';
import type { Section } from './spec-types.js';
import { unmarkedSlug } from './optional-sections.js';
import type { TemplateModel } from './template-model.js';

/**
 * The spec section that a template section declared renamed (`renamed:
 * {old-id: new-id}`) still is under its old heading, if one section alone is:
 * by its old id, or by its old heading written another way (`## 2. Risks`, an
 * emoji, its optional mark left out, a level down) under the same parent —
 * never an author's own section elsewhere. `taken` are sections already
 * spoken for. What `missing-section` names and `sync` renames.
 */
export function sectionUnderOldName(matching: SectionMatching, template: TemplateModel, target: string, taken: ReadonlySet<Section> = new Set()): Section | undefined {
  const olds = template.renamedFrom.get(target);
  if (olds === undefined) return undefined;
  const free = [...matching.unmatched].filter((s) => !taken.has(s));
  const exact = free.filter((s) => olds.includes(s.id));
  if (exact.length > 0) return exact.length === 1 ? exact[0] : undefined;
  const parents = new Map<Section, Section>();
  for (const s of matching.flat) for (const c of s.children) parents.set(c, s);
  const parentId = parentSectionId(target);
  // Under a parent that is renamed too, the parent still under its old name.
  const expectedParent = parentId === '' ? undefined : matching.byTemplateId.get(parentId) ?? sectionUnderOldName(matching, template, parentId);
  const parentOk = (s: Section): boolean => {
    const parent = parents.get(s);
    // At the top, or one level down under a top section of the template; never under one of the author's own.
    if (parentId === '') return parent === undefined || (!matching.unmatched.has(parent) && parents.get(parent) === undefined);
    return parent !== undefined && parent === expectedParent;
  };
  const words = olds.map((old) => old.slice(old.lastIndexOf('/') + 1));
  const found = free.filter((s) => parentOk(s) && [s.heading.slug, bareSlug(s.heading.text), unmarkedSlug(s.heading.text)].some((slug) => slug !== null && words.includes(slug)));
  return found.length === 1 ? found[0] : undefined;
}
