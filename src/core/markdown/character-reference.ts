/**
 * CommonMark character references (`&amp;`, `&#35;`, `&#x23;`), decoded as
 * micromark decodes them, for the heading text scanner and link destinations.
 *
 * @module
 */

import { characterEntities } from 'character-entities';
import { HASH, SEMI, isAlnum, isDigit, isHex } from './inline-delimiters.js';

const own = Object.prototype.hasOwnProperty;
const entities: Readonly<Record<string, string>> = characterEntities;

/** A decoded reference: its text, and the index just past its `;`. */
export interface CharacterReference {
  readonly text: string;
  readonly end: number;
}

/**
 * The character reference starting at `index` (an `&`), or null when the
 * text there is no valid reference (an unknown name, no `;`, too many digits)
 * and the `&` is literal.
 */
export function characterReferenceAt(source: string, index: number): CharacterReference | null {
  let at = index + 1;
  let base = 0;
  let max = 31;
  if (source.charCodeAt(at) === HASH) {
    at++;
    if ((source.charCodeAt(at) | 32) === 120) {
      at++;
      base = 16;
      max = 6;
    } else {
      base = 10;
      max = 7;
    }
  }
  const start = at;
  const test = base === 16 ? isHex : base === 10 ? isDigit : isAlnum;
  while (at - start < max && test(source.charCodeAt(at))) at++;
  if (at === start || source.charCodeAt(at) !== SEMI) return null;
  const value = source.slice(start, at);
  if (base !== 0) return { text: decodeNumeric(value, base), end: at + 1 };
  if (!own.call(entities, value)) return null;
  return { text: entities[value]!, end: at + 1 };
}

/** Decodes `&#…;` like micromark-util-decode-numeric-character-reference. */
function decodeNumeric(digits: string, base: number): string {
  const code = Number.parseInt(digits, base);
  if (
    code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160) ||
    (code > 55_295 && code < 57_344) || (code > 64_975 && code < 65_008) ||
    (code & 65_535) === 65_535 || (code & 65_535) === 65_534 || code > 1_114_111
  ) {
    return '\uFFFD';
  }
  return String.fromCodePoint(code);
}
