import type { Answer } from './fill-placeholders.js';
import { flattenSections } from './match-sections.js';
import type { ParsedSpec, Span } from './spec-types.js';
import { preambleSpan } from './template-model.js';

/** Answers made ready for a spec that an earlier run of the same answers may have partly filled. */
export interface ReconciledAnswers {
  /** The answers still to apply, with ids as they are in the spec now. */
  readonly answers: Answer[];
  /** Ids (as in the answers) whose placeholder is gone and whose content is already in its section. */
  readonly alreadyFilled: string[];
  /** Ids that moved (`a#2` → `a`) because an answer before them in their section landed earlier. */
  readonly moved: ReadonlyMap<string, string>;
}

/**
 * Makes an answers file safe to run again after some of its answers landed
 * (say one was refused, fixed, and the file is run once more). In a section
 * where an answered id is no longer open, the answers whose content already
 * stands in that section are taken as filled and skipped, and the ids after
 * them in the section move down as the ids in the spec did (`a#2` becomes
 * `a` once `a` is filled). A section whose answered ids are all open is left
 * alone, so that content that merely happens to be there already is still
 * filled in. Pure.
 */
export function reconcileAnswers(spec: ParsedSpec, answers: readonly Answer[]): ReconciledAnswers {
  const open = new Set(spec.placeholders.map((p) => p.id));
  const groups = new Map<string, Array<{ answer: Answer; rank: number }>>();
  for (const answer of answers) {
    const { base, rank } = splitId(answer.id);
    const group = groups.get(base) ?? [];
    group.push({ answer, rank });
    groups.set(base, group);
  }
  const alreadyFilled = new Set<string>();
  const moved = new Map<string, string>();
  for (const [base, group] of groups) {
    if (group.every(({ answer }) => open.has(answer.id))) continue;
    const section = sectionSpan(spec, base);
    if (section === null) continue;
    // What was written: the section's text without its open placeholders (whose instructions are not answers).
    const inSection = spec.placeholders.filter((p) => (p.sectionId ?? 'title') === base);
    let text = spec.source.slice(section.start, section.end);
    for (const p of [...inSection].reverse()) {
      if (p.span.start >= section.start && p.span.end <= section.end) text = text.slice(0, p.span.start - section.start) + ' ' + text.slice(p.span.end - section.start);
    }
    const body = collapse(text);
    // At most as many answers landed as there are answered places no longer open.
    let skips = Math.max(0, group.length - inSection.length);
    const skippedRanks: number[] = [];
    for (const { answer, rank } of [...group].sort((a, b) => a.rank - b.rank)) {
      const content = collapse(answer.content);
      if (skips > 0 && content !== '' && body.includes(content)) {
        alreadyFilled.add(answer.id);
        skippedRanks.push(rank);
        skips--;
      }
    }
    // Twins answered after an answer that landed before: their ids moved down.
    const unanswered = group.filter(({ answer }) => !alreadyFilled.has(answer.id));
    for (const { answer, rank } of unanswered) {
      const now = rank - skippedRanks.filter((r) => r < rank).length;
      if (now !== rank) moved.set(answer.id, now === 1 ? base : `${base}#${now}`);
    }
  }
  return {
    answers: answers.filter((a) => !alreadyFilled.has(a.id)).map((a) => (moved.has(a.id) ? { ...a, id: moved.get(a.id)! } : a)),
    alreadyFilled: answers.filter((a) => alreadyFilled.has(a.id)).map((a) => a.id),
    moved,
  };
}

/** `a/b#3` → base `a/b`, rank 3; `a/b` → rank 1. */
function splitId(id: string): { base: string; rank: number } {
  const m = /^(.*)#(\d+)$/.exec(id);
  return m === null ? { base: id, rank: 1 } : { base: m[1]!, rank: Number(m[2]) };
}

/** The span of a section's own body (`title`: the part under the title), or null when there is no such section. */
function sectionSpan(spec: ParsedSpec, base: string): Span | null {
  if (base === 'title') return preambleSpan(spec);
  return flattenSections(spec.sections).find((s) => s.id === base)?.bodySpan ?? null;
}

/** Text compared with whitespace and line endings set aside. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
