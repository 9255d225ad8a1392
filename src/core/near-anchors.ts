// Headings a few characters or most words apart: a template's later wording
// (a KEP's PRR questions reworded), a typo fixed. Read by missing-section
// (a heading written as text) and by the section matching (a heading).
import { editDistanceAtMost } from './edit-distance.js';

/** Whether two anchors are at most one change in ten characters apart (of the longer). */
export function anchorsClose(a: string, b: string): boolean {
  const most = Math.floor(Math.max(a.length, b.length) / 10);
  return Math.abs(a.length - b.length) <= most && editDistanceAtMost(a, b, most) <= most;
}

/** The words of an anchor, counted by its hyphens. */
export function wordCount(slug: string): number {
  let n = 1;
  for (let i = slug.indexOf('-'); i !== -1; i = slug.indexOf('-', i + 1)) n++;
  return n;
}

/**
 * Whether two long questions' anchors share three words in four or more (of
 * the longer, eight words at least): a KEP's PRR questions reworded in a
 * later template (`…for the above SLIs?` now `…for the enhancement?`, `How
 * can a rollout fail?` now `How can a rollout or rollback fail?`).
 */
export function mostWordsShared(a: string, b: string): boolean {
  if (wordCount(b) < 8) return false;
  const left = a.split('-').filter((w) => w !== '');
  const right = b.split('-').filter((w) => w !== '');
  const longer = Math.max(left.length, right.length);
  if (Math.min(left.length, right.length) < 8) return false;
  const counts = new Map<string, number>();
  for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of right) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return shared * 4 >= longer * 3;
}

