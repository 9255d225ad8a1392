import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { SpecfillError } from '../../core/errors.js';
import { summarizeSpec, type SpecSummary } from '../../core/summarize-spec.js';
import type { ParsedSpec } from '../../core/spec-types.js';
import { sectionBodyText } from '../../io/fill-file.js';
import { findSpecFiles } from '../../io/find-spec-files.js';
import { contentHash, MACHINE_FILLERS, readProvenance, type ProvenanceEntry } from '../../io/provenance.js';
import { loadConfig } from '../../io/load-config.js';
import { loadTemplates } from '../../io/load-templates.js';
import { TemplateResolver } from '../../io/resolve-template-for.js';
import { findProjectRoot } from '../../io/project-root.js';
import { readSpecFile } from '../../io/read-spec-file.js';
import { displayPath, writeJson, type CliContext } from '../context.js';

/** A file that could not be reported on, in `status --json`. */
export interface FileErrorJson {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** `specfill status [PATHS...]`: one line per spec; bad files are reported and the rest still listed (exit 2). */
export async function runStatus(ctx: CliContext, paths: string[], opts: { json?: boolean; maxFileBytes?: number }): Promise<number> {
  const root = findProjectRoot(ctx.cwd);
  const { config } = await loadConfig(root, ctx.cwd);
  const targets = paths.length > 0 ? paths : config.specs ?? [existsSync(resolve(ctx.cwd, 'specs')) ? 'specs' : '.'];
  const registry = await loadTemplates({ root, cwd: ctx.cwd, templatesDir: config.templatesDir });
  // The same template matching as `check`: front matter first, then the config's mapping.
  const templates = await TemplateResolver.create(root, registry, config.templates);
  const found = await findSpecFiles(targets, ctx.cwd);
  const provenance = readProvenance(root);
  const errors: SpecfillError[] = [...found.errors];
  const specs: SpecSummary[] = [];
  const files = found.files.map((f) => ({ absolute: f, shown: displayPath(ctx, f, relative) }));
  // Each file is read, parsed and summarized in turn; only summaries are kept.
  const summarize = async (f: { absolute: string; shown: string }): Promise<{ summary?: SpecSummary; errors: SpecfillError[] }> => {
    let spec;
    try {
      spec = await readSpecFile(f.absolute, { displayPath: f.shown, maxBytes: opts.maxFileBytes });
    } catch (error) {
      if (error instanceof SpecfillError) return { errors: [error] };
      throw error;
    }
    const fileErrors: SpecfillError[] = [];
    let template = null;
    try {
      template = templates.templateFor(f.absolute, spec, f.shown);
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      fileErrors.push(error);
    }
    const fills = provenance.specs[relative(root, f.absolute).split('\\').join('/')] ?? {};
    return { summary: summarizeSpec(f.shown, spec, template?.model ?? null, basename(f.absolute), countMachineFilled(spec, fills)), errors: fileErrors };
  };
  for (const f of files) {
    const r = await summarize(f);
    if (r.summary !== undefined) specs.push(r.summary);
    errors.push(...r.errors);
  }

  if (opts.json) {
    writeJson(ctx, { specs, errors: errors.map(errorJson) });
  } else {
    printTable(ctx, specs);
  }
  for (const error of errors) ctx.stderr.write(`specfill: ${error.format()}\n`);
  return errors.length > 0 ? 2 : 0;
}

/** Sections whose last fill was a machine's and whose text is still what it wrote. */
function countMachineFilled(spec: ParsedSpec, fills: Record<string, ProvenanceEntry>): number {
  const sections = new Set<string>();
  for (const entry of Object.values(fills)) {
    if (!MACHINE_FILLERS.includes(entry.filler) || sections.has(entry.section)) continue;
    if (contentHash(sectionBodyText(spec, entry.section)) === entry.sectionSha256) sections.add(entry.section);
  }
  return sections.size;
}

function errorJson(error: SpecfillError): FileErrorJson {
  return { path: error.location.path ?? '', code: error.code, message: error.message, line: error.location.line, column: error.location.column };
}

function printTable(ctx: CliContext, specs: SpecSummary[]): void {
  const c = ctx.color;
  if (specs.length === 0) {
    ctx.stdout.write('no specs found\n');
    return;
  }
  const rows = specs.map((s) => ({
    path: s.path,
    title: s.title,
    status: s.status ?? '-',
    template: s.template ?? '-',
    done: s.completeness === null ? '-' : `${Math.round(s.completeness * 100)}% (${s.sectionsFilled}/${s.sectionsGuided})`,
    open: String(s.openPlaceholders.length),
    ratio: s.completeness,
  }));
  const header = { path: 'SPEC', title: 'TITLE', status: 'STATUS', template: 'TEMPLATE', done: 'COMPLETE', open: 'OPEN' };
  const cols = ['path', 'title', 'status', 'template', 'done', 'open'] as const;
  const width = Object.fromEntries(cols.map((k) => [k, Math.min(k === 'title' ? 40 : 80, Math.max(header[k].length, ...rows.map((r) => r[k].length)))]));
  const cell = (k: (typeof cols)[number], v: string): string => (v.length > width[k]! ? `${v.slice(0, width[k]! - 1)}…` : v.padEnd(width[k]!));
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
