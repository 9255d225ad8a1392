// A real HTTP server on loopback that speaks the OpenAI chat-completions API
// (streaming, with usage), answering from a script, for the LLM tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted = { text: string } | { status: number } | { drop: string } | { hang: true };

export interface FakeOpenAI {
  readonly baseURL: string;
  /** Request bodies received, in order. */
  readonly requests: Array<{ messages: Array<{ role: string; content: unknown }> }>;
  close(): Promise<void>;
}

/** Starts the server; each chat request takes the next scripted answer (the last one repeats). */
export async function startFakeOpenAI(script: Scripted[]): Promise<FakeOpenAI> {
  const requests: FakeOpenAI['requests'] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.method === 'GET' && req.url?.endsWith('/models')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
        return;
      }
      requests.push(JSON.parse(body));
      const step = script[Math.min(next++, script.length - 1)]!;
      // Never answers: the client's timeout must end the call.
      if ('hang' in step) return;
      if ('status' in step) {
        res.writeHead(step.status, { 'content-type': 'application/json' }).end('{"error":{"message":"scripted failure"}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = (delta: object, finish: string | null = null): string =>
        `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      if ('drop' in step) {
        res.write(chunk({ role: 'assistant', content: step.drop }));
        res.socket?.destroy();
        return;
      }
      res.write(chunk({ role: 'assistant', content: '' }));
      for (let i = 0; i < step.text.length; i += 7) res.write(chunk({ content: step.text.slice(i, i + 7) }));
      res.write(chunk({}, 'stop'));
      res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'fake', choices: [], usage: { prompt_tokens: 100, completion_tokens: Math.ceil(step.text.length / 4), total_tokens: 100 + Math.ceil(step.text.length / 4) } })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
