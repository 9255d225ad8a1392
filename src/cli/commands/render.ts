import { relative, resolve } from 'node:path';
import { displayPath, type CliContext } from '../context.js';
import { siteRoot } from './serve.js';

/** `specfill render --out DIR [PROJECT]`: the static site. */
export async function runRender(ctx: CliContext, dir: string | undefined, opts: { out: string; basePath?: string }): Promise<number> {
  const root = siteRoot(ctx, dir);
  const { renderSite } = await import('../../web/render-site.js');
  const out = resolve(ctx.cwd, opts.out);
  const result = await renderSite({ root, out, basePath: opts.basePath });
  for (const error of result.errors) ctx.stderr.write(`specfill: ${error.format()}\n`);
  ctx.stdout.write(`wrote ${result.pages} pages to ${displayPath(ctx, out, relative)}/ (open index.html)\n`);
  return result.errors.length > 0 ? 2 : 0;
}
