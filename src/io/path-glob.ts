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

/**
 * The folder, from the project root, where a new spec goes when none is
 * named (`new`, `draft`, the web UI's "New spec", MCP `create_spec`):
 * `specs`, unless the config's `specs` globs would not find a spec written
 * there; then the fixed folder that starts the first glob that would
 * (`docs/rfcs` for `docs/rfcs/*.md`), so that the new spec is listed and
 * checked with the others. `specs` again when no glob has such a folder
 * (`k*\/**\/README.md`: a spec there needs a name `--out` gives); `.` for
 * the root itself (`*.md`).
 */
export function defaultSpecDir(specs: readonly string[] | undefined, slug: string): string {
  if (specs === undefined || specs.length === 0) return 'specs';
  const tests = specs.map(pathGlob);
  const finds = (dir: string): boolean => {
    const path = dir === '' ? `${slug}.md` : `${dir}/${slug}.md`;
    return tests.some((test) => test(path));
  };
  if (finds('specs')) return 'specs';
  for (const glob of specs) {
    const base = picomatch.scan(fromRoot(glob)).base.replace(/\/+$/, '');
    if (!/\.(md|markdown)$/i.test(base) && finds(base)) return base === '' ? '.' : base;
  }
  return 'specs';
}

/** Where a new spec of this slug goes when no path is named, from the project root (see {@link defaultSpecDir}). */
export function defaultSpecPath(specs: readonly string[] | undefined, slug: string): string {
  const dir = defaultSpecDir(specs, slug);
  return dir === '.' ? `${slug}.md` : `${dir}/${slug}.md`;
}
