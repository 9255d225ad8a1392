// A template's list of options to choose from, under a lead-in that asks
// which (Kotlin KEEP's "What are the dependencies of the proposed API:" over
// "* a subset of Kotlin Standard Library available on all supported
// platforms.", "* JDK-specific dependencies, specify minimum JDK version.",
// "* JS-specific dependencies."). A spec that keeps some of the options, not
// all, and nothing else of the guidance has chosen: that is its answer, not
// the guidance kept (every such KEEP was an empty-section error: blind QA).
import { commentSentences } from './comment-sentences.js';
import { blocksIn, proseSentences } from './section-prose.js';
import type { Block, ParsedSpec, Span } from './spec-types.js';

// A lead-in that asks which: a question word, or "one of", "choose", "pick", "select", and a colon at its end.
// (Or offers things to note, the Pony RFCs' "Why should we *not* do this? Things you might want to note:" over its drawbacks.)
const ASKS_WHICH = /^[\s*_]*(?:(?:what|which)\b[^\n]*|[^\n]*\b(?:one (?:or more )?of the following|(?:choose|pick|select) (?:one|any|all that apply)\b|things you (?:might|may|could) (?:want to )?(?:note|consider|mention)\b)[^\n]*):[\s*_]*$/i;
// An item that instructs or asks rather than names a choice: an imperative at its start, or a question.
const INSTRUCTS = /^(?:[*_`]*)(?:describe|explain|list|add|write|include|provide|give|state|summari[sz]e|outline|document|note|mention|link|discuss|detail|identify|define|specify|consider|make sure|ensure|answer|fill|insert|replace|delete|remove)\b|\?/i;
// A list item's marker at its line's start, bullets only (a numbered list is steps, not options).
const ITEM_MARKER = /^[ \t>]*[-*+][ \t]+(?!\[[ xX]\])/;
// The most words an option has: a choice is named, not explained.
const MOST_WORDS = 25;

/**
 * The normalised sentences of the options a template section lists for the
 * author to choose from (see above), when its visible guidance is a lead-in
 * that asks which, ending with a colon, over a bullet list of two or more
 * items that each name a choice (no question, no instruction at their start,
 * twenty-five words at most); null when it has none such.
 */
export function optionSentences(spec: ParsedSpec, span: Span): ReadonlySet<string> | null {
  const blocks = blocksIn(spec, span).filter((b) => !(b.kind === 'html' && b.htmlKind === 2));
  // (A lead-in is a line: a long paragraph is none, and is not read by the pattern, which would take quadratic time.)
  const lead = blocks.findIndex((b) => b.kind === 'paragraph' && b.topLevel && b.end - b.start <= 300 && ASKS_WHICH.test(spec.source.slice(b.start, b.end)));
  if (lead === -1) return null;
  const items: Block[] = [];
  for (const b of blocks.slice(lead + 1)) {
    if (b.kind !== 'paragraph' || b.topLevel || !ITEM_MARKER.test(spec.source.slice(b.lineStart, b.end))) break;
    items.push(b);
  }
  if (items.length < 2) return null;
  const options = new Set<string>();
  for (const item of items) {
    const text = spec.source.slice(item.start, item.end).trim();
    if (INSTRUCTS.test(text) || text.split(/\s+/).length > MOST_WORDS) return null;
    for (const sentence of proseSentences(spec, item)) options.add(sentence);
  }
  return options.size < 2 ? null : options;
}

/**
 * The normalised sentences of the options a template section keeps in
 * comments of their own, one each, beside a comment that says to uncomment
 * the one that applies (Cardano's Copyright: "Uncomment the license you wish
 * to use (delete the other one)" over `<!-- This CIP is licensed under
 * [CC-BY-4.0](…). -->` and `<!-- … [Apache-2.0](…). -->`); null when it has none such.
 */
export function commentedOptions(spec: ParsedSpec, span: Span): ReadonlySet<string> | null {
  const comments = blocksIn(spec, span).filter((b) => b.kind === 'html' && b.htmlKind === 2);
  const told = comments.findIndex((b) => /\buncomment\b/i.test(spec.source.slice(b.start, b.end)));
  if (told === -1 || comments.length < 3) return null;
  const options = new Set<string>();
  for (const [k, b] of comments.entries()) {
    if (k === told) continue;
    for (const c of commentSentences(spec, { start: b.start, end: b.end })) options.add(c.sentence);
  }
  return options.size < 2 ? null : options;
}

/**
 * Whether a span of a spec says nothing but some of a template section's
 * options (see {@link optionSentences}), not all of them: a choice made.
 */
export function choosesOptions(spec: ParsedSpec, span: Span, options: ReadonlySet<string> | null): boolean {
  if (options === null) return false;
  const kept = new Set(proseSentences(spec, span));
  if (kept.size === 0 || kept.size >= options.size) return false;
  for (const sentence of kept) if (!options.has(sentence)) return false;
  return true;
}
