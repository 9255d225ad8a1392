import { commentSentences } from './comment-sentences.js';
import { commentedOptions, optionSentences } from './option-lists.js';
import { onlyAboutTheTemplate, onlyLicenceNotice, onlyNotesOnTheFile } from './notes-on-the-file.js';
import { codeSample } from './block-samples.js';
import { blocksIn, hasCommentBlock, proseSentences, sectionProse } from './section-prose.js';
import { hasTableOfContents } from './table-of-contents.js';
import { templateInFence } from './template-in-fence.js';
import { asksAQuestion, notesOverSubsections } from './notes-over-subsections.js';
import { idAfterRenames } from './section-renames.js';
import { bareSlug, idSegment, looseSlug, squashedSlug } from './slug.js';
import { guidanceSaysMayStayEmpty, sampleMayStay } from './may-stay-empty.js';
import { proseDefaultAnswer } from './prose-default-answer.js';
import { hasHeadingMark, optionalWhen, saysNeedNotWrite, sectionSaysOptional, unmarkedSlug, withoutHeadingMarks, type OptionalWhen } from './optional-sections.js';
import { standInSeriesFollowers, standInWords, type StandInWords } from './stand-in-headings.js';
import { asksOnlyTitle, saysItIsTheTitle, titleNamesTheTemplate, titleStandInSections, withoutRemovedText } from './stand-in-titles.js';
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
  /** Optional for some specs only, by their front matter ("This section is optional for non-Core EIPs."); see {@link optionalIn}. */
  readonly optionalWhen: OptionalWhen | null;
  /**
   * Its guidance says it may be left empty ("Leave empty if no requirement
   * changes."): the heading stays, and nothing under it is an answer.
   */
  readonly mayStayEmpty: boolean;
  /**
   * The normalised sentences of the options its guidance lists for the
   * author to choose from (see option-lists.ts): some of them kept, and
   * nothing else, are a choice made, no guidance kept. Null when it lists none.
   */
  readonly options: ReadonlySet<string> | null;
  /**
   * The text it shows when its guidance says that text may stay ("The
   * current placeholder is acceptable for a draft.", over an EIP's "No
   * backward compatibility issues found."): a default answer, not guidance
   * (`guidance` is then empty); `whileDraft` when it may stay only while the
   * spec is a draft. Null for any other section.
   */
  readonly defaultAnswer: { readonly prose: string; readonly whileDraft: boolean } | null;
  /**
   * Its text is kept by every spec as the template writes it (a licence
   * line, declared in the front matter's `fixed:`): no guidance, never empty.
   */
  readonly fixed: boolean;
  /**
   * The template gives it nothing but its heading (a KEP's `#### Story 1`
   * under `### User Stories`): a place for the author's text, which fills its parent.
   */
  readonly bare: boolean;
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
   * level, under the same parent, is this section whatever its heading says;
   * or in part (spec-kit's `### User Story 1 - [Brief Title] (Priority: P1)`):
   * whatever it says after the heading's own first words. Null for a heading
   * that names its section.
   */
  readonly standIn: StandInWords | null;
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
   * Those of {@link guidanceSentences} that only the template's comments
   * hold, never its visible prose: shown in a spec, they were never meant
   * to be seen.
   */
  readonly hiddenGuidanceSentences: ReadonlySet<string>;
  /**
   * Whether all the template asks for under its title is the title itself
   * (`tech-spec`'s `<!-- AGENT_PLACEHOLDER: Add project title -->`, and
   * nothing else there): a spec that gives its title heading a text of its
   * own has written it.
   */
  readonly titleAsksOnlyTitle: boolean;
  /**
   * The template's sections that a spec's own title stands for (see
   * {@link titleStandInSections}): OCM's `# Metadata` over `# Neat Enhancement
   * Idea`, Prometheus' `## Your Proposal Title` under `# Template`. None owed.
   */
  readonly titleStandIns: ReadonlySet<string>;
  /** The text under the title says the title heading is the title to write (see saysItIsTheTitle): its words stand in for the spec's. */
  readonly titleStandsIn: boolean;
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
  /**
   * The line of a fenced code block that holds the template the file is
   * about (see templateInFence), or null: its sections are code, not the
   * template's.
   */
  readonly templateInFenceLine: number | null;
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
      // (Nor does text the template says to remove before the spec goes out, all there is: `<!-- BEGIN Remove before PR -->` … `<!-- END … -->`.)
      parentId: null, guided: !fixedTitle && !onlyNotesOnTheFile(spec, titleSpan) && !titleNamesTheTemplate(spec) && withoutRemovedText(spec.source.slice(titleSpan.start, titleSpan.end)).trim() !== '', guidance: fixedTitle ? '' : sectionProse(spec, titleSpan), optional: optional.includes('title'), optionalWhen: null, mayStayEmpty: false, options: null, defaultAnswer: null, fixed: fixedTitle, bare: false,
      unmarkedHeadingSlug: null, unmarkedId: null, fallbackSlug: null, bareSlug: null, bareUnmarkedSlug: null, squashedSlug: null,
      squashedLooseSlugs: NONE, standIn: null,
    });
  }
  const followers = standInSeriesFollowers(spec.sections, spec.source);
  // `#` headings that a spec's title stands for (OCM's `# Metadata` over `# Neat Enhancement Idea`): not owed.
  const standIns = titleStandInSections(spec);
  // A template that says, above its first section, that sections may be added or removed as needed (Strimzi's "Add or
  // remove sections as required to best articulate the proposal."): none of them is owed.
  const anyMayGo = SECTIONS_MAY_GO.test(spec.source.slice(0, spec.sections[0]?.heading.span.start ?? spec.source.length));
  // Each section's own text (its comments' words too), for notes over subsections (below).
  const bodies = new Map<string, string>();
  // Sections whose visible text is a default answer (see sampleMayStay): its sentences are no guidance.
  const defaultAnswers = new Set<string>();
  const visit = (section: Section, parent: TemplateSection | null): void => {
    const marked = hasHeadingMark(section.heading.text);
    const unmarkedHeadingSlug = marked ? unmarkedSlug(section.heading.text) : null;
    const unmarkedSegment = unmarkedHeadingSlug === null ? null : idSegment(unmarkedHeadingSlug);
    // Other segments keep their slugs as made (HTML aside, `-1` for repeats).
    const unmarkedId = marked || parent?.unmarkedId != null
      ? `${parent === null ? '' : `${parent.unmarkedId ?? parent.id}/`}${unmarkedSegment ?? section.slug}` : null;
    // (So is one of nothing but the template's credits under an empty heading, arc42's "About arc42" under the `# ` of its export.)
    const kept = fixed.includes(section.id) || (unmarkedId !== null && fixed.includes(unmarkedId))
      || (section.heading.text.trim() === '' && onlyAboutTheTemplate(spec, blocksIn(spec, section.bodySpan)))
      // (And a licence notice, an EIP's `## Copyright`: a section of no subsections whose text is all the notice.)
      || (section.children.length === 0 && onlyLicenceNotice(spec, blocksIn(spec, section.bodySpan)));
    const body = spec.source.slice(section.bodySpan.start, section.bodySpan.end);
    // Text the template says may stay ("The current placeholder is acceptable for a draft.") is a default answer, no guidance.
    const mayStay = kept || !body.includes('<!--') ? null : sampleMayStay(body);
    const shown = sectionProse(spec, section.bodySpan);
    const commented = mayStay === null || shown === '' ? null : { prose: shown, whileDraft: mayStay === 'draft' };
    if (commented !== null) defaultAnswers.add(section.id);
    // (Said in visible prose, the sample is what follows that paragraph; the whole is still the guidance, kept as it is.)
    const defaultAnswer = commented ?? (kept ? null : proseDefaultAnswer(spec, section.bodySpan));
    const guidance = kept || commented !== null ? '' : shown;
    if (section.children.length > 0) bodies.set(section.id, body);
    // A heading that asks a question asks for its answer, with or without guidance under it (a KEP's "What are other known failure modes?").
    const guided = !kept && (guidance !== '' || hasCommentBlock(spec, section.bodySpan) || asksAQuestion(section.heading.text));
    // (Only a heading with no subsections is a place for text: one with some holds its guidance there.)
    const bare = !kept && !guided && section.children.length === 0;
    // (Not the sections under a `#` a spec's title stands for: they are the spec's own, owed as ever.)
    const isOptional = (parent !== null && parent.optional && !standIns.has(parent.id)) || optional.includes(section.id) || sectionSaysOptional(spec, section) || followers.has(section.id)
      || standIns.has(section.id) || anyMayGo;
    const model: TemplateSection = {
      id: section.id,
      slug: section.slug,
      headingSlug: section.heading.slug,
      text: section.heading.text,
      level: section.heading.level,
      path: section.path,
      parentId: parent?.id ?? null,
      guided,
      bare,
      guidance,
      // Of a series of stand-ins (option 1, option 2, …) the first is owed: the spec writes as many as it needs.
      optional: isOptional,
      optionalWhen: isOptional ? null : optionalWhen(spec, section),
      mayStayEmpty: !kept && (guidanceSaysMayStayEmpty(body) || saysNeedNotWrite(body.slice(0, 2000))),
      options: guidance === '' ? commentedOptions(spec, section.bodySpan) : optionSentences(spec, section.bodySpan),
      defaultAnswer,
      fixed: kept,
      unmarkedHeadingSlug,
      unmarkedId,
      fallbackSlug: looseSlug({ text: section.heading.text, slug: section.heading.slug }),
      bareSlug: bareSlug(section.heading.text),
      bareUnmarkedSlug: marked ? bareSlug(withoutHeadingMarks(section.heading.text)) : null,
      squashedSlug: null,
      squashedLooseSlugs: NONE,
      standIn: standInWords(section.heading.text),
    };
    sections.push(model);
    for (const child of section.children) visit(child, model);
  };
  for (const section of spec.sections) visit(section, null);
  // A heading the template has more than once cannot say which of them a moved one is.
  const count = new Map<string, number>();
  for (const s of sections) if (s.fallbackSlug !== null) count.set(s.fallbackSlug, (count.get(s.fallbackSlug) ?? 0) + 1);
  const childrenOf = new Map<string, TemplateSection[]>();
  for (const c of sections) {
    if (c.parentId === null) continue;
    const list = childrenOf.get(c.parentId);
    if (list === undefined) childrenOf.set(c.parentId, [c]);
    else list.push(c);
  }
  // Parents whose guidance is a note on their subsections ask for no text of their own.
  const notes = notesOverSubsections(spec, sections, childrenOf, bodies);
  // A heading with no guidance of its own over subsections that are all optional (cluster-api's `## Additional
  // Details` over `### Test Plan [optional]` and the rest) is optional too: a spec that leaves them all out leaves it.
  const allOptional = new Set<string>();
  for (let k = sections.length - 1; k >= 0; k--) {
    const s = sections[k]!;
    const below = childrenOf.get(s.id);
    if (below !== undefined && s.id !== 'title' && !s.optional && !s.guided && s.guidance === '' && below.every((c) => c.optional || allOptional.has(c.id))) allOptional.add(s.id);
  }
  const withFallback = sections.map((given) => {
    let s = given;
    if (notes.has(s.id)) s = { ...s, guided: false };
    if (allOptional.has(s.id)) s = { ...s, optional: true, optionalWhen: null };
    if (s.fallbackSlug === null) return s;
    if (count.get(s.fallbackSlug)! > 1) return { ...s, fallbackSlug: null };
    const squashed = squashedSlug(s.fallbackSlug);
    return { ...s, squashedSlug: squashed, squashedLooseSlugs: squashedLooseSlugs(s, squashed) };
  });
  const guidanceSentences = new Set<string>();
  const hiddenGuidanceSentences = new Set<string>();
  if (sections.some((s) => s.guided)) {
    // The text of fixed sections is no guidance: a spec writes it as its own.
    const keptIds = new Set(sections.filter((s) => s.fixed).map((s) => s.id));
    // Prose only where some section guides with it (else there is none to read).
    const prose = sections.some((s) => s.guidance !== '');
    // Each span read once: its prose, and its comments, whose sentences (their examples aside: an author may well
    // write one, `All traffic is served over TLS.`, as the answer) are hidden unless the prose shows them too.
    const shown = new Set<string>();
    const ofSpan = (span: Span, answer: boolean): string[] => {
      const own = prose && !answer ? proseSentences(spec, span) : [];
      for (const s of own) shown.add(s);
      const comments = commentSentences(spec, span);
      for (const c of comments) if (!c.example) hiddenGuidanceSentences.add(c.sentence);
      return [...own, ...comments.map((c) => c.sentence)];
    };
    for (const s of [...(fixedTitle ? [] : ofSpan(titleSpan, false)), ...spec.sections.flatMap((x) => sentencesDeep(x, keptIds, defaultAnswers, ofSpan))]) guidanceSentences.add(s);
    for (const s of shown) hiddenGuidanceSentences.delete(s);
  }
  const renamedFrom = new Map<string, string[]>();
  for (const old of Object.keys(renamed)) {
    const target = idAfterRenames(old, renamed);
    const list = renamedFrom.get(target);
    if (list === undefined) renamedFrom.set(target, [old]);
    else list.push(old);
  }
  return {
    ref, spec, sections: withFallback, guidanceSentences, hiddenGuidanceSentences, titleAsksOnlyTitle: asksOnlyTitle(spec, titleSpan), titleStandIns: standIns,
    titleStandsIn: spec.title !== null && saysItIsTheTitle(spec.source.slice(titleSpan.start, titleSpan.end)),
    titleHasContents: hasTableOfContents(spec, titleSpan), renamedFrom,
    codeSamples: new Set(spec.blocks.filter((b) => b.kind === 'code').map((b) => codeSample(spec.source, b)).filter((code) => code !== '')),
    templateInFenceLine: templateInFence(spec, withFallback.filter((s) => s.id !== 'title').length),
  };
}

/** The part of a document between its title (or its start) and its first section. */
export function preambleSpan(spec: ParsedSpec): Span {
  const start = spec.title?.span.end ?? spec.frontMatter?.span.end ?? (spec.format.bom ? 1 : 0);
  const end = spec.sections[0]?.span.start ?? spec.source.length;
  return { start: Math.min(start, end), end };
}

/** The guidance sentences of a section's own text and of its subsections', fixed ones aside (and the prose of those whose text is a default answer). */
function sentencesDeep(section: Section, kept: ReadonlySet<string>, answers: ReadonlySet<string>, ofSpan: (span: Span, answer: boolean) => string[]): string[] {
  return [...(kept.has(section.id) ? [] : ofSpan(section.bodySpan, answers.has(section.id))), ...section.children.flatMap((c) => sentencesDeep(c, kept, answers, ofSpan))];
}

// A template's note that its sections may be added or removed as needed, or are all optional.
const SECTIONS_MAY_GO = /\b(?:add|remove|delete|omit|drop)\s+(?:or|and\/or)\s+(?:add|remove|delete|omit|drop)\s+(?:any\s+)?sections?\s+as\s+(?:required|needed|necessary|appropriate|you\s+see\s+fit)\b|\b(?:all\s+(?:the\s+)?sections?|every\s+section)\s+(?:here\s+|below\s+)?(?:are|is)\s+optional\b|\bnot\s+(?:all|every)\s+sections?\s+(?:are\s+|is\s+)?(?:required|needed|mandatory)\b/i;
