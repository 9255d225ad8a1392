/**
 * Regular expressions of CommonMark 0.31 block syntax (and the GFM table
 * delimiter row), shared by the block scanner. They mirror the reference
 * implementation commonmark.js so that the scanner's decisions can be compared
 * with it line for line.
 */

const TAGNAME = '[A-Za-z][A-Za-z0-9-]*';
// CommonMark's whitespace in tags is spaces, tabs and line endings: not `\s`,
// which takes a no-break space or a BOM too (and then a block swallows the lines after it).
const WS = '[ \\t\\n\\r]';
const ATTRIBUTENAME = '[a-zA-Z_:][a-zA-Z0-9_.:-]*';
const UNQUOTEDVALUE = '[^"\'=<>`\\x00-\\x20]+';
const ATTRIBUTEVALUE = `(?:${UNQUOTEDVALUE}|'[^']*'|"[^"]*")`;
const ATTRIBUTE = `(?:${WS}+${ATTRIBUTENAME}(?:${WS}*=${WS}*${ATTRIBUTEVALUE})?)`;
/** An HTML open tag, as in CommonMark's raw HTML rules. */
export const OPEN_TAG = `<${TAGNAME}${ATTRIBUTE}*${WS}*/?>`;
/** An HTML closing tag. */
export const CLOSE_TAG = `</${TAGNAME}${WS}*[>]`;

/** Start conditions of the seven kinds of HTML block; index = kind. */
export const HTML_BLOCK_OPEN: readonly RegExp[] = [
  /(?!)/,
  /^<(?:script|pre|textarea|style)(?:[ \t]|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  /^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|[/]?[>]|$)/i,
  new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})[ \\t]*$`, 'i'),
];

/** End conditions of HTML blocks of kinds 1 to 5 (6 and 7 end at a blank line). */
export const HTML_BLOCK_CLOSE: readonly RegExp[] = [
  /(?!)/,
  /<\/(?:script|pre|textarea|style)>/i,
  /-->/,
  /\?>/,
  />/,
  /\]\]>/,
];

export const ATX_OPEN = /^#{1,6}(?:[ \t]+|$)/;
export const ATX_CLOSING_ONLY = /^[ \t]*#+[ \t]*$/;
/**
 * An ATX heading's text without its closing sequence (spaces, `#`s, spaces
 * at the end): by hand, as `/[ \t]+#+[ \t]*$/` would backtrack over every
 * start in a long run of spaces inside the heading.
 */
export function withoutAtxClosing(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceOrTabCode(text.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && text.charCodeAt(hashes - 1) === 0x23 /* # */) hashes--;
  if (hashes === end || hashes === 0 || !isSpaceOrTabCode(text.charCodeAt(hashes - 1))) return text;
  return text.slice(0, hashes);
}

/** `text` without spaces and tabs at either end (by hand: a regex backtracks over a long run inside). */
export function trimSpaceTab(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceOrTabCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTabCode(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

export function isSpaceOrTabCode(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
export const FENCE_OPEN = /^`{3,}(?!.*`)|^~{3,}/;
export const FENCE_CLOSE = /^(?:`{3,}|~{3,})(?=[ \t]*$)/;
export const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
/** One cell of a GFM table delimiter row. */
export const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
