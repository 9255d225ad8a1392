import { nearestWord } from '../core/edit-distance.js';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, posix, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { SpecfillError } from '../core/errors.js';
import { keyLocation } from '../core/front-matter-key.js';
import { isTemplateKey, parseTemplateRef, templateFromSource, templateIdOf, versionStanding, type Template } from '../core/template.js';
import { resolveExtends } from '../core/template-extends.js';
import { TEMPLATE_FILE, confine, realOrAsIs, relativeWithin } from './confine-path.js';
import { ioReason } from './io-reason.js';
import { fromRoot } from './path-glob.js';
import { readTextFile, readTextFileSync } from './read-text-file.js';

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
  /**
   * The config's `templates` mapping: the template files it names
   * (`keps/NNNN-kep-template/README.md`) are templates of the project too,
   * listed and found by their id (the folder's name for a README), as `check`
   * names them. One that cannot be read is left to the specs mapped to it.
   */
  readonly mapped?: Readonly<Record<string, string>>;
}

/**
 * Whether a `templates` mapping value (or a front matter `template:`) names a
 * template file rather than an id. A template file is read only inside the
 * project root, and only if it is Markdown (see `confine`): a committed config
 * must not make specfill read, show or copy other files.
 */
export function isTemplateFileRef(ref: string): boolean {
  return /\.md$/i.test(ref) || TEMPLATE_FILE.test(ref) || ref.includes('/');
}

/**
 * A `templates` mapping value as it is read: a template file named from `/`
 * is from the project root, as the config's globs are (`/keps/template.md`);
 * an id stays as it is.
 */
export function mappedTemplateRef(ref: string): string {
  return isTemplateFileRef(ref) ? fromRoot(ref) : ref;
}

/**
 * The absolute paths of the template files the config's `templates` mapping
 * names (ids aside), read as the mapping reads them: a file named from `/` is
 * from the project root.
 */
export function mappedTemplateFiles(templates: Readonly<Record<string, string>> | undefined, root: string): string[] {
  return Object.values(templates ?? {}).map(mappedTemplateRef).filter(isTemplateFileRef).map((ref) => resolve(root, ref));
}

/** The file name a template file is known by: `keps/NNNN-kep-template/README.md` is better named by its folder. */
export function templateFileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return /^(readme|index)\.md$/i.test(parts[parts.length - 1]!) && parts.length > 1 ? `${parts[parts.length - 2]}.md` : parts[parts.length - 1]!;
}

/**
 * Templates in the order of their ids, case aside first (`adr`, `ADR-lite`,
 * `tech-spec`). Not localeCompare: its first call loads ICU's collation data,
 * ~5 ms of a one-file `check` that only looks a template up (ids are ASCII).
 */
function byId(a: Template, b: Template): number {
  const x = a.id.toLowerCase();
  const y = b.id.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Built-in and project templates, project ones overriding built-ins by id.
 * A project template that cannot be used (unreadable, invalid, a bad
 * `extends`) is kept as its error: it fails only what asks for it, so one
 * broken template does not stop commands that never use it.
 */
export class TemplateRegistry {
  private byId: ReadonlyMap<string, Template>;
  private broken: ReadonlyMap<string, SpecfillError>;
  /** The templates without the config's mapped files, whether or not those are read yet. */
  private readonly own: ReadonlyMap<string, Template>;

  /**
   * `more` adds templates read only when first needed (the template files the
   * config maps specs to): a cached check that parses no spec reads none.
   */
  constructor(
    byId: ReadonlyMap<string, Template>,
    broken: ReadonlyMap<string, SpecfillError> = new Map(),
    private more: (() => { byId: ReadonlyMap<string, Template>; broken: ReadonlyMap<string, SpecfillError> }) | null = null,
    /** What to do about an id no template has (where to add one, or a file of that name the project does not read). */
    private readonly unknownHint: (id: string) => string = () => `run \`specfill templates\` to list them, or add one to ${DEFAULT_PROJECT_TEMPLATES_DIR}/`,
  ) {
    this.byId = byId;
    this.broken = broken;
    this.own = byId;
  }

  private complete(): void {
    if (this.more === null) return;
    const more = this.more;
    this.more = null;
    ({ byId: this.byId, broken: this.broken } = more());
  }

  /** Every usable template, sorted by id (see byId); `mapped: false` leaves out the template files of the config's mapping (and does not read them). */
  list(options: { readonly mapped?: boolean } = {}): Template[] {
    if (options.mapped !== false) this.complete();
    return [...(options.mapped === false ? this.own : this.byId).values()].sort(byId);
  }

  /** The project templates that cannot be used, by id, with why. */
  problems(): ReadonlyMap<string, SpecfillError> {
    this.complete();
    return this.broken;
  }

  /** The template for `ref` (`id` or `id@version`); an unknown id is an error listing the known ones, a broken one its own error. */
  get(ref: string): Template {
    this.complete();
    const { id } = parseTemplateRef(ref);
    const problem = this.broken.get(id);
    if (problem !== undefined) throw problem;
    const template = this.byId.get(id);
    if (template === undefined) {
      const ids = this.list().map((t) => t.id);
      throw new SpecfillError('UNKNOWN_TEMPLATE', `unknown template \`${id}\`${didYouMeanTemplate(id, ids)}; known templates: ${ids.join(', ')}`, {},
        this.unknownHint(id));
    }
    return template;
  }

  /**
   * The template for `ref` as it is now, for what writes or shows it (`new`,
   * `templates show`): a version written must be the one it has. `new
   * mini@2` for mini at version 1 would write a spec from version 1 and record
   * that, not what was asked; `mini@` names none.
   */
  current(ref: string): Template {
    const template = this.get(ref);
    const at = ref.lastIndexOf('@');
    if (at <= 0) return template;
    const version = ref.slice(at + 1).trim();
    if (version !== '' && versionStanding(version, template.version) === 'same') return template;
    throw new SpecfillError('UNKNOWN_TEMPLATE', version === ''
      ? `\`${ref.trim()}\` names no version after \`@\``
      : `template \`${template.id}\` is at version ${template.version}, not ${version}: only the version it is at now can be used here`, {},
    `name it \`${template.id}\` or \`${template.id}@${template.version}\``);
  }

  /**
   * What to do about an unknown template id: where a file of that name lies
   * that is not read (`templates/adr.md` outside the templates folder), or how
   * to list the templates. `misplaced` says which of the two it is.
   */
  unknownAdvice(ref: string): { readonly hint: string; readonly misplaced: boolean } {
    const hint = this.unknownHint(parseTemplateRef(ref).id);
    return { hint, misplaced: hint.includes(' is not read: ') };
  }

  /** The template for `ref`, or undefined when there is none; a broken one throws its error. */
  find(ref: string): Template | undefined {
    this.complete();
    const { id } = parseTemplateRef(ref);
    const problem = this.broken.get(id);
    if (problem !== undefined) throw problem;
    return this.byId.get(id);
  }

  /**
   * A template read from elsewhere (a file the config maps specs to) with its
   * `extends` resolved against these templates, by the same rules as the
   * project's own.
   */
  extend(template: Template): Template {
    return extendTemplate(template, (base) => this.get(base), () => this.list().map((t) => t.id));
  }
}

/**
 * A template with its `extends` applied (itself when it extends nothing):
 * `extends` must name a template that `parentOf` gives (resolved already).
 * One rule for project templates and template files; an unusable `extends`
 * is an INVALID_TEMPLATE at the template's path.
 */
export function extendTemplate(t: Template, parentOf: (id: string) => Template | undefined, known: () => string[]): Template {
  const base = t.spec.frontMatter?.data?.extends;
  if (base === undefined || base === null || t.extends !== null || !isTemplateKey('extends', base)) return t;
  if (typeof base !== 'string') throw new SpecfillError('INVALID_TEMPLATE', 'front matter `extends` must be a template id', keyLocation(t.spec, t.path, 'extends'));
  let parent: Template | undefined;
  try {
    parent = parentOf(base);
  } catch (error) {
    // A circle, or a base whose own `extends` is wrong, is reported as it is.
    if (!(error instanceof SpecfillError) || error.code === 'INVALID_TEMPLATE') throw error;
    // The base is there but cannot be read: say so from this template.
    throw new SpecfillError('INVALID_TEMPLATE', `\`extends: ${base}\`: ${error.message}`, keyLocation(t.spec, t.path, 'extends'));
  }
  if (parent === undefined) {
    throw new SpecfillError('INVALID_TEMPLATE', `\`extends: ${base}\`: no such template; known templates: ${known().filter((id) => id !== t.id).sort().join(', ')}`, keyLocation(t.spec, t.path, 'extends'));
  }
  return resolveExtends(t, parent, { fileName: `${t.id}.md`, origin: t.origin, path: t.path });
}

/** Reads the built-in templates and the project's own (`.specfill/templates/*.md`). */
export async function loadTemplates(options: LoadTemplatesOptions): Promise<TemplateRegistry> {
  const byId = new Map<string, Template>();
  const cwd = options.cwd ?? options.root;
  const builtIn = new Map((await readTemplateDir(BUILT_IN_TEMPLATES_DIR, 'built-in', cwd)).map((t) => [t.id, t]));
  for (const [id, t] of builtIn) byId.set(id, t);
  const projectDir = join(options.root, options.templatesDir ?? DEFAULT_PROJECT_TEMPLATES_DIR);
  // Templates are shown, copied into new specs and served: only from inside the project.
  if (!insideRoot(options.root, projectDir)) {
    throw new SpecfillError('INVALID_CONFIG', `templatesDir ${options.templatesDir ?? DEFAULT_PROJECT_TEMPLATES_DIR} is outside the project root`, {}, 'keep project templates in a folder of the project, e.g. .specfill/templates');
  }
  const broken = new Map<string, SpecfillError>();
  const project = await readTemplateDir(projectDir, 'project', cwd, broken, options.root, new Set(builtIn.keys()));
  const own = new Map<string, Template>();
  for (const t of project) {
    // Two files of one id: which one a spec gets must not depend on their names' order.
    const other = own.get(t.id);
    if (other !== undefined) {
      const error = new SpecfillError('INVALID_TEMPLATE', `two project templates have the id \`${t.id}\`: ${other.path} and ${t.path}`, keyLocation(t.spec, t.path, 'id'),
        'give one of them another `id:` in its front matter, or another file name');
      broken.set(t.id, error);
      continue;
    }
    own.set(t.id, t);
    byId.set(t.id, t);
  }
  // Templates that extend another are resolved once every template is read.
  const resolving = new Set<string>();
  const resolveBase = (t: Template): Template => {
    // Built-ins extend nothing, and a template resolved already is done.
    if (t.origin === 'built-in' || t.extends !== null) return t;
    if (resolving.has(t.id)) {
      throw new SpecfillError('INVALID_TEMPLATE', `\`extends\` goes round in a circle through ${[...resolving, t.id].join(' → ')}`, keyLocation(t.spec, t.path, 'extends'),
        'make one of them extend a template outside the circle, or none');
    }
    resolving.add(t.id);
    try {
      // A project template may extend the built-in of its own id; a base is resolved before it is used.
      const resolved = extendTemplate(t, (base) => {
        const parent = base === t.id ? builtIn.get(base) : byId.get(base);
        // A base that cannot be used (of two files, unreadable, invalid) is said so, not "no such template".
        const unusable = base === t.id ? undefined : broken.get(base);
        if (unusable !== undefined) {
          throw new SpecfillError('INVALID_TEMPLATE', `\`extends: ${base}\`: template \`${base}\` cannot be used: ${unusable.placed()}`, keyLocation(t.spec, t.path, 'extends'), unusable.hint);
        }
        return parent === undefined ? undefined : resolveBase(parent);
      }, () => [...byId.keys()].filter((id) => !broken.has(id)));
      byId.set(t.id, resolved);
      return resolved;
    } finally {
      resolving.delete(t.id);
    }
  };
  for (const t of own.values()) {
    if (broken.has(t.id)) continue;
    try {
      resolveBase(byId.get(t.id)!);
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      byId.delete(t.id);
      broken.set(t.id, error);
    }
  }
  // A broken project template hides no built-in of its id: asking for that id gets the error.
  for (const id of broken.keys()) byId.delete(id);
  const templatesDir = options.templatesDir ?? DEFAULT_PROJECT_TEMPLATES_DIR;
  const readDir = posix.normalize(templatesDir).replace(/\/+$/, '');
  const unknownHint = (id: string): string => {
    // A file of that name in a folder people often keep templates in, which is not the one read, is most likely it.
    // (Only for a plain id: a path in it must not probe files outside the project.)
    const elsewhere = !/^[A-Za-z0-9][\w.-]*$/.test(id) || id.includes('..') ? undefined : ['templates', 'docs/templates', '.github/templates', 'template']
      .filter((dir) => dir !== readDir).map((dir) => `${dir}/${id}.md`).find((path) => existsSync(join(options.root, path)));
    return elsewhere !== undefined
      ? `${elsewhere} is not read: project templates come from ${readDir}/; move it there, or set \`templatesDir\` in the config to its folder`
      : `run \`specfill templates\` to list them, or add one to ${readDir}/`;
  };
  const registry = new TemplateRegistry(byId, broken, null, unknownHint);
  const files = [...new Set(Object.values(options.mapped ?? {}).map(mappedTemplateRef).filter(isTemplateFileRef))];
  if (files.length === 0) return registry;
  // Template files the config maps specs to, after the project's own (which they may extend),
  // read when first needed. One that cannot be used is kept as its error, as a project template is.
  return new TemplateRegistry(byId, broken, () => {
    const withFiles = new Map(byId);
    const brokenFiles = new Map(broken);
    for (const ref of files) {
      try {
        const source = readTextFileSync(confine(options.root, ref, { mustExist: true, template: true }).absolute, { displayPath: ref });
        const t = registry.extend(templateFromSource(source, { fileName: templateFileName(ref), origin: 'project', path: ref }));
        const other = withFiles.get(t.id);
        // (The same file as a project template, mapped by its path, is that template.)
        const same = other !== undefined && other.origin === 'project' && realOrAsIs(resolve(cwd, other.path)) === realOrAsIs(resolve(options.root, ref));
        // Two files of one id, the project's or the config's: which one a spec that names the id gets must not
        // depend on where each is listed (qa: the mapped one was hidden, and two templates shared an id in one report).
        // One of a built-in's id replaces it, as a project template does.
        if (other !== undefined && other.origin !== 'built-in' && !same) {
          brokenFiles.set(t.id, new SpecfillError('INVALID_TEMPLATE', `two templates have the id \`${t.id}\`: ${other.path} and ${ref} (config \`templates\`)`, keyLocation(t.spec, ref, 'id'),
            'give one of them another `id:` in its front matter, or another file name'));
          withFiles.delete(t.id);
        } else if (!same && !broken.has(t.id) && !brokenFiles.has(t.id)) withFiles.set(t.id, t);
      } catch (error) {
        if (!(error instanceof SpecfillError)) throw error;
        const id = templateIdOf(error) ?? templateFileName(ref).replace(/\.md$/i, '');
        if (!withFiles.has(id)) brokenFiles.set(id, new SpecfillError(error.code, `template file ${ref} (config \`templates\`): ${error.message}`, { line: error.location.line, column: error.location.column, path: ref }, error.hint));
      }
    }
    return { byId: withFiles, broken: brokenFiles };
  }, unknownHint);
}

async function readTemplateDir(dir: string, origin: Template['origin'], cwd: string, broken?: Map<string, SpecfillError>, root?: string, taken?: ReadonlySet<string>): Promise<Template[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    const shown = relative(cwd, dir) || dir;
    if (code === 'ENOTDIR') {
      throw new SpecfillError('INVALID_CONFIG', 'the templates folder is a file, not a folder', { path: shown }, 'point `templatesDir` in the config at a folder of template files');
    }
    throw new SpecfillError('READ_FAILED', `the templates folder cannot be read: ${ioReason(error)}`, { path: shown });
  }
  const templates: Template[] = [];
  const derived = new Set<Template>();
  for (const name of names) {
    const path = join(dir, name);
    const shown = origin === 'built-in' ? `built-in:${name}` : relative(cwd, path) || path;
    try {
      // A template is shown, copied into new specs and served: a link out of the project is not one.
      if (root !== undefined && !insideRoot(root, path)) {
        throw new SpecfillError('OUTSIDE_ROOT', 'is a link to a file outside the project root, which is not read', { path: shown }, 'copy the template into the project instead of linking to it');
      }
      const source = await readTextFile(path, { displayPath: shown });
      const t = templateFromSource(source, { fileName: name, origin, path: shown });
      templates.push(t);
      // (An id made from a name an id cannot be, `_template.md`'s `template`, set by no `id:`: see below.)
      if (t.id !== name.replace(/\.(?:md|markdown)(?:\.(?:template|tmpl|tpl))?$/i, '') && t.spec.frontMatter?.data?.id === undefined) derived.add(t);
    } catch (error) {
      // Built-in templates must work; a project's broken one is kept as its error (see TemplateRegistry).
      if (broken === undefined || !(error instanceof SpecfillError)) throw error;
      broken.set(templateIdOf(error) ?? name.replace(/\.md$/i, ''), error);
    }
  }
  // An id made from a file's name gives way to the same id given by a name or an `id:` (`template.md` beside
  // `_template.md`), and to a built-in's (`tech spec.md` does not replace `tech-spec`): it was never written so.
  if (derived.size === 0) return templates;
  const given = new Set([...(taken ?? []), ...templates.filter((t) => !derived.has(t)).map((t) => t.id)]);
  return templates.filter((t) => !derived.has(t) || !given.has(t.id));
}

/** Whether a folder is inside the project root (its real path, when it exists). */
function insideRoot(root: string, folder: string): boolean {
  return relativeWithin(realOrAsIs(root), realOrAsIs(folder)) !== null;
}

/**
 * `; did you mean \`x\`?` for the known template id nearest to an unknown
 * one (`IETF-RFC` for `ietf-rfc`, `tech-sepc`), or nothing when none is near.
 */
export function didYouMeanTemplate(id: string, known: readonly string[]): string {
  const near = nearestWord(id, known);
  return near === undefined ? '' : ` (did you mean \`${near}\`?)`;
}
