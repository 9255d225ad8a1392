import { lineIndexOf } from '../line-index.js';
import { looseSlug, slugify } from '../slug.js';
import { memoBy } from '../memo-by.js';
import type { ParsedSpec, Position, Section, Span } from '../spec-types.js';
import { frontMatterKeyNaming, optionalIn } from '../optional-sections.js';
import { numberedKind } from '../stand-in-headings.js';
import { foundFor, headingsInBrokenComments, headingsInClosedCode, headingsInClosedComments, headingsInContainers, headingsHiddenByUnclosedPlaceholders, headingsInUnclosedCode, hiddenByComment, type Boxed, type InClosedCode, type InComment } from './hidden-headings.js';
import { headingsWrittenAsText, type WrittenAsText } from './headings-as-text.js';
import type { TemplateModel, TemplateSection } from '../template-model.js';
import type { SectionMatching } from '../match-sections.js';
import { headingPosition, quote, templateShown } from './locate.js';
import { sectionUnderOldName } from '../declared-renames.js';
import type { CheckRule, FindingDraft } from './types.js';
import { likelyRenames } from '../likely-renames.js';
import { saysNothing, sectionProse } from '../section-prose.js';
import { stubWord } from '../stand-in-text.js';
import { HEADING_JOIN } from '../heading-joins.js';
import { opensAskingForText } from '../asks-for-text.js';

// A template's sections are missing from many of its specs (every spec of a
// large project, in the worst case): each message is made once per template.
const messages = new WeakMap<TemplateModel, Map<string, string>>();

function messageFor(template: TemplateModel, t: TemplateSection): string {
  return memoBy(messages, template, t.id, () => `missing section ${quote(templateShown(t))} (${'#'.repeat(t.level)} ${t.text}) from template ${template.ref}${inFenceNote(template)}`);
}

/**
 * Why a spec misses sections of a template file that is a page about a
 * template, the template itself in a code block (see templateInFence): the
 * page's sections are the ones asked for.
 */
function inFenceNote(template: TemplateModel): string {
  const line = template.templateInFenceLine;
  return line === null ? '' : ` (the template file shows its template inside a code block, at its line ${line}, which is read as code, not as sections: map the specs to a file holding only that block's text)`;
}

/**
 * Whether a template section that is nothing but a heading (cluster-api's
 * `#### Story 1` under `### User Stories`: a place for the author's text), or
 * a stand-in for a name the spec gives, is stood in for by subsections of the
 * author's own under its parent (`#### Hosting`, `#### Multi-tenancy`): the
 * stories are there, named; or by the parent's own text, written.
 */
function standsInForOwn(spec: ParsedSpec, t: TemplateSection, matching: SectionMatching, template: TemplateModel): boolean {
  // (Numbered ones only, examples of a kind: a bare `### Storage` beside `### API` is a section owed; or a stand-in
  // for a name the spec gives, Prometheus' `### Alternative: <another way of solving this>`.)
  // (A bare one only: spec-kit's `### User Story 1 - [Brief Title]`, guided, is owed whatever its parent says.)
  // (Or a numbered kind with a word of guidance, Cilium's `### Section 1` over "_Section with proposal content_", `### Deferred
  // Milestone 1` over "_Description of deferred milestone_": sections of the author's own, named, take their place; blind QA.)
  // (Not one whose guidance asks for something of its own, `### Phase 1` over "Describe what ships in phase 1 …": review.)
  const kind = numberedKind(t.text);
  if (t.parentId === null || (!t.bare && (kind === null || opensAskingForText(t.guidance))) || (kind === null && t.standIn === null)) return false;
  const parent = matching.byTemplateId.get(t.parentId);
  if (parent === undefined) return false;
  if (parent.children.some((c) => matching.unmatched.has(c))) return true;
  // (Or by the parent's own text, written as prose or a list: Longhorn's User Stories told in a paragraph, Prometheus'
  // alternatives as bullets; blind QA: "missing Story 1".)
  const p = template.sections.find((x) => x.id === t.parentId);
  return p !== undefined && sectionProse(spec, parent.bodySpan) !== ''
    && !saysNothing(spec, parent.bodySpan, p.guidance, template.guidanceSentences, template.codeSamples, template.spec.source);
}

/**
 * Whether a spec section that seems to be a template section renamed holds
 * nothing but that section's guidance (a GEP's `## Introduction` keeping the
 * template's "(Can link to external doc …)" under its `## Introduction/Overview`):
 * the rename is not all there is to fix.
 */
function keepsItsGuidance(spec: ParsedSpec, section: Section, t: TemplateSection, template: TemplateModel): boolean {
  // (Not a to-do word, which says nothing either but is no guidance: leftover-marker names it.)
  const prose = sectionProse(spec, section.bodySpan);
  return t.guided && t.guidance !== '' && prose !== '' && stubWord(prose) === null
    && saysNothing(spec, section.bodySpan, t.guidance, template.guidanceSentences, template.codeSamples, template.spec.source);
}

/**
 * Why a section the template makes optional for some specs only is owed by
 * this one: `; the template makes it optional for non-Core EIPs only, and
 * this spec's \`category\` is "Core"`. Empty for any other section.
 */
function owedBecause(spec: ParsedSpec, t: TemplateSection): string {
  const when = t.optionalWhen;
  if (when === null) return '';
  const key = frontMatterKeyNaming(spec, when.value);
  // (Owed once the spec reaches a status: "Once the TEP is ready to be marked as implemented, …".)
  if (/^(?:once|when|after)\b/i.test(when.said) && key !== null) return `; the template asks for it ${quote(when.said.trim())}, and this spec's \`${key}\` is ${quote(when.value)}`;
  return key === null
    ? `; the template makes it ${when.said.trim()} only, and this spec's front matter names no ${quote(when.value)}`
    : `; the template makes it ${when.said.trim()} only, and this spec's \`${key}\` ${Array.isArray(spec.frontMatter!.data![key]) ? 'names' : 'is'} ${quote(when.value)}`;
}

/**
 * A section of the template whose heading is absent from the spec: one
 * finding per absent section, subsections included, placed where it belongs
 * (at the next template section that is there, or at the end). Sections the
 * template marks optional may be left out.
 */
export const missingSection: CheckRule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  description: 'A section of the template is missing from the spec.',
  check: ({ spec, template, matching }) => {
    if (template === null || matching === null) return [];
    const findings: FindingDraft[] = [];
    const sections = template.sections.filter((t) => t.id !== 'title');
    // The last block's last line, but never past the document's last line (an
    // unclosed comment at the end runs to the end of the text, line break included).
    let last: number | undefined;
    const lastLine = (): number => {
      if (last === undefined) {
        const block = spec.blocks[spec.blocks.length - 1];
        // Only a comment left open to the end, or no block at all (front matter
        // only), needs the document's own line count.
        last = block !== undefined && !(block.kind === 'html' && block.closed === false)
          ? block.endLine
          : Math.min(block?.endLine ?? Number.MAX_SAFE_INTEGER, lineIndexOf(spec).lineCount);
      }
      return last;
    };
    // For each template section, the next one (in template order) that the spec has.
    const nextPresent = new Array<Section | undefined>(sections.length);
    for (let i = sections.length - 2; i >= 0; i--) {
      nextPresent[i] = matching.byTemplateId.get(sections[i + 1]!.id) ?? nextPresent[i + 1];
    }
    // And the last one before it that the spec has.
    const previousPresent = new Array<Section | undefined>(sections.length);
    for (let i = 1; i < sections.length; i++) {
      previousPresent[i] = matching.byTemplateId.get(sections[i - 1]!.id) ?? previousPresent[i - 1];
    }
    // And where the last of those before it that the spec has ends, in the spec.
    const endBefore = new Array<number>(sections.length).fill(0);
    for (let i = 1; i < sections.length; i++) {
      endBefore[i] = Math.max(endBefore[i - 1]!, matching.byTemplateId.get(sections[i - 1]!.id)?.span.end ?? 0);
    }
    let renames: ReadonlyMap<string, Section> | null = null;
    let nextPlaced: Array<Section | undefined> | null = null;
    let shifts: Map<string | null, number> | null = null;
    let hidden: Set<string> | null = null;
    let fenced: ReturnType<typeof headingsInUnclosedCode> | null = null;
    let commented: Map<string, InComment> | null = null;
    let closedComments: Map<string, Position> | null = null;
    let asText: Map<string, WrittenAsText[]> | null = null;
    let boxed: Map<string, Boxed[]> | null = null;
    let fencedClosed: Map<string, InClosedCode[]> | null = null;
    // A line of text stands for one missing section at most.
    const claimed = new Set<number>();
    // Sections the author's own stand for, and so their subsections: a Cilium CFP's `### Option 1:`, its `#### Pros` and `#### Cons` with it.
    const stoodFor = new Set<string>();
    sections.forEach((t, i) => {
      if (optionalIn(spec, t) || matching.byTemplateId.has(t.id)) return;
      if ((t.parentId !== null && stoodFor.has(t.parentId)) || standsInForOwn(spec, t, matching, template)) {
        stoodFor.add(t.id);
        return;
      }
      // A heading inside a placeholder that lost its `-->` is hidden by it:
      // malformed-placeholder reports that one cause.
      hidden ??= headingsHiddenByUnclosedPlaceholders(spec);
      if (hidden.has(t.headingSlug) || (t.bareSlug !== null && hidden.has(t.bareSlug))) return;
      // One inside another comment that lost its `-->` is hidden by it too:
      // said so, on that line, with where the comment opens (and what closes it).
      commented ??= headingsInBrokenComments(spec);
      const inComment = foundFor(commented, t);
      if (inComment !== undefined) {
        findings.push({ ...inComment.at, sectionId: t.id, section: t.path, message: `${messageFor(template, t)}: ${hiddenByComment(inComment)}` });
        return;
      }
      // One inside a comment closed as it should be: commented out, maybe on purpose; said where it is.
      closedComments ??= headingsInClosedComments(spec);
      const commentedOut = foundFor(closedComments, t);
      if (commentedOut !== undefined) {
        findings.push({ ...commentedOut, sectionId: t.id, section: t.path, message: `${messageFor(template, t)}: its heading is inside an HTML comment, which the page does not show; take the section out of the comment if it belongs in the spec` });
        return;
      }
      // One inside a code block that is never closed is code: said so, on that line.
      fenced ??= headingsInUnclosedCode(spec);
      // Of lines alike (a YAML `# Consequences` comment above the real `## Consequences`), the one at the template's level.
      const alike = foundFor(fenced, t);
      const inCode = alike?.find((h) => h.level === t.level) ?? alike?.[0];
      if (inCode !== undefined) {
        findings.push({ ...inCode.at, sectionId: t.id, section: t.path,
          message: `${messageFor(template, t)}: its heading is inside the code block opened on line ${inCode.openLine} that is never closed${inCode.why}, so it is code, not a heading; close that code block where its code ends` });
        return;
      }
      const from = previousPresent[i]?.span.start ?? 0;
      const to = nextPresent[i]?.span.start ?? spec.source.length;
      // A heading inside a block quote, a list item or an HTML block (`> ### UX`,
      // `- ## Alternatives`, `<details>` with no blank line after it) opens no
      // section: said so, on that line, where the section belongs.
      boxed ??= headingsInContainers(spec);
      const inBox = claimIn(boxed, t, from, to, claimed);
      if (inBox !== undefined) {
        findings.push({ ...inBox.at, sectionId: t.id, section: t.path,
          // The template's level, as for a heading written as text: moved out at another depth, heading-level would report it next.
          message: `${messageFor(template, t)}: its heading is inside ${inBox.container}, so it opens no section; ${inBox.fix ?? `move it out: a ${'#'.repeat(t.level)} heading on a line of its own, ${inBox.out}`}` });
        return;
      }
      // One inside a closed code block where the section belongs (an agent's ```markdown
      // around its answer, subsections and all) is code: said so, on that line.
      fencedClosed ??= headingsInClosedCode(spec);
      const inFence = claimIn(fencedClosed, t, from, to, claimed);
      if (inFence !== undefined) {
        findings.push({ ...inFence.at, sectionId: t.id, section: t.path,
          message: inFence.indented
            ? `${messageFor(template, t)}: its heading is inside the code block that its indentation (four spaces or a tab) makes of lines ${inFence.openLine}–${inFence.closeLine}, so it is code, not a heading; remove the indentation`
            : `${messageFor(template, t)}: its heading is inside the code block on lines ${inFence.openLine}–${inFence.closeLine}, so it is code, not a heading; if the section is written there, take it out of the code block` });
        return;
      }
      // A heading written as a line of text (a KEP's PRR question as a bold
      // bullet) is placed on that line, and said so.
      // Only where the section belongs: after the template section before it
      // that the spec has, before the next one (a `**Dependencies:**` lead-in
      // under References is not the missing Dependencies).
      if (asText === null) {
        // Read only the stretches where some missing section belongs.
        const stretches: Span[] = [];
        const missing: TemplateSection[] = [];
        sections.forEach((s, k) => {
          if (optionalIn(spec, s) || matching.byTemplateId.has(s.id) || standsInForOwn(spec, s, matching, template)) return;
          missing.push(s);
          stretches.push({ start: previousPresent[k]?.span.start ?? 0, end: nextPresent[k]?.span.start ?? spec.source.length });
        });
        asText = headingsWrittenAsText(spec, missing, stretches);
      }
      const lines = asText;
      const inPlace = (slug: string | null): WrittenAsText | undefined =>
        slug === null ? undefined : lines.get(slug)?.find((w) => w.offset >= from && w.offset < to && !claimed.has(w.offset));
      // The heading's own words first, then without its number (`1.2 Quality Goals` written `**Quality Goals:**`).
      const written = inPlace(t.headingSlug) ?? inPlace(t.bareSlug);
      if (written !== undefined) {
        claimed.add(written.offset);
        // In a quote or a nested list, a heading stays in it: it must come out.
        const where = written.contained ? ', outside the list or quote it is in' : '';
        const lineText = (offset: number): string => spec.source.slice(offset).split(/\r\n|\r|\n/, 1)[0]!.trim();
        findings.push({ ...written.at, sectionId: t.id, section: t.path,
          message: written.underlinedItem !== undefined
            // `1. Motivation` over `----`: the author wrote a heading, and sees none.
            ? `${messageFor(template, t)}: its heading is written here with \`${written.underlinedItem}\` before it, which makes the line a list item and the \`---\` under it a horizontal rule, not a heading's underline; write it as a ${'#'.repeat(t.level)} heading: \`${'#'.repeat(t.level)} ${/\d/.test(written.underlinedItem) ? `${written.underlinedItem} ` : ''}${lineText(written.offset)}\``
            : written.noSpace !== undefined
              // `###API`: Markdown needs a space after the `#`s.
              ? `${messageFor(template, t)}: its heading is written here with no space after its \`${written.noSpace}\`, so it is text, not a heading; write \`${'#'.repeat(t.level)} ${lineText(written.offset).slice(written.noSpace.length).trim()}\``
              : written.tooMany !== undefined
                // `####### How can …?`: a heading has six `#`s at most.
                ? `${messageFor(template, t)}: its heading is written here with ${written.tooMany.length} \`#\`s, more than a heading has (six at most), so it is text, not a heading; write \`${'#'.repeat(t.level)} ${lineText(written.offset).slice(written.tooMany.length).trim()}\``
                : `${messageFor(template, t)}: its heading is written here as text, not as a heading; make it a ${'#'.repeat(t.level)} heading on a line of its own${where}` });
        return;
      }
      // A section the template declares renamed, still under its old heading (a spec of an earlier version): `sync` renames it.
      const old = sectionUnderOldName(matching, template, t.id);
      if (old !== undefined) {
        findings.push({ ...headingPosition(old.heading), sectionId: t.id, section: t.path,
          message: `${messageFor(template, t)}: the template renamed ${quote(old.heading.shown, 300)} to it; run \`specfill sync\` to rename the heading` });
        return;
      }
      // Most specs rename nothing; the search runs only where a section that is not the template's stands.
      if (renames === null) renames = matching.unmatched.size === 0 ? new Map() : likelyRenames(spec, template, matching);
      const renamed = renames.get(t.id);
      // A heading of two names or more (`Goals and Non-Goals`) written as sections side by side, each under one of them: said so, on the first.
      // (A heading that joins names only: most do not.)
      const level = renamed === undefined && TWO_NAMES.test(t.text) ? t.level + ((shifts ??= siblingShifts(sections, matching.byTemplateId)).get(t.parentId) ?? 0) : t.level;
      const parts = renamed === undefined ? splitUp(t, level, matching.unmatched, from, to) : null;
      if (parts !== null) {
        const named = parts.map((part) => quote(part.heading.shown, 300));
        findings.push({ ...headingPosition(parts[0]!.heading), sectionId: t.id, section: t.path,
          message: `${messageFor(template, t)}; ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]} are in its place, it split in ${INTO[parts.length] ?? `${parts.length} parts`}: put them under a ${'#'.repeat(Math.max(1, Math.min(6, level)))} ${t.text} heading, a level below it, or join them under that heading` });
        return;
      }
      // Where it belongs: on the heading that seems to be it renamed, else at
      // the next template section there, else at the end.
      // (A template section after it that the spec seems to have renamed counts as there: TensorFlow's "Objective" goes
      // before the spec's `## Proposal`, its "Design Proposal" renamed, not at the end.)
      let next = nextPresent[i];
      if (renames.size > 0) {
        // (The first after each one that is there or renamed, made once, from the end: a template of thousands stays linear.)
        if (nextPlaced === null) {
          const placed = new Array<Section | undefined>(sections.length);
          for (let j = sections.length - 2; j >= 0; j--) {
            placed[j] = matching.byTemplateId.get(sections[j + 1]!.id) ?? renames.get(sections[j + 1]!.id) ?? placed[j + 1];
          }
          nextPlaced = placed;
        }
        const there = nextPlaced[i];
        if (there !== undefined && there.span.start >= endBefore[i]!) next = there;
      }
      // (With none after it, at the heading that follows the template section before it, and what is under that: a section of
      // the spec's own there, `## Alternatives Considered` for a renamed last one; else at the end.)
      // (After all the template sections before it that are there, wherever the spec put them.)
      const after = next === undefined && endBefore[i]! > 0 ? spec.headings.find((h) => h.span.start >= endBefore[i]!) : undefined;
      const at: Position = renamed !== undefined ? headingPosition(renamed.heading)
        : next !== undefined ? headingPosition(next.heading) : after !== undefined ? headingPosition(after) : { line: lastLine(), column: 1, endLine: lastLine(), endColumn: 1 };
      // A heading standing for several sections side by side seems to merge them.
      const merged = renamed === undefined ? [] : [...renames.entries()].filter(([id, s]) => s === renamed && id !== t.id).map(([id]) => id);
      const message = renamed === undefined
        ? `${messageFor(template, t)}${owedBecause(spec, t)}`
        // No line number in the message: SARIF fingerprints hash it, and must
        // survive edits above. Both headings whole: they may differ at the end.
        : merged.length === 0
          ? t.standIn?.number !== undefined
            ? `${messageFor(template, t)}; ${quote(renamed.heading.shown, 300)} is in its place: if that is this section, write its heading as the template's with a number for ${quote(t.standIn.number)}`
            : t.standIn !== null && t.standIn.lead !== ''
            // (The template's heading names it in part: the spec's must start with those words.)
            ? `${messageFor(template, t)}; ${quote(renamed.heading.shown, 300)} is in its place: if that is this section, start its heading with ${quote(t.standIn.lead, 300)}`
            : `${messageFor(template, t)}; ${quote(renamed.heading.shown, 300)} is in its place: if that is this section renamed, restore its heading${keepsItsGuidance(spec, renamed, t, template) ? ', and write its content: it still holds only the template\'s guidance' : ''}`
          : `${messageFor(template, t)}; ${quote(renamed.heading.shown, 300)} is in its place and seems to hold it with ${merged.map((id) => quote(templateShown(template.sections.find((x) => x.id === id)!), 300)).join(' and ')}: give each section its own heading`;
      findings.push({ line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, sectionId: t.id, section: t.path, message });
    });
    return findings;
  },
};

/**
 * For each parent (by template id), how many levels deeper than the
 * template the spec writes the first of its children that it has: a spec
 * that writes the template's `#` chapters as `##` writes a section's halves so too.
 */
function siblingShifts(sections: readonly TemplateSection[], present: ReadonlyMap<string, Section>): Map<string | null, number> {
  const shifts = new Map<string | null, number>();
  for (const t of sections) {
    if (shifts.has(t.parentId)) continue;
    const s = present.get(t.id);
    if (s !== undefined) shifts.set(t.parentId, s.heading.level - t.level);
  }
  return shifts;
}

// Every join of a heading (see splitUp).
const JOINS = new RegExp(HEADING_JOIN.source, 'gi');
// How many parts a heading split into, in words.
const INTO: Readonly<Record<number, string>> = { 2: 'two', 3: 'three', 4: 'four', 5: 'five' };

// A heading of two names or more joined by "and", `&`, `/` or commas (see splitUp).
const TWO_NAMES = /\s(?:and|&)\s|\/|,\s/i;

/**
 * Sections of the spec's own, side by side at the section's level where it
 * belongs (between `from` and `to`), each named after one of the names of a
 * heading that joins them with "and", `&`, `/` or commas: one for each name
 * (`Drawbacks`, `Alternatives` and `Unknowns` for "Drawbacks, alternatives,
 * and unknowns"), else two halves cut at one join (`Goals` and `Non-Goals`
 * for "Goals and Non-Goals"; "Best Practices, Tutorials and Examples" is
 * "Best Practices" and "Tutorials and Examples" too); null when there are none such.
 */
function splitUp(t: TemplateSection, level: number, unmatched: ReadonlySet<Section>, from: number, to: number): Section[] | null {
  const text = t.text.replace(/<!--[\s\S]*?-->/g, '').trim();
  const joins = [...text.matchAll(JOINS)];
  // (`/` with or without spaces: a GEP's "Introduction/Overview".)
  const cuts = [...(joins.length > 1 ? [joins] : []), ...joins.map((join) => [join])];
  for (const cut of cuts) {
    const starts = [0, ...cut.map((join) => join.index + join[0].length)];
    // (The last name after a serial comma keeps its "and": `…, and unknowns` is "unknowns".)
    const names = starts.map((start, k) => slugify(text.slice(start, cut[k]?.index ?? text.length).replace(/^(?:and|&)\s+/i, '')));
    if (names.some((name) => name === '') || new Set(names).size < names.length) continue;
    const found: Section[] = [];
    for (const s of unmatched) {
      if (s.heading.level !== level || s.span.start < from || s.span.start >= to) continue;
      if (looseSlug(s.heading) !== names[found.length]) continue;
      found.push(s);
      if (found.length === names.length) return found;
    }
  }
  return null;
}

/**
 * The first heading line found for a missing section (by its anchor, or its
 * anchor without a number) between `from` and `to` that no other missing
 * section has taken, taken now: each line stands for one section at most.
 */
function claimIn<T extends { readonly offset: number }>(found: ReadonlyMap<string, readonly T[]>, t: TemplateSection, from: number, to: number, claimed: Set<number>): T | undefined {
  for (const slug of [t.headingSlug, t.bareSlug]) {
    const hit = slug === null ? undefined : found.get(slug)?.find((w) => w.offset >= from && w.offset < to && !claimed.has(w.offset));
    if (hit !== undefined) {
      claimed.add(hit.offset);
      return hit;
    }
  }
  return undefined;
}
