import { bareSlug, looseSlug, slugify, squashedSlug } from './slug.js';
import type { ParsedSpec, Section } from './spec-types.js';
import { unmarkedSlug, withoutHeadingMarks } from './optional-sections.js';
import { anchorsClose, mostWordsShared, wordCount } from './near-anchors.js';
import { editDistanceAtMost, swapsTwoLetters } from './edit-distance.js';
import { meaningChanged } from './guidance-sentences.js';
import type { TemplateModel, TemplateSection } from './template-model.js';
import { isSpace, trimEndWhile } from './trim-end.js';
import { memoized } from './memo-by.js';
import { flattenSections, parentsOf } from './section-tree.js';
import { matchStandIns } from './match-stand-ins.js';

export { flattenSections } from './section-tree.js';

/** How the sections of a spec line up with those of its template. */
export interface SectionMatching {
  /** Template section id → the spec section written for it. Missing sections are absent. */
  readonly byTemplateId: ReadonlyMap<string, Section>;
  /** Spec sections that match no template section, in document order (depth first). */
  readonly unmatched: ReadonlySet<Section>;
  /** Every spec section, depth first, in document order. */
  readonly flat: readonly Section[];
}

/**
 * Matches spec sections to template sections: by id (the slug path) first,
 * then, for what is left, by heading slug when exactly one candidate remains,
 * so that a section moved to another level or parent is still recognised
 * (and reported as such) rather than counted missing; a template heading
 * marked "(Optional)" also matches the heading without the mark, and a
 * numbered one the heading without its number, and `&` and "and" are one.
 *
 * When two template sections could take one spec heading (the template's
 * `## 1. Risks` and, under Design, `### Risks`; the spec's `## Risks`), the
 * heading goes to the one it stands in the order of (between the sections
 * the spec has before and after it: before Design it is `1. Risks`, after
 * it `### Risks` moved up a level), then to one at its own level, then to
 * one the heading writes exactly, before one it writes without a number or
 * a mark.
 */
export function matchSections(spec: ParsedSpec, model: TemplateModel): SectionMatching {
  const flat = flattenSections(spec.sections);
  const byId = new Map<string, Section>();
  for (const s of flat) byId.set(s.id, s);
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
  if (used.size === flat.length) return { byTemplateId, unmatched: new Set(), flat };
  const bySlug = unmatchedBySlug(flat, used);
  takeBySlug(model, flat, bySlug, byTemplateId, used);
  if (model.sections.some((t) => t.standIn && !byTemplateId.has(t.id))) matchStandIns(spec, model, flat, byTemplateId, used);
  if (used.size < flat.length) matchSubtitled(spec, model, byTemplateId, used);
  if (used.size < flat.length) matchNearHeadings(spec, model, byTemplateId, used);
  if (used.size < flat.length) matchWithoutQualifier(model, flat, byTemplateId, used);
  if (used.size < flat.length) matchOneOfItsNames(model, flat, byTemplateId, used);
  if (used.size < flat.length) matchTitleStandIn(spec, model, flat, byTemplateId, used);
  if (used.size < flat.length) matchUnderMovedParents(model, byTemplateId, used);
  return { byTemplateId, unmatched: new Set(flat.filter((s) => !used.has(s))), flat };
}

/**
 * Template sections still unmatched whose parent is matched: each is the
 * subsection of that spec section of its heading, when one is left (a
 * Cilium CFP's `### Option 1:` moved under `## Proposal`, its `#### Pros` and
 * `#### Cons` with it: their path is another, and their headings are the
 * template's twice, Option 2's too, so no other pass takes them). In
 * template order: a parent before its subsections.
 */
function matchUnderMovedParents(model: TemplateModel, byTemplateId: Map<string, Section>, used: Set<Section>): void {
  for (const t of model.sections) {
    if (t.parentId === null || byTemplateId.has(t.id)) continue;
    const parent = byTemplateId.get(t.parentId);
    if (parent === undefined) continue;
    const found = parent.children.find((c) => !used.has(c) && (c.heading.slug === t.headingSlug || looseSlug(c.heading) === t.headingSlug));
    if (found === undefined) continue;
    byTemplateId.set(t.id, found);
    used.add(found);
  }
}

/**
 * In a template of no title whose first section only stands in for one
 * (Thanos' `## Your Proposal Title` over its Owners list and TL;DR), that
 * section is the spec's first heading, its own title, when no other template
 * section took it: what is under it is read as that section's (kept guidance
 * there is still reported), and it is not one of the author's own.
 */
function matchTitleStandIn(spec: ParsedSpec, model: TemplateModel, flat: readonly Section[], byTemplateId: Map<string, Section>, used: Set<Section>): void {
  if (model.titleStandIns.size !== 1 || model.sections.some((t) => t.id === 'title')) return;
  const [id] = model.titleStandIns;
  const t = model.sections.find((x) => x.id === id);
  const first = flat[0];
  if (t === undefined || byTemplateId.has(t.id) || first === undefined || used.has(first) || first.heading !== spec.headings[0] || first.heading.level > t.level) return;
  byTemplateId.set(t.id, first);
  used.add(first);
}

/**
 * The spec sections not matched by path, by their heading's own slug (a
 * repeated sibling's `-1` aside, but a number in the heading kept) and by
 * its looser forms, for {@link matchSections}' fallback.
 */
function unmatchedBySlug(flat: readonly Section[], used: ReadonlySet<Section>): Map<string, Section[]> {
  const bySlug = new Map<string, Section[]>();
  const add = (key: string | null, s: Section): void => {
    if (key === null) return;
    const list = bySlug.get(key);
    if (list === undefined) bySlug.set(key, [s]);
    else if (list[list.length - 1] !== s) list.push(s);
  };
  for (const s of flat) {
    if (used.has(s)) continue;
    const key = looseSlug(s.heading);
    add(key, s);
    // A spec's own optional mark ("Drawbacks [optional]") is not part of the name,
    // nor is a number or an emoji before it ("1. Overview", "2.1 Goals", "🚀 Rollout").
    const unmarked = unmarkedSlug(s.heading.text);
    if (unmarked !== key) add(unmarked, s);
    // (Its visible words: a back-to-top link after them, `Context <a href="#top">⬆️</a>`, is no part of the name.)
    const bare = bareSlug(s.heading.text.indexOf('<') === -1 ? s.heading.text : s.heading.text.replace(TAG, ''));
    if (bare !== key && bare !== unmarked) add(bare, s);
    const bareUnmarked = unmarked !== null && bare !== null ? bareSlug(withoutHeadingMarks(s.heading.text)) : null;
    add(bareUnmarked, s);
    // Nor is the spacing around punctuation ("On-call/Escalation" for "On-call / Escalation",
    // "risques?" for "risques ?"), with or without the number and mark ("8. Crosscutting
    // Concepts" for "Cross-cutting Concepts").
    add(squashedSlug(key), s);
    // Nor is "&" for "and" (`Context & Scope` for "Context and Scope", and back).
    const text = s.heading.text;
    // (Squashed too: `Q and A` for "Q&A", whose anchor `qa` is `q--a` squashed.)
    // (And `/` for "and": `Goals / Non-Goals` for "Goals and Non-Goals".)
    const otherText = text.indexOf('&') !== -1 || text.indexOf(' / ') !== -1 ? text.replace(/(?<!\s)\s*&\s*|&\s*| \/ /g, ' and ').replace(/\s+/g, ' ').trim()
      : / and /i.test(text) ? text.replace(/ and /gi, ' & ').replace(/\s+/g, ' ').trim() : null;
    if (otherText !== null) {
      // With or without its number and mark too ("6. Monitoring & Logging"; blind QA).
      // (Each variant only where the heading has a number or a mark: most have neither.)
      for (const other of [slugify(otherText), unmarked === null ? null : unmarkedSlug(otherText), bare === null ? null : bareSlug(otherText),
        bare === null || unmarked === null ? null : bareSlug(withoutHeadingMarks(otherText))]) {
        if (other === null) continue;
        add(other, s);
        add(squashedSlug(other), s);
      }
    }
    if (unmarked !== null) add(squashedSlug(unmarked), s);
    if (bare !== null) add(squashedSlug(bare), s);
    if (bareUnmarked !== null) add(squashedSlug(bareUnmarked), s);
  }
  return bySlug;
}

/**
 * The template sections still unmatched that a spec heading could be by its
 * slug (see {@link unmatchedBySlug}), each given the heading that fits it
 * best (see {@link matchSections}), in `byTemplateId` and `used`.
 */
function takeBySlug(model: TemplateModel, flat: readonly Section[], bySlug: ReadonlyMap<string, Section[]>, byTemplateId: Map<string, Section>, used: Set<Section>): void {
  // The template sections still to find that some spec heading could be:
  // most missing sections have none, and cost nothing more.
  const pending: Array<{ t: TemplateSection; i: number; exact: readonly Section[] | undefined; loose: Array<readonly Section[]> }> = [];
  const sections = model.sections;
  for (let i = 0; i < sections.length; i++) {
    const t = sections[i]!;
    if (t.id === 'title' || t.fallbackSlug === null || byTemplateId.has(t.id)) continue;
    const exact = bySlug.get(t.fallbackSlug);
    let loose: Array<readonly Section[]> | undefined;
    for (const key of [t.unmarkedHeadingSlug, t.bareSlug, t.bareUnmarkedSlug, t.squashedSlug]) {
      const list = key === null ? undefined : bySlug.get(key);
      if (list !== undefined) (loose ??= []).push(list);
    }
    // The template's number or mark and the spacing around its punctuation, both left out.
    for (const key of t.squashedLooseSlugs) {
      const list = bySlug.get(key);
      if (list !== undefined) (loose ??= []).push(list);
    }
    if (exact !== undefined || loose !== undefined) pending.push({ t, i, exact, loose: loose ?? [] });
  }
  if (pending.length > 0) {
    // Where each template section belongs in the spec: between the spec
    // sections of the nearest template sections before and after it that
    // were found by id.
    const index = new Map<Section, number>();
    flat.forEach((s, n) => index.set(s, n));
    const after = new Array<number>(model.sections.length);
    const before = new Array<number>(model.sections.length);
    let last = -1;
    model.sections.forEach((t, i) => {
      after[i] = last;
      const s = byTemplateId.get(t.id);
      if (s !== undefined) last = index.get(s)!;
    });
    last = flat.length;
    for (let i = model.sections.length - 1; i >= 0; i--) {
      before[i] = last;
      const s = byTemplateId.get(model.sections[i]!.id);
      if (s !== undefined) last = index.get(s)!;
    }
    // In its place before out of it, its own level before another, the
    // template's own words before looser forms. Two headings alike in the
    // first tier that has any settle it (see underParent): the first under
    // the parent's section, else neither is taken.
    const tied = new Set<string>();
    let parentOf: Map<Section, Section | null> | undefined;
    for (const inPlace of [true, false]) {
      for (const sameLevel of [true, false]) {
        for (const loose of [false, true]) {
          for (const { t, i, exact, loose: looser } of pending) {
            if (byTemplateId.has(t.id) || tied.has(t.id)) continue;
            for (const list of loose ? looser : exact === undefined ? [] : [exact]) {
              let found: Section | undefined;
              let count = 0;
              const inTier = (s: Section): boolean => {
                if (used.has(s) || (s.heading.level === t.level) !== sameLevel) return false;
                const at = index.get(s)!;
                return (at > after[i]! && at < before[i]!) === inPlace;
              };
              for (const s of list) {
                if (!inTier(s)) continue;
                found = s;
                // Two are a tie already: no need to look further.
                if (++count === 2) break;
              }
              if (count === 0) continue;
              const s = count === 1 ? found : underParent(list, inTier, t, byTemplateId, (parentOf ??= parentsOf(flat)));
              if (s !== undefined) {
                byTemplateId.set(t.id, s);
                used.add(s);
              } else {
                tied.add(t.id);
              }
              break;
            }
          }
        }
      }
    }
  }
}

/**
 * A template heading with a qualifier in parentheses at its end (OpenShift's
 * `## Alternatives (Not Implemented)`) is the spec's heading of its words
 * alone at its level (`## Alternatives`), wherever that stands — older
 * templates put it at the end, and section-order says where it goes —, when
 * exactly one such heading is left unmatched and no other template section
 * left over has those words (blind QA: "missing", beside the spec's own).
 */
function matchWithoutQualifier(model: TemplateModel, flat: readonly Section[], byTemplateId: Map<string, Section>, used: Set<Section>): void {
  for (const t of model.sections) {
    if (t.id === 'title' || byTemplateId.has(t.id)) continue;
    const bare = QUALIFIED.exec(t.text)?.[1];
    if (bare === undefined) continue;
    const slug = slugify(bare);
    if (slug === '' || model.sections.some((x) => x !== t && !byTemplateId.has(x.id) && x.fallbackSlug === slug)) continue;
    // (At its level first; else at another, the whole spec a level down under its own title: heading-level says so.)
    const alike = flat.filter((s) => !used.has(s) && looseSlug(s.heading) === slug);
    const atLevel = alike.filter((s) => s.heading.level === t.level);
    const found = atLevel.length > 0 ? atLevel : alike;
    if (found.length !== 1) continue;
    byTemplateId.set(t.id, found[0]!);
    used.add(found[0]!);
  }
}

/**
 * A template heading of names joined by `/` (OpenEBS' `### Implementation
 * Details/Notes/Constraints [optional]`) is the spec's heading of its first
 * name (`## 7. Implementation Details`), wherever it stands, when it is the
 * only one left of that name and no other template section has its words.
 * (Two of them written as sections side by side are a heading split in two:
 * missing-section says so.)
 */
function matchOneOfItsNames(model: TemplateModel, flat: readonly Section[], byTemplateId: Map<string, Section>, used: Set<Section>): void {
  for (const t of model.sections) {
    if (t.id === 'title' || byTemplateId.has(t.id) || t.text.indexOf('/') === -1 || t.text.length > 200) continue;
    const parts = withoutHeadingMarks(t.text).split('/');
    // (Its first name, of two words or more: a word alone, `Notes` of a KEP's `Notes/Constraints/Caveats (Optional)`,
    // is a heading many authors give their own subsections.)
    const first = parts[0]!.trim();
    if (parts.length < 2 || !/\S\s+\S/.test(first)) continue;
    const slug = slugify(first);
    const found = flat.filter((s) => !used.has(s) && (looseSlug(s.heading) === slug || bareSlug(s.heading.text) === slug));
    if (found.length !== 1) continue;
    if (model.sections.some((x) => x !== t && (x.headingSlug === slug || x.fallbackSlug === slug))) continue;
    byTemplateId.set(t.id, found[0]!);
    used.add(found[0]!);
  }
}

// A heading's words, then a qualifier of a word to four in parentheses at its end: `Alternatives (Not Implemented)`;
// a number among them after the first (Linkerd's `Problem Statement (Step 1)`).
// (A space between its words, not an optional one: a run of letters split many ways took exponential time: review.)
const QUALIFIED = /^([^()\n]*[^()\s])[ \t]+\([A-Za-z][\w'-]*(?:[ \t](?:[A-Za-z][\w'-]*|\d{1,4})){0,3}\)[ \t]*$/;

/**
 * Template sections still unmatched whose long heading a spec heading writes
 * a few characters or most words apart (see near-anchors), at its level under
 * its parent's section: the template's earlier or later wording (a KEP's PRR
 * question `…that would be useful to have to improve observability…` kept as
 * an older KEP wrote it), a typo. Only one such heading for one such section,
 * with no other section missing there that it could as well be.
 */
function matchNearHeadings(spec: ParsedSpec, model: TemplateModel, byTemplateId: Map<string, Section>, used: Set<Section>): void {
  // (Not where a figure or a word that negates differs: `Can it be disabled?` is another question than `Can it not be disabled?`.)
  // (Nor where a word is replaced by another: `enabled` for `disabled`, `benefits` for `risks`, `upgraded` for `downgraded` ask
  // another question. Words added or dropped, or one spelt a letter apart, `Backward` for `Backwards`, do not.)
  // (Compared without a section number, an emoji or marks, `### 2. Upgrade and downgrade stratgy`, `… (N/A)`, as exact headings are.)
  // (Each heading's made once: every unmatched section is compared with every heading below its parent's.)
  const plain = memoized((text: string): string => {
    const words = withoutHeadingMarks(text);
    return bareSlug(words) ?? slugify(words);
  });
  const plainOf = memoized((s: Section): string => plain(s.heading.text));
  const near = (slug: string, t: TemplateSection): boolean => {
    const theirs = plain(t.text);
    // (Most pairs fail on their lengths or word counts, told before any word is split.)
    return (anchorsClose(slug, theirs) || (wordCount(slug) >= 8 && mostWordsShared(slug, theirs)))
      && !meaningChanged(slug.replace(/-+/g, ' '), theirs.replace(/-+/g, ' ')) && !wordReplaced(slug, theirs);
  };
  // (At any level under its parent's section: a heading reworded and at another level is both, each said by its rule,
  // and a level in a gap the template leaves is no other level at all.)
  takeAmongSiblings(spec, model, byTemplateId, used, (t, candidates) => {
    if (plain(t.text).length < 20) return undefined;
    const found = candidates.filter((s) => plainOf(s).length >= 20 && near(plainOf(s), t));
    if (found.length !== 1) return undefined;
    const s = found[0]!;
    const rival = model.sections.some((o) => o !== t && !byTemplateId.has(o.id) && o.parentId === t.parentId && near(plainOf(s), o));
    return rival ? undefined : s;
  }, true);
}

/**
 * Each template section still unmatched (the title and stand-ins aside),
 * asked of the spec sections at its level under its parent's section that
 * none has taken: what `pick` chooses among them is that section.
 */
function takeAmongSiblings(spec: ParsedSpec, model: TemplateModel, byTemplateId: Map<string, Section>, used: Set<Section>,
  pick: (t: TemplateSection, candidates: readonly Section[]) => Section | undefined, anyLevel = false, taken?: (t: TemplateSection) => void): void {
  // (Below each parent's section, made once: many sections of one parent may be missing.)
  const below = new Map<Section | null, Section[]>();
  // (At its level, or as many levels deeper as the spec writes its top sections: a Rust RFC's `#` chapters written
  // as `##` under a title of the spec's own, `## Problem Statement (Step 1)` for its `# Problem Statement`.)
  const shift = levelShift(spec, model);
  for (const t of model.sections) {
    if (t.id === 'title' || t.standIn !== null || byTemplateId.has(t.id)) continue;
    const parent = t.parentId === null ? null : byTemplateId.get(t.parentId);
    if (parent === undefined) continue;
    // (At any level, those a sibling at another level took in count too: a `####` question above the `######` ones holds them.)
    const among = parent === null ? spec.sections : parent.children;
    let all = anyLevel ? below.get(parent) : among;
    if (all === undefined) below.set(parent, (all = flattenSections(among)));
    const candidates = all.filter((s) => !used.has(s) && (anyLevel || s.heading.level === t.level || s.heading.level === t.level + shift));
    const found = candidates.length === 0 ? undefined : pick(t, candidates);
    if (found === undefined) continue;
    byTemplateId.set(t.id, found);
    used.add(found);
    taken?.(t);
  }
}

/** How many levels deeper than the template's the spec writes its top sections (0 where none, or higher). */
function levelShift(spec: ParsedSpec, model: TemplateModel): number {
  const top = (sections: readonly Section[]): number => sections.reduce((least, s) => Math.min(least, s.heading.level), 7);
  const theirs = top(model.spec.sections);
  const ours = top(spec.sections);
  return ours < 7 && theirs < 7 && ours > theirs ? ours - theirs : 0;
}

/**
 * Whether two anchors differ by a word replaced with another (not a word
 * added or dropped, nor one spelt a letter apart): each has words the other
 * lacks, and one of them is no near spelling of any of the other's.
 */
function wordReplaced(a: string, b: string): boolean {
  const left = a.split('-').filter((w) => w !== '');
  const right = b.split('-').filter((w) => w !== '');
  const onlyLeft = left.filter((w) => !right.includes(w));
  const onlyRight = right.filter((w) => !left.includes(w));
  if (onlyLeft.length === 0 || onlyRight.length === 0) return false;
  // A question's ending reworded after six words or more in common (a KEP's `…SLOs (Service Level Objectives)
  // for the above SLIs?`, now `…for the enhancement?`) asks the same question of another part.
  let prefix = 0;
  while (prefix < left.length && prefix < right.length && left[prefix] === right[prefix]) prefix++;
  if (prefix >= 6 && left.length - prefix <= 3 && right.length - prefix <= 3) return false;
  // (Two letters swapped is a slip of the same word too: `Notse`, `Comaptibility`.)
  const spelt = (w: string, others: readonly string[]): boolean => others.some((o) => Math.min(w.length, o.length) >= 4 && (editDistanceAtMost(w, o, 1) <= 1 || swapsTwoLetters(w, o)));
  return onlyLeft.some((w) => !spelt(w, onlyRight)) && onlyRight.some((w) => !spelt(w, onlyLeft));
}

// An HTML tag in a heading's text.
const TAG = /<\/?[A-Za-z][^<>]*>/g;
// A subtitle after a heading's name: `: `, or a dash between spaces (`Option 1: Postgres`, `Option 2 — SQS FIFO`).
// (No run of spaces before it in the pattern: a long one would be read again from each space.)
// (CJK punctuation too, full width, with no space needed: `Design：設計`, `Design ― 設計`.)
const SUBTITLE = /(?::|(?<=[ \t])[-\u2013\u2014])[ \t]+(?=\S)|[ \t]*[\uFF1A\u2015\uFF0D][ \t]*(?=\S)/g;

/**
 * Template sections still unmatched whose heading a spec heading keeps whole
 * with a subtitle after it (`### Option 1: Postgres SKIP LOCKED` for the
 * template's `### Option 1`: naming the option is what the heading is for),
 * at the template's level under the spec section of its parent. Last, so
 * that a heading written as the template's is always taken first.
 */
function matchSubtitled(spec: ParsedSpec, model: TemplateModel, byTemplateId: Map<string, Section>, used: Set<Section>): void {
  // Each heading's names before its subtitles, made when a missing section asks among its siblings.
  const headsOf = new Map<Section, ReadonlySet<string>>();
  // The template sections taken by a heading with a subtitle, or below one.
  const subtitled = new Set<string>();
  const heads = (s: Section): ReadonlySet<string> => {
    let names = headsOf.get(s);
    if (names === undefined) headsOf.set(s, (names = subtitledNames(s.heading.text)));
    return names;
  };
  // (A subsection of one taken so is then found by its heading under it: Cilium's `#### Pros` under `### Option 1: Redis`
  // for the template's `### Option 1:`, whose `Option 2:` has a `#### Pros` too, so that the heading alone told neither.)
  takeAmongSiblings(spec, model, byTemplateId, used, (t, candidates) => (t.fallbackSlug !== null
    && candidates.find((s) => heads(s).has(t.fallbackSlug!) || (t.bareSlug !== null && heads(s).has(t.bareSlug))))
      || (t.parentId !== null && subtitled.has(t.parentId) ? candidates.find((s) => looseSlug(s.heading) === t.headingSlug) : undefined) || undefined,
    false, (t) => subtitled.add(t.id));
}

const FULL_WIDTH_OPEN = /^[\uFF08\u3010\u300C]/;

/**
 * The anchors of a heading's name before a subtitle (`Option 1` of `Option 1:
 * Postgres`, `Option 2 — SQS`, `Overview (v2)`), with and without a number or
 * an emoji before it; none for a heading with no subtitle.
 */
function subtitledNames(text: string): ReadonlySet<string> {
  const names = new Set<string>();
  // (Or full-width brackets, a space before them or not: `Overview（概要）`, `【概要】`, `「概要」`.)
  // (From the bracket: a leading `\s*` was tried again from each of a long run of spaces; the head is trimmed below.)
  const bracketed = /\s\([^()]*\)\s*$|[\uFF08\u3010\u300C][^\uFF08\uFF09\u3010\u3011\u300C\u300D]*[\uFF09\u3011\u300D]\s*$/.exec(text);
  if (text.indexOf(':') === -1 && !/\s[-\u2013\u2014]\s|[\uFF1A\u2015\uFF0D]/.test(text) && bracketed === null) return names;
  // (The first few separators, in a name's first 200 characters: a heading of thousands of `a: ` is no name with a subtitle.)
  const cuts: number[] = [];
  for (const m of text.matchAll(SUBTITLE)) {
    if (m.index > 200 || cuts.length === 3) break;
    cuts.push(m.index);
  }
  // (The name ends where the spaces before a full-width bracket start.)
  const bracketAt = bracketed === null ? -1 : FULL_WIDTH_OPEN.test(bracketed[0]) ? trimEndWhile(text.slice(0, bracketed.index), isSpace).length : bracketed.index;
  if (bracketed !== null && bracketAt <= 200) cuts.push(bracketAt);
  for (const at of cuts) {
    const head = text.slice(0, at).trimEnd();
    for (const key of [slugify(head), bareSlug(head)]) if (key !== null && key !== '') names.add(key);
  }
  return names;
}

/**
 * Which of several spec headings alike (in one tier of {@link
 * matchSections}) is the template section's: the first under the spec
 * section its parent is matched to (or at the top level, for a top-level
 * one). So of a heading written twice (`### API` and `### API` under
 * `## 🚀 Design`), the first is the section and the second the duplicate
 * that `duplicate-heading` reports, as matching by id would have it when
 * the parent's heading is the template's own words; and of one under the
 * parent and one elsewhere, the one under the parent. None under it (or
 * the parent not found): none, as which one was meant is not known.
 */
function underParent(list: readonly Section[], inTier: (s: Section) => boolean, t: TemplateSection, byTemplateId: ReadonlyMap<string, Section>, parentOf: ReadonlyMap<Section, Section | null>): Section | undefined {
  const parent = t.parentId === null ? null : byTemplateId.get(t.parentId);
  if (parent === undefined) return undefined;
  for (const s of list) if (parentOf.get(s) === parent && inTier(s)) return s;
  return undefined;
}
