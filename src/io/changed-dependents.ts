import { basename, dirname, relative, sep } from 'node:path';
import type { Config } from '../core/config.js';
import { findSpecs } from './find-spec-files.js';
import { readTextFileSync } from './read-text-file.js';

/**
 * The specs that `--changed` must check besides the changed ones: those whose
 * text names a Markdown file that changed (a link to one of its headings may
 * have lost its anchor) or any file that was deleted or renamed away (a link
 * to it is broken now; a template named by its path is gone). A file is
 * named by its file name from a spec in its folder, and from elsewhere by its
 * folder's name and file name (`../1234-foo/README.md`, `/keps/…/1234-foo/README.md`)
 * or its path from the spec (`../README.md`), as written or percent-encoded.
 * The net is wide, costing a few specs checked more; a link missed would let a broken spec pass.
 */
export async function specsNamingChanged(
  changes: { readonly changed: ReadonlySet<string>; readonly deleted: ReadonlySet<string> },
  paths: readonly string[], config: Config, root: string, cwd: string,
): Promise<string[]> {
  const targets = [...changes.changed].filter((file) => /\.md$/i.test(file)).concat([...changes.deleted]);
  if (targets.length === 0) return [];
  const { files } = await findSpecs(paths, config, root, cwd);
  const found: string[] = [];
  for (const file of files) {
    if (changes.changed.has(file)) continue;
    let text: string;
    try {
      text = readTextFileSync(file, { maxBytes: config.maxFileBytes });
    } catch {
      continue; // an unreadable spec is reported when it is itself checked
    }
    if (targets.some((target) => namesFile(text, dirname(file), target))) found.push(file);
  }
  return found;
}

/** Whether a spec's text, in folder `from`, may name `target` in a link. */
function namesFile(text: string, from: string, target: string): boolean {
  const name = basename(target);
  // Most specs name no such file at all: one search rules them out.
  if (!includesWritten(text, name)) return false;
  const folder = dirname(target);
  if (folder === from) return true;
  return includesWritten(text, `${basename(folder)}/${name}`) || includesWritten(text, relative(from, target).split(sep).join('/'));
}

/** Whether text holds a path as written, or percent-encoded as a link may write it (`my%20notes.md`). */
function includesWritten(text: string, path: string): boolean {
  if (text.includes(path)) return true;
  const encoded = encodeURI(path);
  return encoded !== path && text.includes(encoded);
}
