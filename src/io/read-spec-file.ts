import { parseSpec } from '../core/parse-spec.js';
import { SpecfillError } from '../core/errors.js';
import type { ParsedSpec } from '../core/spec-types.js';
import { readTextFile, type ReadTextFileOptions } from './read-text-file.js';

/**
 * Reads and parses a spec file, refusing unusable files (see
 * {@link readTextFile}) and a front matter whose YAML cannot be read, located
 * at its line and column.
 */
export async function readSpecFile(path: string, options: ReadTextFileOptions & { displayPath: string }): Promise<ParsedSpec> {
  const source = await readTextFile(path, options);
  const spec = parseSpec(source);
  const error = frontMatterError(spec, options.displayPath);
  if (error !== null) throw error;
  return spec;
}

/** A spec's unreadable front matter as an error at its line and column, or null when it reads. */
export function frontMatterError(spec: ParsedSpec, displayPath: string): SpecfillError | null {
  const error = spec.frontMatter?.error;
  if (!error) return null;
  return new SpecfillError('INVALID_FRONT_MATTER', error.message, { path: displayPath, line: error.line, column: error.column },
    'fix the YAML between the `---` lines at the top of the file');
}
