import { bareSlug, looseSlug } from './slug.js';
import type { ParsedSpec, Section } from './spec-types.js';
import { unmarkedSlug, type TemplateModel } from './template-model.js';

/** How the sections of a spec line up with those of its template. */
export interface SectionMatching {
  /** Template section id → the spec section written for it. Missing sections are absent. */
  readonly byTemplateId: ReadonlyMap<string, Section>;
  /** Spec sections that match no template section, in document order (depth first). */
  readonly unmatched: ReadonlySet<Section>;
  /** Every spec section, depth first, in document order. */
  readonly flat: readonly Section[];
}

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

/**
 * Matches spec sections to template sections: by id (the slug path) first,
 * then, for what is left, by heading slug when exactly one candidate remains,
 * so that a section moved to another level or parent is still recognised
 * (and reported as such) rather than counted missing; a template heading
 * marked "(Optional)" also matches the heading without the mark.
 */
export function matchSections(spec: ParsedSpec, model: TemplateModel): SectionMatching {
  const flat = flattenSections(spec.sections);
  const byId = new Map(flat.map((s) => [s.id, s]));
  const byTemplateId = new Map<string, Section>();
  const used = new Set<Section>();
  for (const t of model.sections) {
    if (t.id === 'title') continue;
    const s = byId.get(t.id);
    if (s !== undefined) {
      byTemplateId.set(t.id, s);
      used.add(s);
    }
  }
  // "Notes (Optional)" in the template is the spec's "Notes" in the same
  // place: the mark is the template's, not the heading's. Matched by path
  // before any heading is looked for elsewhere in the document.
  for (const t of model.sections) {
    if (t.unmarkedId === null || byTemplateId.has(t.id)) continue;
    const s = byId.get(t.unmarkedId);
    if (s !== undefined && !used.has(s)) {
      byTemplateId.set(t.id, s);
      used.add(s);
    }
  }
  // Unmatched spec sections by their heading's own slug (a repeated sibling's
  // `-1` aside, but a number in the heading kept), for the fallback.
  const bySlug = new Map<string, Section[]>();
  const add = (key: string, s: Section): void => {
    const list = bySlug.get(key);
    if (list === undefined) bySlug.set(key, [s]);
    else list.push(s);
  };
  for (const s of flat) {
    if (used.has(s)) continue;
    const key = looseSlug(s.heading);
    add(key, s);
    // A spec's own optional mark ("Drawbacks [optional]") is not part of the name.
    const unmarked = unmarkedSlug(s.heading.text);
    if (unmarked !== null && unmarked !== key) add(unmarked, s);
    // Nor is a number or an emoji before it ("1. Overview", "2.1 Goals", "🚀 Rollout").
    const bare = bareSlug(s.heading.text);
    if (bare !== null && bare !== key && bare !== unmarked) add(bare, s);
  }
  for (const t of model.sections) {
    if (t.id === 'title' || byTemplateId.has(t.id) || t.fallbackSlug === null) continue;
    let candidates = (bySlug.get(t.fallbackSlug) ?? []).filter((s) => !used.has(s));
    if (candidates.length === 0 && t.unmarkedHeadingSlug !== null) candidates = (bySlug.get(t.unmarkedHeadingSlug) ?? []).filter((s) => !used.has(s));
    // A template that numbers its headings, a spec that does not.
    if (candidates.length === 0 && t.bareSlug !== null) candidates = (bySlug.get(t.bareSlug) ?? []).filter((s) => !used.has(s));
    if (candidates.length === 1) {
      byTemplateId.set(t.id, candidates[0]!);
      used.add(candidates[0]!);
    }
  }
  return { byTemplateId, unmatched: new Set(flat.filter((s) => !used.has(s))), flat };
}
