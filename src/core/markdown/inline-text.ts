/**
 * Plain text of a heading's inline Markdown, without building a syntax tree.
 *
 * Headings are compared and slugged by their text on every check of every
 * document, so running `mdast-util-from-markdown` per heading is far too slow;
 * yet the result must be *exactly* what `mdast-util-to-string` (default
 * options) returns for the tree that `mdast-util-from-markdown` + GFM builds,
 * or slugs would drift from what other tools compute. This module is a
 * single left-to-right pass that reproduces micromark's tokenizer decisions
 * (CommonMark 0.31 + GFM strikethrough, autolink literals and footnote calls)
 * but only keeps text. Where micromark departs from the spec prose, micromark
 * wins; `test/inline-text.test.ts` checks this differentially.
 *
 * @module
 */

import { characterEntities } from 'character-entities';
import {
  LABEL,
  MEDIA,
  SEQ,
  TEXT,
  TILDE,
  createSequence,
  flatten,
  resolveAttention,
  resolveSpan,
  resolveStrikethrough,
  type LabelToken,
  type Token,
} from './inline-delimiters.js';

/** Context the inline pass needs from the whole document. */
export interface InlineContext {
  /** Normalized labels (see normalizeLabel) of link reference definitions in the document. */
  readonly definitions: ReadonlySet<string>;
  /** Normalized labels of GFM footnote definitions (`[^x]: ...`) in the document. */
  readonly footnotes?: ReadonlySet<string>;
}

/**
 * CommonMark label normalization (as micromark-util-normalize-identifier:
 * collapse whitespace runs to one space, trim, then
 * .toLowerCase().toUpperCase()).
 *
 * Exported so callers build {@link InlineContext} sets with the very function
 * the matcher uses; the lower-then-upper round trip is what makes `ẞ` match
 * `SS`, as the spec requires.
 */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

/**
 * Plain text of inline Markdown `content` as mdast-util-to-string would give
 * for a heading/paragraph holding it.
 *
 * `content` is what the block parser hands to the inline parser: trimmed,
 * lines joined with `"\n"`, no leading whitespace on continuation lines.
 */
export function inlineText(content: string, context: InlineContext): string {
  // Most headings are plain words: nothing here can start a construct, and
  // autolink literals keep their text, so the input already is the answer.
  if (!MAY_CHANGE.test(content)) return content;
  // micromark's preprocessor replaces NUL before anything else looks at it.
  const source = content.includes('\0') ? content.replaceAll('\0', '\uFFFD') : content;
  return new InlineScanner(source, context).run();
}

const MAY_CHANGE = /[\\`*_[\]!<>&~\n\0]/;
const LITERAL_HINT = /@|www\.|https?:\/\//i;

const EMPTY: ReadonlySet<string> = new Set();
const own = Object.prototype.hasOwnProperty;
const entities: Readonly<Record<string, string>> = characterEntities;

/** Resolver ids, recorded in the order micromark first uses each construct. */
const ATTENTION = 0;
const STRIKETHROUGH = 1;

// Character codes.
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BANG = 33;
const QUOTE = 34;
const HASH = 35;
const AMP = 38;
const APOS = 39;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const SEMI = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const CARET = 94;
const UNDERSCORE = 95;
const GRAVE = 96;

/** Characters at which the main loop must stop: some construct may start there. */
const STOP = new Uint8Array(128);
for (const char of '\n\\`*_[]!<&~') STOP[char.charCodeAt(0)] = 1;

const isAsciiAlpha = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isDigit(c) || isAsciiAlpha(c);
const isHex = (c: number): boolean => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
/** Space, tab or line ending: micromark's `markdownLineEndingOrSpace`. */
const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === LF || c === CR;
/** micromark's `asciiControl`, which (via its negative codes) includes tab and line endings. */
const isControl = (c: number): boolean => (c >= 0 && c < SPACE) || c === 127;
const isAsciiPunctuation = (c: number): boolean =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
/** Characters of a GFM email autolink literal's local part. */
const isGfmAtext = (c: number): boolean => isAlnum(c) || c === 43 || c === DASH || c === DOT || c === UNDERSCORE;
/** Characters of a CommonMark `<email>` autolink's local part (`asciiAtext`). */
const isAsciiAtext = (c: number): boolean =>
  (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === EQ || c === QUESTION ||
  (c >= 65 && c <= 90) || (c >= 94 && c <= 126);
const isSchemeChar = (c: number): boolean => isAlnum(c) || c === 43 || c === DASH || c === DOT;
const isUnicodeWhitespace = (c: number): boolean => c >= 0 && (isBlank(c) || /\s/.test(String.fromCharCode(c)));
const isUnicodePunctuation = (c: number): boolean =>
  c >= 0 && (c < 128 ? isAsciiPunctuation(c) : /\p{P}|\p{S}/u.test(String.fromCharCode(c)));
/** Characters after which a `www.` literal may start (micromark's `previousWww`). */
const isWwwBoundary = (c: number): boolean =>
  c < 0 || c === LPAREN || c === STAR || c === UNDERSCORE || c === LBRACKET || c === RBRACKET || c === TILDE || isBlank(c);
/** Characters that autolink literals may not end with (micromark's `trail`). */
const isTrailPunctuation = (c: number): boolean =>
  c === BANG || c === QUOTE || c === APOS || c === RPAREN || c === STAR || c === 44 || c === DOT || c === COLON ||
  c === SEMI || c === QUESTION || c === UNDERSCORE || c === TILDE;

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

/**
 * One pass over one string. A class so the hot state lives in fields V8 can
 * keep in a stable shape instead of a closure per call.
 */
class InlineScanner {
  private readonly tokens: Token[] = [];
  /** Open `[`/`![` openers, innermost last (micromark's `_labelStarts`). */
  private readonly labels: LabelToken[] = [];
  /** Which delimiter resolvers to run at the end, in order of first use. */
  private readonly order: number[] = [];
  private readonly definitions: ReadonlySet<string>;
  private readonly footnotes: ReadonlySet<string>;
  private readonly length: number;
  /** Source index just past the last backslash escape (it lets a `~` follow a `~`). */
  private escapeEnd = -1;
  private readonly emailLiterals: boolean;
  private readonly wwwLiterals: boolean;
  private readonly httpLiterals: boolean;

  private readonly source: string;

  constructor(source: string, context: InlineContext) {
    this.source = source;
    this.length = source.length;
    this.definitions = context.definitions;
    this.footnotes = context.footnotes ?? EMPTY;
    // Literal autolinks only matter for what they swallow; skip looking for
    // them unless their telltale text is there at all.
    const literals = LITERAL_HINT.test(source);
    this.emailLiterals = literals && source.includes('@');
    this.wwwLiterals = literals && /www\./i.test(source);
    this.httpLiterals = literals && /https?:\/\//i.test(source);
  }

  /** Character code at `index`, `-1` past either end (micromark's EOF). */
  private code(index: number): number {
    return index >= 0 && index < this.length ? this.source.charCodeAt(index) : -1;
  }

  run(): string {
    const { source, length } = this;
    const literals = this.emailLiterals || this.wwwLiterals || this.httpLiterals;
    let index = 0;
    while (index < length) {
      const code = source.charCodeAt(index);
      let end = -1;
      switch (code) {
        case LF:
          end = this.lineEnding(index);
          break;
        case BACKSLASH:
          end = this.backslash(index);
          break;
        case AMP:
          end = this.characterReference(index);
          break;
        case GRAVE:
          end = this.codeSpan(index);
          break;
        case LT:
          end = this.autolink(index);
          if (end < 0) end = this.html(index);
          break;
        case BANG:
          if (this.code(index + 1) === LBRACKET) end = this.labelStart(index, true);
          break;
        case LBRACKET:
          end = this.footnoteCall(index);
          if (end < 0) end = this.labelStart(index, false);
          break;
        case RBRACKET:
          end = this.labelEnd(index);
          break;
        case UNDERSCORE:
          if (literals) end = this.literal(index, code);
          if (end < 0) end = this.attention(index, code);
          break;
        case STAR:
          end = this.attention(index, code);
          break;
        case TILDE:
          end = this.strikethrough(index);
          break;
        default:
          if (literals) end = this.literal(index, code);
      }
      if (end < 0) {
        // Plain data up to the next character that may start something.
        end = index + 1;
        while (end < length) {
          const next = source.charCodeAt(end);
          if (next < 128 && (STOP[next] === 1 || (literals && this.mayStartLiteral(end, next)))) break;
          end++;
        }
        this.data(source.slice(index, end));
      }
      index = end;
    }
    for (const resolver of this.order) {
      if (resolver === ATTENTION) resolveAttention(this.tokens);
      else resolveStrikethrough(this.tokens);
    }
    return flatten(this.tokens);
  }

  /** Appends raw source text, merging with preceding raw text as micromark merges `data`. */
  private data(value: string): void {
    const last = this.tokens[this.tokens.length - 1];
    if (last?.kind === TEXT && last.data) last.value += value;
    else this.tokens.push({ kind: TEXT, value, data: true });
  }

  private literalText(value: string): void {
    this.tokens.push({ kind: TEXT, value, data: false });
  }

  private use(resolver: number): void {
    if (!this.order.includes(resolver)) this.order.push(resolver);
  }

  /**
   * Soft or hard line break. Whitespace ending the preceding raw text is
   * dropped; two or more spaces (and no tab) make a hard break, whose `break`
   * node has no text and swallows the line ending too.
   */
  private lineEnding(index: number): number {
    let hard = false;
    const last = this.tokens[this.tokens.length - 1];
    if (last?.kind === TEXT && last.data) {
      const value = last.value;
      let cut = value.length;
      let tab = false;
      for (let c = value.charCodeAt(cut - 1); c === SPACE || c === TAB; c = value.charCodeAt(--cut - 1)) {
        if (c === TAB) tab = true;
      }
      if (cut < value.length) {
        hard = !tab && value.length - cut >= 2;
        last.value = value.slice(0, cut);
      }
    }
    if (!hard) this.literalText('\n');
    return this.skipLinePrefix(index + 1);
  }

  private skipLinePrefix(index: number): number {
    while (index < this.length) {
      const c = this.source.charCodeAt(index);
      if (c !== SPACE && c !== TAB) break;
      index++;
    }
    return index;
  }

  /** Escape, or hard break when the backslash ends a line. */
  private backslash(index: number): number {
    const next = this.code(index + 1);
    if (next === LF) return this.skipLinePrefix(index + 2);
    if (next < 0 || !isAsciiPunctuation(next)) return -1;
    this.literalText(this.source[index + 1]!);
    this.escapeEnd = index + 2;
    return index + 2;
  }

  private characterReference(index: number): number {
    const { source } = this;
    let at = index + 1;
    let base = 0;
    let max = 31;
    if (this.code(at) === HASH) {
      at++;
      if ((this.code(at) | 32) === 120) {
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
    while (at - start < max && test(this.code(at))) at++;
    if (at === start || this.code(at) !== SEMI) return -1;
    const value = source.slice(start, at);
    if (base !== 0) {
      this.literalText(decodeNumeric(value, base));
    } else {
      if (!own.call(entities, value)) return -1;
      this.literalText(entities[value]!);
    }
    return at + 1;
  }

  /** Code span: content up to the next backtick run of the same length. */
  private codeSpan(index: number): number {
    const { source, length } = this;
    let open = index;
    while (open < length && source.charCodeAt(open) === GRAVE) open++;
    const size = open - index;
    let search = open;
    for (;;) {
      const close = source.indexOf('`', search);
      if (close < 0) {
        // No closer: the whole run is literal (its other backticks cannot start one either).
        this.data(source.slice(index, open));
        return open;
      }
      let after = close;
      while (after < length && source.charCodeAt(after) === GRAVE) after++;
      if (after - close === size) {
        let value = source.slice(open, close);
        const first = value.charCodeAt(0);
        const last = value.charCodeAt(value.length - 1);
        // Strip one padding space/line ending on each side, unless it is all padding.
        if (
          (first === SPACE || first === LF || first === CR) &&
          (last === SPACE || last === LF || last === CR) &&
          /[^ \n\r]/.test(value)
        ) {
          value = value.slice(1, -1);
        }
        this.literalText(value);
        return after;
      }
      search = after;
    }
  }

  /** `<scheme:…>` or `<local@domain>`; the text is what is between the brackets. */
  private autolink(index: number): number {
    let at = index + 1;
    let c = this.code(at);
    if (isAsciiAlpha(c)) {
      at++;
      if (isSchemeChar(this.code(at))) {
        for (let size = 1; ; at++) {
          c = this.code(at);
          if (c === COLON) return this.autolinkUrl(index, at + 1);
          if (!isSchemeChar(c) || size++ >= 32) break;
        }
      }
    } else if (c === AT) {
      return -1;
    }
    for (;; at++) {
      c = this.code(at);
      if (c === AT) break;
      if (!isAsciiAtext(c)) return -1;
    }
    // Domain: dot-separated labels of at most 63 alphanumerics/dashes, not ending in a dash.
    for (;;) {
      at++;
      if (!isAlnum(this.code(at))) return -1;
      let size = 0;
      for (;;) {
        c = this.code(at);
        if (c === DASH || isAlnum(c)) {
          if (size++ >= 63) return -1;
          at++;
          continue;
        }
        break;
      }
      if (this.code(at - 1) === DASH) return -1;
      if (c === GT) break;
      if (c !== DOT) return -1;
    }
    this.literalText(this.source.slice(index + 1, at));
    return at + 1;
  }

  private autolinkUrl(index: number, at: number): number {
    for (;; at++) {
      const c = this.code(at);
      if (c === GT) break;
      if (c < 0 || c === SPACE || c === LT || isControl(c)) return -1;
    }
    this.literalText(this.source.slice(index + 1, at));
    return at + 1;
  }

  /** Raw inline HTML, kept verbatim (`includeHtml`). */
  private html(index: number): number {
    const { source } = this;
    let at = index + 1;
    let c = this.code(at);
    let end = -1;
    if (c === BANG) {
      c = this.code(++at);
      if (c === DASH) {
        // `<!-->` and `<!--->` are complete comments in CommonMark 0.31.
        if (this.code(at + 1) === DASH) end = this.after(source.indexOf('-->', at), 3);
      } else if (c === LBRACKET) {
        if (source.startsWith('CDATA[', at + 1)) end = this.after(source.indexOf(']]>', at + 7), 3);
      } else if (isAsciiAlpha(c)) {
        end = this.after(source.indexOf('>', at), 1);
      }
    } else if (c === QUESTION) {
      end = this.after(source.indexOf('?>', at + 1), 2);
    } else if (c === SLASH) {
      at++;
      if (isAsciiAlpha(this.code(at))) {
        do at++;
        while (isAlnum(this.code(at)) || this.code(at) === DASH);
        while (isBlank(this.code(at))) at++;
        if (this.code(at) === GT) end = at + 1;
      }
    } else if (isAsciiAlpha(c)) {
      end = this.openTag(at + 1);
    }
    if (end < 0) return -1;
    this.literalText(source.slice(index, end));
    return end;
  }

  private after(found: number, size: number): number {
    return found < 0 ? -1 : found + size;
  }

  /** Rest of an open tag after its first letter, per micromark's html-text states. */
  private openTag(at: number): number {
    let c = this.code(at);
    while (isAlnum(c) || c === DASH) c = this.code(++at);
    if (c !== SLASH && c !== GT && !isBlank(c)) return -1;
    for (;;) {
      // Between attributes.
      c = this.code(at);
      if (c === SLASH) return this.code(at + 1) === GT ? at + 2 : -1;
      if (c === GT) return at + 1;
      if (isBlank(c)) {
        at++;
        continue;
      }
      if (!(c === COLON || c === UNDERSCORE || isAsciiAlpha(c))) return -1;
      // Attribute name.
      do c = this.code(++at);
      while (isAlnum(c) || c === DASH || c === DOT || c === COLON || c === UNDERSCORE);
      while (isBlank(c)) c = this.code(++at);
      if (c !== EQ) continue;
      // Attribute value.
      do c = this.code(++at);
      while (isBlank(c));
      if (c === QUOTE || c === APOS) {
        const close = this.source.indexOf(String.fromCharCode(c), at + 1);
        if (close < 0) return -1;
        at = close + 1;
        c = this.code(at);
        if (c !== SLASH && c !== GT && !isBlank(c)) return -1;
        continue;
      }
      if (c < 0 || c === LT || c === EQ || c === GT || c === GRAVE) return -1;
      // Unquoted: micromark also ends it at `/`.
      for (;;) {
        c = this.code(++at);
        if (c < 0 || c === QUOTE || c === APOS || c === LT || c === EQ || c === GRAVE) return -1;
        if (c === SLASH || c === GT || isBlank(c)) break;
      }
    }
  }

  /** `[^label]` naming a defined footnote: a footnoteReference, which has no text. */
  private footnoteCall(index: number): number {
    if (this.footnotes.size === 0 || this.code(index + 1) !== CARET) return -1;
    let at = index + 2;
    let size = 0;
    for (;;) {
      const c = this.code(at);
      if (size > 999 || c < 0 || c === LBRACKET || isBlank(c) || (c === RBRACKET && size === 0)) return -1;
      if (c === RBRACKET) break;
      at++;
      size++;
      if (c === BACKSLASH) {
        const next = this.code(at);
        if (next === LBRACKET || next === BACKSLASH || next === RBRACKET) {
          at++;
          size++;
        }
      }
    }
    if (!this.footnotes.has(normalizeLabel(this.source.slice(index + 2, at)))) return -1;
    this.tokens.push({ kind: MEDIA, value: '', link: false });
    return at + 1;
  }

  private labelStart(index: number, image: boolean): number {
    const end = index + (image ? 2 : 1);
    const token: LabelToken = { kind: LABEL, image, end, index: this.tokens.length, balanced: false, inactive: false };
    this.tokens.push(token);
    this.labels.push(token);
    return end;
  }

  /** `]`: close the innermost open label as a link or image, else try a `![^x]` footnote call. */
  private labelEnd(index: number): number {
    const { labels } = this;
    while (labels.length > 0 && labels[labels.length - 1]!.balanced) labels.pop();
    const start = labels[labels.length - 1];
    if (start !== undefined) {
      if (start.inactive) {
        start.balanced = true;
      } else {
        const end = this.labelTail(start, index);
        if (end >= 0) {
          this.closeLabel(start);
          return end;
        }
        start.balanced = true;
      }
    }
    return this.potentialFootnoteCall(index);
  }

  /** Where the link/image that `]` at `index` closes ends, or -1 if it is not one. */
  private labelTail(start: LabelToken, index: number): number {
    const next = this.code(index + 1);
    if (next === LPAREN) {
      const end = this.resource(index + 1);
      if (end >= 0) return end;
    } else if (next === LBRACKET) {
      const end = this.fullReference(index + 1);
      if (end >= 0) return end;
      // A following label that is not a defined reference rules out a shortcut; only `[]` is left.
      return this.code(index + 2) === RBRACKET && this.defined(start.end, index) ? index + 3 : -1;
    }
    return this.defined(start.end, index) ? index + 1 : -1;
  }

  private defined(start: number, end: number): boolean {
    return this.definitions.size > 0 && this.definitions.has(normalizeLabel(this.source.slice(start, end)));
  }

  /** Replaces an opener and everything after it by the finished link or image. */
  private closeLabel(start: LabelToken): void {
    const { tokens } = this;
    const value = flatten(resolveSpan(tokens.slice(start.index + 1)));
    tokens.length = start.index;
    this.labels.pop();
    tokens.push({ kind: MEDIA, value, link: !start.image });
    if (start.image) return;
    // Links cannot contain links: earlier link openers can no longer form one.
    for (let at = start.index - 1; at >= 0; at--) {
      const token = tokens[at]!;
      if (token.kind === MEDIA && token.link) break;
      if (token.kind === LABEL && !token.image) {
        if (token.inactive) break;
        token.inactive = true;
      }
    }
  }

  /**
   * micromark-extension-gfm-footnote also accepts `![^x]` (as `!` plus a call)
   * once `]` failed as an image: the nearest opener must be that `![`.
   */
  private potentialFootnoteCall(index: number): number {
    if (this.footnotes.size === 0) return -1;
    const { tokens } = this;
    for (let at = tokens.length - 1; at >= 0; at--) {
      const token = tokens[at]!;
      if (token.kind === MEDIA) return -1;
      if (token.kind !== LABEL) continue;
      if (!token.image || !token.balanced) return -1;
      const id = normalizeLabel(this.source.slice(token.end, index));
      if (id.charCodeAt(0) !== CARET || !this.footnotes.has(id.slice(1))) return -1;
      tokens.length = at;
      this.data('!');
      tokens.push({ kind: MEDIA, value: '', link: false });
      return index + 1;
    }
    return -1;
  }

  /** `(destination "title")` after a label, per micromark's factories; returns its end or -1. */
  private resource(index: number): number {
    let at = this.skipWhitespace(index + 1);
    let c = this.code(at);
    if (c === RPAREN) return at + 1;
    if (c === LT) {
      for (;;) {
        c = this.code(++at);
        if (c === GT) break;
        if (c < 0 || c === LT || c === LF || c === CR) return -1;
        if (c === BACKSLASH) {
          const next = this.code(at + 1);
          if (next === LT || next === GT || next === BACKSLASH) at++;
        }
      }
      at++;
    } else {
      if (c < 0 || c === SPACE || isControl(c)) return -1;
      let balance = 0;
      for (;;) {
        c = this.code(at);
        if (balance === 0 && (c < 0 || c === RPAREN || isBlank(c))) break;
        if (c === LPAREN && balance < 32) balance++;
        else if (c === RPAREN) balance--;
        else if (c < 0 || c === SPACE || c === LPAREN || isControl(c)) return -1;
        at++;
        if (c === BACKSLASH) {
          const next = this.code(at);
          if (next === LPAREN || next === RPAREN || next === BACKSLASH) at++;
        }
      }
    }
    if (isBlank(this.code(at))) {
      at = this.skipWhitespace(at);
      c = this.code(at);
      if (c === QUOTE || c === APOS || c === LPAREN) {
        const marker = c === LPAREN ? RPAREN : c;
        for (;;) {
          c = this.code(++at);
          if (c < 0) return -1;
          if (c === marker) break;
          if (c === BACKSLASH) {
            const next = this.code(at + 1);
            if (next === marker || next === BACKSLASH) at++;
          }
        }
        at = this.skipWhitespace(at + 1);
      }
    }
    return this.code(at) === RPAREN ? at + 1 : -1;
  }

  private skipWhitespace(at: number): number {
    while (isBlank(this.code(at))) at++;
    return at;
  }

  /** `[label]` after a label: a full reference only if that label is defined. */
  private fullReference(index: number): number {
    let at = index + 1;
    let size = 0;
    let seen = false;
    for (;;) {
      const c = this.code(at);
      if (c < 0 || c === LBRACKET) return -1;
      if (c === RBRACKET) break;
      at++;
      if (c === LF || c === CR) continue;
      if (++size > 999) return -1;
      if (c !== SPACE && c !== TAB) seen = true;
      if (c === BACKSLASH) {
        const next = this.code(at);
        if (next === LBRACKET || next === BACKSLASH || next === RBRACKET) {
          at++;
          if (++size > 999) return -1;
        }
      }
    }
    return seen && this.defined(index + 1, at) ? at + 1 : -1;
  }

  private attention(index: number, marker: number): number {
    const { source, length } = this;
    let end = index + 1;
    while (end < length && source.charCodeAt(end) === marker) end++;
    this.tokens.push(createSequence(marker, end - index, this.code(index - 1), this.code(end)));
    this.use(ATTENTION);
    return end;
  }

  private strikethrough(index: number): number {
    const { source, length } = this;
    if (this.code(index - 1) === TILDE && this.escapeEnd !== index) return -1;
    let end = index + 1;
    while (end < length && source.charCodeAt(end) === TILDE) end++;
    if (end - index > 2) {
      // Neither the run nor any tilde in it can be a sequence.
      this.data(source.slice(index, end));
      return end;
    }
    this.tokens.push(createSequence(TILDE, end - index, this.code(index - 1), this.code(end)));
    this.use(STRIKETHROUGH);
    return end;
  }

  /** Whether a GFM autolink literal could begin at `index` (cheap pre-check for the data loop). */
  private mayStartLiteral(index: number, code: number): boolean {
    const before = this.code(index - 1);
    if (this.emailLiterals && isGfmAtext(code) && before !== SLASH && !isGfmAtext(before)) return true;
    if ((code | 32) === 104) return this.httpLiterals && !isAsciiAlpha(before);
    if ((code | 32) === 119) return this.wwwLiterals && isWwwBoundary(before);
    return false;
  }

  /**
   * GFM autolink literal (email, `www.`, `http(s)://`) starting at `index`.
   * Its text is unchanged, but what it swallows is not parsed as anything else.
   */
  private literal(index: number, code: number): number {
    if (!this.mayStartLiteral(index, code) || this.labels.some((label) => !label.balanced)) return -1;
    let end = -1;
    const before = this.code(index - 1);
    if (this.emailLiterals && isGfmAtext(code) && before !== SLASH && !isGfmAtext(before)) end = this.email(index);
    if (end < 0 && (code | 32) === 104 && this.httpLiterals && !isAsciiAlpha(before)) end = this.http(index);
    if (end < 0 && (code | 32) === 119 && this.wwwLiterals && isWwwBoundary(before)) end = this.www(index);
    if (end < 0) return -1;
    this.literalText(this.source.slice(index, end));
    return end;
  }

  private email(index: number): number {
    let at = index;
    while (isGfmAtext(this.code(at))) at++;
    if (this.code(at) !== AT) return -1;
    let dot = false;
    let data = false;
    for (;;) {
      const c = this.code(++at);
      if (c === DOT) {
        if (!isAlnum(this.code(at + 1))) break;
        dot = true;
      } else if (c === DASH || c === UNDERSCORE || isAlnum(c)) {
        data = true;
      } else {
        break;
      }
    }
    return data && dot && isAsciiAlpha(this.code(at - 1)) ? at : -1;
  }

  private www(index: number): number {
    if ((this.code(index + 1) | 32) !== 119 || (this.code(index + 2) | 32) !== 119) return -1;
    if (this.code(index + 3) !== DOT || index + 4 >= this.length) return -1;
    const end = this.domain(index);
    return end < 0 ? -1 : this.path(end);
  }

  private http(index: number): number {
    let at = index + 1;
    while (at - index < 5 && isAsciiAlpha(this.code(at))) at++;
    const scheme = this.source.slice(index, at).toLowerCase();
    if (this.code(at) !== COLON || (scheme !== 'http' && scheme !== 'https')) return -1;
    if (this.code(at + 1) !== SLASH || this.code(at + 2) !== SLASH) return -1;
    at += 3;
    const c = this.code(at);
    if (c < 0 || isControl(c) || isUnicodeWhitespace(c) || isUnicodePunctuation(c)) return -1;
    const end = this.domain(at);
    return end < 0 ? -1 : this.path(end);
  }

  private domain(at: number): number {
    let seen = false;
    let underscoreInLast = false;
    let underscoreInLastButOne = false;
    for (;;) {
      const c = this.code(at);
      if (c === DOT || c === UNDERSCORE) {
        if (this.trail(at)) break;
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

  private path(at: number): number {
    let open = 0;
    let close = 0;
    for (;;) {
      const c = this.code(at);
      if (c === LPAREN) {
        open++;
      } else if (c === RPAREN && close < open) {
        close++;
      } else if (isTrailPunctuation(c) || c === AMP || c === LT || c === RBRACKET) {
        if (this.trail(at)) return at;
        if (c === RPAREN) close++;
      } else if (c < 0 || isUnicodeWhitespace(c)) {
        return at;
      }
      at++;
    }
  }

  /** Whether what starts at `at` is trailing punctuation that ends a literal. */
  private trail(at: number): boolean {
    for (;;) {
      let c = this.code(at);
      if (isTrailPunctuation(c)) {
        at++;
      } else if (c === AMP) {
        at++;
        if (!isAsciiAlpha(this.code(at))) return false;
        while (isAsciiAlpha(this.code(at))) at++;
        if (this.code(at) !== SEMI) return false;
        at++;
      } else if (c === RBRACKET) {
        c = this.code(++at);
        if (c < 0 || c === LPAREN || c === LBRACKET || isUnicodeWhitespace(c)) return true;
      } else {
        return c === LT || c < 0 || isUnicodeWhitespace(c);
      }
    }
  }
}
