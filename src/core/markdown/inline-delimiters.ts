/**
 * Token model, character classes and delimiter resolution shared by the
 * inline plain-text pass in `inline-text.ts`.
 *
 * The resolution below deliberately mirrors micromark (the parser behind
 * `mdast-util-from-markdown`) rather than the reference "process emphasis"
 * pseudo-code of the CommonMark spec: the two differ in corner cases (micromark
 * applies the rule of 3 to the *remaining* run lengths, runs GFM strikethrough
 * as a separate pass whose order depends on which construct occurs first, and
 * resolves spans recursively), and our output must equal what
 * `mdast-util-to-string` returns for micromark's tree.
 *
 * @module
 */

/** Kind tag of a plain-text token. */
export const TEXT = 0;
/** Kind tag of an emphasis (`*`, `_`) or strikethrough (`~`) delimiter run. */
export const SEQ = 1;
/** Kind tag of a link (`[`) or image (`![`) label opener. */
export const LABEL = 2;
/** Kind tag of a completed link, image or footnote call. */
export const MEDIA = 3;

/** Character code of `~`, the strikethrough marker. */
export const TILDE = 126;

/** Text that is final: its characters take no further part in parsing. */
export interface TextToken {
  kind: typeof TEXT;
  value: string;
  /**
   * Whether this is raw source micromark keeps in a `data` token: only such
   * text loses its trailing whitespace before a line ending (soft/hard break).
   */
  data: boolean;
}

/** A run of `*`, `_` or `~` that may still open or close a span. */
export interface SeqToken {
  kind: typeof SEQ;
  /** Character code of the marker (`*`, `_` or `~`). */
  marker: number;
  /** Characters of the run not yet used by a span. */
  size: number;
  open: boolean;
  close: boolean;
}

/** An unresolved `[` or `![`, waiting for a `]` that may turn it into a link or image. */
export interface LabelToken {
  kind: typeof LABEL;
  image: boolean;
  /** Source index just after the opener, where the label text starts. */
  end: number;
  /** Index of this token in the token list, to cut the label content out in O(1). */
  index: number;
  /** A `]` already tried this opener and failed: it is plain text now. */
  balanced: boolean;
  /** A link opener preceding a completed link: links cannot contain links. */
  inactive: boolean;
}

/**
 * A completed link, image or footnote call. Kept distinct from text because
 * micromark's footnote-call lookbehind and link deactivation stop at them.
 */
export interface MediaToken {
  kind: typeof MEDIA;
  value: string;
  /** Whether this is a link (as opposed to an image or footnote call). */
  link: boolean;
}

/** Any inline token. */
export type Token = TextToken | SeqToken | LabelToken | MediaToken;

/** Whitespace group of {@link classifyCharacter}. */
export const WHITESPACE = 1;
/** Punctuation group of {@link classifyCharacter}. */
export const PUNCTUATION = 2;

// Per ASCII code: 1 = whitespace, 2 = punctuation, 0 = other. Non-ASCII goes
// through the regexes; micromark tests single UTF-16 code units, so astral
// characters (two surrogates) count as "other" there, and so they do here.
const ASCII_GROUP = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  ASCII_GROUP[code] = /\s/.test(char) ? WHITESPACE : /[!-/:-@[-`{-~]/.test(char) ? PUNCTUATION : 0;
}
const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/**
 * Character group as micromark's `classifyCharacter` sees it (`-1` is the
 * start or end of the text, which counts as whitespace), used for the
 * left/right-flanking rules.
 */
export function classifyCharacter(code: number): 0 | 1 | 2 {
  if (code < 0) return WHITESPACE;
  if (code < 128) return ASCII_GROUP[code] as 0 | 1 | 2;
  const char = String.fromCharCode(code);
  if (UNICODE_WHITESPACE.test(char)) return WHITESPACE;
  return UNICODE_PUNCTUATION.test(char) ? PUNCTUATION : 0;
}

/**
 * Creates the token for a delimiter run of `size` characters whose
 * neighbouring source characters are `before` and `after` (`-1` at the edges).
 */
export function createSequence(marker: number, size: number, before: number, after: number): SeqToken {
  const groupBefore = classifyCharacter(before);
  const groupAfter = classifyCharacter(after);
  if (marker === TILDE) {
    // micromark-extension-gfm-strikethrough: plain flanking, no `_`-style rules.
    return {
      kind: SEQ,
      marker,
      size,
      open: groupAfter === 0 || (groupAfter === PUNCTUATION && groupBefore !== 0),
      close: groupBefore === 0 || (groupBefore === PUNCTUATION && groupAfter !== 0),
    };
  }
  // GFM registers `~` as an extra attention marker, which makes a `~` next to
  // a `*`/`_` run count like a letter for flanking purposes.
  const open = groupAfter === 0 || (groupAfter === PUNCTUATION && groupBefore !== 0) || after === TILDE;
  const close = groupBefore === 0 || (groupBefore === PUNCTUATION && groupAfter !== 0) || before === TILDE;
  if (marker === 42) return { kind: SEQ, marker, size, open, close };
  return {
    kind: SEQ,
    marker,
    size,
    open: open && (groupBefore !== 0 || !close),
    close: close && (groupAfter !== 0 || !open),
  };
}

/** Plain text of tokens: unresolved markers and openers read as written. */
export function flatten(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.kind) {
      case TEXT:
      case MEDIA:
        out += token.value;
        break;
      case SEQ:
        out += String.fromCharCode(token.marker).repeat(token.size);
        break;
      case LABEL:
        out += token.image ? '![' : '[';
        break;
    }
  }
  return out;
}

/**
 * Resolves the delimiters inside a span (link label, emphasis, strikethrough)
 * the way micromark's `insideSpan` resolvers do: strikethrough first, then
 * emphasis. Mutates and returns `tokens`.
 */
export function resolveSpan(tokens: Token[]): Token[] {
  // Most spans (link text, emphasis content) hold no delimiter runs at all.
  if (tokens.some((token) => token.kind === SEQ)) {
    resolveStrikethrough(tokens);
    resolveAttention(tokens);
  }
  return tokens;
}

/** Turns leftover runs of one marker family into literal text. */
function retire(tokens: Token[], tilde: boolean): void {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === SEQ && (token.marker === TILDE) === tilde) {
      tokens[index] = { kind: TEXT, value: String.fromCharCode(token.marker).repeat(token.size), data: false };
    }
  }
}

/**
 * micromark's `resolveAllAttention`: each closer, left to right, takes the
 * nearest compatible opener; what lies between is resolved on its own and
 * frozen, so nothing inside can pair with anything outside.
 */
export function resolveAttention(tokens: Token[]): void {
  let index = 0;
  while (index < tokens.length) {
    const closer = tokens[index]!;
    let next = index + 1;
    if (closer.kind === SEQ && closer.marker !== TILDE && closer.close) {
      for (let open = index - 1; open >= 0; open--) {
        const opener = tokens[open]!;
        if (opener.kind !== SEQ || opener.marker !== closer.marker || !opener.open) continue;
        // Rule of 3, on the *remaining* sizes as micromark does.
        if ((opener.close || closer.open) && closer.size % 3 !== 0 && (opener.size + closer.size) % 3 === 0) {
          continue;
        }
        const use = opener.size > 1 && closer.size > 1 ? 2 : 1;
        opener.size -= use;
        closer.size -= use;
        const group: TextToken = { kind: TEXT, value: flatten(resolveSpan(tokens.slice(open + 1, index))), data: false };
        const replacement: Token[] = opener.size > 0 ? [opener, group] : [group];
        // A closer with characters left over is examined again.
        next = open + replacement.length;
        if (closer.size > 0) replacement.push(closer);
        tokens.splice(open, index - open + 1, ...replacement);
        break;
      }
    }
    index = next;
  }
  retire(tokens, false);
}

/**
 * micromark-extension-gfm-strikethrough's resolver: a closing `~`/`~~` run
 * pairs with the nearest opening run of the same length.
 */
export function resolveStrikethrough(tokens: Token[]): void {
  let index = 0;
  while (index < tokens.length) {
    const closer = tokens[index]!;
    if (closer.kind === SEQ && closer.marker === TILDE && closer.close) {
      for (let open = index - 1; open >= 0; open--) {
        const opener = tokens[open]!;
        if (opener.kind === SEQ && opener.marker === TILDE && opener.open && opener.size === closer.size) {
          const value = flatten(resolveSpan(tokens.slice(open + 1, index)));
          tokens.splice(open, index - open + 1, { kind: TEXT, value, data: false });
          index = open;
          break;
        }
      }
    }
    index++;
  }
  retire(tokens, true);
}
