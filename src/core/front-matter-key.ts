import { lineIndexOf } from './line-index.js';
import type { ParsedSpec, Position } from './spec-types.js';

/** The line of a top-level key in a spec's front matter: where it starts in the source, and the line's text. */
function keyLine(spec: ParsedSpec, key: string): { start: number; text: string } | null {
  const fm = spec.frontMatter;
  if (fm === null) return null;
  const m = new RegExp(`^${key}[ \\t]*:.*$`, 'm').exec(spec.source.slice(fm.yamlSpan.start, fm.yamlSpan.end));
  return m === null ? null : { start: fm.yamlSpan.start + m.index, text: m[0].replace(/\r$/, '') };
}

/** Where a top-level front matter key is (its whole line), for findings and messages about it. */
export function keyPosition(spec: ParsedSpec, key: string): Position | null {
  const found = keyLine(spec, key);
  if (found === null) return null;
  const { line } = lineIndexOf(spec).locate(found.start);
  return { line, column: 1, endLine: line, endColumn: found.text.length + 1 };
}

/** A file's path, with the line and column of a front matter key when it has one: where an error about that key is placed. */
export function keyLocation(spec: ParsedSpec, path: string, key: string): { path: string; line?: number; column?: number } {
  const position = keyPosition(spec, key);
  return position === null ? { path } : { path, line: position.line, column: position.column };
}

/**
 * The value of a top-level front matter key as written, a plain scalar
 * (no quotes, a trailing comment aside), or undefined: what YAML's reading
 * loses (`version: 1.10` is the number 1.1).
 */
export function writtenValue(spec: ParsedSpec, key: string): string | undefined {
  const found = keyLine(spec, key);
  return found === null ? undefined : /^[^:]*:[ \t]*([^\s#'"][^#]*?)[ \t]*(?:#.*)?$/.exec(found.text)?.[1];
}
