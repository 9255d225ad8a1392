// An inline link or image: [text](destination "title"), not after an
// unescaped backslash (`\[` is a literal bracket, `\\[` a backslash and a
// link). Link text may hold one level of brackets, so `[see [RFC]](#x)` and a
// badge `[![b](b.png)](#x)` are links; a title may hold escaped quotes. Group 1
// is the text (searched again for links inside it), group 2 the destination.
const INLINE_LINK = /(?<!(?:^|[^\\])(?:\\\\)*\\)!?\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\(\s*(<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)(?:\s+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)/g;

/** An inline link or image of a prose text. */
export interface InlineLink {
  /** Where it starts (its `[`, or the `!` of an image). */
  readonly index: number;
  readonly length: number;
  /** The destination as written (`<…>` kept). */
  readonly destination: string;
}

/**
 * The inline links and images of a prose text (code spans and comments
 * blanked out by the caller), those inside a link's text included: what a
 * reader follows, for `broken-link`.
 */
export function findInlineLinks(text: string, offset = 0): InlineLink[] {
  const links: InlineLink[] = [];
  // One pattern object reused (matchAll copies it on every call); the matches
  // are taken first, since the links inside a link's text use it again.
  const matches: RegExpExecArray[] = [];
  INLINE_LINK.lastIndex = 0;
  for (let m = INLINE_LINK.exec(text); m !== null; m = INLINE_LINK.exec(text)) matches.push(m);
  for (const m of matches) {
    links.push({ index: offset + m.index, length: m[0].length, destination: m[2]! });
    const inner = m[1]!;
    // The text starts after the `[` (after `![` for an image).
    if (inner.includes('](')) links.push(...findInlineLinks(inner, offset + m.index + m[0].indexOf('[') + 1));
  }
  return links;
}

// A full or collapsed reference link or image: [text][label], [text][].
const REFERENCE_LINK = /(?<!(?:^|[^\\])(?:\\\\)*\\)!?\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\[(?:[^[\]\\]|\\.)*\]/g;

/**
 * A prose text with each inline or reference link (and image) replaced by
 * its text: what a reader sees of it. Guidance kept with a link unlinked, or
 * linked another way, is still the same guidance.
 */
export function withLinksAsText(text: string): string {
  if (text.indexOf('[') === -1) return text;
  const unlink = (t: string): string => t.replace(INLINE_LINK, (_m, inner: string) => unlink(inner)).replace(REFERENCE_LINK, (_m, inner: string) => inner);
  return unlink(text);
}
