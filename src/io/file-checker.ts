import { join, resolve } from 'node:path';
import { checkSpec, DEFAULT_STATUSES } from '../core/check-spec.js';
import type { FileReport, Finding } from '../core/checks/types.js';
import type { Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { parseSpec } from '../core/parse-spec.js';
import type { ParsedSpec } from '../core/spec-types.js';
import type { Template } from '../core/template.js';
import { FileLinkResolver, fileDependency, type LinkDependency } from './link-resolver.js';
import { isTemplateFileRef, loadTemplates, mappedTemplateRef, type TemplateRegistry } from './load-templates.js';
import { projectIndexTable } from './project-index.js';
import { readTextFileSync } from './read-text-file.js';
import { TemplateResolver } from './resolve-template-for.js';
import { RuleSettingsByPath } from './rule-settings-by-path.js';

/** What a checker needs to know of the run; plain data, so that it can be sent to a worker. */
export interface FileCheckerSetup {
  readonly cwd: string;
  readonly root: string;
  readonly config: Config;
}

/** The result of checking one file. */
export interface CheckedFile {
  readonly report: FileReport;
  /** Questions asked about other files, for the cache. */
  readonly dependencies: LinkDependency[];
  /** False when the result depends on more than the cache can track (an index of every spec). */
  readonly cacheable?: false;
}

/**
 * Checks one file after another with everything loaded once: templates, the
 * config's template mapping and rule settings (per path, with `overrides`), a link resolver. Used in the
 * main thread and in each worker of a large run.
 */
export class FileChecker {
  private constructor(
    private readonly setup: FileCheckerSetup,
    readonly registry: TemplateRegistry,
    private readonly templates: TemplateResolver,
    private readonly rules: RuleSettingsByPath,
    private readonly statuses: readonly string[],
    private readonly links: FileLinkResolver,
    private readonly maxBytes: number | undefined,
  ) {
    this.defaultIndexFile = join(setup.root, 'specs', 'README.md');
  }

  /** Where `specfill index` writes without `--out`. */
  private readonly defaultIndexFile: string;

  static async create(setup: FileCheckerSetup): Promise<FileChecker> {
    const { root, cwd, config } = setup;
    const registry = await loadTemplates({ root, cwd, templatesDir: config.templatesDir, mapped: config.templates });
    return new FileChecker(
      setup,
      registry,
      await TemplateResolver.create(root, registry, config.templates, cwd),
      new RuleSettingsByPath(root, config),
      config.statuses ?? DEFAULT_STATUSES,
      new FileLinkResolver(root, config.maxFileBytes),
      config.maxFileBytes,
    );
  }

  /** A parsed file's template (front matter, then the config's mapping), or null; an unknown one is a SpecfillError. */
  templateFor(absolute: string, spec: ParsedSpec, shown: string): Template | null {
    return this.templates.templateFor(absolute, spec, shown);
  }

  /** Reads a file (refusing unusable ones with a SpecfillError). */
  read(absolute: string, shown: string): string {
    return readTextFileSync(absolute, { displayPath: shown, maxBytes: this.maxBytes });
  }

  /**
   * Checks a file's text against its template. A template the front matter
   * names that does not exist is a `frontmatter` finding; one the config maps
   * to that does not exist, or a broken template, is a SpecfillError. `detach` copies the findings so that they keep no part of
   * the file's text alive (worth it only when many files are checked in one
   * thread; results from workers are copies already).
   */
  check(absolute: string, shown: string, source: string, detach = false): CheckedFile {
    const spec = parseSpec(source);
    const rules = this.rules.for(absolute);
    let template: Template | null;
    let templateProblem: string | undefined;
    try {
      template = this.templates.templateFor(absolute, spec, shown);
    } catch (error) {
      // A wrong `template:` is a mistake in this spec, reported on its line
      // like any other (the template-free rules still run); a wrong mapping
      // or a broken template file is the project's, and stops the check. So
      // does a wrong `template:` when the rule that reports it is off: it
      // must not pass in silence.
      if (!(error instanceof SpecfillError) || error.code !== 'UNKNOWN_TEMPLATE' || !namesTemplate(spec) || rules.get('frontmatter')?.severity === 'off') throw error;
      template = null;
      templateProblem = error.message;
    }
    const dependencies: LinkDependency[] = [];
    // A template file named by the front matter's path is not in the cache's key (the config's mapped files and the registry's templates are): the result depends on it.
    const named = spec.frontMatter?.data?.template;
    if (template !== null && typeof named === 'string' && isTemplateFileRef(named)) dependencies.push(fileDependency(resolve(this.setup.root, mappedTemplateRef(named))));
    // An index file's findings depend on every spec: asked once, and never cached
    // (nor are those of a spec whose template is missing: it may appear).
    let indexAsked = false;
    const index = (): string => {
      indexAsked = true;
      return projectIndexTable(this.setup.root, this.setup.config, this.templates, absolute, spec.format.newline);
    };
    // `specfill index` writes specs/README.md unless told another file.
    const indexCommand = absolute === this.defaultIndexFile ? 'specfill index' : `specfill index --out ${shellWord(shown)}`;
    const result = checkSpec(spec, { template: template?.model ?? null, rules, statuses: this.statuses, links: this.links.forSpec(absolute, dependencies), index, indexCommand, templateProblem });
    // Strings in findings are often slices of the file's text (V8 keeps
    // substrings as views of their parent), which would keep every checked file
    // in memory for the rest of a large run; a JSON copy cuts them loose and is
    // the most compact copy.
    const findings = detach ? (JSON.parse(JSON.stringify(result.findings)) as Finding[]) : result.findings;
    return { report: { path: shown, template: template?.model.ref ?? null, completeness: result.completeness, findings }, dependencies, ...(indexAsked || templateProblem !== undefined ? { cacheable: false } : {}) };
  }
}

/** Whether the front matter names the spec's template (which then wins over the config's mapping). */
function namesTemplate(spec: ParsedSpec): boolean {
  const ref = spec.frontMatter?.data?.template;
  return typeof ref === 'string' && ref.trim() !== '';
}

/** A path as one word for a POSIX shell, quoted only when it has to be. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
