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

/**
 * A heading's anchor with runs of whitespace taken as one space: `Data  Model`
 * and `Data<TAB>Model` look like `Data Model` on the page (HTML collapses
 * whitespace), though GitHub's anchors differ (`data--model`, `datamodel`).
 * How a heading is recognised as a template's, or as a repeat of a sibling.
 * A heading with inline HTML keeps its anchor (`slug`, made from its visible text).
 */
export function looseSlug(heading: { readonly text: string; readonly slug: string }): string {
  const text = heading.text;
  if (text.indexOf('<') !== -1 || !/\s\s|[^\S ]/.test(text)) return heading.slug;
  return slugify(text.replace(/\s+/g, ' ').trim());
}
