// Issue #5 (first part): drafting with an LLM through the fill contract,
// against a real OpenAI-compatible server on loopback.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI, type Scripted } from './helpers/fake-openai.js';
import { BIN, runCli, tempProject } from './helpers/run-cli.js';

async function draft(script: Scripted[], ...args: string[]) {
  const server = await startFakeOpenAI(script);
  const dir = tempProject();
  await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
  try {
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--agent', '--provider', 'openai-compatible', '--base-url', server.baseURL, '--model', 'gpt-4o-mini', '--json', ...args);
    return { r, dir, text: readFileSync(join(dir, 'specs', 'rate-limiter.md'), 'utf8'), server, json: r.stdout === '' ? null : JSON.parse(r.stdout) };
  } finally {
    await server.close();
  }
}

describe('fill --agent', () => {
  it('drafts in document order, each prompt with the document so far; records usage, cost and provenance', async () => {
    const { r, dir, text, server, json } = await draft([{ text: 'A limiter.' }, { text: 'Fast and fair.' }], '--only', 'overview', 'goals-and-non-goals/goals', '--brief', 'Limit API clients.');
    expect(r.code).toBe(0);
    expect(text).toContain('## Overview\n\nA limiter.\n');
    expect(text).toContain('### Goals\n\nFast and fair.\n');
    expect(server.requests).toHaveLength(2);
    const second = JSON.stringify(server.requests[1]!.messages);
    expect(second).toContain('Limit API clients.');
    expect(second).toContain('A limiter.'); // the document as filled so far
    expect(json.outcomes.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([['overview', 'filled'], ['goals-and-non-goals/goals', 'filled']]);
    expect(json.total.inputTokens).toBe(200);
    expect(json.total.costUsd).toBeCloseTo((200 * 0.15 + json.total.outputTokens * 0.6) / 1e6);
    const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8')).specs['specs/rate-limiter.md'];
    expect(provenance.overview).toMatchObject({ filler: 'agent', model: 'gpt-4o-mini', usage: json.outcomes[0].usage });
    expect(r.stderr).toContain('[1/2] overview: filled');
  });

  it('unwraps a fence around the whole answer, and keeps inner code', async () => {
    const { text } = await draft([{ text: '```markdown\nUse:\n\n```js\nlimit(100);\n```\n```' }], '--only', 'overview');
    expect(text).toContain('## Overview\n\nUse:\n\n```js\nlimit(100);\n```\n');
  });

  it('retries a refused answer with the reason, and leaves the placeholder open after the last try', async () => {
    const retried = await draft([{ text: '## Overview\n\nDup heading' }, { text: 'Fixed.' }], '--only', 'overview');
    expect(retried.r.code).toBe(0);
    expect(retried.text).toContain('## Overview\n\nFixed.\n');
    expect(JSON.stringify(retried.server.requests[1]!.messages)).toContain('That answer cannot be used');
    const never = await draft([{ text: 'TBD' }], '--only', 'overview');
    expect(never.r.code).toBe(1);
    expect(never.json.outcomes[0]).toMatchObject({ id: 'overview', status: 'refused', attempts: 3 });
    expect(never.text).toContain('<!-- AGENT_PLACEHOLDER: Provide a high-level description');
  });

  it('survives a 429 and a dropped connection', async () => {
    const { r, text } = await draft([{ status: 429 }, { drop: 'half an ans' }, { text: 'Whole answer.' }], '--only', 'overview');
    expect(r.code).toBe(0);
    expect(text).toContain('## Overview\n\nWhole answer.\n');
  }, 30_000);

  it('takes the call timeout and the HTTP retries from the config when no flag says otherwise', async () => {
    const fill = async (agent: object, script: Scripted[], ...args: string[]) => {
      const server = await startFakeOpenAI(script);
      const dir = tempProject({ 'specfill.config.json': JSON.stringify({ agent: { provider: 'openai-compatible', baseURL: server.baseURL, model: 'm', ...agent } }) });
      await runCli(dir, 'new', 'tech-spec', '--title', 'X');
      try {
        const r = await runCli(dir, 'fill', 'specs/x.md', '--agent', '--only', 'overview', '--json', ...args);
        return { r, json: JSON.parse(r.stdout), requests: server.requests.length };
      } finally {
        await server.close();
      }
    };
    // A server that never answers: the config's one second ends the call, not the default two minutes.
    const started = Date.now();
    const slow = await fill({ timeoutSeconds: 1 }, [{ hang: true }]);
    expect(slow.json.outcomes[0]).toMatchObject({ status: 'failed', reason: 'the model did not answer in time' });
    expect(Date.now() - started).toBeLessThan(20_000);
    // A 500 is asked again httpRetries times (the SDK's backoff between), then given up.
    expect((await fill({ httpRetries: 0 }, [{ status: 500 }])).requests).toBe(1);
    const once = await fill({ httpRetries: 1 }, [{ status: 500 }]);
    expect([once.requests, once.json.outcomes[0].reason]).toEqual([2, 'the model endpoint answered HTTP 500']);
    // A flag still wins over the config.
    const flagged = await fill({ timeoutSeconds: 100 }, [{ hang: true }], '--timeout', '1');
    expect(flagged.json.outcomes[0].reason).toBe('the model did not answer in time');
    // At most a day, either way (a timer cannot wait much beyond 49 days, and no call should).
    const tooLong = await runCli(tempProject(), 'fill', 'x.md', '--agent', '--timeout', '86401');
    expect([tooLong.code, tooLong.stderr]).toEqual([2, expect.stringContaining('at most 86400 (a day)')]);
    const configured = tempProject({ 'specfill.config.json': JSON.stringify({ agent: { timeoutSeconds: 5_000_000 } }), 'x.md': '# X\n' });
    const refused = await runCli(configured, 'fill', 'x.md', '--agent');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('agent.timeoutSeconds:')]);
  }, 60_000);

  it('an HTTP error from the endpoint is one clear line, and the question is not asked again', async () => {
    const { r, json, server, text } = await draft([{ status: 400 }], '--only', 'overview');
    expect(r.code).toBe(1);
    expect(json.outcomes[0]).toMatchObject({ id: 'overview', status: 'failed', attempts: 1, reason: 'the model endpoint answered HTTP 400' });
    expect(server.requests).toHaveLength(1);
    expect(r.stderr).toContain('overview: the model endpoint answered HTTP 400');
    expect(text).toContain('<!-- AGENT_PLACEHOLDER: Provide a high-level description');
    // As a process: no stack traces from the SDK's own console logging either.
    const server2 = await startFakeOpenAI([{ status: 400 }]);
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', 'X');
    try {
      const child = spawn(process.execPath, [BIN, 'fill', 'specs/x.md', '--agent', '--provider', 'openai-compatible', '--base-url', server2.baseURL, '--model', 'm', '--only', 'overview'], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('overview: the model endpoint answered HTTP 400');
      expect(stderr).not.toMatch(/APICallError|^\s+at /m);
      expect(stderr.split('\n').length).toBeLessThan(10);
    } finally {
      await server2.close();
    }
  });

  it('fails before any work on an unreachable endpoint or a missing key (exit 2), saying so without the key', async () => {
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', 'X');
    // A port nothing listens on (taken, then let go).
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await runCli(dir, 'fill', 'specs/x.md', '--agent', '--provider', 'openai-compatible', '--base-url', `http://127.0.0.1:${port}/v1`, '--model', 'm', '--json');
    expect(down.code).toBe(2);
    expect(down.stderr).toContain(`cannot reach the model endpoint http://127.0.0.1:${port}/v1: the connection was refused`);
    expect(JSON.parse(down.stdout).error.code).toBe('UNREACHABLE');
    const nokey = await runCli(dir, 'fill', 'specs/x.md', '--agent', '--provider', 'openai', '--model', 'gpt-4o');
    expect(nokey.code).toBe(2);
    expect(nokey.stderr).toContain('OPENAI_API_KEY is not set');
  });
});

describe('fill --agent with Anthropic', () => {
  it('drafts through the messages API, sends the key only as a header, and gives up on a hang after the timeout', async () => {
    const { startFakeAnthropic } = await import('./helpers/fake-anthropic.js');
    const server = await startFakeAnthropic(['Claude wrote this.', 'hang']);
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const env = { ANTHROPIC_API_KEY: 'sk-ant-secret-123' };
    try {
      const { main } = await import('../src/cli/main.js');
      let stdout = '';
      let stderr = '';
      const code = await main({
        argv: ['fill', 'specs/rate-limiter.md', '--agent', '--provider', 'anthropic', '--base-url', server.baseURL, '--model', 'claude-3-5-haiku-latest', '--only', 'overview', 'references', '--timeout', '1', '--json'],
        cwd: dir, env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) },
      });
      const text = readFileSync(join(dir, 'specs', 'rate-limiter.md'), 'utf8');
      expect(text).toContain('## Overview\n\nClaude wrote this.\n');
      expect(server.requests[0]!.headers['x-api-key']).toBe('sk-ant-secret-123');
      expect(JSON.stringify(server.requests[0]!.body.system)).toContain('You write one part of a technical specification');
      const json = JSON.parse(stdout);
      expect(json.outcomes.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([['overview', 'filled'], ['references', 'failed']]);
      expect(json.outcomes[0].usage.inputTokens).toBe(120);
      expect(code).toBe(1);
      expect(stderr).toContain('the model did not answer in time');
      for (const out of [stdout, stderr, readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8')]) expect(out).not.toContain('sk-ant-secret-123');
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('specfill draft', () => {
  it('creates the spec and drafts every placeholder; check passes and each section has a provenance entry', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => ({ text: i === 3 ? '```markdown\nThe limiter sits in the gateway.\n```' : `Specific content number ${i + 1}.` }));
    const server = await startFakeOpenAI(texts);
    const dir = tempProject({ 'brief.md': 'A rate limiter for the public API: 100 requests a minute per client.\n' });
    try {
      const r = await runCli(dir, 'draft', 'tech-spec', '--title', 'Rate limiter', '--brief', '@brief.md', '--provider', 'openai-compatible', '--base-url', server.baseURL, '--model', 'local-model', '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).remaining).toEqual([]);
      expect(server.requests).toHaveLength(20);
      expect(JSON.stringify(server.requests[0]!.messages)).toContain('100 requests a minute per client');
      const check = await runCli(dir, 'check', 'specs/rate-limiter.md', '--format', 'json');
      expect(JSON.parse(check.stdout).files[0]).toMatchObject({ completeness: 1, findings: [] });
      expect(check.code).toBe(0);
      const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8')).specs['specs/rate-limiter.md'];
      expect(Object.keys(provenance)).toHaveLength(20);
      expect(Object.values(provenance).every((e) => (e as { filler: string; model: string }).filler === 'agent' && (e as { model: string }).model === 'local-model')).toBe(true);
      expect(readFileSync(join(dir, 'specs', 'rate-limiter.md'), 'utf8')).toContain('## Architecture\n\nThe limiter sits in the gateway.\n');
      const status = JSON.parse((await runCli(dir, 'status', '--json')).stdout);
      expect(status.specs[0].machineFilled).toBe(20);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('creates nothing when the endpoint is down, and points an existing spec to fill --agent', async () => {
    const dir = tempProject({ 'brief.md': 'A rate limiter.\n' });
    const args = ['draft', 'tech-spec', '--title', 'Rate limiter', '--brief', '@brief.md', '--provider', 'openai-compatible', '--model', 'm'];
    const down = await runCli(dir, ...args, '--base-url', 'http://127.0.0.1:9/v1');
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('cannot reach the model endpoint');
    expect(existsSync(join(dir, 'specs', 'rate-limiter.md'))).toBe(false);
    // Once the spec exists, a second draft says how to go on with it (exit 1), in JSON too.
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const again = await runCli(dir, ...args, '--base-url', 'http://127.0.0.1:9/v1', '--json');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('specs/rate-limiter.md: already exists');
    expect(JSON.parse(again.stdout).error).toMatchObject({ code: 'FILE_EXISTS', path: 'specs/rate-limiter.md', hint: expect.stringContaining('specfill fill specs/rate-limiter.md --agent') });
    expect(JSON.parse(again.stdout).error.hint).not.toContain('--force');
  });
});

it('new on an existing file is refused (exit 1), with the refusal as JSON under --json', async () => {
  const dir = tempProject();
  await runCli(dir, 'new', 'tech-spec', '--title', 'X');
  const r = await runCli(dir, 'new', 'tech-spec', '--title', 'X', '--json');
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'FILE_EXISTS', path: 'specs/x.md', hint: expect.stringContaining('--force') });
});

it('fill --agent takes provider, model, base URL and prices from the config', async () => {
  const server = await startFakeOpenAI([{ text: 'From the config.' }]);
  const dir = tempProject({ 'specfill.config.yaml': `agent:\n  provider: openai-compatible\n  model: house-model\n  baseURL: ${server.baseURL}\n  prices:\n    house-model: [1, 2]\n` });
  try {
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--agent', '--only', 'overview', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.model).toBe('house-model');
    expect(json.total.costUsd).toBeCloseTo((100 * 1 + json.total.outputTokens * 2) / 1e6);
  } finally {
    await server.close();
  }
});

it('fill --agent --concurrency 4 drafts side by side and loses no answer', async () => {
  const server = await startFakeOpenAI(Array.from({ length: 20 }, (_, i) => ({ text: `Parallel answer ${i + 1}.` })));
  const dir = tempProject();
  try {
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--agent', '--provider', 'openai-compatible', '--base-url', server.baseURL, '--model', 'm', '--concurrency', '4', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.remaining).toEqual([]);
    expect(json.outcomes).toHaveLength(20);
    const text = readFileSync(join(dir, 'specs', 'rate-limiter.md'), 'utf8');
    for (let i = 1; i <= 20; i++) expect(text).toContain(`Parallel answer ${i}.`);
    const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8')).specs['specs/rate-limiter.md'];
    expect(Object.keys(provenance)).toHaveLength(20);
  } finally {
    await server.close();
  }
}, 60_000);
