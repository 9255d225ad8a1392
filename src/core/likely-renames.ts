import type { SectionMatching } from './match-sections.js';
import { countAtMost } from './sorted-search.js';
import type { ParsedSpec, Section } from './spec-types.js';
import type { TemplateModel, TemplateSection } from './template-model.js';

// One answer per matching: missing-section and empty-section's messages both ask.
const cache = new WeakMap<SectionMatching, ReadonlyMap<string, Section>>();

/**
 * Missing template sections that spec sections not in the template seem to
 * replace: between the same two neighbours the template has there, under the
 * same parent, as many sections not in the template as are missing, each at
 * the level of the one it stands for and with a similar heading (paired in
 * order).
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
  for (const [parentId, group] of siblings) {
    const parent = parentId === null ? null : matching.byTemplateId.get(parentId);
    if (parent === undefined) continue;
    const children = parent === null ? top : parent.children;
    const isChild = new Set(children);
    // The foreign spec sections among them, in document order (looked up by place for each gap).
    const foreignChildren = children.filter((c) => unmatched.has(c));
    // Gaps between present siblings: the missing template sections and the foreign spec sections in each.
    let before: Section | null = null;
    let missing: TemplateSection[] = [];
    const closeGap = (after: Section | null): void => {
      if (missing.length > 0) {
        const from = before === null ? 0 : countAtMost(foreignChildren, (c) => c.span.start, before.span.start);
        const to = after === null ? foreignChildren.length : countAtMost(foreignChildren, (c) => c.span.start, after.span.start - 1);
        const foreign = foreignChildren.slice(from, Math.max(from, to));
        // As many in their place as are missing, taken in order: each at the
        // level of the one it stands for and with a heading much like its own
        // (a KEP's "Table of Contents" where the template has "Release
        // Signoff Checklist" is another section, not a rename).
        if (foreign.length === missing.length) {
          missing.forEach((t, k) => {
            const c = foreign[k]!;
            if (c.heading.level === t.level && similarHeadings(c.heading.text, t.text)) renames.set(t.id, c);
          });
        }
      }
      missing = [];
    };
    for (const t of group) {
      const present = matching.byTemplateId.get(t.id);
      if (present === undefined) {
        if (!t.optional) missing.push(t);
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

// Words that headings share without being about the same thing.
const MINOR_WORDS = new Set(['and', 'for', 'the', 'with', 'from', 'into', 'about', 'other', 'optional', 'what', 'how', 'why',
  'when', 'which', 'who', 'does', 'can', 'will', 'are', 'this', 'that', 'there', 'any', 'have', 'has', 'our', 'your', 'its',
  'not', 'should', 'being', 'been', 'was', 'were', 'using', 'use']);

/**
 * Whether two headings say much the same: at least half of the words that
 * say something in the shorter one (case, plurals and small words aside) are
 * in the other.
 */
function similarHeadings(a: string, b: string): boolean {
  const words = (text: string): Set<string> => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !MINOR_WORDS.has(w)).map((w) => w.replace(/s$/, '')));
  const [x, y] = [words(a), words(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared * 2 >= small.size;
}
