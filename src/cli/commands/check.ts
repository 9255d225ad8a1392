import { appendFileSync, existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { SpecfillError } from '../../core/errors.js';
import { errorJson } from '../../core/json-shapes.js';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../core/checks/index.js';
import type { ReportFormat } from '../../reporters/index.js';
import { loadReportWriter } from '../../reporters/load-report-writer.js';
import { textOf } from '../../reporters/report-writer.js';
import { CACHE_FILE, CheckCache } from '../../io/check-cache.js';
import { ioReason } from '../../io/io-reason.js';
import { streamCheckFiles } from '../../io/check-files.js';
import { CONFIG_FILES, loadConfig } from '../../io/load-config.js';
import { projectSpecMatcher } from '../../io/find-spec-files.js';
import { realOrAsIs } from '../../io/confine-path.js';
import { DEFAULT_PROJECT_TEMPLATES_DIR, mappedTemplateFiles } from '../../io/load-templates.js';
import type { Config } from '../../core/config.js';
import { AtomicFileWriter } from '../../io/write-file-atomic.js';
import { findProjectRoot } from '../../io/project-root.js';
import { checkoutPaths } from '../checkout-paths.js';
import { warnMissingTemplatesDir } from '../templates-dir-warning.js';
import { displayPath, type CliContext } from '../context.js';
import { cacheVersion, VERSION } from '../version.js';

// A Markdown file's name, as GitHub renders them (see broken-link).
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkdn|mkd|mdwn)$/i;

/** Options of `specfill check`. */
export interface CheckOptions {
  readonly format: ReportFormat;
  readonly output?: string;
  readonly maxWarnings?: number;
  /** `true` for `--changed` without a ref. */
  readonly changed?: string | boolean;
  readonly cache?: boolean;
  readonly maxFileBytes?: number;
}

/**
 * `specfill check [PATHS...]`: runs the rules and prints a report. Exit 0
 * without errors, 1 with errors (or more warnings than --max-warnings), 2 when
 * a file could not be checked or the setup is wrong.
 */
export async function runCheck(ctx: CliContext, paths: string[], given: CheckOptions): Promise<number> {
  // `--max-warnings -1` is no limit, as in ESLint.
  const opts = given.maxWarnings === -1 ? { ...given, maxWarnings: undefined } : given;
  // (`--output ''`, `--output=`: a value that names nothing, said so rather than as a folder called "".)
  if (opts.output !== undefined && opts.output.trim() === '') {
    throw new SpecfillError('USAGE', '--output names no file: its value is empty', {}, 'name the report file, e.g. --output specfill-report.json');
  }
  // (`-` is stdin to many linters: said so, not "no such file" — a spec's template and links are found from its place.)
  if (paths.includes('-') && !existsSync(resolve(ctx.cwd, '-'))) {
    throw new SpecfillError('USAGE', '`-`: check does not read a spec from stdin', {}, 'name the spec\'s file: its template, config and links are found from where it is');
  }
  const root = findProjectRoot(ctx.cwd);
  // The config is validated on every run, cached or not: a hash stored in a
  // file of the repository is no proof that a committed config is valid.
  const cache = opts.cache === true ? CheckCache.read(root) : undefined;
  const { config: loaded } = await loadConfig(root, ctx.cwd);
  const config = opts.maxFileBytes === undefined ? loaded : { ...loaded, maxFileBytes: opts.maxFileBytes };
  const changes = opts.changed === undefined || opts.changed === false
    ? undefined
    : (await import('../../io/git-changed-files.js')).gitChanges(ctx.cwd, typeof opts.changed === 'string' ? opts.changed : undefined);
  let only: Set<string> | undefined = changes === undefined ? undefined : new Set(changes.changed);
  // A changed (or deleted) config or template changes what every spec is checked against: then all are checked.
  // (Resolved only for --changed or --output: a plain check makes no system call for it.)
  let kinds: ((path: string) => 'config' | 'template' | null) | undefined;
  const setupKind = (path: string): 'config' | 'template' | null => (kinds ??= setupKinds(root, config))(path);
  const changedSetup = changes === undefined || changes.noCommits ? undefined : [...changes.changed, ...changes.deleted].find((path) => setupKind(path) !== null);
  if (changes?.noCommits === true) {
    // Before the first commit there is nothing to compare with: every file is new (the config too, which is not why).
    ctx.stderr.write('specfill: no commits yet: every spec is checked, not only the changed ones\n');
    only = undefined;
  } else if (changedSetup !== undefined) {
    ctx.stderr.write(`specfill: ${displayPath(ctx, changedSetup, relative)} ${changes!.deleted.has(changedSetup) ? 'was deleted' : 'changed'}: every spec is checked, not only the changed ones\n`);
    only = undefined;
  } else if (changes !== undefined && only !== undefined) {
    // Specs that link to a changed or deleted file (or name it as their template) may break without changing.
    const { specsNamingChanged } = await import('../../io/changed-dependents.js');
    for (const file of await specsNamingChanged(changes, paths, config, root, ctx.cwd)) only.add(file);
  }
  const pretty = opts.format === 'pretty';
  const checkout = checkoutPaths(opts.format, ctx.cwd, ctx.env);
  // The process's own streams are written as streams: opening /dev/stdout
  // again fails when it is a socket, and a rename would replace the link.
  const stream = opts.output === undefined ? undefined : ownStream(ctx, opts.output);
  const writer = await loadReportWriter(opts.format, {
    ...(checkout === null ? {} : { srcRootUri: pathToFileURL(checkout.checkout).href }),
    color: pretty && opts.output === undefined && ctx.color.isColorSupported,
    // A report in a file is read without the run's stderr; `-o -` is the terminal's stdout.
    listFailures: opts.output !== undefined && stream === undefined,
    maxWarnings: opts.maxWarnings,
    toolVersion: VERSION,
    rules: RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity })),
  });
  // The report is written as files are checked: to stdout as it goes, or to a
  // file that appears, complete, only at the end.
  let out: { write(text: string | Uint8Array): void };
  let file: AtomicFileWriter | undefined;
  if (stream !== undefined) {
    out = { write: (text) => text.length > 0 && stream.write(textOf(text)) };
  } else if (opts.output !== undefined) {
    const target = resolve(ctx.cwd, opts.output);
    // `-o reports/` names a folder: a shell would refuse it, not write a file called `reports`.
    if (/[\\/]$/.test(opts.output) || isExistingFolder(target)) {
      throw new SpecfillError('USAGE', 'is a folder: --output names the report file; nothing was written', { path: opts.output }, `name a file in it, e.g. ${join(opts.output, 'specfill-report.json').split(sep).join('/')}`);
    }
    const cacheFile = realOrAsIs(join(root, CACHE_FILE)) === realOrAsIs(target) ? 'cache' : null;
    refuseProjectFile(setupKind(target) ?? cacheFile ?? (isExistingFile(target) && projectSpecMatcher(config, root)(target) ? 'spec' : null), opts.output);
    await mkdir(dirname(target), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOTDIR' || error.code === 'EEXIST' ? 'a part of its path is a file' : ioReason(error);
      throw new SpecfillError('WRITE_FAILED', `could not be written: its folder cannot be made (${why})`, { path: opts.output });
    });
    // The user named this path, as they would after a shell's `>`: links and pipes are written through.
    file = AtomicFileWriter.open(target, { displayPath: opts.output, durable: false, followLinks: true });
    out = file;
  } else {
    out = { write: (text) => text.length > 0 && ctx.stdout.write(textOf(text)) };
  }
  // Nothing is printed before the first file: a run that fails to start prints only its error.
  let begun = false;
  const emit = (text: string | Uint8Array): void => {
    if (!begun) out.write(writer.begin());
    begun = true;
    out.write(text);
  };
  const rebase = checkout === null ? null : checkout.rebase;
  // In GitHub Actions, the totals and the files with findings go to the job's summary too.
  const summaryFile = opts.format === 'github' ? ctx.env.GITHUB_STEP_SUMMARY : undefined;
  const stepSummary = summaryFile === undefined || summaryFile === '' ? undefined : new (await import('../../reporters/github-step-summary.js')).GithubStepSummary();
  // The specs checked, where the report must not go (`-o specs/b.md` for `specs/b.json`).
  const written = file === undefined ? null : realOrAsIs(resolve(ctx.cwd, opts.output!));
  const writtenName = written === null ? '' : basename(written);
  // What the report would replace: one of the specs checked, or a file one of them depends on.
  let overwrites: string | null = null;
  let result;
  try {
    result = await streamCheckFiles(
      { cwd: ctx.cwd, root, config, paths, only, cache, keepSources: pretty, version: cacheVersion() },
      (report, source, dependencies) => {
        // (A link's target is looked up only for a file of the report's file name: one system call, not one per spec.)
        if (written !== null && overwrites === null) {
          if (basename(report.path) === writtenName && realOrAsIs(resolve(ctx.cwd, report.path)) === written) overwrites = 'is one of the specs this run checks';
          // (A template file its front matter names, `template: docs/rfc-template.md`, or a Markdown file it links to;
          // not a report a spec links to, `[latest](reports/check.sarif)`, which a run is meant to write again.)
          else if (dependencies.some((d) => d.exists && basename(d.path) === writtenName && MARKDOWN_NAME.test(writtenName) && realOrAsIs(d.path) === written)) {
            overwrites = `is a Markdown file that ${report.path} depends on (the template its front matter names, or a link's target)`;
          }
        }
        const shown = rebase === null ? report : { ...report, path: rebase(report.path) };
        stepSummary?.add(shown);
        emit(writer.file(shown, source));
      },
    );
    if (overwrites !== null) {
      throw new SpecfillError('USAGE', `${overwrites}: the report would replace it; nothing was written`, { path: opts.output },
        'write the report to a file of its own, e.g. specfill-report.json');
    }
    const failures = result.errors.map(errorJson).map((f) => (rebase === null || f.path === '' ? f : { ...f, path: rebase(f.path) }));
    emit(writer.end(result.summary, { failures, changedOnly: only !== undefined }));
    await file?.commitWhenHeard();
  } catch (error) {
    file?.abort();
    throw error;
  }
  const { summary, errors } = result;
  if (stepSummary !== undefined) {
    try {
      appendFileSync(summaryFile!, stepSummary.markdown(summary, errors.length, only !== undefined));
    } catch (error) {
      ctx.stderr.write(`specfill: warning: the step summary ($GITHUB_STEP_SUMMARY) could not be written: ${ioReason(error as NodeJS.ErrnoException)}\n`);
    }
  }
  for (const error of errors) ctx.stderr.write(`specfill: ${error.format()}\n`);
  // A spec found through a link that leads out of the project is left out (the web UI and MCP never read one): said, not passed in silence.
  for (const path of result.linkedOut) ctx.stderr.write(`specfill: warning: ${path} is not checked: it is a link to a file outside the project root; name it on the command line to check it, or copy the file into the project\n`);
  for (const path of result.ignoredNamed) ctx.stderr.write(`specfill: warning: ${path} is not checked: the config's \`ignore\` matches it${/[*?[{]/.test(path) || !/\.md$/i.test(path) ? ' (every file it names)' : ''}\n`);
  warnMissingTemplatesDir(ctx, root, config.templatesDir);
  warnOtherProjects(ctx, root, paths);
  if (cache?.writeProblem != null) ctx.stderr.write(`specfill: warning: .specfill-cache ${cache.writeProblem}: results are not cached\n`);
  // A project may have no specs yet, so this passes; but a typo in a glob
  // would switch the check off without a word, so it is said.
  if (paths.length === 0 && only === undefined && summary.files === 0 && errors.length === 0 && (config.specs?.length ?? 0) > 0) {
    ctx.stderr.write(`specfill: warning: the config's \`specs\` globs (${config.specs!.join(', ')}) match no spec file to check (none, or only ignored ones)\n`);
  }
  if (errors.length > 0) return 2;
  if (summary.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && summary.warnings > opts.maxWarnings) {
    ctx.stderr.write(`specfill: ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/**
 * Warns of a path named on the command line that lies in another specfill
 * project (a folder with its own config, not this run's root): its config,
 * and so its templates, are not read — the run uses the one of the folder it
 * started in, as ESLint does — and a spec matched to a template by that
 * config would pass its template's rules unchecked without a word.
 */
function warnOtherProjects(ctx: CliContext, root: string, paths: readonly string[]): void {
  const told = new Set<string>();
  // The project of each folder, looked up once (a shell's glob may name thousands of files in a few folders).
  const projectOf = new Map<string, string>();
  for (const path of paths) {
    if (/[*?[{]/.test(path)) continue;
    const absolute = resolve(ctx.cwd, path);
    const folder = isExistingFolder(absolute) ? absolute : dirname(absolute);
    let other = projectOf.get(folder);
    if (other === undefined) projectOf.set(folder, (other = findProjectRoot(folder)));
    if (other === root || told.has(other) || !CONFIG_FILES.some((name) => existsSync(join(other, name)))) continue;
    told.add(other);
    const shown = relative(ctx.cwd, other).split(sep).join('/') || '.';
    ctx.stderr.write(`specfill: warning: ${path} is in another project (${shown}, with a config of its own), whose config and templates this run does not read; run specfill from ${shown} to check it as that project does\n`);
  }
}

/**
 * What a path is of the project's setup (its config, one of its templates, or
 * neither): the setup's own paths are resolved once, for any number of paths asked about.
 */
function setupKinds(root: string, config: Config): (path: string) => 'config' | 'template' | null {
  const configs = new Set(CONFIG_FILES.map((name) => realOrAsIs(join(root, name))));
  const templatesDir = `${realOrAsIs(resolve(root, config.templatesDir ?? DEFAULT_PROJECT_TEMPLATES_DIR))}${sep}`;
  const mapped = new Set(mappedTemplateFiles(config.templates, root).map(realOrAsIs));
  return (path) => {
    const real = realOrAsIs(path);
    if (configs.has(real)) return 'config';
    return mapped.has(real) || (real.startsWith(templatesDir) && /\.md$/i.test(real)) ? 'template' : null;
  };
}

/**
 * Refuses a report path that is the project's config, one of its template
 * files, specfill's cache or an existing spec of the project (its `specs` globs match it, not
 * ignored), checked in this run or not: the report would replace it. Any
 * other file this run checks is refused when it is met, before anything is
 * written.
 */
function refuseProjectFile(kind: 'config' | 'template' | 'spec' | 'cache' | null, shown: string): void {
  const what = kind === 'config' ? "the project's config" : kind === 'template' ? "one of the project's templates" : kind === 'spec' ? "one of the project's specs"
    : kind === 'cache' ? "specfill's cache (`--cache`)" : null;
  if (what !== null) {
    throw new SpecfillError('USAGE', `is ${what}: the report would replace it; nothing was written`, { path: shown }, 'write the report to a file of its own, e.g. specfill-report.json');
  }
}

/** Whether a path is a folder there now (through a link). */
function isExistingFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a path is a file there now (through a link): only an existing spec can be replaced. */
function isExistingFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The process's own stdout or stderr when `--output` names it (`-`, `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/2`, …). */
function ownStream(ctx: CliContext, output: string): CliContext['stdout'] | undefined {
  if (output === '-' || output === '/dev/stdout') return ctx.stdout;
  if (output === '/dev/stderr') return ctx.stderr;
  const fd = /^\/(?:dev\/fd|proc\/self\/fd)\/([12])$/.exec(output)?.[1];
  return fd === '1' ? ctx.stdout : fd === '2' ? ctx.stderr : undefined;
}
