import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from './context.js';

/**
 * Warns when the config names a `templatesDir` that does not exist. The
 * default folder may well be absent; a named one that is not there is most
 * likely a typo, which would leave every spec naming a project template
 * unknown, so every command that reads templates says so.
 */
export function warnMissingTemplatesDir(ctx: CliContext, root: string, templatesDir: string | undefined): void {
  if (templatesDir === undefined || existsSync(join(root, templatesDir))) return;
  ctx.stderr.write(`specfill: warning: the config's \`templatesDir\` (${templatesDir}) does not exist: no project template is read from it\n`);
}
