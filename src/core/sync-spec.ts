import { setFrontMatterFields } from './front-matter-edit.js';
import { headingMarkdown, parentSectionId, renamedHeadingLines } from './heading-edit.js';
import { sectionUnderOldName } from './declared-renames.js';
import { SpecfillError } from './errors.js';
import { lineIndexOf } from './line-index.js';
import { asTemplateReads } from './as-template-reads.js';
import { titleShift } from './checks/title-shift.js';
import { flattenSections, matchSections, type SectionMatching } from './match-sections.js';
import { parseSpec } from './parse-spec.js';
import type { Block, ParsedSpec, Section } from './spec-types.js';
import { numberBeforeWords } from './slug.js';
import { parseTemplateRef, versionStanding, type Template } from './template.js';
import { isLineEnd, trimEndWhile } from './trim-end.js';

/** What bringing one spec up to date with its template did. */
export interface SyncOutcome {
  readonly source: string;
  readonly changed: boolean;
  /** The template reference before and after (`tech-spec@1` → `tech-spec@2`). */
  readonly from: string | null;
  readonly to: string;
  /** Template sections inserted, by id. */
  readonly added: string[];
  /** Headings renamed as the template declares. */
  readonly renamed: Array<{ readonly from: string; readonly to: string }>;
  /** Section ids that the renames changed (subsections included): old id → new id. */
  readonly movedSections: Readonly<Record<string, string>>;
  /** Sections of the spec the template does not have (dropped by it, or the author's own): kept, never deleted. */
  readonly kept: string[];
  /** Of those, the ones that still hold an open placeholder (check reports it until it is filled or the section deleted). */
  readonly keptOpen: string[];
  /**
   * Template sections not added because, where they go, they would not be
   * the template's (a heading of the spec's at a higher level there would
   * hold them): added, check would still call them missing, and each run
   * would add another copy.
   */
  readonly notPlaced: string[];
}

// Two line endings at the end of a text (a blank line): CRLF, a lone CR or a lone LF each one ending.
const TWO_LINE_ENDS = /(?:\r\n|\r(?!\n)|(?<!\r)\n){2}$/;

/**
 * Brings a spec up to date with the current version of its template: renames
 * headings the template declares renamed (`renamed: {old-id: new-id}` in its
 * front matter), inserts the (non-optional) sections it lacks with the
 * template's own text and placeholders at their place in the template's
 * order, reports sections the template does not have without touching them,
 * and records `template: id@version` and `updated`. Every other byte stays.
 * Pure.
 */
export function syncSpec(source: string, template: Template, today: string): SyncOutcome {
  let spec = parseSpec(source);
  const recorded = spec.frontMatter?.data?.template;
  const from = typeof recorded === 'string' ? recorded : null;
  const to = `${template.id}@${template.version}`;
  const nl = spec.format.newline;
  const templateSections = flattenSections(template.spec.sections);
  const templateIds = new Set(templateSections.map((s) => s.id));
  const optional = new Set(template.model.sections.filter((s) => s.optional).map((s) => s.id));

  // 1. Renames: the section still under a name the template renamed (by its old id, or
  // written another way: `## 3. Risks`, `### Risks` a level down) gets the template's heading;
  // its subsections follow by their path.
  const renamed: Array<{ from: string; to: string }> = [];
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const renamedSections = new Set<Section>();
  const rename = (section: Section, target: string): void => {
    const heading = templateSections.find((t) => t.id === target)!.heading;
    renamedSections.add(section);
    if (heading.text === section.heading.text) return;
    // The template's heading as written (`Ticket \#`, not its text `Ticket #`), after the
    // author's own number or emoji when the template has none (`## 2. Monitoring` → `## 2. Observability`).
    const own = numberBeforeWords(section.heading.text);
    const written = headingMarkdown(heading, template.spec.source);
    edits.push({ start: section.heading.span.start, end: section.heading.span.end, text: renamedHeadingLines(section, own !== '' && numberBeforeWords(heading.text) === '' ? `${own}${written}` : written, spec.source) });
    renamed.push({ from: section.heading.text, to: heading.text });
  };
  if (template.model.renamedFrom.size > 0) {
    const current = matchSections(asTemplateReads(spec, template.model), template.model);
    for (const target of template.model.renamedFrom.keys()) {
      if (current.byTemplateId.has(target) || !templateIds.has(target)) continue;
      const found = sectionUnderOldName(current, template.model, target, renamedSections);
      if (found !== undefined) rename(found, target);
    }
  }
  let text = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  const before = flattenSections(spec.sections);
  spec = parseSpec(text);
  // Renames change only heading lines, so the sections pair up in order: the ids that moved (subsections with their parent).
  const movedSections: Record<string, string> = {};
  flattenSections(spec.sections).forEach((s, i) => {
    const old = before[i]?.id;
    if (old !== undefined && old !== s.id) movedSections[old] = s.id;
  });

  // 2. Sections the template has and the spec lacks, in template order. A
  // section is there when `check` finds it there (matchSections): numbered,
  // with an emoji, at another level or without its "(Optional)" mark.
  const added: string[] = [];
  const notPlaced: string[] = [];
  // (As check reads it: under a template with no title, `# Summary` over a `## Scope` of the author's is the Summary.)
  let view = asTemplateReads(spec, template.model);
  let matching = matchSections(view, template.model);
  for (const t of templateSections) {
    if (optional.has(t.id) || matching.byTemplateId.has(t.id)) continue;
    const at = insertionPoint(view, matching, templateSections, t);
    if (at === null) continue;
    // After a code block or HTML block never closed, an inserted heading would be its text.
    const open = unclosedAt(spec, at);
    if (open !== null) {
      const { line, column } = lineIndexOf(spec).locate(open.start);
      throw new SpecfillError('REFUSED', `cannot add section ${JSON.stringify(t.heading.text)}: the ${open.kind === 'code' ? 'code block' : 'HTML block'} at ${line}:${column} is never closed, so it would hold it`, { line, column },
        `close the ${open.kind === 'code' ? 'code block (its fence)' : 'HTML block'}, then sync again`);
    }
    const own = template.spec.source.slice(t.bodySpan.start, t.bodySpan.end).replace(/\r\n|\n|\r/g, nl);
    // An empty heading (`## `) is written without the space after its marks.
    // At the level the spec writes the template's sections (`## Drawbacks` in a spec whose `# Summary` … are all `##`:
    // under a title of its own, or throughout), as check judges them: else the section added is check's next finding.
    const level = Math.max(1, Math.min(6, t.heading.level + titleShift(view, template.model, matching)));
    const headingLine = `${'#'.repeat(level)} ${headingMarkdown(t.heading, template.spec.source)}`.trimEnd();
    let block = `${headingLine}${nl}${own}`;
    // A blank line before whatever follows; at the very end, the one line ending a file ends with.
    // (By hand: `/(?:\r\n|\r|\n)*$/` read `\r\n` two ways and backtracked exponentially over a run of CRLF blank lines.)
    if (at >= text.length) block = trimEndWhile(block, isLineEnd) + nl;
    else if (!TWO_LINE_ENDS.test(block)) block += /[\n\r]$/.test(block) ? nl : nl + nl;
    // A blank line before the heading, as everywhere else in the spec.
    const head = text.slice(Math.max(0, at - 4), at);
    const before = at === 0 || TWO_LINE_ENDS.test(head) ? '' : /[\n\r]$/.test(head) ? nl : nl + nl;
    const previous = text;
    text = text.slice(0, at) + before + block + text.slice(at);
    const next = parseSpec(text);
    const nextView = asTemplateReads(next, template.model);
    const nextMatching = matchSections(nextView, template.model);
    // (Not found where it was put, `## Future Considerations` under a `# Architecture` of the spec's: undone, and said.)
    if (!nextMatching.byTemplateId.has(t.id)) {
      text = previous;
      notPlaced.push(t.id);
      continue;
    }
    added.push(t.id);
    spec = next;
    view = nextView;
    matching = nextMatching;
  }

  // 3. What the template does not have stays, and is reported.
  const kept = [...matching.unmatched].map((s) => s.id);
  const keptOpen = kept.filter((id) => view.placeholders.some((p) => p.sectionId === id));

  const structural = added.length > 0 || renamed.length > 0;
  if (structural || !recordsVersion(from, template)) text = setFrontMatterFields(text, { template: to, updated: today });
  return { source: text, changed: text !== source, from, to, added, renamed, movedSections, kept, keptOpen, notPlaced };
}

/**
 * Where a missing template section goes: after the last earlier sibling (in
 * template order) that the spec has, with its subsections; else at the end of
 * its parent's own text; else before the first later top-level section the
 * spec has, or at the end. Null when its parent is missing (it is inserted
 * with the parent).
 */
function insertionPoint(spec: ParsedSpec, matching: SectionMatching, template: readonly Section[], t: Section): number | null {
  const present = matching.byTemplateId;
  const parent = parentSectionId(t.id);
  if (parent !== '' && !present.has(parent)) return null;
  const siblings = template.filter((s) => parentSectionId(s.id) === parent);
  const index = siblings.findIndex((s) => s.id === t.id);
  // Not past a section that comes after it in the template, found inside the one before
  // (`### Risks` a level down under Overview): Design goes before it, not after.
  const later = template.slice(template.indexOf(t) + 1).map((x) => present.get(x.id)).filter((s): s is Section => s !== undefined);
  const before = (from: number, at: number): number => later.reduce((point, s) => (s.span.start > from && s.span.start < point ? s.span.start : point), at);
  for (let i = index - 1; i >= 0; i--) {
    const s = present.get(siblings[i]!.id);
    if (s !== undefined) return before(s.span.start, s.span.end);
  }
  if (parent !== '') return before(present.get(parent)!.span.start, present.get(parent)!.bodySpan.end);
  for (let i = index + 1; i < siblings.length; i++) {
    const s = present.get(siblings[i]!.id);
    if (s !== undefined) return s.span.start;
  }
  return spec.source.length;
}

/**
 * The last block of the spec when it is a fenced code block or an HTML block
 * (a comment, `<pre>`…) that is never closed and starts before `at`: text
 * inserted there would be inside it.
 */
function unclosedAt(spec: ParsedSpec, at: number): Block | null {
  const last = spec.blocks[spec.blocks.length - 1];
  // One in a block quote or list item ends with it: a heading after it is a heading.
  if (last === undefined || !last.topLevel || last.start >= at) return null;
  const open = (last.kind === 'code' && last.variant === 'fenced' && last.closed !== true)
    || (last.kind === 'html' && last.htmlKind !== undefined && last.htmlKind <= 5 && last.closed !== true);
  return open ? last : null;
}

/** Whether a recorded `template:` names this template at its version, as `check` compares them (`svc@010` is `svc@10`). */
function recordsVersion(recorded: string | null, template: Template): boolean {
  if (recorded === null) return false;
  const { id, version } = parseTemplateRef(recorded);
  return id === template.id && version !== null && versionStanding(version, template.version) === 'same';
}
