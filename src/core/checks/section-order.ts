import type { SectionMatching } from '../match-sections.js';
import type { SectionState } from '../section-states.js';
import { looseSlug } from '../slug.js';
import type { Heading, Section } from '../spec-types.js';
import { displacedTitle } from '../stand-in-titles.js';
import type { TemplateSection } from '../template-model.js';
import { quote, sectionFinding, templateShown } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

/**
 * Template sections present in another order than the template's, compared
 * among siblings (the sections under the same template parent): the sections
 * in the longest run that is in order are left alone and each other one is
 * reported once, so a single moved section gives a single finding, however
 * many subsections it carries along. A section moved under another parent at
 * its own level is reported as out of place.
 */
export const sectionOrder: CheckRule = {
  id: 'section-order',
  defaultSeverity: 'warning',
  description: 'Template sections appear in a different order than in the template.',
  check: ({ spec, template, matching, states, ruleOn }) => {
    if (template === null || matching === null) return [];
    const findings: FindingDraft[] = [];
    // Under another parent than the template's (at the template's level:
    // another level is heading-level's finding) is out of place; it is left
    // out of the order of its siblings, which it no longer is among. A
    // section's id is its path, so its parent needs no lookup unless moved.
    const misplaced = new Set<Section>();
    const byCause = new Map<string, { section: Section; text: string; more: number; actual: Section | null }>();
    let levelOff: Set<Section> | null = null;
    let displaced: Heading | null | undefined;
    let byId: Map<string, Section> | null = null;
    for (const t of template.sections) {
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined || section.heading.level !== t.level) continue;
      const expected = t.parentId === null ? null : matching.byTemplateId.get(t.parentId);
      if (expected !== undefined && isChildOf(section.id, expected?.id ?? null)) continue;
      const parentId = parentIdOf(section.id);
      if (parentId === null && expected === undefined) continue;
      byId ??= new Map(matching.flat.map((s) => [s.id, s]));
      const actual = parentId === null ? null : byId.get(parentId) ?? null;
      // Under a template section that sits at the wrong level, or beside a
      // parent demoted to their level (its children then follow it as its
      // siblings): that one's heading-level finding is the cause. Such a
      // section is left out of its siblings' order too: where it stands
      // follows from that cause.
      levelOff ??= sectionsAtAnotherLevel(template.sections, matching);
      if (actual !== null && levelOff.has(actual)) {
        misplaced.add(section);
        continue;
      }
      // A parent the spec lacks is missing-section's finding.
      if (expected === undefined) continue;
      // (After that parent only: one written before it never followed it, and is out of place whatever its level.)
      if (expected !== null && levelOff.has(expected) && parentIdOf(expected.id) === parentId && section.span.start > expected.span.start) {
        misplaced.add(section);
        continue;
      }
      misplaced.add(section);
      // Under a second copy of its parent's heading beside the one matched (two
      // `## Format`): duplicate-heading names that copy, the cause, and where
      // the section stands follows once it is merged or renamed.
      // (Not when the template has that heading twice itself: then the copy is a section of its own, and no other rule speaks.)
      if (actual !== null && expected !== null && matching.unmatched.has(actual) && parentIdOf(actual.id) === parentIdOf(expected.id)
        && looseSlug(actual.heading) === looseSlug(expected.heading)) continue;
      // Under the spec's title written below a heading of the author's, which holds every section after it:
      // empty-section's "no title" names that cause, on the title.
      if (actual !== null && t.parentId === null && actual.heading === (displaced ??= displacedTitle(spec, template.spec.title)) && ruleOn?.('empty-section') !== false) continue;
      // Under text made a heading by a `---` right under it, which emptied the
      // section before it: empty-section's finding names that cause.
      if (actual !== null && actual.heading.kind === 'setext' && matching.unmatched.has(actual) && states !== null && ruleOn?.('empty-section') !== false
        && emptiedBySetext(actual, matching, states)) continue;
      // One heading of the author's at a higher level takes every later
      // section along: one finding for the first of them, naming how many follow.
      const key = `${parentId ?? ''}\0${t.parentId ?? ''}`;
      const earlier = byCause.get(key);
      if (earlier !== undefined) {
        earlier.more++;
        continue;
      }
      const parent = t.parentId === null ? null : template.sections.find((x) => x.id === t.parentId)!;
      const parentText = parent === null ? null : parent.text;
      const should = parent === null ? 'at the top level' : `under ${quote(templateShown(parent))}`;
      // A second heading of the parent's name: "under another "Design"" reads better than under "Design", meant under "Design".
      const is = actual === null ? 'is at the top level'
        : actual.heading.text === parentText ? `is under another ${quote(actual.heading.shown)}` : `is under ${quote(actual.heading.shown)}`;
      // Under the template's title written again below a title of the spec's own (an agent's `# Rate limiter` over
      // `# Technical Specification`): that heading is the cause, and the finding says so (blind QA).
      // (Two level-1 headings at the top are read as sections, neither a title.)
      const own = spec.title ?? (spec.sections[0] !== actual ? spec.sections[0]?.heading : undefined);
      const titleAgain = actual !== null && parent === null && own !== undefined && actual.heading.level === own.level
        && template.spec.title !== null && looseSlug(actual.heading) === looseSlug(template.spec.title);
      byCause.set(key, { section, text: titleAgain
        ? `section ${quote(section.heading.shown)} is under ${quote(actual!.heading.shown)}, the template's title written again below the spec's own title ${quote(own!.text.trim())}, which makes it a section that holds the ones after it: delete one of the two titles`
        : `section ${quote(section.heading.shown)} ${is}: the template puts it ${should}`, more: 0, actual });
    }
    // Sections out of order among their siblings, with what is said of each.
    const moved = new Map<Section, string>();
    const siblings = new Map<string | null, { text: string; section: Section; atLevel: boolean; first: boolean }[]>();
    // The template's first section under each parent (present or not): the one said to belong first.
    const firstUnder = new Map<string | null, string>();
    for (const t of template.sections) {
      if (t.id !== 'title' && !firstUnder.has(t.parentId)) firstUnder.set(t.parentId, t.id);
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined || misplaced.has(section)) continue;
      const group = siblings.get(t.parentId) ?? [];
      group.push({ text: templateShown(t), section, atLevel: section.heading.level === t.level, first: firstUnder.get(t.parentId) === t.id });
      siblings.set(t.parentId, group);
    }
    for (const present of siblings.values()) {
      // Most specs keep their sections in order: nothing to work out.
      const positions = present.map((p) => p.section.span.start);
      if (positions.every((at, i) => i === 0 || at > positions[i - 1]!)) continue;
      // Of the longest runs in order, the one that leaves the most sections in
      // place: of two neighbours swapped, the smaller one is reported as moved,
      // and of two alike, one at another level than the template's (a `### Rationale`
      // under Background, before `## Proposal`): that one is what moved, not its neighbour.
      // (What a section carries is its own: template sections of another parent that it took in where it was put,
      // between `### Goals` and `### Non-Goals`, count for nothing, and say it is the one that moved, not its neighbour.)
      const keep = longestIncreasing(positions, present.map((p) => 2 * ownCount(p.section, misplaced) - (p.atLevel ? 0 : 1) - (p.section.children.some((c) => misplaced.has(c)) ? 1 : 0)));
      const kept = [...keep].sort((a, b) => a - b);
      present.forEach((p, i) => {
        if (keep.has(i)) return;
        const previous = kept.filter((k) => k < i).pop();
        const next = kept.find((k) => k > i);
        // (The template's first under its parent belongs at the start; one first of those present only, before them.)
        const where = `${p.first ? 'first, ' : ''}${[
          previous === undefined ? null : `after ${quote(present[previous]!.text)}`,
          next === undefined ? null : `before ${quote(present[next]!.text)}`,
        ].filter((x) => x !== null).join(' and ')}`;
        moved.set(p.section, `section ${quote(p.section.heading.shown)} is out of order: the template puts it ${where}`);
      });
    }
    // A section that moved in among another's subsections takes those after it in: one cause, said on it, with what it took
    // (blind QA: the moved `## Drawbacks` unreported, and "Non-Goals is under Drawbacks" and its neighbour "out of order" instead).
    const tookIn = new Map<Section, { names: string[]; more: number }>();
    for (const { section, text, more, actual } of byCause.values()) {
      if (actual !== null && moved.has(actual)) {
        const took = tookIn.get(actual) ?? { names: [], more: 0 };
        took.names.push(quote(section.heading.shown));
        took.more += more;
        tookIn.set(actual, took);
        continue;
      }
      findings.push(sectionFinding(section, more === 0 ? text : `${text} (and the ${more} template section${more === 1 ? '' : 's'} after it)`));
    }
    for (const [section, text] of moved) {
      const took = tookIn.get(section);
      findings.push(sectionFinding(section, took === undefined ? text
        : `${text}; where it is, it takes in ${took.names.join(', ')}${took.more === 0 ? '' : ` (and ${took.more} more)`}, which the template puts elsewhere: move it with its own text only`));
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column);
    return findings;
  },
};

/** Whether the section of an id sits right under the section of another (null: at the top level), read from the ids alone. */
function isChildOf(id: string, parentId: string | null): boolean {
  if (parentId === null) return id.indexOf('/') === -1;
  const n = parentId.length;
  return id.length > n && id.charCodeAt(n) === SLASH && id.startsWith(parentId) && id.indexOf('/', n + 1) === -1;
}

const SLASH = 0x2f;

/** The id of a section's parent (ids are slug paths), or null at the top level. */
function parentIdOf(id: string): string | null {
  const slash = id.lastIndexOf('/');
  return slash === -1 ? null : id.slice(0, slash);
}

/** The spec sections matched to template sections that sit at another heading level than the template's. */
function sectionsAtAnotherLevel(sections: readonly TemplateSection[], matching: SectionMatching): Set<Section> {
  const off = new Set<Section>();
  for (const t of sections) {
    const section = matching.byTemplateId.get(t.id);
    if (section !== undefined && section.heading.level !== t.level) off.add(section);
  }
  return off;
}

/**
 * Indexes of one longest strictly increasing subsequence of `values` (which
 * are distinct), the heaviest by `weights` among the longest: O(n log n), a
 * Fenwick tree over the values' ranks holding the best (length, weight) that
 * ends below each rank.
 */
function longestIncreasing(values: readonly number[], weights: readonly number[]): Set<number> {
  const n = values.length;
  const rank = new Array<number>(n);
  [...values.keys()].sort((a, b) => values[a]! - values[b]!).forEach((i, r) => (rank[i] = r + 1));
  const treeLength = new Array<number>(n + 1).fill(0);
  const treeWeight = new Array<number>(n + 1).fill(0);
  const treeIndex = new Array<number>(n + 1).fill(-1);
  const previous = new Array<number>(n).fill(-1);
  // Longer, then heavier, then ending at a smaller value (as patience sorting keeps the smallest tail).
  const better = (length: number, weight: number, index: number, k: number): boolean => length > treeLength[k]!
    || (length === treeLength[k]! && (weight > treeWeight[k]! || (weight === treeWeight[k]! && (treeIndex[k] === -1 || values[index]! < values[treeIndex[k]!]!))));
  let bestEnd = -1;
  let bestLength = 0;
  let bestWeight = 0;
  for (let i = 0; i < n; i++) {
    // The best run ending at a smaller value.
    let length = 0;
    let weight = 0;
    let from = -1;
    for (let k = rank[i]! - 1; k > 0; k -= k & -k) {
      if (treeIndex[k] === -1) continue;
      if (from === -1 || treeLength[k]! > length || (treeLength[k]! === length
        && (treeWeight[k]! > weight || (treeWeight[k]! === weight && values[treeIndex[k]!]! < values[from]!)))) {
        length = treeLength[k]!;
        weight = treeWeight[k]!;
        from = treeIndex[k]!;
      }
    }
    previous[i] = from;
    length += 1;
    weight += weights[i]!;
    for (let k = rank[i]!; k <= n; k += k & -k) {
      if (better(length, weight, i, k)) {
        treeLength[k] = length;
        treeWeight[k] = weight;
        treeIndex[k] = i;
      }
    }
    // (Alike runs: the one ending later, as patience sorting keeps it.)
    if (length > bestLength || (length === bestLength && weight >= bestWeight)) {
      bestLength = length;
      bestWeight = weight;
      bestEnd = i;
    }
  }
  const keep = new Set<number>();
  for (let i = bestEnd; i !== -1; i = previous[i]!) keep.add(i);
  return keep;
}

/** How many sections a section is, its own subsections included (not those of another template parent it took in): what moving it moves. */
function ownCount(section: Section, misplaced: ReadonlySet<Section>): number {
  let count = 1;
  for (const child of section.children) if (!misplaced.has(child)) count += ownCount(child, misplaced);
  return count;
}

/** Whether the section right before an author's setext heading is a template section left empty (its text became that heading). */
function emptiedBySetext(heading: Section, matching: SectionMatching, states: readonly SectionState[]): boolean {
  const before = matching.flat[matching.flat.indexOf(heading) - 1];
  if (before === undefined) return false;
  for (const st of states) {
    if (st.state === 'empty' && matching.byTemplateId.get(st.id) === before) return true;
  }
  return false;
}
