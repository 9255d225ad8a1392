import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { McpProject } from './project.js';
import { registerReadTools } from './read-tools.js';
import { registerResourcesAndPrompts } from './resources-and-prompts.js';
import { registerWriteTools } from './write-tools.js';

/** Options of {@link createMcpServer}. */
export interface McpServerOptions {
  /** The project root: no file outside it is read or written. */
  readonly root: string;
  readonly version: string;
  readonly now?: () => Date;
}

const INSTRUCTIONS = 'specfill fills Markdown specs written from templates. Address placeholders by id, '
  + 'fill them with fill_placeholder and the file hash you read (refused if the file changed), then run check_spec. '
  + 'Never edit the spec files directly.';

/** An MCP server with specfill's tools, resources and prompt, not yet connected. */
export function createMcpServer(options: McpServerOptions): McpServer {
  const project = new McpProject(options.root);
  const server = new McpServer({ name: 'specfill', version: options.version }, { instructions: INSTRUCTIONS });
  registerReadTools(server, project);
  registerWriteTools(server, project, options.now ?? (() => new Date()));
  registerResourcesAndPrompts(server, project);
  return server;
}

/** Serves MCP on stdin/stdout until the client closes the connection. Logs go to stderr only. */
export async function serveMcpOnStdio(options: McpServerOptions & { log: (line: string) => void }): Promise<void> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  options.log(`specfill mcp: serving ${options.root} on stdio`);
  await closed;
  await server.close();
}
