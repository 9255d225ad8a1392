// How a template says a section may be left out: a mark in its heading
// ("(Optional)", "[optional]", a `<!-- optional -->` comment), guidance that
// opens by saying so or tells the author to leave it out, or a comment on the line right above its heading.
import { countAtMost } from './sorted-search.js';
import { withoutClosedComments } from './markdown/inline-comments.js';
import { slugify } from './slug.js';
import type { ParsedSpec, Section, Span } from './spec-types.js';

/** Whether a template says its section may be left out, other than by its front matter's `optional:` list or its parent. */
export function sectionSaysOptional(spec: ParsedSpec, section: Section): boolean {
  return markedOptional(section.heading.text) || guidanceSaysOptional(spec, section.bodySpan) || commentAboveSaysOptional(spec, section) || commentMarksOptional(section.heading.text)
    || aboutTheTemplate(spec, section);
}

/**
 * Whether a section is the template's page about itself, no section of a
 * spec: its heading names the template, and its text opens by saying the
 * document is one (Kotlin KEEP's `# Proposal template for new API in the
 * Standard Library` over "This document provides a template that can be used
 * to compose a proposal …", above the real `# Title`).
 */
function aboutTheTemplate(spec: ParsedSpec, section: Section): boolean {
  if (!/\btemplate\b/i.test(section.heading.text)) return false;
  const opening = spec.source.slice(section.bodySpan.start, Math.min(section.bodySpan.end, section.bodySpan.start + 300)).replace(/<!--|-->|[*_>`]+/g, ' ').trim();
  return /^this (?:document|file|page) (?:provides|is|contains|gives) (?:a|the|our) (?:[\w-]+ ){0,3}template\b|^this (?:is (?:a|the|our) (?:[\w-]+ ){0,3}template|template (?:is|can|should) be used)\b/i.test(opening);
}

// Headings like KEP's "User Stories (Optional)" say so themselves (older
// KEPs wrote "Drawbacks [optional]").
// (No spaces around it in the pattern: `\s*` there backtracks over long runs of spaces.)
// Go's design template writes "Open issues (if applicable)", spec-kit's
// "Key Entities *(include if feature involves data)*": a condition is a mark too.
// spec-kit's tasks write "(OPTIONAL - only if tests requested)": a mark with its reason.
// A condition is one only when it says so (`(include if …)`, `(only if …)`, `(if
// applicable)`): `Error handling (if the request fails)` says what the section is about.
// (One class before the reason, not `\s*` around a dash: no backtracking over runs of spaces.)
// (Or one about the document itself, the W3C TAG's "Table of Contents [if the explainer is longer than one printed page]".)
const OPTIONAL = String.raw`\(optional(?:[-,;:\u2013\u2014\s][^()\n]{0,100})?\)|\[optional\]|\((?:include|fill(?: in)?|complete|add|keep|only)\s(?:only\s)?if\s[^()\n]{1,100}\)|[([]if (?:applicable|any|needed|relevant|required|necessary)[)\]]|[([]if (?:the|this|your) (?:explainer|spec|specification|proposal|document|doc|rfc|design|page)\s[^()[\]\n]{1,100}[)\]]`;
const OPTIONAL_MARK = new RegExp(OPTIONAL, 'i');
// Other marks a heading may carry that are no part of its name: spec-kit's
// "Requirements *(mandatory)*", and a to-do mark an author adds (`## Prototypes (TBD)`,
// `## Rollout [WIP]`, `## Metrics - TODO`, `## Design: todo`; leftover-marker reports the mark itself).
// A spec that drops them, or adds them, names the same section.
// (With its reason too, spec-kit's `### Edge Cases [NEEDS CLARIFICATION: who can see drafts?]`, `[TBD: confirm with support]`;
// or bare after the words, `### Edge Cases TODO`; its spaces from the first of them only, or a run of thousands is read from each.)
const TODO_MARK = String.raw`[([](?:tbd|todo|wip|draft|to be (?:determined|done|written)|needs clarification)(?:[:\s][^()[\]
]{0,100})?[)\]]|(?:[ 	][-–—]|[ 	]?:)[ 	]{0,3}(?:tbd|todo|wip)[.!]?$|(?<![ 	])[ 	]+(?:tbd|todo)$`;
// And an answer's mark, its reason with it or not: `## Goals (N/A)`, `(N/A — internal only)`, `(none)`, `: not applicable`,
// `(no changes)`: the author answered the section in its heading.
const ANSWER = String.raw`n\/a|none|not applicable|no changes?`;
const ANSWER_MARK = String.raw`[([](?:${ANSWER})\b[^()[\]\n]{0,80}[)\]]|(?:[ \t][-\u2013\u2014]|[ \t]?:)[ \t]{0,3}(?:${ANSWER})\b[^\n]{0,80}$`;
const ANSWERED = new RegExp(`(?:${ANSWER_MARK})[ \\t]*$`, 'i');
// And the other names a template offers for the section (the W3C TAG's `### Goals [or Motivating Use Cases, or Scenarios]`):
// a spec writes one of them, most often the first.
const OR_MARK = String.raw`[([]or [^()[\]\n]{1,100}[)\]]`;
// And a link reference definition run into the heading (Mina's `## Drawbacks [drawbacks]: #drawbacks`, a Rust RFC's
// `[drawbacks]: #drawbacks` line kept at its end): the page shows it, but it names nothing.
const REFERENCE_MARK = String.raw`\[[\w-]{1,80}\]:(?:[ \t]{0,4}#[\w-]{1,80})?[ \t]*$`;
const HEADING_MARK = new RegExp(`${OPTIONAL}|\\((?:mandatory|required)\\)|${TODO_MARK}|${ANSWER_MARK}|${OR_MARK}|${REFERENCE_MARK}`, 'i');
const HEADING_MARKS = new RegExp(HEADING_MARK.source, 'gi');

/** Whether a heading says itself that it is optional ("User Stories (Optional)", "Drawbacks [optional]", "Open issues (if applicable)", "Key Entities (include if feature involves data)"). */
export function markedOptional(text: string): boolean {
  return OPTIONAL_MARK.test(text) || REMOVE_MARK.test(text);
}

// A sample heading the template asks to remove (a GEP's `#### Example test scenario 1, please remove: HTTPRoute …`).
const REMOVE_MARK = /\bplease (?:remove|delete)\b|[,(]\s*(?:remove|delete) (?:this|me|before)\b/i;

/** Whether a heading carries a mark that is no part of its name: optional ({@link markedOptional}), or "(mandatory)", "(required)". */
export function hasHeadingMark(text: string): boolean {
  return HEADING_MARK.test(text);
}

/** The anchor of a heading without its marks ("Drawbacks [optional]" is `drawbacks`, "Requirements (mandatory)" `requirements`), or null when it has none. */
export function unmarkedSlug(text: string): string | null {
  return HEADING_MARK.test(text) ? slugify(withoutHeadingMarks(text)) : null;
}

// Guidance that opens by saying the section is optional ("Optional, but
// suggested for first drafts." in Ember's RFC template, "(Optional) Describe…",
// "This section is optional.") marks it so, as "(Optional)" in its heading would.
// The word must stand alone ("Optional and required parameters…" is a subject, not a mark).
// MADR writes "This is an optional element." (above the heading: see commentAboveSaysOptional).
// spec-kit's plan writes "Fill ONLY if Constitution Check has violations …": a condition.
// AWS CDK's RFCs write "Feel free to add any number of appendices as you see fit.": none is a number too.
// A first sentence that opens with a condition, then a comma or what to do when it holds: "If not clear, …",
// "If applicable, …", "If you think of anything else, …". (Not "If this is a breaking change, explain why.", whose
// section every spec answers: a condition about the whole proposal in a section all must write is not told apart here.)
// (A condition about whether the section applies at all, or left to the author: not one that holds for nearly every spec,
// a KIP's "If there are alternative ways of accomplishing the same thing, what were they?": regression sweep.)
// (Not "If applicable," in a section's guidance, as a KEP's Upgrade / Downgrade and Version Skew Strategy open: a template
// marks its optional sections in their headings, and those two are owed by every KEP that lacks them; nor "If you have
// questions about this section, …": review.)
// (And whether there is anything to say at all: the TAG's "If any user research has been conducted …, discuss …", "If your
// proposed solution depends on any other features that haven't been … implemented …, list them here.")
const CONDITION_FIRST = /^if\s+(?:not clear|unclear|you\s+think\s+of|some\s+(?:design\s+)?(?:aspects?|parts?|details?|questions?)\b|anything\s+else\b|any\s+(?:[\w-]+\s+){1,3}(?:has|have)\s+been\s|your\s+(?:proposed\s+)?(?:solution|proposal|design|feature|change)\s+(?:depends|relies)\s+on\s)[^.!?]{0,200}?(?:,|\bthen\b|$)/i;
// A condition every spec meets: the proposal itself accepted or carried out.
const ALWAYS_HOLDS = /^if\s+(?:(?:we|you)\s+(?:implement|adopt|accept|ship|land|merge|do)\b|(?:this|the)\s+(?:proposal|rfc|change|feature|design|enhancement|kep|document)\s+(?:is|gets|were|was)\s+(?:accepted|implemented|adopted|approved|merged|shipped|landed))/i;
// Guidance that opens by saying what is below is examples: "These are generalized examples to consider", "The following are examples".
const EXAMPLES_TO_CONSIDER = /^(?:these|the following|below) are (?:(?:some|a few|generali[sz]ed|sample|illustrative|possible)\s+)*examples\b/i;
const SAYS_OPTIONAL = /^(?:(?:fill|include|complete|add|write)(?:\s+(?:in|out|this(?:\s+section)?))?\s+only\s+(?:if|when)\s|only\s+(?:fill|include|complete|add|write)\b[^.]{0,40}?\b(?:if|when)\s|[([]\s*optional\s*(?:[)\]]|[-\u2013\u2014:,]\s*(?:if|when|omit|delete|remove|skip|not)\b)|optional\s*[,.:;!\u2013\u2014](?!\w)|optional\s+-\s|optional\s+(?:if|when|unless)\s|this (?:section|element|part|chapter) is optional\s*(?:[.,;:!]|$|(?:if|when|unless|until|but)\s)|this is an optional (?:section|element|part|chapter)\s*(?:[.,;:!]|$)|optional (?:section|element|part)\s*[.,;:!\u2013\u2014-]|this (?:section|part|element) (?:might|may) not (?:always )?(?:exist|be needed|be necessary|apply|be relevant)\b|(?:feel free to|you (?:may|can))\s+(?:add|include|write)\s+(?:any number of|as many|zero or more)\s+(?:appendices|appendix|annex(?:es)?)\b)/i;

/** Whether guidance says the author need not write the section ("The author does not need to fill out this section …"): it may stay empty. */
export function saysNeedNotWrite(text: string): boolean {
  return /need/i.test(text) && NEED_NOT_WRITE.test(text.replace(/<!--|-->|[*_>`#{}\s]+/g, ' '));
}

// "Use it if it makes sense for your RFC": the section is the author's to keep or leave out.
const USE_IF_IT_FITS = /\b(?:use|include|keep|add|write) (?:it|this section|this) (?:only )?(?:if|when|where) it makes sense\b/i;
// A sentence saying the author need not write the section.
const NEED_NOT_WRITE = /\b(?:the authors?|you) (?:does|do|did) not need to (?:fill(?: out| in)?|write|complete) this section\b|\bthis section (?:does|do) not need to be (?:filled(?: out| in)?|written|completed) by the authors?\b/i;
// A sentence of the guidance saying the section is optional, after others; or a clause saying it is not required.
const LATER_OPTIONAL = /(?:^|[.!?:]\s)this (?:section|part|element) is (?:entirely |completely |totally )?optional\s*[.!]|,?\s(?:al)?though this section is not required\s*[.!]/i;
const NOT_REQUIRED = /,?\s(?:al)?though (?:it|this(?: section)?) is not required\s*[.!]?$/i;

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

// Guidance may also say so after what it asks for: React's RFC template
// writes "If the proposal involves a new or changed API, include a basic code
// example. Omit this section if it's not applicable." Any of its sentences
// that tells the author to leave the section out (not "Do not remove this section.") marks it, and so does
// one that says the section goes before the spec is done: npm's `{{THIS SECTION SHOULD BE REMOVED BEFORE RATIFICATION}}`,
// or is no part of it: Kotlin KEEP's appendix, "These questions are not a part of the proposal, but be prepared …".
const SAYS_OMIT = /\b(?:omit|remove|delete|skip|drop|leave\s+out)\s+(?:this|the\s+whole)\s+(?:section|part|element|chapter|heading)\b|\bthis\s+(?:section|part|element)\s+(?:might|may)\s+not\s+(?:always\s+)?(?:exist|be\s+needed|be\s+necessary|apply|be\s+relevant)\b|\bthis\s+(?:section|part|element|chapter)\s+(?:can|may|could|should|must|is\s+to)\s+(?:safely\s+)?be\s+(?:omitted|removed|deleted|skipped|dropped|left\s+out)\b|\b(?:this|these)\s+(?:section|part|appendix|appendices|questions?|notes?)\s+(?:is|are)\s+not\s+(?:a\s+)?part\s+of\s+the\s+(?:proposal|spec|specification|document|design|rfc|kep|keep)\b/i;
const FORBIDS = /\b(?:not|never|don['\u2019]t|doesn['\u2019]t|cannot|can['\u2019]t|shouldn['\u2019]t|mustn['\u2019]t)\b/i;

/** Whether a section's own text (its guidance) opens by saying that the section is optional, or has a sentence that says to leave it out when it does not apply. */
function guidanceSaysOptional(spec: ParsedSpec, span: Span): boolean {
  const opening = spec.source.slice(span.start, Math.min(span.end, span.start + 400));
  // Examples to consider, not sections to write (operator-framework's and OpenShift's `#### Examples` under Graduation
  // Criteria, "These are generalized examples to consider, …", over its sample milestones): they and what is under them.
  if (/example/i.test(opening) && EXAMPLES_TO_CONSIDER.test(opening.replace(/<!--|-->|[*_>`#\s]+/g, ' ').trim())) return true;
  // Guidance that opens with the condition under which the section is written: "If not clear, …" (Prometheus' Audience),
  // "*If a proposal is implemented before it is included in the spec, …*" (Matrix's Unstable prefix), "If you think of
  // anything else …" (Scala SIPs), as a heading's "(if applicable)" does.
  if (/^\s*(?:<!--)?[\s*_>[]*if\s/i.test(opening)) {
    const condition = CONDITION_FIRST.exec(opening.replace(/<!--[ \t]*(?:AGENT_PLACEHOLDER:)?|-->|[*_>`#{}\s[]+/g, ' ').trim())?.[0];
    // (Not one that holds for every spec: React's "If we implement this proposal, how will existing React developers adopt it?")
    if (condition !== undefined && !ALWAYS_HOLDS.test(condition)) return true;
  }
  // (Escapes aside: NVIDIA Dynamo's `**\[Optional \- if not applicable omit\]**`.)
  if (/optional|only|any number|as many|zero or more/i.test(opening) && SAYS_OPTIONAL.test(opening.replace(/\\(?=[[\]\-()])/g, '').replace(/<!--[ \t]*(?:AGENT_PLACEHOLDER:)?|-->|[*_>`#{}\s]+/g, ' ').trim())) return true;
  const text = spec.source.slice(span.start, Math.min(span.end, span.start + 2000));
  // (Or that it is for the spec that it fits: Invenio's "As with other sections, use it if it makes sense for your RFC.")
  if (/makes sense/i.test(text) && USE_IF_IT_FITS.test(text.replace(/<!--|-->|[*_>`#{}\s]+/g, ' '))) return true;
  // (Or that the author need not write it: NEAR's Changelog, "The author does not need to fill out this section for the
  // initial draft. Instead, the assigned reviewers … should create the first version …"; blind QA.)
  if (saysNeedNotWrite(text)) return true;
  // (Said later in the guidance, a sentence of its own: GitLab's "Listing non-goals helps to focus discussion and make
  // progress. This section is optional."; or "…, although it is not required.")
  if (/optional|not required/i.test(text)) {
    const plain = text.replace(/<!--|-->|[*_>`#{}\s]+/g, ' ');
    // ("…, although it is not required." in the first sentence only, where "it" is the section's text: not "A rollback plan
    // is welcome, though it is not required.", which is about the plan; review.)
    if (LATER_OPTIONAL.test(plain) || NOT_REQUIRED.test(/^[^.!?]*[.!?]?/.exec(plain.trim())![0])) return true;
  }
  // (Guidance of one sentence that ends by saying it applies only where it does: Sentry's "[Metrics to help support your decision (if applicable).]".)
  if (text.indexOf('(') !== -1 && /^[\s[*_]*[^.!?\n]{3,200}\((?:only )?if (?:applicable|any|relevant|needed|necessary)\)[.\]*_\s]*$/i.test(withoutClosedComments(text))) return true;
  if (!/omit|remove|delete|skip|drop|leave|left|not\s+(?:a\s+)?part|(?:might|may)\s+not/i.test(text)) return false;
  return text.replace(/<!--|-->|[*_>`#{}\s]+/g, ' ').split(/(?<=[.!?;])\s+/).some((sentence) => {
    const said = SAYS_OMIT.exec(sentence);
    return said !== null && !FORBIDS.test(sentence.slice(0, said.index));
  });
}

/** A heading's text with its marks ({@link hasHeadingMark}) taken out, whitespace runs as one space. */
export function withoutHeadingMarks(text: string): string {
  return text.replace(HEADING_MARKS, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether a heading's comment says the section is optional (`## Drivers <!-- optional -->`, as MADR 2 and log4brains mark them). */
function commentMarksOptional(text: string): boolean {
  return text.indexOf('<!--') !== -1 && /<!--\s*(?:optional|this (?:section|element) is optional)[\s.!]*-->/i.test(text);
}

/** Whether a heading carries its section's answer (`## Security (N/A — internal only)`, `## Dependencies: none`). */
export function answersItself(heading: string): boolean {
  return ANSWERED.test(heading);
}

/**
 * A section the template makes optional for some of its specs only, as its
 * guidance says: "This section is optional for non-Core EIPs." (the EIPs'
 * `## Test Cases`), "Required for Core EIPs." — the kind named as a value
 * of the specs' front matter (`category: Core`). `optionalUnless`: optional
 * unless the spec's front matter names `value` (else optional only when it does).
 */
export interface OptionalWhen {
  readonly value: string;
  readonly optionalUnless: boolean;
  /** The words that say so, as the template writes them ("optional for non-Core EIPs"). */
  readonly said: string;
}

// "optional for non-Core EIPs", "optional for Informational EIPs": a kind by its name, capitalised as a front matter
// value would be (not "optional for new features", nor "required for all proposals", which makes nothing optional).
// Guidance that opens by saying when the section is written: once the spec reaches a status.
const ONCE_STATUS = /^(?:once|when|after) (?:the|this|your) (?:TEP|KEP|RFC|proposal|spec|specification|enhancement|design|document|ADR) (?:is|has been|gets) (?:ready to be (?:marked(?: as)?|moved to) )?(implemented|accepted|approved|merged|completed|released|graduated)\b/i;
const OPTIONAL_FOR = /\b(optional)\s+(?:only\s+)?for\s+(?:([Nn]on-?\s*|not\s+)(?:for\s+)?)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\s+(?:EIPs?|ERCs?|BIPs?|TIPs?|specs?|specifications?|proposals?|documents?|docs|RFCs?|KEPs?|PEPs?|OTEPs?|ADRs?|changes?|features?|designs?)\b/;

/** What a template section's guidance says of specs it is optional for (see {@link OptionalWhen}), or null. */
export function optionalWhen(spec: ParsedSpec, section: Section): OptionalWhen | null {
  const span = section.bodySpan;
  const opening = spec.source.slice(span.start, Math.min(span.end, span.start + 600));
  // (Or owed once the spec has a status: a TEP's Implementation Pull Requests, "Once the TEP is ready to be marked as
  // implemented, list down all the GitHub merged pull requests.": optional until its `status` is "implemented".)
  const once = ONCE_STATUS.exec(opening.replace(/<!--|-->|[*_>`]+/g, ' ').replace(/\s+/g, ' ').trim());
  if (once !== null) return { value: once[1]!.toLowerCase(), optionalUnless: true, said: once[0] };
  if (!/optional/i.test(opening)) return null;
  const m = OPTIONAL_FOR.exec(opening.replace(/<!--|-->|[*_>`]+/g, ' ').replace(/\s+/g, ' ').replace(/\b[Tt]his section is optional\b/g, 'optional').replace(/\bOptional\b/g, 'optional'));
  if (m === null) return null;
  return { value: m[3]!, optionalUnless: m[2] !== undefined, said: m[0] };
}

/**
 * Whether a spec may leave a template section out: the template makes it
 * optional, or optional for specs of the spec's kind (see
 * {@link OptionalWhen}), decided by its front matter (a spec with none may:
 * nothing says what it is).
 */
export function optionalIn(spec: ParsedSpec, t: { readonly optional: boolean; readonly optionalWhen: OptionalWhen | null }): boolean {
  if (t.optional) return true;
  if (t.optionalWhen === null) return false;
  if (spec.frontMatter?.data == null) return true;
  const named = frontMatterKeyNaming(spec, t.optionalWhen.value) !== null;
  return t.optionalWhen.optionalUnless ? !named : named;
}

/** The front matter key whose value (or one of whose listed values) is `value`, case aside, or null. */
export function frontMatterKeyNaming(spec: ParsedSpec, value: string): string | null {
  const data = spec.frontMatter?.data;
  if (data == null) return null;
  const wanted = value.toLowerCase();
  const is = (v: unknown): boolean => typeof v === 'string' && v.trim().toLowerCase() === wanted;
  // (Not the spec's name or summary: `title: Core` says nothing of its kind.)
  for (const [key, v] of Object.entries(data)) if (key !== 'title' && key !== 'description' && (is(v) || (Array.isArray(v) && v.some(is)))) return key;
  return null;
}
