// Template sections whose headings stand in for the names a spec gives
// (MADR's `### {title of option 1}`, spec-kit's `### User Story 1 - [Brief
// Title]`, Loki's `### Proposal 1: Title`): matched after the headings that
// match by name, one pass of matchSections.
import { normalizedSentence } from './guidance-sentences.js';
import { memoized } from './memo-by.js';
import { parentsOf } from './section-tree.js';
import { looseSlug } from './slug.js';
import type { ParsedSpec, Section } from './spec-types.js';
import { fitsStandIn } from './stand-in-headings.js';
import type { TemplateModel, TemplateSection } from './template-model.js';

/**
 * Template sections whose heading stands in for a name (`### {title of
 * option 1}`, `### <!-- AGENT_PLACEHOLDER: name it -->`) still unmatched, in
 * template order: each takes the first spec section not yet matched at its
 * level, under the spec section its parent is (or at the top), between the
 * spec sections of the template siblings around it; its subsections are then
 * matched below that section by their headings. So several stand-ins (MADR's
 * option 1, option 2) take the spec's sections in order.
 */
export function matchStandIns(spec: ParsedSpec, model: TemplateModel, flat: readonly Section[], byTemplateId: Map<string, Section>, used: Set<Section>): void {
  const sections = model.sections;
  const take = (t: TemplateSection, s: Section): void => {
    byTemplateId.set(t.id, s);
    used.add(s);
  };
  // The spec section holding a template section's siblings, when all of those found hold one.
  let parents: Map<Section, Section | null> | undefined;
  const holderOfSiblings = (t: TemplateSection): Section | undefined => {
    let holder: Section | undefined;
    for (const c of sections) {
      const s = c.parentId === t.parentId && c !== t ? byTemplateId.get(c.id) : undefined;
      if (s === undefined) continue;
      const p = (parents ??= parentsOf(flat)).get(s);
      // (Not one that is another template section's: the siblings moved there.)
      if (p == null || used.has(p) || (holder !== undefined && holder !== p)) return undefined;
      holder = p;
    }
    return holder;
  };
  // Each heading's words normalised once: many stand-ins may ask of the same headings.
  const wordsOf = memoized((s: Section): string => normalizedSentence(s.heading.text));
  const holderOfFit = (t: TemplateSection): Section | undefined => {
    const level = sections.find((x) => x.id === t.parentId)?.level;
    if (level === undefined || t.standIn === null || (t.standIn.prefix === '' && t.standIn.suffix === '')) return undefined;
    let found: Section | undefined;
    for (const s of flat) {
      if (used.has(s) || s.heading.level !== level || !s.children.some((c) => !used.has(c) && fitsStandIn(() => wordsOf(c), t.standIn!))) continue;
      if (found !== undefined) return undefined;
      found = s;
    }
    return found;
  };
  for (let i = 0; i < sections.length; i++) {
    const t = sections[i]!;
    if (!t.standIn || byTemplateId.has(t.id)) continue;
    // (Its parent renamed, `## User Scenarios and Tests`: the spec section that holds its template siblings found by heading, `### Edge Cases`.)
    // (Or, with no sibling found, the one heading of the author's at its parent's level that holds a subsection fitting it:
    // Prometheus' `## Alternatives and Extensions` over `### Alternative: Change docker image`; blind QA.)
    const parent = t.parentId === null ? null : byTemplateId.get(t.parentId) ?? holderOfSiblings(t) ?? holderOfFit(t);
    if (parent === undefined) continue;
    const siblings = parent === null ? spec.sections : parent.children;
    let after = -1;
    for (let j = i - 1; j >= 0; j--) {
      const s = sections[j]!.parentId === t.parentId ? byTemplateId.get(sections[j]!.id) : undefined;
      if (s !== undefined) {
        after = s.span.start;
        break;
      }
    }
    let before = Infinity;
    for (let j = i + 1; j < sections.length; j++) {
      const s = sections[j]!.parentId === t.parentId ? byTemplateId.get(sections[j]!.id) : undefined;
      if (s !== undefined) {
        before = s.span.start;
        break;
      }
    }
    const stand = t.standIn!;
    // (At its level, or as far below the spec's parent as the template has it below its own: a spec written a level down
    // under its own title, NVIDIA Dynamo's `### Alt 1 Single Type` under `## Alternate Solutions` for `Alt <#> <Title>`.)
    const parentLevel = t.parentId === null ? undefined : sections.find((x) => x.id === t.parentId)?.level;
    const level = parent !== null && parentLevel !== undefined ? parent.heading.level + (t.level - parentLevel) : t.level;
    const fits = (s: Section): boolean => !used.has(s) && (s.heading.level === t.level || s.heading.level === level) && fitsStandIn(() => wordsOf(s), stand);
    // In its place first; else elsewhere under that parent, a sibling moved past it (`### Edge Cases` written above the
    // user stories): the stand-in is there, out of order, which section-order says (blind QA: it was "missing", an error).
    // (Elsewhere only for one with words of its own, `User Story 1 - [Brief Title]`: a stand-in that is all slot fits any
    // heading, and would take an author's section placed after it for the one missing: review.)
    const found = siblings.find((s) => s.span.start > after && s.span.start < before && fits(s))
      ?? (stand.prefix !== '' || stand.suffix !== '' ? siblings.find(fits) : undefined);
    if (found === undefined) continue;
    take(t, found);
    // Its subsections keep their names: found below it by heading.
    const below = (tp: TemplateSection, sp: Section): void => {
      for (const c of sections) {
        if (c.parentId !== tp.id || byTemplateId.has(c.id) || c.standIn) continue;
        const s = sp.children.find((x) => !used.has(x) && (x.heading.slug === c.headingSlug || looseSlug(x.heading) === c.headingSlug));
        if (s === undefined) continue;
        take(c, s);
        below(c, s);
      }
    };
    below(t, found);
  }
}
