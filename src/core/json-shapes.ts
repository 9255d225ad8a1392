import type { SpecfillError } from './errors.js';
import type { Placeholder } from './spec-types.js';

/** A placeholder as `placeholders --json`, MCP and the web API return it. */
export interface PlaceholderJson {
  readonly id: string;
  /** Heading texts of the enclosing sections, outermost first. */
  readonly section: readonly string[];
  readonly instruction: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The one JSON shape of a placeholder. */
export function toPlaceholderJson(p: Placeholder): PlaceholderJson {
  return {
    id: p.id,
    section: p.section,
    instruction: p.instruction,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
  };
}

/** A placeholder as MCP's tools list it: the `PlaceholderJson` and its section's id (`title` before the first section). */
export function toPlaceholderWithSection(p: Placeholder): PlaceholderJson & { sectionId: string } {
  return { ...toPlaceholderJson(p), sectionId: p.sectionId ?? 'title' };
}

/** A file that could not be reported on, in `status --json` and MCP results. */
export interface FileErrorJson {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The one JSON shape of a file's error. */
export function errorJson(error: SpecfillError): FileErrorJson {
  return { path: error.location.path ?? '', code: error.code, message: error.message, line: error.location.line, column: error.location.column };
}
