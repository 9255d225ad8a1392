import type { SectionMatching } from '../match-sections.js';
import type { Section } from '../spec-types.js';
import type { TemplateSection } from '../template-model.js';
import { quote, sectionFinding, templateShown } from './locate.js';
import { titleShift } from './title-shift.js';
import type { CheckRule, FindingDraft } from './types.js';

/**
 * A template section present at another heading depth than in the template.
 * One exception: where the template itself skips levels (KEP's `######`
 * questions right under a `###`), a heading at a level in the gap (`####`,
 * `#####`), under the same parent, keeping its own subsections and taking in
 * none of the template's others, is the same structure, and is left alone. Where the template skips nothing, any
 * other level is reported (`####` for a `###` under a `##`).
 */
export const headingLevel: CheckRule = {
  id: 'heading-level',
  defaultSeverity: 'warning',
  description: 'A template section has a different heading level than in the template.',
  check: ({ spec, template, matching }) => {
    if (template === null || matching === null) return [];
    const findings: FindingDraft[] = [];
    const shift = titleShift(spec, template, matching);
    // Made on the first heading at another level (most specs have none): each a lookup, not a scan.
    let parents: Map<Section, Section> | null = null;
    let byId: Map<string, TemplateSection> | null = null;
    let childrenOf: Map<string, TemplateSection[]> | null = null;
    // Sections reported, by template id: the finding that says it (the one of its reported ancestor, when it moved
    // with it), how far off its level is, and how many subsections moved with it.
    const reported = new Map<string, { at: number; off: number; count: number }>();
    let levelOf: Map<Section, number> | undefined;
    for (const t of template.sections) {
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined || section.heading.level === t.level + shift) continue;
      if (t.parentId !== null && t.parentId !== 'title') {
        if (parents === null || byId === null || childrenOf === null) {
          parents = new Map();
          for (const s of matching.flat) for (const c of s.children) parents.set(c, s);
          byId = new Map(template.sections.map((x) => [x.id, x]));
          childrenOf = new Map();
          for (const x of template.sections) {
            if (x.parentId === null) continue;
            const list = childrenOf.get(x.parentId);
            if (list === undefined) childrenOf.set(x.parentId, [x]);
            else list.push(x);
          }
        }
        const parent = parents.get(section);
        const templateParent = byId.get(t.parentId);
        // The template skips levels here, this heading is in the gap, under the
        // same parent, with its own template subsections still under it: nothing moved.
        if (templateParent !== undefined && t.level - templateParent.level > 1 && section.heading.level < t.level
          && parent !== undefined && parent === matching.byTemplateId.get(t.parentId)
          && keepsItsChildren(section, childrenOf.get(t.id) ?? [], matching, parents)
          && takesNoOther(section, childrenOf.get(t.id) ?? [], matching)) continue;
      }
      // A subsection a level off as its parent is, still under it: the parent moved and took it along, one cause,
      // said on the parent (blind QA: four findings for one `##` written `###` over its three subsections).
      const above = t.parentId === null ? undefined : reported.get(t.parentId);
      const off = section.heading.level - t.level - shift;
      if (above !== undefined && above.off === off && parents !== null && parents.get(section) === matching.byTemplateId.get(t.parentId!)) {
        above.count++;
        reported.set(t.id, above);
        continue;
      }
      // Its template parent absent (old KEPs without `## Design Details`): giving it the template's level
      // alone would nest it under the section before; the parent's heading is what is missing.
      // (Not a `#` of a template with no title, where the spec has one: its title stands for it, OCM's `# Neat Enhancement Idea`.)
      const absentParent = t.parentId !== null && t.parentId !== 'title' && !matching.byTemplateId.has(t.parentId)
        ? template.sections.find((x) => x.id === t.parentId && !(spec.title !== null && template.titleStandIns.has(x.id))) : undefined;
      const finding = sectionFinding(section, absentParent !== undefined
        ? `heading ${quote(section.heading.shown)} is level ${section.heading.level}; the template has it at level ${t.level} (${'#'.repeat(t.level)}) under ${quote(templateShown(absentParent))}, which this spec does not have: add that heading above its sections, then make this one ${'#'.repeat(t.level)}`
        : shift === 0
        ? `heading ${quote(section.heading.shown)} is level ${section.heading.level}; the template has it at level ${t.level} (${'#'.repeat(t.level)})`
        : shift > 0
        ? `heading ${quote(section.heading.shown)} is level ${section.heading.level}; ${spec.title === null ? 'the spec writes the template\'s sections one level deeper throughout' : 'under the spec\'s own title the template\'s sections sit one level deeper'}, so it belongs at level ${t.level + 1} (${'#'.repeat(t.level + 1)})`
        : `heading ${quote(section.heading.shown)} is level ${section.heading.level}; with no title heading, the spec's sections sit one level up from the template's, so it belongs at level ${t.level - 1} (${'#'.repeat(t.level - 1)})`);
      // At the level said, would it sit under its template parent? Not when it was moved away as well (`### Non-Goals`
      // written `## Non-Goals` at the end): the fix then takes a move too, said now rather than on the next run.
      // (The template's sections before it counted at the levels they are to have: `## Goals` written over it is fixed too.)
      const target = t.level + shift;
      const flat = matching.flat;
      levelOf ??= levelsToBe(template.sections, matching, shift);
      let under: Section | null = null;
      for (let i = flat.indexOf(section) - 1; i >= 0; i--) {
        if ((levelOf.get(flat[i]!) ?? flat[i]!.heading.level) < target) {
          under = flat[i]!;
          break;
        }
      }
      const wanted = t.parentId === null || t.parentId === 'title' ? null : matching.byTemplateId.get(t.parentId);
      // (Under it, or under a heading of the author's inside it, `##### E2E Tests` below `#### Docker` in its Test Plan, is in place.)
      const inPlace = under === wanted || (under !== null && wanted != null && under.span.start > wanted.span.start && under.span.start < wanted.span.end)
        // (The template's top level, a level down throughout, is under the heading above all of them: a spec titled `# Title`.)
        || (wanted === null && under !== null && shift > 0 && (levelOf.get(under) ?? under.heading.level) <= shift);
      // (Not where that parent is off a level itself, `## Cross-cutting concerns` written `###`: its own finding comes first.)
      const elsewhere = absentParent === undefined && wanted !== undefined && !inPlace && (wanted === null || wanted.heading.level < target)
        ? `; at that level it would sit ${under === null ? 'at the top level' : `under ${quote(under.heading.shown)}`}, where the template puts it ${wanted === null ? 'at the top level' : `under ${quote(wanted.heading.shown)}`}: move it there too` : '';
      reported.set(t.id, { at: findings.length, off, count: 0 });
      findings.push({ ...finding, message: `${finding.message}${underline(section)}${elsewhere}${takenIn(section, t, target, template.sections, matching)}` });
    }
    // (Each finding once, with the count of the subsections that moved with its section.)
    for (const r of new Set(reported.values())) {
      const n = r.count;
      if (n > 0) findings[r.at] = { ...findings[r.at]!, message: `${findings[r.at]!.message} (its ${n} template subsection${n === 1 ? '' : 's'} under it ${n === 1 ? 'is' : 'are'} off by as much, and ${n === 1 ? 'moves' : 'move'} with it)` };
    }
    return findings;
  },
};

/** How a setext heading's level is written, said: the line under it sets it (`===` level 1, `---` level 2). */
function underline(section: Section): string {
  if (section.heading.kind !== 'setext') return '';
  return ` (the ${section.heading.level === 1 ? '`===`' : '`---`'} line under its text makes it level ${section.heading.level})`;
}

/**
 * What a heading a level up takes in: the template's sections after it that
 * now sit under it as its subsections, none of them its own, and would not
 * once it is at `target`, its level to be (a setext `===`
 * made `Monitoring and Logging` level 1, over `## Future Considerations` and
 * the rest: blind QA), said so that the one fix is seen to mend them too.
 */
function takenIn(section: Section, t: TemplateSection, target: number, sections: readonly TemplateSection[], matching: SectionMatching): string {
  if (section.children.length === 0) return '';
  const own = new Set(sections.filter((x) => x.parentId === t.id).map((x) => matching.byTemplateId.get(x.id)));
  // (Only those that the fix leaves out from under it: at its level to be or above. One deeper stays under it either way.)
  const taken = section.children.filter((c) => c.heading.level <= target && !matching.unmatched.has(c) && !own.has(c));
  if (taken.length === 0) return '';
  const names = taken.slice(0, 3).map((c) => quote(c.heading.shown));
  const listed = taken.length > 3 ? `${names.join(', ')} and ${taken.length - 3} more` : names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `; the template's ${listed} after it ${taken.length === 1 ? 'sits' : 'sit'} under it now, as its ${taken.length === 1 ? 'subsection' : 'subsections'}: fixing its level puts ${taken.length === 1 ? 'it' : 'them'} back`;
}

/**
 * Whether the spec's subsections of `section` are its template subsections
 * (`children`) or the author's own: none of the template's others, which a
 * heading in the gap takes in when it is above them (`### Unit tests` over the
 * template's `#### Integration tests`, its sibling: the sections nest another way).
 */
function takesNoOther(section: Section, children: readonly TemplateSection[], matching: SectionMatching): boolean {
  if (section.children.length === 0) return true;
  const own = new Set(children.map((c) => matching.byTemplateId.get(c.id)));
  return section.children.every((c) => matching.unmatched.has(c) || own.has(c));
}

/** Whether every template subsection (`children`) that the spec has is still a child of `section` there. */
function keepsItsChildren(section: Section, children: readonly TemplateSection[], matching: SectionMatching, parents: ReadonlyMap<Section, Section>): boolean {
  for (const child of children) {
    const present = matching.byTemplateId.get(child.id);
    if (present !== undefined && parents.get(present) !== section) return false;
  }
  return true;
}

/** The level each template section of the spec is to have (the template's, shifted with the spec's title): where fixing the levels puts it. */
function levelsToBe(sections: readonly TemplateSection[], matching: SectionMatching, shift: number): Map<Section, number> {
  const levels = new Map<Section, number>();
  for (const t of sections) {
    const section = matching.byTemplateId.get(t.id);
    if (section !== undefined) levels.set(section, t.level + shift);
  }
  return levels;
}
