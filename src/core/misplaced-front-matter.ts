// Front matter that an author or a model put somewhere other than the first
// line: after a sentence of preamble ("Here is the completed specification:"),
// or inside a code block (a whole answer in ```markdown, the keys in ```yaml).
// Markdown then reads its `---` as a rule and its keys as a heading, so its
// title, template and status are silently lost: the spec is checked without
// its template and passes the template's rules without being looked at.

/** Where misplaced front matter is, and what is in the way. */
export interface MisplacedFrontMatter {
  /** 1-based line of its opening `---`. */
  readonly line: number;
  /** The code block holding it (its opening fence's line), or null. */
  readonly fenceLine: number | null;
  /** The first line of the text (or code block) above it, trimmed, or null when none: said when no fence holds it. */
  readonly preamble: { readonly line: number; readonly text: string } | null;
  /** True for keys written as a ```` ```yaml ```` code block, with no `---` lines: `line` is the fence's. */
  readonly yamlBlock?: true;
  /** True for front matter indented as code (four spaces or a tab: a whole document indented by an agent); `line` is its `---`'s. */
  readonly indented?: true;
}

// Front matter is looked for this far down: a preamble is a sentence or two.
const LOOK_LINES = 15;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE = /^---[ \t]*$/;
// The indentation of an indented code block's line: four spaces, or a tab.
const INDENTED = /^(?: {4}|\t)/;
const KEY = /^([a-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;
const ITEM = /^[ \t]+\S|^-[ \t]/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
// Keys that only front matter holds: a rule above "status: done" in prose is not enough.
const SPEC_KEYS = new Set(['title', 'template', 'status']);

/**
 * Front matter placed below the first line, before any heading, after text
 * or inside a code block; null when there is none. (Front matter after blank
 * lines or comments only is the frontmatter rule's own case.)
 */
export function misplacedFrontMatter(source: string): MisplacedFrontMatter | null {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, LOOK_LINES + 30);
  // Indented four spaces or a tab, at the top (after blank lines): an indented code block, a document an agent indented whole.
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first !== -1 && first < LOOK_LINES && INDENTED.test(lines[first]!)) {
    const dedented = lines.map((line) => line.replace(INDENTED, ''));
    return RULE.test(dedented[first]!) && holdsSpecKeys(dedented, first + 1) ? { line: first + 1, fenceLine: null, preamble: null, indented: true } : null;
  }
  let fence: { line: number; marker: string } | null = null;
  let preamble: MisplacedFrontMatter['preamble'] = null;
  let inComment = false;
  for (let i = 0; i < Math.min(lines.length, LOOK_LINES); i++) {
    const line = lines[i]!;
    // Lines in a comment show nothing, and keys there are commented out on purpose.
    if (inComment || (fence === null && /^\s*<!--/.test(line))) {
      inComment = !line.includes('-->');
      continue;
    }
    const open = FENCE.exec(line);
    if (open !== null) {
      // Keys in a YAML block of their own, at the very top (an answer's `yaml` block; a sample below some text is the author's).
      if (fence === null && preamble === null && /^\s*ya?ml\s*$/i.test(line.trim().slice(open[1]!.length)) && holdsSpecKeys(lines, i + 1, (l) => l.trim().startsWith(open[1]!))) {
        return { line: i + 1, fenceLine: i + 1, preamble, yamlBlock: true };
      }
      if (fence === null) {
        fence = { line: i + 1, marker: open[1]! };
        // A code block above is text above too.
        preamble ??= { line: i + 1, text: line.trim() };
      } else if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        fence = null;
      }
      continue;
    }
    // A heading ends the search: ATX, or text over a line of `=` (a line of `-` may be front matter's own).
    if (fence === null && (ATX_HEADING.test(line) || (/^ {0,3}=+[ \t]*$/.test(line) && preamble !== null))) return null;
    if (i > 0 && RULE.test(line) && holdsSpecKeys(lines, i + 1) && (fence !== null || preamble !== null)) {
      return { line: i + 1, fenceLine: fence?.line ?? null, preamble };
    }
    if (fence === null && preamble === null && line.trim() !== '') preamble = { line: i + 1, text: line.trim() };
  }
  return null;
}

/** Whether the lines from `from` are YAML keys (and their items) up to a closing `---` (or `end`), one of them a spec's. */
function holdsSpecKeys(lines: readonly string[], from: number, end = (line: string): boolean => RULE.test(line) || line.trim() === '...'): boolean {
  let spec = false;
  let keys = 0;
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!;
    // A `template:` key, or a spec's key among others: one `title: x` under a rule may be a heading of the author's.
    if (end(line)) return spec && keys >= 2;
    const key = KEY.exec(line);
    if (key !== null) {
      keys += key[1] === 'template' ? 2 : 1;
      spec ||= SPEC_KEYS.has(key[1]!);
    } else if (!ITEM.test(line) && !/^\s*#/.test(line)) return false;
  }
  return false;
}

// Blank lines and whole HTML comments, as a file may start with them (a licence header).
const LEADING_NOISE = /^\uFEFF?(?:[ \t]*(?:\r\n|\r|\n)|[ \t]*<!--[\s\S]*?-->[ \t]*(?:\r\n|\r|\n))+/;
/** A `---` line with a `key:` line under it: front matter opening. */
export const FRONT_MATTER_START = /^---[ \t]*(?:\r\n|\r|\n)[a-z_][\w-]*[ \t]*:(?:[ \t]|\r|\n|$)/;

/**
 * Where front matter starts that is not at the top of the file (after blank
 * lines or a comment), with what comes before it; null when there is none.
 * Only the top of a file is front matter, so these keys are silently lost.
 */
export function lateFrontMatterLine(source: string): { line: number; after: string } | null {
  const noise = LEADING_NOISE.exec(source);
  if (noise === null || !FRONT_MATTER_START.test(source.slice(noise[0].length))) return null;
  const line = 1 + (noise[0].match(/\r\n|\r|\n/g)?.length ?? 0);
  return { line, after: noise[0].includes('<!--') ? 'comment' : line === 2 ? 'blank line' : 'blank lines' };
}

// Characters that show nothing before a file's first `---` (after its byte order mark, which is read as none).
const INVISIBLE_BEFORE_FRONT_MATTER = /^\uFEFF?([\uFEFF\u200B-\u200D\u2060\u00A0]+)/;

/**
 * The characters that show nothing (a second byte order mark, a zero-width
 * or no-break space pasted in) before front matter's `---` on the first
 * line, which make it Markdown; null when there are none.
 */
export function invisibleBeforeFrontMatter(source: string): string | null {
  const invisible = INVISIBLE_BEFORE_FRONT_MATTER.exec(source);
  return invisible !== null && FRONT_MATTER_START.test(source.slice(invisible[0].length)) ? invisible[1]! : null;
}

/**
 * The line of the `---` of front matter below the first line that Markdown
 * reads as Markdown, not code (after blank lines or comments, or a
 * preamble): where the frontmatter rule reports it. Null when there is none.
 */
export function strayFrontMatterLine(source: string): number | null {
  const late = lateFrontMatterLine(source);
  if (late !== null) return late.line;
  const misplaced = misplacedFrontMatter(source);
  return misplaced !== null && misplaced.fenceLine === null && misplaced.yamlBlock !== true && misplaced.indented !== true ? misplaced.line : null;
}
