import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SpecfillError } from '../../core/errors.js';
import { loadConfig } from '../../io/load-config.js';
import { findProjectRoot } from '../../io/project-root.js';
import type { CliContext } from '../context.js';

/** Options of `specfill serve`. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly open?: boolean;
}

/** The project folder a web command works on: DIR if given, else the project root of the working folder. */
export function siteRoot(ctx: CliContext, dir: string | undefined): string {
  const root = dir === undefined ? findProjectRoot(ctx.cwd) : resolve(ctx.cwd, dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isDirectory) throw new SpecfillError('USAGE', `${dir ?? root}: no such folder`, {}, 'give the folder of the project whose specs to show');
  return root;
}

/** `specfill serve [DIR]`: the web UI until Ctrl-C. */
export async function runServe(ctx: CliContext, dir: string | undefined, opts: ServeOptions): Promise<number> {
  const root = siteRoot(ctx, dir);
  // A config that cannot be used is said once, at the start, as every other command says it (exit 2).
  await loadConfig(root, ctx.cwd);
  const { startWebServer, isLoopback } = await import('../../web/serve.js');
  let server;
  try {
    server = await startWebServer({ root, host: opts.host, port: opts.port, now: ctx.now });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new SpecfillError('USAGE', `port ${opts.port} is in use`, {}, 'choose another with --port N (0 picks a free one)');
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new SpecfillError('USAGE', `cannot listen on ${opts.host}`, {}, 'use --host 127.0.0.1 (the default)');
    throw error;
  }
  if (!isLoopback(opts.host)) {
    ctx.stderr.write(ctx.color.yellow(`specfill serve: warning: listening on ${opts.host}, not only on this machine: anyone who can reach it and load the page can edit the specs in ${root}\n`));
  }
  ctx.stdout.write(`specfill serve: ${server.url} (${root}); Ctrl-C to stop\n`);
  if (opts.open) openBrowser(server.url);
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    spawn(command as string, args as string[], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    // No browser to open: the URL is printed.
  }
}
