// A real MCP client (the SDK's) talking to `specfill mcp` spawned as a
// subprocess over stdio, as a coding agent runs it.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { BIN } from './run-cli.js';

/** A connected client and what the server wrote to stderr. */
export interface McpSession {
  readonly client: Client;
  stderr(): string;
  close(): Promise<void>;
}

/** Spawns `specfill mcp --root ROOT` and connects to it. */
export async function connectMcp(root: string, cwd: string = root): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--root', root],
    cwd,
    stderr: 'pipe',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'specfill-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** Calls a tool; returns its structured result and whether it failed. */
export async function callTool(session: McpSession, name: string, args: Record<string, unknown> = {}): Promise<{ isError: boolean; data: any; text: string }> {
  const result = await session.client.callTool({ name, arguments: args });
  const content = result.content as Array<{ type: string; text: string }>;
  return { isError: result.isError === true, data: result.structuredContent, text: content.map((c) => c.text).join('\n') };
}
