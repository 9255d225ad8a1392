import { mkdirSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
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
  const specs = new Set(rows.map((r) => r.path));
  await write('index.html', dashboardPage(rows, errors, staticLinks('index.html', options.basePath, specs)).value);
  const pages = new Set<string>();
  for (const row of rows) {
    const page = staticSpecFile(row.path);
    pages.add(join(options.out, page));
    await write(page, specPage(site.spec(row.path), staticLinks(page, options.basePath, specs)).value);
  }
  // Pages of specs deleted or renamed since the last render go: spec/ is specfill's own folder in the site.
  removeStalePages(join(options.out, 'spec'), pages);
  for (const name of Object.keys(WEB_ASSETS)) await write(`assets/${name}`, readWebAsset(name));
  return { pages: rows.length + 1, errors: errors.map((e) => new SpecfillError('READ_FAILED', e.message, { path: e.path })) };
}

/** Removes the `.html` files under `dir` that are not in `keep`, and the folders left empty. */
function removeStalePages(dir: string, keep: ReadonlySet<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removeStalePages(path, keep);
      if (readdirSync(path).length === 0) rmdirSync(path);
    } else if (entry.isFile() && entry.name.endsWith('.html') && !keep.has(path)) {
      unlinkSync(path);
    }
  }
}
