import type { SectionMatching } from './match-sections.js';
import { editDistanceAtMost } from './edit-distance.js';
import { normalizedSentence } from './guidance-sentences.js';
import { countAtMost } from './sorted-search.js';
import { HEADING_JOIN } from './heading-joins.js';
import { optionalIn } from './optional-sections.js';
import type { ParsedSpec, Section } from './spec-types.js';
import { sectionProse } from './section-prose.js';
import type { TemplateModel, TemplateSection } from './template-model.js';

// One answer per matching: missing-section and empty-section's messages both ask.
const cache = new WeakMap<SectionMatching, ReadonlyMap<string, Section>>();

/**
 * Whether a spec heading is much like a template's: similar words, or, for a
 * heading that is wholly a stand-in for the spec's (`### {title of option
 * 1}`), any heading (in its place, it is that section).
 */
function muchAlike(c: Section, t: TemplateSection, spec?: ParsedSpec): boolean {
  return (t.standIn !== null && t.standIn.lead === '' && t.standIn.suffix === '') || similarHeadings(c.heading.text, t.text)
    // (Or one that holds its guidance as it stands, under an older name: Bevy's `## Guide-level explanation` over the
    // text of the template's `## User-facing explanation`.)
    || (spec !== undefined && t.guidance.length >= 40 && sectionProse(spec, c.bodySpan) === t.guidance);
}

/**
 * Missing template sections that spec sections not in the template seem to
 * replace: between the same two neighbours the template has there, under the
 * same parent, each at the level of the one it stands for and with a similar
 * heading (paired in order; one heading may stand for several side by side).
 */
export function likelyRenames(spec: ParsedSpec, template: TemplateModel, matching: SectionMatching): ReadonlyMap<string, Section> {
  // Asked by missing-section and by empty-section's messages, of one matching
  // (which belongs to one spec and one template).
  const known = cache.get(matching);
  if (known !== undefined) return known;
  const renames = new Map<string, Section>();
  cache.set(matching, renames);
  const top = spec.sections;
  const sections = template.sections.filter((t) => t.id !== 'title');
  const unmatched = matching.unmatched;
  // Template sections grouped by parent, in template order.
  const siblings = new Map<string | null, TemplateSection[]>();
  for (const t of sections) {
    const list = siblings.get(t.parentId);
    if (list === undefined) siblings.set(t.parentId, [t]);
    else list.push(t);
  }
  // A `#` of a template with no title, where the spec has one, is what the spec's title stands for (OCM's and Electron's
  // `# Feature Name` under a `# RFC Template` note): its sections are the spec's top-level ones.
  const standsForTitle = (id: string): boolean => spec.title !== null && template.titleStandIns.has(id);
  for (const [parentId, group] of siblings) {
    const parent = parentId === null ? null : matching.byTemplateId.get(parentId) ?? (standsForTitle(parentId) ? null : undefined);
    if (parent === undefined) continue;
    const children = parent === null ? top : parent.children;
    const isChild = new Set(children);
    // The foreign spec sections among them, in document order (looked up by place for each gap).
    const foreignChildren = children.filter((c) => unmatched.has(c));
    // The levels the spec writes this group at, when all its present sections are shifted alike (a Rust RFC
    // written with `##` for the template's `#`: heading-level reports the shift; a rename in it is still one).
    const shift = levelShift(group, matching, isChild);
    // Gaps between present siblings: the missing template sections and the foreign spec sections in each.
    let before: Section | null = null;
    let missing: TemplateSection[] = [];
    const closeGap = (after: Section | null): void => {
      if (missing.length > 0) {
        const from = before === null ? 0 : countAtMost(foreignChildren, (c) => c.span.start, before.span.start);
        const to = after === null ? foreignChildren.length : countAtMost(foreignChildren, (c) => c.span.start, after.span.start - 1);
        const foreign = foreignChildren.slice(from, Math.max(from, to));
        // Each missing section takes the one in its place, after those taken,
        // at its level and with a heading much like its own (a KEP's "Table of
        // Contents" where the template has "Release Signoff Checklist" is
        // another section, not a rename; sections of the author's own may
        // stand between); one heading may stand for several side by side
        // ("Drawbacks and alternatives" for Drawbacks, then Alternatives).
        // As many in their place as are missing: paired in order first.
        const taken = new Set<Section>();
        const pairInOrder = (list: readonly TemplateSection[]): void => list.forEach((t, k) => {
          const c = foreign[k]!;
          if (c.heading.level === t.level + shift && muchAlike(c, t, spec)) {
            renames.set(t.id, c);
            taken.add(c);
          }
        });
        if (foreign.length === missing.length) pairInOrder(missing);
        // Then each one left takes the one alike after those taken. (Each
        // looks at every one after them: a gap of thousands on each side,
        // which no spec has, is paired in order alone.)
        if (missing.length * foreign.length > MAX_PAIRINGS) return void (missing = []);
        // Or as many as are missing with one alike there (spec-kit's `## Format` gone,
        // `## Phase 1: Setup` and `## Phase 2: Foundational` renamed): those, in order.
        if (foreign.length !== missing.length) {
          const withOne = missing.filter((t) => foreign.some((c) => c.heading.level === t.level + shift && muchAlike(c, t, spec)));
          if (withOne.length === foreign.length) pairInOrder(withOne);
        }
        let next = 0;
        let last: Section | null = null;
        for (const t of missing) {
          const paired = renames.get(t.id);
          if (paired !== undefined) {
            last = paired;
            next = foreign.indexOf(paired) + 1;
            continue;
          }
          const like = (c: Section): boolean => c.heading.level === t.level + shift && muchAlike(c, t, spec);
          // Two alike in its place leave no guess, but for a heading that
          // stands in for the spec's (any is alike): stand-ins take the spec's sections in order.
          const alike = foreign.slice(next).filter((c) => !taken.has(c) && like(c));
          if (alike.length === 1 || (alike.length > 1 && t.standIn !== null)) {
            const chosen = t.standIn?.number === undefined ? alike[0]! : mostAlike(alike, t.standIn.suffix)!;
            renames.set(t.id, chosen);
            taken.add(chosen);
            last = chosen;
            next = foreign.indexOf(last) + 1;
          } else if (alike.length === 0 && last !== null && like(last) && (holdsAllWords(last.heading.text, t.text) || namesAsPart(last.heading.text, t.text))) {
            // A merge says each heading whole ("Drawbacks and alternatives"), or joins a part of each
            // ("Deployment and Monitoring" for Deployment Strategy, then Monitoring and Logging): one
            // word shared ("Implementation Details" for Implementation History) is not enough.
            renames.set(t.id, last);
          }
        }
        // A heading that stands in part for the spec's (spec-kit's `User Story 1
        // - [Brief Title]`) and is still unpaired takes the first heading at its
        // level left in its place, whatever its words, once the others have theirs.
        // (One that opens as a stand-in's heading does, `Phase 3: [US1] Invites` for `Phase 3: User Story 1 - [Title]`, is
        // that one's first, not the first stand-in's in order, spec-kit's `Format: [ID] [P?] …`: blind QA.)
        const opening = (text: string): string => text.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
        const standIns = missing.filter((t) => t.standIn !== null && t.standIn.lead !== '' && !renames.has(t.id));
        for (const t of standIns) {
          const own = foreign.find((c) => !taken.has(c) && c.heading.level === t.level + shift && opening(c.heading.text) === opening(t.standIn!.lead));
          if (own === undefined) continue;
          renames.set(t.id, own);
          taken.add(own);
        }
        const reserved = new Set(standIns.filter((t) => !renames.has(t.id)).map((t) => opening(t.standIn!.lead)));
        for (const t of missing) {
          if (t.standIn === null || renames.has(t.id)) continue;
          const left = foreign.filter((c) => !taken.has(c) && c.heading.level === t.level + shift
            && (!reserved.has(opening(c.heading.text)) || opening(c.heading.text) === opening(t.standIn!.lead)));
          // (A number's stand-in, `Phase N: Polish & Cross-Cutting Concerns`, takes the one that shares most of its words.)
          const first = t.standIn.number === undefined ? left[0] : mostAlike(left, t.standIn.suffix);
          if (first === undefined) continue;
          renames.set(t.id, first);
          taken.add(first);
        }
      }
      missing = [];
    };
    for (const t of group) {
      const present = matching.byTemplateId.get(t.id);
      if (present === undefined) {
        // (Optional as missing-section judges it for this spec: `optional for non-Core EIPs` by its front matter.)
        if (!optionalIn(spec, t)) missing.push(t);
        continue;
      }
      // A present section must be a child of the same parent to bound a gap.
      if (!isChild.has(present)) continue;
      closeGap(present);
      before = present;
    }
    closeGap(null);
  }
  return renames;
}

/**
 * How many levels deeper (or, negative, higher) than the template the spec
 * writes the present sections of a group of siblings, when it shifts them
 * all alike; 0 when none is present or they differ.
 */
function levelShift(group: readonly TemplateSection[], matching: SectionMatching, isChild: ReadonlySet<Section>): number {
  let shift: number | null = null;
  for (const t of group) {
    const present = matching.byTemplateId.get(t.id);
    if (present === undefined || !isChild.has(present)) continue;
    const d = present.heading.level - t.level;
    if (shift === null) shift = d;
    else if (shift !== d) return 0;
  }
  return shift ?? 0;
}

/** The most comparisons of headings in one gap between present sections. */
const MAX_PAIRINGS = 10_000;

// Words that headings share without being about the same thing.
const MINOR_WORDS = new Set(['and', 'for', 'the', 'with', 'from', 'into', 'about', 'other', 'optional', 'what', 'how', 'why',
  'when', 'which', 'who', 'does', 'can', 'will', 'are', 'this', 'that', 'there', 'any', 'have', 'has', 'our', 'your', 'its',
  'not', 'should', 'being', 'been', 'was', 'were', 'using', 'use']);

/** Whether `heading` holds every word that says something in `part` (plurals and small words aside). */
function holdsAllWords(heading: string, part: string): boolean {
  const [x, y] = [significantWords(heading), significantWords(part)];
  if (y.size === 0) return false;
  for (const w of y) if (!x.has(w)) return false;
  return true;
}

/**
 * Whether a heading joins (see HEADING_JOIN), after its first part, a part
 * that names `section` (all its words that say something are the section
 * heading's): "Monitoring" of "Deployment and Monitoring" names Monitoring and Logging.
 */
function namesAsPart(heading: string, section: string): boolean {
  return heading.split(HEADING_JOIN).slice(1).some((part) => holdsAllWords(section, part));
}

// Heading texts repeat across the specs of one template (its own, and the
// sections authors add): their words are worked out once. Bounded, as a spec
// may hold any number of headings.
const wordsOf = new Map<string, Set<string>>();

function significantWords(text: string): Set<string> {
  let words = wordsOf.get(text);
  if (words === undefined) {
    words = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3 && !MINOR_WORDS.has(w)).map((w) => w.replace(/s$/, '')));
    if (wordsOf.size >= 10_000) wordsOf.clear();
    wordsOf.set(text, words);
  }
  return words;
}

/**
 * Whether two headings say much the same: at least half of the words that
 * say something in the shorter one (case, plurals and small words aside) are
 * in the other, a long word spelt another way counted as the same
 * ("Acknowledgements" for "Acknowledgments", "Behaviour" for "Behavior").
 */
function similarHeadings(a: string, b: string): boolean {
  const [x, y] = [significantWords(a), significantWords(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w) || spelledOtherwise(w, large)) shared++;
  return shared * 2 >= small.size;
}

/** Whether a word of eight letters or more is in `words` with one letter added, dropped or changed. */
function spelledOtherwise(word: string, words: ReadonlySet<string>): boolean {
  if (word.length < 8) return false;
  for (const w of words) if (w.length >= 8 && editDistanceAtMost(w, word, 1) <= 1) return true;
  return false;
}

/** Of `list`, the first whose heading shares most of the normalised `words` (the first of all when none shares any). */
function mostAlike(list: readonly Section[], words: string): Section | undefined {
  const wanted = new Set(words.split(' ').filter((w) => w !== ''));
  let best = list[0];
  let most = 0;
  for (const c of list) {
    const shared = normalizedSentence(c.heading.text).split(' ').filter((w) => wanted.has(w)).length;
    if (shared > most) {
      best = c;
      most = shared;
    }
  }
  return best;
}
