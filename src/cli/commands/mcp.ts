import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SpecfillError } from '../../core/errors.js';
import { findProjectRoot } from '../../io/project-root.js';
import type { CliContext } from '../context.js';
import { VERSION } from '../version.js';

/** `specfill mcp [--root DIR]`: an MCP server on stdio until the client goes away. */
export async function runMcp(ctx: CliContext, opts: { root?: string }): Promise<number> {
  const root = opts.root === undefined ? findProjectRoot(ctx.cwd) : resolve(ctx.cwd, opts.root);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isDirectory) throw new SpecfillError('USAGE', `--root ${opts.root ?? root}: no such folder`, {}, 'give the folder of the project whose specs the agent may fill');
  const { serveMcpOnStdio } = await import('../../mcp/server.js');
  await serveMcpOnStdio({ root, version: VERSION, now: ctx.now, log: (line) => ctx.stderr.write(`${line}\n`) });
  return 0;
}
