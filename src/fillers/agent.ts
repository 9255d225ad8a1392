import { streamText, type LanguageModel, type ModelMessage } from 'ai';
import { createTwoFilesPatch } from 'diff';
import { buildPrompt, type ContextFile } from '../core/build-prompt.js';
import { fillPlaceholders, type Answer } from '../core/fill-placeholders.js';
import type { ParsedSpec, Placeholder } from '../core/spec-types.js';
import type { FillRefusal } from '../core/validate-content.js';
import { SpecfillError } from '../core/errors.js';
import { guardAnswer } from '../core/output-guard.js';
import { parseSpec } from '../core/parse-spec.js';
import { fillFile } from '../io/fill-file.js';
import { readTextFileSync, rereadLimit } from '../io/read-text-file.js';
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
  /** Placeholders drafted at once (default 1: in document order, each seeing the earlier answers). */
  readonly concurrency?: number;
  /** Draft everything but write nothing: the result carries the unified diff. */
  readonly dryRun?: boolean;
  /** The largest spec file read (the config's `maxFileBytes`); default 10 MiB. */
  readonly maxFileBytes?: number;
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
  const original = readTextFileSync(options.path, { displayPath: options.shown, maxBytes: options.maxFileBytes });
  // A dry run drafts into this copy; a real run writes each answer through the file.
  let draft = original;
  // Read again after its own answers were written: they may take it past the limit it was read with.
  const current = (): string => (options.dryRun ? draft : readTextFileSync(options.path, { displayPath: options.shown, maxBytes: rereadLimit(options.maxFileBytes) }));
  const wanted = (p: Placeholder): boolean => options.only === undefined || options.only.includes(p.id);
  const outcomes: DraftOutcome[] = [];
  const concurrency = options.dryRun ? 1 : Math.max(1, options.concurrency ?? 1);

  if (concurrency === 1) {
    // One after another, in document order: each prompt sees every earlier answer.
    let passed = 0;
    for (;;) {
      if (options.signal?.aborted) break;
      const spec = parseSpec(current());
      const open = spec.placeholders.filter(wanted);
      const placeholder = open[passed];
      if (placeholder === undefined) break;
      const label = `[${outcomes.length + 1}/${outcomes.length + open.length - passed}] ${placeholder.id}`;
      const outcome = await draftPlaceholder(options, spec, placeholder, label, async (content, usage) => {
        const answers = [{ id: placeholder.id, content }];
        if (!options.dryRun) return (await write(options, answers, usage)).refused[0]?.message ?? null;
        const filled = fillPlaceholders(spec, answers);
        if (filled.refused.length === 0) draft = filled.source;
        return filled.refused[0]?.message ?? null;
      });
      outcomes.push(outcome);
      if (outcome.status !== 'filled') passed += 1;
    }
  } else {
    // Side by side: placeholders are found again by section and instruction when
    // written, since an id like `a#2` changes once `a` is filled.
    const targets = parseSpec(current()).placeholders.filter(wanted).map((p) => ({ id: p.id, match: { sectionId: p.sectionId, instruction: p.instruction } }));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < targets.length && options.signal?.aborted !== true) {
        const index = next++;
        const target = targets[index]!;
        const spec = parseSpec(current());
        const placeholder = spec.placeholders.find((p) => p.sectionId === target.match.sectionId && p.instruction === target.match.instruction);
        if (placeholder === undefined) continue;
        const outcome = await draftPlaceholder(options, spec, placeholder, `[${index + 1}/${targets.length}] ${target.id}`, async (content, usage) => {
          for (let tries = 0; ; tries++) {
            try {
              return (await write(options, [{ id: placeholder.id, content, match: target.match }], usage)).refused[0]?.message ?? null;
            } catch (error) {
              // Another worker wrote the file meanwhile: the answer still fits, so write it again.
              if (!(error instanceof SpecfillError && error.code === 'CONFLICT') || tries >= 20) throw error;
              await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
            }
          }
        });
        outcomes[index] = { ...outcome, id: target.id };
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  }

  const done = outcomes.filter((o) => o !== undefined);
  const inputTokens = done.reduce((s, o) => s + o.usage.inputTokens, 0);
  const outputTokens = done.reduce((s, o) => s + o.usage.outputTokens, 0);
  const remaining = parseSpec(current()).placeholders.map((p) => p.id);
  return {
    outcomes: done,
    total: usageOf(options.settings, inputTokens, outputTokens),
    remaining,
    ...(options.dryRun ? { diff: createTwoFilesPatch(`a/${options.shown}`, `b/${options.shown}`, original, draft, undefined, undefined, { context: 3 }) } : {}),
  };
}

function write(options: AgentFillOptions, answers: Answer[], usage: Usage): Promise<{ refused: FillRefusal[] }> {
  return fillFile(options.path, { answers, filler: 'agent', model: options.settings.model, root: options.root, displayPath: options.shown, usage, maxFileBytes: rereadLimit(options.maxFileBytes) });
}

/**
 * Drafts one placeholder: streams the model's answer, guards it, hands it to
 * `accept` (which writes it, or returns why it was refused), and asks again
 * with the reason until the retries are spent.
 */
async function draftPlaceholder(
  options: AgentFillOptions,
  spec: ParsedSpec,
  placeholder: Placeholder,
  label: string,
  accept: (content: string, usage: Usage) => Promise<string | null>,
): Promise<DraftOutcome> {
  const prompt = buildPrompt({ spec, placeholderId: placeholder.id, brief: options.brief, context: options.context });
  const messages: ModelMessage[] = [{ role: 'user', content: prompt.user }];
  let input = 0;
  let output = 0;
  let outcome: DraftOutcome | undefined;
  for (let attempt = 1; attempt <= options.settings.answerRetries + 1 && outcome === undefined; attempt++) {
    let text = '';
    // The SDK logs a failed stream to the console by default; the error is kept and reported here instead.
    let streamError: unknown;
    try {
      const result = streamText({
        model: options.model,
        system: prompt.system,
        messages,
        maxRetries: options.settings.maxRetries,
        onError: ({ error }) => {
          streamError = error;
        },
        abortSignal: options.signal === undefined ? AbortSignal.timeout(options.settings.timeoutMs) : AbortSignal.any([options.signal, AbortSignal.timeout(options.settings.timeoutMs)]),
      });
      let shownTokens = 0;
      for await (const chunk of result.textStream) {
        text += chunk;
        const tokens = Math.ceil(text.length / 4);
        if (tokens - shownTokens >= 50) {
          shownTokens = tokens;
          options.progress(`${label}: ~${tokens} tokens`);
        }
      }
      const usage = await result.usage;
      input += usage.inputTokens ?? 0;
      output += usage.outputTokens ?? 0;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const cause = streamError ?? error;
      const reason = describeError(cause);
      // Asking again is for answers cut off on the way; an endpoint that said
      // no (an HTTP error, after the SDK's own retries) or did not answer in
      // time would only say it again.
      const final = attempt > options.settings.answerRetries || httpStatusOf(cause) !== undefined || isTimeout(cause);
      if (final) outcome = { id: placeholder.id, status: 'failed', attempts: attempt, usage: usageOf(options.settings, input, output), reason };
      options.progress(`${label}: ${reason}${final ? '' : ', asking again'}`);
      continue;
    }
    const guarded = guardAnswer(text);
    const reason = guarded.ok ? await accept(guarded.content, usageOf(options.settings, input, output)) : guarded.message;
    if (reason === null) {
      outcome = { id: placeholder.id, status: 'filled', attempts: attempt, usage: usageOf(options.settings, input, output) };
      break;
    }
    options.progress(`${label}: answer refused (${reason})${attempt <= options.settings.answerRetries ? ', asking again' : ''}`);
    messages.push({ role: 'assistant', content: text }, { role: 'user', content: `That answer cannot be used: ${reason}. Write the content again, following the rules.` });
    if (attempt > options.settings.answerRetries) outcome = { id: placeholder.id, status: 'refused', attempts: attempt, usage: usageOf(options.settings, input, output), reason };
  }
  outcome ??= { id: placeholder.id, status: 'failed', attempts: options.settings.answerRetries + 1, usage: usageOf(options.settings, input, output) };
  const u = outcome.usage;
  options.progress(`${label}: ${outcome.status} — ${u.inputTokens} in, ${u.outputTokens} out${u.costUsd === null ? '' : `, $${u.costUsd.toFixed(4)}`}`);
  return outcome;
}

function usageOf(settings: AgentSettings, inputTokens: number, outputTokens: number): Usage {
  return { inputTokens, outputTokens, costUsd: costOf(settings.model, inputTokens, outputTokens, settings.prices) };
}

// Provider errors can carry request details; only their kind and status are shown (never headers or keys).
function describeError(error: unknown): string {
  const e = error as { name?: string };
  if (isTimeout(error)) return 'the model did not answer in time';
  const status = httpStatusOf(error);
  if (status !== undefined) return `the model endpoint answered HTTP ${status}`;
  if (error instanceof SpecfillError) return error.message;
  return `the call failed (${e.name ?? 'error'})`;
}

/** The errors inside an error: the SDK wraps the last one after retries (`lastError`), and others keep a `cause`. */
function* errorChain(error: unknown): Generator<{ name?: string; statusCode?: number }> {
  let current = error as { name?: string; statusCode?: number; lastError?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    yield current;
    current = (current.lastError ?? current.cause) as typeof current;
  }
}

/** The HTTP status the endpoint answered with, if the failure was one. */
function httpStatusOf(error: unknown): number | undefined {
  for (const e of errorChain(error)) if (typeof e.statusCode === 'number') return e.statusCode;
  return undefined;
}

function isTimeout(error: unknown): boolean {
  for (const e of errorChain(error)) if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  return false;
}
