import { shownId } from '../../core/placeholder-id.js';
import { relative, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { SpecfillError } from '../../core/errors.js';
import { fillFile, type FillFileResult } from '../../io/fill-file.js';
import { findProjectRoot } from '../../io/project-root.js';
import { projectConfig } from '../project-config.js';
import { readAnswers } from '../../io/read-answers.js';
import type { AgentSettings } from '../../fillers/agent-settings.js';
import type { ContextFile } from '../../core/build-prompt.js';
import { readBrief, readContext, type BriefOptions } from '../brief-and-context.js';
import { displayPath, writeJson, type CliContext } from '../context.js';

/** Options of `specfill fill`. */
export interface FillOptions extends BriefOptions {
  readonly answers?: string;
  readonly interactive?: boolean;
  readonly agent?: boolean;
  readonly provider?: string;
  readonly model?: string;
  readonly baseUrl?: string;
  readonly timeout?: number;
  readonly concurrency?: number;
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
  const modes = [opts.answers !== undefined, opts.interactive === true, opts.agent === true].filter(Boolean).length;
  if (modes !== 1) throw new SpecfillError('USAGE', modes === 0 ? 'give one of --answers FILE, --interactive or --agent' : 'give only one of --answers FILE, --interactive and --agent', {}, 'see specfill fill --help');
  if (opts.interactive && opts.dryRun) throw new SpecfillError('USAGE', '--dry-run does not go with --interactive (every answer is saved as it is given)');
  if (opts.interactive) return runInteractive(ctx, absolute, shown, opts);
  if (opts.agent) return runAgent(ctx, absolute, shown, opts);
  const answersPath = resolve(ctx.cwd, opts.answers!);
  const all = await readAnswers(answersPath, displayPath(ctx, answersPath, relative));
  // An --only id the file has no answer for is most likely a typo on one side or the other.
  const unanswered = (opts.only ?? []).filter((id) => !all.some((a) => a.id === id));
  if (unanswered.length > 0) ctx.stderr.write(`specfill: warning: ${opts.answers} has no answer for ${unanswered.map((id) => `\`${id}\``).join(', ')}\n`);
  const { root, config } = await projectConfig(ctx);
  const result = await fillFile(absolute, {
    answers: all, only: opts.only, filler: 'answers', root, displayPath: shown, dryRun: opts.dryRun, now: ctx.now, rerunnable: true, maxFileBytes: config.maxFileBytes,
    // Every id named, in the answers or in --only, must be open: else nothing is written (exit 2).
    requireOpen: [...all.map((a) => a.id), ...(opts.only ?? [])],
  });
  report(ctx, result, opts);
  return result.refused.length > 0 ? 1 : 0;
}

async function runInteractive(ctx: CliContext, absolute: string, shown: string, opts: FillOptions): Promise<number> {
  const { fillInteractively } = await import('../../fillers/interactive.js');
  const { root, config } = await projectConfig(ctx);
  const input = ctx.stdin as Readable & { unref?: () => void };
  let result;
  try {
    result = await fillInteractively({
      // Prompts go to stderr: stdout stays for the result (and --json).
      path: absolute, shown, root, input, output: ctx.stderr as unknown as Writable, env: ctx.env, only: opts.only, maxFileBytes: config.maxFileBytes,
    });
  } finally {
    // The prompts leave the input stream reading: let the process end.
    input.pause();
    input.unref?.();
  }
  const summary = { file: shown, filled: result.filled, skipped: result.skipped, remaining: result.remaining, quit: result.quit, ...(result.inputEnded ? { inputEnded: true } : {}) };
  if (opts.json) writeJson(ctx, summary);
  else ctx.stdout.write(`${shown}: filled ${result.filled.length}, skipped ${result.skipped}, ${result.remaining} still open${result.inputEnded ? ' (the input ended)' : result.quit ? ' (quit; run again to go on)' : ''}\n`);
  if (result.inputEnded) {
    ctx.stderr.write('specfill: the input ended before every open placeholder was answered; what was answered is saved\n  hint: run it in a terminal, or fill from a file with --answers FILE\n');
    return 2;
  }
  return 0;
}

/** What drafting needs before any file is touched: the model's settings (endpoint reached), the brief and the context. */
export interface AgentSetup {
  readonly settings: AgentSettings;
  readonly brief: string | undefined;
  readonly context: ContextFile[];
  /** The largest spec file read (the config's `maxFileBytes`). */
  readonly maxFileBytes: number | undefined;
}

/**
 * Resolves the model's settings (flags, config, environment), checks that
 * its endpoint answers, and reads the brief and context: everything that can
 * fail before a file is created or changed.
 */
export async function prepareAgent(ctx: CliContext, opts: FillOptions): Promise<AgentSetup> {
  const [{ resolveAgentSettings }, { checkReachable }, { config }] = await Promise.all([
    import('../../fillers/agent-settings.js'), import('../../fillers/check-reachable.js'), projectConfig(ctx),
  ]);
  const agent = config.agent ?? {};
  const settings = resolveAgentSettings(
    { provider: opts.provider, model: opts.model, baseURL: opts.baseUrl, timeoutMs: opts.timeout === undefined ? undefined : opts.timeout * 1000 },
    { ...agent, timeoutMs: agent.timeoutSeconds === undefined ? undefined : agent.timeoutSeconds * 1000 },
    ctx.env,
    agent.prices,
  );
  if (settings.baseURL !== undefined) await checkReachable(settings.baseURL);
  return { settings, brief: readBrief(ctx, opts.brief), context: await readContext(ctx, opts.context), maxFileBytes: config.maxFileBytes };
}

/** `fill --agent` on one file (also the second half of `specfill draft`, which prepares first). */
export async function runAgent(ctx: CliContext, absolute: string, shown: string, opts: FillOptions, setup?: AgentSetup): Promise<number> {
  const [{ createModel }, { fillWithAgent }] = await Promise.all([import('../../fillers/create-model.js'), import('../../fillers/agent.js')]);
  const { settings, brief, context, maxFileBytes } = setup ?? await prepareAgent(ctx, opts);
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  let result;
  try {
    result = await fillWithAgent({
      path: absolute, shown, root: findProjectRoot(ctx.cwd), settings, model: await createModel(settings), brief, context, only: opts.only,
      signal: controller.signal, dryRun: opts.dryRun, concurrency: opts.concurrency, progress: (line) => ctx.stderr.write(`${line}\n`), maxFileBytes,
    });
  } finally {
    process.removeListener('SIGINT', stop);
  }
  const t = result.total;
  if (opts.json) {
    writeJson(ctx, { file: shown, model: settings.model, outcomes: result.outcomes, total: t, remaining: result.remaining, ...(result.diff === undefined ? {} : { diff: result.diff }) });
  } else {
    if (result.diff !== undefined) ctx.stdout.write(result.diff);
    const filled = result.outcomes.filter((o) => o.status === 'filled').length;
    ctx.stdout.write(`${shown}: ${opts.dryRun ? 'would draft' : 'drafted'} ${filled} of ${result.outcomes.length} placeholders with ${settings.model}; ${result.remaining.length} still open; ${t.inputTokens} tokens in, ${t.outputTokens} out, cost ${t.costUsd === null ? 'unknown' : `$${t.costUsd.toFixed(4)}`}\n`);
  }
  return result.outcomes.every((o) => o.status === 'filled') ? 0 : 1;
}

/** Prints a fill result, in JSON or for people. */
export function report(ctx: CliContext, result: FillFileResult, opts: { json?: boolean; dryRun?: boolean }): void {
  if (opts.json) {
    // The JSON names what changed; the diff and the would-be text are for people and library callers.
    const { diff: _diff, text: _text, ...rest } = result;
    writeJson(ctx, { ...rest, refused: rest.refused.map((r) => ({ id: r.id, reason: r.reason, message: r.message })) });
    return;
  }
  const c = ctx.color;
  if (opts.dryRun && result.diff !== undefined) {
    ctx.stdout.write(result.diff.split('\n').map((l) => (l.startsWith('+') && !l.startsWith('+++') ? c.green(l) : l.startsWith('-') && !l.startsWith('---') ? c.red(l) : l.startsWith('@@') ? c.cyan(l) : l)).join('\n'));
  }
  const verb = opts.dryRun ? 'would fill' : 'filled';
  if (result.alreadyFilled !== undefined) ctx.stdout.write(`${result.file}: already filled by an earlier run, skipped: ${result.alreadyFilled.map(shownId).join(', ')}\n`);
  ctx.stdout.write(`${result.file}: ${verb} ${result.filled.length} placeholder${result.filled.length === 1 ? '' : 's'}${result.filled.length > 0 ? ` (${result.filled.map(shownId).join(', ')})` : ''}; ${result.remaining.length} still open\n`);
  for (const r of result.refused) ctx.stderr.write(`specfill: ${result.file}: refused ${r.id}: ${r.message}\n`);
}
