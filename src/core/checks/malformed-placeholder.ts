import { sectionFields } from './locate.js';
import type { CheckRule } from './types.js';

/** An `AGENT_PLACEHOLDER` comment that is never closed, or has no instruction. */
export const malformedPlaceholder: CheckRule = {
  id: 'malformed-placeholder',
  defaultSeverity: 'error',
  description: 'An AGENT_PLACEHOLDER comment is unterminated or has no instruction.',
  check: ({ spec }) =>
    spec.malformed.map((m) => ({
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...sectionFields(spec, m.sectionId),
      message: m.message,
    })),
};
