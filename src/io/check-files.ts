import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { checkSpec, DEFAULT_STATUSES } from '../core/check-spec.js';
import type { CheckReport, FileReport, Finding } from '../core/checks/types.js';
import { resolveRuleSettings, type Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { parseSpec } from '../core/parse-spec.js';
import { CheckCache, hashOf } from './check-cache.js';
import { findSpecFiles } from './find-spec-files.js';
import { dependenciesHold, FileLinkResolver, type LinkDependency } from './link-resolver.js';
import { loadTemplates } from './load-templates.js';
import { readTextFileSync } from './read-text-file.js';
import { TemplateResolver } from './resolve-template-for.js';

/** Options of {@link checkFiles}. */
export interface CheckFilesOptions {
  readonly cwd: string;
  readonly root: string;
  readonly config: Config;
  /** Files, folders or globs; empty means the config's `specs`, else `specs/` if present, else the working folder. */
  readonly paths: readonly string[];
  /** Only these absolute paths (from `--changed`), if given. */
  readonly only?: ReadonlySet<string>;
  /** Keep and reuse results in `.specfill-cache`. */
  readonly cache?: boolean;
  /** Keep each file's text, for code frames. */
  readonly keepSources?: boolean;
  /** Mixed into the cache key (specfill's version). */
  readonly version: string;
}

/** A check run over files: the report, the files that could not be checked, and their texts when asked. */
export interface CheckFilesResult {
  readonly report: CheckReport;
  readonly errors: SpecfillError[];
  readonly sources: Map<string, string>;
}

/**
 * Checks spec files: finds them, reads each, matches its template, runs the
 * rules and collects one report. A file that cannot be read is an error for
 * that file only; the others are still checked.
 */
export async function checkFiles(options: CheckFilesOptions): Promise<CheckFilesResult> {
  const { cwd, root, config } = options;
  const errors: SpecfillError[] = [];
  const registry = await loadTemplates({ root, cwd, templatesDir: config.templatesDir });
  const templates = await TemplateResolver.create(root, registry, config.templates);
  const files = await filesToCheck(options, errors);
  const rules = resolveRuleSettings(config);
  const statuses = config.statuses ?? DEFAULT_STATUSES;
  const linkResolver = new FileLinkResolver(root);
  const cache = options.cache ? CheckCache.open(root, cacheKey(options, registry.list().map((t) => t.spec.source))) : null;
  const reports: FileReport[] = [];
  const sources = new Map<string, string>();

  for (const absolute of files) {
    const shown = relative(cwd, absolute).split('\\').join('/') || basename(absolute);
    try {
      const source = readTextFileSync(absolute, { displayPath: shown, maxBytes: config.maxFileBytes });
      if (options.keepSources) sources.set(shown, source);
      const hash = cache === null ? '' : hashOf(source);
      const cached = cache?.get(shown, hash, dependenciesHold);
      if (cached !== undefined) {
        reports.push(cached);
        continue;
      }
      const spec = parseSpec(source);
      const template = templates.templateFor(absolute, spec, shown);
      const dependencies: LinkDependency[] = [];
      const result = checkSpec(spec, { template: template?.model ?? null, rules, statuses, links: linkResolver.forSpec(absolute, dependencies) });
      const report: FileReport = { path: shown, template: template?.model.ref ?? null, completeness: result.completeness, findings: result.findings };
      reports.push(report);
      cache?.set(shown, hash, report, dependencies);
    } catch (error) {
      if (error instanceof SpecfillError) errors.push(error);
      else throw error;
    }
  }
  await cache?.save();
  return { report: buildReport(reports), errors, sources };
}

/**
 * What every cached result depends on besides its own file: specfill's
 * version, the config, and the text of every template (built-in, project, and
 * template files the config maps to).
 */
function cacheKey(options: CheckFilesOptions, templateSources: readonly string[]): string {
  const mappedFiles = Object.values(options.config.templates ?? {})
    .filter((ref) => /\.md$/i.test(ref) || ref.includes('/'))
    .map((ref) => {
      try {
        return readTextFileSync(resolve(options.root, ref));
      } catch {
        return '';
      }
    });
  return hashOf(options.version, JSON.stringify(options.config), ...templateSources, ...mappedFiles);
}

async function filesToCheck(options: CheckFilesOptions, errors: SpecfillError[]): Promise<string[]> {
  const { cwd, root, config } = options;
  let files: string[];
  if (options.paths.length > 0) {
    const found = await findSpecFiles(options.paths, cwd);
    errors.push(...found.errors);
    files = found.files;
  } else if (config.specs !== undefined && config.specs.length > 0) {
    files = (await glob([...config.specs], { cwd: root, absolute: true, ignore: ['**/node_modules/**'] })).map((f) => resolve(f)).sort();
  } else {
    const found = await findSpecFiles([existsSync(resolve(cwd, 'specs')) ? 'specs' : '.'], cwd);
    errors.push(...found.errors);
    files = found.files;
  }
  if (config.ignore !== undefined && config.ignore.length > 0) {
    const ignored = new Set((await glob([...config.ignore], { cwd: root, absolute: true })).map((f) => resolve(f)));
    files = files.filter((f) => !ignored.has(f));
  }
  if (options.only !== undefined) files = files.filter((f) => options.only!.has(f));
  return files;
}

/** The report with its summary counts. */
export function buildReport(files: readonly FileReport[]): CheckReport {
  const count = (severity: Finding['severity']): number => files.reduce((n, f) => n + f.findings.filter((x) => x.severity === severity).length, 0);
  return { version: 1, files, summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}
