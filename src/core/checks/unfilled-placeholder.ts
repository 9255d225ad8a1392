import { quote, sectionFields } from './locate.js';
import { shownId } from '../placeholder-id.js';
import { memoPer } from '../memo-by.js';
import type { Placeholder } from '../spec-types.js';
import type { TemplateModel } from '../template-model.js';
import type { CheckRule } from './types.js';

// Words of its own after the template's instruction inside the comment: less is a note ("TODO later").
const MIN_WORDS = 4;

/** An `AGENT_PLACEHOLDER` is still in the document: one finding per placeholder, at its place. */
export const unfilledPlaceholder: CheckRule = {
  id: 'unfilled-placeholder',
  defaultSeverity: 'error',
  description: 'An AGENT_PLACEHOLDER comment has not been replaced by content.',
  check: ({ spec, template }) =>
    spec.placeholders.map((p) => {
      const written = writtenInside(p, template);
      return {
        line: p.line,
        column: p.column,
        endLine: p.endLine,
        endColumn: p.endColumn,
        ...(p.sectionId === null ? sectionFields(spec, null) : { sectionId: p.sectionId, section: p.section }),
        placeholder: p.id,
        message: written === null
          ? `placeholder ${quote(shownId(p.id))} is not filled: ${quote(p.instruction, 120)}`
          // An agent that wrote its answer inside the comment, before its `-->`: the page shows none of it.
          : `placeholder ${quote(shownId(p.id))} is not filled: text is written inside it, after its instruction ${quote(written.instruction, 80)} (${quote(written.text, 60)}), and the page shows none of it; move that text out, below the \`-->\`, and delete the placeholder`,
      };
    }),
};

// The template's instructions by placeholder id, made once per template (a spec may hold many placeholders).
const instructionsOf = memoPer((template: TemplateModel): ReadonlyMap<string, string> => new Map(template.spec.placeholders.map((t) => [t.id, t.instruction])));

/**
 * The text written inside a placeholder after the template's instruction for
 * it (an agent's answer put before the comment's `-->`), four words or more;
 * null when there is none, or no template to tell the instruction by.
 */
function writtenInside(p: Placeholder, template: TemplateModel | null): { instruction: string; text: string } | null {
  if (template === null) return null;
  const theirs = instructionsOf(template).get(p.id);
  if (theirs === undefined) return null;
  const own = p.instruction.replace(/\s+/g, ' ').trim();
  const instruction = theirs.replace(/\s+/g, ' ').trim();
  if (instruction === '' || !own.startsWith(instruction) || own[instruction.length] !== ' ') return null;
  const text = own.slice(instruction.length).trim();
  return text.split(' ').length >= MIN_WORDS ? { instruction, text } : null;
}
