import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SpecfillError } from '../core/errors.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { dashboardPage } from './dashboard-page.js';
import { staticLinks, staticSpecFile } from './links.js';
import { SiteData } from './site-data.js';
import { specPage } from './spec-page.js';
import { readWebAsset, WEB_ASSETS } from './web-assets.js';

/** Options of {@link renderSite}. */
export interface RenderSiteOptions {
  readonly root: string;
  readonly out: string;
  /** Absolute links under this path (e.g. `/my-repo/` on GitHub Pages); relative links otherwise. */
  readonly basePath?: string;
}

/** What was written. */
export interface RenderSiteResult {
  readonly pages: number;
  readonly errors: SpecfillError[];
}

/**
 * `specfill render`: the dashboard and every spec page as a static,
 * read-only site (no forms, no server): relative links, so it works from
 * file:// and under any base path; search and filters run in the page.
 * Each file is written atomically.
 */
export async function renderSite(options: RenderSiteOptions): Promise<RenderSiteResult> {
  const site = await SiteData.load(options.root);
  const { rows, errors } = await site.dashboard();
  const write = async (relativePath: string, text: string): Promise<void> => {
    const target = join(options.out, relativePath);
    mkdirSync(dirname(target), { recursive: true });
    await writeFileAtomic(target, text, { durable: false });
  };
  await write('index.html', dashboardPage(rows, errors, staticLinks('index.html', options.basePath)).value);
  for (const row of rows) {
    const page = staticSpecFile(row.path);
    await write(page, specPage(site.spec(row.path), staticLinks(page, options.basePath)).value);
  }
  for (const name of Object.keys(WEB_ASSETS)) await write(`assets/${name}`, readWebAsset(name));
  return { pages: rows.length + 1, errors: errors.map((e) => new SpecfillError('READ_FAILED', e.message, { path: e.path })) };
}
