import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { confine } from '../io/confine-path.js';
import type { McpProject } from './project.js';
import { SpecfillError } from '../core/errors.js';

/**
 * The longest spec a resource read sends whole. Resources have no paging, and
 * the SDK's stdio transport drops the connection on a message over 10 MiB (a
 * text escaped in JSON may take up to six bytes a character).
 */
const MAX_RESOURCE_CHARACTERS = 1024 * 1024;

/** MCP's error code for a resource that does not exist (the SDK's enum has none). */
const RESOURCE_NOT_FOUND = -32002;

/**
 * A JSON-RPC error with its code and data, its message as given: the SDK's
 * McpError prefixes its own "MCP error N:", which the client then prefixes again.
 */
function protocolError(code: number, message: string, data: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { code, data });
}

/**
 * `spec://{path}` for every spec (its Markdown, to attach as context), and the
 * `fill-spec` prompt that walks an agent through list, context, fill, check.
 */
export function registerResourcesAndPrompts(server: McpServer, project: McpProject): void {
  server.registerResource('spec', new ResourceTemplate('spec://{+path}', {
    list: async () => {
      const config = await project.config();
      const found = await project.specFiles(config);
      const resources = [];
      for (const absolute of found.files) {
        let path: string;
        try {
          path = confine(project.root, absolute, { mustExist: true }).relative;
        } catch {
          continue; // a link out of the root is not listed
        }
        resources.push({ uri: `spec://${path.split('/').map(encodeURIComponent).join('/')}`, name: path, mimeType: 'text/markdown' });
      }
      return { resources };
    },
  }), { description: 'A spec\'s Markdown', mimeType: 'text/markdown' }, async (uri, variables) => {
    const raw = Array.isArray(variables.path) ? variables.path.join('/') : String(variables.path ?? '');
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      throw protocolError(RESOURCE_NOT_FOUND, `FILE_NOT_FOUND: not a valid spec URI: ${uri.href}`, { code: 'FILE_NOT_FOUND', uri: uri.href, hint: 'use a URI from the resource list' });
    }
    // Decoded once, then confined like every other path: %2e%2e%2f is refused here as ../ is.
    try {
      const { file, source } = await project.read(path);
      if (source.length > MAX_RESOURCE_CHARACTERS) {
        throw protocolError(ErrorCode.InternalError, `REPLY_TOO_LARGE: ${file.relative} has ${source.length} characters, more than a resource read sends (${MAX_RESOURCE_CHARACTERS})`,
          { code: 'REPLY_TOO_LARGE', uri: uri.href, hint: 'read it in parts with the get_spec tool and its offset' });
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: source, _meta: { path: file.relative } }] };
    } catch (error) {
      if (!(error instanceof SpecfillError)) throw error;
      // A protocol error an agent can act on: MCP's "resource not found", or invalid params, with specfill's code.
      const missing = ['FILE_NOT_FOUND', 'NOT_A_SPEC', 'NOT_MARKDOWN', 'IS_DIRECTORY', 'NOT_A_FILE'].includes(error.code);
      const code = missing ? RESOURCE_NOT_FOUND : error.code === 'OUTSIDE_ROOT' ? ErrorCode.InvalidParams : ErrorCode.InternalError;
      throw protocolError(code, `${error.code}: ${error.placed()}`, { code: error.code, uri: uri.href, ...(error.hint === undefined ? {} : { hint: error.hint }) });
    }
  });

  server.registerPrompt('fill-spec', {
    description: 'Fill the open placeholders of a spec, safely, then check it.',
    argsSchema: { path: z.string().describe('spec path, relative to the project root') },
  }, ({ path }) => ({
    messages: [{
      role: 'user',
      content: {
        type: 'text',
        text: [
          `Fill the open placeholders of the spec ${path} with specfill's tools, one at a time:`,
          `1. Call list_placeholders with path "${path}" for the open ids and the file hash.`,
          '2. For each id, call get_placeholder_context and read the instruction, the template guidance, the neighbouring sections and the brief.',
          '3. Write specific, real content for that section only: no heading at or above the section\'s level, no front matter, no "TBD".',
          '4. Call fill_placeholder with the path, the id, your content and the latest hash as expectedHash. Use the hash it returns for the next fill.',
          '   On STALE, call list_placeholders again and retry; on INVALID_CONTENT, follow the hint and rewrite.',
          `5. When no placeholder is left, call check_spec with path "${path}" and fix what it reports.`,
        ].join('\n'),
      },
    }],
  }));
}
