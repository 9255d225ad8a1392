import { displayWidth, padCells, toVisibleChars, toVisibleText } from '../../reporters/terminal-text.js';
import { DEFAULT_STATUSES } from '../../core/check-spec.js';
import { errorJson } from '../../core/json-shapes.js';
import type { SpecSummary } from '../../core/summarize-spec.js';
import { loadConfig } from '../../io/load-config.js';
import { findProjectRoot } from '../../io/project-root.js';
import { summarizeSpecFiles } from '../../io/summarize-spec-files.js';
import { writeJson, type CliContext } from '../context.js';
import { warnMissingTemplatesDir } from '../templates-dir-warning.js';

/** `specfill status [PATHS...]`: one line per spec; bad files are reported and the rest still listed (exit 2). */
/** Options of `specfill status`. */
export interface StatusOptions {
  readonly json?: boolean;
  readonly maxFileBytes?: number;
  /** Only specs with one of these statuses, owners, templates (ids, with or without `@version`). */
  readonly status?: string[];
  readonly owner?: string[];
  readonly template?: string[];
  readonly sort?: StatusSortKey;
}

/** What `status --sort` sorts by. */
export const STATUS_SORT_KEYS = ['path', 'title', 'status', 'completeness', 'open', 'updated'] as const;
export type StatusSortKey = (typeof STATUS_SORT_KEYS)[number];

export async function runStatus(ctx: CliContext, paths: string[], opts: StatusOptions): Promise<number> {
  const root = findProjectRoot(ctx.cwd);
  const { config } = await loadConfig(root, ctx.cwd);
  warnMissingTemplatesDir(ctx, root, config.templatesDir);
  const found = await summarizeSpecFiles({ root, cwd: ctx.cwd, config, targets: paths, maxFileBytes: opts.maxFileBytes });
  const errors = found.errors;
  const specs = sortSpecs(found.specs.filter((s) => matches(s, opts)), opts.sort ?? 'path', config.statuses ?? DEFAULT_STATUSES);
  const unknown = (opts.status ?? []).filter((s) => !(config.statuses ?? DEFAULT_STATUSES).includes(s));
  if (unknown.length > 0) ctx.stderr.write(`specfill: warning: ${unknown.map((s) => `\`${s}\``).join(', ')} is not a status; the statuses are: ${(config.statuses ?? DEFAULT_STATUSES).join(', ')}\n`);

  if (opts.json) {
    writeJson(ctx, { specs, errors: errors.map(errorJson) });
  } else {
    printTable(ctx, specs, found.specs.length, errors.length);
  }
  for (const error of errors) ctx.stderr.write(`specfill: ${error.format()}\n`);
  return errors.length > 0 ? 2 : 0;
}

const templateId = (ref: string | null): string | null => (ref === null ? null : ref.split('@')[0]!);

function matches(s: SpecSummary, opts: StatusOptions): boolean {
  return (opts.status === undefined || opts.status.length === 0 || (s.status !== null && opts.status.includes(s.status)))
    && (opts.owner === undefined || opts.owner.length === 0 || s.owners.some((o) => opts.owner!.includes(o)))
    && (opts.template === undefined || opts.template.length === 0 || opts.template.some((t) => (t.includes('@') ? t === s.template : templateId(t) === templateId(s.template))));
}

/** Specs in the order asked: text keys A→Z, statuses in lifecycle order, numbers and dates from high to low. */
function sortSpecs(specs: SpecSummary[], key: StatusSortKey, statuses: readonly string[]): SpecSummary[] {
  const rank = (s: string | null): number => (s === null ? statuses.length : statuses.indexOf(s) === -1 ? statuses.length : statuses.indexOf(s));
  const compare: Record<StatusSortKey, (a: SpecSummary, b: SpecSummary) => number> = {
    path: (a, b) => a.path.localeCompare(b.path),
    title: (a, b) => a.title.localeCompare(b.title),
    status: (a, b) => rank(a.status) - rank(b.status),
    completeness: (a, b) => (b.completeness ?? -1) - (a.completeness ?? -1),
    open: (a, b) => b.openPlaceholders.length - a.openPlaceholders.length,
    updated: (a, b) => (b.updated ?? '').localeCompare(a.updated ?? ''),
  };
  return [...specs].sort((a, b) => compare[key](a, b) || a.path.localeCompare(b.path));
}

function printTable(ctx: CliContext, specs: SpecSummary[], found: number, unreadable: number): void {
  const c = ctx.color;
  if (specs.length === 0) {
    const none = unreadable > 0 ? `no readable specs (${unreadable} could not be read)` : 'no specs found';
    ctx.stdout.write(found === 0 ? `${none}\n` : `no specs match (${found} spec${found === 1 ? '' : 's'} found)\n`);
    return;
  }
  // (Control characters shown as symbols, as check's pretty output does: an escape in a title or a file name must not drive the terminal.)
  const rows = specs.map((s) => ({
    path: toVisibleText(s.path),
    title: toVisibleText(s.title),
    status: toVisibleText(s.status ?? '-'),
    template: toVisibleText(s.template ?? '-'),
    done: s.completeness === null ? '-' : `${Math.round(s.completeness * 100)}% (${s.sectionsFilled}/${s.sectionsGuided})`,
    open: String(s.openPlaceholders.length),
    ratio: s.completeness,
  }));
  const header = { path: 'SPEC', title: 'TITLE', status: 'STATUS', template: 'TEMPLATE', done: 'COMPLETE', open: 'OPEN' };
  const cols = ['path', 'title', 'status', 'template', 'done', 'open'] as const;
  // Widths in terminal cells: an emoji in a title takes two.
  const width = Object.fromEntries(cols.map((k) => [k, Math.min(k === 'title' ? 40 : 80, Math.max(header[k].length, ...rows.map((r) => displayWidth(r[k]))))]));
  const cell = (k: (typeof cols)[number], v: string): string => (displayWidth(v) > width[k]! ? padCells(`${cutToCells(v, width[k]! - 1)}…`, width[k]!) : padCells(v, width[k]!));
  ctx.stdout.write(`${c.dim(cols.map((k) => cell(k, header[k])).join('  ').trimEnd())}\n`);
  for (const r of rows) {
    const done = r.ratio === null ? cell('done', r.done) : r.ratio === 1 ? c.green(cell('done', r.done)) : c.yellow(cell('done', r.done));
    const open = r.open === '0' ? cell('open', r.open) : c.yellow(cell('open', r.open));
    ctx.stdout.write(`${[cell('path', r.path), cell('title', r.title), cell('status', r.status), cell('template', r.template), done, open].join('  ').trimEnd()}\n`);
  }
  const machine = specs.reduce((n, s) => n + s.machineFilled, 0);
  if (machine > 0) {
    for (const s of specs.filter((x) => x.machineFilled > 0)) {
      ctx.stdout.write(c.yellow(`${s.path}: ${s.machineFilled} section${s.machineFilled === 1 ? '' : 's'} filled by a machine and not yet edited by a person\n`));
    }
  }
  const open = specs.reduce((n, s) => n + s.openPlaceholders.length, 0);
  ctx.stdout.write(c.dim(`${specs.length} spec${specs.length === 1 ? '' : 's'}, ${open} open placeholder${open === 1 ? '' : 's'}\n`));
}

/** The longest start of `text` that fits in `cells` terminal cells. */
function cutToCells(text: string, cells: number): string {
  let width = 0;
  let units = 0;
  for (const c of toVisibleChars(text)) {
    if (width + c.width > cells) break;
    width += c.width;
    units += c.units;
  }
  return text.slice(0, units);
}
