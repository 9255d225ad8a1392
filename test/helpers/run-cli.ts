// Runs specfill in-process through main(), or as the built binary, and
// collects what it prints. Every test gets its own temporary project folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fixed clock so that `created:` dates are predictable. */
export const FIXED_NOW = new Date(2026, 10, 26, 12, 0, 0);

/** Runs `specfill ...args` in-process in `cwd`. */
export async function runCli(cwd: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    now: () => FIXED_NOW,
  });
  return { code, stdout, stderr };
}

/** The built binary, run as a user runs it. */
export const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'specfill.js');

/** Runs the built `specfill` binary in `cwd`. */
export function spawnCli(cwd: string, ...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A new empty project folder (with a `.git` folder so it is its own root). */
export function tempProject(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'specfill-test-'));
  mkdirSync(join(dir, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
