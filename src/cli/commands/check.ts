import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { RULES } from '../../core/checks/index.js';
import type { ReportFormat } from '../../reporters/index.js';
import { loadFormatter } from '../../reporters/load-formatter.js';
import { checkFiles } from '../../io/check-files.js';
import { gitChangedFiles } from '../../io/git-changed-files.js';
import { loadConfig } from '../../io/load-config.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { findProjectRoot } from '../../io/project-root.js';
import type { CliContext } from '../context.js';
import { VERSION } from '../version.js';

/** Options of `specfill check`. */
export interface CheckOptions {
  readonly format: ReportFormat;
  readonly output?: string;
  readonly maxWarnings?: number;
  /** `true` for `--changed` without a ref. */
  readonly changed?: string | boolean;
  readonly cache?: boolean;
}

/**
 * `specfill check [PATHS...]`: runs the rules and prints a report. Exit 0
 * without errors, 1 with errors (or more warnings than --max-warnings), 2 when
 * a file could not be checked or the setup is wrong.
 */
export async function runCheck(ctx: CliContext, paths: string[], opts: CheckOptions): Promise<number> {
  const root = findProjectRoot(ctx.cwd);
  const { config } = await loadConfig(root, ctx.cwd);
  const only = opts.changed === undefined || opts.changed === false
    ? undefined
    : gitChangedFiles(ctx.cwd, typeof opts.changed === 'string' ? opts.changed : undefined);
  const pretty = opts.format === 'pretty';
  const { report, errors, sources } = await checkFiles({
    cwd: ctx.cwd, root, config, paths, only, cache: opts.cache, keepSources: pretty, version: VERSION,
  });
  const format = await loadFormatter(opts.format);
  const text = format(report, {
    color: pretty && opts.output === undefined && ctx.color.isColorSupported,
    sources,
    toolVersion: VERSION,
    rules: RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity })),
  });
  if (opts.output !== undefined) {
    const target = resolve(ctx.cwd, opts.output);
    await mkdir(dirname(target), { recursive: true }).catch(() => undefined);
    await writeFileAtomic(target, text, { displayPath: opts.output, durable: false });
  } else {
    ctx.stdout.write(text);
  }
  for (const error of errors) ctx.stderr.write(`specfill: ${error.format()}\n`);
  if (errors.length > 0) return 2;
  if (report.summary.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && report.summary.warnings > opts.maxWarnings) {
    ctx.stderr.write(`specfill: ${report.summary.warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
