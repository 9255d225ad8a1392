import { statSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import type { CheckReport, FileReport } from '../core/checks/types.js';
import type { Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { countSeverities, type SeverityCounts } from '../core/severity-counts.js';
import { CheckCache, hashOf, type FileStamp } from './check-cache.js';
import { checkInWorkers, workerCount } from './check-in-workers.js';
import { FileChecker, type CheckedFile } from './file-checker.js';
import { confine, relativeWithin } from './confine-path.js';
import { isTemplateFileRef, mappedTemplateRef } from './load-templates.js';
import { findSpecs } from './find-spec-files.js';
import { dependenciesHold, type LinkDependency } from './link-resolver.js';
import { nearestHolding } from './project-root.js';
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
  /** Keep and reuse results in `.specfill-cache` (or in this cache, read already). */
  readonly cache?: boolean | CheckCache;
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

/** What a streamed check run returns once every file has been handed on. */
export interface CheckStreamResult {
  readonly summary: CheckReport['summary'];
  readonly errors: SpecfillError[];
  /**
   * Paths named on the command line that the config's `ignore` left out, as
   * given: files named one by one, or every path given when `ignore` left
   * nothing of what they name.
   */
  readonly ignoredNamed: string[];
  /** Files found (shown relative to the working folder) that links lead out of the project root: left out, as the web UI and MCP leave them. */
  readonly linkedOut: string[];
}

/**
 * Checks spec files and collects one report (see {@link streamCheckFiles}).
 * Holds every finding until the end; the CLI streams instead.
 */
export async function checkFiles(options: CheckFilesOptions): Promise<CheckFilesResult> {
  const reports: FileReport[] = [];
  const sources = new Map<string, string>();
  const { errors } = await streamCheckFiles({ ...options, retain: true }, (report, source) => {
    reports.push(report);
    if (source !== undefined) sources.set(report.path, source);
  });
  return { report: buildReport(reports), errors, sources };
}

/** Options of {@link streamCheckFiles}. */
export interface StreamCheckOptions extends CheckFilesOptions {
  /** The caller keeps the reports (so findings are copied loose from file texts in large runs). */
  readonly retain?: boolean;
}

/**
 * Checks spec files: finds them, reads each, matches its template, runs the
 * rules, and hands each file's report to `onFile` in path order as soon as
 * it and every file before it are done — nothing is held for the whole run,
 * so memory stays flat however many files there are. `source` is the file's
 * text when `keepSources` asks for it (read again for a cached file with
 * findings). A file that cannot be read is an error for that file only; the
 * others are still checked.
 */
export async function streamCheckFiles(
  options: StreamCheckOptions,
  onFile: (report: FileReport, source: string | undefined, dependencies: readonly LinkDependency[]) => void,
): Promise<CheckStreamResult> {
  const { cwd, root, config } = options;
  const errors: SpecfillError[] = [];
  const summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  const setup = { cwd, root, config };
  const checker = await FileChecker.create(setup);
  const ignoredNamed: string[] = [];
  const linkedOut: string[] = [];
  const files = (await filesToCheck(options, errors, ignoredNamed, linkedOut)).map((absolute) => ({
    absolute,
    shown: relative(cwd, absolute).split(sep).join('/') || basename(absolute),
    // What a result was made for, wherever the run starts: a spec's links
    // and its `overrides` depend on its place in the project.
    key: relative(root, absolute).split(sep).join('/'),
  }));
  const cache = options.cache === undefined || options.cache === false
    ? null
    : (options.cache === true ? CheckCache.read(root) : options.cache).useKey(cacheKey(options, checker.registry.list({ mapped: false }).map((t) => t.spec.source)));

  // Results arrive out of order from workers; each is handed on once those before it are.
  const done = new Array<Outcome | undefined>(files.length);
  let nextOut = 0;
  const settle = (index: number, outcome: Outcome): void => {
    done[index] = outcome;
    for (let o = done[nextOut]; o !== undefined; o = done[nextOut]) {
      done[nextOut++] = undefined;
      if (o instanceof SpecfillError) {
        errors.push(o);
        continue;
      }
      summary.files++;
      addCounts(summary, o.counts ?? countSeverities(o.report.findings));
      let source = o.source;
      if (source === undefined && options.keepSources && o.report.findings.length > 0) source = readOrUndefined(checker, files[nextOut - 1]!);
      // A report from the cache is read from the cache file when first looked at; a caller
      // that keeps reports past the run (the file is closed then) gets it read now.
      const report = options.retain === true && o.counts !== undefined ? { path: o.report.path, template: o.report.template, completeness: o.report.completeness, findings: o.report.findings } : o.report;
      onFile(report, source, o.dependencies ?? []);
    }
  };

  // Without a cache every file is parsed; with one, unchanged files (same mtime and size,
  // else same content hash) take their cached report and the rest are parsed.
  const toParse: number[] = [];
  const hashes: string[] = [];
  const stats: FileStamp[] = [];
  try {
    files.forEach((f, i) => {
      if (cache === null) {
        toParse.push(i);
        return;
      }
      try {
        const info = statOrUndefined(f.absolute);
        if (info !== undefined) {
          stats[i] = { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, size: info.size };
          // Untouched since it was hashed: no need to read it at all.
          const untouched = cache.getByStat(f.key, f.shown, stats[i]!, dependenciesHold);
          if (untouched !== undefined) {
            settle(i, untouched);
            return;
          }
        }
        hashes[i] = hashOf(checker.read(f.absolute, f.shown));
        const cached = cache.get(f.key, f.shown, hashes[i]!, stats[i] ?? NO_STAMP, dependenciesHold);
        if (cached !== undefined) settle(i, cached);
        else toParse.push(i);
      } catch (error) {
        if (!(error instanceof SpecfillError)) throw error;
        settle(i, error);
      }
    });

    const parsed = (fileIndex: number, result: CheckedFile | SpecfillError, source?: string): void => {
      if (result instanceof SpecfillError) {
        settle(fileIndex, result);
        return;
      }
      if (result.cacheable !== false) cache?.set(files[fileIndex]!.key, hashes[fileIndex] ?? '', stats[fileIndex] ?? NO_STAMP, result.report, result.dependencies);
      settle(fileIndex, { report: result.report, source: options.keepSources ? source : undefined, dependencies: result.dependencies });
    };
    const workers = workerCount(toParse.length);
    if (workers > 0) {
      await checkInWorkers(setup, toParse.map((i) => files[i]!), workers, (k, result) => parsed(toParse[k]!, result));
    } else {
      // Findings kept past their file (a cache, a collecting caller) must not keep its text alive.
      const detach = (options.retain === true || cache !== null) && toParse.length >= DETACH_FROM;
      for (const i of toParse) {
        const f = files[i]!;
        let source: string | undefined;
        try {
          source = checker.read(f.absolute, f.shown);
          parsed(i, checker.check(f.absolute, f.shown, source, detach), source);
        } catch (error) {
          if (!(error instanceof SpecfillError)) throw error;
          parsed(i, error);
        }
      }
    }
    await cache?.save();
  } catch (error) {
    cache?.close();
    throw error;
  }
  return { summary, errors, ignoredNamed, linkedOut };
}

/** A file's result on its way out: its report (and text, and severity counts if known), or why it could not be checked. */
type Outcome = { readonly report: FileReport; readonly source?: string; readonly counts?: SeverityCounts; readonly dependencies?: readonly LinkDependency[] } | SpecfillError;

function readOrUndefined(checker: FileChecker, file: { absolute: string; shown: string }): string | undefined {
  try {
    return checker.read(file.absolute, file.shown);
  } catch {
    // Changed since it was checked: the findings print without their code frames.
    return undefined;
  }
}

/** The stamp of a file that could not be stat-ed: matches no entry. */
const NO_STAMP: FileStamp = { mtimeMs: 0, ctimeMs: 0, size: -1 };

function statOrUndefined(path: string): FileStamp | undefined {
  try {
    return statSync(path);
  } catch {
    // The read that follows reports the problem properly.
    return undefined;
  }
}

// From this many files in one thread on, findings are copied loose from the files' texts (memory).
const DETACH_FROM = 1000;

/**
 * What every cached result depends on besides its own file: specfill's
 * version, the config, and the text of every template (built-in, project, and
 * template files the config maps to).
 */
function cacheKey(options: CheckFilesOptions, templateSources: readonly string[]): string {
  const mappedFiles = Object.values(options.config.templates ?? {})
    .map(mappedTemplateRef)
    .filter(isTemplateFileRef)
    .map((ref) => {
      try {
        return readTextFileSync(confine(options.root, ref, { mustExist: true, template: true }).absolute);
      } catch {
        return '';
      }
    });
  // Where the project is, and the repository it is in: a link's target is recorded by its absolute path, and a
  // link from `/` or above the repository's root is judged by that root (a copy of the project elsewhere, or a
  // `git init` in it, would otherwise take results made for other files; such a cache is rebuilt).
  return hashOf(options.version, JSON.stringify(options.config), options.root, nearestHolding(options.root, ['.git']) ?? '', ...templateSources, ...mappedFiles);
}

async function filesToCheck(options: CheckFilesOptions, errors: SpecfillError[], ignoredNamed: string[] = [], linkedOut: string[] = []): Promise<string[]> {
  const { cwd, root, config } = options;
  const found = await findSpecs(options.paths, config, root, cwd);
  errors.push(...found.errors);
  linkedOut.push(...found.linkedOut.filter((f) => !found.isIgnored(f)).map((f) => relative(cwd, f).split(sep).join('/') || f));
  let files = found.files;
  if ((config.ignore ?? []).length > 0) {
    // A file named on its own and then skipped would pass without a word.
    const warned = new Set<string>();
    for (const path of options.paths) {
      const absolute = resolve(cwd, path);
      // (Not a folder some of whose files are checked still: `!drafts/keep.md` after `drafts` keeps one.)
      if (found.isIgnored(absolute) && !warned.has(absolute) && !files.some((f) => relativeWithin(absolute, f) !== null)) {
        warned.add(absolute);
        ignoredNamed.push(path);
      }
    }
    // A folder or glob whose every file is ignored would pass without a word too.
    if (options.paths.length > 0 && found.dropped > 0 && files.length === 0 && ignoredNamed.length === 0) ignoredNamed.push(...options.paths);
  }
  if (options.only !== undefined) files = files.filter((f) => options.only!.has(f));
  return files;
}

/** The report with its summary counts. */
export function buildReport(files: readonly FileReport[]): CheckReport {
  const summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of files) addCounts(summary, countSeverities(f.findings));
  return { version: 1, files, summary };
}

function addCounts(summary: { errors: number; warnings: number; infos: number }, [errors, warnings, infos]: SeverityCounts): void {
  summary.errors += errors;
  summary.warnings += warnings;
  summary.infos += infos;
}
