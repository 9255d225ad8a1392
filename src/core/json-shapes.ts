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
