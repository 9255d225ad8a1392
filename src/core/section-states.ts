import { matchSections, type SectionMatching } from './match-sections.js';
import { saysNothing, sectionProse } from './section-prose.js';
import { stubWord } from './stand-in-text.js';
import { contentsAnchors, isTableOfContents } from './table-of-contents.js';
import { anchorsOf } from './checks/document-anchors.js';
import type { Heading, ParsedSpec, Section, Span } from './spec-types.js';
import { looseSlug } from './slug.js';
import { answersItself, optionalIn } from './optional-sections.js';
import { choosesOptions } from './option-lists.js';
import { isStandInTitle, namedInFrontMatter, standInTitleAt } from './stand-in-titles.js';
import { preambleSpan, type TemplateModel, type TemplateSection } from './template-model.js';

/** How far a section that carries guidance in the template has been written. */

export type SectionStateName = 'filled' | 'open' | 'empty' | 'missing';

/** The state of one guided template section in a spec. */
export interface SectionState {
  /** Template section id (`title` for the part between the title and the first section). */
  readonly id: string;
  readonly state: SectionStateName;
}

/**
 * The state of each guided template section in `spec`: `open` while a
 * placeholder (or a malformed marker) is still there, `missing` when its
 * heading is gone, `empty` when it says nothing but comments, whitespace or
 * the template's own guidance prose (in its own text, and in any subsections
 * it has that the template does not; a table of contents of its own is
 * content), else `filled`. An optional section that
 * is left out has no state (it is not owed); one that is there counts.
 */
export function sectionStates(spec: ParsedSpec, model: TemplateModel, matching: SectionMatching = matchSections(spec, model)): SectionState[] {
  const open = openSectionIds(spec);
  const states: SectionState[] = [];
  // The title heading is owed too where the template's only stands in for
  // one (`# Feature name`): kept, the title part is not written, whatever is under it.
  const kept = keepsStandInTitle(spec, model);
  if (model.sections[0]?.id !== 'title' && spec.title !== null && model.spec.title !== null && isStandInTitle(model.spec.title.text)) {
    states.push({ id: 'title', state: open.has('title') ? 'open' : kept ? 'empty' : 'filled' });
  }
  for (const t of model.sections) {
    if (t.id === 'title') {
      if (!t.guided) continue;
      const part = titlePart(spec, matching, model);
      if (part === null) continue;
      const isOpen = open.has('title') || (part.section !== null && open.has(part.section.id));
      const state = isOpen ? 'open' : kept || titleTextEmpty(spec, matching, model, part) ? 'empty' : 'filled';
      states.push({ id: t.id, state });
      continue;
    }
    if (!t.guided) continue;
    const section = matching.byTemplateId.get(t.id);
    // An optional section left out is not owed: it does not count at all.
    if (section === undefined && optionalIn(spec, t)) continue;
    if (section === undefined) states.push({ id: t.id, state: 'missing' });
    else if (open.has(section.id)) states.push({ id: t.id, state: 'open' });
    // The template's default answer kept ("TBD" under an EIP's Rationale, whose guidance says "The current placeholder
    // is acceptable for a draft."): written, while the template accepts it.
    else if (keepsDefaultAnswer(spec, section, t)) states.push({ id: t.id, state: keepsDraftAnswer(spec, section, t) ? 'empty' : 'filled' });
    else {
      const empty = saysNothing(spec, section.bodySpan, t.guidance, model.guidanceSentences, model.codeSamples, model.spec.source) && !ownSubsectionsSaySomething(spec, section, matching, model)
        && !ownTableOfContents(spec, section.bodySpan, t.guidance);
      // Where the template says the section may be left empty, nothing under it is an answer (the template's sample text kept is not).
      // So is a heading that answers itself, `## Security (N/A)`, `## Dependencies: none`, with nothing under it.
      // So is some of the options the template lists for the author to choose from, and nothing else: a choice made.
      const answered = empty && ((t.mayStayEmpty && sectionProse(spec, section.bodySpan) === '') || (answersItself(section.heading.text) && !answersItself(t.text))
        || choosesOptions(spec, section.bodySpan, t.options));
      states.push({ id: t.id, state: empty && !answered ? 'empty' : 'filled' });
    }
  }
  return states;
}

/**
 * Whether a section keeps the template's default answer (see
 * {@link TemplateSection.defaultAnswer}) that may stay only in a draft, in a
 * spec whose front matter `status` says it is past that (an EIP in
 * `Review` still saying "Needs discussion."). With no status it may stay.
 */
export function keepsDraftAnswer(spec: ParsedSpec, section: Section, t: TemplateSection): boolean {
  if (t.defaultAnswer === null || !t.defaultAnswer.whileDraft) return false;
  const status = specStatus(spec);
  return status !== null && PAST_DRAFT.test(status) && keepsDefaultAnswer(spec, section, t);
}

// Statuses that say a spec is past its draft: under review or after (not an idea, a stagnant or withdrawn one, a living one).
const PAST_DRAFT = /^(?:(?:in[ -])?review|last[ -]call|final|accepted|approved|implementable|implemented|active|stable|merged|done|completed?|published|ratified)\b/i;

/** Whether a section's text is the template's default answer (see {@link TemplateSection.defaultAnswer}), as it stands. */
export function keepsDefaultAnswer(spec: ParsedSpec, section: Section, t: TemplateSection): boolean {
  return t.defaultAnswer !== null && sectionProse(spec, section.bodySpan) === t.defaultAnswer.prose;
}

/** The front matter's `status` as written, or null when there is none. */
export function specStatus(spec: ParsedSpec): string | null {
  const status = spec.frontMatter?.data?.status;
  return typeof status === 'string' && status.trim() !== '' ? status.trim() : null;
}

// A record's number before a title's words, or the template's stand-in for one: `7. `, `0007 `, `NUMBER. `, `NNNN. `.
const TITLE_NUMBER = /^(?:\d+(?:\.\d+)*[.):]?|NUMBER\.|N{1,4}\.)[ \t]+/;

// A title naming the kind of document in the plural, the collection a spec joins: "Design Documents", "RFCs", "Proposals".
const NAMES_A_COLLECTION = /\b(?:documents|docs|proposals|rfcs|specifications|specs|enhancements|design notes|template)\s*$/i;
// A stand-in for a number among a title's words: `0000`, `NNNN`, `XXXX`.
const NUMBER_STAND_IN = /(?<![A-Za-z0-9])(?:0{4,}|N{4,}|X{4,})(?![A-Za-z0-9])/;

/**
 * Whether the spec's title is still the template's stand-in for one (`#
 * Feature name`, MADR's `# {short title, …}`): empty-section reports it, once
 * (leftover-marker leaves a `{{name}}` there to it).
 */
export function keepsStandInTitle(spec: ParsedSpec, template: TemplateModel): boolean {
  const standIn = template.spec.title?.text;
  // A title the template declares `fixed` is kept on purpose.
  if (spec.title === null || template.sections[0]?.fixed === true || standIn === undefined) return false;
  const written = spec.title.text.trim();
  // (A title the template's text says is the title to write, whatever its words, kept as it is: Argo CD's `# Neat Enhancement Idea`.)
  if (template.titleStandsIn && written.toLowerCase() === standIn.trim().toLowerCase()) return true;
  // (So is one that names the collection, not a spec: TiDB's `# TiDB Design Documents`, kept as it is, names no design.)
  // (Or the template itself, Cilium's `# CFP-003: Template`; or one with a stand-in for its number, UI5's `# RFC 0000 Fancy Title`.)
  if ((NAMES_A_COLLECTION.test(standIn) || NUMBER_STAND_IN.test(standIn)) && written.toLowerCase() === standIn.trim().toLowerCase()) return true;
  const at = standInTitleAt(standIn.trim());
  if (at === null) return false;
  if (written.toLowerCase() === standIn.trim().toLowerCase()) return true;
  // With the record's number before it, as ADRs are titled (`# 7. Title` for Nygard's `# Title`, `# 2. TITLE` for
  // adr-tools' `# NUMBER. TITLE`): a number is no title.
  const unnumbered = written.replace(TITLE_NUMBER, '');
  const theirsUnnumbered = standIn.trim().replace(TITLE_NUMBER, '').toLowerCase();
  if (unnumbered !== written && unnumbered.toLowerCase() === theirsUnnumbered) return true;
  // (Or with the template's number dropped, `# TITLE` for `# NUMBER. TITLE`; or a number and a to-do word, `# 12. TODO`.)
  if (theirsUnnumbered !== standIn.trim().toLowerCase() && written.toLowerCase() === theirsUnnumbered) return true;
  if (unnumbered !== written && stubWord(unnumbered) !== null) return true;
  // The label kept with its number written in (`# KEP-1440: Your short, descriptive title`, `# RFC-0042: Project Name`),
  // or dropped (`# Your short, descriptive title`): the stand-in is still all the title says (blind QA).
  const theirs = standIn.trim();
  const label = theirs.slice(0, at);
  const rest = theirs.slice(at).trim().toLowerCase();
  const ownLabel = labelOf(label).exec(written);
  const after = ownLabel === null ? null : written.slice(ownLabel[0].length).replace(/^[\s:\u2013\u2014-]+/, '');
  if (at > 0 && written.toLowerCase() === rest) return true;
  if (after !== null && after.toLowerCase() === rest) return true;
  // Its stand-in replaced by a to-do word (`# Design Doc: TBD` for `# Design Doc: Project Name`, `# KEP-1440: TBD`) is no title either.
  return after !== null && stubWord(after) !== null;
}

/** A pattern for a title's label as the template writes it, its stand-in for a number (`NNNN`, `XXXX`, `0000`) any number. */
function labelOf(label: string): RegExp {
  // (A number's slot, `{ADR-NUMBER}`, is a number written too: `ADR 002:` for `ADR {ADR-NUMBER}:`.)
  const escaped = label.trim().replace(/\{[^{}]*\}/g, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/N{3,}|X{3,}|0{3,}/g, (stand) => `(?:\\d+|${stand})`)
    .replace(/\u0000/g, '(?:\\{[^{}]*\\}|\\d+)');
  return new RegExp(`^${escaped}`, 'i');
}

/**
 * Whether the text of the title part (see {@link titlePart}) says nothing of
 * its own, the title heading aside: a title part counts as empty when this
 * is so, or when its heading is kept as the template's stand-in.
 */
export function titleTextEmpty(spec: ParsedSpec, matching: SectionMatching, model: TemplateModel, part: TitlePart): boolean {
  const t = model.sections.find((s) => s.id === 'title');
  if (t === undefined || !t.guided) return false;
  // A table of contents answers a title part that has one in the template (a KEP's), not one that asks for other things (a Rust RFC's metadata list).
  const contents = model.titleHasContents;
  return saysNothing(spec, part.span, t.guidance, model.guidanceSentences, model.codeSamples, model.spec.source) && !ownSectionsBeforeTemplateSaySomething(spec, part, matching, contents)
    && !(contents && ownTableOfContents(spec, part.span, t.guidance)) && !titleWritten(spec, model, part);
}

/**
 * Whether the spec has written what its template asks for under the title
 * when that is only the title itself (`tech-spec`'s "Add project title"): a
 * `title` in the front matter, a title heading whose text is not the
 * template's, or the level-1 chapter that stands for the title (`# Payment
 * Gateway` then `# Overview`).
 */
function titleWritten(spec: ParsedSpec, model: TemplateModel, part: TitlePart): boolean {
  if (!model.titleAsksOnlyTitle) return false;
  const title = spec.title ?? part.section?.heading ?? null;
  const theirs = model.spec.title;
  // With no title heading at all, a title in the front matter names it: docs sites (Docusaurus, MkDocs) show
  // it as the page's title. (Under the template's own heading kept, the page shows that one: still owed.)
  // (A stand-in there names nothing: `title: TBD`, `"[Project Name]"`, `"{{title}}"`, the template's own title.)
  if (title === null && typeof spec.frontMatter?.data?.title === 'string') return namedInFrontMatter(spec, theirs);
  // (A heading that is a to-do word or a stand-in itself, `# TBD`, `# Project Name`, names nothing either.)
  return title !== null && theirs !== null && looseSlug(title) !== looseSlug(theirs) && title.slug !== '' && !namesNothing(title.text);
}

/** Whether a title is a to-do word or a stand-in for one (`TBD`, `Project Name`): it names nothing. */
function namesNothing(text: string): boolean {
  return stubWord(text.trim()) !== null || isStandInTitle(text);
}

/**
 * The spec's title heading where its template asks for nothing under its
 * title but the title (`tech-spec`'s "Add project title") and the spec wrote
 * one that names nothing (`# TBD`): empty-section reports it, as the title;
 * else null.
 */
export function titleNamingNothing(spec: ParsedSpec, model: TemplateModel): Heading | null {
  const title = spec.title;
  const theirs = model.spec.title;
  if (!model.titleAsksOnlyTitle || title === null || theirs === null || looseSlug(title) === looseSlug(theirs)) return null;
  return namesNothing(title.text) ? title : null;
}

/**
 * Whether a span is a table of contents of the spec's own: its entries may
 * all be the template's (a KEP lists the sections it has), but a copy of the
 * template's text as it is stays the template's text, as for any section.
 */
function ownTableOfContents(spec: ParsedSpec, span: Span, guidance: string): boolean {
  if (!isTableOfContents(spec, span)) return false;
  if (sectionProse(spec, span) !== guidance) return true;
  // The template's own list, word for word, is the spec's when its entries lead to headings of the spec:
  // a KEP written with exactly the template's sections has exactly its contents list (blind QA). So it is when
  // most do, the spec having left out a section or two it still lists (a KDP's optional Migration): broken-link
  // names those entries (blind QA, Kyverno); a list that leads mostly nowhere is still the template's.
  const anchors = anchorsOf(spec);
  const targets = contentsAnchors(spec, span);
  let leading = 0;
  for (const t of targets) if (anchors.has(t)) leading++;
  return leading * 2 > targets.length;
}

/** Where a spec has the part its template's title guides (see {@link titlePart}). */
export interface TitlePart {
  readonly span: Span;
  /** The level-1 chapter that stands for the title, when the spec has no title of its own; else null. */
  readonly section: Section | null;
}

/**
 * Where a spec has the part that the template's title guides: under its
 * title; before its first section when it has none; and when it opens with
 * level-1 chapters (`# Pitch` then `# Problem`, where the template has
 * `## Problem` under its title), in the first chapter if that is no section
 * of the template: its heading is the title, written at the level of the
 * rest (heading-level reports the rest). Null when the first chapter is a
 * template section: there is no title part to judge — unless the template
 * has no title either (a Rust RFC's metadata list above its `# Summary`):
 * then its guidance is what comes before the first section, there as here.
 */
export function titlePart(spec: ParsedSpec, matching: SectionMatching, model: TemplateModel): TitlePart | null {
  const first = spec.sections[0];
  // A template with no title, its metadata list above its first section (React's RFCs), and a spec with a title of its own
  // over its sections (`# RFC: React.memo`): the list may be above that title or under it, and is the part's either way.
  if (spec.title !== null && model.spec.title === null) {
    const start = spec.frontMatter?.span.end ?? (spec.format.bom ? 1 : 0);
    return { span: { start, end: first?.span.start ?? spec.source.length }, section: null };
  }
  if (spec.title !== null || first === undefined || first.heading.level !== 1 || model.spec.title === null) return { span: preambleSpan(spec), section: null };
  for (const s of matching.byTemplateId.values()) if (s === first) return null;
  return { span: first.bodySpan, section: first };
}

/**
 * Whether sections the author added right under the title, before the first
 * section of the template (a KEP's "## Table of Contents"), hold content:
 * like subsections of one's own, their text is the title part's.
 */
function ownSectionsBeforeTemplateSaySomething(spec: ParsedSpec, part: TitlePart, matching: SectionMatching, contents: boolean): boolean {
  if (matching.unmatched.size === 0) return false;
  const matched = new Set(matching.byTemplateId.values());
  // Their own text, and that of their subsections that are not the template's;
  // a table of contents only where the template's title part has one.
  const says = (s: Section): boolean => (!saysNothing(spec, s.bodySpan, '') && (contents || !isTableOfContents(spec, s.bodySpan)))
    || s.children.some((c) => !matched.has(c) && says(c));
  for (const s of spec.sections) {
    if (s === part.section) continue;
    if (matched.has(s)) return false;
    if (says(s)) return true;
  }
  return false;
}

/**
 * Whether a section's content is in subsections of its own, ones the
 * template does not have ("Alternatives" written as "Alternative 1" and
 * "Alternative 2", "Graduation Criteria" as "Alpha" and "Beta"), or ones the
 * template gives nothing but a heading (a KEP's `#### Story 1` and `####
 * Story 2` under `### User Stories`). Their text is the section's, so the
 * section is not empty.
 */
function ownSubsectionsSaySomething(spec: ParsedSpec, section: Section, matching: SectionMatching, model: TemplateModel): boolean {
  if (section.children.length === 0) return false;
  return section.children.some((child) => (matching.unmatched.has(child) || placesOf(matching, model).has(child)) && !saysNothing(spec, child.span, ''));
}

const placesByMatching = new WeakMap<SectionMatching, ReadonlySet<Section>>();

/** The spec's sections matched to template sections that are nothing but a heading (see {@link TemplateSection.bare}), found once per matching. */
function placesOf(matching: SectionMatching, model: TemplateModel): ReadonlySet<Section> {
  let places = placesByMatching.get(matching);
  if (places === undefined) {
    const found = new Set<Section>();
    for (const t of model.sections) {
      const s = t.bare ? matching.byTemplateId.get(t.id) : undefined;
      if (s !== undefined) found.add(s);
    }
    placesByMatching.set(matching, (places = found));
  }
  return places;
}

/** Ids of the sections (`title` for the part under the title) that still hold a placeholder or a malformed marker. */
export function openSectionIds(spec: ParsedSpec): Set<string> {
  const open = new Set<string>();
  for (const p of spec.placeholders) open.add(p.sectionId ?? 'title');
  for (const m of spec.malformed) open.add(m.sectionId ?? 'title');
  return open;
}

/** Share of guided sections that are filled (1 when the template guides nothing). */
export function completenessOf(states: readonly SectionState[]): number {
  return states.length === 0 ? 1 : states.filter((s) => s.state === 'filled').length / states.length;
}
