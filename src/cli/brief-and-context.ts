import { relative, resolve } from 'node:path';
import type { ContextFile } from '../core/build-prompt.js';
import { findSpecFiles } from '../io/find-spec-files.js';
import { readTextFileSync } from '../io/read-text-file.js';
import { displayPath, type CliContext } from './context.js';

/** The options every drafting command shares. */
export interface BriefOptions {
  /** The brief, or `@FILE` to read it from a file. */
  readonly brief?: string;
  /** Background files, folders or globs. */
  readonly context?: string[];
}

/** The brief of `--brief`: the text itself, or the file named after `@`. */
export function readBrief(ctx: CliContext, brief: string | undefined): string | undefined {
  if (brief === undefined || !brief.startsWith('@')) return brief;
  return readTextFileSync(resolve(ctx.cwd, brief.slice(1)), { displayPath: brief.slice(1) });
}

/** The background files of `--context` (files, folders, globs), read as text. */
export async function readContext(ctx: CliContext, paths: readonly string[] | undefined): Promise<ContextFile[]> {
  if (paths === undefined || paths.length === 0) return [];
  const found = await findSpecFiles(paths, ctx.cwd);
  if (found.errors.length > 0) throw found.errors[0]!;
  return found.files.map((path) => {
    const shown = displayPath(ctx, path, relative);
    return { path: shown, text: readTextFileSync(path, { displayPath: shown }) };
  });
}
