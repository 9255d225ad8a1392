import { normalizeLabel } from './inline-text.js';

/** Link reference definitions found at the start of a paragraph. */
export interface TakenDefinitions {
  /** Normalized labels of `[label]: destination "title"` definitions. */
  readonly labels: string[];
  /** Where each definition's destination is in the paragraph content (`<…>` included), in order. */
  readonly destinations: Array<{ readonly start: number; readonly end: number }>;
  /** Number of characters of the paragraph content the definitions use. */
  readonly consumed: number;
}

const LINK_LABEL = /^\[(?:[^\\[\]]|\\.){0,1000}\]/s;
const SPNL = /^[ \t]*(?:\n[ \t]*)?/;
const DESTINATION_BRACES = /^<(?:[^<>\n\\\x00]|\\.)*>/;
const TITLE = /^(?:"(?:\\[\s\S]|[^"\x00])*"|'(?:\\[\s\S]|[^'\x00])*'|\((?:\\[\s\S]|[^()\x00])*\))/;
const SPACE_AT_END_OF_LINE = /^[ \t]*(?:\n|$)/;
const ESCAPABLE = /^[!"#$%&'()*+,./:;<=>?@[\\\]^_`{|}~-]/;
const WHITESPACE_CHAR = /^[ \t\n\x0b\x0c\x0d]/;

/**
 * Whether a paragraph whose first line is source[from, lineEnd) (starting
 * with `[`) may open with a link reference definition, by its first line
 * alone: a label ends at its first unescaped `]` and holds no `[`, and a
 * definition's label is followed by `:`. A table-of-contents entry
 * (`[Summary](#summary)`) is passed over without building the paragraph's text.
 */
export function mayOpenWithDefinition(source: string, from: number, lineEnd: number): boolean {
  for (let i = from + 1; i < lineEnd; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x5b /* [ */) return false;
    else if (c === 0x5d /* ] */) return source.charCodeAt(i + 1) === 0x3a /* : */;
  }
  // The label goes on to the next line.
  return true;
}

/**
 * Reads the link reference definitions that open a paragraph, as CommonMark
 * does when it closes the paragraph: they define labels that reference links
 * in headings resolve against, and a paragraph made only of them cannot
 * become a setext heading.
 */
export function takeDefinitions(content: string): TakenDefinitions {
  const labels: string[] = [];
  const destinations: Array<{ start: number; end: number }> = [];
  let pos = 0;
  while (content.charCodeAt(pos) === 0x5b /* [ */) {
    const taken = takeOneDefinition(content, pos);
    if (taken === null) break;
    labels.push(taken.label);
    destinations.push(taken.destination);
    pos = taken.end;
  }
  return { labels, destinations, consumed: pos };
}

function takeOneDefinition(s: string, start: number): { label: string; end: number; destination: { start: number; end: number } } | null {
  // A GFM footnote definition looks like a link definition but is not one.
  if (s.charCodeAt(start + 1) === 0x5e /* ^ */ && FOOTNOTE_DEFINITION_START.test(s.slice(start))) return null;
  const labelMatch = LINK_LABEL.exec(s.slice(start));
  if (labelMatch === null || labelMatch[0].length > 1001) return null;
  let pos = start + labelMatch[0].length;
  if (s.charCodeAt(pos) !== 0x3a /* : */) return null;
  pos += 1;
  pos += SPNL.exec(s.slice(pos))![0].length;
  const destStart = pos;
  const destEnd = scanDestination(s, pos);
  if (destEnd === null) return null;
  pos = destEnd;
  const beforeTitle = pos;
  pos += SPNL.exec(s.slice(pos))![0].length;
  let hasTitle = false;
  if (pos !== beforeTitle) {
    const title = TITLE.exec(s.slice(pos));
    if (title !== null) {
      pos += title[0].length;
      hasTitle = true;
    }
  }
  if (!hasTitle) pos = beforeTitle;
  let eol = SPACE_AT_END_OF_LINE.exec(s.slice(pos));
  if (eol === null) {
    if (!hasTitle) return null;
    // A title followed by junk: the definition may still end before the title.
    pos = beforeTitle;
    eol = SPACE_AT_END_OF_LINE.exec(s.slice(pos));
    if (eol === null) return null;
  }
  const label = normalizeLabel(labelMatch[0].slice(1, -1));
  if (label === '') return null;
  return { label, end: pos + eol[0].length, destination: { start: destStart, end: destEnd } };
}

function scanDestination(s: string, start: number): number | null {
  if (s.charCodeAt(start) === 0x3c /* < */) {
    const m = DESTINATION_BRACES.exec(s.slice(start));
    return m === null ? null : start + m[0].length;
  }
  let pos = start;
  let openParens = 0;
  let c = '';
  while (pos < s.length) {
    c = s[pos]!;
    if (c === '\\' && ESCAPABLE.test(s[pos + 1] ?? '')) {
      pos += 2;
    } else if (c === '(') {
      pos += 1;
      openParens += 1;
      if (openParens > 32) return null;
    } else if (c === ')') {
      if (openParens < 1) break;
      pos += 1;
      openParens -= 1;
    } else if (WHITESPACE_CHAR.test(c) || c.charCodeAt(0) < 0x20) {
      break;
    } else {
      pos += 1;
    }
  }
  if (pos === start) return null;
  if (openParens !== 0) return null;
  return pos;
}

/** The opening of a GFM footnote definition, `[^label]:`; group 1 is the label. */
export const FOOTNOTE_DEFINITION_START = /^\[\^((?:[^\\[\]\s]|\\.){1,999})\]:/;

/**
 * Where definition destinations, found in a paragraph's content (its lines
 * joined with `\n`), are in the source, given the paragraph's line segments
 * (flat `[start, end]` pairs). Destinations come in order: one walk of the
 * segments maps them all.
 */
export function destinationSpans(segments: readonly number[], destinations: TakenDefinitions['destinations']): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let seg = 0;
  let at = 0;
  for (const d of destinations) {
    while (seg + 2 < segments.length && d.start > at + (segments[seg + 1]! - segments[seg]!)) {
      at += segments[seg + 1]! - segments[seg]! + 1;
      seg += 2;
    }
    const start = segments[seg]! + (d.start - at);
    spans.push({ start, end: start + (d.end - d.start) });
  }
  return spans;
}
