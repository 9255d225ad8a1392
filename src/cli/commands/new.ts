import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { slugify } from '../../core/slug.js';
import type { Config } from '../../core/config.js';
import { createSpecSource, isoDate } from '../../core/create-spec.js';
import { setFrontMatterFields } from '../../core/front-matter-edit.js';
import { lifecycleOf, transitionProblem } from '../../core/lifecycle.js';
import { editSpecFile } from '../../io/edit-spec-file.js';
import { loadConfig } from '../../io/load-config.js';
import { readTextFileSync } from '../../io/read-text-file.js';
import { SpecfillError } from '../../core/errors.js';
import { fillPlaceholders, type FillOutcome } from '../../core/fill-placeholders.js';
import { parseSpec } from '../../core/parse-spec.js';
import type { ParsedSpec } from '../../core/spec-types.js';
import type { Template } from '../../core/template.js';
import { provenanceEntries } from '../../io/fill-file.js';
import { recordFills } from '../../io/provenance.js';
import { readAnswers } from '../../io/read-answers.js';
import { loadTemplates } from '../../io/load-templates.js';
import { findProjectRoot } from '../../io/project-root.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { defaultSpecDir } from '../../io/path-glob.js';
import { displayPath, writeJson, type CliContext } from '../context.js';
import { warnMissingTemplatesDir } from '../templates-dir-warning.js';

/** Options of `specfill new`. */
export interface NewOptions {
  readonly title: string;
  /** Folder from the project root; default {@link defaultSpecDir}. */
  readonly dir?: string;
  readonly owner: string[];
  readonly out?: string;
  readonly force?: boolean;
  readonly answers?: string;
  readonly json?: boolean;
  /** A spec this one replaces: linked both ways, and marked superseded. */
  readonly supersedes?: string;
}

/** `specfill new TEMPLATE --title T`: writes a new spec; an existing file is refused (exit 1) unless --force. */
export async function runNew(ctx: CliContext, templateRef: string, opts: NewOptions): Promise<number> {
  refusePathOwner(opts.owner, 'new');
  const root = findProjectRoot(ctx.cwd);
  const { config } = await loadConfig(root, ctx.cwd);
  warnMissingTemplatesDir(ctx, root, config.templatesDir);
  const registry = await loadTemplates({ root, cwd: ctx.cwd, templatesDir: config.templatesDir, mapped: config.templates });
  const template = registry.current(templateRef);
  // A spec starts in the first of the project's statuses.
  let content = createSpecSource(template, { title: opts.title, owners: opts.owner, created: isoDate(ctx.now()), status: lifecycleOf(config).statuses[0] });
  let fill: FillOutcome | null = null;
  let fillBase: ParsedSpec | null = null;
  if (opts.answers !== undefined) {
    // Created and filled in one step: one write, and nothing at all on bad answers.
    const answersPath = resolve(ctx.cwd, opts.answers);
    const answers = await readAnswers(answersPath, displayPath(ctx, answersPath, relative));
    const spec = parseSpec(content);
    fillBase = spec;
    const open = spec.placeholders.map((p) => p.id);
    const unknown = answers.map((a) => a.id).filter((id) => !open.includes(id));
    if (unknown.length > 0) throw unknownAnswers(template, unknown, open, opts.answers);
    fill = fillPlaceholders(spec, answers);
    content = fill.source;
  }
  const target = specTarget(ctx, opts, root, config);
  const shown = displayPath(ctx, target, relative);
  const rootPath = (absolute: string): string => relative(root, absolute).split(sep).join('/');
  // Everything about the old spec is checked before anything is written.
  const old = opts.supersedes === undefined ? null : await prepareSupersede(ctx, config, resolve(ctx.cwd, opts.supersedes), root, rootPath(target));
  if (old !== null) content = setFrontMatterFields(content, { supersedes: old.rootPath });
  await mkdir(dirname(target), { recursive: true });
  // What --force replaces is put back if the old spec then cannot be marked.
  const replaced = old !== null && opts.force === true && existsSync(target) ? readFileSync(target) : null;
  // An existing file is FILE_EXISTS, a refusal (exit 1) unless --force.
  await writeFileAtomic(target, content, { overwrite: opts.force === true, displayPath: shown });
  if (old !== null) {
    try {
      await old.mark();
    } catch (error) {
      // Both or neither: the new spec goes (or what it replaced comes back) if the old one cannot be marked.
      if (replaced === null) await unlink(target).catch(() => undefined);
      else await writeFileAtomic(target, replaced.toString('utf8'), { displayPath: shown }).catch(() => undefined);
      throw error;
    }
    if (!opts.json) ctx.stdout.write(`${old.shown}: ${old.from ?? '(no status)'} → superseded by ${shown}\n`);
  }
  const open = parseSpec(content).placeholders.map((p) => p.id);
  if (fill !== null && fillBase !== null && fill.filled.length > 0) {
    const entries = provenanceEntries(fillBase, fill, { filler: 'answers', at: ctx.now().toISOString() });
    await recordFills(root, relative(root, target).split(sep).join('/'), entries).catch(() => undefined);
  }
  for (const r of fill?.refused ?? []) ctx.stderr.write(`specfill: ${shown}: refused ${r.id}: ${r.message}\n`);
  if (opts.json) {
    writeJson(ctx, {
      file: shown, template: `${template.id}@${template.version}`, title: opts.title.trim(), placeholders: open,
      ...(old === null ? {} : { supersedes: old.rootPath }),
      ...(fill === null ? {} : { filled: fill.filled, refused: fill.refused.map((r) => ({ id: r.id, reason: r.reason, message: r.message })) }),
    });
  } else {
    const filled = fill === null || fill.filled.length === 0 ? '' : `filled ${fill.filled.join(', ')} from ${opts.answers}; `;
    ctx.stdout.write(`created ${shown} from ${template.id}@${template.version}: ${filled}${open.length} placeholder${open.length === 1 ? '' : 's'} to fill\n`);
    ctx.stdout.write(ctx.color.dim(`next: ${nextStep(open.length, fill, shown)}\n`));
  }
  return fill !== null && fill.refused.length > 0 ? 1 : 0;
}

/**
 * What to do after `new`: fill what is open; or, when the answers filled
 * every placeholder, check the spec; or, for a template guided by prose
 * (no placeholders at all), write its sections, which is what check reports.
 */
function nextStep(open: number, fill: FillOutcome | null, shown: string): string {
  if (open > 0) return `specfill placeholders ${shown}`;
  if (fill !== null && fill.filled.length > 0) return `specfill check ${shown}`;
  return `write its sections, then specfill check ${shown}`;
}

/**
 * The refusal of answers that name ids the new spec does not have. The
 * template's `title` placeholder is one of them, but it exists: --title
 * fills it, so the answers must not.
 */
function unknownAnswers(template: Template, unknown: readonly string[], open: readonly string[], path: string): SpecfillError {
  const byTitle = unknown.includes('title') && template.spec.placeholders.some((p) => p.id === 'title');
  const others = byTitle ? unknown.filter((id) => id !== 'title') : unknown;
  const reasons = [
    ...(byTitle ? ['`title` is filled by --title: drop it from the answers'] : []),
    ...(others.length > 0 ? [`template ${template.id} has no placeholder ${others.map((u) => `\`${u}\``).join(', ')}; its ids: ${open.join(', ')}`] : []),
  ];
  return new SpecfillError('INVALID_ANSWERS', reasons.join('; '), { path }, 'nothing was written');
}

/**
 * Checks that a spec can be superseded (it exists, and the lifecycle lets it
 * move to `superseded`) and returns how to mark it: `status: superseded`,
 * `superseded-by`, `updated`, through the locked atomic edit.
 */
async function prepareSupersede(ctx: CliContext, config: Config, oldPath: string, root: string, newRootPath: string): Promise<{ rootPath: string; shown: string; from: string | null; mark: () => Promise<unknown> }> {
  const shown = displayPath(ctx, oldPath, relative);
  const spec = parseSpec(readTextFileSync(oldPath, { displayPath: shown, maxBytes: config.maxFileBytes }));
  const status = spec.frontMatter?.data?.status;
  const from = typeof status === 'string' ? status : null;
  const by = spec.frontMatter?.data?.['superseded-by'];
  if ((statSync(oldPath).mode & 0o222) === 0) {
    throw new SpecfillError('REFUSED', 'cannot be superseded: it is read-only', { path: shown }, 'make it writable (chmod u+w); nothing was written');
  }
  const problem = from === 'superseded' ? `it is superseded already${typeof by === 'string' ? ` by ${by}` : ''}` : transitionProblem(lifecycleOf(config), from, 'superseded');
  if (problem !== null) throw new SpecfillError('REFUSED', `cannot be superseded: ${problem}`, { path: shown }, 'nothing was written');
  const today = isoDate(ctx.now());
  return {
    rootPath: relative(root, oldPath).split(sep).join('/'),
    shown,
    from,
    mark: () => editSpecFile(oldPath, { displayPath: shown, root }, (text) => setFrontMatterFields(text, { status: 'superseded', 'superseded-by': newRootPath, updated: today })),
  };
}

/** Where a new spec goes: --out, else DIR/<title-slug>.md. */
export function specTarget(ctx: CliContext, opts: Pick<NewOptions, 'out' | 'dir' | 'title'>, root: string, config: Config): string {
  if (opts.out !== undefined) return resolve(ctx.cwd, opts.out);
  const name = slugify(opts.title.trim());
  if (name === '') throw new SpecfillError('USAGE', `the title \`${opts.title}\` gives no usable file name`, {}, 'choose the file with --out FILE');
  // The folder is the project's (specs/ at its root, or where the config's
  // globs look), wherever the command runs; --out is a path from here.
  return resolve(root, opts.dir ?? defaultSpecDir(config.specs, name), `${name}.md`);
}

/**
 * Refuses an owner named like a Markdown file: `-o` is `--output` in
 * `check`, and `new … -o specs/x.md` would make the path an owner and write
 * the spec elsewhere.
 */
export function refusePathOwner(owners: readonly string[], command: string): void {
  const pathOwner = owners.find((o) => /\.(?:md|markdown)$/i.test(o.trim()));
  if (pathOwner !== undefined) {
    throw new SpecfillError('USAGE', `\`${pathOwner}\` is given as an owner (\`-o\` is \`--owner\` in \`${command}\`), and it names a Markdown file; nothing was written`, {},
      `for the file to write, use --out ${pathOwner}`);
  }
}
