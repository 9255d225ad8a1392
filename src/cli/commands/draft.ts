import { relative } from 'node:path';
import { displayPath, type CliContext } from '../context.js';
import { runAgent, type FillOptions } from './fill.js';
import { runNew, specTarget, type NewOptions } from './new.js';

/** Options of `specfill draft`: those of `new` and of `fill --agent`. */
export type DraftOptions = NewOptions & Omit<FillOptions, 'answers' | 'interactive' | 'agent'>;

/**
 * `specfill draft TEMPLATE --title T --brief @FILE`: creates the spec, then
 * drafts every placeholder with the model. The spec exists from the first
 * step on, so an interrupted draft is continued with `fill --agent`.
 */
export async function runDraft(ctx: CliContext, templateRef: string, opts: DraftOptions): Promise<number> {
  // With --json, only the drafting result is printed.
  const quiet: CliContext = opts.json ? { ...ctx, stdout: { write: () => true } } : ctx;
  const created = await runNew(quiet, templateRef, { ...opts, json: false });
  if (created !== 0) return created;
  const target = specTarget(ctx, opts);
  return runAgent(ctx, target, displayPath(ctx, target, relative), { ...opts, agent: true });
}
