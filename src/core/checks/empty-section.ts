import { looseSlug } from '../slug.js';
import { hiddenInComment } from '../hidden-in-comment.js';
import { lineIndexOf } from '../line-index.js';
import { UNTICKED, blocksIn, saysNothing, sectionProse } from '../section-prose.js';
import { withoutClosedComments } from '../markdown/inline-comments.js';
import { fitsStandIn } from '../stand-in-headings.js';
import { displacedTitle, isStandInTitle, namedInFrontMatter, titleNamesTheTemplate } from '../stand-in-titles.js';
import { normalizedSentence } from '../guidance-sentences.js';
import { isFillerOrEmpty, stubWord } from '../stand-in-text.js';
import type { SectionMatching } from '../match-sections.js';
import type { ParsedSpec, Position, Section } from '../spec-types.js';
import { likelyRenames } from '../likely-renames.js';
import type { TemplateModel, TemplateSection } from '../template-model.js';
import { keepsDraftAnswer, keepsStandInTitle, specStatus, titleNamingNothing, titlePart, titleTextEmpty } from '../section-states.js';
import { headingPosition, quote, sectionFields, sectionFinding, sectionsById, templateShown } from './locate.js';
import { templateSlotsIn } from './template-slots.js';
import { titleShift } from './title-shift.js';
import { templateSampleLinksIn } from './sample-links.js';
import type { CheckRule, FindingDraft } from './types.js';

/**
 * A section that the template guides holds nothing but whitespace, comments
 * or the template's own guidance prose (its text before its first subsection).
 * A section whose placeholder is still open is left to `unfilled-placeholder`.
 */
export const emptySection: CheckRule = {
  id: 'empty-section',
  defaultSeverity: 'error',
  description: 'A section the template guides has no content of its own.',
  check: ({ spec, template, matching, states }) => {
    if (template === null || matching === null || states === null) return [];
    // The states `check` computes once for completeness say which sections are empty.
    const empty = new Set(states.filter((st) => st.state === 'empty').map((st) => st.id));
    const findings: FindingDraft[] = [];
    // A title left as the template's stand-in for one (`# Feature name`) names no spec,
    // whether or not the text under it is written (a finding of its own below). When all
    // that text asks for is the title (Nygard's `# Title`), the title is all that is owed:
    // this finding says so, and there is none for the text.
    const kept = keepsStandInTitle(spec, template);
    // The title part counts as empty while its heading is kept: whether its text says nothing is asked apart.
    const titlePlace = empty.has('title') && kept ? titlePart(spec, matching, template) : null;
    const textEmpty = empty.has('title') && (!kept || (titlePlace !== null && titleTextEmpty(spec, matching, template, titlePlace)));
    const titleOnly = kept && template.titleAsksOnlyTitle;
    if (kept) {
      const at = spec.title!;
      const standIn = template.spec.title!.text;
      const same = at.text.trim().toLowerCase() === standIn.trim().toLowerCase();
      findings.push({ line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, ...sectionFields(spec, null),
        message: same ? `the title is still the template's ${quote(standIn.trim())}: write the spec's own title`
          : `the title ${quote(at.text.trim())} names nothing yet (the template's ${quote(standIn.trim())}): write the spec's own title` });
    }
    // A template with no title whose first heading only stands in for one, at another level (gRPC's `Title` over
    // `----`, a level-2 heading over its `## Abstract`): kept as it is at the spec's top, it names nothing.
    // (So is the first section under a title that names the template, Prometheus' `## Your Proposal Title` under `# Template`.)
    const namesTemplate = template.spec.title !== null && titleNamesTheTemplate(template.spec);
    const first = template.spec.title === null ? template.spec.headings[0] : namesTemplate ? template.spec.sections[0]!.heading : undefined;
    if (first !== undefined && first.topLevel && isStandInTitle(first.text) && spec.sections[0] !== undefined
      && spec.sections[0].heading.text.trim().toLowerCase() === first.text.trim().toLowerCase() && (namesTemplate || spec.headings[0] === spec.sections[0].heading)) {
      const at = spec.sections[0].heading;
      findings.push({ ...headingPosition(at), ...sectionFields(spec, spec.sections[0].id),
        message: `the title is still the template's ${quote(first.text.trim())}: write the spec's own title` });
    }
    // No title at all over text that is written, where the template has a title heading (a PyTorch RFC opening with
    // `**Authors:**` under no `# …`): the page and every list of specs show no name for it. (With that text empty
    // too, the finding for the title part says both; a `title:` in the front matter names it.)
    // (Not where the template's title names the template, and its first section stands in for the spec's: Prometheus'.)
    if (spec.title === null && template.spec.title !== null && !empty.has('title') && !namedInFrontMatter(spec, template.spec.title) && !htmlTitle(spec)
      && !titleNamesTheTemplate(template.spec)) {
      const part = titlePart(spec, matching, template);
      // (Its title written below a heading of the author's, `## Note` over `# Rate limiter`: said so, on it.)
      // (Or `# Note` with nothing under it over `# Rate limiter`, which would make `# Note` the chapter that stands for a title.)
      // (Not a heading of a template section written at level 1, `# Authors:` under `# The remove() method` where the
      // template has `## Authors:`: the title is the heading above it, and heading-level says where that one goes.)
      const candidate = part !== null ? displacedTitle(spec, template.spec.title) : null;
      const displaced = candidate !== null && template.sections.some((t) => t.id !== 'title' && (t.headingSlug === candidate.slug || t.headingSlug === looseSlug(candidate))) ? null : candidate;
      if (displaced !== null) {
        const above = spec.headings.find((h) => h.topLevel)!;
        findings.push({ ...headingPosition(displaced), ...sectionFields(spec, null),
          message: `no title: ${quote(`# ${displaced.shown}`)} is not the first heading: ${quote(above.shown)} above it opens the document, and the title heads a section that holds the rest; move what is above it below it` });
      } else if (part !== null && part.section === null) {
        // (Its title written a level or more down, over sections one level further down still, is said so, on it.)
        const first = spec.sections[0];
        // (Over sections of the template's one level further down still: not an author's `## Background` over a `###` of its own.)
        // (And with no template section beside it: an author's `## Introduction` over `### Summary` beside `## Design` is a group.)
        const lowered = first !== undefined && first.heading.level > 1 && matching.unmatched.has(first) && first.children.some((c) => !matching.unmatched.has(c))
          && spec.sections.every((s) => s === first || matching.unmatched.has(s)) ? first.heading : null;
        findings.push({ ...(lowered === null ? afterFrontMatter(spec) : headingPosition(lowered)), ...sectionFields(spec, null),
          message: lowered === null
            ? `no title: ${standInFrontMatterTitle(spec)}add a \`# \` heading with the spec's title at the top, where the template has ${quote(`# ${template.spec.title.text.trim()}`)}`
            : `no title: ${quote(lowered.shown)} seems to be it, written as a level-${lowered.level} heading; make it a \`# \` heading, as the template's ${quote(`# ${template.spec.title.text.trim()}`)}` });
      }
    }
    let around: Surroundings | undefined;
    let shift: number | undefined;
    for (const t of template.sections) {
      if (!empty.has(t.id)) continue;
      if (t.id === 'title') {
        if (!textEmpty || titleOnly) continue;
        const part = titlePart(spec, matching, template)!;
        const at = spec.title ?? part.section?.heading ?? afterFrontMatter(spec);
        // Empty with text showing: that text is the template's guidance (its prose, or its comments' words kept as text).
        // (A stand-in such as `…` is no guidance: the part is empty.)
        const guidanceOnly = !isFillerOrEmpty(sectionProse(spec, part.span));
        // Its kept title already has a finding on the heading: this one goes on the kept text, two places to fix (blind QA, OTEP).
        if (kept && guidanceOnly) {
          const first = blocksIn(spec, part.span).find((b) => b.kind !== 'heading' && !(b.kind === 'html' && b.htmlKind === 2));
          if (first !== undefined) {
            const span = lineIndexOf(spec).span(first.lineStart, first.end);
            findings.push({ ...span, ...sectionFields(spec, null), message: `the text under the title still holds only the template's guidance: write what the template asks for there` });
            continue;
          }
        }
        // The template's slots the kept text still holds, named (spec-kit's `**Created**: [DATE]`; blind QA).
        const slotsKept = (): string => {
          const text = spec.source.slice(part.span.start, part.span.end);
          const slots = templateSlotsIn(template, text);
          // (And its sample links, a BEP's `[**Discussion Issue**](…/issues/NNNNN)`, never pointed at the real issue.)
          const links = templateSampleLinksIn(template, text).slice(0, 2);
          return `${slots.length === 0 ? '' : `, its slots ${slots.map((x) => quote(x)).join(', ')} unfilled`}${links.length === 0 ? '' : `, its sample link${links.length > 1 ? 's' : ''} ${links.map((x) => quote(x, 120)).join(', ')} unchanged`}`;
        };
        // What the template asks for there, when its placeholders say it.
        const asked = template.spec.placeholders.filter((p) => p.sectionId === null).map((p) => quote(p.instruction));
        const what = asked.length === 0 ? '' : ` (${asked.slice(0, 3).join(', ')}${asked.length > 3 ? ', …' : ''})`;
        // A to-do word for the whole text says nothing yet ("TBD" is no guidance of the template's: blind QA).
        const stub = stubWord(sectionProse(spec, part.span));
        // Its words made a heading by a `---` right under them: the slip is said, as in a section.
        const next = part.section === null ? spec.sections[0] : (part.section.children[0] ?? spec.sections[1]);
        const setext = spec.title !== null && next !== undefined && next.heading.kind === 'setext' && matching.unmatched.has(next) ? next : undefined;
        if (spec.title !== null && (stub !== null || setext !== undefined)) {
          findings.push({ line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, ...sectionFields(spec, null),
            message: stub !== null ? `the text under the title holds only ${quote(stub)}: write what the template asks for there${what}`
              : setext!.heading.level === 1
                ? `the text under the title is empty: its text ${quote(setext!.heading.shown)} became a heading, made one by the \`===\` line under it; delete that line${what}`
                : `the text under the title is empty: its text ${quote(setext!.heading.shown)} became a heading, made one by the \`---\` line under it; leave a blank line before \`---\` if it is meant as a rule${what}` });
          continue;
        }
        // The title the template asks for there, written as a to-do word or a stand-in (`# TBD`): said of the title.
        const nothing = titleNamingNothing(spec, template);
        if (nothing !== null && stub === null) {
          findings.push({ ...headingPosition(nothing), ...sectionFields(spec, null),
            message: `the title ${quote(nothing.text.trim())} names nothing yet: write the spec's own title${what}` });
          continue;
        }
        findings.push({ line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, ...sectionFields(spec, null),
          message: spec.title === null && part.section === null
            // No title to be under: say what is missing where it is.
            ? (guidanceOnly
              ? `the text before the first section still holds only the template's guidance${slotsKept()}: write what the template asks for there${what}`
              : template.spec.title === null
                ? `the text before the first section is empty: write what the template asks for there${what}`
                : `no title, and no text before the first section, where the template has a title with text under it: add a \`# Title\` and write what the template asks for under it${what}`)
            : guidanceOnly
              ? `the text under the title still holds only the template's guidance${slotsKept()}: write what the template asks for there${what}`
              : `the text under the title is empty: write what the template asks for there${what}` });
        continue;
      }
      const section = matching.byTemplateId.get(t.id)!;
      // Moved a level down, the heading of the author's after it at its level (`### Future directions` for the template's
      // `##` over its `###` subsections, which stayed; or `### Risks` left empty inside Design before the author's
      // `### Warm-up`): both readings are said, and which fix goes with each.
      shift ??= titleShift(spec, template, matching);
      if (section.heading.level > t.level + shift && section.children.length === 0) {
        around ??= new Surroundings(spec, template, matching);
        const next = around.next(section);
        if (next !== undefined && matching.unmatched.has(next) && next.heading.level === section.heading.level) {
          findings.push(sectionFinding(section, `section ${quote(section.heading.shown)} is empty: it is level ${section.heading.level}, where it belongs at level ${t.level + shift}, and the heading after it, ${quote(next.heading.shown)}, is at its level, so not inside it; make it a ${'#'.repeat(t.level + shift)} heading if that text is its own, else write its content${t.optional ? ', or delete the section (it is optional)' : ''}`));
          continue;
        }
      }
      // The template's default answer kept past a draft ("TBD" under an EIP's Rationale in Last Call).
      if (keepsDraftAnswer(spec, section, t)) {
        findings.push(sectionFinding(section, draftAnswerMessage(spec, section, t)));
        continue;
      }
      const prose = sectionProse(spec, section.bodySpan);
      // A to-do word for the whole text ("TBD") says nothing yet: said so, as it is this rule's finding, not leftover-marker's.
      const stub = stubWord(prose);
      if (stub !== null) {
        findings.push(sectionFinding(section, `section ${quote(section.heading.shown)} holds only ${quote(stub)}: write its content${t.optional ? ', or delete the section (it is optional)' : ''}`));
        continue;
      }
      const guidanceOnly = !isFillerOrEmpty(prose);
      around ??= new Surroundings(spec, template, matching);
      findings.push(sectionFinding(section, emptyMessage(t, section, guidanceOnly, around)));
    }
    findings.push(...emptyRepeats(spec, template, matching));
    return findings;
  },
};

// A heading over text that specs usually keep as it is (a licence, a copyright notice).
const KEPT_AS_WRITTEN = /\b(?:copyright|licen[cs]e|licensing|legal|disclaimer)\b/i;

/** What the messages of one spec ask about its sections, found once (a spec may have thousands). */
class Surroundings {
  private flatIndex: Map<Section, number> | null = null;
  private renamed: Set<Section> | null = null;
  private places: Set<Section> | null = null;
  readonly unmatched: ReadonlySet<Section>;

  /** The source text of a section's own body. */
  source(section: Section): string {
    return this.spec.source.slice(section.bodySpan.start, section.bodySpan.end);
  }

  constructor(readonly spec: ParsedSpec, readonly template: TemplateModel, private readonly matching: SectionMatching) {
    this.unmatched = matching.unmatched;
  }

  /** The template file's section with this id. */
  templateSection(id: string): Section | undefined {
    return sectionsById(this.template.spec).get(id);
  }

  /** The section after this one in document order, subsections first. */
  next(section: Section): Section | undefined {
    this.flatIndex ??= new Map(this.matching.flat.map((s, i) => [s, i]));
    return this.matching.flat[this.flatIndex.get(section)! + 1];
  }

  /** Whether a spec section is the place of a template section that is nothing but a heading (see {@link TemplateSection.bare}). */
  isPlace(section: Section): boolean {
    this.places ??= new Set(this.template.sections.filter((x) => x.bare).map((x) => this.matching.byTemplateId.get(x.id)).filter((x) => x !== undefined));
    return this.places.has(section);
  }

  /** Whether missing-section takes this heading for a missing template section renamed. */
  isRename(section: Section): boolean {
    this.renamed ??= this.unmatched.size === 0
      ? new Set()
      : new Set(likelyRenames(this.spec, this.template, this.matching).values());
    return this.renamed.has(section);
  }
}

/** What a section that keeps the template's default answer past a draft is told (see keepsDraftAnswer). */
function draftAnswerMessage(spec: ParsedSpec, section: Section, t: TemplateSection): string {
  return `section ${quote(section.heading.shown)} still holds the template's default text, which the template accepts only in a draft (status ${quote(specStatus(spec)!)}): write its content${t.optional ? ', or delete the section (it is optional)' : ''}`;
}

// A link reference definition written as a list item, the author's list: `- [Docs]: https://…`. (Not a bare one, a
// template's anchor for its section, TVM's `[unresolved-questions]: #unresolved-questions`.)
const DEFINITION_ITEM = /^[ \t]{0,3}(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[^\]\n]{1,200}\]:[ \t]*\S/m;

/**
 * What an empty section's finding says: what is owed, and the slip behind it
 * where one is common. The heading right after its own text, if it is not
 * the template's: text with `---` (or `===`) right under it is a heading
 * (setext), not text and a rule, so the section's words became a section of
 * their own; an ATX heading at its own level is the author's subsection,
 * written one level too high, so not inside it (unless missing-section takes
 * it for a template section renamed). No line numbers: SARIF fingerprints
 * hash the message, and must survive edits above.
 */
function emptyMessage(t: TemplateSection, section: Section, guidanceOnly: boolean, around: Surroundings): string {
  const name = `section ${quote(section.heading.shown)}`;
  // An optional section may go instead, its guidance and subsections with it.
  // (Not one optional only as what the spec's title stands for, Electron's `# RFC Template` over its header of fields to fill.)
  const orDelete = t.optional && !around.template.titleStandIns.has(t.id) ? ', or delete the section (it is optional)' : '';
  // Where the template lets the section stay empty, its sample text may go instead.
  if (guidanceOnly && t.mayStayEmpty) return `${name} still holds only the template's guidance: write its content, or delete that text and leave the section empty, as the template allows${orDelete}`;
  // A checklist kept with nothing ticked (a KEP's Release Signoff Checklist) is kept to be ticked, not rewritten.
  // (The template's own: an author's `- [ ] TBD` under a template's question is a to-do, not its checklist.)
  if (guidanceOnly && /\[ \]/.test(t.guidance) && UNTICKED.test(around.source(section))) return `${name} still holds only the template's checklist, nothing ticked: tick what is done (\`- [x]\`), or write its content${orDelete}`;
  // Text every spec keeps as written (a PEP's CC0 Copyright paragraph) is no guidance once the template says so.
  if (guidanceOnly && KEPT_AS_WRITTEN.test(section.heading.text)) return `${name} still holds only the template's guidance: write its content; if every spec keeps this text as it is, declare the section \`fixed: [${t.id}]\` in the template's front matter`;
  if (guidanceOnly) return `${name} still holds only the template's guidance: write its content${orDelete}`;
  // The author's words there, but in a comment: "is empty" alone would read as wrong to who wrote them.
  const inTemplate = around.templateSection(t.id);
  const hidden = hiddenInComment(around.spec, section.bodySpan, inTemplate === undefined ? null : { spec: around.template.spec, span: inTemplate.bodySpan });
  if (hidden === 'unclosed') return `${name} is empty: an HTML comment in it is never closed, so it hides everything after it, text and sections; end it with \`-->\` where its own words end`;
  if (hidden !== null && typeof hidden === 'object') return `${name} is empty: an HTML comment in it lost its \`-->\`, and a later comment's \`-->\` on line ${hidden.closedBy} closes it, so it hides everything between; end it with \`-->\` where its own words end`;
  if (hidden === 'inside') return `${name} is empty: its text is inside an HTML comment, which does not show; move the text out, below the comment's \`-->\`${orDelete}`;
  // Its lines are link reference definitions, which the page does not show (Helm's `- [Docs]: https://…` list: empty bullets).
  const source = around.source(section);
  if (DEFINITION_ITEM.test(source) && DEFINITION_ITEM.test(withoutClosedComments(source)) && sectionProse(around.spec, section.bodySpan) === '') {
    return `${name} is empty: its lines are link reference definitions (\`[label]: address\`), which the page does not show; write them as links, \`- [label](address)\`${orDelete}`;
  }
  const next = section.children[0] ?? around.next(section);
  const own = next !== undefined && around.unmatched.has(next);
  if (own && next.heading.kind === 'setext') {
    // `---` after a blank line is a rule; `===` never is one.
    return next.heading.level === 1
      ? `${name} is empty: its text ${quote(next.heading.shown)} became a heading, made one by the \`===\` line under it; delete that line if the text belongs to this section${orDelete}`
      : `${name} is empty: its text ${quote(next.heading.shown)} became a heading, made one by the \`---\` line under it; leave a blank line before \`---\` if it is meant as a rule${orDelete}`;
  }
  // A copy of its own heading after it, `### Goals` twice: the empty one is a stub to delete, not a heading to nest under.
  if (own && section.children.length === 0 && next.heading.level === section.heading.level && looseSlug(next.heading) === looseSlug(section.heading)) {
    return `${name} is empty, and the same heading follows it on line ${next.heading.line}: delete this one if that one holds its text, else write its content${orDelete}`;
  }
  if (own && section.children.length === 0 && next.heading.level === section.heading.level && !around.isRename(next)) {
    const deeper = section.heading.level < 6 ? `, or make that heading ${'#'.repeat(section.heading.level + 1)} if it belongs here` : '';
    return `${name} is empty: the heading after it, ${quote(next.heading.shown)}, is at its level, so not inside it; write its content${orDelete}${deeper}`;
  }
  // With subsections of the template, say where the text is owed: a KEP
  // author who answered every subsection reads "is empty" as a mistake.
  // (Unless they are places the template gives only a heading, a VEP's `### Alpha`, `### Beta` and `### GA` under
  // "How and when will the feature progress through the Alpha, Beta and GA lifecycle phases": their text is its text.)
  if (section.children.some((c) => around.isPlace(c)) && section.children.every((c) => around.unmatched.has(c) || around.isPlace(c))) {
    const places = section.children.slice(0, 3).map((c) => quote(c.heading.shown));
    const listed = section.children.length > 3 ? `${places.join(', ')}, …` : places.length === 1 ? places[0]! : `${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}`;
    return `${name} is empty, and so ${section.children.length === 1 ? 'is its subsection' : 'are its subsections'} ${listed}: write its content, there or in them${orDelete}`;
  }
  if (section.children.some((c) => !around.unmatched.has(c))) {
    return `${name} has no text of its own: write its content above its subsections (they count as sections of their own)${orDelete}`;
  }
  // Subsections of the author's own are the section's text: they hold nothing either.
  if (section.children.length > 0) {
    const added = section.children.slice(0, 3).map((c) => quote(c.heading.shown)).join(', ') + (section.children.length > 3 ? ', …' : '');
    return `${name} is empty, and so are the subsections added to it (${added}): write its content, there or in them${orDelete}`;
  }
  return `${name} is empty: write its content${orDelete}`;
}

/**
 * What a front matter `title` that names nothing (`TBD`, `"[Project Name]"`,
 * the template's own title; see namedInFrontMatter) is, for the message of a
 * spec that has no other title: '' when there is none.
 */
function standInFrontMatterTitle(spec: ParsedSpec): string {
  const title = spec.frontMatter?.data?.title;
  return typeof title === 'string' && title.trim() !== '' ? `the front matter's \`title\` ${quote(title.trim())} stands in for one; write it there, or ` : '';
}

/** Whether the text before the first section holds an HTML `<h1>`, a title written so (a centred README's). */
function htmlTitle(spec: ParsedSpec): boolean {
  const end = spec.sections[0]?.span.start ?? spec.source.length;
  return /<h1[\s>]/i.test(spec.source.slice(0, Math.min(end, 20_000)));
}

/**
 * Where a document without a title has its part under the title: the first
 * line after the front matter, where the text belongs and where a
 * suppression comment can reach.
 */
function afterFrontMatter(spec: ParsedSpec): Position {
  let line = 1;
  if (spec.frontMatter !== null) {
    const lines = lineIndexOf(spec);
    line = Math.min(lines.locate(spec.frontMatter.span.end).line, lines.lineCount);
    // (On the first line of text after it, not a blank line between: blind QA.)
    const end = spec.frontMatter.span.end;
    const first = spec.blocks.find((b) => b.start >= end);
    if (first !== undefined) line = first.line;
  }
  return { line, column: 1, endLine: line, endColumn: 1 };
}

/**
 * More sections written in the place of a stand-in heading than the template
 * has (a second `### Requirement: Recovery Codes` where OpenSpec's template
 * has one `### Requirement: <!-- requirement name -->`): the spec's own, but
 * each still owes what the stand-in asks for, and one left with nothing but
 * that guidance is as empty as the first would be (blind QA: it passed).
 */
function emptyRepeats(spec: ParsedSpec, template: TemplateModel, matching: SectionMatching): FindingDraft[] {
  const found: FindingDraft[] = [];
  if (matching.unmatched.size === 0) return found;
  for (const t of template.sections) {
    if (t.standIn === null || !t.guided || t.fixed) continue;
    const first = matching.byTemplateId.get(t.id);
    if (first === undefined) continue;
    const parent = t.parentId === null ? null : matching.byTemplateId.get(t.parentId);
    if (parent === undefined) continue;
    for (const s of parent === null ? spec.sections : parent.children) {
      if (s === first || !matching.unmatched.has(s) || s.heading.level !== t.level) continue;
      if (!fitsStandIn(() => normalizedSentence(s.heading.text), t.standIn)) continue;
      if (s.children.length > 0 || !saysNothing(spec, s.bodySpan, t.guidance, template.guidanceSentences, template.codeSamples, template.spec.source)) continue;
      found.push(sectionFinding(s, `section ${quote(s.heading.shown)} is empty: write its content (it is another ${quote(templateShown(t))} of the template's, which asks for it)`));
    }
  }
  return found;
}
