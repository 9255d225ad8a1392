// A template's text under its title that asks for nothing there: notes about
// the file as a whole, or the template's own credits, which every spec keeps.
import { blockText } from './block-text.js';
import { normalizedSentence } from './guidance-sentences.js';
import { withoutClosedComments } from './markdown/inline-comments.js';
import { blocksIn, sectionProse } from './section-prose.js';
import type { Block, ParsedSpec, Span } from './spec-types.js';
import { hasTableOfContents } from './table-of-contents.js';

// A comment about the template file as a whole, not about the text under the
// title: "Copy this file to specs/ and fill in every section.", "When your
// proposal is complete, remove these comments.", "Delete this note before
// circulating the document."
const ASKS_FOR_TEXT_HERE = /\bhere\b|\b(?:write|describe|summari[sz]e|explain|state|give|provide)\b(?![^.]*\b(?:every|each|all(?: the)?) sections?\b)/i;
// The verb that asks for text, and the article after it: what follows is what it asks for.
const WRITE_WHAT = /\b(?:write|describe|summari[sz]e|explain|state|give|provide)\s+(?:the\s+|a\s+|an\s+|your\s+)?/i;
/**
 * Whether the visible text under a template's title (or a heading) is all
 * the template's own credits, kept by every spec and asking for nothing:
 * arc42's "About arc42" paragraphs — the template named, its version, its
 * authors' `©` — each such a paragraph, or a short bold label over them.
 */
export function onlyAboutTheTemplate(spec: ParsedSpec, blocks: readonly Block[]): boolean {
  return everyParagraph(spec, blocks, (text) => {
    if (ASKS_FOR_TEXT_HERE.test(text) || text.includes('?') || /^(?:list|add|copy|include|name|note|mention|link|fill|enter|insert|replace|update)\b/i.test(text)) return 'no';
    return ABOUT_THE_TEMPLATE.test(text) ? 'yes' : /^(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__):?$/.test(text) ? 'aside' : 'no';
  });
}

/**
 * Whether blocks (comments aside) are all paragraphs that `judge` takes —
 * one of a kind (`yes`) or beside them (`aside`, a short label) — and at
 * least one is of the kind.
 */
function everyParagraph(spec: ParsedSpec, blocks: readonly Block[], judge: (text: string) => 'yes' | 'aside' | 'no'): boolean {
  let found = 0;
  for (const b of blocks) {
    if (b.kind === 'html' && b.htmlKind === 2) continue;
    if (b.kind !== 'paragraph') return false;
    const said = judge(blockText(spec.source, b).text.trim());
    if (said === 'no') return false;
    if (said === 'yes') found++;
  }
  return found > 0;
}

/**
 * Whether the visible text of a template's section is nothing but a licence
 * notice, which every spec keeps as the template writes it: the EIPs'
 * `## Copyright` with "Copyright and related rights waived via
 * [CC0](../LICENSE.md).", a PEP's "This document is placed in the public
 * domain…", an SPDX line. Such a section asks for nothing (its comments
 * aside: an EIP's whole template guides with comments, and this one has
 * none), so a spec that keeps it has not left it empty (every real EIP was
 * reported so: blind QA). Not one that asks for text, a question, or a slot
 * to fill (`Copyright [year] [holder]`, `Licensed under <licence>`).
 */
export function onlyLicenceNotice(spec: ParsedSpec, blocks: readonly Block[]): boolean {
  return everyParagraph(spec, blocks, (text) => (LICENCE_NOTICE.test(text) && !ASKS_FOR_TEXT_HERE.test(text) && !ASKS_FOR_A_LICENCE.test(text) ? 'yes' : 'no'));
}

// A licence or copyright notice: rights waived or reserved, a licence named, the public domain, an SPDX identifier.
// (A notice's own words, not a sentence that mentions copyright: "Document any copyright constraints" asks for text.)
const LICENCE_NOTICE = /\bcopyright\s+(?:\(c\)|©|\d{4}|and related rights)|\ball rights reserved\b|\brights (?:are )?waived\b|\blicen[cs]ed under\b|\b(?:placed|released|dedicated) (?:in|into|to) the public domain\b|\bSPDX-License-Identifier\b/i;
// …that asks for one: a question, a slot (`[year]`, `<licence>`, `{holder}`), or a verb that asks to choose or name it.
const ASKS_FOR_A_LICENCE = /\?|\[[^[\]]*\](?!\()|<[a-z][^<>]*>|\{[^{}]*\}|^(?:list|add|copy|include|name|note|mention|link|fill|enter|insert|replace|update|choose|pick|select|specify|declare|indicate|say|tell|document|confirm|outline|describe|explain|state|give|provide|write|identify|detail|cite|summari[sz]e|make sure|ensure)\b|\b(?:choose|pick|select|specify|indicate)\b/i;

// A paragraph of a template's credits: `©`, a copyright with its year or its holder, the template's version, "the template for …".
const ABOUT_THE_TEMPLATE = /©|\bcopyright\s+(?:\(c\)\s*)?(?:\d{4}|by)\b|\btemplate version\b|\bthe template for\b/i;

// (Also where the file's text goes and what may not change: Fuchsia's "This should begin with an H2 element", "DO NOT
// EDIT ANYTHING ELSE ABOVE THIS LINE".)
// (Or a list of the values a field may take, Cardano's `<!-- Existing categories: - Meta | … -->` above the first section.)
const NOTE_ON_THE_FILE = /\b(?:this (?:file|template|document|note)|these notes|(?:every|each|all(?: the)?|the other) sections?|these comments?|(?:the|all|these) comment blocks?|sections? below|(?:above|below) this line)\b|^(?:<!--)?\s*this (?:should|must) (?:begin|start) with\b|^(?:<!--)?\s*(?:existing|available|allowed|possible|valid|known)\s+(?:categories|values|statuses|types|options|labels|tags)\s*:/i;

// A note that says it may be removed: "(You may remove this disclaimer)", "Delete this note before submitting".
const REMOVABLE = /\b(?:you (?:may|can|should)\s+)?(?:remove|delete)\s+this\s+(?:disclaimer|note|paragraph|notice)\b/i;

// A paragraph of nothing but a template engine's comments, a line each: Jinja's and Nunjucks' `{# … #}`.
// (Its lines end at any line break, `\r` too, which a line's text never holds: one way to read each, no backtracking.)
const ENGINE_COMMENT_LINES = /^(?:[ \t]*\{#[^\r\n]*#\}[ \t]*(?:\r?\n|\r|$))+$/;

/** Whether a block is a paragraph of template-engine comments (`{# … #}` lines), which the rendered page never shows. */
function isEngineComment(spec: ParsedSpec, b: Block): boolean {
  return b.kind === 'paragraph' && spec.source.startsWith('{#', b.start) && ENGINE_COMMENT_LINES.test(spec.source.slice(b.start, b.end));
}

/**
 * Whether the text under a template's title is nothing but notes about the
 * file as a whole ({@link NOTE_ON_THE_FILE}) — comments, or block quotes (a
 * GitHub `> [!NOTE]`) —: they ask for no text there, so a spec's title part
 * is not owed any (a usage note made every spec of such a template fail:
 * blind QA). One that asks for text names a section of the template for it
 * ("Write the press release as if the product launches today. Delete these
 * notes when you are done.", over `## Press Release`), not this place.
 */
export function onlyNotesOnTheFile(spec: ParsedSpec, span: Span): boolean {
  if (spec.placeholders.some((p) => p.span.start >= span.start && p.span.start < span.end)) return false;
  const blocks = blocksIn(spec, span);
  if (onlyAboutTheTemplate(spec, blocks)) return true;
  // (Or a paragraph that says it may go, UI5's "*Disclaimer: This template is derived from … (You may remove this disclaimer).*".)
  const notes = blocks.filter((b) => (b.kind === 'html' && b.htmlKind === 2) || (b.kind === 'paragraph' && !b.topLevel && spec.source.slice(b.lineStart, b.start).trimStart().startsWith('>'))
    || isEngineComment(spec, b) || (b.kind === 'paragraph' && b.end - b.start < 2000 && REMOVABLE.test(spec.source.slice(b.start, b.end))));
  // (Visible text elsewhere there — a paragraph, a list — asks for nothing only when it is all in such notes.)
  if (notes.length === 0 || (sectionProse(spec, span) !== '' && blocks.some((b) => b.kind !== 'thematic-break' && !notes.includes(b)))) return false;
  const sections = spec.sections.map((s) => ` ${normalizedSentence(withoutClosedComments(s.heading.text))} `).filter((words) => words.trim().length >= 3);
  // (Not one that asks for text here too: "Write a one-paragraph summary here; the sections below go into the details.")
  return notes.every((b) => {
    const text = b.kind === 'html' ? spec.source.slice(b.start, b.end) : blockText(spec.source, b).text;
    // (A template engine's comment is for whoever edits the file's source, which the page never shows: a note unless it asks for text.)
    if (isEngineComment(spec, b)) return !ASKS_FOR_TEXT_HERE.test(text);
    if (!NOTE_ON_THE_FILE.test(text)) return false;
    if (!ASKS_FOR_TEXT_HERE.test(text)) return true;
    // (What it asks to write, right after the verb, is a section: "Write the press release …", not "Write a one-paragraph abstract …".)
    const asked = WRITE_WHAT.exec(text);
    const object = asked === null ? '' : ` ${normalizedSentence(text.slice(asked.index + asked[0].length))} `;
    return !/\bhere\b/i.test(text) && asked !== null && sections.some((heading) => object.startsWith(heading));
  })
    && !hasTableOfContents(spec, span);
}
