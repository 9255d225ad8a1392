// Why a section that looks written to its author shows nothing: its text is
// inside an HTML comment. Either the author (or an agent) wrote the answer
// inside the template's guidance comment, above its `-->`, or a comment of
// their own lost its `-->` and swallowed the rest of the file.
import { normalizedSentence } from './guidance-sentences.js';
import { memoBy } from './memo-by.js';
import { blocksIn } from './section-prose.js';
import type { Block, ParsedSpec, Span } from './spec-types.js';

/**
 * What hides a section's text: a comment never closed, one closed only by a
 * later comment's `-->` (on line `closedBy`), or words of the author's after
 * the guidance inside the template's comment.
 */
export type HiddenInComment = 'unclosed' | 'inside' | { readonly closedBy: number };

// Words the text after the guidance needs to count as an answer: "TODO" or "draft" is a note.
const MIN_WORDS = 4;

/**
 * Whether the text of a span is hidden in a comment (see {@link HiddenInComment}):
 * a comment there never closed, or closed by a later one's `-->`, or one that holds one of the template's
 * comments for the section (`template`, its body's span in the template
 * file) followed by words of the author's. Null when no comment hides any:
 * a comment unlike the template's (an older template's wording, a draft the
 * author commented out) is not guessed at.
 */
export function hiddenInComment(spec: ParsedSpec, span: Span, template: { readonly spec: ParsedSpec; readonly span: Span } | null): HiddenInComment | null {
  let guidance: TemplateComments | null = null;
  for (const block of blocksIn(spec, span)) {
    if (!isComment(block)) continue;
    if (block.closed === false) return 'unclosed';
    // One that holds another's `<!--` after a paragraph of its own (a blank line between), before its first `-->`:
    // it lost its own, and the later comment's closes it, hiding what is between. (Not two comments on a line,
    // nor a `<!--` written inside a note's words.)
    const text = spec.source.slice(block.start + 4, block.end);
    const nested = text.indexOf('<!--');
    const close = text.indexOf('-->');
    if (nested !== -1 && (close === -1 || nested < close) && /\n[ \t]*\r?\n/.test(text.slice(0, nested))) return { closedBy: block.endLine };
    if (template === null) continue;
    guidance ??= templateComments(template.spec, template.span);
    // The template's comment kept as it is (most): no words of the author's in it, known without normalising it.
    if (guidance.raw.has(spec.source.slice(block.start, block.end).trim())) continue;
    const words = commentWords(spec.source, block);
    if (guidance.words.some((g) => words.startsWith(`${g} `) && isAnswer(words.slice(g.length).trim()))) return 'inside';
  }
  return null;
}

// Words that speak to the author about the document, as guidance does: an older template's
// paragraph kept in its comment (a KEP's "Both in this section and below, follow the
// guidelines of the documentation style guide.") is no answer written there. (Not
// "guidelines" alone: an answer may follow a team's.)
const ABOUT_THE_DOCUMENT = /\b(?:this section|this template|the template|style guide)\b/;

/** Whether words after the template's comment in a comment (normalised) are an answer: four words or more, not more guidance. */
function isAnswer(words: string): boolean {
  return words.split(' ').length >= MIN_WORDS && !ABOUT_THE_DOCUMENT.test(words);
}

function isComment(block: Block): boolean {
  return block.kind === 'html' && block.htmlKind === 2;
}

/** A comment's words, normalised as guidance sentences are. */
function commentWords(source: string, block: Block): string {
  // (The first comment's words only: a second on its line, `<!-- … --> <!-- Optional: … -->`, is a comment of its own.)
  const raw = source.slice(block.start, block.end);
  const close = raw.indexOf('-->', 4);
  return normalizedSentence((close === -1 ? raw : raw.slice(0, close + 3)).replace(/^<!--|-->\s*$/g, ' '));
}

/** A template section's comments, as written and normalised. */
interface TemplateComments {
  readonly raw: ReadonlySet<string>;
  readonly words: readonly string[];
}

// The template's comments by section, read once per template (a spec may have many empty sections, and a run many specs).
const commentsOf = new WeakMap<ParsedSpec, Map<number, TemplateComments>>();

function templateComments(spec: ParsedSpec, span: Span): TemplateComments {
  return memoBy(commentsOf, spec, span.start, () => {
    const blocks = blocksIn(spec, span).filter(isComment);
    return { raw: new Set(blocks.map((b) => spec.source.slice(b.start, b.end).trim())), words: blocks.map((b) => commentWords(spec.source, b)).filter((w) => w !== '') };
  });
}
