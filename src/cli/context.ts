import { sep } from 'node:path';
import pc from 'picocolors';
import type { SpecfillError } from '../core/errors.js';

/** A stream the CLI writes to; `process.stdout` is one, and so is a test's buffer. */
export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything a command needs from the outside world, injected so tests run in-process. */
export interface CliContext {
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Keys for interactive prompts. */
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The current time (injectable for tests). */
  readonly now: () => Date;
  /** Colour functions: real on a TTY, identity elsewhere or with NO_COLOR (see {@link colorsFor}). */
  readonly color: ReturnType<typeof pc.createColors>;
}

/**
 * Colours when writing to a terminal (not `TERM=dumb`), and as most tools
 * read the environment: `FORCE_COLOR` wins either way (`0` or `false` is
 * off, any other value on), then a non-empty `NO_COLOR` (no-color.org) is off.
 */
export function colorsFor(stream: OutputStream, env: CliContext['env']): CliContext['color'] {
  return pc.createColors(wantsColor(stream.isTTY === true, env));
}

/** Whether output to a terminal (`tty`) or elsewhere is coloured, by the environment. */
export function wantsColor(tty: boolean, env: CliContext['env']): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return tty && env.TERM !== 'dumb';
}

/** Writes one JSON document and a newline. */
export function writeJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Path for display: relative to the working directory, `/`-separated. */
export function displayPath(ctx: CliContext, absolute: string, relativeFn: (from: string, to: string) => string): string {
  const rel = relativeFn(ctx.cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** Writes a failure as the JSON document `--json` promises: `{error: {code, message, path, line, column, hint}}`. */
export function writeErrorJson(ctx: CliContext, error: SpecfillError): void {
  const { path, line, column } = error.location;
  writeJson(ctx, { error: { code: error.code, message: error.message, path, line, column, hint: error.hint } });
}
