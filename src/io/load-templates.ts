import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { SpecfillError } from '../core/errors.js';
import { parseTemplateRef, templateFromSource, type Template } from '../core/template.js';
import { readTextFile } from './read-text-file.js';

/** The folder of built-in templates shipped in the package. */
export const BUILT_IN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Default folder of project templates, relative to the project root. */
export const DEFAULT_PROJECT_TEMPLATES_DIR = '.specfill/templates';

/** Options of {@link loadTemplates}. */
export interface LoadTemplatesOptions {
  /** Project root; project templates are read from `templatesDir` below it. */
  readonly root: string;
  /** Folder of project templates, relative to root (default `.specfill/templates`). */
  readonly templatesDir?: string;
  /** Where to show paths relative to (default: root). */
  readonly cwd?: string;
}

/** Built-in and project templates, project ones overriding built-ins by id. */
export class TemplateRegistry {
  constructor(private readonly byId: ReadonlyMap<string, Template>) {}

  /** Every template, sorted by id. */
  list(): Template[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The template for `ref` (`id` or `id@version`); an unknown id is an error listing the known ones. */
  get(ref: string): Template {
    const { id } = parseTemplateRef(ref);
    const template = this.byId.get(id);
    if (template === undefined) {
      const known = this.list().map((t) => t.id).join(', ');
      throw new SpecfillError('UNKNOWN_TEMPLATE', `unknown template \`${id}\`; known templates: ${known}`, {},
        'run `specfill templates` to list them, or add one to .specfill/templates/');
    }
    return template;
  }

  /** The template for `ref`, or undefined. */
  find(ref: string): Template | undefined {
    return this.byId.get(parseTemplateRef(ref).id);
  }
}

/** Reads the built-in templates and the project's own (`.specfill/templates/*.md`). */
export async function loadTemplates(options: LoadTemplatesOptions): Promise<TemplateRegistry> {
  const byId = new Map<string, Template>();
  const cwd = options.cwd ?? options.root;
  for (const t of await readTemplateDir(BUILT_IN_TEMPLATES_DIR, 'built-in', cwd)) byId.set(t.id, t);
  const projectDir = join(options.root, options.templatesDir ?? DEFAULT_PROJECT_TEMPLATES_DIR);
  for (const t of await readTemplateDir(projectDir, 'project', cwd)) byId.set(t.id, t);
  return new TemplateRegistry(byId);
}

async function readTemplateDir(dir: string, origin: Template['origin'], cwd: string): Promise<Template[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const templates: Template[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const shown = origin === 'built-in' ? `built-in:${name}` : relative(cwd, path) || path;
    const source = await readTextFile(path, { displayPath: shown });
    templates.push(templateFromSource(source, { fileName: name, origin, path: shown }));
  }
  return templates;
}
