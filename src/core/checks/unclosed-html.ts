import { hasTagStart } from '../markdown/tag-starts.js';
import { proseBlocks } from './text-blocks.js';
import type { CheckRule, FindingDraft } from './types.js';
import { flattenSections } from '../match-sections.js';
import type { Position } from '../spec-types.js';

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
  description: 'A <details> element is never closed, so the page folds everything after it into it.',
  check: ({ spec }) => {
    if (!hasTagStart(spec.source, DETAILS_NAME)) return [];
    // Tags in document order, outside code and comments; each close ends the innermost open one.
    const open: Array<{ at: Position; offset: number }> = [];
    // (Top-level blocks only: a list item or a quote that ends closes a `<details>` opened in it, as browsers read it.)
    for (const block of proseBlocks(spec, /<\/?details/i, (text) => /<\/?details/i.test(text), { html: true, topLevel: true })) {
      for (const tag of block.text.matchAll(DETAILS_TAG)) {
        if (tag[1] === '/') open.pop();
        else open.push({ at: block.locate(tag.index, tag.index + tag[0].length), offset: block.sourceOffset(tag.index) });
      }
    }
    const findings: FindingDraft[] = [];
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

