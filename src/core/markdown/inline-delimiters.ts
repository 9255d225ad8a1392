/**
 * Helpers of the inline plain-text pass in `inline-text.ts`: character
 * classes, the token model, delimiter resolution, and the scanners that only
 * measure a construct (autolinks, raw HTML, link resources, GFM autolink
 * literals) without emitting anything.
 *
 * Everything here mirrors micromark (the parser behind
 * `mdast-util-from-markdown`) rather than the prose of the CommonMark spec:
 * the two differ in corner cases (micromark applies the rule of 3 to the
 * *remaining* run lengths, runs GFM strikethrough as a separate pass whose
 * order depends on which construct occurs first, ends unquoted attribute
 * values at `/`, ...), and our output must equal what `mdast-util-to-string`
 * returns for micromark's tree.
 *
 * @module
 */

// Character codes.
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const BANG = 33;
const QUOTE = 34;
export const HASH = 35;
export const AMP = 38;
const APOS = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const STAR = 42;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
export const SEMI = 59;
export const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const AT = 64;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const CARET = 94;
export const UNDERSCORE = 95;
export const GRAVE = 96;
/** `~`, the strikethrough marker. */
export const TILDE = 126;

/** Character code at `index`, `-1` outside the string (micromark's EOF). */
export function codeAt(source: string, index: number): number {
  return index >= 0 && index < source.length ? source.charCodeAt(index) : -1;
}

export const isAsciiAlpha = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isAlnum = (c: number): boolean => isDigit(c) || isAsciiAlpha(c);
export const isHex = (c: number): boolean => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
/** Space, tab or line ending: micromark's `markdownLineEndingOrSpace`. */
export const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === LF || c === CR;
/** micromark's `asciiControl`, which (via its negative codes) includes tab and line endings. */
const isControl = (c: number): boolean => (c >= 0 && c < SPACE) || c === 127;
export const isAsciiPunctuation = (c: number): boolean =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
/** Characters of a GFM email autolink literal's local part. */
const isGfmAtext = (c: number): boolean => isAlnum(c) || c === 43 || c === DASH || c === DOT || c === UNDERSCORE;
/** Characters of a CommonMark `<email>` autolink's local part (`asciiAtext`). */
const isAsciiAtext = (c: number): boolean =>
  (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === EQ || c === QUESTION ||
  (c >= 65 && c <= 90) || (c >= 94 && c <= 126);
const isSchemeChar = (c: number): boolean => isAlnum(c) || c === 43 || c === DASH || c === DOT;
// Unlike classifyCharacter, these say no at the edges of the text.
const isUnicodeWhitespace = (c: number): boolean => c >= 0 && classifyCharacter(c) === WHITESPACE;
const isUnicodePunctuation = (c: number): boolean => c >= 0 && classifyCharacter(c) === PUNCTUATION;
/** Characters after which a `www.` literal may start (micromark's `previousWww`). */
const isWwwBoundary = (c: number): boolean =>
  c < 0 || c === LPAREN || c === STAR || c === UNDERSCORE || c === LBRACKET || c === RBRACKET || c === TILDE || isBlank(c);
/** Characters that autolink literals may not end with (micromark's `trail`). */
const isTrailPunctuation = (c: number): boolean =>
  c === BANG || c === QUOTE || c === APOS || c === RPAREN || c === STAR || c === 44 || c === DOT || c === COLON ||
  c === SEMI || c === QUESTION || c === UNDERSCORE || c === TILDE;

/** Kind tag of a plain-text token. */
export const TEXT = 0;
/** Kind tag of an emphasis (`*`, `_`) or strikethrough (`~`) delimiter run. */
export const SEQ = 1;
/** Kind tag of a link (`[`) or image (`![`) label opener. */
export const LABEL = 2;
/** Kind tag of a completed link, image or footnote call. */
export const MEDIA = 3;

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

/**
 * The most delimiter runs of one family (`*` and `_`, or `~`) a span's
 * emphasis is resolved for. Pairing them takes time in the square of their
 * number (as in micromark: 4 s for a 40 KB heading of `*a`); so many are no
 * heading anyone writes, and they stay as written (their marks are no part
 * of an anchor anyway).
 */
const MAX_DELIMITER_RUNS = 250;

/** Whether a span has more runs of a family than are resolved (see {@link MAX_DELIMITER_RUNS}). */
function tooManyRuns(tokens: readonly Token[], tilde: boolean): boolean {
  let runs = 0;
  for (const token of tokens) if (token.kind === SEQ && (token.marker === TILDE) === tilde && ++runs > MAX_DELIMITER_RUNS) return true;
  return false;
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
  if (tooManyRuns(tokens, false)) return retire(tokens, false);
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
  if (tooManyRuns(tokens, true)) return retire(tokens, true);
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

// Scanners below only measure: each returns the index just past the construct
// starting at `index`, or -1 when there is none there.

/** `<scheme:…>` or `<local@domain>` autolink; its text is what lies between the brackets. */
export function autolinkEnd(source: string, index: number): number {
  let at = index + 1;
  let c = codeAt(source, at);
  if (isAsciiAlpha(c)) {
    at++;
    if (isSchemeChar(codeAt(source, at))) {
      // Scheme of 2 to 32 characters, then anything but spaces, `<` and controls.
      for (let size = 1; ; at++) {
        c = codeAt(source, at);
        if (c === COLON) {
          for (at++; ; at++) {
            c = codeAt(source, at);
            if (c === GT) return at + 1;
            if (c < 0 || c === SPACE || c === LT || isControl(c)) return -1;
          }
        }
        if (!isSchemeChar(c) || size++ >= 32) break;
      }
    }
  } else if (c === AT) {
    return -1;
  }
  for (;; at++) {
    c = codeAt(source, at);
    if (c === AT) break;
    if (!isAsciiAtext(c)) return -1;
  }
  // Domain: dot-separated labels of at most 63 alphanumerics/dashes, not ending in a dash.
  for (;;) {
    at++;
    if (!isAlnum(codeAt(source, at))) return -1;
    let size = 0;
    for (c = codeAt(source, at); c === DASH || isAlnum(c); c = codeAt(source, ++at)) {
      if (size++ >= 63) return -1;
    }
    if (codeAt(source, at - 1) === DASH) return -1;
    if (c === GT) return at + 1;
    if (c !== DOT) return -1;
  }
}

/**
 * What the searches of one text for the end of a comment, CDATA, processing
 * instruction or declaration found: by what is looked for, where the search
 * started and where it found it (-1: nowhere after). A text with thousands
 * of `<!--` and no `-->` is then searched to its end once, not once each.
 */
export type EndSearches = Map<string, readonly [from: number, found: number]>;

/** `source.indexOf(needle, from)`, answered from an earlier search of the same text when it tells. */
function indexAfter(source: string, needle: string, from: number, memo: EndSearches | undefined): number {
  if (memo === undefined) return source.indexOf(needle, from);
  const earlier = memo.get(needle);
  if (earlier !== undefined && from >= earlier[0] && (earlier[1] === -1 || from <= earlier[1])) return earlier[1];
  const found = source.indexOf(needle, from);
  memo.set(needle, [from, found]);
  return found;
}

/**
 * Raw inline HTML: tag, closing tag, comment, processing instruction,
 * declaration or CDATA. Callers that scan one text from left to right pass
 * one `memo` for all their calls.
 */
export function htmlEnd(source: string, index: number, memo?: EndSearches): number {
  let at = index + 1;
  let c = codeAt(source, at);
  if (c === BANG) {
    c = codeAt(source, ++at);
    if (c === DASH) {
      // `<!-->` and `<!--->` are complete comments in CommonMark 0.31.
      return codeAt(source, at + 1) === DASH ? past(indexAfter(source, '-->', at, memo), 3) : -1;
    }
    if (c === LBRACKET) return source.startsWith('CDATA[', at + 1) ? past(indexAfter(source, ']]>', at + 7, memo), 3) : -1;
    return isAsciiAlpha(c) ? past(indexAfter(source, '>', at, memo), 1) : -1;
  }
  if (c === QUESTION) return past(indexAfter(source, '?>', at + 1, memo), 2);
  if (c === SLASH) {
    if (!isAsciiAlpha(codeAt(source, ++at))) return -1;
    do c = codeAt(source, ++at);
    while (isAlnum(c) || c === DASH);
    while (isBlank(c)) c = codeAt(source, ++at);
    return c === GT ? at + 1 : -1;
  }
  return isAsciiAlpha(c) ? openTagEnd(source, at + 1) : -1;
}

function past(found: number, size: number): number {
  return found < 0 ? -1 : found + size;
}

/** Rest of an open tag after its first letter, following micromark's html-text states. */
function openTagEnd(source: string, at: number): number {
  let c = codeAt(source, at);
  while (isAlnum(c) || c === DASH) c = codeAt(source, ++at);
  if (c !== SLASH && c !== GT && !isBlank(c)) return -1;
  for (;;) {
    // Between attributes.
    c = codeAt(source, at);
    if (c === SLASH) return codeAt(source, at + 1) === GT ? at + 2 : -1;
    if (c === GT) return at + 1;
    if (isBlank(c)) {
      at++;
      continue;
    }
    if (!(c === COLON || c === UNDERSCORE || isAsciiAlpha(c))) return -1;
    // Attribute name.
    do c = codeAt(source, ++at);
    while (isAlnum(c) || c === DASH || c === DOT || c === COLON || c === UNDERSCORE);
    while (isBlank(c)) c = codeAt(source, ++at);
    if (c !== EQ) continue;
    // Attribute value.
    do c = codeAt(source, ++at);
    while (isBlank(c));
    if (c === QUOTE || c === APOS) {
      const close = source.indexOf(String.fromCharCode(c), at + 1);
      if (close < 0) return -1;
      at = close + 1;
      c = codeAt(source, at);
      if (c !== SLASH && c !== GT && !isBlank(c)) return -1;
      continue;
    }
    if (c < 0 || c === LT || c === EQ || c === GT || c === GRAVE) return -1;
    // Unquoted; unlike the spec prose, micromark also ends it at `/`.
    for (;;) {
      c = codeAt(source, ++at);
      if (c < 0 || c === QUOTE || c === APOS || c === LT || c === EQ || c === GRAVE) return -1;
      if (c === SLASH || c === GT || isBlank(c)) break;
    }
  }
}

/** `(destination "title")` after a link label, per micromark's destination/title factories. */
export function resourceEnd(source: string, index: number): number {
  let at = skipBlanks(source, index + 1);
  let c = codeAt(source, at);
  if (c === RPAREN) return at + 1;
  if (c === LT) {
    for (;;) {
      c = codeAt(source, ++at);
      if (c === GT) break;
      if (c < 0 || c === LT || c === LF || c === CR) return -1;
      if (c === BACKSLASH) {
        const next = codeAt(source, at + 1);
        if (next === LT || next === GT || next === BACKSLASH) at++;
      }
    }
    at++;
  } else {
    if (c < 0 || c === SPACE || isControl(c)) return -1;
    // Parentheses must balance, nested at most 32 deep.
    let balance = 0;
    for (;;) {
      c = codeAt(source, at);
      if (balance === 0 && (c < 0 || c === RPAREN || isBlank(c))) break;
      if (c === LPAREN && balance < 32) balance++;
      else if (c === RPAREN) balance--;
      else if (c < 0 || c === SPACE || c === LPAREN || isControl(c)) return -1;
      at++;
      if (c === BACKSLASH) {
        const next = codeAt(source, at);
        if (next === LPAREN || next === RPAREN || next === BACKSLASH) at++;
      }
    }
  }
  if (isBlank(codeAt(source, at))) {
    at = skipBlanks(source, at);
    c = codeAt(source, at);
    if (c === QUOTE || c === APOS || c === LPAREN) {
      const marker = c === LPAREN ? RPAREN : c;
      for (;;) {
        c = codeAt(source, ++at);
        if (c < 0) return -1;
        if (c === marker) break;
        if (c === BACKSLASH) {
          const next = codeAt(source, at + 1);
          if (next === marker || next === BACKSLASH) at++;
        }
      }
      at = skipBlanks(source, at + 1);
    }
  }
  return codeAt(source, at) === RPAREN ? at + 1 : -1;
}

function skipBlanks(source: string, at: number): number {
  while (isBlank(codeAt(source, at))) at++;
  return at;
}

/** Which GFM autolink literal kinds the text could contain at all. */
export interface LiteralHints {
  readonly email: boolean;
  readonly www: boolean;
  readonly http: boolean;
}

/** Whether a GFM autolink literal may begin at `index`, judging by the character before it. */
export function mayStartLiteral(source: string, index: number, code: number, hints: LiteralHints): boolean {
  const before = codeAt(source, index - 1);
  if (hints.email && isGfmAtext(code) && before !== SLASH && !isGfmAtext(before)) return true;
  if ((code | 32) === 104) return hints.http && !isAsciiAlpha(before);
  if ((code | 32) === 119) return hints.www && isWwwBoundary(before);
  return false;
}

/**
 * GFM autolink literal (email, `www.`, `http(s)://`) at `index`, tried in
 * micromark's order. The caller checks that no link label is open.
 */
export function literalEnd(source: string, index: number, code: number, hints: LiteralHints): number {
  const before = codeAt(source, index - 1);
  let end = -1;
  if (hints.email && isGfmAtext(code) && before !== SLASH && !isGfmAtext(before)) end = emailEnd(source, index);
  if (end < 0 && (code | 32) === 104 && hints.http && !isAsciiAlpha(before)) end = httpEnd(source, index);
  if (end < 0 && (code | 32) === 119 && hints.www && isWwwBoundary(before)) end = wwwEnd(source, index);
  return end;
}

function emailEnd(source: string, index: number): number {
  let at = index;
  while (isGfmAtext(codeAt(source, at))) at++;
  if (codeAt(source, at) !== AT) return -1;
  let dot = false;
  let data = false;
  for (;;) {
    const c = codeAt(source, ++at);
    if (c === DOT) {
      if (!isAlnum(codeAt(source, at + 1))) break;
      dot = true;
    } else if (c === DASH || c === UNDERSCORE || isAlnum(c)) {
      data = true;
    } else {
      break;
    }
  }
  return data && dot && isAsciiAlpha(codeAt(source, at - 1)) ? at : -1;
}

function wwwEnd(source: string, index: number): number {
  if ((codeAt(source, index + 1) | 32) !== 119 || (codeAt(source, index + 2) | 32) !== 119) return -1;
  if (codeAt(source, index + 3) !== DOT || index + 4 >= source.length) return -1;
  const end = domainEnd(source, index);
  return end < 0 ? -1 : pathEnd(source, end);
}

function httpEnd(source: string, index: number): number {
  let at = index + 1;
  while (at - index < 5 && isAsciiAlpha(codeAt(source, at))) at++;
  const scheme = source.slice(index, at).toLowerCase();
  if (codeAt(source, at) !== COLON || (scheme !== 'http' && scheme !== 'https')) return -1;
  if (codeAt(source, at + 1) !== SLASH || codeAt(source, at + 2) !== SLASH) return -1;
  at += 3;
  const c = codeAt(source, at);
  if (c < 0 || isControl(c) || isUnicodeWhitespace(c) || isUnicodePunctuation(c)) return -1;
  const end = domainEnd(source, at);
  return end < 0 ? -1 : pathEnd(source, end);
}

function domainEnd(source: string, at: number): number {
  let seen = false;
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  for (;;) {
    const c = codeAt(source, at);
    if (c === DOT || c === UNDERSCORE) {
      if (isTrail(source, at)) break;
      if (c === UNDERSCORE) {
        underscoreInLast = true;
      } else {
        underscoreInLastButOne = underscoreInLast;
        underscoreInLast = false;
      }
    } else if (c < 0 || isUnicodeWhitespace(c) || (c !== DASH && isUnicodePunctuation(c))) {
      break;
    } else {
      seen = true;
    }
    at++;
  }
  return underscoreInLast || underscoreInLastButOne || !seen ? -1 : at;
}

function pathEnd(source: string, at: number): number {
  let open = 0;
  let close = 0;
  for (;;) {
    const c = codeAt(source, at);
    if (c === LPAREN) {
      open++;
    } else if (c === RPAREN && close < open) {
      close++;
    } else if (isTrailPunctuation(c) || c === AMP || c === LT || c === RBRACKET) {
      if (isTrail(source, at)) return at;
      if (c === RPAREN) close++;
    } else if (c < 0 || isUnicodeWhitespace(c)) {
      return at;
    }
    at++;
  }
}

/** Whether what starts at `at` is trailing punctuation, which a literal does not include. */
function isTrail(source: string, at: number): boolean {
  for (;;) {
    let c = codeAt(source, at);
    if (isTrailPunctuation(c)) {
      at++;
    } else if (c === AMP) {
      // Something that looks like a character reference.
      at++;
      if (!isAsciiAlpha(codeAt(source, at))) return false;
      while (isAsciiAlpha(codeAt(source, at))) at++;
      if (codeAt(source, at) !== SEMI) return false;
      at++;
    } else if (c === RBRACKET) {
      c = codeAt(source, ++at);
      if (c < 0 || c === LPAREN || c === LBRACKET || isUnicodeWhitespace(c)) return true;
    } else {
      return c === LT || c < 0 || isUnicodeWhitespace(c);
    }
  }
}
