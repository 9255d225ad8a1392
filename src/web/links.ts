import { posix } from 'node:path';

/** Where a page's links point: the live server's routes, or the static site's files. */
export interface Links {
  readonly home: string;
  spec(path: string): string;
  asset(name: string): string;
  /** The new-spec form (live server only). */
  readonly newSpec: string | null;
  /** How a relative link written in the spec at `fromSpec` is rendered (unchanged when absent). */
  relativeLink?(fromSpec: string, href: string): string;
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** Links on the live server: absolute routes. */
export function serverLinks(): Links {
  return {
    home: '/',
    spec: (path) => `/spec/${encodePath(path)}`,
    asset: (name) => `/assets/${name}`,
    newSpec: '/new',
    // `/docs/x.md` is from the repository's root, as on GitHub: its page here is under /spec/.
    // (A relative link already resolves against the page's /spec/… address.)
    relativeLink: (_fromSpec, href) => (/^\/(?!\/)[^?#]*\.(?:md|markdown)(?:[?#]|$)/i.test(href) ? `/spec${href}` : href),
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
export function staticLinks(pagePath: string, basePath?: string, specs: ReadonlySet<string> = new Set()): Links {
  const depth = pagePath.split('/').length - 1;
  // A base path is from the site's root (`my-repo` means `/my-repo/`), unless it is a whole URL.
  const base = basePath === undefined || /^[a-z][a-z0-9+.-]*:|^\//i.test(basePath) ? basePath : `/${basePath}`;
  const prefix = base === undefined ? '../'.repeat(depth) : `${base.replace(/\/?$/, '/')}`;
  return {
    home: `${prefix}index.html`,
    spec: (path) => `${prefix}${encodePath(staticSpecFile(path))}`,
    asset: (name) => `${prefix}assets/${name}`,
    newSpec: null,
    // Pages sit where their specs do (under spec/), so a relative link from one
    // spec to another only needs the page's suffix; a link to any other file
    // (a Markdown file that is not a spec included) is left as written.
    relativeLink: (fromSpec, href) => {
      const cut = href.search(/[?#]/);
      const pathPart = cut === -1 ? href : href.slice(0, cut);
      if (pathPart === '') return href;
      // `/docs/x.md` is from the repository's root, as on GitHub.
      const fromRoot = pathPart.startsWith('/');
      let target: string;
      try {
        const path = decodeURIComponent(pathPart);
        target = posix.normalize(fromRoot ? path.slice(1) : posix.join(posix.dirname(fromSpec), path));
      } catch {
        return href;
      }
      if (!specs.has(target)) return href;
      const page = fromRoot ? `${prefix}${encodePath(staticSpecFile(target))}` : `${pathPart}.html`;
      return page + (cut === -1 ? '' : href.slice(cut));
    },
  };
}
