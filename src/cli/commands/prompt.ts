import { placeholderIdFor, shownId } from '../../core/placeholder-id.js';
import { relative, resolve } from 'node:path';
import { buildPrompt } from '../../core/build-prompt.js';
import { SpecfillError } from '../../core/errors.js';
import { readSpecFile } from '../../io/read-spec-file.js';
import { readBrief, readContext, type BriefOptions } from '../brief-and-context.js';
import { displayPath, writeJson, type CliContext } from '../context.js';
import { projectConfig } from '../project-config.js';

/** Options of `specfill prompt`. */
export interface PromptOptions extends BriefOptions {
  readonly placeholder: string;
  readonly budget?: number;
  readonly json?: boolean;
}

/**
 * `specfill prompt FILE --placeholder ID`: prints exactly the prompt an agent
 * would send to draft one placeholder, for external agents and debugging.
 */
export async function runPrompt(ctx: CliContext, file: string, opts: PromptOptions): Promise<number> {
  const absolute = resolve(ctx.cwd, file);
  const shown = displayPath(ctx, absolute, relative);
  const spec = await readSpecFile(absolute, { displayPath: shown, maxBytes: (await projectConfig(ctx)).config.maxFileBytes });
  const ids = spec.placeholders.map((p) => p.id);
  const id = placeholderIdFor(ids, opts.placeholder);
  if (!ids.includes(id)) {
    throw new SpecfillError('USAGE', `no open placeholder \`${shownId(opts.placeholder)}\`; open ids: ${ids.map(shownId).join(', ') || '(none)'}`, { path: shown });
  }
  const brief = readBrief(ctx, opts.brief);
  const context = await readContext(ctx, opts.context);
  const prompt = buildPrompt({ spec, placeholderId: id, brief, context, contextBudgetTokens: opts.budget });
  if (opts.json) {
    writeJson(ctx, prompt);
  } else {
    ctx.stdout.write(`=== system ===\n${prompt.system}\n\n=== user ===\n${prompt.user}\n`);
    ctx.stderr.write(`specfill: about ${prompt.estimatedTokens} tokens${prompt.omitted.length > 0 ? `; left out: ${prompt.omitted.join('; ')}` : ''}\n`);
  }
  return 0;
}
