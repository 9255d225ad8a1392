import { streamText, type LanguageModel, type ModelMessage } from 'ai';
import { createTwoFilesPatch } from 'diff';
import { buildPrompt, type ContextFile } from '../core/build-prompt.js';
import { fillPlaceholders } from '../core/fill-placeholders.js';
import { SpecfillError } from '../core/errors.js';
import { guardAnswer } from '../core/output-guard.js';
import { parseSpec } from '../core/parse-spec.js';
import { fillFile } from '../io/fill-file.js';
import { readTextFileSync } from '../io/read-text-file.js';
import type { AgentSettings } from './agent-settings.js';
import { costOf } from './prices.js';

/** Token use of one placeholder or of a whole run. */
export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Estimated cost in US dollars, or null when the model's price is unknown. */
  readonly costUsd: number | null;
}

/** What happened to one placeholder. */
export interface DraftOutcome {
  readonly id: string;
  readonly status: 'filled' | 'refused' | 'failed';
  readonly attempts: number;
  readonly usage: Usage;
  /** Why the last answer was refused, or the error. */
  readonly reason?: string;
}

/** Options of {@link fillWithAgent}. */
export interface AgentFillOptions {
  readonly path: string;
  readonly shown: string;
  readonly root: string;
  readonly settings: AgentSettings;
  readonly model: LanguageModel;
  readonly brief?: string;
  readonly context?: readonly ContextFile[];
  readonly only?: readonly string[];
  readonly signal?: AbortSignal;
  /** Draft everything but write nothing: the result carries the unified diff. */
  readonly dryRun?: boolean;
  /** Progress lines for people (stderr). */
  readonly progress: (line: string) => void;
}

/** The result of a drafting run. */
export interface AgentFillResult {
  readonly outcomes: DraftOutcome[];
  readonly total: Usage;
  readonly remaining: string[];
  /** Dry run: the change as a unified diff. */
  readonly diff?: string;
}

/**
 * Drafts the open placeholders of a spec in document order. Each prompt holds
 * the brief, the section and its instruction, and the document as filled so
 * far. Each answer passes the output guard and the fill contract; a refused
 * one is retried with the reason fed back, and after the last retry the
 * placeholder stays open. Every accepted answer is written at once, so an
 * interrupted run keeps what was drafted and a rerun continues with the rest.
 */
export async function fillWithAgent(options: AgentFillOptions): Promise<AgentFillResult> {
  const outcomes: DraftOutcome[] = [];
  const original = readTextFileSync(options.path, { displayPath: options.shown });
  // A dry run drafts into this copy; a real run writes each answer through the file.
  let draft = original;
  const current = (): string => (options.dryRun ? draft : readTextFileSync(options.path, { displayPath: options.shown }));
  let passed = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const spec = parseSpec(current());
    const open = spec.placeholders.filter((p) => options.only === undefined || options.only.includes(p.id));
    const placeholder = open[passed];
    if (placeholder === undefined) break;
    const n = outcomes.length + 1;
    const total = outcomes.length + open.length - passed;
    const prompt = buildPrompt({ spec, placeholderId: placeholder.id, brief: options.brief, context: options.context });
    const messages: ModelMessage[] = [{ role: 'user', content: prompt.user }];
    let input = 0;
    let output = 0;
    let outcome: DraftOutcome | undefined;
    for (let attempt = 1; attempt <= options.settings.answerRetries + 1 && outcome === undefined; attempt++) {
      let text = '';
      try {
        const result = streamText({
          model: options.model,
          system: prompt.system,
          messages,
          maxRetries: options.settings.maxRetries,
          abortSignal: options.signal === undefined ? AbortSignal.timeout(options.settings.timeoutMs) : AbortSignal.any([options.signal, AbortSignal.timeout(options.settings.timeoutMs)]),
        });
        let shownTokens = 0;
        for await (const chunk of result.textStream) {
          text += chunk;
          const tokens = Math.ceil(text.length / 4);
          if (tokens - shownTokens >= 50) {
            shownTokens = tokens;
            options.progress(`[${n}/${total}] ${placeholder.id}: ~${tokens} tokens`);
          }
        }
        const usage = await result.usage;
        input += usage.inputTokens ?? 0;
        output += usage.outputTokens ?? 0;
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const reason = describeError(error);
        if (attempt > options.settings.answerRetries) outcome = { id: placeholder.id, status: 'failed', attempts: attempt, usage: usageOf(options.settings, input, output), reason };
        options.progress(`[${n}/${total}] ${placeholder.id}: ${reason}`);
        continue;
      }
      const guarded = guardAnswer(text);
      let reason: string;
      if (guarded.ok) {
        const answers = [{ id: placeholder.id, content: guarded.content }];
        let refused: readonly { message: string }[];
        if (options.dryRun) {
          const outcome = fillPlaceholders(spec, answers);
          refused = outcome.refused;
          if (refused.length === 0) draft = outcome.source;
        } else {
          refused = (await fillFile(options.path, {
            answers, filler: 'agent', model: options.settings.model, root: options.root, displayPath: options.shown,
            usage: usageOf(options.settings, input, output),
          })).refused;
        }
        const filled = { refused };
        if (filled.refused.length === 0) {
          outcome = { id: placeholder.id, status: 'filled', attempts: attempt, usage: usageOf(options.settings, input, output) };
          break;
        }
        reason = filled.refused[0]!.message;
      } else {
        reason = guarded.message;
      }
      options.progress(`[${n}/${total}] ${placeholder.id}: answer refused (${reason})${attempt <= options.settings.answerRetries ? ', asking again' : ''}`);
      messages.push({ role: 'assistant', content: text }, { role: 'user', content: `That answer cannot be used: ${reason}. Write the content again, following the rules.` });
      if (attempt > options.settings.answerRetries) outcome = { id: placeholder.id, status: 'refused', attempts: attempt, usage: usageOf(options.settings, input, output), reason };
    }
    outcome ??= { id: placeholder.id, status: 'failed', attempts: options.settings.answerRetries + 1, usage: usageOf(options.settings, input, output) };
    outcomes.push(outcome);
    if (outcome.status !== 'filled') passed += 1;
    const u = outcome.usage;
    options.progress(`[${n}/${total}] ${placeholder.id}: ${outcome.status} — ${u.inputTokens} in, ${u.outputTokens} out${u.costUsd === null ? '' : `, $${u.costUsd.toFixed(4)}`}`);
  }
  const inputTokens = outcomes.reduce((s, o) => s + o.usage.inputTokens, 0);
  const outputTokens = outcomes.reduce((s, o) => s + o.usage.outputTokens, 0);
  const remaining = parseSpec(current()).placeholders.map((p) => p.id);
  return {
    outcomes,
    total: usageOf(options.settings, inputTokens, outputTokens),
    remaining,
    ...(options.dryRun ? { diff: createTwoFilesPatch(`a/${options.shown}`, `b/${options.shown}`, original, draft, undefined, undefined, { context: 3 }) } : {}),
  };
}

function usageOf(settings: AgentSettings, inputTokens: number, outputTokens: number): Usage {
  return { inputTokens, outputTokens, costUsd: costOf(settings.model, inputTokens, outputTokens, settings.prices) };
}

// Provider errors can carry request details; only their kind and status are shown (never headers or keys).
function describeError(error: unknown): string {
  const e = error as { name?: string; statusCode?: number; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'the model did not answer in time';
  if (e.statusCode !== undefined) return `the model endpoint answered HTTP ${e.statusCode}`;
  if (error instanceof SpecfillError) return error.message;
  return `the call failed (${e.name ?? 'error'})`;
}
