import { slug as githubSlug } from 'github-slugger';

const PLAIN = /^[a-z0-9 -]*$/;

/**
 * GitHub's anchor slug of a heading text (github-slugger), with a fast path
 * for plain ASCII headings, which are most of them.
 */
export function slugify(text: string): string {
  const lower = text.toLowerCase();
  return PLAIN.test(lower) ? lower.replace(/ /g, '-') : githubSlug(text);
}
