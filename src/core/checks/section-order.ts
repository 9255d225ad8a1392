import type { Section } from '../spec-types.js';
import { quote, sectionFinding } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

/**
 * Template sections present in another order than the template's, compared
 * among siblings (the sections under the same template parent): the sections
 * in the longest run that is in order are left alone and each other one is
 * reported once, so a single moved section gives a single finding, however
 * many subsections it carries along.
 */
export const sectionOrder: CheckRule = {
  id: 'section-order',
  defaultSeverity: 'warning',
  description: 'Template sections appear in a different order than in the template.',
  check: ({ template, matching }) => {
    if (template === null || matching === null) return [];
    const siblings = new Map<string | null, { text: string; section: Section }[]>();
    for (const t of template.sections) {
      const section = matching.byTemplateId.get(t.id);
      if (section === undefined) continue;
      const group = siblings.get(t.parentId) ?? [];
      group.push({ text: t.text, section });
      siblings.set(t.parentId, group);
    }
    const findings: FindingDraft[] = [];
    for (const present of siblings.values()) {
      const keep = longestIncreasing(present.map((p) => p.section.span.start));
      const kept = [...keep].sort((a, b) => a - b);
      present.forEach((p, i) => {
        if (keep.has(i)) return;
        const previous = kept.filter((k) => k < i).pop();
        const next = kept.find((k) => k > i);
        const where = [
          previous === undefined ? null : `after ${quote(present[previous]!.text)}`,
          next === undefined ? null : `before ${quote(present[next]!.text)}`,
        ].filter((x) => x !== null).join(' and ');
        findings.push(sectionFinding(p.section, `section ${quote(p.section.heading.text)} is out of order: the template puts it ${where}`));
      });
    }
    return findings;
  },
};

/** Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i !== -1; i = previous[i]!) keep.add(i);
  return keep;
}
