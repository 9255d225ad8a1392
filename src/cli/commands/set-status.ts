import { relative, resolve } from 'node:path';
import { loadConfig } from '../../io/load-config.js';
import { findProjectRoot } from '../../io/project-root.js';
import { setSpecStatus } from '../../io/set-spec-status.js';
import { displayPath, writeJson, type CliContext } from '../context.js';
import { warnMissingTemplatesDir } from '../templates-dir-warning.js';

/** Options of `specfill set-status`. */
export interface SetStatusCliOptions {
  readonly force?: boolean;
  readonly reason?: string;
  readonly json?: boolean;
  readonly dryRun?: boolean;
}

/** `specfill set-status FILE STATUS`: moves a spec through its lifecycle; a refused move exits 1. */
export async function runSetStatus(ctx: CliContext, file: string, status: string, opts: SetStatusCliOptions): Promise<number> {
  const root = findProjectRoot(ctx.cwd);
  const { config } = await loadConfig(root, ctx.cwd);
  warnMissingTemplatesDir(ctx, root, config.templatesDir);
  const path = resolve(ctx.cwd, file);
  const result = await setSpecStatus({
    root, cwd: ctx.cwd, config, path, displayPath: displayPath(ctx, path, relative),
    status, force: opts.force, reason: opts.reason, now: ctx.now(), dryRun: opts.dryRun,
  });
  if (opts.json) {
    writeJson(ctx, result);
    return 0;
  }
  if (result.diff !== undefined) ctx.stdout.write(result.diff);
  else if (!result.changed) ctx.stdout.write(`${result.file}: already ${result.to}\n`);
  else ctx.stdout.write(`${result.file}: ${result.from ?? '(no status)'} → ${result.to}${result.forced ? ctx.color.yellow(' (forced; the reason is recorded in status-override)') : ''}\n`);
  return 0;
}
