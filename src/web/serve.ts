import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createWebApp } from './web-app.js';

/** Options of {@link startWebServer}. */
export interface StartWebServerOptions {
  readonly root: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly now?: () => Date;
}

/** A running server. */
export interface RunningWebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Whether a host name or address keeps the server to this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\./.test(host);
}

/** Starts `specfill serve`'s web UI. */
export function startWebServer(options: StartWebServerOptions): Promise<RunningWebServer> {
  let port = options.port;
  // On loopback only these Host headers are served: a foreign name resolving here (DNS rebinding) is refused.
  const name = options.host.includes(':') ? `[${options.host}]` : options.host;
  const allowedHosts = (): string[] => (isLoopback(options.host) ? [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${name}:${port}`] : []);
  const web = createWebApp({ root: options.root, allowedHosts, now: options.now });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: web.app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      port = info.port;
      const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${shown}:${port}/`,
        port,
        close: () => new Promise<void>((done) => {
          web.close();
          server.close(() => done());
          // Open event streams would otherwise hold the server open.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once('error', (error) => {
      // The file watcher would keep the process alive after a failed start.
      web.close();
      reject(error);
    });
  });
}
