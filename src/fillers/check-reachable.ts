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
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new SpecfillError('USAGE', `cannot reach the model endpoint ${baseURL} (${cause})`, {}, 'start the server (e.g. `ollama serve`) or fix --base-url');
  }
}
