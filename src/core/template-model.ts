import { blockText } from './block-text.js';
import { PLACEHOLDER_MARKER } from './find-placeholders.js';
import { findInlineComments } from './markdown/inline-comments.js';
import { parseSpec } from './parse-spec.js';
import { blocksIn, codeSample, hasCommentBlock, proseSentences, sectionProse } from './section-prose.js';
import { hasTableOfContents } from './table-of-contents.js';
import { idAfterRenames } from './section-renames.js';
import { bareSlug, looseSlug, slugify, squashedSlug } from './slug.js';
import { countAtMost } from './sorted-search.js';
import type { ParsedSpec, Section, Span } from './spec-types.js';

/** A section of a template, with what specs written from it are expected to do there. */
export interface TemplateSection {
  /** Section id (`title` for the part between the title and the first section). */
  readonly id: string;
  readonly slug: string;
  /** The anchor of the heading's text alone, without the `-1` a repeated sibling gets in `slug`. */
  readonly headingSlug: string;
  /** Heading text (the title text for `title`). */
  readonly text: string;
  readonly level: number;
  /** Heading texts from the outermost section down to this one. */
  readonly path: readonly string[];
  readonly parentId: string | null;
  /** The section carries guidance: a placeholder, another comment, or prose to replace. */
  readonly guided: boolean;
  /** The template's own prose in the section (comments removed, whitespace collapsed). */
  readonly guidance: string;
  /** A spec may leave this section out. */
  readonly optional: boolean;
  /**
   * Its text is kept by every spec as the template writes it (a licence
   * line, declared in the front matter's `fixed:`): no guidance, never empty.
   */
  readonly fixed: boolean;
  /** `headingSlug` without the heading's "(Optional)" mark (`notes` for "Notes (Optional)"), or null when it has none. */
  readonly unmarkedHeadingSlug: string | null;
  /**
   * The id with each "(Optional)" mark of its path taken out (`design/notes`
   * for Design › Notes (Optional)), or null when its path has none: how a
   * spec that drops the mark names the section.
   */
  readonly unmarkedId: string | null;
  /**
   * The anchor a spec heading elsewhere in the document is matched by when
   * the section is not in its place (whitespace runs as one space, see
   * `looseSlug`); null when the template has this heading more than once (a
   * "Risks" under each option): such sections are matched by path only.
   */
  readonly fallbackSlug: string | null;
  /** The heading's anchor without a section number or emoji before its words (`1. Overview`), or null when it has none. */
  readonly bareSlug: string | null;
  /**
   * The heading's anchor without its number and its optional mark at once
   * (`drawbacks` for "4. Drawbacks (Optional)"), or null unless it has both.
   */
  readonly bareUnmarkedSlug: string | null;
  /** `fallbackSlug` without its hyphens (see `squashedSlug`), or null. */
  readonly squashedSlug: string | null;
  /**
   * `unmarkedHeadingSlug`, `bareSlug` and `bareUnmarkedSlug` without their
   * hyphens, those that have any (`crosscuttingconcepts` for "8. Cross-cutting
   * Concepts"): a heading may differ in its number or mark and its spacing at
   * once. Empty when `fallbackSlug` is null.
   */
  readonly squashedLooseSlugs: readonly string[];
  /**
   * The heading stands in for a name the spec gives (`### <!--
   * AGENT_PLACEHOLDER: name the option -->`, MADR's `### {title of option 1}`,
   * a heading of nothing but a comment): a spec section in its place at its
   * level, under the same parent, is this section whatever its heading says.
   */
  readonly standIn: boolean;
}

/** A template as `check` and `status` use it: its sections in order, with their guidance. */
export interface TemplateModel {
  /** `id@version`. */
  readonly ref: string;
  readonly spec: ParsedSpec;
  /** Sections in template order; `title` first when the title part carries guidance. */
  readonly sections: readonly TemplateSection[];
  /**
   * Every sentence of the template's guidance, normalised (see
   * proseSentences): of its prose, and of the text of its comments (a spec
   * that deletes only a comment's `<!--` and `-->` has written nothing).
   */
  readonly guidanceSentences: ReadonlySet<string>;
  /**
   * Whether all the template asks for under its title is the title itself
   * (`tech-spec`'s `<!-- AGENT_PLACEHOLDER: Add project title -->`, and
   * nothing else there): a spec that gives its title heading a text of its
   * own has written it.
   */
  readonly titleAsksOnlyTitle: boolean;
  /**
   * Whether the template's title part holds a table of contents (a KEP's,
   * between `<!-- toc -->` comments): then a spec's own table of contents
   * there is what it asks for.
   */
  readonly titleHasContents: boolean;
  /**
   * The section ids the template declares renamed (`renamed: {old-id:
   * new-id}`, chains followed), by the id they lead to: a spec written from
   * an earlier version still has the old heading, which `sync` renames.
   */
  readonly renamedFrom: ReadonlyMap<string, readonly string[]>;
  /** The code of every code block of the template (see codeSample): a spec that keeps one has written no code of its own there. */
  readonly codeSamples: ReadonlySet<string>;
}

// Headings like KEP's "User Stories (Optional)" say so themselves (older
// KEPs wrote "Drawbacks [optional]").
// (No spaces around it in the pattern: `\s*` there backtracks over long runs of spaces.)
// Go's design template writes "Open issues (if applicable)".
const OPTIONAL_MARK = /\(optional\)|\[optional\]|\(if (?:applicable|any)\)/i;
const OPTIONAL_MARKS = /\(optional\)|\[optional\]|\(if (?:applicable|any)\)/gi;

/** Whether a heading says itself that it is optional ("User Stories (Optional)", "Drawbacks [optional]", "Open issues (if applicable)"). */
export function markedOptional(text: string): boolean {
  return OPTIONAL_MARK.test(text);
}

/** The anchor of a heading without its optional mark ("Drawbacks [optional]" is `drawbacks`), or null when it has none. */
export function unmarkedSlug(text: string): string | null {
  return OPTIONAL_MARK.test(text) ? slugify(withoutOptionalMark(text)) : null;
}

// Guidance that opens by saying the section is optional ("Optional, but
// suggested for first drafts." in Ember's RFC template, "(Optional) Describe…",
// "This section is optional.") marks it so, as "(Optional)" in its heading would.
// The word must stand alone ("Optional and required parameters…" is a subject, not a mark).
// MADR writes "This is an optional element." (above the heading: see commentAboveSaysOptional).
const SAYS_OPTIONAL = /^(?:[([]\s*optional\s*[)\]]|optional\s*[,.:;!\u2013\u2014](?!\w)|optional\s+-\s|this (?:section|element|part|chapter) is optional\s*(?:[.,;:!]|$)|this is an optional (?:section|element|part|chapter)\s*(?:[.,;:!]|$))/i;

/** Whether a section's own text (its guidance) opens by saying that the section is optional. */
/**
 * Whether a comment right above a section's heading (on the line before it,
 * no blank line between) says the section is optional, as MADR's
 * `<!-- This is an optional element. Feel free to remove. -->` over
 * `## Decision Drivers` does: it is about the heading below it, not the end
 * of the section above.
 */
function commentAboveSaysOptional(spec: ParsedSpec, section: Section): boolean {
  const start = section.heading.span.start;
  const above = spec.blocks[countAtMost(spec.blocks, (b) => b.start, start - 1) - 1];
  if (above === undefined || above.kind !== 'html' || above.htmlKind !== 2) return false;
  // Only a line break between the comment's end and the heading.
  if (!/^[ \t]*(?:\r\n|\r|\n)$/.test(spec.source.slice(above.end, start))) return false;
  return SAYS_OPTIONAL.test(spec.source.slice(above.start, above.end).replace(/<!--|-->|[*_>`#\s]+/g, ' ').trim());
}

function guidanceSaysOptional(spec: ParsedSpec, span: Span): boolean {
  const text = spec.source.slice(span.start, Math.min(span.end, span.start + 400));
  if (!/optional/i.test(text)) return false;
  return SAYS_OPTIONAL.test(text.replace(/<!--[ \t]*(?:AGENT_PLACEHOLDER:)?|-->|[*_>`#\s]+/g, ' ').trim());
}

/** A heading's text with its optional marks taken out, whitespace runs as one space. */
export function withoutOptionalMark(text: string): string {
  return text.replace(OPTIONAL_MARKS, ' ').replace(/\s+/g, ' ').trim();
}

// Most headings have no loose form with a hyphen: one empty list for all of them.
const NONE: readonly string[] = Object.freeze([]);

/**
 * A section's loose anchors (without number, mark, or both) without their
 * hyphens, each once and none that is `squashed`, its fallback's own.
 */
function squashedLooseSlugs(s: TemplateSection, squashed: string | null): readonly string[] {
  let out: string[] | undefined;
  for (const slug of [s.unmarkedHeadingSlug, s.bareSlug, s.bareUnmarkedSlug]) {
    const form = slug === null ? null : squashedSlug(slug);
    if (form !== null && form !== squashed && !(out ?? NONE).includes(form)) (out ??= []).push(form);
  }
  return out ?? NONE;
}

/**
 * Builds the model of a template: every section with its guidance, in all
 * three forms (an `AGENT_PLACEHOLDER` comment, any other HTML comment, or
 * prose that a spec must replace). `optional` lists section ids a spec may
 * omit (from the template's front matter `optional:`); so does any heading
 * marked "(Optional)" and every section below an optional one. `renamed` is
 * the template's declared renames (see {@link TemplateModel.renamedFrom}).
 */
export function buildTemplateModel(spec: ParsedSpec, ref: string, optional: readonly string[] = [], renamed: Readonly<Record<string, string>> = {}, fixed: readonly string[] = []): TemplateModel {
  const sections: TemplateSection[] = [];
  const titleSpan = preambleSpan(spec);
  const fixedTitle = fixed.includes('title');
  if (hasCommentBlock(spec, titleSpan) || sectionProse(spec, titleSpan) !== '') {
    sections.push({
      id: 'title', slug: 'title', headingSlug: 'title', text: spec.title?.text ?? '', level: spec.title?.level ?? 1, path: [],
      parentId: null, guided: !fixedTitle, guidance: fixedTitle ? '' : sectionProse(spec, titleSpan), optional: optional.includes('title'), fixed: fixedTitle,
      unmarkedHeadingSlug: null, unmarkedId: null, fallbackSlug: null, bareSlug: null, bareUnmarkedSlug: null, squashedSlug: null,
      squashedLooseSlugs: NONE, standIn: false,
    });
  }
  const visit = (section: Section, parent: TemplateSection | null): void => {
    const marked = markedOptional(section.heading.text);
    const unmarkedHeadingSlug = marked ? unmarkedSlug(section.heading.text) : null;
    // Other segments keep their slugs as made (HTML aside, `-1` for repeats).
    const unmarkedId = marked || parent?.unmarkedId != null
      ? `${parent === null ? '' : `${parent.unmarkedId ?? parent.id}/`}${unmarkedHeadingSlug ?? section.slug}` : null;
    const kept = fixed.includes(section.id) || (unmarkedId !== null && fixed.includes(unmarkedId));
    const guidance = kept ? '' : sectionProse(spec, section.bodySpan);
    const model: TemplateSection = {
      id: section.id,
      slug: section.slug,
      headingSlug: section.heading.slug,
      text: section.heading.text,
      level: section.heading.level,
      path: section.path,
      parentId: parent?.id ?? null,
      guided: !kept && (guidance !== '' || hasCommentBlock(spec, section.bodySpan)),
      guidance,
      optional: (parent?.optional ?? false) || optional.includes(section.id) || marked || guidanceSaysOptional(spec, section.bodySpan) || commentAboveSaysOptional(spec, section) || commentMarksOptional(section.heading.text),
      fixed: kept,
      unmarkedHeadingSlug,
      unmarkedId,
      fallbackSlug: looseSlug({ text: section.heading.text, slug: section.heading.slug }),
      bareSlug: bareSlug(section.heading.text),
      bareUnmarkedSlug: marked ? bareSlug(withoutOptionalMark(section.heading.text)) : null,
      squashedSlug: null,
      squashedLooseSlugs: NONE,
      standIn: isStandInHeading(section.heading.text),
    };
    sections.push(model);
    for (const child of section.children) visit(child, model);
  };
  for (const section of spec.sections) visit(section, null);
  // A heading the template has more than once cannot say which of them a moved one is.
  const count = new Map<string, number>();
  for (const s of sections) if (s.fallbackSlug !== null) count.set(s.fallbackSlug, (count.get(s.fallbackSlug) ?? 0) + 1);
  const withFallback = sections.map((s) => {
    if (s.fallbackSlug === null) return s;
    if (count.get(s.fallbackSlug)! > 1) return { ...s, fallbackSlug: null };
    const squashed = squashedSlug(s.fallbackSlug);
    return { ...s, squashedSlug: squashed, squashedLooseSlugs: squashedLooseSlugs(s, squashed) };
  });
  const guidanceSentences = new Set<string>();
  if (sections.some((s) => s.guided)) {
    // The text of fixed sections is no guidance: a spec writes it as its own.
    const keptIds = new Set(sections.filter((s) => s.fixed).map((s) => s.id));
    // Prose only where some section guides with it (else there is none to read).
    const prose = sections.some((s) => s.guidance !== '');
    const ofSpan = (span: Span): string[] => (prose ? [...proseSentences(spec, span), ...commentSentences(spec, span)] : commentSentences(spec, span));
    for (const s of [...(fixedTitle ? [] : ofSpan(titleSpan)), ...spec.sections.flatMap((x) => sentencesDeep(x, keptIds, ofSpan))]) guidanceSentences.add(s);
  }
  const renamedFrom = new Map<string, string[]>();
  for (const old of Object.keys(renamed)) {
    const target = idAfterRenames(old, renamed);
    const list = renamedFrom.get(target);
    if (list === undefined) renamedFrom.set(target, [old]);
    else list.push(old);
  }
  return {
    ref, spec, sections: withFallback, guidanceSentences, titleAsksOnlyTitle: asksOnlyTitle(spec, titleSpan),
    titleHasContents: hasTableOfContents(spec, titleSpan), renamedFrom,
    codeSamples: new Set(spec.blocks.filter((b) => b.kind === 'code').map((b) => codeSample(spec.source, b)).filter((code) => code !== '')),
  };
}


/**
 * Whether an instruction asks for the title and nothing more ("Add project
 * title", "Title of this RFC", "Replace with your project title", "System
 * name"): a few words naming the title, with no list of other things
 * ("and", a comma, a semicolon).
 */
function asksForTitleAlone(instruction: string, titleText: string): boolean {
  const words = instruction.trim().split(/\s+/);
  return (/\btitle\b/i.test(instruction) || namesTheSubject(instruction, titleText)) && words.length <= 8 && !/\band\b|[,;]/i.test(instruction);
}

/**
 * Whether a template's section heading stands in for a name the spec gives:
 * it holds an `AGENT_PLACEHOLDER`, it is nothing but comments, or its text is
 * one `{slot}` (or `{{slot}}`, or `[slot]` shown with its brackets) and nothing else.
 */
export function isStandInHeading(text: string): boolean {
  if (text.indexOf(PLACEHOLDER_MARKER) !== -1 && /<!--\s*AGENT_PLACEHOLDER:/.test(text)) return true;
  const words = text.replace(/<!--[\s\S]*?-->/g, ' ').trim();
  // (`[option 1]` is shown with its brackets only when it is no link: a slot, as MADR 2 and log4brains write them.)
  return words === '' || /^\{\{?[^{}]+\}\}?$/.test(words) || /^\[[^[\]]*[A-Za-z][^[\]]*\]$/.test(words);
}

/** Whether a heading's comment says the section is optional (`## Drivers <!-- optional -->`, as MADR 2 and log4brains mark them). */
function commentMarksOptional(text: string): boolean {
  return text.indexOf('<!--') !== -1 && /<!--\s*(?:optional|this (?:section|element) is optional)[\s.!]*-->/i.test(text);
}

/**
 * Whether a template's title heading only stands in for a title (`# Title`,
 * `# <RFC title>`, `# [Feature Name]`), as written in its source: its words
 * say so, or the whole title is a slot, whatever its words (MADR's `# {short
 * title, representative of solved problem and found solution}`, MADR 2's
 * `# [short title of solved problem and solution]`, `# {{name}}`), or nothing
 * but a comment (MADR bare's `# <!-- short title -->`). A title that is an
 * `AGENT_PLACEHOLDER` is the placeholder's, filled and reported as one.
 */
export function isStandInTitle(written: string): boolean {
  return standInTitleAt(written) !== null;
}

/**
 * Where the stand-in for a title starts in a template's title heading text
 * (trimmed): 0 when it is all stand-in, past a label when only what follows
 * the label's colon is (`Design Doc: Project Name`, `KEP-NNNN: Your short,
 * descriptive title`: the spec keeps the label); null when it holds none.
 */
export function standInTitleAt(written: string): number | null {
  const title = written.trim();
  if (isWholeStandIn(title)) return 0;
  const label = TITLE_LABEL.exec(title);
  return label !== null && isWholeStandIn(title.slice(label[0].length)) ? label[0].length : null;
}

function isWholeStandIn(title: string): boolean {
  return STAND_IN_TITLE.test(title) || (title.length <= 80 && (TITLE_INSTRUCTION.test(title) || DESCRIBED_TITLE.test(title)))
    || WHOLE_SLOT_TITLE.test(title) || onlyComments(title);
}

// A short label before a colon (`Design Doc:`, `KEP-NNNN:`, `RFC:`), no sentence of its own.
const TITLE_LABEL = /^[^:.!?<>{}[\]]{1,40}:\s+/;

// One `{slot}`, `{{slot}}` or `[slot]` and nothing else, with some text inside.
const WHOLE_SLOT_TITLE = /^(?:\{\s*[^{}\s][^{}]*\}|\{\{\s*[^{}\s][^{}]*\}\}|\[\s*[^[\]\s][^[\]]*\])$/;

/** Whether a title is nothing but closed HTML comments (not an `AGENT_PLACEHOLDER`'s): a comment shows nothing, so stands in for the title. */
function onlyComments(title: string): boolean {
  if (!title.startsWith('<!--') || /<!--\s*AGENT_PLACEHOLDER:/.test(title)) return false;
  // By hand: a lazy pattern scans to the end from each unclosed `<!--`.
  for (let at = 0; at < title.length;) {
    if (!title.startsWith('<!--', at)) return false;
    const close = title.indexOf('-->', at + 4);
    if (close === -1) return false;
    at = close + 3;
    while (at < title.length && /\s/.test(title[at]!)) at++;
  }
  return true;
}

const STAND_IN_TITLE = /^[[<{(]*\s*(?:(?:your|the|document|doc|adr|rfc|spec|project|feature|decision|proposal)\s+)?(?:title|name)(?:\s+here)?\s*[\]>})]*$/i;
// An instruction to write the title in its place ("Replace this with your awesome OTEP title", "Insert title here").
const TITLE_INSTRUCTION = /^[[<{(]*\s*(?:replace\s+(?:this|me)|insert|add|enter|write|put|fill\s+in)\b[^.!?:]*\b(?:title|name)(?:\s+here)?\s*[\]>})]*$/i;
// A title described rather than written ("Your short, descriptive title", "A descriptive title").
const DESCRIBED_TITLE = /^[[<{(]*\s*(?:your|a|an)\s+(?:[\w-]+,?\s+){0,4}title(?:\s+here)?\s*[\]>})]*$/i;
const SPEAKS_OF_NAMES = /\b(?:titles?|names?|naming|named|noun phrases?)\b/i;
// A placeholder there asks for the document's name, not a person's ("Your name").
const NAMES_THE_DOCUMENT = /\bnoun phrase|\bnaming\s+(?:the|this|a|an)\s+(?:decision|document|proposal|change|feature|project|system|service|spec|adr|rfc|record)\b/i;

// "System name", "Name of the pipeline": the name of what the document is
// about is its title. What it is about: a thing of the usual kinds (a
// system, a service, a feature…), or the thing the template's own title
// names ("Name of the pipeline" under `# Pipeline Name`, "Model name" under
// `# Model Card`). Not a person's name, a group's or a role's ("Your name",
// "Name of the service owner", "Team name"): the whole instruction must say just that.
const SUBJECT = new Set(['project', 'system', 'service', 'product', 'feature', 'component', 'application', 'app', 'api', 'module', 'library',
  'platform', 'tool', 'document', 'doc', 'spec', 'specification', 'proposal', 'rfc', 'kep', 'adr', 'pep', 'decision', 'design', 'initiative',
  'change', 'solution']);
const SUBJECT_WORDS = "[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*(?:\\s+[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*){0,3}";
const LEAD = '^\\s*(?:(?:add|insert|write|enter|give|put|replace\\s+with|fill\\s+in)\\s+)?(?:(?:the|this|your|a|an)\\s+)?';
const NAMES_A_THING = new RegExp(`${LEAD}(?:(${SUBJECT_WORDS})(?:['\u2019]s)?\\s+name|name\\s+of\\s+(?:the\\s+|this\\s+|your\\s+)?(${SUBJECT_WORDS}))\\s*[.:]?\\s*$`, 'iu');
const PERSON = /(?:^|\s)(?:authors?|owners?|teams?|groups?|reviewers?|approvers?|contacts?|leads?|managers?|persons?|people|sponsors?|assignees?|engineers?|drivers?|users?|customers?|clients?|company|companies|organi[sz]ations?|orgs?|members?|editors?|maintainers?|shepherds?|champions?|stakeholders?|deciders?|participants?|writers?|submitters?|requesters?|requestors?|employees?|staff|squads?|tribes?|departments?|vendors?|partners?|pms?|dris?|you|your|my|me|our|his|her|their|full|first|last|given|family|display|legal|real|nick|sur)(?=\s|$)/i;

/** Whether an instruction asks for the name of what the document is about, and for that alone ("Pipeline name", "Name of the model"). */
function namesTheSubject(instruction: string, titleText: string): boolean {
  const m = NAMES_A_THING.exec(instruction.trim());
  const subject = m === null ? undefined : (m[1] ?? m[2]);
  if (subject === undefined || subject === '' || PERSON.test(subject)) return false;
  const titled = new Set(titleText.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return subject.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => SUBJECT.has(word) || (word.length >= 3 && titled.has(word)));
}

/**
 * Whether a template's title part holds placeholders that each ask for the
 * title, and nothing else: no prose, no other comment; or, under a title
 * heading that only stands in for one (`# Title`), guidance about its name.
 */
function asksOnlyTitle(spec: ParsedSpec, titleSpan: Span): boolean {
  if (spec.title === null) return false;
  // A title heading that is itself a stand-in (Nygard's ADR: `# Title`) over
  // guidance that speaks of names ("These documents have names that are short
  // noun phrases", "Short noun phrase naming the decision"): the title is what it asks for.
  const own = spec.placeholders.filter((p) => p.sectionId === null && p.span.start >= titleSpan.start && p.span.end <= titleSpan.end);
  const told = spec.source.slice(titleSpan.start, titleSpan.end);
  // (Quoted examples aside, "and" or ";" lists other things to write: the authors, a date.)
  if (STAND_IN_TITLE.test(spec.title.text.trim()) && SPEAKS_OF_NAMES.test(told) && !/\band\b|;/i.test(told.replace(/"[^"\n]*"|\u201C[^\u201D\n]*\u201D/g, ''))
    // Placeholders there ask for that alone: no list of other things.
    && own.every((p) => (asksForTitleAlone(p.instruction, spec.title!.text) || NAMES_THE_DOCUMENT.test(p.instruction)) && !/\band\b|[,;]/i.test(p.instruction))) return true;
  if (own.length === 0 || !own.every((p) => asksForTitleAlone(p.instruction, spec.title!.text))) return false;
  // Nothing else there: every block is one of those placeholders, alone.
  return blocksIn(spec, titleSpan).every((b) => b.kind === 'html' && b.htmlKind === 2
    && own.some((p) => p.span.start === b.start && spec.source.slice(p.span.end, b.end).trim() === ''));
}

/** The part of a document between its title (or its start) and its first section. */
export function preambleSpan(spec: ParsedSpec): Span {
  const start = spec.title?.span.end ?? spec.frontMatter?.span.end ?? (spec.format.bom ? 1 : 0);
  const end = spec.sections[0]?.span.start ?? spec.source.length;
  return { start: Math.min(start, end), end };
}

/** The guidance sentences of a section's own text and of its subsections', fixed ones aside. */
function sentencesDeep(section: Section, kept: ReadonlySet<string>, ofSpan: (span: Span) => string[]): string[] {
  return [...(kept.has(section.id) ? [] : ofSpan(section.bodySpan)), ...section.children.flatMap((c) => sentencesDeep(c, kept, ofSpan))];
}

// An `AGENT_PLACEHOLDER` comment's marker, before its instruction.
const MARKER = new RegExp(`^\\s*${PLACEHOLDER_MARKER}(?![A-Za-z0-9_])[ \\t]*:?`);

/**
 * The sentences of the HTML comments in a span of a template (a KEP's
 * guidance, an `AGENT_PLACEHOLDER`'s instruction without its marker), as
 * {@link proseSentences} gives a spec's: each comment's text is read as a
 * document of its own, so that a spec that deleted only the `<!--` and
 * `-->` around it, or quoted it, has these very sentences (a list in the
 * comment splits into its items, as it does in the spec).
 */
function commentSentences(spec: ParsedSpec, span: Span): string[] {
  const out: string[] = [];
  for (const block of blocksIn(spec, span)) {
    const comment = block.kind === 'html' && block.htmlKind === 2;
    // (Inline comments are rare: a paragraph is looked into only when its source has one.)
    if (!comment && (block.kind !== 'paragraph' || !spec.source.slice(block.start, block.end).includes('<!--'))) continue;
    // Its text without container prefixes (`> `, a list's indent).
    const { text } = blockText(spec.source, block);
    const ranges = comment ? [...text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)].map((m): [number, number] => [m.index, m.index + m[0].length]) : findInlineComments(text);
    for (const [from, to] of ranges) {
      const inner = text.slice(from + 4, text.endsWith('-->', to) ? to - 3 : to).replace(MARKER, '');
      out.push(...proseSentences(parseSpec(inner), { start: 0, end: inner.length }));
    }
  }
  return out;
}
