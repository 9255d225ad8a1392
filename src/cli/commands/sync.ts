import { relative, resolve, sep } from 'node:path';
import { isoDate } from '../../core/create-spec.js';
import { SpecfillError } from '../../core/errors.js';
import { syncSpec, type SyncOutcome } from '../../core/sync-spec.js';
import { parseTemplateRef, versionStanding } from '../../core/template.js';
import { editSpecFile } from '../../io/edit-spec-file.js';
import { findSpecs } from '../../io/find-spec-files.js';
import { loadConfig } from '../../io/load-config.js';
import { loadTemplates } from '../../io/load-templates.js';
import { findProjectRoot } from '../../io/project-root.js';
import { TemplateResolver } from '../../io/resolve-template-for.js';
import { displayPath, writeJson, type CliContext } from '../context.js';
import { warnMissingTemplatesDir } from '../templates-dir-warning.js';
import { frontMatterError } from '../../io/read-spec-file.js';
import { moveProvenanceSections } from '../../io/provenance.js';
import { isSpecsIndex } from '../../core/spec-index.js';

/** Options of `specfill sync`. */
export interface SyncOptions {
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** One file's line in `sync --json`. */
interface SyncFileJson {
  readonly file: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly changed: boolean;
  readonly added: string[];
  readonly renamed: SyncOutcome['renamed'];
  readonly kept: string[];
  /** Kept sections that still hold an open placeholder. */
  readonly keptOpen: string[];
  /** Template sections not added: where they go, a heading of the spec's would hold them (fix its level first). */
  readonly notPlaced?: string[];
  readonly skipped?: string;
  readonly diff?: string;
}

/**
 * `specfill sync [PATHS...]`: brings specs up to date with the current
 * version of their template (inserted sections, declared renames, the
 * recorded version), keeping every other byte; sections the template dropped
 * are reported and kept. Each file is written through the locked atomic edit.
 */
export async function runSync(ctx: CliContext, paths: string[], opts: SyncOptions): Promise<number> {
  const root = findProjectRoot(ctx.cwd);
  const { config } = await loadConfig(root, ctx.cwd);
  warnMissingTemplatesDir(ctx, root, config.templatesDir);
  const registry = await loadTemplates({ root, cwd: ctx.cwd, templatesDir: config.templatesDir, mapped: config.templates });
  const templates = await TemplateResolver.create(root, registry, config.templates, ctx.cwd);
  // What the config's `ignore` leaves out (an archive, the templates the mapping names) is not rewritten.
  const found = await findSpecs(paths, config, root, ctx.cwd);
  for (const path of paths) {
    if (found.isIgnored(resolve(ctx.cwd, path))) ctx.stderr.write(`specfill: warning: ${path} is not synced: the config's \`ignore\` matches it\n`);
  }
  const errors: SpecfillError[] = [...found.errors];
  const results: SyncFileJson[] = [];
  const today = isoDate(ctx.now());
  for (const absolute of found.files) {
    const shown = displayPath(ctx, absolute, relative);
    try {
      // One read: the edit gets the text and its parse, and leaves a spec without a template as it is.
      let outcome: SyncOutcome | null = null;
      let isIndex = false;
      let ahead: string | null = null;
      const edit = await editSpecFile(absolute, { displayPath: shown, dryRun: opts.dryRun, root, maxBytes: config.maxFileBytes }, (text, spec) => {
        // An index file written by `specfill index` lists specs; it is not one, and is not listed.
        if (isSpecsIndex(spec)) {
          isIndex = true;
          return text;
        }
        // Front matter that cannot be read may well name a template: an error, not "no template".
        const unreadable = frontMatterError(spec, shown);
        if (unreadable !== null) throw unreadable;
        const recorded = spec.frontMatter?.data?.template;
        if (typeof recorded !== 'string' || recorded.trim() === '') return text;
        // A named template is found or is an error (UNKNOWN_TEMPLATE); it is never null.
        const template = templates.templateFor(absolute, spec, shown)!;
        // A version the template has not reached (a typo, a template file not
        // updated on this branch) is not moved back: sync cannot know the way.
        const version = parseTemplateRef(recorded).version;
        const standing = version === null ? 'older' : versionStanding(version, template.version);
        if (standing === 'newer' || standing === 'typo') {
          ahead = `it records ${recorded.trim()}, a version ${template.id} (at ${template.version}) has not reached: fix \`template:\`, or update the template`;
          return text;
        }
        outcome = syncSpec(text, template, today);
        return outcome.source;
      });
      const o = outcome as SyncOutcome | null;
      if (isIndex) continue;
      if (ahead !== null) {
        results.push({ file: shown, from: null, to: null, changed: false, added: [], renamed: [], kept: [], keptOpen: [], skipped: ahead });
        continue;
      }
      if (o === null) {
        results.push({ file: shown, from: null, to: null, changed: false, added: [], renamed: [], kept: [], keptOpen: [], skipped: 'no `template:` in its front matter' });
        continue;
      }
      // Fills recorded under a renamed section's id follow it (a record only: a failure here loses nothing of the spec).
      if (!opts.dryRun && edit.changed) await moveProvenanceSections(root, relative(root, absolute).split(sep).join('/'), o.movedSections).catch(() => undefined);
      results.push({ file: shown, from: o.from, to: o.to, changed: edit.changed, added: o.added, renamed: o.renamed, kept: o.kept, keptOpen: o.keptOpen, ...(o.notPlaced.length > 0 ? { notPlaced: o.notPlaced } : {}), ...(opts.dryRun && edit.changed ? { diff: edit.diff } : {}) });
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      // What the pure sync refuses is placed in the file here.
      errors.push(error.location.path === undefined ? new SpecfillError(error.code, error.message, { ...error.location, path: shown }, error.hint) : error);
    }
  }
  if (opts.json) {
    writeJson(ctx, { files: results, errors: errors.map((e) => ({ path: e.location.path ?? '', code: e.code, message: e.message })) });
  } else {
    for (const r of results) printResult(ctx, r, opts.dryRun === true);
  }
  for (const error of errors) ctx.stderr.write(`specfill: ${error.format()}\n`);
  return errors.length > 0 ? 2 : 0;
}

function printResult(ctx: CliContext, r: SyncFileJson, dryRun: boolean): void {
  const c = ctx.color;
  if (r.skipped !== undefined) {
    ctx.stdout.write(c.dim(`${r.file}: skipped (${r.skipped})\n`));
    return;
  }
  // A kept section with a placeholder fails `check` until someone acts: say so.
  const open = (r.keptOpen.length > 0
    ? `\n  ${c.yellow(`open placeholders in kept sections: ${r.keptOpen.join(', ')} (fill them, or delete what the template dropped)`)}`
    : '') + (r.notPlaced !== undefined
    ? `\n  ${c.yellow(`not added: ${r.notPlaced.join(', ')}: where each goes, a heading of the spec's at another level would hold it; fix the levels check reports, then sync again`)}`
    : '');
  if (!r.changed) {
    ctx.stdout.write(`${r.file}: up to date with ${r.to}${r.kept.length > 0 ? c.dim(`; not in the template, kept: ${r.kept.join(', ')}`) : ''}${open}\n`);
    return;
  }
  if (r.diff !== undefined) ctx.stdout.write(r.diff);
  const parts: string[] = [];
  if (r.added.length > 0) parts.push(`added ${r.added.join(', ')}`);
  if (r.renamed.length > 0) parts.push(`renamed ${r.renamed.map((x) => `"${x.from}" → "${x.to}"`).join(', ')}`);
  if (r.kept.length > 0) parts.push(c.yellow(`kept (not in the template): ${r.kept.join(', ')}`));
  ctx.stdout.write(`${r.file}: ${dryRun ? 'would sync' : 'synced'} ${r.from ?? '(no version)'} → ${r.to}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}${open}\n`);
}
