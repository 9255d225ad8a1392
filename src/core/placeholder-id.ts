// Characters that show nothing: zero-width space and joiners, direction
// marks, the word joiner, the soft hyphen, and the variation selectors an
// emoji carries (`⚙️` is U+2699 U+FE0F). A heading's anchor keeps them, as
// GitHub's does, so an id can hold one no one can see or type.
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFE0E\uFE0F]/g;

/** The id written with its invisible characters left out. */
function typed(id: string): string {
  return id.replace(INVISIBLE, '');
}

/**
 * The open placeholder id that `given` names: itself when it is one, else the
 * one id that reads the same once invisible characters are left out (an id
 * typed as `-settings` for the heading `⚙️ Settings`, whose id starts with an
 * invisible U+FE0F), else `given` unchanged (unknown, and reported so).
 */
export function placeholderIdFor(ids: readonly string[], given: string): string {
  if (ids.includes(given)) return given;
  const wanted = typed(given);
  const same = ids.filter((id) => typed(id) === wanted);
  return same.length === 1 ? same[0]! : given;
}

/** An id as a message shows it: invisible characters written as `\u{FE0F}`, so that two ids that look alike read apart. */
export function shownId(id: string): string {
  return id.replace(INVISIBLE, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}

/** Text with its invisible characters percent-encoded (`%EF%B8%8F`): an anchor to copy into a link, where it works as written. */
export function linkableAnchor(anchor: string): string {
  return anchor.replace(INVISIBLE, (c) => encodeURIComponent(c));
}
