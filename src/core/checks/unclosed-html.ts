import { hasTagStart } from '../markdown/tag-starts.js';
import { proseBlocks } from './text-blocks.js';
import type { CheckRule, FindingDraft } from './types.js';
import { flattenSections } from '../match-sections.js';
import type { ParsedSpec, Position } from '../spec-types.js';
import { lineIndexOf } from '../line-index.js';
import { sectionAt } from '../section-at.js';

// The element's name right after a `<` or `</` (sticky: tried where a `<` is).
const DETAILS_NAME = /\/?details(?=[\s/>])/iy;
// An opening or closing `<details>` tag, as raw HTML (not after a backslash: `\<details>` shows as text).
const DETAILS_TAG = /(?<!\\)<(\/?)details(?=[\s/>])[^<>]*>/gi;

/**
 * A `<details>` element never closed. Markdown passes the tag through as
 * raw HTML and goes on; the browser (and GitHub's page) then folds
 * everything after it into the element, collapsed: later sections vanish
 * from view while every Markdown tool, and the other rules, still see them.
 */
export const unclosedHtml: CheckRule = {
  id: 'unclosed-html',
  defaultSeverity: 'warning',
  description: 'A <details> element is never closed, so the page folds everything after it into it; or a <pre>, <script>, <style> or <textarea> block, which takes the rest of the file as raw HTML; or an HTML comment that hides the text after it.',
  check: ({ spec }) => {
    const findings: FindingDraft[] = [...rawBlocksLeftOpen(spec), ...commentLeftOpen(spec)];
    if (!hasTagStart(spec.source, DETAILS_NAME)) return findings;
    // Tags in document order, outside code and comments; each close ends the innermost open one.
    const open: Array<{ at: Position; offset: number }> = [];
    // (Top-level blocks only: a list item or a quote that ends closes a `<details>` opened in it, as browsers read it.)
    for (const block of proseBlocks(spec, /<\/?details/i, (text) => /<\/?details/i.test(text), { html: true, topLevel: true })) {
      for (const tag of block.text.matchAll(DETAILS_TAG)) {
        if (tag[1] === '/') open.pop();
        else open.push({ at: block.locate(tag.index, tag.index + tag[0].length), offset: block.sourceOffset(tag.index) });
      }
    }
    // The outermost left open is the one to close: the ones inside it close with it.
    const first = open[0];
    if (first !== undefined) {
      const after = flattenSections(spec.sections).filter((s) => s.heading.span.start > first.offset).length;
      const hidden = after === 0 ? '' : ` (${after} section${after === 1 ? '' : 's'})`;
      findings.push({ ...first.at, message: `\`<details>\` is never closed: on the page, everything after it${hidden} is folded into it, collapsed; add \`</details>\` where the folded part ends` });
    }
    return findings;
  },
};


// A blank line, whatever the file's line endings (a lone CR is one, as in CommonMark; a CR before its LF is not one of its own).
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/;

/**
 * A `<pre>`, `<script>`, `<style>` or `<textarea>` block never closed: to
 * CommonMark it runs to the end of the file, so nothing after it is Markdown —
 * its headings are no headings, its sections missing (blind QA: 17 unexplained
 * missing sections from a `</pre` without its `>`).
 */
function rawBlocksLeftOpen(spec: ParsedSpec): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const block of spec.blocks) {
    // (Top level only: a list item or a quote that ends closes it; the rest of the file is Markdown again.)
    if (block.kind !== 'html' || block.htmlKind !== 1 || block.closed !== false || !block.topLevel) continue;
    const name = /^<([A-Za-z]+)/.exec(spec.source.slice(block.start, block.start + 12))?.[1]?.toLowerCase() ?? 'pre';
    // (Headings after the block's own content: its first blank line ends what was meant as its text.)
    const raw = spec.source.slice(block.start, block.end);
    const blank = BLANK_LINE.exec(raw);
    const hidden = blank === null ? 0 : (raw.slice(blank.index).match(/^ {0,3}#{1,6}(?:[ \t]|$)/gm) ?? []).length;
    const what = hidden === 0 ? '' : `, and its ${hidden} heading${hidden === 1 ? ' is' : 's are'} no heading${hidden === 1 ? '' : 's'}`;
    const { line, column } = lineIndexOf(spec).locate(block.start);
    findings.push({ line, column, endLine: line, endColumn: column + name.length + 1,
      message: `\`<${name}>\` is never closed with \`</${name}>\`: everything after it, to the end of the file, is raw HTML, not Markdown${what}; close it where its content ends` });
  }
  return findings;
}

/**
 * An HTML comment never closed, at the top level, that hides text of the
 * author's after its own: the page shows nothing from its `<!--` to the end
 * of the file, and no other rule may see why (blind QA: a reviewer's note
 * left open hid the paragraph below it). Not one that hides headings
 * (missing-section says so on each), nor a placeholder's
 * (malformed-placeholder's), nor one whose text is all it holds.
 */
function commentLeftOpen(spec: ParsedSpec): FindingDraft[] {
  const last = spec.blocks[spec.blocks.length - 1];
  if (last === undefined || last.kind !== 'html' || last.htmlKind !== 2 || last.closed !== false || !last.topLevel) return [];
  const raw = spec.source.slice(last.start, last.end);
  if (/^<!--\s*AGENT_PLACEHOLDER/.test(raw)) return [];
  // (Nor one that opens a section's own text, nothing shown before it there: empty-section says why that section is empty.)
  const section = sectionAt(spec.sections, last.start);
  if (section !== null && last.start >= section.bodySpan.start && !spec.blocks.some((b) => b.start >= section.bodySpan.start && b.start < last.start && !(b.kind === 'html' && b.htmlKind === 2))) return [];
  // What follows the comment's own paragraph: text of the author's, and no heading.
  const blank = BLANK_LINE.exec(raw);
  const after = blank === null ? '' : raw.slice(blank.index);
  if (after.trim() === '' || /^ {0,3}#{1,6}(?:[ \t]|$)/m.test(after)) return [];
  const { line, column } = lineIndexOf(spec).locate(last.start);
  const lines = after.trim().split(/\r\n|\r|\n/).length;
  return [{ line, column, endLine: line, endColumn: column + 4,
    message: `HTML comment is never closed: the page shows nothing from here to the end of the file (${lines} line${lines === 1 ? '' : 's'} of text after the comment's own); add \`-->\` where the comment's text ends` }];
}
