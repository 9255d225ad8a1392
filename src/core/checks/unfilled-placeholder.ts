import { quote, sectionFields } from './locate.js';
import { shownId } from '../placeholder-id.js';
import type { CheckRule } from './types.js';

/** An `AGENT_PLACEHOLDER` is still in the document: one finding per placeholder, at its place. */
export const unfilledPlaceholder: CheckRule = {
  id: 'unfilled-placeholder',
  defaultSeverity: 'error',
  description: 'An AGENT_PLACEHOLDER comment has not been replaced by content.',
  check: ({ spec }) =>
    spec.placeholders.map((p) => ({
      line: p.line,
      column: p.column,
      endLine: p.endLine,
      endColumn: p.endColumn,
      ...(p.sectionId === null ? sectionFields(spec, null) : { sectionId: p.sectionId, section: p.section }),
      placeholder: p.id,
      message: `placeholder ${quote(shownId(p.id))} is not filled: ${quote(p.instruction, 120)}`,
    })),
};
