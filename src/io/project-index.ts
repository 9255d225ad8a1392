import { existsSync } from 'node:fs';
import { basename, join, posix, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Config } from '../core/config.js';
import { parseSpec } from '../core/parse-spec.js';
import { indexTable, isSpecsIndex, type IndexRow } from '../core/spec-index.js';
import { summarizeSpec } from '../core/summarize-spec.js';
import { readTextFileSync } from './read-text-file.js';
import type { TemplateResolver } from './resolve-template-for.js';
import { realOrAsIs, realPathInRoot } from './confine-path.js';
import { specPathProblem } from './find-spec-files.js';
import { fromRoot } from './path-glob.js';

// Loaded on first use: most checks never meet an index file, and start-up time counts.
let tinyglobby: typeof import('tinyglobby') | undefined;
function globSync(patterns: readonly string[], options: Omit<import('tinyglobby').GlobOptions, 'patterns'>): string[] {
  tinyglobby ??= createRequire(import.meta.url)('tinyglobby') as typeof import('tinyglobby');
  return tinyglobby.globSync(patterns, options);
}

/**
 * Where specs are looked for: the config's globs, else `specs/` if it holds
 * any, else the whole root. A `specs/` folder holding nothing but the index
 * file does not count, so that writing the index there does not change what
 * it lists.
 */
export function specGlobs(root: string, config: Config, indexFile?: string): string[] {
  if (config.specs !== undefined && config.specs.length > 0) return config.specs.map(fromRoot);
  if (!existsSync(join(root, 'specs'))) return ['**/*.md'];
  const inSpecs = globSync(['specs/**/*.md'], { cwd: root, absolute: true, ignore: ['**/node_modules/**'] });
  return inSpecs.some((f) => f !== indexFile) ? ['specs/**/*.md'] : ['**/*.md'];
}

/**
 * The rows of a project's specs index: every spec the config's globs (or
 * `specs/`) find, except the index file itself and files that hold an index;
 * a file that cannot be read is left out. Synchronous, so that the
 * `stale-index` rule can ask for it in the middle of a check.
 */
export function projectIndexRows(root: string, config: Config, templates: TemplateResolver, indexFile: string): IndexRow[] {
  // What is a spec as everywhere else: the config's `ignore` (in order, `!` taking back), and a link judged where it leads.
  const problem = specPathProblem(config);
  const realRoot = realOrAsIs(root);
  const files = globSync(specGlobs(root, config, indexFile), { cwd: root, absolute: true, ignore: ['**/node_modules/**'] });
  const rows: IndexRow[] = [];
  for (const absolute of files.sort()) {
    if (absolute === indexFile) continue;
    const path = relative(root, absolute).split(sep).join('/');
    const inside = realPathInRoot(realRoot, absolute);
    if (problem(path) !== null || inside === null || problem(inside) !== null) continue;
    let spec;
    try {
      spec = parseSpec(readTextFileSync(absolute, { displayPath: path, maxBytes: config.maxFileBytes }));
    } catch {
      continue;
    }
    if (isSpecsIndex(spec)) continue;
    let template = null;
    try {
      template = templates.templateFor(absolute, spec, path);
    } catch {
      // An unknown template: listed without completeness.
    }
    const summary = summarizeSpec(path, spec, template?.model ?? null, basename(absolute));
    rows.push({ path, title: summary.title, status: summary.status, owners: summary.owners, completeness: summary.completeness, updated: summary.updated });
  }
  return rows;
}

/** The table an index file at `indexFile` should hold now. */
export function projectIndexTable(root: string, config: Config, templates: TemplateResolver, indexFile: string, newline = '\n'): string {
  return projectIndex(root, config, templates, indexFile, newline).table;
}

/** The table an index file should hold now, and how many specs it lists: one pass over the specs. */
export function projectIndex(root: string, config: Config, templates: TemplateResolver, indexFile: string, newline = '\n'): { table: string; specs: number } {
  const dir = posix.dirname(relative(root, indexFile).split(sep).join('/'));
  const rows = projectIndexRows(root, config, templates, indexFile);
  return { table: indexTable(rows, dir === '.' ? '' : dir, newline), specs: rows.length };
}
