/**
 * Text made safe and measurable for a terminal. Specs, file names and
 * messages are user data: an ESC byte or a bidi override in a checked file
 * must not recolour, move or reorder what the user sees ("Trojan Source",
 * CVE-2021-42574), so such characters are shown as visible stand-ins.
 */

/** One visible character of a line: its text, the terminal cells it takes, and the UTF-16 units it came from. */
export interface VisibleChar {
  readonly text: string;
  readonly width: number;
  readonly units: number;
}

/** Tab stops every this many cells, the common terminal and editor default. */
const TAB_WIDTH = 4;

// Bidi embeddings, overrides and isolates reorder the text around them.
const BIDI_CONTROL = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const EMOJI = /^\p{Emoji}$/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]$/u;

/** How a control character is shown: C0 and DEL as Unicode control pictures (`␛`), the rest as `�`. */
function standIn(code: number): string | null {
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code >= 0x80 && code <= 0x9f) return '\uFFFD';
  return null;
}

/** Terminal cells of one code point: 2 for East Asian wide and emoji, 0 for combining marks, else 1. */
function cellsOf(char: string, code: number): number {
  if (ZERO_WIDTH.test(char)) return 0;
  // A flag is two regional indicators shown as one emoji; a skin tone joins the emoji before it.
  if (code >= 0x1f1e6 && code <= 0x1f1ff) return 1;
  if (code >= 0x1f3fb && code <= 0x1f3ff) return 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) ||
    // Emoji shown as emoji by default (🚀, ✅, ⌚; not ❤ without its variation selector) take two cells.
    (code >= 0x231a && EMOJI_PRESENTATION.test(char));
  return wide ? 2 : 1;
}

/**
 * Splits one line (no line break in it) into visible characters: tabs
 * expanded to the next tab stop, control and bidi characters replaced by
 * stand-ins, lone surrogates by `�`.
 */
export function toVisibleChars(line: string): VisibleChar[] {
  const chars: VisibleChar[] = [];
  let cell = 0;
  let previous = '';
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const units = char.length;
    let visible: VisibleChar;
    // (Printable ASCII first, one cell each: most lines are all of it.)
    if (code >= 0x20 && code < 0x7f) {
      visible = { text: char, width: 1, units };
    } else if (code === 0xfe0f && chars[chars.length - 1]?.width === 1 && EMOJI.test(previous)) {
      // The emoji variation selector turns a text-style symbol (⚠, ❤, a keycap's digit) into an emoji, two cells wide.
      visible = { text: char, width: 1, units };
    } else if (char === '\t') {
      const width = TAB_WIDTH - (cell % TAB_WIDTH);
      visible = { text: ' '.repeat(width), width, units };
    } else if (BIDI_CONTROL.test(char) || (code >= 0xd800 && code <= 0xdfff)) {
      visible = { text: '\uFFFD', width: 1, units };
    } else {
      const picture = standIn(code);
      visible = picture === null ? { text: char, width: cellsOf(char, code), units } : { text: picture, width: 1, units };
    }
    chars.push(visible);
    cell += visible.width;
    previous = char;
  }
  return chars;
}

// Printable ASCII, most of what is shown: one cell a character, nothing to replace. (Measured
// without reading it character by character, nor compiling the Unicode classes above, which
// cost a one-file check a few milliseconds.)
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** `text` (one line) with control and bidi characters made visible and tabs expanded. */
export function toVisibleText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return toVisibleChars(text)
    .map((c) => c.text)
    .join('');
}

/** Terminal cells `text` takes once made visible. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  return toVisibleChars(text).reduce((sum, c) => sum + c.width, 0);
}

/** Pads `text` with spaces on the right to `width` terminal cells. */
export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Splits text at `\r\n`, `\n` or a lone `\r`, the line breaks CommonMark (and specfill's line numbers) count. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/**
 * Text on one line for a table cell: each run of white space that holds a
 * line break becomes one space (other runs stay as written). Run by run, not
 * by `/\s*\n\s*` /, which is tried again from each space of a long run.
 */
export function onOneLine(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}
