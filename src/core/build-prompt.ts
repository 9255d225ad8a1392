import { placeholderSlot } from './placeholder-slot.js';
import { sectionLevelOf } from './section-level.js';
import type { ParsedSpec } from './spec-types.js';

/** A file given to the model as background. */
export interface ContextFile {
  readonly path: string;
  readonly text: string;
}

/** What {@link buildPrompt} needs. */
export interface PromptInput {
  readonly spec: ParsedSpec;
  readonly placeholderId: string;
  /** What the spec is about, in the user's words. */
  readonly brief?: string;
  readonly context?: readonly ContextFile[];
  /** Tokens the context files may take (estimated at 4 characters a token; default 8,000). */
  readonly contextBudgetTokens?: number;
}

/** The messages for the model, and what had to be left out. */
export interface BuiltPrompt {
  readonly system: string;
  readonly user: string;
  /** Context files (or their ends) left out for the budget, said so in the prompt too. */
  readonly omitted: string[];
  readonly estimatedTokens: number;
}

const MARKER = '<<<WRITE THIS PART>>>';

/** A rough token count (4 characters a token), enough for a budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The exact prompt for drafting one placeholder: the rules of the fill
 * contract as instructions (so that answers pass it the first time), the
 * brief, the section path and instruction, the document as filled so far
 * with the place to write marked, and the context files within a token
 * budget, naming what was cut. Pure, so that `specfill prompt` shows exactly
 * what an agent sends.
 */
export function buildPrompt(input: PromptInput): BuiltPrompt {
  const { spec } = input;
  const placeholder = spec.placeholders.find((p) => p.id === input.placeholderId);
  if (placeholder === undefined) throw new Error(`no open placeholder \`${input.placeholderId}\``);
  const level = sectionLevelOf(spec, placeholder.sectionId) ?? 0;
  const slot = placeholderSlot(spec, placeholder);
  const system = [
    'You write one part of a technical specification. Answer with the Markdown content for that part only.',
    'Rules:',
    '- Write real, specific content that follows the instruction; no filler, no "TBD".',
    slot !== 'block'
      ? `- Write one line only: this part is the text of ${slot === 'heading' ? 'a heading' : 'a table cell'}.`
      : level > 0
        ? `- Do not write headings of level ${level} or above (${'#'.repeat(level)}); subsections of level ${level + 1} or deeper are fine.`
        : '- Do not write headings.',
    '- Do not repeat the section heading, do not add front matter, do not write AGENT_PLACEHOLDER comments or specfill-disable/specfill-enable comments.',
    '- Do not wrap the answer in a code fence; close every code block you open.',
  ].join('\n');

  const document = spec.source.slice(0, placeholder.span.start) + MARKER + spec.source.slice(placeholder.span.end);
  const parts: string[] = [];
  if (input.brief !== undefined && input.brief.trim() !== '') parts.push(`# Brief\n\n${input.brief.trim()}`);
  parts.push(`# Your task\n\nSection: ${placeholder.section.join(' › ') || '(the part under the title)'}\nInstruction: ${placeholder.instruction}\n\nWrite the content that replaces ${MARKER} in the document below.`);
  parts.push(`# The document so far\n\n${document}`);

  const omitted: string[] = [];
  let budget = (input.contextBudgetTokens ?? 8000) * 4;
  const included: string[] = [];
  for (const file of input.context ?? []) {
    if (budget <= 0) {
      omitted.push(file.path);
      continue;
    }
    if (file.text.length <= budget) {
      included.push(`## ${file.path}\n\n${file.text}`);
      budget -= file.text.length;
    } else {
      included.push(`## ${file.path} (first ${budget} characters of ${file.text.length})\n\n${file.text.slice(0, budget)}`);
      omitted.push(`${file.path} (cut after ${budget} of ${file.text.length} characters)`);
      budget = 0;
    }
  }
  if (included.length > 0) parts.push(`# Background files\n\n${included.join('\n\n')}`);
  if (omitted.length > 0) parts.push(`(Left out for length: ${omitted.join('; ')}.)`);
  const user = parts.join('\n\n');
  return { system, user, omitted, estimatedTokens: estimateTokens(system) + estimateTokens(user) };
}
