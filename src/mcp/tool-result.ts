import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SpecfillError } from '../core/errors.js';

/**
 * The codes an agent can act on. The first five are the contract of the MCP
 * tools; other failures carry specfill's own error code (`BINARY_FILE`,
 * `INVALID_CONFIG`, …) with its message.
 */
export type ToolErrorCode = 'STALE' | 'NOT_FOUND' | 'INVALID_CONTENT' | 'NOT_INITIALIZED' | 'ALREADY_EXISTS' | 'OUT_OF_RANGE' | 'REPLY_TOO_LARGE' | SpecfillError['code'];

/** A failure a tool reports as its result (`isError: true`), never as a protocol error. */
export class ToolError extends Error {
  constructor(readonly code: ToolErrorCode, message: string, readonly hint: string) {
    super(message);
  }
}

/**
 * The longest JSON text a reply carries, in UTF-8 bytes. The SDK's stdio
 * transport closes the connection on a message over 10 MiB, and a reply holds
 * its data twice (the text, escaped once more, and `structuredContent`): a
 * reply over this is refused with a failure the agent can act on, so that the
 * session lives.
 */
export const MAX_REPLY_BYTES = 3 * 1024 * 1024;

/** A successful result: the data as JSON text (for clients that read text) and as `structuredContent`. */
export function toolResult(data: Record<string, unknown>): CallToolResult {
  const text = JSON.stringify(data, null, 2);
  // Bytes are at most three per character: only a long text needs counting.
  if (text.length * 3 > MAX_REPLY_BYTES && Buffer.byteLength(text) > MAX_REPLY_BYTES) {
    return toolFailure(new ToolError('REPLY_TOO_LARGE', `the reply would be ${Buffer.byteLength(text)} bytes of JSON, more than an MCP message over stdio can safely carry (${MAX_REPLY_BYTES})`,
      'ask for less: list_specs filtered by status or template, or a spec\'s text through get_spec, in parts'));
  }
  return { content: [{ type: 'text', text }], structuredContent: data };
}

/** A failed result with its stable code and a hint that tells the agent what to do next. */
export function toolFailure(error: unknown): CallToolResult {
  const e = asToolError(error);
  return {
    isError: true,
    content: [{ type: 'text', text: `${e.code}: ${e.message}\nhint: ${e.hint}` }],
    structuredContent: { error: { code: e.code, message: e.message, hint: e.hint } },
  };
}

/** Runs a tool's body, turning every failure into a tool result. */
export async function runTool(body: () => Promise<Record<string, unknown>> | Record<string, unknown>): Promise<CallToolResult> {
  try {
    return toolResult(await body());
  } catch (error) {
    return toolFailure(error);
  }
}

function asToolError(error: unknown): ToolError {
  if (error instanceof ToolError) return error;
  if (error instanceof SpecfillError) {
    const where = error.location.path === undefined ? '' : `${error.location.path}${error.location.line === undefined ? '' : `:${error.location.line}`}: `;
    const message = `${where}${error.message}`;
    switch (error.code) {
      case 'CONFLICT':
        return new ToolError('STALE', message, 'the file changed since you read it: call list_placeholders (or get_spec) for the current hash and ids, then fill again');
      case 'FILE_NOT_FOUND':
      case 'IS_DIRECTORY':
      case 'NOT_A_FILE':
      case 'NOT_MARKDOWN':
      case 'NOT_A_SPEC':
        return new ToolError('NOT_FOUND', message, error.code === 'NOT_A_SPEC' && error.hint !== undefined ? `${error.hint}; call list_specs for the paths of the specs` : 'call list_specs for the paths of the specs');
      case 'OUTSIDE_ROOT':
        return new ToolError('OUTSIDE_ROOT', message, error.hint ?? 'use a path inside the project root');
      case 'INVALID_ANSWERS':
        return new ToolError('NOT_FOUND', message, 'call list_placeholders for the open ids');
      case 'UNKNOWN_TEMPLATE':
        return new ToolError('NOT_FOUND', message, 'call list_templates for the template ids');
      case 'REFUSED':
        return new ToolError('REFUSED', message, 'fix what check reports (check_spec), choose a status the lifecycle allows, or pass force with a reason a person gave you');
      case 'FILE_EXISTS':
        return new ToolError('ALREADY_EXISTS', message, 'choose another path, or open the existing spec with get_spec');
      default:
        return new ToolError(error.code, message, error.hint ?? 'fix the file named in the message, then call the tool again');
    }
  }
  // A bug of ours: say so plainly rather than hide it.
  return new ToolError('READ_FAILED', `internal error: ${(error as Error)?.message ?? String(error)}`, 'report this to the specfill maintainers');
}
