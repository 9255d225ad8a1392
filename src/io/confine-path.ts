import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SpecfillError } from '../core/errors.js';

/** A path inside the project root, as given and as found. */
export interface ConfinedPath {
  readonly absolute: string;
  /** Relative to the root, `/`-separated: how results name the file. */
  readonly relative: string;
}

const MARKDOWN = /\.(?:md|markdown)$/i;
/** A template file's name: Markdown, or Markdown kept under a template's suffix (`tep-template.md.template`, `x.md.tmpl`). */
export const TEMPLATE_FILE = /\.(?:md|markdown)(?:\.(?:template|tmpl|tpl))?$/i;

/**
 * Resolves a path a client of the MCP server or the web UI gave (relative to
 * the root, or absolute) and
 * refuses anything that is not a Markdown file inside the root: `..` that
 * climbs out, absolute paths elsewhere, and symbolic links (the file's or any
 * folder's on the way) that point out. `mustExist: false` is for files about
 * to be created: their nearest existing folder must be inside. Nothing is
 * decoded here: `%2e%2e` is a file name, not `..`.
 */
export function confine(root: string, input: string, options: { mustExist: boolean; template?: boolean }): ConfinedPath {
  // (A template file the config names may be kept under a name that stops tools taking it for a spec: Tekton's `tep-template.md.template`.)
  const named = options.template === true ? TEMPLATE_FILE : MARKDOWN;
  const notMarkdown = (): SpecfillError => new SpecfillError('NOT_MARKDOWN', `${input} is not a Markdown file`, {}, options.template === true
    ? 'templates are Markdown files (.md, or .md.template and the like)' : 'specs are Markdown files (.md)');
  if (typeof input !== 'string' || input.trim() === '' || input.includes('\0')) {
    throw new SpecfillError('OUTSIDE_ROOT', `not a usable path: ${JSON.stringify(input)}`, {}, 'give a path relative to the project root, e.g. specs/my-spec.md');
  }
  const absolute = isAbsolute(input) ? resolve(input) : resolve(root, input);
  const outside = (): SpecfillError => new SpecfillError('OUTSIDE_ROOT', `${input} is outside the project root`, {}, 'only files inside the project root can be read or written; use a path like specs/my-spec.md');
  if (!inside(root, absolute)) throw outside();
  if (!named.test(absolute)) throw notMarkdown();
  const realRoot = realpathSync(root);
  const shown = relative(root, absolute).split(sep).join('/');
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    if (options.mustExist) throw new SpecfillError('FILE_NOT_FOUND', 'no such file', { path: shown });
    // A new file: the nearest folder that exists decides where it would land.
    let folder = dirname(absolute);
    for (;;) {
      try {
        real = resolve(realpathSync(folder), relative(folder, absolute));
        break;
      } catch {
        const up = dirname(folder);
        if (up === folder) throw outside();
        folder = up;
      }
    }
  }
  if (!inside(realRoot, real)) throw outside();
  // A link named like a spec must lead to one: `notes.md -> ../.env` is not Markdown.
  if (!named.test(real)) throw notMarkdown();
  return { absolute, relative: shown };
}

function inside(root: string, path: string): boolean {
  const rel = relativeWithin(root, path);
  return rel !== null && rel !== '';
}

/** `path` relative to `folder` when it is the folder or below it (`''` for the folder itself), else null. */
/**
 * Where a path really is, relative to the root's real path with `/`
 * separators (its links, and its folders', followed; for a file not there yet,
 * where its folder leads), or null when that is outside the root. What
 * `check`, `index`, the web UI and MCP judge a link by.
 */
export function realPathInRoot(realRoot: string, path: string): string | null {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    real = join(realOrAsIs(dirname(path)), basename(path));
  }
  return relativeWithin(realRoot, real)?.split(sep).join('/') ?? null;
}

export function relativeWithin(folder: string, path: string): string | null {
  const rel = relative(folder, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? null : rel;
}

/** A path through any symbolic links, or as given when it cannot be resolved (it does not exist here). */
export function realOrAsIs(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
