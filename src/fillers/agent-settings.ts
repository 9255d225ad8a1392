import { SpecfillError } from '../core/errors.js';
import { DEFAULT_PRICES } from './prices.js';

/** The providers specfill drafts with. `openai-compatible` covers Ollama, llama.cpp server, vLLM and LM Studio. */
export type ProviderName = 'openai-compatible' | 'openai' | 'anthropic';

/** Where and how to reach a model. The API key never leaves this object but for the provider client. */
export interface AgentSettings {
  readonly provider: ProviderName;
  readonly model: string;
  readonly baseURL?: string;
  readonly apiKey?: string;
  /** Per call, in milliseconds (default 120 s). */
  readonly timeoutMs: number;
  /** HTTP retries with backoff on 429 and 5xx (default 3; the config's `agent.httpRetries`). */
  readonly maxRetries: number;
  /** Further attempts when an answer is refused, with the reason fed back (default 2). */
  readonly answerRetries: number;
  /** Prices by model (US dollars per million tokens in, out), over the built-in table. */
  readonly prices: Readonly<Record<string, readonly [number, number]>>;
}

/** Agent settings from flags, then the config's `agent` section, then the environment. */
export interface AgentSettingsInput {
  readonly provider?: string;
  readonly model?: string;
  readonly baseURL?: string;
  readonly timeoutMs?: number;
  readonly answerRetries?: number;
  readonly httpRetries?: number;
}

const PROVIDERS: readonly ProviderName[] = ['openai-compatible', 'openai', 'anthropic'];

/**
 * Resolves which model to call: flags first, then the config, then
 * SPECFILL_PROVIDER / SPECFILL_MODEL / SPECFILL_BASE_URL. Keys come from the
 * environment only (OPENAI_API_KEY, ANTHROPIC_API_KEY, or SPECFILL_API_KEY for
 * an OpenAI-compatible server). A missing piece is one clear error before any
 * work starts.
 */
export function resolveAgentSettings(
  flags: AgentSettingsInput,
  config: AgentSettingsInput,
  env: Readonly<Record<string, string | undefined>>,
  prices: Readonly<Record<string, readonly [number, number]>> = {},
): AgentSettings {
  const provider = (flags.provider ?? config.provider ?? env.SPECFILL_PROVIDER ?? (flags.baseURL ?? config.baseURL ?? env.SPECFILL_BASE_URL ? 'openai-compatible' : undefined)) as ProviderName | undefined;
  if (provider === undefined) {
    throw new SpecfillError('USAGE', 'no model provider chosen', {}, 'pass --provider openai-compatible|openai|anthropic (and --model), or set SPECFILL_PROVIDER; see docs/agents.md');
  }
  if (!PROVIDERS.includes(provider)) throw new SpecfillError('USAGE', `unknown provider \`${provider}\`; use one of ${PROVIDERS.join(', ')}`);
  const model = flags.model ?? config.model ?? env.SPECFILL_MODEL;
  if (model === undefined || model === '') throw new SpecfillError('USAGE', 'no model chosen', {}, 'pass --model NAME or set SPECFILL_MODEL');
  const baseURL = flags.baseURL ?? config.baseURL ?? env.SPECFILL_BASE_URL;
  if (provider === 'openai-compatible' && baseURL === undefined) {
    throw new SpecfillError('USAGE', 'an OpenAI-compatible provider needs a base URL', {}, 'pass --base-url http://127.0.0.1:11434/v1 (Ollama) or set SPECFILL_BASE_URL');
  }
  const apiKey = provider === 'anthropic' ? env.ANTHROPIC_API_KEY : provider === 'openai' ? env.OPENAI_API_KEY : env.SPECFILL_API_KEY ?? env.OPENAI_API_KEY;
  if ((provider === 'openai' || provider === 'anthropic') && (apiKey === undefined || apiKey === '') && baseURL === undefined) {
    const name = provider === 'anthropic' ? 'ANTHROPIC_API_KEY' : 'OPENAI_API_KEY';
    throw new SpecfillError('USAGE', `${name} is not set`, {}, `export ${name}=... (keys are read from the environment only)`);
  }
  return {
    provider,
    model,
    ...(baseURL === undefined ? {} : { baseURL }),
    ...(apiKey === undefined || apiKey === '' ? {} : { apiKey }),
    timeoutMs: flags.timeoutMs ?? config.timeoutMs ?? 120_000,
    maxRetries: flags.httpRetries ?? config.httpRetries ?? 3,
    answerRetries: flags.answerRetries ?? config.answerRetries ?? 2,
    prices: { ...DEFAULT_PRICES, ...prices },
  };
}
