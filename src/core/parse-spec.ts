import { slugify } from './slug.js';
import { createRequire } from 'node:module';
import { buildSections } from './build-sections.js';
import { sectionAt } from './section-at.js';
import { findPlaceholders, isWellFormedPlaceholder } from './find-placeholders.js';
import { LineIndex } from './line-index.js';
import { afterLineEnding, lineStartOf } from './line-bounds.js';
import { scanBlocks } from './markdown/block-scanner.js';
import { findFrontMatter } from './markdown/front-matter.js';
import { headingText } from './markdown/heading-text.js';
import { headingLinesIn } from './markdown/heading-lines.js';
import { strayFrontMatterHeading } from './markdown/stray-front-matter.js';
import type { InlineContext } from './markdown/inline-text.js';
import type {
  FrontMatter,
  Heading,
  MalformedPlaceholder,
  ParsedSpec,
  Placeholder,
  SpecPart,
} from './spec-types.js';
import { readSimpleYaml } from './simple-yaml.js';
import { detectTextFormat } from './text-format.js';
import { yamlLineBreaks, yamlMessage } from './yaml-message.js';

/**
 * Parses a specification or template: front matter, title, section tree,
 * placeholders with stable ids, and the parts that cover the source exactly.
 * Pure and linear in the size of the source; never throws for a problem in
 * the document (a bad front matter or marker is reported in the result).
 */
export function parseSpec(source: string): ParsedSpec {
  const format = detectTextFormat(source);
  const bom = format.bom ? 1 : 0;
  // Built only when a placeholder needs a position: headings know their lines already.
  let lineIndex: LineIndex | undefined;
  const lines = { locate: (offset: number) => (lineIndex ??= new LineIndex(source)).locate(offset) } as LineIndex;
  const leading: SpecPart[] = bom === 1 ? [{ kind: 'bom', span: { start: 0, end: 1 } }] : [];

  const fmSpan = findFrontMatter(source, bom);
  let frontMatter: FrontMatter | null = null;
  let contentStart = bom;
  let firstLine = 1;
  if (fmSpan !== null) {
    frontMatter = readFrontMatter(source, fmSpan.start, fmSpan.end, fmSpan.yamlStart, fmSpan.yamlEnd, fmSpan.yamlLine);
    leading.push({ kind: 'front-matter', span: frontMatter.span });
    contentStart = fmSpan.end;
    firstLine = 1 + fmSpan.lineCount;
  }

  const scan = scanBlocks(source, contentStart, firstLine);
  const context = { definitions: scan.definitions, footnotes: scan.footnotes };
  const headings: Heading[] = [];
  // (Not the heading stray front matter's keys make: the frontmatter rule says what it is.)
  const stray = fmSpan === null ? strayFrontMatterHeading(scan.blocks, source) : null;
  for (const block of scan.blocks) {
    if (block.kind !== 'heading' || block === stray) continue;
    const content = block.content!;
    const text = detach(headingText(content, context));
    let seen = text;
    let shown = text;
    if (content.includes('<')) {
      // The anchor (and so the section id) comes from the text a reader sees:
      // `## Overview <!-- omit from toc -->` is `overview`, as on GitHub.
      seen = headingText(content, { ...context, dropHtml: true }).trim();
      // Only a heading holding a comment shows other than its text: few are read a third time.
      if (content.indexOf('<!--') !== -1) shown = shownText(content, context, text);
    }
    // The block knows its lines; columns count from the line's start (the BOM aside).
    const from = { line: block.line, column: block.start - block.lineStart + 1 - (block.lineStart === 0 ? bom : 0) };
    const to = { line: block.endLine, column: block.end - lineStartOf(source, block.end) + 1 - (block.endLine === 1 ? bom : 0) };
    headings.push({
      level: block.level!,
      kind: block.variant === 'setext' ? 'setext' : 'atx',
      text,
      shown,
      slug: slugify(seen),
      span: { start: block.lineStart, end: afterLineEnding(source, block.end) },
      topLevel: block.topLevel,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
    });
  }

  const tree = buildSections(headings, source.length, contentStart, leading);
  const placeholders: Placeholder[] = [];
  const malformed: MalformedPlaceholder[] = [];
  const perSection = new Map<string | null, number>();
  for (const raw of findPlaceholders(source, scan.blocks, lines)) {
    const section = sectionAt(tree.sections, raw.span.start);
    const sectionId = section?.id ?? null;
    const position = { line: raw.line, column: raw.column, endLine: raw.endLine, endColumn: raw.endColumn };
    if (raw.problem !== null) {
      malformed.push({
        ...position,
        reason: raw.problem === 'empty' ? 'empty' : 'unterminated',
        sectionId,
        span: raw.span,
        message: raw.problem === 'unterminated'
          ? `AGENT_PLACEHOLDER comment is never closed${hiding(source.slice(raw.span.start, raw.span.end), ', so it hides ')}: add \`-->\` at the end of its instruction`
          : raw.problem === 'closed-by-next'
            ? `AGENT_PLACEHOLDER comment is never closed: the next comment's \`-->\` closes it, so everything in between is hidden${hiding(source.slice(raw.span.start, raw.span.end), ': ')}; add \`-->\` at the end of its instruction`
            : 'AGENT_PLACEHOLDER comment has no instruction: write what the section needs after `AGENT_PLACEHOLDER:`',
      });
      continue;
    }
    const n = (perSection.get(sectionId) ?? 0) + 1;
    perSection.set(sectionId, n);
    const base = sectionId ?? 'title';
    placeholders.push({
      ...position,
      id: n === 1 ? base : `${base}#${n}`,
      sectionId,
      section: section?.path ?? [],
      instruction: raw.instruction,
      span: raw.span,
    });
  }

  return {
    source,
    format,
    frontMatter,
    title: tree.title,
    headings,
    sections: tree.sections,
    placeholders,
    malformed,
    parts: tree.parts,
    blocks: scan.blocks,
    definitions: scan.definitions,
    definitionTargets: scan.definitionTargets,
  };
}

/**
 * A heading's text as a reader sees it (see {@link Heading.shown}), for
 * content holding `<!--`: its HTML comments left out, as GitHub renders it,
 * each well-formed placeholder shown as `…`, the text yet to be written,
 * rather than its instruction; whitespace runs made one space, as a page
 * shows them, and the ends trimmed.
 */
function shownText(content: string, context: InlineContext, text: string): string {
  const shown = headingText(content, { ...context, commentText: (comment) => (isWellFormedPlaceholder(comment) ? '…' : '') })
    .replace(/\s+/g, ' ').trim();
  // A heading of nothing but comments (`## <!-- omit from toc -->`) shows no
  // text on GitHub, yet as a path element an empty string reads as nothing
  // (`Design ›  › Storage`) and cannot be told from another such heading: the
  // comment, as written, at least says which heading it is.
  return shown === '' ? text : detach(shown);
}

// Heading texts end up in findings and summaries that outlive the parse; as
// slices of the source (V8 keeps substrings as views) they would keep the
// whole file in memory. Concatenating then slicing makes a fresh copy.
function detach(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}


// The YAML reader loads on the first document that has front matter: many
// (existing RFCs, KEPs) have none, and a one-file command should start fast.
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

/**
 * Where the quoted value that is never closed opens (line and column), or
 * null: read line by line, a quoted value may go on over lines until its
 * closing quote, and the lines of a block scalar (`key: |`, `key: >`) are
 * text, not values. The last value left open is the one.
 */
function openingQuote(yamlText: string): { line: number; col: number } | null {
  const lines = yamlText.split(/\r\n|\r|\n/);
  let open: { line: number; col: number; quote: string } | null = null;
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (open !== null) {
      if (closingQuote(line, 0, open.quote) !== -1) open = null;
      continue;
    }
    const m = /^(\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?)(["'])/.exec(line);
    if (m === null) {
      if (/:\s*[|>][-+0-9]*\s*(?:#.*)?$/.test(line)) blockIndent = indent;
      // (Or an item of a flow list or mapping: `authors: ["a", "b]`.)
      const flow = /^(\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?)[[{]/.exec(line);
      if (flow !== null) {
        const at = unclosedFlowQuote(line, flow[1]!.length + 1);
        if (at !== -1) open = { line: i + 1, col: at + 1, quote: line[at]! };
      }
      continue;
    }
    if (closingQuote(line, m[1]!.length + 1, m[2]!) === -1) open = { line: i + 1, col: m[1]!.length + 1, quote: m[2]! };
  }
  return open === null ? null : { line: open.line, col: open.col };
}

/**
 * The fix for the commonest YAML slips in front matter, when the line the
 * reader stopped at (1-based in `yaml`) is one, with the line quoted as it
 * should be: a plain value with `: ` in it (`title: KIP-1004: Dead-letter
 * queues`), which YAML reads as a mapping nested in the value; or a value
 * that opens with `[` or `{` and goes on after its close, read as a list or
 * a mapping with text after it (a Markdown link, `issue-number:
 * [#117](https://…)`, as Jupyter's JEPs write it). Empty when the line is
 * something else.
 */
function quotingFix(yaml: string, line: number): string {
  const lines = yaml.split(/\r?\n|\r/);
  const text = lines[line - 1] ?? '';
  const colon = /^([A-Za-z_][\w-]*):[ \t]+([^\s"'[{|>&*!%@`#][^#]*?:[ \t].*?)[ \t]*$/.exec(text);
  // (Not a value with a comment after it, nor one that goes on, indented, on the next line: the line alone is not all of it.)
  if (colon !== null && !/[ \t]#/.test(colon[2]!) && !/^[ \t]+\S/.test(lines[line] ?? '')) {
    return `; a value with \`: \` in it must be quoted: \`${colon[1]}: ${JSON.stringify(colon[2])}\``;
  }
  const bracketed = /^([A-Za-z_][\w-]*):[ \t]+((?:\[[^\]\n]*\]|\{[^}\n]*\})[^\s,#].*?)[ \t]*$/.exec(text);
  if (bracketed === null) return '';
  const opens = bracketed[2]![0]!;
  return `; a value that opens with \`${opens}\` is read as a ${opens === '[' ? 'list' : 'mapping'}, and text after its close is an error: quote it: \`${bracketed[1]}: ${JSON.stringify(bracketed[2])}\``;
}

/**
 * The key written on line `line` (1-based) of a YAML text and the line where
 * the same key was first written in the same mapping (lines above it at its
 * column, up to the line that opens the mapping); null when there is none to
 * name (the library's message is kept then).
 */
function repeatedKey(yamlText: string, line: number): { key: string; firstLine: number } | null {
  const lines = yamlText.split(/\r\n|\r|\n/);
  const at = keyOnLine(lines[line - 1] ?? '');
  if (at === null) return null;
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i]!;
    const indent = text.length - text.trimStart().length;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const other = keyOnLine(text);
    if (other !== null && other.column === at.column && other.key === at.key) return { key: at.key, firstLine: i + 1 };
    // A line that starts left of the key (its parent, or the `- ` of its list item) closes the mapping.
    if (indent < at.column) return null;
  }
  return null;
}

/** The plain key a YAML line writes (`key:`, `- key:`, `"key":`) and its column, read by hand (a pattern backtracks over long runs of spaces). */
function keyOnLine(text: string): { key: string; column: number } | null {
  let i = 0;
  while (text.charCodeAt(i) === 0x20) i++;
  if (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
    i += 2;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  }
  const column = i;
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, i + 1);
    if (close === -1 || text[close + 1] !== ':') return null;
    return { key: text.slice(i + 1, close), column };
  }
  for (let k = i; k < text.length; k++) {
    const c = text[k];
    if (c === '#') return null;
    if (c === ':' && (k + 1 === text.length || text[k + 1] === ' ' || text[k + 1] === '\t')) {
      const key = text.slice(i, k).trimEnd();
      return key === '' ? null : { key, column };
    }
  }
  return null;
}

/**
 * The first `[` or `{` of a YAML text that is never closed (outside quotes
 * and comments), with its 1-based line and column; null when every one is.
 */
function openingBracket(text: string): { bracket: '[' | '{'; line: number; col: number } | null {
  const open: Array<{ bracket: '[' | '{'; line: number; col: number }> = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    for (let k = 0; k < line.length; k++) {
      const c = line[k]!;
      if (c === '"' || c === "'") {
        const close = closingQuote(line, k + 1, c);
        if (close === -1) break;
        k = close;
      } else if (c === '#' && (k === 0 || line[k - 1] === ' ' || line[k - 1] === '\t')) {
        break;
      } else if (c === '[' || c === '{') {
        open.push({ bracket: c, line: n + 1, col: k + 1 });
      } else if ((c === ']' || c === '}') && open.length > 0) {
        open.pop();
      }
    }
  }
  return open[0] ?? null;
}

/**
 * The index of a quote opening an item of a flow list or mapping (after `[`,
 * `{`, `,` or `:` and spaces) that is not closed on its line, from `from` on; or -1.
 */
function unclosedFlowQuote(line: string, from: number): number {
  let previous = line[from - 1];
  for (let k = from; k < line.length; k++) {
    const c = line[k]!;
    if (c === ' ' || c === '\t') continue;
    if ((c === '"' || c === "'") && previous !== undefined && '[{,:'.includes(previous)) {
      const close = closingQuote(line, k + 1, c);
      if (close === -1) return k;
      k = close;
      previous = c;
      continue;
    }
    if (c === '#' && (line[k - 1] === ' ' || line[k - 1] === '\t')) return -1;
    previous = c;
  }
  return -1;
}

/** The index of the quote that closes a quoted value from `from` on (`\"` and `''` are escapes), or -1. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let k = from; k < line.length; k++) {
    const c = line[k];
    if (quote === '"' && c === '\\') k++;
    else if (c === quote) {
      if (quote === "'" && line[k + 1] === "'") k++;
      else return k;
    }
  }
  return -1;
}

/** The largest front matter handed to the YAML library (plain `key: value` front matter has no limit). */
const MAX_YAML_FRONT_MATTER = 32 * 1024;

function readFrontMatter(source: string, start: number, end: number, yamlStart: number, yamlEnd: number, yamlLine: number): FrontMatter {
  const span = { start, end };
  const yamlSpan = { start: yamlStart, end: yamlEnd };
  // (A lone CR, an old Mac's line break, ends a line there too: made a LF, offsets kept.)
  const text = yamlLineBreaks(source.slice(yamlStart, yamlEnd));
  // Most front matter is plain `key: value` lines: read without loading the YAML library.
  const simple = readSimpleYaml(text);
  if (simple !== null) return { span, yamlSpan, data: simple, error: null };
  // Front matter is a few keys. The YAML library spends about 1 KB of memory
  // per byte of broken YAML, and some forms take it quadratic time: a huge
  // one is refused, not read (10 MB ran a check out of memory).
  if (yamlEnd - yamlStart > MAX_YAML_FRONT_MATTER) {
    return {
      span, yamlSpan, data: null,
      error: { message: `front matter is ${yamlEnd - yamlStart} characters of YAML, over the ${MAX_YAML_FRONT_MATTER} specfill reads: keep it to a few keys, and move long text into the document`, line: yamlLine, column: 1 },
    };
  }
  let doc;
  let data: unknown;
  try {
    doc = yaml().parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    // Many aliases (a "billion laughs") or very deep nesting make the library throw: a bad front matter, not a crash.
    data = doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  } catch (thrown) {
    return { span, yamlSpan, data: null, error: { message: `invalid YAML front matter: ${(thrown as Error).message}`, line: yamlLine, column: 1 } };
  }
  const error = doc.errors[0];
  if (error !== undefined) {
    // An unclosed quote is found at the end of the text: point at where it opens.
    const pos = (error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? openingQuote(text) : null)
      ?? error.linePos?.[0] ?? { line: 1, col: 1 };
    // A key given twice: named, with where it was first given.
    const repeated = error.code === 'DUPLICATE_KEY' ? repeatedKey(text, pos.line) : null;
    // A `[` or `{` never closed (`owners: [a, b`) is found where the front matter ends: point at where it opens.
    const unclosed = repeated === null && /end with an? [\]}]/.test(error.message) ? openingBracket(text) : null;
    if (unclosed !== null) {
      const what = unclosed.bracket === '[' ? 'the list opened with `[`' : 'the mapping opened with `{`';
      return {
        span, yamlSpan, data: null,
        error: { message: `invalid YAML front matter: ${what} here is never closed: add \`${unclosed.bracket === '[' ? ']' : '}'}\` after its last item`, line: yamlLine + unclosed.line - 1, column: unclosed.col },
      };
    }
    // An unclosed quote: said what to do, as for a bracket (the library's "Missing closing \"quote" says neither).
    const quote = error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? text.split(/\r\n|\r|\n/)[pos.line - 1]?.[pos.col - 1] : undefined;
    if (repeated === null && (quote === '"' || quote === "'")) {
      return {
        span, yamlSpan, data: null,
        error: { message: `invalid YAML front matter: the value opened with \`${quote}\` here is never closed: add \`${quote}\` at its end, or take the opening one out`, line: yamlLine + pos.line - 1, column: pos.col },
      };
    }
    const firstLineOfMessage = repeated === null ? yamlMessage(error) + quotingFix(text, pos.line)
      : `\`${repeated.key}\` is given twice (first on line ${yamlLine + repeated.firstLine - 1}); keep one`;
    return {
      span, yamlSpan, data: null,
      error: { message: `invalid YAML front matter: ${firstLineOfMessage}`, line: yamlLine + pos.line - 1, column: pos.col },
    };
  }
  if (data === null || data === undefined) return { span, yamlSpan, data: {}, error: null };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      span, yamlSpan, data: null,
      error: { message: 'front matter must be a YAML mapping of keys to values (like `title: ...`)', line: yamlLine, column: 1 },
    };
  }
  return { span, yamlSpan, data: data as Record<string, unknown>, error: null };
}

/**
 * What a comment that lost its `-->` hides, said: its sections vanish from
 * the page and from every other check (completeness drops, missing-section
 * stays quiet about them), which a reader told only of a lost `-->` would not guess.
 */
function hiding(inside: string, lead: string): string {
  const headings = headingLinesIn(inside);
  if (headings.length === 0) return '';
  return `${lead}${headings.length === 1 ? `the section \`${headings[0]}\`` : `${headings.length} sections, from \`${headings[0]}\` on`}`;
}
