import { randomBytes } from 'node:crypto';
import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { dirname, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { createSpecSource, isoDate } from '../core/create-spec.js';
import { SpecfillError } from '../core/errors.js';
import { lifecycleOf } from '../core/lifecycle.js';
import { slugify } from '../core/slug.js';
import { confine } from '../io/confine-path.js';
import { confineSpec } from '../io/confine-spec.js';
import { loadConfig } from '../io/load-config.js';
import { fileHash, fillFile } from '../io/fill-file.js';
import { readTextFileSync, rereadLimit } from '../io/read-text-file.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { dashboardPage } from './dashboard-page.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { serverLinks } from './links.js';
import { newSpecPage } from './new-spec-page.js';
import { renderMarkdown } from './render-markdown.js';
import { SiteData } from './site-data.js';
import { defaultSpecPath } from '../io/path-glob.js';
import { specPage } from './spec-page.js';
import { readWebAsset, WEB_ASSETS } from './web-assets.js';

/** Options of {@link createWebApp}. */
export interface WebAppOptions {
  /** The project root: nothing outside it is read or written. */
  readonly root: string;
  /** Host headers accepted (`127.0.0.1:4321`, …); empty accepts any (a server bound to a non-loopback address). */
  readonly allowedHosts: () => readonly string[];
  readonly now?: () => Date;
}

/** A running web app's parts the server needs. */
export interface WebApp {
  readonly app: Hono;
  /** The per-process token write requests must carry. */
  readonly token: string;
  /** Stops watching the files. */
  close(): void;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * The web UI: dashboard, spec pages with fill forms, the new-spec form, a
 * JSON API for the client script, and server-sent events when files change.
 * Reads go through the project confinement; writes need the per-process
 * token and a same-origin request, and go through the fill contract (hash
 * precondition, atomic write, provenance `web`).
 */
export function createWebApp(options: WebAppOptions): WebApp {
  const { root } = options;
  const token = randomBytes(24).toString('base64url');
  const links = serverLinks();
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(path: string) => void>();
  // Only the project's specs are announced, by the gate every page and API
  // call passes (the config read when a file changes): not what its `ignore`
  // matches, nor a hidden file, unless its `specs` name the hidden folder.
  const watcher = watchMarkdown(root, (path) => {
    void loadConfig(root).then(({ config }) => {
      try {
        confineSpec(root, config, path, { mustExist: false });
      } catch {
        return;
      }
      listeners.forEach((l) => l(path));
    }, () => undefined);
  });

  const app = new Hono();
  app.use('*', async (c, next) => {
    const allowed = options.allowedHosts();
    const host = c.req.header('host') ?? '';
    // DNS rebinding: a page on another name that resolves here must not read or write specs.
    if (allowed.length > 0 && !allowed.includes(host)) return c.text('unknown host', 403);
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET') {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const host = c.req.header('host');
      if (c.req.header('x-specfill-token') !== token) return c.json({ error: 'FORBIDDEN', message: 'missing or wrong token: reload the page' }, 403);
      if (origin === undefined || origin !== `http://${host}` || (site !== undefined && site !== 'same-origin')) {
        return c.json({ error: 'FORBIDDEN', message: 'cross-origin request refused' }, 403);
      }
      if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return c.json({ error: 'BAD_REQUEST', message: 'send JSON' }, 415);
    }
    await next();
  });

  // A failure of specfill's own (a config broken while the server runs) is a page
  // that says what is wrong; anything else a plain 500, without the stack.
  app.onError((error, c) => {
    if (error instanceof SpecfillError) return failurePage(c, error);
    console.error(`specfill serve: ${c.req.method} ${c.req.path}: ${error.message}`);
    return c.text('Internal Server Error', 500);
  });

  app.get('/', async (c) => {
    const site = await SiteData.load(root);
    const { rows, errors } = await site.dashboard();
    return c.html(dashboardPage(rows, errors, links, token).value);
  });

  app.get('/spec/*', async (c) => {
    const site = await SiteData.load(root);
    let path: string;
    try {
      path = c.req.path.slice('/spec/'.length).split('/').map(decodeURIComponent).join('/');
    } catch {
      return errorPage(c, 404, 'Not found', 'That address names no spec.');
    }
    if (path === '') return errorPage(c, 404, 'Not found', 'That address names no spec.');
    try {
      return c.html(specPage(site.spec(path), links, token).value);
    } catch (error) {
      return failurePage(c, error);
    }
  });

  app.get('/new', async (c) => {
    const site = await SiteData.load(root);
    return c.html(newSpecPage(site.registry.list(), links, token).value);
  });

  app.get('/assets/:name', (c) => {
    const name = c.req.param('name');
    const type = WEB_ASSETS[name];
    if (type === undefined) return c.text('not found', 404);
    return c.body(readWebAsset(name), 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  });

  app.post('/api/preview', async (c) => {
    const body = await readJson(c);
    if (typeof body?.markdown !== 'string') return c.json({ error: 'BAD_REQUEST', message: 'expected {markdown}' }, 400);
    return c.json({ html: renderMarkdown(body.markdown) });
  });

  app.post('/api/fill', async (c) => {
    const body = await readJson(c);
    const { path, id, content, expectedHash, match } = body ?? {};
    if (![path, id, content, expectedHash].every((v) => typeof v === 'string')) {
      return c.json({ error: 'BAD_REQUEST', message: 'expected {path, id, content, expectedHash}' }, 400);
    }
    // The page names the placeholder by section and instruction too, since ids shift when one before it is filled.
    const m = match as { sectionId?: unknown; instruction?: unknown } | undefined;
    const byPlace = m !== undefined && m !== null && typeof m === 'object' && (typeof m.sectionId === 'string' || m.sectionId === null) && typeof m.instruction === 'string'
      ? { sectionId: m.sectionId as string | null, instruction: m.instruction }
      : undefined;
    let maxFileBytes: number | undefined;
    try {
      const { config } = await loadConfig(root);
      maxFileBytes = config.maxFileBytes;
      const file = confineSpec(root, config, path as string, { mustExist: true });
      const result = await fillFile(file.absolute, {
        answers: [{ id: id as string, content: content as string, ...(byPlace === undefined ? {} : { match: byPlace }) }],
        filler: 'web',
        root,
        now,
        displayPath: file.relative,
        expectedHash: expectedHash as string,
        requireOpen: byPlace === undefined ? [id as string] : [],
        maxFileBytes: config.maxFileBytes,
      });
      const refusal = result.refused[0];
      if (refusal?.reason === 'unknown-id') {
        return c.json({ error: 'GONE', message: 'this placeholder was filled or removed meanwhile; your text is kept here' }, 409);
      }
      if (refusal !== undefined) return c.json({ error: 'INVALID_CONTENT', message: refusal.message }, 422);
      return c.json({ path: file.relative, filled: id, hash: result.hash, remaining: result.remaining });
    } catch (error) {
      if (error instanceof SpecfillError && error.code === 'CONFLICT') {
        const current = currentHash(root, path as string, maxFileBytes);
        return c.json({ error: 'STALE', message: 'the spec changed on disk since this page was loaded', currentHash: current }, 409);
      }
      return apiFailure(c, error);
    }
  });

  app.post('/api/new', async (c) => {
    const body = await readJson(c);
    const title = typeof body?.title === 'string' ? body.title.trim() : '';
    if (typeof body?.template !== 'string' || title === '') return c.json({ error: 'BAD_REQUEST', message: 'choose a template and give a title' }, 400);
    try {
      const site = await SiteData.load(root);
      const template = site.registry.get(body.template);
      const name = slugify(title);
      if (name === '') return c.json({ error: 'BAD_REQUEST', message: 'the title gives no usable file name' }, 400);
      const file = confineSpec(root, site.config, defaultSpecPath(site.config.specs, name), { mustExist: false });
      const owners = typeof body.owners === 'string' ? body.owners.split(',').map((o: string) => o.trim()).filter((o: string) => o !== '') : [];
      const content = createSpecSource(template, { title, owners, created: isoDate(now()), status: lifecycleOf(site.config).statuses[0] });
      mkdirSync(dirname(file.absolute), { recursive: true });
      try {
        await writeFileAtomic(file.absolute, content, { overwrite: false, displayPath: file.relative });
      } catch (error) {
        // The CLI's hint (--force, --out) means nothing here: say what to do in the page.
        if (!(error instanceof SpecfillError && error.code === 'FILE_EXISTS')) throw error;
        return c.json({ error: 'FILE_EXISTS', message: `${file.relative} already exists: give another title, or open the existing spec`, url: links.spec(file.relative) }, 409);
      }
      return c.json({ path: file.relative, url: links.spec(file.relative), hash: fileHash(content) });
    } catch (error) {
      return apiFailure(c, error);
    }
  });

  app.get('/api/events', (c) => streamSSE(c, async (stream) => {
    const send = (path: string): void => {
      void stream.writeSSE({ event: 'change', data: JSON.stringify({ path }) });
    };
    listeners.add(send);
    stream.onAbort(() => {
      listeners.delete(send);
    });
    await stream.writeSSE({ event: 'ready', data: '{}' });
    // A ping now and then keeps proxies and browsers from closing an idle stream. The
    // timer does not hold the process: Ctrl-C stops the server at once.
    const wake = new Set<() => void>();
    stream.onAbort(() => wake.forEach((w) => w()));
    while (!stream.aborted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 15_000);
        timer.unref();
        wake.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      wake.clear();
      if (!stream.aborted) await stream.writeSSE({ event: 'ping', data: '{}' });
    }
    listeners.delete(send);
  }));

  return { app, token, close: () => watcher?.close() };
}

async function readJson(c: Context): Promise<Record<string, unknown> | null> {
  try {
    const body = await c.req.json();
    return typeof body === 'object' && body !== null ? body as Record<string, unknown> : null;
  } catch {
    return null;
  }
}

function currentHash(root: string, path: string, maxBytes: number | undefined): string | null {
  try {
    const file = confine(root, path, { mustExist: true });
    // Changed by someone else, it may have grown past the limit: its hash is still what the page needs.
    return fileHash(readTextFileSync(file.absolute, { displayPath: file.relative, maxBytes: rereadLimit(maxBytes) }));
  } catch {
    return null;
  }
}

function statusOf(error: SpecfillError): 403 | 404 | 409 | 422 | 500 {
  switch (error.code) {
    case 'OUTSIDE_ROOT':
      return 403;
    case 'FILE_NOT_FOUND':
    case 'NOT_MARKDOWN':
    case 'NOT_A_SPEC':
    case 'IS_DIRECTORY':
    case 'NOT_A_FILE':
    case 'UNKNOWN_TEMPLATE':
    case 'INVALID_ANSWERS':
      return 404;
    case 'FILE_EXISTS':
      return 409;
    case 'BINARY_FILE':
    case 'INVALID_UTF8':
    case 'FILE_TOO_LARGE':
      return 422;
    default:
      return 500;
  }
}

function apiFailure(c: Context, error: unknown): Response {
  if (!(error instanceof SpecfillError)) throw error;
  return c.json({ error: error.code, message: error.format() }, statusOf(error));
}

function failurePage(c: Context, error: unknown): Response | Promise<Response> {
  if (!(error instanceof SpecfillError)) throw error;
  const status = statusOf(error);
  const title = error.code === 'INVALID_CONFIG' ? 'The project\'s config cannot be used' : status === 403 ? 'Outside the project' : status === 404 ? 'Not found' : 'Cannot show this spec';
  return errorPage(c, status, title, error.format());
}

function errorPage(c: Context, status: 403 | 404 | 409 | 422 | 500, title: string, message: string): Response | Promise<Response> {
  const main = html`<h1>${title}</h1><p>${message}</p><p><a href="/">All specs</a></p>`;
  return c.html(layout({ title, links: serverLinks(), kind: 'dashboard' }, main).value, status);
}

/** Calls `onChange` with the root-relative path of each Markdown file that changes, a little after the burst. */
function watchMarkdown(root: string, onChange: (path: string) => void): FSWatcher | undefined {
  const pending = new Map<string, NodeJS.Timeout>();
  try {
    return watch(root, { recursive: true }, (_event, filename) => {
      if (filename === null) return;
      const path = filename.toString().split(sep).join('/');
      // `.git/` and `node_modules/` churn and hold no spec: dropped before any timer.
      if (!/\.(md|markdown)$/i.test(path) || /(^|\/)(node_modules|\.git)\//.test(path)) return;
      clearTimeout(pending.get(path));
      pending.set(path, setTimeout(() => {
        pending.delete(path);
        onChange(path);
      }, 60));
    });
  } catch {
    // No recursive watching here: pages still work, without live updates.
    return undefined;
  }
}
