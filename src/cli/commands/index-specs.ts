import { existsSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { SpecfillError } from '../../core/errors.js';
import { writeIndexBlock } from '../../core/spec-index.js';
import { detectTextFormat } from '../../core/text-format.js';
import { editSpecFile } from '../../io/edit-spec-file.js';
import { loadConfig } from '../../io/load-config.js';
import { loadTemplates } from '../../io/load-templates.js';
import { projectIndex } from '../../io/project-index.js';
import { findProjectRoot } from '../../io/project-root.js';
import { readTextFileSync } from '../../io/read-text-file.js';
import { TemplateResolver } from '../../io/resolve-template-for.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { displayPath, writeJson, type CliContext } from '../context.js';
import { warnMissingTemplatesDir } from '../templates-dir-warning.js';

/** Options of `specfill index`. */
export interface IndexOptions {
  readonly out?: string;
  readonly check?: boolean;
  readonly json?: boolean;
}

/**
 * `specfill index`: writes the specs table between the index markers of a
 * file (default specs/README.md at the project root), keeping every other
 * byte of it; `--check` writes nothing and exits 1 when the table is stale.
 */
export async function runIndex(ctx: CliContext, opts: IndexOptions): Promise<number> {
  const root = findProjectRoot(ctx.cwd);
  const { config } = await loadConfig(root, ctx.cwd);
  warnMissingTemplatesDir(ctx, root, config.templatesDir);
  const registry = await loadTemplates({ root, cwd: ctx.cwd, templatesDir: config.templatesDir, mapped: config.templates });
  const templates = await TemplateResolver.create(root, registry, config.templates, ctx.cwd);
  const target = opts.out === undefined ? resolve(root, 'specs', 'README.md') : resolve(ctx.cwd, opts.out);
  const shown = displayPath(ctx, target, relative);
  const existing = existsSync(target) ? readTextFileSync(target, { displayPath: shown, maxBytes: config.maxFileBytes }) : null;
  const newline = existing === null ? '\n' : detectTextFormat(existing).newline;
  const { table, specs } = projectIndex(root, config, templates, target, newline);
  let next: string;
  try {
    next = writeIndexBlock(existing ?? '', table, newline);
  } catch (error) {
    if (error instanceof SpecfillError) throw new SpecfillError(error.code, error.message, { ...error.location, path: shown }, error.hint);
    throw error;
  }
  const upToDate = existing === next;
  if (opts.check) {
    if (opts.json) writeJson(ctx, { file: shown, specs, upToDate });
    else ctx.stdout.write(upToDate ? `${shown}: the index is up to date\n` : `${shown}: the index is out of date; run \`specfill index${opts.out === undefined ? '' : ` --out ${opts.out}`}\`\n`);
    return upToDate ? 0 : 1;
  }
  if (!upToDate) {
    if (existing === null) {
      mkdirSync(dirname(target), { recursive: true });
      await writeFileAtomic(target, next, { overwrite: false, displayPath: shown });
    } else {
      await editSpecFile(target, { displayPath: shown, root }, (text) => writeIndexBlock(text, table, newline));
    }
  }
  if (opts.json) writeJson(ctx, { file: shown, specs, changed: !upToDate });
  else ctx.stdout.write(upToDate ? `${shown}: the index is up to date (${specs} spec${specs === 1 ? '' : 's'})\n` : `${shown}: wrote the index of ${specs} spec${specs === 1 ? '' : 's'}\n`);
  return 0;
}
