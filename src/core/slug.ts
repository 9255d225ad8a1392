import { slug as githubSlug } from 'github-slugger';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NOT_KEPT = /[^a-z0-9 _-]/g;

/**
 * GitHub's anchor slug of a heading text (github-slugger). Printable ASCII,
 * most headings, takes a fast path with the same result: github-slugger keeps
 * letters, digits, `_`, `-` and spaces (made `-`) and drops other ASCII.
 */
export function slugify(text: string): string {
  if (!PRINTABLE_ASCII.test(text)) return githubSlug(text);
  return text.toLowerCase().replace(NOT_KEPT, '').replace(/ /g, '-');
}
