import { looseSlug, numberBeforeWords, slugify } from '../slug.js';
import type { Section } from '../spec-types.js';
import type { TemplateSection } from '../template-model.js';
import { quote, sectionFinding } from './locate.js';
import type { CheckRule, FindingDraft } from './types.js';

// Same anchor, and the same words to read: `C`, `C++` and `C#` share an anchor (GitHub numbers
// them `#c`, `#c-1`, `#c-2`) but are plainly three sections (false-positive hunt).
// (Words and the signs that name things — `+`, `#` — compared; other punctuation, `## *Rollout!*`, is no other heading.)
function wordsOf(s: Section): string {
  const words = wordsIn(s);
  // (No words at all, `### ✅` and `### ❌`: the signs themselves.)
  return words === '' ? s.heading.text.trim() : words;
}

function wordsIn(s: Section): string {
  return withoutNumber(s.heading.text).replace(/<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g, ' ').toLowerCase().replace(/[^\p{L}\p{N}+#]+/gu, ' ').trim();
}

/**
 * A heading's text without a section number or emoji before its words (`3.
 * Rollout`, `4) Rollout`, `🚀 Rollout`): a second `## 🚀 Rollout` beside `##
 * Rollout` is a second copy. Not a number of words (`Phase 2: Rollout` is a
 * section of its own), nor one that is part of the name (`2024 Goals`, `1.0
 * Release notes`, `3 regions`), and not where the text starts with a letter.
 */
function withoutNumber(text: string): string {
  if (/^[A-Za-z]/.test(text)) return text;
  const before = numberBeforeWords(text);
  // (A heading of nothing else, `### ✅` beside `### ❌`, is that emoji.)
  if (before === '' || /\p{L}/u.test(before) || text.slice(before.length).trim() === '') return text;
  // (Digits only as a section's number, one with its `.` or `)`.)
  return /\d/.test(before) && !/^[^\d]*\d+[.)](?:[^\d]*)$/.test(before) ? text : text.slice(before.length);
}

/** A heading's anchor, its number or emoji before its words aside (see {@link withoutNumber}). */
function anchorOf(s: Section): string {
  const text = withoutNumber(s.heading.text);
  return text === s.heading.text ? looseSlug(s.heading) : looseSlug({ text, slug: slugify(text) });
}

/**
 * Two sibling headings with the same text: their ids collide in readers' minds
 * and in links. Not reported when both are sections of the spec's template.
 */
export const duplicateHeading: CheckRule = {
  id: 'duplicate-heading',
  defaultSeverity: 'warning',
  description: 'Two sibling sections have the same heading text.',
  check: ({ spec, matching, template }) => {
    const findings: FindingDraft[] = [];
    // Repeats the template itself writes (an `## Example` after each option) are the
    // template's to answer for, not the spec's: both headings found as sibling
    // sections of the template with one heading.
    // (Made at the first repeat: most specs have none.)
    let templateOf: Map<Section, TemplateSection> | undefined;
    const templateRepeat = (a: Section, b: Section): boolean => {
      if (matching === null || template === null) return false;
      if (templateOf === undefined) {
        templateOf = new Map();
        const byId = new Map(template.sections.map((t) => [t.id, t]));
        for (const [id, s] of matching.byTemplateId) templateOf.set(s, byId.get(id)!);
      }
      const [x, y] = [templateOf.get(a), templateOf.get(b)];
      return x !== undefined && y !== undefined && x.parentId === y.parentId && x.headingSlug === y.headingSlug;
    };
    // Each heading's words made once: many siblings may share an anchor.
    const words = new Map<Section, string>();
    const wordsFor = (s: Section): string => {
      let said = words.get(s);
      if (said === undefined) words.set(s, (said = wordsOf(s)));
      return said;
    };
    const visit = (siblings: readonly Section[]): void => {
      // Siblings by their loose anchor: only those sharing one are compared by their words (most share none).
      // (By their words within an anchor: thousands of siblings of one anchor, `## <!-- note 1 -->` …, are one lookup each.)
      const byLoose = new Map<string, Section | Map<string, Section>>();
      for (const s of siblings) {
        // Headings that give the same anchor collide: `Rollout`, `*Rollout*` and
        // `Rollout <!-- omit from toc -->` all link as #rollout.
        // So do `Rollout Plan` and `Rollout  Plan`, which look the same.
        // (`🚀 Rollout` and `3. Rollout` are Rollout too.)
        const loose = anchorOf(s);
        const before = byLoose.get(loose);
        if (before === undefined) byLoose.set(loose, s);
        else {
          const words = wordsFor(s);
          let byWords: Map<string, Section>;
          if (before instanceof Map) byWords = before;
          else {
            byWords = new Map<string, Section>([[wordsFor(before), before]]);
            byLoose.set(loose, byWords);
          }
          const first = byWords.get(words);
          if (first === undefined) byWords.set(words, s);
          else if (!templateRepeat(first, s)) {
            // (Told apart by a number or an emoji alone, the other one is named.)
            const numbered = withoutNumber(first.heading.text) !== first.heading.text || withoutNumber(s.heading.text) !== s.heading.text;
            const same = numbered && first.heading.shown !== s.heading.shown ? `the same words as ${quote(first.heading.shown)} on` : 'the same as';
            findings.push(sectionFinding(s, `duplicate heading ${quote(s.heading.shown)}: ${same} line ${first.heading.line}`));
          }
        }
        visit(s.children);
      }
    };
    // A second copy of the title at its level (an agent's answer written out twice, its front matter and all):
    // the title is no section, so no sibling of the sections after it, but it gives the same anchor first.
    const title = spec.title;
    if (title !== null) {
      const own = { heading: title } as Section;
      for (const s of spec.sections) {
        if (s.heading.level === title.level && anchorOf(s) === anchorOf(own) && wordsFor(s) === wordsOf(own)) {
          findings.push(sectionFinding(s, `duplicate heading ${quote(s.heading.shown)}: the same as the title, line ${title.line}`));
        }
      }
    }
    visit(spec.sections);
    findings.sort((a, b) => a.line - b.line || a.column - b.column);
    return findings;
  },
};
