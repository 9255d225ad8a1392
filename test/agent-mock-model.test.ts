// Issue #5 at the unit level: the drafting loop with the AI SDK's mock model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { fillWithAgent } from '../src/fillers/agent.js';
import { resolveAgentSettings } from '../src/fillers/agent-settings.js';
import { runCli, tempProject } from './helpers/run-cli.js';

function answering(...texts: string[]): MockLanguageModelV3 {
  let call = 0;
  return new MockLanguageModelV3({
    doStream: async () => {
      const text = texts[Math.min(call++, texts.length - 1)]!;
      return {
        stream: simulateReadableStream({
          chunks: [
            { type: 'stream-start', warnings: [] },
            { type: 'text-start', id: 't' },
            ...(text.match(/[\s\S]{1,5}/g) ?? []).map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
            { type: 'text-end', id: 't' },
            {
              type: 'finish',
              finishReason: { unified: 'stop', raw: 'stop' },
              usage: { inputTokens: { total: 50, noCache: 50, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 10, text: 10, reasoning: 0 } },
            },
          ],
        }),
      };
    },
  });
}

const settings = resolveAgentSettings({ provider: 'openai-compatible', model: 'gpt-4o-mini', baseURL: 'http://unused.invalid/v1' }, {}, {});

async function spec(): Promise<{ dir: string; path: string }> {
  const dir = tempProject();
  await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
  return { dir, path: join(dir, 'specs', 'rate-limiter.md') };
}

describe('fillWithAgent with a mock model', () => {
  it('refuses answers that add placeholders or are empty, retries, and counts every attempt\'s tokens', async () => {
    const { dir, path } = await spec();
    const model = answering('Text <!-- AGENT_PLACEHOLDER: more -->', '', 'Good answer.');
    const lines: string[] = [];
    const result = await fillWithAgent({ path, shown: 'rate-limiter.md', root: dir, settings, model, only: ['overview'], progress: (l) => lines.push(l) });
    expect(result.outcomes).toEqual([{ id: 'overview', status: 'filled', attempts: 3, usage: { inputTokens: 150, outputTokens: 30, costUsd: (150 * 0.15 + 30 * 0.6) / 1e6 } }]);
    expect(readFileSync(path, 'utf8')).toContain('## Overview\n\nGood answer.\n');
    expect(lines.some((l) => l.includes('answer refused') && l.includes('AGENT_PLACEHOLDER'))).toBe(true);
    expect(lines.some((l) => l.includes('the answer is empty'))).toBe(true);
    expect(model.doStreamCalls).toHaveLength(3);
  });

  it('refuses an answer that would switch rules of check off, and retries with the reason', async () => {
    const { dir, path } = await spec();
    const model = answering('An overview.\n\n<!-- specfill-disable-next-line -->', 'An overview.');
    const lines: string[] = [];
    const result = await fillWithAgent({ path, shown: 'rate-limiter.md', root: dir, settings, model, only: ['overview'], progress: (l) => lines.push(l) });
    expect(result.outcomes.map((o) => [o.id, o.status, o.attempts])).toEqual([['overview', 'filled', 2]]);
    expect(readFileSync(path, 'utf8')).not.toContain('specfill-disable');
    expect(lines.some((l) => l.includes('answer refused') && l.includes('suppression comment'))).toBe(true);
  });

  it('stops at once when aborted, keeping what was written', async () => {
    const { dir, path } = await spec();
    const controller = new AbortController();
    const model = answering('First.', 'Second.');
    const result = await fillWithAgent({
      path, shown: 'x', root: dir, settings, model, signal: controller.signal,
      progress: (l) => {
        if (l.includes(': filled')) controller.abort();
      },
    });
    expect(result.outcomes.map((o) => o.status)).toEqual(['filled']);
    expect(result.remaining).toHaveLength(19);
    expect(readFileSync(path, 'utf8')).toContain('## Overview\n\nFirst.\n');
  });
});

it('a dry run drafts into memory and writes nothing', async () => {
  const { dir, path } = await spec();
  const before = readFileSync(path, 'utf8');
  const result = await fillWithAgent({ path, shown: 'specs/rate-limiter.md', root: dir, settings, model: answering('Drafted.'), only: ['overview', 'references'], dryRun: true, progress: () => undefined });
  expect(result.outcomes.map((o) => o.status)).toEqual(['filled', 'filled']);
  expect(readFileSync(path, 'utf8')).toBe(before);
  expect(result.diff).toContain('+Drafted.');
  expect(result.diff).toContain('-<!-- AGENT_PLACEHOLDER: Include any relevant references or links -->');
  expect(result.remaining).toHaveLength(18);
});
