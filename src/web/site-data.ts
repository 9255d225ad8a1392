import { countSeverities } from '../core/severity-counts.js';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Finding } from '../core/checks/types.js';
import type { Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { errorJson, type FileErrorJson } from '../core/json-shapes.js';
import { parseSpec } from '../core/parse-spec.js';
import type { ParsedSpec } from '../core/spec-types.js';
import { isSpecsIndex } from '../core/spec-index.js';
import { summarizeSpec, type SpecSummary } from '../core/summarize-spec.js';
import type { Template } from '../core/template.js';
import { confine } from '../io/confine-path.js';
import { confineSpec } from '../io/confine-spec.js';
import { hashOf } from '../io/check-cache.js';
import { FileChecker } from '../io/file-checker.js';
import { dependenciesHold, type LinkDependency } from '../io/link-resolver.js';
import { fileHash } from '../io/fill-file.js';
import { findSpecs } from '../io/find-spec-files.js';
import { loadConfig } from '../io/load-config.js';
import { loadTemplates, type TemplateRegistry } from '../io/load-templates.js';
import { readTextFileSync } from '../io/read-text-file.js';

/** One spec as the dashboard shows it. */
export interface DashboardRow extends SpecSummary {
  readonly errors: number;
  readonly warnings: number;
  /** ISO time of the file's last change. */
  readonly updated: string;
  /** Headings, for the search box. */
  readonly headings: string[];
  /** The distinct words of the spec, lowercased, for full-text search in the page. */
  readonly words: string;
}

/** Everything a spec page shows. */
export interface SpecPageData {
  readonly path: string;
  readonly source: string;
  readonly spec: ParsedSpec;
  readonly hash: string;
  readonly summary: SpecSummary;
  readonly template: Template | null;
  readonly findings: readonly Finding[];
}

/**
 * What the web UI and the static site read from a project, fresh on every
 * call (files change under a running server): the config, the templates, and
 * each spec with its summary and check findings. Every path goes through
 * {@link confine}.
 */
export class SiteData {
  private constructor(
    readonly root: string,
    readonly config: Config,
    readonly registry: TemplateRegistry,
    private readonly checker: FileChecker,
    /** What every row depends on besides its own file: the config and the templates. */
    private readonly setupKey: string,
  ) {}

  static async load(root: string): Promise<SiteData> {
    const { config } = await loadConfig(root);
    const registry = await loadTemplates({ root, cwd: root, templatesDir: config.templatesDir, mapped: config.templates });
    const mappedFiles = Object.values(config.templates ?? {}).filter((ref) => /\.md$/i.test(ref) || ref.includes('/')).map((ref) => {
      try {
        const info = statSync(`${root}/${ref}`);
        return `${ref}:${info.mtimeMs}:${info.size}`;
      } catch {
        return ref;
      }
    });
    const setupKey = hashOf(JSON.stringify(config), ...registry.list().map((t) => t.spec.source), ...mappedFiles);
    return new SiteData(root, config, registry, await FileChecker.create({ root, cwd: root, config }), setupKey);
  }

  /** The spec files: the config's `specs` globs, else `specs/` if present, else the whole root. */
  async specPaths(): Promise<{ paths: string[]; errors: FileErrorJson[] }> {
    const found = await findSpecs([], this.config, this.root, this.root);
    const paths: string[] = [];
    for (const absolute of found.files) {
      try {
        paths.push(confine(this.root, absolute, { mustExist: true }).relative);
      } catch {
        // A symbolic link out of the root is not shown.
      }
    }
    return { paths, errors: found.errors.map(errorJson) };
  }

  /** A spec page's data; SpecfillError (not found, outside the root, unreadable) otherwise. */
  spec(path: string): SpecPageData {
    return this.specWithDependencies(path).page;
  }

  private specWithDependencies(path: string): { page: SpecPageData; dependencies: LinkDependency[] } {
    const file = confineSpec(this.root, this.config, path, { mustExist: true });
    const source = readTextFileSync(file.absolute, { displayPath: file.relative, maxBytes: this.config.maxFileBytes });
    const spec = parseSpec(source);
    let template: Template | null = null;
    let findings: readonly Finding[] = [];
    let dependencies: LinkDependency[] = [];
    try {
      const checked = this.checker.check(file.absolute, file.relative, source);
      findings = checked.report.findings;
      // An index file depends on every spec: never reused.
      dependencies = checked.cacheable === false ? [{ path: file.absolute, exists: false }] : checked.dependencies;
      template = this.checker.templateFor(file.absolute, spec, file.relative);
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      findings = [{ rule: 'template', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, message: error.message }];
    }
    const summary = summarizeSpec(file.relative, spec, template?.model ?? null, basename(file.absolute));
    return { page: { path: file.relative, source, spec, hash: fileHash(source), summary, template, findings }, dependencies };
  }

  /** Every spec as a dashboard row; files that cannot be read are listed apart. */
  async dashboard(): Promise<{ rows: DashboardRow[]; errors: FileErrorJson[] }> {
    const { paths, errors } = await this.specPaths();
    const rows: DashboardRow[] = [];
    for (const path of paths) {
      // A file unchanged since the last request (same setup, time and size, same link answers) keeps its row.
      let info;
      try {
        info = statSync(confine(this.root, path, { mustExist: true }).absolute);
      } catch (error) {
        if (!(error instanceof SpecfillError)) throw error;
        errors.push(errorJson(error));
        continue;
      }
      const memoKey = `${this.root}\0${path}`;
      const key = `${this.setupKey}:${info.mtimeMs}:${info.size}`;
      const known = rowMemo.get(memoKey);
      if (known !== undefined && known.key === key && dependenciesHold(known.dependencies)) {
        rows.push(known.row);
        continue;
      }
      let page: SpecPageData;
      let dependencies: LinkDependency[];
      try {
        ({ page, dependencies } = this.specWithDependencies(path));
      } catch (error) {
        if (!(error instanceof SpecfillError)) throw error;
        errors.push(errorJson(error));
        continue;
      }
      // An index file written by `specfill index` lists specs; it is not one.
      if (isSpecsIndex(page.spec)) continue;
      const row: DashboardRow = {
        ...page.summary,
        errors: countSeverities(page.findings)[0],
        warnings: countSeverities(page.findings)[1],
        updated: info.mtime.toISOString(),
        headings: page.spec.headings.map((h) => h.shown),
        words: distinctWords(page.source),
      };
      rowMemo.delete(memoKey);
      if (rowMemo.size >= ROW_MEMO_SIZE) rowMemo.delete(rowMemo.keys().next().value!);
      rowMemo.set(memoKey, { key, dependencies, row });
      rows.push(row);
    }
    return { rows, errors };
  }
}

/** Dashboard rows of this process, by root and path: a request re-reads only what changed. Bounded. */
const rowMemo = new Map<string, { key: string; dependencies: LinkDependency[]; row: DashboardRow }>();
const ROW_MEMO_SIZE = 5000;

// Enough for search in any real spec, bounded so that a huge file cannot bloat the dashboard.
const MAX_WORDS_CHARS = 50_000;

/** The distinct words (letters and digits, 3 or more) of a text, lowercased, space-separated. */
function distinctWords(text: string): string {
  const words = new Set(text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}_-]{2,}/gu) ?? []);
  let out = '';
  for (const w of words) {
    if (out.length + w.length + 1 > MAX_WORDS_CHARS) break;
    out += ` ${w}`;
  }
  return out;
}
