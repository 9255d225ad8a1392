// Template headings that stand in, wholly or in part, for what the spec
// writes there: MADR's `### {title of option 1}`, spec-kit's `### User Story
// 1 - [Brief Title] (Priority: P1)`; and a series of them (option 1, 2, 3;
// story 1, 2, 3), which stands for as many as the spec needs.
import { PLACEHOLDER_MARKER } from './find-placeholders.js';
import { withoutClosedComments } from './markdown/inline-comments.js';
import { normalizedSentence } from './guidance-sentences.js';
import type { Section } from './spec-types.js';

/**
 * What a stand-in heading keeps of its own words: the spec's heading in its
 * place starts with `prefix` (normalised words: lower case, letters and
 * digits), or, when that is empty, ends with `suffix`; both empty for a
 * heading that is wholly a stand-in.
 */
export interface StandInWords {
  readonly prefix: string;
  readonly suffix: string;
  /** The heading's own words before its first slot, as written (`User Story 1 -`); empty when the whole heading stands in. */
  readonly lead: string;
}

// A slot: `{…}`, `{{…}}`, or `[…]` with a letter in it (shown with its brackets: no link).
const SLOT = /\{\{?[^{}]+\}\}?|\[[^[\]]*[A-Za-z][^[\]]*\]/;
const SLOTS = new RegExp(SLOT.source, 'g');

/**
 * How a template's section heading stands in for a name the spec gives, or
 * null when it does not: it holds an `AGENT_PLACEHOLDER`, or it is nothing but
 * comments, or a slot (`{slot}`, `{{slot}}`, `[slot]`) and nothing else — the
 * whole heading is the spec's —, or it holds a slot among words of its own
 * (`User Story 1 - [Brief Title] (Priority: P1)`): the words before the first
 * slot start the spec's heading (or, with none before it, those after the last end it).
 */
export function standInWords(text: string): StandInWords | null {
  if (text.indexOf(PLACEHOLDER_MARKER) !== -1 && /<!--\s*AGENT_PLACEHOLDER:/.test(text)) return WHOLE;
  const words = withoutClosedComments(text).trim();
  if (words === '') return WHOLE;
  const first = SLOT.exec(words);
  if (first === null) return null;
  if (first.index === 0 && first[0].length === words.length) return WHOLE;
  const prefix = normalizedSentence(words.slice(0, first.index));
  let last = first.index + first[0].length;
  for (const m of words.matchAll(SLOTS)) last = m.index + m[0].length;
  const suffix = normalizedSentence(words.slice(last));
  // Punctuation around a slot (`- [Title]`) is no word of the heading's own.
  return prefix === '' && suffix === '' ? WHOLE : { prefix, suffix, lead: words.slice(0, first.index).trim() };
}

const WHOLE: StandInWords = { prefix: '', suffix: '', lead: '' };

/** Whether a spec heading (its text) may be the one written in place of a stand-in with these words. */
export function fitsStandIn(heading: string, stand: StandInWords): boolean {
  if (stand.prefix === '' && stand.suffix === '') return true;
  const words = normalizedSentence(heading);
  if (stand.prefix !== '') return words === stand.prefix || words.startsWith(`${stand.prefix} `);
  return words === stand.suffix || words.endsWith(` ${stand.suffix}`);
}

/**
 * The ids of stand-in sections that follow the first of a series: siblings
 * whose headings differ in their figures only (`{title of option 2}` after
 * `{title of option 1}`, `User Story 2 - [Brief Title] (Priority: P2)`). The
 * template shows how many a spec may write: one is owed, the others may go.
 */
export function standInSeriesFollowers(sections: readonly Section[]): Set<string> {
  const followers = new Set<string>();
  const visit = (siblings: readonly Section[]): void => {
    const seen = new Set<string>();
    for (const s of siblings) {
      const stand = standInWords(s.heading.text);
      if (stand !== null) {
        // By the words the spec's heading keeps (a mark after them, spec-kit's `🎯 MVP` on the first phase, aside).
        const words = stand.prefix !== '' ? `^${stand.prefix}` : stand.suffix !== '' ? `$${stand.suffix}` : s.heading.text.toLowerCase();
        const shape = `${s.heading.level} ${words.replace(/\d+/g, '#')}`;
        if (seen.has(shape)) followers.add(s.id);
        else seen.add(shape);
      }
      visit(s.children);
    }
  };
  visit(sections);
  return followers;
}
