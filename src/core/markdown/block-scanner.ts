import { lineStartOf } from '../line-bounds.js';
import {
  ATX_CLOSING_ONLY,
  ATX_OPEN,
  DELIMITER_CELL,
  FENCE_CLOSE,
  FENCE_OPEN,
  HTML_BLOCK_CLOSE,
  HTML_BLOCK_OPEN,
  SETEXT_UNDERLINE,
  trimSpaceTab,
  withoutAtxClosing,
} from './block-patterns.js';
import { destinationSpans, FOOTNOTE_DEFINITION_START, mayOpenWithDefinition, takeDefinitions } from './link-definitions.js';
import { splitRow } from './table-row.js';
import { normalizeLabel } from './inline-text.js';

/** A leaf block found by {@link scanBlocks}, in document order. */
export interface ScannedBlock {
  readonly kind: 'heading' | 'paragraph' | 'code' | 'html' | 'table' | 'thematic-break';
  /** 1-based line of the block's first line. */
  readonly line: number;
  /** 1-based line of the block's last line. */
  readonly endLine: number;
  /** Offset of the start of the block's first line (before any container prefix). */
  readonly lineStart: number;
  /** Offset of the first character of the block's own syntax on its first line. */
  readonly start: number;
  /** Offset just past the last character of the block's last line (line ending excluded). */
  readonly end: number;
  /** True when the block is not inside a block quote, list item or footnote. */
  readonly topLevel: boolean;
  /** Heading level 1–6 (headings only). */
  readonly level?: number;
  /** Heading: `atx` or `setext`; code: `fenced` or `indented`. */
  readonly variant?: 'atx' | 'setext' | 'fenced' | 'indented';
  /** Heading: raw inline content (setext lines joined with `\n`, trimmed). */
  readonly content?: string;
  /** HTML block: its kind 1–7 per CommonMark; `closed` tells whether its end condition was met. */
  readonly htmlKind?: number;
  readonly closed?: boolean;
  /**
   * Heading, paragraph, table, HTML block: where its text is on each of its
   * lines, container prefixes excluded, as flat pairs `[start0, end0, start1, end1, …]`
   * (flat so that scanning large documents allocates little).
   */
  readonly segments?: readonly number[];
}

/** Everything the block scan learns about a document. */
export interface BlockScan {
  readonly blocks: ScannedBlock[];
  /** Normalized labels of link reference definitions. */
  readonly definitions: Set<string>;
  /** Where the destination of each link reference definition is in the source, in document order. */
  readonly definitionTargets: Array<{ readonly start: number; readonly end: number }>;
  /** Normalized labels of GFM footnote definitions. */
  readonly footnotes: Set<string>;
}

type BlockType = 'document' | 'blockquote' | 'item' | 'footnote' | 'paragraph' | 'fence' | 'indented' | 'html' | 'table';

interface OpenBlock {
  type: BlockType;
  parent: OpenBlock | null;
  lastChild: OpenBlock | null;
  open: boolean;
  hasChild: boolean;
  line: number;
  lineStart: number;
  start: number;
  endLine: number;
  end: number;
  // list item
  itemIndent: number;
  // fenced code
  fenceChar: string;
  fenceLength: number;
  fenceOffset: number;
  // html block
  htmlKind: number;
  closed: boolean;
  // paragraph (text of each line, leading whitespace skipped), table, HTML block: flat [start, end] pairs
  segments: number[];
  // paragraph: its last line is indented 4+ columns (and so cannot be a table header)
  lastLineIndented: boolean;
}

const CODE_INDENT = 4;

/** Characters that may start a block other than a paragraph; a line starting otherwise skips every start check. */
const MAYBE_SPECIAL: boolean[] = [];
for (const c of '#`~*+_=<>0123456789-|:[') MAYBE_SPECIAL[c.charCodeAt(0)] = true;

function newBlock(type: BlockType, parent: OpenBlock | null, line: number, lineStart: number, start: number): OpenBlock {
  return {
    type, parent, lastChild: null, open: true, hasChild: false,
    line, lineStart, start, endLine: line, end: start,
    itemIndent: 0, fenceChar: '', fenceLength: 0, fenceOffset: 0,
    htmlKind: 0, closed: false, segments: [], lastLineIndented: false,
  };
}

/**
 * Whether a line holds only what a table's delimiter row may (`|`, `-`, `:`,
 * spaces and tabs), with a `-`: most lines that reach the table test are a
 * paragraph's text, and are passed over without being split into cells.
 */
function isDelimiterRowShaped(line: string): boolean {
  let dash = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x2d) dash = true;
    else if (c !== 0x7c && c !== 0x3a && c !== 0x20 && c !== 0x09) return false;
  }
  return dash;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpaceOrTab(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/**
 * A CommonMark 0.31 + GFM-table block scanner, linear in its input.
 *
 * It follows the reference implementation (commonmark.js `blocks.js`) for
 * containers, lazy continuation, tabs and the order of block starts, but builds
 * no tree and parses no inlines: it reports only the leaf blocks specfill needs
 * (headings, code, HTML blocks, paragraphs, tables) with their lines and
 * offsets. micromark is 100× slower on the same input (issue #2), and a
 * differential test keeps the two in agreement.
 */
export function scanBlocks(source: string, from = 0, firstLine = 1): BlockScan {
  return new Scanner(source).run(from, firstLine);
}

class Scanner {
  private readonly blocks: ScannedBlock[] = [];
  private readonly definitions = new Set<string>();
  private readonly definitionTargets: Array<{ start: number; end: number }> = [];
  /** Labels whose (first) definition's destination is recorded. */
  private readonly firstLabels = new Set<string>();
  private readonly footnotes = new Set<string>();
  private readonly doc: OpenBlock;
  private tip: OpenBlock;
  private oldTip: OpenBlock;
  private lastMatched: OpenBlock;
  private allClosed = true;
  /**
   * The container in which a blank line closed a list item (an empty one
   * ends at one), while no text has come since: micromark closes the item
   * only at the next line, so for
   * its list-interruption rule after indented code (see tryListItem) that
   * line is one that closed containers.
   */
  private containerClosedOnBlank: OpenBlock | null = null;

  // State of the current line, as in commonmark.js.
  private ln = '';
  private lineNumber = 0;
  private lineStart = 0;
  private offset = 0;
  private column = 0;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  /** A stretch of spaces of the current line (`spacesLine`) ending at the first non-space, from findNextNonspace. */
  private spacesLine = -1;
  private spacesFrom = 0;
  private spacesTo = 0;
  private indent = 0;
  private indented = false;
  private blank = false;
  private partiallyConsumedTab = false;

  constructor(private readonly source: string) {
    this.doc = newBlock('document', null, 1, 0, 0);
    this.tip = this.doc;
    this.oldTip = this.doc;
    this.lastMatched = this.doc;
  }

  run(from: number, firstLine: number): BlockScan {
    const s = this.source;
    const len = s.length;
    const loneCr = s.indexOf('\r', from) !== -1 && /\r(?!\n)/.test(s.slice(from));
    let pos = from;
    this.lineNumber = firstLine - 1;
    while (pos < len) {
      let end: number;
      let next: number;
      if (loneCr) {
        end = pos;
        while (end < len && s.charCodeAt(end) !== 10 && s.charCodeAt(end) !== 13) end++;
        next = end < len && s.charCodeAt(end) === 13 && s.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      } else {
        const nl = s.indexOf('\n', pos);
        next = nl === -1 ? len : nl + 1;
        end = nl === -1 ? len : nl > pos && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      }
      this.incorporateLine(pos, end);
      pos = next;
    }
    const tip = this.tip;
    if (tip.type === 'html' && tip.htmlKind <= 5 && !tip.closed && len > from && /[\r\n]$/.test(s) && !inBlockQuote(tip)) {
      // An unclosed comment, script or similar swallows the rest of the
      // document, down to its very end, as micromark positions it (except,
      // in micromark, inside a block quote).
      tip.endLine = this.lineNumber + 1;
      tip.end = len;
    }
    while (this.tip !== this.doc) this.finalize(this.tip);
    return { blocks: this.blocks, definitions: this.definitions, definitionTargets: this.definitionTargets, footnotes: this.footnotes };
  }

  private incorporateLine(start: number, end: number): void {
    // Fast path for the most common lines: plain text or an empty line while no
    // container is open. No block can start with such a character at column 0,
    // so the line opens or continues a top-level paragraph (or ends it).
    const tip = this.tip;
    if (tip === this.doc || (tip.type === 'paragraph' && tip.parent === this.doc)) {
      const c = this.source.charCodeAt(start);
      if (start === end) {
        this.lineNumber += 1;
        if (tip !== this.doc) this.finalize(tip);
        return;
      }
      if (c !== 32 && c !== 9 && MAYBE_SPECIAL[c] !== true) {
        this.lineNumber += 1;
        this.containerClosedOnBlank = null;
        let para = tip;
        if (para === this.doc) {
          para = newBlock('paragraph', this.doc, this.lineNumber, start, start);
          this.doc.lastChild = para;
          this.doc.hasChild = true;
          this.tip = para;
        }
        para.segments.push(start, end);
        para.lastLineIndented = false;
        para.endLine = this.lineNumber;
        para.end = end;
        return;
      }
    }
    this.ln = this.source.slice(start, end);
    this.lineStart = start;
    this.lineNumber += 1;
    this.offset = 0;
    this.column = 0;
    this.blank = false;
    this.partiallyConsumedTab = false;
    this.oldTip = this.tip;

    let container = this.doc;
    let last: OpenBlock | null;
    while ((last = container.lastChild) !== null && last.open) {
      container = last;
      this.findNextNonspace();
      const result = this.continueBlock(container);
      if (result === 2) return;
      if (result === 1) {
        container = container.parent!;
        break;
      }
    }
    this.allClosed = container === this.oldTip;
    this.lastMatched = container;
    if (this.blank) {
      for (let b: OpenBlock | null = this.oldTip; b !== null && b !== container; b = b.parent) {
        // (A block quote ends at the blank line in micromark too.)
        if (b.type === 'item') this.containerClosedOnBlank = container;
      }
    }

    let matchedLeaf = container.type !== 'paragraph' && acceptsLines(container.type);
    while (!matchedLeaf) {
      this.findNextNonspace();
      if (!this.indented && !MAYBE_SPECIAL[this.ln.charCodeAt(this.nextNonspace)]) {
        this.advanceNextNonspace();
        break;
      }
      const res = this.tryBlockStarts(container);
      if (res === 0) {
        this.advanceNextNonspace();
        break;
      }
      container = this.tip;
      if (res === 2) matchedLeaf = true;
    }
    if (!this.blank) this.containerClosedOnBlank = null;

    if (!this.allClosed && !this.blank && this.tip.type === 'paragraph') {
      // Lazy continuation line.
      this.addParagraphLine(this.tip);
      return;
    }
    this.closeUnmatchedBlocks();
    const t = container.type;
    if (t === 'paragraph') {
      this.addParagraphLine(container);
    } else if (acceptsLines(t)) {
      this.touch(container);
      if (t === 'html') {
        container.segments.push(this.lineStart + this.offset, this.lineStart + this.ln.length);
        const kind = container.htmlKind;
        if (kind >= 1 && kind <= 5 && HTML_BLOCK_CLOSE[kind]!.test(this.ln.slice(this.offset))) {
          container.closed = true;
          this.finalize(container);
        }
      }
    } else if (t === 'table') {
      if (!this.blank) {
        this.touch(container);
        container.segments.push(this.lineStart + this.offset, this.lineStart + this.ln.length);
      }
    } else if (this.offset < this.ln.length && !this.blank) {
      const para = this.addChild('paragraph', this.offset);
      this.advanceNextNonspace();
      this.addParagraphLine(para);
    }
  }

  /** 0 = matched, 1 = not matched, 2 = line consumed (closing fence). */
  private continueBlock(block: OpenBlock): 0 | 1 | 2 {
    switch (block.type) {
      case 'document':
        return 0;
      case 'blockquote':
        if (!this.indented && this.ln[this.nextNonspace] === '>') {
          this.advanceNextNonspace();
          this.advanceOffset(1, false);
          if (isSpaceOrTab(this.ln[this.offset])) this.advanceOffset(1, true);
          return 0;
        }
        return 1;
      case 'item':
        if (this.blank) {
          if (!block.hasChild) return 1;
          this.advanceNextNonspace();
        } else if (this.indent >= block.itemIndent) {
          this.advanceOffset(block.itemIndent, true);
        } else {
          return 1;
        }
        return 0;
      case 'footnote':
        // GFM footnote definitions continue with blank lines and 4-space indentation.
        if (this.blank) this.advanceNextNonspace();
        else if (this.indent >= CODE_INDENT) this.advanceOffset(CODE_INDENT, true);
        else return 1;
        return 0;
      case 'fence': {
        const m = this.indent <= 3 && this.ln[this.nextNonspace] === block.fenceChar
          ? FENCE_CLOSE.exec(this.ln.slice(this.nextNonspace)) : null;
        if (m !== null && m[0].length >= block.fenceLength) {
          this.touch(block);
          block.closed = true;
          this.finalize(block);
          return 2;
        }
        let i = block.fenceOffset;
        while (i > 0 && isSpaceOrTab(this.ln[this.offset])) {
          this.advanceOffset(1, true);
          i--;
        }
        return 0;
      }
      case 'indented':
        if (this.indent >= CODE_INDENT) this.advanceOffset(CODE_INDENT, true);
        else if (this.blank) this.advanceNextNonspace();
        else return 1;
        return 0;
      case 'html':
        return this.blank && (block.htmlKind === 6 || block.htmlKind === 7) ? 1 : 0;
      case 'paragraph':
      case 'table':
        return this.blank ? 1 : 0;
    }
  }

  // For isThematicBreak: the line it was last asked about, and for each
  // marker character the last position of that line holding anything else
  // than it, a space or a tab (-2: not known yet).
  private breakLine = -1;
  private lastNotStar = -2;
  private lastNotUnderscore = -2;
  private lastNotDash = -2;

  /**
   * Whether the current line from `from` (where `c` stands) is a thematic
   * break of `c`s: three or more, nothing else but spaces and tabs. Linear in
   * the line however often it is asked: a line of 50,000 nested list markers
   * (`- - - … x`) asks once per level, and a regular expression reading the
   * rest of the line each time made that quadratic (10 s for 100 KB).
   */
  private isThematicBreak(c: string, from: number): boolean {
    const ln = this.ln;
    // Most lines (`- item`, `**bold**`) show another character right after the first marker.
    let i = from + 1;
    while (i < ln.length && (ln[i] === ' ' || ln[i] === '\t')) i++;
    if (i >= ln.length || ln[i] !== c) return false;
    if (this.breakLine !== this.lineNumber) {
      this.breakLine = this.lineNumber;
      this.lastNotStar = this.lastNotUnderscore = this.lastNotDash = -2;
    }
    let last = c === '*' ? this.lastNotStar : c === '_' ? this.lastNotUnderscore : this.lastNotDash;
    if (last === -2) {
      last = ln.length - 1;
      while (last >= 0 && (ln[last] === c || ln[last] === ' ' || ln[last] === '\t')) last--;
      if (c === '*') this.lastNotStar = last;
      else if (c === '_') this.lastNotUnderscore = last;
      else this.lastNotDash = last;
    }
    if (last >= from) return false;
    let markers = 0;
    for (let k = from; k < ln.length && markers < 3; k++) if (ln[k] === c) markers++;
    return markers >= 3;
  }

  /** 0 = no block starts here, 1 = a container started, 2 = a leaf started. */
  private tryBlockStarts(container: OpenBlock): 0 | 1 | 2 {
    const rest = this.ln.slice(this.nextNonspace);
    const c = rest[0];
    let definitionsOnly = false;
    if (!this.indented) {
      if (c === '>') {
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (isSpaceOrTab(this.ln[this.offset])) this.advanceOffset(1, true);
        this.closeUnmatchedBlocks(true);
        this.addChild('blockquote', this.nextNonspace);
        return 1;
      }
      if (c === '#') {
        const m = ATX_OPEN.exec(rest);
        if (m !== null) {
          this.advanceNextNonspace();
          const headingStart = this.offset;
          this.advanceOffset(m[0].length, false);
          this.closeUnmatchedBlocks();
          const content = withoutAtxClosing(this.ln.slice(this.offset).replace(ATX_CLOSING_ONLY, ''));
          this.addLeafRecord({
            kind: 'heading', variant: 'atx', level: m[0].trim().length,
            content: trimSpaceTab(content), start: this.lineStart + headingStart,
            segments: [this.lineStart + this.offset, this.lineStart + this.ln.length],
          });
          this.offset = this.ln.length;
          return 2;
        }
      }
      if (c === '`' || c === '~') {
        const m = FENCE_OPEN.exec(rest);
        if (m !== null) {
          this.closeUnmatchedBlocks();
          const fence = this.addChild('fence', this.nextNonspace);
          fence.fenceChar = m[0][0]!;
          fence.fenceLength = m[0].length;
          fence.fenceOffset = this.indent;
          this.advanceNextNonspace();
          this.advanceOffset(m[0].length, false);
          return 2;
        }
      }
      if (c === '<') {
        for (let kind = 1; kind <= 7; kind++) {
          if (HTML_BLOCK_OPEN[kind]!.test(rest) && (kind < 7 || container.type !== 'paragraph')) {
            if (kind === 7 && !this.allClosed && this.tip.type === 'paragraph') {
              // micromark (unlike commonmark.js) lets this kind of HTML block
              // start on a lazy line, inside the paragraph's container; keep
              // that container open so the block ends with the line.
              this.lastMatched = this.tip.parent!;
              this.allClosed = true;
            } else {
              this.closeUnmatchedBlocks();
            }
            const html = this.addChild('html', this.offset);
            html.htmlKind = kind;
            html.start = this.lineStart + this.nextNonspace;
            return 2;
          }
        }
      }
      if ((c === '=' || c === '-') && container.type === 'paragraph' && SETEXT_UNDERLINE.test(rest)) {
        this.closeUnmatchedBlocks();
        if (this.setextHeading(container, rest[0] === '=' ? 1 : 2)) {
          this.offset = this.ln.length;
          return 2;
        }
        // A paragraph of link definitions alone is no heading's text: the
        // line is tried as the other blocks (`---` a rule), as in micromark,
        // which still takes it for a line after a paragraph (`-` alone is
        // its text, not an empty list item), but not as a table's header.
        definitionsOnly = true;
      }
      if ((c === '*' || c === '_' || c === '-') && this.isThematicBreak(c, this.nextNonspace)) {
        this.closeUnmatchedBlocks();
        this.addLeafRecord({ kind: 'thematic-break', start: this.lineStart + this.nextNonspace });
        this.offset = this.ln.length;
        return 2;
      }
      if (this.tryListItem(container, rest)) return 1;
      if (c === '[' && this.tryFootnoteDefinition(rest)) return 1;
      if (container.type === 'paragraph' && !definitionsOnly && this.tryTable(container, rest)) return 2;
    } else if (this.tip.type !== 'paragraph' && !this.blank) {
      this.advanceOffset(CODE_INDENT, true);
      // Whether this line closed containers: micromark's list-interruption
      // rule after indented code (see tryListItem) only holds when it did not.
      const closedContainers = (!this.allClosed && this.oldTip !== this.lastMatched) || this.containerClosedOnBlank === container;
      this.closeUnmatchedBlocks();
      const code = this.addChild('indented', this.offset);
      code.closed = closedContainers;
      return 2;
    }
    return 0;
  }

  private tryListItem(container: OpenBlock, rest: string): boolean {
    // A list interrupting a paragraph must start at 1 and not be empty. micromark
    // applies the same rule after indented code still in progress.
    const interrupting = container.type === 'paragraph' ||
      (this.oldTip.type === 'indented' && this.oldTip.parent === container && !this.oldTip.closed);
    // A bullet (`*`, `+`, `-`) or a number of 1–9 digits and `.` or `)`, read
    // without a pattern: most lines that get here are not list items, and the
    // ones that are need no match object.
    let markerLength: number;
    const first = rest.charCodeAt(0);
    if (first === 0x2a || first === 0x2b || first === 0x2d) {
      markerLength = 1;
    } else {
      let digits = 0;
      while (digits < 10 && isAsciiDigit(rest.charCodeAt(digits))) digits++;
      const delimiter = rest.charCodeAt(digits);
      if (digits === 0 || digits > 9 || (delimiter !== 0x2e && delimiter !== 0x29)) return false;
      if (interrupting && (digits !== 1 || first !== 0x31)) return false;
      markerLength = digits + 1;
    }
    const after = rest[markerLength];
    if (after !== undefined && after !== ' ' && after !== '\t') return false;
    if (interrupting && /^[ \t]*$/.test(rest.slice(markerLength))) return false;
    const markerOffset = this.indent;
    const markerStart = this.nextNonspace;
    this.advanceNextNonspace();
    this.advanceOffset(markerLength, true);
    const spacesStartCol = this.column;
    const spacesStartOffset = this.offset;
    do {
      this.advanceOffset(1, true);
    } while (this.column - spacesStartCol < 5 && isSpaceOrTab(this.ln[this.offset]));
    const blankItem = this.ln[this.offset] === undefined;
    const spacesAfterMarker = this.column - spacesStartCol;
    let padding: number;
    if (spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem) {
      padding = markerLength + 1;
      this.column = spacesStartCol;
      this.offset = spacesStartOffset;
      if (isSpaceOrTab(this.ln[this.offset])) this.advanceOffset(1, true);
    } else {
      padding = markerLength + spacesAfterMarker;
    }
    this.closeUnmatchedBlocks(true);
    const item = this.addChild('item', markerStart);
    item.itemIndent = markerOffset + padding;
    return true;
  }

  /** A GFM footnote definition `[^label]:` opens a container, even in the middle of a paragraph. */
  private tryFootnoteDefinition(rest: string): boolean {
    const m = FOOTNOTE_DEFINITION_START.exec(rest);
    if (m === null) return false;
    this.footnotes.add(normalizeLabel(m[1]!));
    this.closeUnmatchedBlocks(true);
    this.advanceNextNonspace();
    this.advanceOffset(m[0].length, false);
    while (isSpaceOrTab(this.ln[this.offset])) this.advanceOffset(1, false);
    this.addChild('footnote', this.nextNonspace);
    return true;
  }

  /** A GFM table: the paragraph's last line is the header row when this line is a matching delimiter row. */
  private tryTable(para: OpenBlock, rest: string): boolean {
    if (!this.allClosed || this.tip !== para || para.lastLineIndented || !isDelimiterRowShaped(rest)) return false;
    const delimiterCells = splitRow(rest);
    if (delimiterCells === null || !delimiterCells.every((cell) => DELIMITER_CELL.test(cell))) return false;
    if (!rest.includes('|') && delimiterCells.length !== 1) return false;
    const count = para.segments.length / 2;
    const headerStart = para.segments[para.segments.length - 2]!;
    const headerEnd = para.segments[para.segments.length - 1]!;
    const header = this.source.slice(headerStart, headerEnd);
    const headerCells = splitRow(header);
    // A lone pipe is a header row of no cells (micromark): no table.
    if (headerCells === null || headerCells.length !== delimiterCells.length || trimSpaceTab(header) === '|') return false;
    this.closeUnmatchedBlocks();
    const headerLine = para.line + count - 1;
    para.segments.length -= 2;
    para.endLine = headerLine - 1;
    para.end = lineEndBefore(this.source, headerStart);
    const parent = para.parent!;
    if (count > 1) {
      this.finalize(para);
    } else {
      para.open = false;
      this.tip = parent;
    }
    const table = newBlock('table', parent, headerLine, lineStartOf(this.source, headerStart), headerStart);
    parent.lastChild = table;
    parent.hasChild = true;
    this.tip = table;
    this.touch(table);
    table.segments.push(headerStart, headerEnd, this.lineStart + this.nextNonspace, this.lineStart + this.ln.length);
    this.offset = this.ln.length;
    return true;
  }

  private setextHeading(para: OpenBlock, level: number): boolean {
    const taken = this.takeParagraphDefinitions(para);
    if (taken === para.segments.length / 2) return false;
    const segments = para.segments.slice(taken * 2);
    para.open = false;
    this.tip = para.parent!;
    const start = segments[0]!;
    this.blocks.push(leaf('heading', para.line + taken, this.lineNumber, lineStartOf(this.source, start), start,
      this.lineStart + this.ln.length, para.parent === this.doc, {
        variant: 'setext', level, content: trimSpaceTab(paragraphText(this.source, segments, true)), segments,
      }));
    return true;
  }

  /** Records the definitions that open a paragraph; returns how many of its lines they take. */
  private takeParagraphDefinitions(para: OpenBlock): number {
    if (this.source.charCodeAt(para.segments[0]!) !== 0x5b /* [ */ || !mayOpenWithDefinition(this.source, para.segments[0]!, para.segments[1]!)) return 0;
    const content = paragraphText(this.source, para.segments);
    const { labels, destinations, consumed } = takeDefinitions(content);
    if (labels.length === 0) return 0;
    for (const label of labels) this.definitions.add(label);
    // A label defined twice leads where its first definition says; and a
    // paragraph asked twice (a setext underline tried, then its close) finds
    // its labels taken already.
    destinationSpans(para.segments, destinations).forEach((span, n) => {
      if (this.firstLabels.has(labels[n]!)) return;
      this.firstLabels.add(labels[n]!);
      this.definitionTargets.push(span);
    });
    let taken = 0;
    for (let i = 0; i < consumed; i++) if (content.charCodeAt(i) === 10) taken++;
    // The last definition may end the paragraph without a line ending.
    return consumed === content.length ? para.segments.length / 2 : taken;
  }

  private addParagraphLine(para: OpenBlock): void {
    // Leading whitespace (a partly used tab included) is not part of a paragraph line.
    let i = this.offset;
    const ln = this.ln;
    while (ln.charCodeAt(i) === 32 || ln.charCodeAt(i) === 9) i++;
    para.segments.push(this.lineStart + i, this.lineStart + ln.length);
    para.lastLineIndented = this.indented;
    this.touch(para);
  }

  private touch(block: OpenBlock): void {
    block.endLine = this.lineNumber;
    block.end = this.lineStart + this.ln.length;
  }

  private addLeafRecord(record: {
    kind: ScannedBlock['kind']; start: number; variant?: 'atx'; level?: number; content?: string;
    segments?: number[];
  }): void {
    while (isLeaf(this.tip.type)) this.finalize(this.tip);
    this.tip.hasChild = true;
    this.blocks.push(leaf(record.kind, this.lineNumber, this.lineNumber, this.lineStart, record.start,
      this.lineStart + this.ln.length, this.tip === this.doc, record));
  }

  private addChild(type: BlockType, offset: number): OpenBlock {
    while (isLeaf(this.tip.type)) this.finalize(this.tip);
    const parent = this.tip;
    const block = newBlock(type, parent, this.lineNumber, this.lineStart, this.lineStart + offset);
    parent.lastChild = block;
    parent.hasChild = true;
    this.tip = block;
    return block;
  }

  /**
   * Closes the blocks the current line did not continue. `forNewContainer`:
   * the line opens a block quote or list item; micromark then ends an open
   * HTML block of kinds 1–5 after the previous line's ending (at this line's
   * start), where a lazy line would end it before that line ending.
   */
  private closeUnmatchedBlocks(forNewContainer = false): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent!;
      const block = this.oldTip;
      if (forNewContainer && block.type === 'html' && block.htmlKind <= 5 && !block.closed) {
        block.endLine = this.lineNumber;
        block.end = this.lineStart;
      }
      this.finalize(this.oldTip);
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  private finalize(block: OpenBlock): void {
    block.open = false;
    this.tip = block.parent!;
    const topLevel = block.parent === this.doc;
    const { line, endLine, lineStart, start, end } = block;
    switch (block.type) {
      case 'paragraph': {
        const taken = this.takeParagraphDefinitions(block);
        if (taken === 0) {
          this.blocks.push(leaf('paragraph', line, endLine, lineStart, start, end, topLevel, { segments: block.segments }));
        } else if (taken < block.segments.length / 2) {
          const segments = block.segments.slice(taken * 2);
          this.blocks.push(leaf('paragraph', line + taken, endLine, lineStartOf(this.source, segments[0]!), segments[0]!, end, topLevel, { segments }));
        }
        break;
      }
      case 'fence':
        this.blocks.push(leaf('code', line, endLine, lineStart, start, end, topLevel, { variant: 'fenced', closed: block.closed }));
        break;
      case 'indented':
        this.blocks.push(leaf('code', line, endLine, lineStart, start, end, topLevel, { variant: 'indented' }));
        break;
      case 'html':
        this.blocks.push(leaf('html', line, endLine, lineStart, start, end, topLevel, { htmlKind: block.htmlKind, closed: block.closed, segments: block.segments }));
        break;
      case 'table':
        this.blocks.push(leaf('table', line, endLine, lineStart, start, end, topLevel, { segments: block.segments }));
        break;
      default:
        break;
    }
  }

  private findNextNonspace(): void {
    const ln = this.ln;
    const start = this.offset;
    let i = start;
    let cols = this.column;
    // Each open container asks again from a little further on: a line of a
    // list nested 2,000 deep would be scanned 2,000 times. Spaces already
    // scanned on this line are skipped (one column each: no tab among them).
    if (this.spacesLine === this.lineNumber && i >= this.spacesFrom && i <= this.spacesTo) {
      cols += this.spacesTo - i;
      i = this.spacesTo;
    }
    let sawTab = false;
    let c: string | undefined;
    while ((c = ln[i]) !== undefined) {
      if (c === ' ') {
        i++;
        cols++;
      } else if (c === '\t') {
        sawTab = true;
        i++;
        cols += 4 - (cols % 4);
      } else {
        break;
      }
    }
    this.blank = c === undefined;
    // [start, i) is spaces only, unless a tab was met: kept for the next question
    // (nothing to keep when the line had none here, most lines).
    if (i > start) {
      this.spacesLine = sawTab ? -1 : this.lineNumber;
      this.spacesFrom = start;
      this.spacesTo = i;
    }
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
    this.indented = this.indent >= CODE_INDENT;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partiallyConsumedTab = false;
  }

  private advanceOffset(count: number, columns: boolean): void {
    const ln = this.ln;
    let c: string | undefined;
    while (count > 0 && (c = ln[this.offset]) !== undefined) {
      if (c === '\t') {
        const charsToTab = 4 - (this.column % 4);
        if (columns) {
          this.partiallyConsumedTab = charsToTab > count;
          const charsToAdvance = charsToTab > count ? count : charsToTab;
          this.column += charsToAdvance;
          this.offset += this.partiallyConsumedTab ? 0 : 1;
          count -= charsToAdvance;
        } else {
          this.partiallyConsumedTab = false;
          this.column += charsToTab;
          this.offset += 1;
          count -= 1;
        }
      } else {
        this.partiallyConsumedTab = false;
        this.offset += 1;
        this.column += 1;
        count -= 1;
      }
    }
  }
}

interface LeafExtras {
  variant?: ScannedBlock['variant'];
  level?: number;
  content?: string;
  htmlKind?: number;
  closed?: boolean;
  segments?: number[];
}

// Every record has the same fields in the same order: one object shape keeps
// the scan monomorphic and fast.
function leaf(kind: ScannedBlock['kind'], line: number, endLine: number, lineStart: number, start: number, end: number,
  topLevel: boolean, x: LeafExtras): ScannedBlock {
  return {
    kind, line, endLine, lineStart, start, end, topLevel,
    level: x.level, variant: x.variant, content: x.content, htmlKind: x.htmlKind, closed: x.closed, segments: x.segments,
  };
}

/**
 * The text of paragraph lines given as flat segments, joined with `\n`, or,
 * with `keepLineEndings`, with each line's own ending (as mdast keeps them in
 * heading text).
 */
function paragraphText(source: string, segments: readonly number[], keepLineEndings = false): string {
  if (segments.length === 2) return source.slice(segments[0], segments[1]);
  let text = '';
  for (let i = 0; i < segments.length; i += 2) {
    const end = segments[i + 1]!;
    if (i > 0) {
      const prevEnd = segments[i - 1]!;
      text += keepLineEndings && source.charCodeAt(prevEnd) === 13 && source.charCodeAt(prevEnd + 1) === 10 ? '\r\n'
        : keepLineEndings && source.charCodeAt(prevEnd) === 13 ? '\r' : '\n';
    }
    text += source.slice(segments[i], end);
  }
  return text;
}

/** Offset of the end (before its line ending) of the line before the one starting at or holding `offset`. */
function lineEndBefore(source: string, offset: number): number {
  let i = lineStartOf(source, offset);
  if (i > 0 && source.charCodeAt(i - 1) === 10) i--;
  if (i > 0 && source.charCodeAt(i - 1) === 13) i--;
  return i;
}

function inBlockQuote(block: OpenBlock): boolean {
  for (let b = block.parent; b !== null; b = b.parent) if (b.type === 'blockquote') return true;
  return false;
}

function acceptsLines(type: BlockType): boolean {
  return type === 'paragraph' || type === 'fence' || type === 'indented' || type === 'html';
}

function isLeaf(type: BlockType): boolean {
  return type === 'paragraph' || type === 'fence' || type === 'indented' || type === 'html' || type === 'table';
}
