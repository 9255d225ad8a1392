// A real HTTP server on loopback that speaks the Anthropic messages API with
// streaming (server-sent events), answering from a script.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnthropic {
  readonly baseURL: string;
  readonly requests: Array<{ headers: Record<string, unknown>; body: { system?: unknown; messages: unknown[] } }>;
  close(): Promise<void>;
}

/** Each request takes the next scripted text (the last one repeats); `hang` never answers. */
export async function startFakeAnthropic(script: Array<string | 'hang'>): Promise<FakeAnthropic> {
  const requests: FakeAnthropic['requests'] = [];
  let next = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
        return;
      }
      requests.push({ headers: req.headers, body: JSON.parse(body) });
      const text = script[Math.min(next++, script.length - 1)]!;
      if (text === 'hang') return;
      const event = (name: string, data: object): string => `event: ${name}\ndata: ${JSON.stringify({ type: name, ...data })}\n\n`;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(event('message_start', { message: { id: 'm', type: 'message', role: 'assistant', model: 'fake', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 120, output_tokens: 1 } } }));
      res.write(event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }));
      for (let i = 0; i < text.length; i += 9) res.write(event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: text.slice(i, i + 9) } }));
      res.write(event('content_block_stop', { index: 0 }));
      res.write(event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: Math.ceil(text.length / 4) } }));
      res.end(event('message_stop', {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
