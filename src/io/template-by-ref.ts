import { relative, resolve, sep } from 'node:path';
import { templateFromSource, type Template } from '../core/template.js';
import { confine } from './confine-path.js';
import { isTemplateFileRef, templateFileName, type TemplateRegistry } from './load-templates.js';
import { readTextFileSync } from './read-text-file.js';

/**
 * The template a command-line argument names: an id (`tech-spec`,
 * `tech-spec@1`), or a template file (`keps/NNNN-kep-template/README.md`,
 * `./rfc.md`), read from the working folder as paths typed in a shell are,
 * inside the project root only, with its `extends` resolved as the
 * project's own templates are. `check` reads a template file a spec names;
 * `templates show` must show the same one.
 */
export function templateByRef(registry: TemplateRegistry, ref: string, root: string, cwd: string): Template {
  if (!isTemplateFileRef(ref) || registry.find(ref) !== undefined) return registry.current(ref);
  const fromRoot = relative(root, resolve(cwd, ref));
  const { absolute } = confine(root, fromRoot, { mustExist: true, template: true });
  const shown = relative(cwd, absolute).split(sep).join('/') || absolute;
  const source = readTextFileSync(absolute, { displayPath: shown });
  return registry.extend(templateFromSource(source, { fileName: templateFileName(absolute), origin: 'project', path: shown }));
}
