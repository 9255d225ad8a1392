import picomatch from 'picomatch';

const NODE_MODULES = /(^|\/)node_modules\//;

/**
 * A test of a path (relative to the project root, `/`-separated) against a
 * glob of the config, as the config's `templates` mapping and `overrides`
 * read them: like the globs of `specs`, a plain folder name means everything
 * below it, and nothing under `node_modules` matches.
 */
export function pathGlob(written: string): (path: string) => boolean {
  const pattern = fromRoot(written);
  const glob = picomatch(pattern, { dot: false });
  const below = picomatch.scan(pattern).isGlob ? null : picomatch(`${pattern.replace(/\/+$/, '')}/**`, { dot: false });
  return (path) => !NODE_MODULES.test(path) && (glob(path) || (below !== null && below(path)));
}

/**
 * A config glob as written, read from the project root: a leading `/` means
 * the root (as a link's `/path` does), not the file system's.
 */
export function fromRoot(pattern: string): string {
  return pattern.startsWith('/') ? pattern.replace(/^\/+/, '') : pattern;
}
