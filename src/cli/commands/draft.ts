import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { SpecfillError } from '../../core/errors.js';
import { displayPath, type CliContext } from '../context.js';
import { prepareAgent, runAgent, type FillOptions } from './fill.js';
import { refusePathOwner, runNew, specTarget, type NewOptions } from './new.js';
import { loadConfig } from '../../io/load-config.js';
import { findProjectRoot } from '../../io/project-root.js';

/** Options of `specfill draft`: those of `new` and of `fill --agent`. */
export type DraftOptions = NewOptions & Omit<FillOptions, 'answers' | 'interactive' | 'agent'>;

/**
 * `specfill draft TEMPLATE --title T --brief @FILE`: checks the model's
 * settings and endpoint, creates the spec, then drafts every placeholder with
 * the model. The spec exists from the second step on, so an interrupted draft
 * is continued with `fill --agent`.
 */
export async function runDraft(ctx: CliContext, templateRef: string, opts: DraftOptions): Promise<number> {
  // Before the model's settings are checked or its endpoint called.
  refusePathOwner(opts.owner, 'draft');
  const root = findProjectRoot(ctx.cwd);
  const target = specTarget(ctx, opts, root, (await loadConfig(root, ctx.cwd)).config);
  const shown = displayPath(ctx, target, relative);
  if (opts.force !== true && existsSync(target)) {
    // A second draft of the same title is most often a first one to go on with.
    throw new SpecfillError('FILE_EXISTS', 'already exists', { path: shown },
      `to go on drafting it: specfill fill ${shown} --agent (its open placeholders only); for a new spec, give another --title or --out`);
  }
  // A missing key, an endpoint that does not answer or an unreadable brief
  // stops the run before the spec is created, so that it can simply be run again.
  const setup = await prepareAgent(ctx, { ...opts, agent: true });
  // With --json, only the drafting result is printed.
  const quiet: CliContext = opts.json ? { ...ctx, stdout: { write: () => true } } : ctx;
  const created = await runNew(quiet, templateRef, { ...opts, json: false });
  if (created !== 0) return created;
  return runAgent(ctx, target, shown, { ...opts, agent: true }, setup);
}
