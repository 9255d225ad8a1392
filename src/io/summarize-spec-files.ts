import { basename, relative, sep } from 'node:path';
import type { Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { isSpecsIndex } from '../core/spec-index.js';
import { summarizeSpec, type SpecSummary } from '../core/summarize-spec.js';
import type { ParsedSpec } from '../core/spec-types.js';
import { confine } from './confine-path.js';
import { sectionBodyText } from './fill-file.js';
import { findSpecs } from './find-spec-files.js';
import { loadTemplates } from './load-templates.js';
import { contentHash, MACHINE_FILLERS, readProvenance, type ProvenanceEntry } from './provenance.js';
import { readSpecFile } from './read-spec-file.js';
import { TemplateResolver } from './resolve-template-for.js';

/** Options of {@link summarizeSpecFiles}. */
export interface SummarizeSpecFilesOptions {
  readonly root: string;
  /** Where paths are shown relative to. */
  readonly cwd: string;
  readonly config: Config;
  /** Files, folders or globs, relative to `cwd`; where specs are looked for by default when none (see findSpecTargets). */
  readonly targets?: readonly string[];
  /** The largest file read (`--max-file-bytes`); default the config's `maxFileBytes`, else 10 MiB. */
  readonly maxFileBytes?: number;
  /** Leave out files that lie outside the root (symbolic links out): for the MCP server. */
  readonly confine?: boolean;
}

/**
 * The summary of every spec below `targets` (what `status` and the MCP
 * `list_specs` tool report), with the same template matching as `check`:
 * front matter first, then the config's mapping. A file that cannot be read
 * or whose template is unknown is an error of its own; the rest are still
 * summarized. Each file is read, parsed and summarized in turn; only
 * summaries are kept.
 */
export async function summarizeSpecFiles(options: SummarizeSpecFilesOptions): Promise<{ specs: SpecSummary[]; errors: SpecfillError[] }> {
  const { root, cwd, config } = options;
  const registry = await loadTemplates({ root, cwd, templatesDir: config.templatesDir, mapped: config.templates });
  const templates = await TemplateResolver.create(root, registry, config.templates, cwd);
  // The config's `ignore` applies here as in `check`.
  const found = await findSpecs(options.targets ?? [], config, root, cwd);
  const provenance = readProvenance(root);
  const errors: SpecfillError[] = [...found.errors];
  const specs: SpecSummary[] = [];
  for (const absolute of found.files) {
    if (options.confine === true && !isConfined(root, absolute)) continue;
    const shown = relative(cwd, absolute).split(sep).join('/') || basename(absolute);
    let spec;
    try {
      spec = await readSpecFile(absolute, { displayPath: shown, maxBytes: options.maxFileBytes ?? config.maxFileBytes });
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      errors.push(error);
      continue;
    }
    // An index file written by `specfill index` lists specs; it is not one.
    if (isSpecsIndex(spec)) continue;
    let template = null;
    try {
      template = templates.templateFor(absolute, spec, shown);
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      errors.push(error);
    }
    const fills = provenance.specs[relative(root, absolute).split(sep).join('/')] ?? {};
    specs.push(summarizeSpec(shown, spec, template?.model ?? null, basename(absolute), countMachineFilled(spec, fills)));
  }
  return { specs, errors };
}

function isConfined(root: string, absolute: string): boolean {
  try {
    confine(root, absolute, { mustExist: true });
    return true;
  } catch {
    return false;
  }
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
