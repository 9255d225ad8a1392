import { existsSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Config } from '../core/config.js';
import { SpecfillError } from '../core/errors.js';
import { fromRoot, pathGlob } from './path-glob.js';
import { realOrAsIs, realPathInRoot, relativeWithin } from './confine-path.js';
import { ioReason } from './io-reason.js';
import { mappedTemplateFiles } from './load-templates.js';

/** Files found for a list of paths, and the paths that could not be used. */
export interface FoundFiles {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  readonly errors: SpecfillError[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands paths given on the command line: a file stands for itself; a folder
 * for every `*.md` below it (skipping `node_modules` and dot-folders); a glob
 * for what it matches. A path that does not exist is reported, and the rest
 * are still found.
 */
export async function findSpecFiles(paths: readonly string[], cwd: string): Promise<FoundFiles> {
  const files = new Set<string>();
  const errors: SpecfillError[] = [];
  for (const path of paths) {
    // Normalised (`specs//a.md`, `./specs/a.md`): one file, one name, whichever way it is written.
    const absolute = resolve(cwd, path);
    let info;
    let loop = false;
    let why: string | null = null;
    try {
      info = await stat(absolute);
    } catch (error) {
      info = null;
      const code = (error as NodeJS.ErrnoException).code;
      loop = code === 'ELOOP';
      // (Not "no such file" for one that is there but cannot be reached, or whose name the system refuses.)
      why = code === 'EACCES' || code === 'EPERM' ? 'cannot be reached: permission denied (on a folder of its path)'
        : code === 'ENAMETOOLONG' ? `cannot be read: ${ioReason(error)}`
        : code === 'ENOTDIR' ? `cannot be read: ${ioReason(error)}` : null;
    }
    if (info === null && GLOB_CHARS.test(path)) {
      const matches = await (await import('tinyglobby')).glob(path, { cwd, absolute: true, ignore: ['**/node_modules/**'], dot: false });
      if (matches.length === 0) errors.push(new SpecfillError('FILE_NOT_FOUND', 'matches no file', { path }));
      for (const m of matches) files.add(resolve(m));
    } else if (loop) {
      errors.push(new SpecfillError('READ_FAILED', 'is a symbolic link that leads back to itself (a loop of links)', { path }, 'point the link at a file, or name the file itself'));
    } else if (info === null && why !== null) {
      errors.push(new SpecfillError('READ_FAILED', why, { path }, why.includes('permission') ? 'let the user running specfill search every folder on its path (chmod +x)' : 'check the path'));
    } else if (info === null) {
      errors.push(new SpecfillError('FILE_NOT_FOUND', 'no such file or folder', { path }, 'check the path'));
    } else if (info.isDirectory()) {
      for (const f of await walkMarkdown(absolute, (folder, error) => errors.push(folderError(folder, error, cwd)))) files.add(f);
    } else {
      files.add(absolute);
    }
  }
  return { files: [...files].sort(), errors };
}

/** A folder of the walk that cannot be listed: an error for it, and the walk goes on. */
function folderError(folder: string, error: unknown, cwd: string): SpecfillError {
  const shown = relative(cwd, folder).split(sep).join('/') || '.';
  const why = ioReason(error);
  return new SpecfillError('READ_FAILED', `folder cannot be read: ${why}`, { path: shown }, 'give specfill read access to it, or name only the folders to check (paths, or the config\'s `specs` globs)');
}

async function walkMarkdown(dir: string, failed: (folder: string, error: unknown) => void, ancestors = new Set<string>()): Promise<string[]> {
  // Symbolic links to folders are followed as a glob follows them; a link
  // back up the tree (a folder inside itself) is not walked again.
  const real = await realpath(dir).catch(() => dir);
  if (ancestors.has(real)) return [];
  const inside = new Set(ancestors).add(real);
  const out: string[] = [];
  let listed;
  try {
    listed = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    failed(dir, error);
    return [];
  }
  const entries = listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) out.push(...(await walkMarkdown(path, failed, inside)));
    else if (isFile && entry.name.toLowerCase().endsWith('.md')) out.push(path);
  }
  return out;
}

/**
 * The spec files a command works on: those of `paths` (relative to `dir`)
 * when given, else where specs are looked for by default: the config's
 * `specs` globs, relative to the project root wherever the command runs (a
 * glob matching nothing is no error: a project may have no RFCs yet); else
 * `specs/` at the project root if it exists; else `dir` itself. One rule for
 * `status`, `check`, `sync`, the web UI and the MCP server.
 */
export async function findSpecTargets(paths: readonly string[], config: Config, root: string, dir: string): Promise<FoundFiles> {
  if (paths.length > 0) return findSpecFiles(paths, dir);
  if (config.specs !== undefined && config.specs.length > 0) {
    // The synchronous walk: the asynchronous one lists every folder at once and, on 20,000 specs,
    // holds ~40 MB more at its peak (a heap V8 keeps for the rest of the run) for no gain in time.
    const { globSync } = await import('tinyglobby');
    const matches = globSync(config.specs.map(fromRoot), { cwd: root, absolute: true, ignore: ['**/node_modules/**'] });
    return { files: [...new Set(matches.map((f) => resolve(f)))].sort(), errors: [] };
  }
  // `specs/` is the project's (where `new` and `index` write), wherever the command runs.
  const specs = join(root, 'specs');
  return findSpecFiles([existsSync(specs) ? specs : '.'], dir);
}

/** Spec files found, with the config's `ignore` applied. */
export interface FoundSpecs extends FoundFiles {
  /** Whether the config's `ignore` matches a file (an absolute path). */
  readonly isIgnored: (absolute: string) => boolean;
  /** How many found files `ignore` left out. */
  readonly dropped: number;
  /** Files found (absolute paths) that links lead out of the project root, left out: not named themselves. */
  readonly linkedOut: readonly string[];
}

/**
 * The spec files of the paths given, else where specs are looked for by
 * default (see {@link findSpecTargets}), less those the config's `ignore`
 * matches, the template files its `templates` mapping names, and, unless
 * named, those a link leads to outside the root: the one
 * list of specs for `check`, `status`, `sync`, the web UI and MCP, so that an
 * ignored file is never checked, listed, served or edited.
 */
export async function findSpecs(paths: readonly string[], config: Config, root: string, dir: string): Promise<FoundSpecs> {
  const found = await findSpecTargets(paths, config, root, dir);
  const ignored = ignoreMatcher(config);
  const isIgnored = (absolute: string): boolean => ignored(relative(root, absolute).split(sep).join('/'));
  // A link in the project to a file elsewhere is not the project's spec (the web UI and MCP never show
  // one either), unless it is named itself: a folder or glob named does not name what it holds.
  const named = new Set(paths.map((p) => resolve(dir, p)));
  const realRoot = realOrAsIs(root);
  const problem = specPathProblem(config);
  // A link is judged where it leads too, as the web UI and MCP judge it (confineSpec).
  // A link to another file of the project is that file: GitHub shows a link, not
  // its target's page, and the target's links lead from the target's folder. So
  // it is checked once, under the target's path (found there too, or not).
  const linkedOut: string[] = [];
  const seen = new Set<string>();
  const within: string[] = [];
  const listed = new Set(found.files);
  for (const f of found.files) {
    let file = f;
    // (A file outside the root by its own path was named, in a folder or a glob of the command line: no link
    // leads it out. It is checked, as a file named outside the root is.)
    // (A link named itself beside the file it leads to, `check specs/link.md other/real.md`: that file, once.)
    if (named.has(f) && relativeWithin(root, f) !== null) {
      const inside = realPathInRoot(realRoot, f);
      if (inside !== null && inside !== relative(root, f).split(sep).join('/') && listed.has(join(root, inside))) file = join(root, inside);
    } else if (relativeWithin(root, f) !== null) {
      const inside = realPathInRoot(realRoot, f);
      if (inside === null) {
        linkedOut.push(f);
        continue;
      }
      if (inside !== relative(root, f).split(sep).join('/')) {
        if (problem(inside) !== null) continue;
        // Found under its own path too: that one (once). Else the link's path: the config's
        // globs and templates matched the spec there (code review: it lost its template).
        const target = join(root, inside);
        if (listed.has(target)) file = target;
      }
    }
    if (!seen.has(file)) {
      seen.add(file);
      within.push(file);
    }
  }
  within.sort();
  // A template file the config maps specs to is their template, not one of them (checked
  // against itself, its every guided section would be empty), unless it is named itself.
  const templateFiles = new Set(mappedTemplateFiles(config.templates, root));
  const files = within.filter((f) => !isIgnored(f) && (named.has(f) || !templateFiles.has(f)));
  return { files, errors: found.errors, isIgnored, dropped: within.length - files.length, linkedOut };
}

/**
 * Whether a file (an absolute path) is one of the project's specs by where it
 * is, without listing them: the config's `specs` globs match it (without
 * globs, a Markdown file below `specs/` at the root, where specs are looked
 * for by default), it is not hidden, in `node_modules` or ignored (see
 * {@link specPathProblem}), and it is no template file the `templates`
 * mapping names, as {@link findSpecs} reads them. Judged by the path named
 * and where a link leads: true when either is a spec (what a write through
 * the link would replace). For `check --output`, which must not replace a
 * spec of the project, checked in this run or not.
 */
export function projectSpecMatcher(config: Config, root: string): (absolute: string) => boolean {
  const globs = config.specs !== undefined && config.specs.length > 0 ? config.specs.map(pathGlob) : null;
  const inSpecsFolder = pathGlob('specs');
  const matches = globs === null ? (path: string): boolean => /\.md$/i.test(path) && inSpecsFolder(path) : (path: string): boolean => globs.some((glob) => glob(path));
  const problem = specPathProblem(config);
  const templateFiles = new Set(mappedTemplateFiles(config.templates, root));
  const realRoot = realOrAsIs(root);
  const isSpec = (path: string | null): boolean => path !== null && matches(path) && problem(path) === null && !templateFiles.has(resolve(root, path));
  return (absolute) => {
    const named = relativeWithin(root, resolve(absolute))?.split(sep).join('/') ?? null;
    return isSpec(named) || isSpec(realPathInRoot(realRoot, absolute));
  };
}

/**
 * Why a path relative to the project root is no spec of the project, or
 * null: in `node_modules`, hidden (a dot-file, or in a dot-folder) unless the
 * config's `specs` name it (`.github/rfcs/*.md`), or matched by its `ignore`.
 */
export function specPathProblem(config: Config): (path: string) => 'node_modules' | 'hidden' | 'ignored' | null {
  const ignored = ignoreMatcher(config);
  const named = (config.specs ?? []).map(pathGlob);
  return (path) => {
    const parts = path.split('/');
    if (parts.includes('node_modules')) return 'node_modules';
    if (parts.some((p) => p.startsWith('.') && p !== '.' && p !== '..') && !named.some((matches) => matches(path))) return 'hidden';
    return ignored(path) ? 'ignored' : null;
  };
}

/**
 * Whether the config's `ignore` matches a path relative to the project root:
 * its globs read as `overrides` and `templates` read theirs (a leading `/` is
 * the root, a folder name means everything below it), in order, a `!glob`
 * taking back what an earlier one ignored, as in `.gitignore`.
 */
export function ignoreMatcher(config: Config): (path: string) => boolean {
  const rules = (config.ignore ?? []).map((written) => {
    const negated = written.startsWith('!');
    return { negated, matches: pathGlob(negated ? written.slice(1) : written) };
  });
  if (rules.length === 0) return () => false;
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (rule.negated === ignored && rule.matches(path)) ignored = !rule.negated;
    return ignored;
  };
}
