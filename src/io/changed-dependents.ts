import { basename } from 'node:path';
import type { Config } from '../core/config.js';
import { findSpecs } from './find-spec-files.js';
import { readTextFileSync } from './read-text-file.js';

/**
 * The specs that `--changed` must check besides the changed ones: those whose
 * text names, by its file name, a Markdown file that changed (a link to one
 * of its headings may have lost its anchor) or any file that was deleted or
 * renamed away (a link to it is broken now; a template named by its path is
 * gone). Matching by file name casts the net wide, which only costs checking a
 * few specs more; a link missed would let a broken spec pass.
 */
export async function specsNamingChanged(
  changes: { readonly changed: ReadonlySet<string>; readonly deleted: ReadonlySet<string> },
  paths: readonly string[], config: Config, root: string, cwd: string,
): Promise<string[]> {
  const names = new Set<string>();
  const add = (file: string): void => {
    const name = basename(file);
    names.add(name);
    // A link writes a space or other characters escaped (`my%20notes.md`).
    names.add(encodeURI(name));
  };
  for (const file of changes.changed) if (/\.md$/i.test(file)) add(file);
  for (const file of changes.deleted) add(file);
  if (names.size === 0) return [];
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
    for (const name of names) {
      if (text.includes(name)) {
        found.push(file);
        break;
      }
    }
  }
  return found;
}
