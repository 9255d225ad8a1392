import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { slugify } from '../../core/slug.js';
import { createSpecSource } from '../../core/create-spec.js';
import { SpecfillError } from '../../core/errors.js';
import { parseSpec } from '../../core/parse-spec.js';
import { loadTemplates } from '../../io/load-templates.js';
import { findProjectRoot } from '../../io/project-root.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { displayPath, writeJson, type CliContext } from '../context.js';

/** Options of `specfill new`. */
export interface NewOptions {
  readonly title: string;
  readonly dir: string;
  readonly owner: string[];
  readonly out?: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

/** `specfill new TEMPLATE --title T`: writes a new spec; an existing file is refused (exit 1) unless --force. */
export async function runNew(ctx: CliContext, templateRef: string, opts: NewOptions): Promise<number> {
  const registry = await loadTemplates({ root: findProjectRoot(ctx.cwd), cwd: ctx.cwd });
  const template = registry.get(templateRef);
  const content = createSpecSource(template, { title: opts.title, owners: opts.owner, created: isoDate(ctx.now()) });
  let target: string;
  if (opts.out !== undefined) {
    target = resolve(ctx.cwd, opts.out);
  } else {
    const name = slugify(opts.title.trim());
    if (name === '') throw new SpecfillError('USAGE', `the title \`${opts.title}\` gives no usable file name`, {}, 'choose the file with --out FILE');
    target = resolve(ctx.cwd, join(opts.dir, `${name}.md`));
  }
  const shown = displayPath(ctx, target, relative);
  await mkdir(dirname(target), { recursive: true });
  try {
    await writeFileAtomic(target, content, { overwrite: opts.force === true, displayPath: shown });
  } catch (error) {
    if (error instanceof SpecfillError && error.code === 'FILE_EXISTS') {
      ctx.stderr.write(`specfill: ${error.format()}\n`);
      return 1;
    }
    throw error;
  }
  const open = parseSpec(content).placeholders.map((p) => p.id);
  if (opts.json) {
    writeJson(ctx, { file: shown, template: `${template.id}@${template.version}`, title: opts.title.trim(), placeholders: open });
  } else {
    ctx.stdout.write(`created ${shown} from ${template.id}@${template.version}: ${open.length} placeholder${open.length === 1 ? '' : 's'} to fill\n`);
    ctx.stdout.write(ctx.color.dim(`next: specfill placeholders ${shown}\n`));
  }
  return 0;
}

function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
