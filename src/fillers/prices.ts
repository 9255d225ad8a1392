/** US dollars per million tokens, input and output. Built-in defaults; config `agent.prices` overrides. */
export const DEFAULT_PRICES: Readonly<Record<string, readonly [input: number, output: number]>> = {
  'gpt-4o': [2.5, 10],
  'gpt-4o-mini': [0.15, 0.6],
  'gpt-4.1': [2, 8],
  'gpt-4.1-mini': [0.4, 1.6],
  'claude-3-5-haiku-latest': [0.8, 4],
  'claude-sonnet-4-0': [3, 15],
};

/** Estimated cost of a call, or null when the model's price is not known (never a guess). */
export function costOf(model: string, inputTokens: number, outputTokens: number, prices = DEFAULT_PRICES): number | null {
  const price = prices[model];
  if (price === undefined) return null;
  return (inputTokens * price[0] + outputTokens * price[1]) / 1_000_000;
}
