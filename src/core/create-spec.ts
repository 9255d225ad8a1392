import { stringify } from 'yaml';
import { SpecfillError } from './errors.js';
import { escapeParagraphText } from './escape-markdown.js';
import { isTemplateKey, type Template } from './template.js';
import { asksForTitleAlone, standInTitleAt } from './stand-in-titles.js';
import { isSpaceOrTabCode, trimSpaceTab, withoutAtxClosing } from './markdown/block-patterns.js';
import { isLineEnd, trimEndWhile } from './trim-end.js';

/** What a new spec is made of. */
export interface CreateSpecInput {
  readonly title: string;
  readonly owners?: readonly string[];
  /** Creation date, `YYYY-MM-DD`. */
  readonly created: string;
  /** The status a spec starts in: the first of the project's statuses (default `draft`). */
  readonly status?: string;
}

/**
 * The text of a new spec: YAML front matter (`title`, `template: id@version`,
 * `status: draft`, `owners`, `created`) over the template's body, byte for byte,
 * with the title written over a title heading that only stands in for one
 * (a `title` placeholder under it that asks for the name alone dropped), else
 * in the `title` placeholder (if the template has one), and a final line
 * break when the template has none (the seed ends without one; a file that
 * does not end its last line shows in every diff).
 * New lines use the template's own line endings.
 */
export function createSpecSource(template: Template, input: CreateSpecInput): string {
  const title = input.title.trim();
  if (title === '') throw new SpecfillError('USAGE', 'the title is empty', {}, 'give --title "Some title"');
  if (/[\r\n]/.test(title)) throw new SpecfillError('USAGE', 'the title must be a single line');
  const { spec } = template;
  const nl = spec.format.newline;
  const bodyStart = spec.source.length - template.body.length;
  let body = template.body;
  const titlePlaceholder = spec.placeholders.find((p) => p.id === 'title');
  const heading = standInHeading(template, bodyStart);
  if (heading !== null) {
    // The stand-in title heading (`# <RFC title>`, `# Feature Name`, Nygard's `# Title`) is the title's place.
    // A placeholder under it that asks for the title alone has its answer there: it goes
    // (after the heading, so the heading's offsets stand).
    if (titlePlaceholder !== undefined && titlePlaceholder.span.start - bodyStart >= heading.end) {
      const start = titlePlaceholder.span.start - bodyStart;
      const end = titlePlaceholder.span.end - bodyStart;
      if (template.model.titleAsksOnlyTitle) body = withoutLine(body, start, end);
      // One that asks for the title among other things there (`Title: <!-- … -->` over `Owner: …`) gets it too.
      else if (asksForTitleAlone(titlePlaceholder.instruction, spec.title!.text)) body = body.slice(0, start) + escapeParagraphText(title) + body.slice(end);
    }
    // A closing `#` run the title ends with is escaped, so that it stays the title's.
    const text = escapeParagraphText(title);
    // (Found from the end: see trimEndWhile.)
    const closing = trimEndWhile(text, (c) => c === 0x23).length;
    const written = closing < text.length && (closing === 0 || /[ \t]/.test(text[closing - 1]!)) ? `${text.slice(0, closing)}\\${text.slice(closing)}` : text;
    // A label before the stand-in (`Design Doc: Project Name`) is kept: `Design Doc: Rate limiter`.
    body = body.slice(0, heading.start) + heading.kept + written + body.slice(heading.end);
  } else if (titlePlaceholder !== undefined) {
    const start = titlePlaceholder.span.start - bodyStart;
    const end = titlePlaceholder.span.end - bodyStart;
    body = body.slice(0, start) + escapeParagraphText(title) + body.slice(end);
  }
  const yaml = stringify({
    title,
    template: `${template.id}@${template.version}`,
    status: input.status ?? 'draft',
    owners: [...(input.owners ?? [])],
    created: input.created,
    updated: input.created,
  }, { lineWidth: 0 });
  const frontMatter = `---\n${yaml}${templatesOwnKeys(template)}---\n`.replace(/\n/g, nl);
  const ended = body === '' || /[\r\n]$/.test(body) ? body : `${body}${nl}`;
  return `${spec.format.bom ? '\uFEFF' : ''}${frontMatter}${ended}`;
}

/**
 * Where the template's title heading only stands in for a title, in its body:
 * the heading line's span, and what of it `new` keeps (its `# ` and a label
 * before the stand-in); null for a title of the template's own words.
 */
function standInHeading(template: Template, bodyStart: number): { start: number; end: number; kept: string } | null {
  const { spec, body } = template;
  if (spec.title === null || spec.title.kind !== 'atx' || spec.title.span.start < bodyStart) return null;
  const start = spec.title.span.start - bodyStart;
  const line = body.slice(start, spec.title.span.end - bodyStart).replace(/[\r\n]+$/, '');
  const opening = /^ {0,3}#[ \t]+/.exec(line);
  if (opening === null) return null;
  const heading = trimSpaceTab(withoutAtxClosing(line.slice(opening[0].length)));
  const at = standInTitleAt(heading);
  return at === null ? null : { start, end: start + line.length, kept: opening[0] + heading.slice(0, at) };
}

/**
 * A text without the span `[start, end)`: when the span is alone on its
 * line(s), the whole line goes with the blank lines after it (the blank line
 * before it stays, as the one between what came before and what comes after).
 */
function withoutLine(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const after = lineEnd === -1 ? text.length : lineEnd + 1;
  if (text.slice(lineStart, start).trim() !== '' || text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim() !== '') return text.slice(0, start) + text.slice(end);
  const blank = /[ \t]*\r?\n/y;
  blank.lastIndex = after;
  let next = after;
  while (blank.exec(text) !== null) next = blank.lastIndex;
  return text.slice(0, lineStart) + text.slice(next);
}

/** The keys `new` writes itself: a template's own value for one is not carried. */
const WRITTEN_KEYS = new Set(['title', 'template', 'status', 'owners', 'created', 'updated']);

/**
 * The keys of a template's front matter that are neither its metadata (`id`,
 * `version`, `optional`, …) nor ones `new` writes, as the template writes
 * them, comments and all (Ember's `stage: accepted`, `start-date: # In format
 * YYYY-MM-DD`, `teams:` with its list): the process's own metadata, which each
 * new spec fills in. Each ends with a line break; `\n` line endings.
 */
export function templatesOwnKeys(template: Template): string {
  const fm = template.spec.frontMatter;
  if (fm === null || fm.data === null) return '';
  const lines = template.spec.source.slice(fm.yamlSpan.start, fm.yamlSpan.end).split(/\r\n|\r|\n/);
  let out = '';
  let keep = false;
  for (const line of lines) {
    // (The key is what comes before the first colon, spaces at its end aside: read so, not by a lazy `[^:]*?`
    // before `[ \t]*`, which retries the spaces from each character of a long line.)
    const named = /^([^\s#:][^:]*):(?:[ \t]|$)/.exec(line)?.[1];
    const key = named === undefined ? undefined : trimEndWhile(named, isSpaceOrTabCode).replace(/^["']|["']$/g, '');
    // A key at the start of a line opens a block; indented, blank and comment lines go with it.
    if (key !== undefined) keep = !isTemplateKey(key, fm.data[key]) && !WRITTEN_KEYS.has(key);
    else if (/^\S/.test(line) && !line.startsWith('#')) keep = false;
    if (keep) out += `${line}\n`;
  }
  return out === '' ? '' : `${trimEndWhile(out, isLineEnd)}\n`;
}

/** A date as `YYYY-MM-DD` in local time, as `created:` records it. */
export function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
