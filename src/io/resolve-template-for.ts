import { resolve } from 'node:path';
import { SpecfillError } from '../core/errors.js';
import { parseTemplateRef, templateFromSource, type Template } from '../core/template.js';
import type { ParsedSpec } from '../core/spec-types.js';
import type { TemplateRegistry } from './load-templates.js';
import { readTextFileSync } from './read-text-file.js';

/**
 * Finds the template of each spec: its front matter `template:` first, else
 * the config's `templates` mapping of globs (relative to the project root) to
 * a template id or a template file. Template files are read once.
 */
export class TemplateResolver {
  private readonly fileTemplates = new Map<string, Template>();

  private constructor(
    private readonly root: string,
    private readonly registry: TemplateRegistry,
    /** Absolute spec path → template reference from the mapping. */
    private readonly mapped: ReadonlyMap<string, string>,
  ) {}

  /** Expands the mapping's globs once, so that each lookup is a map access. */
  static async create(root: string, registry: TemplateRegistry, mapping: Readonly<Record<string, string>> = {}): Promise<TemplateResolver> {
    const mapped = new Map<string, string>();
    for (const [pattern, ref] of Object.entries(mapping)) {
      for (const file of await (await import('tinyglobby')).glob(pattern, { cwd: root, absolute: true, ignore: ['**/node_modules/**'] })) {
        if (!mapped.has(resolve(file))) mapped.set(resolve(file), ref);
      }
    }
    return new TemplateResolver(root, registry, mapped);
  }

  /** The template of a spec, null when it has none; an unknown one is an error. */
  templateFor(absolutePath: string, spec: ParsedSpec, shown: string): Template | null {
    const fromFrontMatter = spec.frontMatter?.data?.template;
    const ref = typeof fromFrontMatter === 'string' && fromFrontMatter.trim() !== '' ? fromFrontMatter : this.mapped.get(absolutePath);
    if (ref === undefined) return null;
    if (/\.md$/i.test(ref) || ref.includes('/')) return this.templateFile(ref, shown);
    const template = this.registry.find(ref);
    if (template === undefined) {
      const known = this.registry.list().map((t) => t.id).join(', ');
      throw new SpecfillError('UNKNOWN_TEMPLATE', `unknown template \`${parseTemplateRef(ref).id}\`; known templates: ${known}`, { path: shown },
        'fix `template:` in the front matter or the config\'s `templates` mapping');
    }
    return template;
  }

  private templateFile(ref: string, shown: string): Template {
    const path = resolve(this.root, ref);
    let template = this.fileTemplates.get(path);
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
      // `keps/NNNN-kep-template/README.md` is better named by its folder.
      const parts = path.split(/[\\/]/);
      const name = /^(readme|index)\.md$/i.test(parts[parts.length - 1]!) && parts.length > 1 ? `${parts[parts.length - 2]}.md` : parts[parts.length - 1]!;
      template = templateFromSource(source, { fileName: name, origin: 'project', path: ref });
      this.fileTemplates.set(path, template);
    }
    return template;
  }
}
