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

import { characterReferenceAt } from './character-reference.js';
import {
  AMP,
  BACKSLASH,
  BANG,
  CARET,
  CR,
  GRAVE,
  LABEL,
  LBRACKET,
  LF,
  LPAREN,
  LT,
  MEDIA,
  RBRACKET,
  SPACE,
  STAR,
  TAB,
  TEXT,
  TILDE,
  UNDERSCORE,
  autolinkEnd,
  codeAt,
  createSequence,
  htmlEnd,
  type EndSearches,
  isAsciiPunctuation,
  isBlank,
  literalEnd,
  mayStartLiteral,
  resourceEnd,
  flatten,
  resolveAttention,
  resolveSpan,
  resolveStrikethrough,
  type LabelToken,
  type LiteralHints,
  type Token,
} from './inline-delimiters.js';

/** Context the inline pass needs from the whole document. */
export interface InlineContext {
  /** Normalized labels (see normalizeLabel) of link reference definitions in the document. */
  readonly definitions: ReadonlySet<string>;
  /** Normalized labels of GFM footnote definitions (`[^x]: ...`) in the document. */
  readonly footnotes?: ReadonlySet<string>;
  /**
   * Raw HTML gives no text (a comment vanishes, a tag's content stays): the
   * text a rendered page shows, from which GitHub makes a heading's anchor.
   * By default HTML is kept verbatim, as mdast-util-to-string does.
   */
  readonly dropHtml?: boolean;
  /**
   * What an HTML comment shows in its place, given the whole comment
   * (`<!--` to `-->`): a heading's text as a reader sees it leaves its
   * comments out, yet shows a placeholder as the text yet to be written.
   * Other HTML is kept (or dropped with `dropHtml`). By default a comment is
   * HTML like any other.
   */
  readonly commentText?: (comment: string) => string;
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

/** Resolver ids, recorded in the order micromark first uses each construct. */
const ATTENTION = 0;
const STRIKETHROUGH = 1;

/** Characters at which the main loop must stop: some construct may start there. */
const STOP = new Uint8Array(128);
for (const char of '\n\\`*_[]!<&~') STOP[char.charCodeAt(0)] = 1;

/** Index of the next character at or after `index` that may start a construct. */
function skipData(source: string, index: number): number {
  const length = source.length;
  for (; index < length; index++) {
    const code = source.charCodeAt(index);
    if (code < 128 && STOP[code] === 1) break;
  }
  return index;
}

/** Like {@link skipData}, also stopping where an autolink literal may start. */
function skipDataOrLiteral(source: string, index: number, hints: LiteralHints): number {
  const length = source.length;
  for (; index < length; index++) {
    const code = source.charCodeAt(index);
    if (code < 128 && (STOP[code] === 1 || mayStartLiteral(source, index, code, hints))) break;
  }
  return index;
}

/**
 * One pass over one string. A class so the hot state lives in fields V8 can
 * keep in a stable shape instead of a closure per call.
 */
class InlineScanner {
  private readonly source: string;
  /** The searches for the end of raw HTML so far (see htmlEnd). */
  private readonly endSearches: EndSearches = new Map();
  private readonly length: number;
  private readonly tokens: Token[] = [];
  /** Open `[`/`![` openers, innermost last (micromark's `_labelStarts`). */
  private readonly labels: LabelToken[] = [];
  /** Which delimiter resolvers to run at the end, in order of first use. */
  private readonly order: number[] = [];
  private readonly definitions: ReadonlySet<string>;
  private readonly footnotes: ReadonlySet<string>;
  private readonly dropHtml: boolean;
  private readonly commentText: ((comment: string) => string) | undefined;
  /** Which autolink literals may occur; undefined when none can. */
  private readonly hints: LiteralHints | undefined;
  /** Source index just past the last backslash escape (it lets a `~` follow a `~`). */
  private escapeEnd = -1;

  constructor(source: string, context: InlineContext) {
    this.source = source;
    this.length = source.length;
    this.definitions = context.definitions;
    this.footnotes = context.footnotes ?? EMPTY;
    this.dropHtml = context.dropHtml === true;
    this.commentText = context.commentText;
    // Literal autolinks only matter for what they swallow; skip looking for
    // them unless their telltale text is there at all.
    this.hints = LITERAL_HINT.test(source)
      ? { email: source.includes('@'), www: /www\./i.test(source), http: /https?:\/\//i.test(source) }
      : undefined;
  }

  /** Character code at `index`, `-1` past either end (micromark's EOF). */
  private code(index: number): number {
    return codeAt(this.source, index);
  }

  /** `<`: an autolink (text between the brackets) or raw HTML (kept verbatim, `includeHtml`). */
  private autolinkOrHtml(index: number): number {
    let end = autolinkEnd(this.source, index);
    if (end >= 0) {
      this.literalText(this.source.slice(index + 1, end - 1));
      return end;
    }
    end = htmlEnd(this.source, index, this.endSearches);
    if (end < 0) return end;
    if (this.commentText !== undefined && this.source.startsWith('<!--', index)) {
      const shown = this.commentText(this.source.slice(index, end));
      if (shown !== '') this.literalText(shown);
    } else if (!this.dropHtml) {
      this.literalText(this.source.slice(index, end));
    }
    return end;
  }

  /**
   * Tokenizes left to right as micromark does (so code spans, autolinks and
   * HTML win over emphasis and links that would start later), then resolves
   * the delimiters still open at the top level.
   */
  run(): string {
    const { source, length } = this;
    const hints = this.hints;
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
          end = this.autolinkOrHtml(index);
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
          if (hints) end = this.literal(index, code, hints);
          if (end < 0) end = this.attention(index, code);
          break;
        case STAR:
          end = this.attention(index, code);
          break;
        case TILDE:
          end = this.strikethrough(index);
          break;
        default:
          if (hints) end = this.literal(index, code, hints);
      }
      if (end < 0) {
        // Plain data up to the next character that may start something.
        end = hints ? skipDataOrLiteral(source, index + 1, hints) : skipData(source, index + 1);
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
    const reference = characterReferenceAt(this.source, index);
    if (reference === null) return -1;
    this.literalText(reference.text);
    return reference.end;
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
      const end = resourceEnd(this.source, index + 1);
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

  /**
   * GFM autolink literal (email, `www.`, `http(s)://`): its text is unchanged,
   * but what it swallows is not parsed as anything else. Not inside a label
   * that may still become a link, as micromark's `previousUnbalanced` says.
   */
  private literal(index: number, code: number, hints: LiteralHints): number {
    if (!mayStartLiteral(this.source, index, code, hints) || this.labels.some((label) => !label.balanced)) return -1;
    const end = literalEnd(this.source, index, code, hints);
    if (end >= 0) this.literalText(this.source.slice(index, end));
    return end;
  }
}
