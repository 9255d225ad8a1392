import { SpecfillError } from '../core/errors.js';

/**
 * Fails fast, before any work, when a model endpoint cannot be reached: any
 * HTTP answer (even 401 or 404) means it is there; a refused connection or
 * no answer in 5 s does not.
 */
export async function checkReachable(baseURL: string): Promise<void> {
  try {
    await fetch(`${baseURL.replace(/\/+$/, '')}/models`, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new SpecfillError('UNREACHABLE', `cannot reach the model endpoint ${baseURL}: ${why(error)}`, {}, 'start the server (e.g. `ollama serve`) or fix --base-url');
  }
}

/** Why a fetch failed, in words: fetch's own error only says "fetch failed". */
function why(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer within 5 s';
  const cause = e.cause;
  const code = cause?.code ?? cause?.errors?.find((x) => x.code !== undefined)?.code;
  if (code === 'ECONNREFUSED') return 'the connection was refused (is the server running, on this port?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code !== undefined) return code;
  return cause?.message ?? e.message ?? String(error);
}
