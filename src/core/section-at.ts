import { countAtMost } from './sorted-search.js';
import type { Section } from './spec-types.js';

/**
 * The innermost section holding `offset`, or null before the first section:
 * down the tree, at each level the last sibling starting at or before it
 * (siblings are in document order), while it still holds it.
 */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let found: Section | null = null;
  let siblings = sections;
  for (;;) {
    const s = siblings[countAtMost(siblings, (x) => x.span.start, offset) - 1];
    if (s === undefined || offset >= s.span.end) return found;
    found = s;
    siblings = s.children;
  }
}
