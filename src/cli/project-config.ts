import type { Config } from '../core/config.js';
import { findProjectRoot } from '../io/project-root.js';
import type { CliContext } from './context.js';

/** The project a command runs in: its root and its config. */
export interface ProjectConfig {
  readonly root: string;
  readonly config: Config;
}

/**
 * The project root of the working folder and its config (defaults when it
 * has none). Every command that reads a spec takes its limits from here, so
 * that `maxFileBytes` in the config, which the "file too large" message
 * points to, holds for each of them. A broken config is an error (exit 2).
 */
export async function projectConfig(ctx: CliContext): Promise<ProjectConfig> {
  const root = findProjectRoot(ctx.cwd);
  // Loaded when a command needs it: `--version` and `--help` stay quick.
  const { loadConfig } = await import('../io/load-config.js');
  return { root, config: (await loadConfig(root, ctx.cwd)).config };
}
