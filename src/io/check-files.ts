import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import type { CheckReport, FileReport, Finding } from '../core/checks/types.js';
import type { Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { CheckCache, hashOf } from './check-cache.js';
import { checkInWorkers, workerCount } from './check-in-workers.js';
import { FileChecker, type CheckedFile } from './file-checker.js';
import { findSpecFiles } from './find-spec-files.js';
import { dependenciesHold } from './link-resolver.js';
import { readTextFileSync } from './read-text-file.js';

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
  const setup = { cwd, root, config };
  const checker = await FileChecker.create(setup);
  const files = (await filesToCheck(options, errors)).map((absolute) => ({
    absolute,
    shown: relative(cwd, absolute).split('\\').join('/') || basename(absolute),
  }));
  const cache = options.cache ? CheckCache.open(root, cacheKey(options, checker.registry.list().map((t) => t.spec.source))) : null;
  const results = new Array<FileReport | SpecfillError | undefined>(files.length);
  const sources = new Map<string, string>();

  // Cache hits (and, for pretty output, the texts) need a read here; the rest are parsed
  // here for small runs, or on worker threads for large ones (which read for themselves).
  const toParse: number[] = [];
  const hashes: string[] = [];
  const stats: Array<{ mtimeMs: number; size: number }> = [];
  files.forEach((f, i) => {
    if (cache === null && !options.keepSources) {
      toParse.push(i);
      return;
    }
    try {
      const info = cache === null ? undefined : statOrUndefined(f.absolute);
      if (cache !== null && info !== undefined) {
        stats[i] = { mtimeMs: info.mtimeMs, size: info.size };
        // Untouched since it was hashed: no need to read it at all.
        const untouched = options.keepSources ? undefined : cache.getByStat(f.shown, info.mtimeMs, info.size, dependenciesHold);
        if (untouched !== undefined) {
          results[i] = untouched;
          return;
        }
      }
      const source = checker.read(f.absolute, f.shown);
      if (options.keepSources) sources.set(f.shown, source);
      hashes[i] = cache === null ? '' : hashOf(source);
      const cached = cache?.get(f.shown, hashes[i]!, stats[i] ?? { mtimeMs: 0, size: -1 }, dependenciesHold);
      if (cached !== undefined) results[i] = cached;
      else toParse.push(i);
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      results[i] = error;
    }
  });

  const workers = workerCount(toParse.length);
  const checked: Array<CheckedFile | SpecfillError> = workers > 0
    ? await checkInWorkers(setup, toParse.map((i) => files[i]!), workers)
    : toParse.map((i) => checkHere(checker, files[i]!.absolute, files[i]!.shown, sources.get(files[i]!.shown), toParse.length >= DETACH_FROM));
  toParse.forEach((fileIndex, k) => {
    const result = checked[k]!;
    if (result instanceof SpecfillError) {
      results[fileIndex] = result;
      return;
    }
    results[fileIndex] = result.report;
    cache?.set(files[fileIndex]!.shown, hashes[fileIndex] ?? '', stats[fileIndex] ?? { mtimeMs: 0, size: -1 }, result.report, result.dependencies);
  });
  await cache?.save();

  const reports: FileReport[] = [];
  for (const r of results) {
    if (r instanceof SpecfillError) errors.push(r);
    else if (r !== undefined) reports.push(r);
  }
  return { report: buildReport(reports), errors, sources };
}

function statOrUndefined(path: string): { mtimeMs: number; size: number } | undefined {
  try {
    return statSync(path);
  } catch {
    // The read that follows reports the problem properly.
    return undefined;
  }
}

// From this many files in one thread on, findings are copied loose from the files' texts (memory).
const DETACH_FROM = 1000;

function checkHere(checker: FileChecker, absolute: string, shown: string, source: string | undefined, detach: boolean): CheckedFile | SpecfillError {
  try {
    return checker.check(absolute, shown, source ?? checker.read(absolute, shown), detach);
  } catch (error) {
    if (error instanceof SpecfillError) return error;
    throw error;
  }
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
    files = (await (await import('tinyglobby')).glob([...config.specs], { cwd: root, absolute: true, ignore: ['**/node_modules/**'] })).map((f) => resolve(f)).sort();
  } else {
    const found = await findSpecFiles([existsSync(resolve(cwd, 'specs')) ? 'specs' : '.'], cwd);
    errors.push(...found.errors);
    files = found.files;
  }
  if (config.ignore !== undefined && config.ignore.length > 0) {
    const ignored = new Set((await (await import('tinyglobby')).glob([...config.ignore], { cwd: root, absolute: true })).map((f) => resolve(f)));
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
