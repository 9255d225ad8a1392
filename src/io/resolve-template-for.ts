import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { configEntryPlace } from '../core/config-entry-place.js';
import { nearestWord } from '../core/edit-distance.js';
import { keyPosition } from '../core/front-matter-key.js';
import { SpecfillError } from '../core/errors.js';
import { parseTemplateRef, templateFromSource, versionStanding, type Template } from '../core/template.js';
import type { ParsedSpec } from '../core/spec-types.js';
import { didYouMeanTemplate, isTemplateFileRef, mappedTemplateRef, templateFileName, type TemplateRegistry } from './load-templates.js';
import { pathGlob } from './path-glob.js';
import { confine } from './confine-path.js';
import { CONFIG_FILES } from './load-config.js';
import { readTextFileSync } from './read-text-file.js';

/**
 * Finds the template of each spec: its front matter `template:` first, else
 * the config's `templates` mapping of globs (relative to the project root) to
 * a template id or a template file. Template files are read once.
 */
export class TemplateResolver {
  private readonly fileTemplates = new Map<string, Template>();
  private readonly byRef = new Map<string, Template>();

  private constructor(
    private readonly root: string,
    private readonly registry: TemplateRegistry,
    /** The mapping's globs, compiled, in the config's order: the first that matches a spec's path wins. */
    private readonly mapping: ReadonlyArray<{ readonly pattern: string; readonly matches: (path: string) => boolean; readonly ref: string }>,
    /** The folder paths are shown from (the config's, in a mapping's error). */
    private readonly cwd: string,
  ) {}

  /**
   * Compiles the mapping's globs once. A spec's path (relative to the root) is
   * matched against them when it is looked up, so no folder is walked for it.
   */
  static async create(root: string, registry: TemplateRegistry, mapping: Readonly<Record<string, string>> = {}, cwd: string = root): Promise<TemplateResolver> {
    const compiled = Object.entries(mapping).map(([pattern, ref]) => ({ pattern, matches: pathGlob(pattern), ref: mappedTemplateRef(ref) }));
    return new TemplateResolver(root, registry, compiled, cwd);
  }

  /**
   * The hint for a mapping entry that leads nowhere: fix it, at its line of
   * the config file when the file shows it plainly (read again only here:
   * errors are rare, and the config's text is not carried to the workers).
   */
  private entryHint(pattern: string): string {
    const hint = 'fix that entry of the config\'s `templates` mapping';
    const file = CONFIG_FILES.map((name) => join(this.root, name)).find((path) => existsSync(path));
    if (file === undefined) return hint;
    let place;
    try {
      place = configEntryPlace(readFileSync(file, 'utf8'), pattern);
    } catch {
      return hint;
    }
    const shown = relative(this.cwd, file).split(sep).join('/') || file;
    return place === null ? `${hint} in ${shown}` : `${hint}, at ${shown}:${place.line}:${place.column}`;
  }

  /** The mapping's entry for a spec (its glob and template reference), if a glob matches its path. */
  private mapped(absolutePath: string): { readonly pattern: string; readonly ref: string } | undefined {
    const path = relative(this.root, absolutePath).split(sep).join('/');
    return this.mapping.find((m) => m.matches(path));
  }

  /** The template of a spec, null when it has none; an unknown one is an error. */
  templateFor(absolutePath: string, spec: ParsedSpec, shown: string): Template | null {
    const fromFrontMatter = spec.frontMatter?.data?.template;
    const named = typeof fromFrontMatter === 'string' && fromFrontMatter.trim() !== '';
    const mapped = named ? undefined : this.mapped(absolutePath);
    // A file named from `/` is from the project root, as in the config's mapping.
    const ref = named ? mappedTemplateRef(fromFrontMatter) : mapped?.ref;
    if (ref === undefined) return null;
    if (isTemplateFileRef(ref)) return this.templateFile(ref, shown, absolutePath, mapped?.pattern);
    let template;
    try {
      template = this.registry.find(ref);
    } catch (error) {
      // A broken project template: the spec names it, the template file holds the problem.
      if (!(error instanceof SpecfillError)) throw error;
      throw new SpecfillError(error.code, `template \`${parseTemplateRef(ref).id}\` cannot be used: ${error.placed()}`, { path: shown },
        'fix the template file, or `template:` in the front matter');
    }
    if (template === undefined) {
      const ids = this.registry.list().map((t) => t.id);
      const known = ids.join(', ');
      const near = didYouMeanTemplate(parseTemplateRef(ref).id, ids);
      if (mapped !== undefined) {
        // The project's mistake, not the spec's: the message says where the name comes from.
        throw new SpecfillError('UNKNOWN_TEMPLATE', `the config's \`templates\` maps it (\`${mapped.pattern}\`) to \`${parseTemplateRef(ref).id}\`, an unknown template${near}; known templates: ${known}`,
          { path: shown }, this.entryHint(mapped.pattern));
      }
      // Named by the front matter: the message points at its `template:` line.
      const at = keyPosition(spec, 'template');
      // A template file left where templates are not read: the spec is right, the file is in the wrong place.
      const advice = this.registry.unknownAdvice(ref);
      throw new SpecfillError('UNKNOWN_TEMPLATE', `unknown template \`${parseTemplateRef(ref).id}\`${near}; known templates: ${known}${advice.misplaced ? ` (${advice.hint})` : ''}`,
        { path: shown, ...(at === null ? {} : { line: at.line, column: at.column }) },
        advice.misplaced ? undefined : 'fix `template:` in the front matter');
    }
    if (mapped !== undefined) this.checkMappedVersion(mapped, template, shown);
    return template;
  }

  /**
   * A version the config's mapping names must be one the template has: the
   * same value in front matter is template-version's finding, but a mapping
   * that names none (`mini@`), a newer one (`mini@7` for mini at 1) or a typo
   * (`mini@x`) was taken for the current version without a word.
   */
  private checkMappedVersion(mapped: { readonly pattern: string; readonly ref: string }, template: Template, shown: string): void {
    const at = mapped.ref.lastIndexOf('@');
    if (at <= 0) return;
    const version = mapped.ref.slice(at + 1).trim();
    const standing = version === '' ? null : versionStanding(version, template.version);
    if (standing === 'same' || standing === 'older') return;
    const why = standing === null ? 'which names no version after `@`' : `but ${template.id} is only at version ${template.version}`;
    throw new SpecfillError('UNKNOWN_TEMPLATE', `the config's \`templates\` maps it (\`${mapped.pattern}\`) to \`${mapped.ref}\`, ${why}`, { path: shown }, this.entryHint(mapped.pattern));
  }

  /** The template in a file a spec names (`pattern`: the config's glob that maps it there; else its front matter does). */
  private templateFile(ref: string, shown: string, absoluteSpec: string, pattern?: string): Template {
    // Every spec of a KEP-style project names the same file: confined and read once.
    const known = this.byRef.get(ref);
    if (known !== undefined) return known;
    let path: string;
    try {
      path = confine(this.root, ref, { mustExist: true, template: true }).absolute;
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      const why = error.code === 'FILE_NOT_FOUND' ? 'cannot be read: no such file' : `cannot be used: ${error.message}`;
      const named = pattern === undefined ? `its template file ${ref}` : `the config's \`templates\` maps it (\`${pattern}\`) to the template file ${ref}, which`;
      throw new SpecfillError('UNKNOWN_TEMPLATE', `${named} ${why}${this.fileAdvice(ref, absoluteSpec, pattern !== undefined)}`, { path: shown },
        pattern === undefined ? undefined : this.entryHint(pattern));
    }
    // Read already with the project's templates (the config's mapping is theirs).
    let template = this.fileTemplates.get(path) ?? this.registry.list().find((t) => t.path === ref && t.origin === 'project');
    if (template === undefined) {
      let source: string;
      try {
        source = readTextFileSync(path, { displayPath: ref });
      } catch (error) {
        if (error instanceof SpecfillError) {
          throw new SpecfillError('UNKNOWN_TEMPLATE', `its template file ${ref} cannot be read: ${error.message}`, { path: shown });
        }
        throw error;
      }
      template = templateFromSource(source, { fileName: templateFileName(path), origin: 'project', path: ref });
      // A template file may extend a registered template, as the project's own templates do.
      try {
        template = this.registry.extend(template);
      } catch (error) {
        if (!(error instanceof SpecfillError)) throw error;
        throw new SpecfillError('INVALID_TEMPLATE', `its template file ${ref}: ${error.message}`, { path: shown }, 'fix `extends:` in the template file\'s front matter');
      }
      this.fileTemplates.set(path, template);
    }
    this.byRef.set(ref, template);
    return template;
  }

  /**
   * What to write instead of a template file reference that leads nowhere:
   * the path without a version (`template.md@1`: a file has none), with its
   * `.md`, or from the project root (as the spec's folder reads it: links are
   * read so), else the nearest of the template files the project knows, or
   * their list.
   */
  private fileAdvice(ref: string, absoluteSpec: string, fromConfig: boolean): string {
    const exists = (candidate: string): string | null => {
      try {
        return relative(this.root, confine(this.root, candidate, { mustExist: true }).absolute).split(sep).join('/');
      } catch {
        return null;
      }
    };
    const versioned = /^(.+\.md)@[^/]*$/i.exec(ref);
    if (versioned !== null && exists(versioned[1]!) !== null) return `; a template file takes no \`@version\`: write \`${versioned[1]}\``;
    if (!/\.md$/i.test(ref) && exists(`${ref}.md`) !== null) return ` (did you mean \`${ref}.md\`?)`;
    // A template id written as a file name (`tech-spec.md`): the id is meant.
    const id = /^([\w.-]+)\.md$/i.exec(ref)?.[1];
    if (id !== undefined && this.registry.list().some((t) => t.id === id)) return ` (did you mean the template \`${id}\`?)`;
    if (!fromConfig && !ref.startsWith('/')) {
      const fromSpec = exists(relative(this.root, resolve(dirname(absoluteSpec), ref)));
      if (fromSpec !== null) return `; a template path is read from the project root, not from the spec's folder: write \`${fromSpec}\``;
    }
    // The template files the project names, and the Markdown files beside where this one would be (a typo in its name).
    const beside = (): string[] => {
      const folder = resolve(this.root, dirname(ref.replace(/^\/+/, '')));
      const inRoot = relative(this.root, folder);
      try {
        // Where the folder really is decides (a link in the project may lead out of it): nothing outside is listed.
        const real = relative(realpathSync(this.root), realpathSync(folder));
        if (real === '..' || real.startsWith(`..${sep}`) || isAbsolute(real)) return [];
        return readdirSync(folder).filter((name) => /\.md$/i.test(name)).map((name) => [inRoot.split(sep).join('/'), name].filter((part) => part !== '').join('/'));
      } catch {
        return [];
      }
    };
    // (Each one offered is a template file that can be read: not one whose link leads out, nor the one asked for.)
    const usable = (file: string): boolean => file !== ref && exists(file) !== null;
    const files = [...new Set([...this.mapping.map((m) => m.ref).filter(isTemplateFileRef), ...this.registry.list({ mapped: false }).filter((t) => t.origin === 'project').map((t) => t.path)])]
      .filter(usable);
    const near = nearestWord(ref, [...files, ...beside().filter(usable)]);
    if (near !== undefined) return ` (did you mean \`${near}\`?)`;
    return files.length === 0 ? '' : `; the project's template files: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`;
  }
}
