/**
 * What a link destination says, as CommonMark reads it: `<…>` unwrapped,
 * backslash escapes and character references resolved. `[x](a\_b.md)` and
 * `[x](a&amp;b.md)` lead to `a_b.md` and `a&b.md`.
 *
 * @module
 */

import { characterReferenceAt } from './character-reference.js';
import { AMP, BACKSLASH, isAsciiPunctuation } from './inline-delimiters.js';

/** The destination a link's written destination (as in the source) stands for; percent-escapes are left as they are. */
export function destinationValue(written: string): string {
  const raw = written.startsWith('<') && written.endsWith('>') ? written.slice(1, -1) : written;
  if (raw.indexOf('\\') === -1 && raw.indexOf('&') === -1) return raw;
  let out = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === BACKSLASH && isAsciiPunctuation(raw.charCodeAt(i + 1))) {
      out += raw.slice(from, i);
      from = i + 1;
      i++;
    } else if (c === AMP) {
      const reference = characterReferenceAt(raw, i);
      if (reference === null) continue;
      out += raw.slice(from, i) + reference.text;
      from = reference.end;
      i = reference.end - 1;
    }
  }
  return out + raw.slice(from);
}
