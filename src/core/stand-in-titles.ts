// Template titles and headings that stand in for what the spec writes there
// (`# Feature name`, `# {short title}`, `### [option 1]`), and a title part
// that asks for the title alone.
import { opensAskingForText } from './asks-for-text.js';
import { withoutClosedComments } from './markdown/inline-comments.js';
import { blocksIn } from './section-prose.js';
import { hasTableOfContents } from './table-of-contents.js';
import { looseSlug, slugify } from './slug.js';
import { stubWord } from './stand-in-text.js';
import type { Heading, ParsedSpec, Span } from './spec-types.js';

/**
 * Whether an instruction asks for the title and nothing more ("Add project
 * title", "Title of this RFC", "Replace with your project title", "System
 * name"): a few words naming the title, with no list of other things
 * ("and", a comma, a semicolon).
 */
export function asksForTitleAlone(instruction: string, titleText: string): boolean {
  // (An example given, `, e.g. "Billing"`, is no other thing to write.)
  const asked = withoutExamples(instruction).trim();
  const words = asked.split(/\s+/);
  return (/\btitle\b/i.test(asked) || namesTheSubject(asked, titleText)) && words.length <= 8 && !LISTS_MORE.test(asked);
}

// "and", a comma or a semicolon: a list of other things to write (the authors, a date).
const LISTS_MORE = /\band\b|[,;]/i;

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
  if (label !== null) return isWholeStandIn(title.slice(label[0].length)) ? label[0].length : null;
  // (Or a name of a capitalised word or three before it, no colon between: SwiftPM's `Package Manager Feature name`.)
  const words = /^(?:[A-Z][\w-]*[ \t]+){1,3}/.exec(title)?.[0] ?? '';
  for (let at = words.search(/[ \t]/); at !== -1 && at < words.length; at = words.indexOf(' ', at + 1)) {
    const start = at + 1;
    // (Words that stand for the title, `Feature name`: not a comment after a name, `Payments <!-- keep it short -->`.)
    if (STAND_IN_TITLE.test(title.slice(start)) && !isWholeStandIn(title.slice(0, at))) return start;
  }
  return null;
}

function isWholeStandIn(title: string): boolean {
  return STAND_IN_TITLE.test(title) || (title.length <= 80 && (TITLE_INSTRUCTION.test(title) || DESCRIBED_TITLE.test(title)))
    || WHOLE_SLOT_TITLE.test(title) || onlyComments(title)
    // (Or an instruction in parentheses, Bevy's `# Feature Name: (fill me in with a unique ident, …)`, after a name of the
    // template's own too, Cedar's `# RFC Template (Fill in your title here)`.)
    || (title.length <= 200 && (FILL_IN_PARENTHESES.test(title) || NAME_THEN_FILL_IN.test(title)))
    // (Or a to-do word, Carbon's template title `# TODO`: kept, the title names nothing; an error, not leftover-marker's warning.)
    || (title.length <= 40 && stubWord(title) !== null && !/[{}[\]<>]/.test(title));
}

// A short label before a colon (`Design Doc:`, `KEP-NNNN:`, `RFC:`), no sentence of its own.
// (Or a number's stand-in with no colon after it: Flux's `# RFC-NNNN Title`.)
// (Or a label whose number is a slot: cosmos-sdk's and CometBFT's `# ADR {ADR-NUMBER}: {TITLE}`.)
// (Or a label in brackets: Flyte's `# [RFC Template] Title`.)
// (Or one `X` or `N` for the number, a dash after it: Aptos' `# AIP-X - (AIP title)`.)
const TITLE_LABEL = /^[^:.!?<>{}[\]]{1,40}:\s+|^\[[^[\]\n]{1,40}\][ \t]+|^[A-Za-z]{1,10}-(?:N{3,}|X{3,}|0{3,})\s+|^[A-Za-z]{1,10}-[NX][ \t]+[-\u2013\u2014][ \t]+|^[A-Za-z]{1,10}[ \t-]?\{[A-Z]*[-_ ]?(?:NUMBER|NUM|NO|ID|N{1,4}|X{1,4})\}:\s+/;

// An instruction in parentheses and nothing else: `(fill me in with a unique ident, my_awesome_feature)`.
const FILL_IN_PARENTHESES = /^\((?:fill|enter|insert|replace|write|put|add)\b[^()]*\)$/i;
const NAME_THEN_FILL_IN = /^[^()\n]{1,60}[ \t]\((?:fill|enter|insert|replace|write|put|add)\b[^()\n]*\btitle\b[^()\n]*\)$/i;
// One `{slot}`, `{{slot}}` or `[slot]` and nothing else, with some text inside.
const WHOLE_SLOT_TITLE = /^(?:\{\s*[^{}\s][^{}]*\}|\{\{\s*[^{}\s][^{}]*\}\}|\[\s*[^[\]\s][^[\]]*\])$/;

/** Whether a title is nothing but closed HTML comments (not an `AGENT_PLACEHOLDER`'s): a comment shows nothing, so stands in for the title. */
function onlyComments(title: string): boolean {
  return title.startsWith('<!--') && !/<!--\s*AGENT_PLACEHOLDER:/.test(title) && withoutClosedComments(title).trim() === '';
}

// `Title`, `Product Name`, `Title of the proposal`; adr-tools' `NUMBER. TITLE`.
const STAND_IN_TITLE = /^[[<{(]*\s*(?:(?:your|the|document|doc|adr|rfc|spec|project|feature|decision|proposal|product|service|system|component|app|application|library|tool|initiative|capability|[a-z]{1,3}[ei]p)\s+){0,2}(?:title|name)(?:\s+of\s+(?:(?:the|this|your|a|an)\s+)?[\w-]+)?(?:\s+here)?\s*[\]>})]*$|^(?:NUMBER|N{1,4})\.\s+TITLE$/i;
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
export function asksOnlyTitle(spec: ParsedSpec, titleSpan: Span): boolean {
  if (spec.title === null) return false;
  const titleText = spec.title.text;
  // A title heading that is itself a stand-in (Nygard's ADR: `# Title`) over
  // guidance that speaks of names ("These documents have names that are short
  // noun phrases", "Short noun phrase naming the decision"): the title is what it asks for.
  const own = spec.placeholders.filter((p) => p.sectionId === null && p.span.start >= titleSpan.start && p.span.end <= titleSpan.end);
  // (Text the template says to remove before the spec goes out, `<!-- BEGIN Remove before PR -->` … `<!-- END … -->`, asks for nothing.)
  const told = withoutExamples(withoutRemovedText(spec.source.slice(titleSpan.start, titleSpan.end)));
  // (Examples aside, "and" or ";" lists other things to write: the authors, a date; "and" that names
  // none, cluster-api's "Keep it simple and descriptive.", joins words about the title.)
  // (Not over a list of fields to fill, Dapr's `* Author(s): [Author Name, …]` under `# Title of proposal`: those ask for more.)
  // (A labelled stand-in, `# Design Proposal: Title`, too, unless a table of contents is asked for there as well, a KEP's,
  // or a table of fields to fill, a one-pager's `| Owner | <!-- your name --> |`.)
  if ((STAND_IN_TITLE.test(titleText.trim()) || (isStandInTitle(titleText) && !hasTableOfContents(spec, titleSpan) && !blocksIn(spec, titleSpan).some((b) => b.kind === 'table')))
    && SPEAKS_OF_NAMES.test(told) && (!/\band\b|;/i.test(told) || (!OTHER_THINGS.test(told) && !ASKS_TO_WRITE.test(told)))
    && !FIELD_LINE.test(told)
    // Placeholders there ask for that alone: no list of other things.
    && own.every((p) => asksForTitleAlone(p.instruction, titleText) || (NAMES_THE_DOCUMENT.test(p.instruction) && !LISTS_MORE.test(withoutExamples(p.instruction))))) return true;
  // Guidance that says the heading above it is the title to write, whatever its words (Argo CD's `# Neat Enhancement Idea`
  // over "This is the title of the enhancement. Keep it simple and descriptive. …"), asking for nothing else.
  // (Its paragraphs each about the title, or a note on using the template: operator-framework's "To get started with this
  // template: …" steps, OpenShift's "The `Metadata` section above is intended to support … tooling": blind QA.)
  // (Under a title that only stands in for one, `# Title`, notes on using the template alone ask for nothing either:
  // OpenEBS' "The `Metadata` section above is intended to support … tooling …"; blind QA.)
  // (Not a sentence that asks for text, whatever it names: "Describe which version of the template you used.")
  const says = saysItIsTheTitle(told);
  if ((says || isStandInTitle(titleText)) && (speaksOfTitleAlone(told) || notesAndTitleOnly(told.split(/\n[ \t]*\n/), says))) return true;
  // Else what is there is placeholders and comments, each alone in its block, each asking for the title alone.
  const asked: string[] = [];
  for (const b of blocksIn(spec, titleSpan)) {
    if (b.kind !== 'html' || b.htmlKind !== 2) return false;
    const placeholder = own.find((p) => p.span.start >= b.start && p.span.end <= b.end);
    if (placeholder !== undefined) {
      if (placeholder.span.start !== b.start || spec.source.slice(placeholder.span.end, b.end).trim() !== '') return false;
      asked.push(placeholder.instruction);
      continue;
    }
    // A guidance comment, as a KEP-style template writes it (`<!-- Name of the system -->`).
    const comment = /^<!--([\s\S]*?)-->\s*$/.exec(spec.source.slice(b.start, b.end));
    if (comment === null) return false;
    // (A note beside it on using the template asks for nothing: GitLab's "For long pages, consider creating a table of contents.")
    if (isNoteOnUse(comment[1]!)) continue;
    asked.push(comment[1]!.trim());
  }
  // (Under a title that only stands in for one, a longer note about it counts too: a KEP's "This is the title of
  // your KEP. Keep it short, simple, and descriptive. …", whose "and" joins words about the title, not other things to write.)
  return asked.length > 0 && asked.every((instruction) => asksForTitleAlone(instruction, titleText) || (isStandInTitle(titleText) && speaksOfTitleAlone(instruction)));
}

/**
 * Whether each paragraph of a title part speaks of the title alone or is a
 * note on using the template (under a title that only stands in for one, not
 * one that opens asking for text); a list after a note that ends with a
 * colon is that note's (ingress-nginx's "To get started with this template:"
 * over its numbered steps, a blank line between).
 */
function notesAndTitleOnly(parts: readonly string[], says: boolean): boolean {
  let steps = false;
  for (const part of parts) {
    const text = part.trim();
    if (text === '') continue;
    if (steps && /^(?:[-*+]|\d{1,3}[.)])[ \t]/.test(text)) continue;
    const note = isNoteOnUse(part) && (says || !opensAskingForText(part));
    if (!note && !speaksOfTitleAlone(part)) return false;
    steps = note && text.endsWith(':');
  }
  return true;
}

/**
 * Whether a template's text under its title opens by saying the heading is
 * the title to write ("This is the title of the enhancement.", "The title of
 * your proposal …"): its words then only stand in for the spec's title.
 */
export function saysItIsTheTitle(text: string): boolean {
  return TITLE_NOTE.test(withoutRemovedText(text).replace(/<!--|-->/g, ' '));
}

// "This is the title of the enhancement", "The title of your KEP", "Title of the proposal" opening the text.
// (Not "The title of the change goes in the front matter; this heading stays as it is.")
const TITLE_NOTE = /^\s*(?:[-*+][ \t]+)?(?:this is (?:the |a |your )?(?:short )?title (?:of|for) (?:the|this|your|a|an) [\w-]+|(?:the )?title of your [\w-]+[.:]?\s*(?:$|[A-Z]))/i;

/**
 * A template's text without what it says to remove before the spec goes out:
 * from a comment that opens such a stretch (`<!-- BEGIN Remove before PR -->`,
 * `<!-- Delete from here -->`) to the comment that ends it (`<!-- END Remove
 * before PR -->`), as cluster-api's proposal template wraps its notes on the file.
 */
export function withoutRemovedText(text: string): string {
  if (text.indexOf('<!--') === -1 || !/remove|delete/i.test(text) || !/<!--[ \t]*END\b/.test(text)) return text;
  return text.replace(REMOVED_STRETCH, ' ');
}

// `<!-- BEGIN Remove before PR -->` … `<!-- END Remove before PR -->`.
// (Both comments there, and the stretch named to be removed: `<!-- START HERE: … then delete this comment. -->` alone is a note.)
const REMOVED_STRETCH = /<!--[ \t]*(?:BEGIN|START)\b[^>\n]{0,60}?\b(?:remove|delete)\b[^>\n]{0,60}?-->[\s\S]*?<!--[ \t]*END\b[^>\n]{0,80}?-->/gi;

/**
 * Whether guidance speaks of the title and of nothing else to write: its
 * first sentence names the title, and no sentence names another thing a
 * title part asks for (the authors, a date, a summary).
 */
function speaksOfTitleAlone(instruction: string): boolean {
  const told = withoutExamples(instruction);
  const first = /^[^.!?]*/.exec(told.trim())![0];
  // (Nor one that asks to write anything but the title: "…, and write a one-sentence problem statement below it".)
  const otherWriting = told.replace(/\b(?:write|add|give|choose|pick)\s+(?:(?:a|an|the|your)\s+)?(?:[\w-]+,?\s+){0,3}title\b/gi, '');
  return /\btitles?\b/i.test(first) && !OTHER_THINGS.test(told) && !told.includes(';') && !ASKS_TO_WRITE.test(otherWriting);
}

/**
 * Whether a paragraph of a title part is a note on using the template or on
 * another part of the document, whose first sentence names the template, the
 * file or a section above or below ("To get started with this template: …",
 * "The `Metadata` section above is intended to …"), and that asks for nothing
 * here (not "here", nor under the title).
 */
function isNoteOnUse(part: string): boolean {
  // (A comment's note may open on the line after its `<!--`.)
  // (A label before it is no part of its first sentence: UI5's "*Disclaimer: This template is derived from …*".)
  const first = /^[^.!?:\n]*/.exec(part.trim().replace(/^(?:<!--\s*|\(\s*)/, '').replace(/^[*_]*(?:disclaimer|note|nb|important)[*_]*\s*:[*_]*\s*/i, ''))![0];
  // (A link's text is no place: OpenEBS' "The canonical place for the latest set of instructions … is [here](…)".)
  return NOTE_ON_USE.test(first) && !/\bhere\b|\b(?:below|under|beneath|after) (?:the|this) (?:title|heading)\b/i.test(part.replace(/\[[^\]\n]{0,100}\]\([^)\n]{0,500}\)/g, ''));
}

// (Or a suggestion of a table of contents, which asks for no text: GitLab's "For long pages, consider creating a table of contents.")
// (Or on the file's name, or on deleting the template's own questions: Aptos' "(Please give a temporary file name to your
// AIP …)", "(Please remove the questions in the "quote box". …)".)
const NOTE_ON_USE = /\b(?:this|the) (?:template|file)\b|\bsections? (?:above|below)\b|\b(?:above|below) this line\b|\b(?:consider|you (?:may|might|can)|optionally)\b[^.!?\n]{0,40}\btable of contents\b|\bfile ?names?\b|\b(?:remove|delete)\s+(?:the|these|this|all(?: the)?)\s+(?:questions|comments|notes|instructions|guidance|hints)\b/i;

// A verb that asks for text to be written.
// A line that is a field to fill: a short label, its colon, a value (`* Author(s): [Author Name]`, `**Status:** Draft`).
const FIELD_LINE = /^[ \t]*(?:[-*+][ \t]+)?[*_]{0,2}[A-Z][\w ()'/-]{0,30}?[*_]{0,2}:[*_]{0,2}[ \t]+\S/m;
const ASKS_TO_WRITE = /\b(?:write|describe|explain|add|list|provide|give|summari[sz]e|state|include|fill in|enter|insert)\b/i;

// Things a title part may ask for besides the title.
const OTHER_THINGS = /\b(?:authors?|owners?|dates?|status|reviewers?|approvers?|versions?|summary|abstract|overview|introduction|contents|metadata|links?|tickets?|issues?|teams?|contacts?|sponsors?|editors?|tags?|labels?|description|explanation|paragraphs?|background|context|motivation|email|emails)\b/i;

/**
 * Guidance without its examples: quoted text (`"ADR 9: LDAP for multitenant
 * integration"`) and a clause that gives one (`, such as …`, `. For
 * example, …`, `(e.g. …)`), whose commas and "and"s list nothing to write.
 */
function withoutExamples(text: string): string {
  return text.replace(/"[^"\n]*"|\u201C[^\u201D\n]*\u201D/g, ' ')
    .replace(/(?:[,(]\s*|[.:;]\s+|^\s*)(?:such\s+as\b|e\.\s?g\.|for\s+example\b|for\s+instance\b|like\b)(?:(?!,\s*and\b)[^.;)])*[.)]?/gi, ' ');
}

/**
 * Whether the front matter names the spec: a `title:` that is a number, or
 * text that stands in for none (not `TBD`, `"[Project Name]"`, `"{{title}}"`,
 * `<title>`, nor `theirs`, the template's own title heading). Docs sites
 * (Docusaurus, MkDocs) show it as the page's title.
 */
export function namedInFrontMatter(spec: ParsedSpec, theirs: Heading | null): boolean {
  const named = spec.frontMatter?.data?.title;
  if (typeof named === 'number') return true;
  if (typeof named !== 'string' || named.trim() === '') return false;
  return stubWord(named.trim()) === null && !isStandInTitle(named) && !/^\{\{.*\}\}$|^<[^<>]*>$/.test(named.trim())
    && (theirs === null || slugify(named) !== looseSlug(theirs));
}

/**
 * The spec's title heading written below headings of the author's (`## Note`
 * over `# Rate limiter`, or `# Note` with nothing under it): the document's
 * last level-1 heading, those before it with no deeper heading under them,
 * and the one after it deeper. Markdown
 * then opens the document with those, and the title heads a section that
 * holds the rest. Null when the spec has a title, or no such heading.
 */
export function displacedTitle(spec: ParsedSpec, templateTitle: Heading | null = null): Heading | null {
  if (spec.title !== null) return null;
  let title: Heading | undefined;
  let before = false;
  let after = false;
  // (Below a level-1 heading of the author's, the template's own title is that title written again, which
  // section-order names as the cause: `# X service` then `# Technical Specification`.)
  let overLevelOne = false;
  for (const h of spec.headings) {
    if (!h.topLevel) continue;
    if (h.level === 1) {
      // (Two level-1 headings with sections under each are chapters: no title among them. One of the author's
      // with nothing under it, `# Note` over `# Rate limiter`, is a note above the title, as a `## Note` is.)
      if (title !== undefined && after) return null;
      if (title !== undefined) before = overLevelOne = true;
      title = h;
    } else if (title === undefined) before = true;
    else after = true;
  }
  if (title !== undefined && overLevelOne && templateTitle !== null && looseSlug(title) === looseSlug(templateTitle)) return null;
  return title !== undefined && before && after ? title : null;
}

/**
 * The template's `#` sections that a spec's own title stands for, in a
 * template with no title of its own: its last `#` heading, which holds all
 * its `##` sections, over text about the title or about using the template,
 * and the `#` notes above it, which have no sections of their own (OCM's
 * `# Metadata`, "Start by filling out the metadata template …", over `# Neat
 * Enhancement Idea`, "To get started with this template: …", and the
 * proposal's sections). A spec writes its title in their place: neither is
 * owed (each was a missing-section error on every OCM proposal: blind QA).
 * And under a title that names the template (see {@link titleNamesTheTemplate}),
 * its first section, a stand-in for the spec's title. Empty when the template is not made so.
 */
export function titleStandInSections(spec: ParsedSpec): ReadonlySet<string> {
  const top = spec.sections;
  // (Or, under a title that names the template itself, `# Template` over "Feel free to copy this file …", its first
  // section when that only stands in for a title, Prometheus' `## Your Proposal Title`: a spec's title stands for it.)
  if (spec.title !== null) return titleNamesTheTemplate(spec) ? new Set([top[0]!.id]) : new Set();
  // (Or, in a template of no title, a first section that only stands in for one, Thanos' `## Your Proposal Title` over
  // its Owners list and TL;DR: a spec's title, at either level, or its first heading, stands for it.)
  if (top.length >= 2 && top[0]!.children.length === 0 && isStandInTitle(top[0]!.heading.text)
    && spec.headings[0] === top[0]!.heading) return new Set([top[0]!.id]);
  if (top.length < 2) return new Set();
  const last = top[top.length - 1]!;
  if (last.heading.level !== 1 || last.children.length === 0 || top.slice(0, -1).some((s) => s.heading.level !== 1 || s.children.length > 0)) return new Set();
  const own = spec.source.slice(last.bodySpan.start, last.bodySpan.end);
  if (!isStandInTitle(last.heading.text) && !saysItIsTheTitle(own) && !/\b(?:this|the) template\b/i.test(own)) return new Set();
  return new Set(top.map((s) => s.id));
}

/**
 * Whether a template's title names the template itself, not the spec
 * (Prometheus' `# Template`, "Feel free to copy this file …"), over a first
 * section that only stands in for the spec's title (`## Your Proposal Title`):
 * a spec's title, at either level, is that stand-in's, and no `# ` title is owed.
 */
export function titleNamesTheTemplate(spec: ParsedSpec): boolean {
  const first = spec.sections[0];
  return spec.title !== null && /^\W*(?:[\w-]+\s+)?template\W*$/i.test(spec.title.text.trim()) && first !== undefined && isStandInTitle(first.heading.text);
}
