// The sentences of a template's guidance comments, read as a spec's prose is:
// a spec that only deleted a comment's `<!--` and `-->` has these very sentences.
import { blockText } from './block-text.js';
import { PLACEHOLDER_MARKER } from './find-placeholders.js';
import { findInlineComments } from './markdown/inline-comments.js';
import { parseSpec } from './parse-spec.js';
import { blocksIn, proseSentences } from './section-prose.js';
import type { ParsedSpec, Span } from './spec-types.js';

// An `AGENT_PLACEHOLDER` comment's marker, before its instruction.
const MARKER = new RegExp(`^\\s*${PLACEHOLDER_MARKER}(?![A-Za-z0-9_])[ \\t]*:?`);

/** A sentence of a template's comment, and whether it is one of the comment's examples (after "For example", "e.g.", "such as"). */
export interface CommentSentence {
  readonly sentence: string;
  readonly example: boolean;
}

/**
 * The sentences of the HTML comments in a span of a template (a KEP's
 * guidance, an `AGENT_PLACEHOLDER`'s instruction without its marker), as
 * {@link proseSentences} gives a spec's: each comment's text is read as a
 * document of its own, so that a spec that deleted only the `<!--` and
 * `-->` around it, or quoted it, has these very sentences (a list in the
 * comment splits into its items, as it does in the spec).
 */
export function commentSentences(spec: ParsedSpec, span: Span): CommentSentence[] {
  const out: CommentSentence[] = [];
  for (const block of blocksIn(spec, span)) {
    const comment = block.kind === 'html' && block.htmlKind === 2;
    // (Inline comments are rare: a paragraph is looked into only when its source has one.)
    if (!comment && (block.kind !== 'paragraph' || !spec.source.slice(block.start, block.end).includes('<!--'))) continue;
    // Its text without container prefixes (`> `, a list's indent).
    const { text } = blockText(spec.source, block);
    const ranges = comment ? [...text.matchAll(/<!--(?:-?>|[\s\S]*?(?:-->|$))/g)].map((m): [number, number] => [m.index, m.index + m[0].length]) : findInlineComments(text);
    for (const [from, to] of ranges) {
      const whole = text.slice(from + 4, text.endsWith('-->', to) ? to - 3 : to).replace(MARKER, '');
      const sentences = proseSentences(parseSpec(whole), { start: 0, end: whole.length });
      // Its examples: the sentences the text before them lacks (read again only where there are some, which is rare).
      const cut = whole.search(EXAMPLES_START);
      const before = cut === -1 ? null : new Set(proseSentences(parseSpec(whole.slice(0, cut)), { start: 0, end: cut }));
      for (const sentence of sentences) out.push({ sentence, example: before !== null && !before.has(sentence) });
    }
  }
  return out;
}

// Where a comment's examples start: "For example:", "e.g.", "Examples:", "such as".
const EXAMPLES_START = /\b(?:for example|for instance|e\.\s?g\.|examples?:|such as|things like|like:)/i;
