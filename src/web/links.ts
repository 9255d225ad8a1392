/** Where a page's links point: the live server's routes, or the static site's files. */
export interface Links {
  readonly home: string;
  spec(path: string): string;
  asset(name: string): string;
  /** The new-spec form (live server only). */
  readonly newSpec: string | null;
  /** Suffix for relative links between Markdown files inside rendered specs. */
  readonly markdownLinkSuffix?: string;
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** Links on the live server: absolute routes. */
export function serverLinks(): Links {
  return {
    home: '/',
    spec: (path) => `/spec/${encodePath(path)}`,
    asset: (name) => `/assets/${name}`,
    newSpec: '/new',
  };
}

/** Where the static site writes a spec's page, relative to its root. */
export function staticSpecFile(path: string): string {
  return `spec/${path}.html`;
}

/**
 * Links on the static site, from a page at `pagePath` (relative to the
 * site's root): relative, so the site works from file:// and under any base
 * path, unless `basePath` asks for absolute links.
 */
export function staticLinks(pagePath: string, basePath?: string): Links {
  const depth = pagePath.split('/').length - 1;
  const prefix = basePath === undefined ? '../'.repeat(depth) : `${basePath.replace(/\/?$/, '/')}`;
  return {
    home: `${prefix}index.html`,
    spec: (path) => `${prefix}${encodePath(staticSpecFile(path))}`,
    asset: (name) => `${prefix}assets/${name}`,
    newSpec: null,
    markdownLinkSuffix: '.html',
  };
}
