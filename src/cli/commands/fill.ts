import { relative, resolve } from 'node:path';
import { SpecfillError } from '../../core/errors.js';
import { parseSpec } from '../../core/parse-spec.js';
import { fillFile, type FillFileResult } from '../../io/fill-file.js';
import { findProjectRoot } from '../../io/project-root.js';
import { readAnswers } from '../../io/read-answers.js';
import { readTextFileSync } from '../../io/read-text-file.js';
import { displayPath, writeJson, type CliContext } from '../context.js';

/** Options of `specfill fill`. */
export interface FillOptions {
  readonly answers: string;
  readonly only?: string[];
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/**
 * `specfill fill FILE --answers F`: fills the named placeholders through the
 * fill contract. Exit 0 when every answer landed, 1 when one was refused or
 * the file changed meanwhile, 2 on bad input (unknown ids: nothing written).
 */
export async function runFill(ctx: CliContext, file: string, opts: FillOptions): Promise<number> {
  const absolute = resolve(ctx.cwd, file);
  const shown = displayPath(ctx, absolute, relative);
  const answersPath = resolve(ctx.cwd, opts.answers);
  let answers = await readAnswers(answersPath, displayPath(ctx, answersPath, relative));
  const open = parseSpec(readTextFileSync(absolute, { displayPath: shown })).placeholders.map((p) => p.id);
  const unknown = [...answers.map((a) => a.id), ...(opts.only ?? [])].filter((id) => !open.includes(id));
  if (unknown.length > 0) {
    throw new SpecfillError('INVALID_ANSWERS', `no open placeholder has the id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `\`${u}\``).join(', ')}; open ids: ${open.join(', ') || '(none)'}`,
      { path: shown }, 'nothing was written; run `specfill placeholders FILE` for the ids');
  }
  if (opts.only !== undefined) answers = answers.filter((a) => opts.only!.includes(a.id));
  const result = await fillFile(absolute, { answers, filler: 'answers', root: findProjectRoot(ctx.cwd), displayPath: shown, dryRun: opts.dryRun });
  report(ctx, result, opts);
  return result.refused.length > 0 ? 1 : 0;
}

/** Prints a fill result, in JSON or for people. */
export function report(ctx: CliContext, result: FillFileResult, opts: { json?: boolean; dryRun?: boolean }): void {
  if (opts.json) {
    const { diff: _diff, ...rest } = result;
    writeJson(ctx, { ...rest, refused: rest.refused.map((r) => ({ id: r.id, reason: r.reason, message: r.message })) });
    return;
  }
  const c = ctx.color;
  if (opts.dryRun && result.diff !== undefined) {
    ctx.stdout.write(result.diff.split('\n').map((l) => (l.startsWith('+') && !l.startsWith('+++') ? c.green(l) : l.startsWith('-') && !l.startsWith('---') ? c.red(l) : l.startsWith('@@') ? c.cyan(l) : l)).join('\n'));
  }
  const verb = opts.dryRun ? 'would fill' : 'filled';
  ctx.stdout.write(`${result.file}: ${verb} ${result.filled.length} placeholder${result.filled.length === 1 ? '' : 's'}${result.filled.length > 0 ? ` (${result.filled.join(', ')})` : ''}; ${result.remaining.length} still open\n`);
  for (const r of result.refused) ctx.stderr.write(`specfill: ${result.file}: refused ${r.id}: ${r.message}\n`);
}
