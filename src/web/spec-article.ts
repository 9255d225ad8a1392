import { randomBytes } from 'node:crypto';
import { flattenSections } from '../core/match-sections.js';
import type { ParsedSpec, Placeholder, Span } from '../core/spec-types.js';
import { preambleSpan } from '../core/template-model.js';
import { html, trusted, type SafeHtml } from './html.js';
import { renderMarkdown, type RenderOptions } from './render-markdown.js';
import { uniqueSlug } from '../core/slug.js';

/**
 * How an open placeholder is shown: a form on the live server, a marker on
 * the static site. The card's element has the id `card-<index>`.
 */
export type PlaceholderCard = (placeholder: Placeholder, index: number) => SafeHtml;

interface Insert {
  readonly span: Span;
  /** The id of the card's element, for the link left in a paragraph. */
  readonly anchor: string;
  readonly markup: SafeHtml;
  /** Inline placeholders (inside a paragraph) get a link there and their card after the section. */
  readonly block: boolean;
}


/**
 * A spec's text as HTML, one `<section>` per heading (ids `s-<section id>`),
 * its open placeholders replaced by cards and other HTML comments (template
 * guidance) shown as quiet notes. The Markdown itself goes through the
 * sanitizing renderer; nothing of the spec reaches the page unescaped.
 */
export function specArticle(spec: ParsedSpec, card: PlaceholderCard, render: RenderOptions = {}): SafeHtml {
  // Tokens mark where cards go in the rendered Markdown: a nonce the spec does not hold, so no text can pose as one.
  let nonce = randomBytes(6).toString('hex');
  while (spec.source.includes(nonce)) nonce = randomBytes(6).toString('hex');
  const token = (i: number): string => `SPECFILL${nonce}T${i}X`;
  let n = 0;
  const body = (span: Span, sectionId: string | null): SafeHtml => {
    const inserts: Insert[] = [];
    for (const p of spec.placeholders) {
      if ((p.sectionId ?? null) !== sectionId || p.span.start < span.start || p.span.end > span.end) continue;
      const index = n++;
      inserts.push({ span: p.span, anchor: `card-${index}`, markup: card(p, index), block: isOwnLines(spec.source, p.span) });
    }
    for (const b of spec.blocks) {
      if (b.kind !== 'html' || b.htmlKind !== 2 || b.start < span.start || b.end > span.end) continue;
      if (inserts.some((i) => i.span.start < b.end && b.start < i.span.end)) continue;
      const text = spec.source.slice(b.start, b.end).replace(/^\s*<!--/, '').replace(/-->\s*$/, '').trim();
      if (text !== '') inserts.push({ span: { start: b.start, end: b.end }, anchor: '', markup: html`<aside class="guidance" aria-label="Template guidance">${text}</aside>`, block: true });
    }
    inserts.sort((a, b) => a.span.start - b.span.start);
    let text = '';
    let at = span.start;
    inserts.forEach((insert, i) => {
      text += spec.source.slice(at, insert.span.start) + (insert.block ? `\n\n${token(i)}\n\n` : token(i));
      at = insert.span.end;
    });
    text += spec.source.slice(at, span.end);
    let out = renderMarkdown(text, render);
    const after: SafeHtml[] = [];
    inserts.forEach((insert, i) => {
      const own = `<p>${token(i)}</p>\n`;
      // Replacer functions: `$&` and its kind in spec text must stay text.
      if (out.includes(own)) {
        out = out.replace(own, () => insert.markup.value);
      } else {
        // Inside a paragraph, list or table cell: a link there, the card after the section.
        const link = html`<a class="ph-inline" href="#${insert.anchor}">open placeholder</a>`.value;
        out = out.replace(token(i), () => link);
        after.push(insert.markup);
      }
    });
    return html`${trusted(out)}${after}`;
  };

  // Headings carry GitHub's anchors (`#overview`, `#risks-1`), so that links written for GitHub work here too.
  const anchors = new Map<number, string>();
  const used = new Map<string, number>();
  for (const h of spec.headings) anchors.set(h.span.start, uniqueSlug(h.slug, used));
  const parts: SafeHtml[] = [];
  const title = spec.title;
  const preamble = preambleSpan(spec);
  if (title !== null || preamble.end > preamble.start) {
    parts.push(html`<section id="s-title" data-section="title">${title === null ? '' : html`<h1 id="${anchors.get(title.span.start) ?? ''}">${title.shown}</h1>`}${body(preamble, null)}</section>`);
  }
  for (const s of flattenSections(spec.sections)) {
    const level = Math.min(6, s.heading.level + (title === null ? 1 : 0));
    const anchor = anchors.get(s.heading.span.start) ?? `h-${s.id}`;
    const heading = trusted(`<h${level} id="${html`${anchor}`.value}">${html`${s.heading.shown}`.value}</h${level}>`);
    parts.push(html`<section id="s-${s.id}" data-section="${s.id}" aria-labelledby="${anchor}">${heading}${body(s.bodySpan, s.id)}</section>`);
  }
  return html`${parts}`;
}

/** Whether a span takes whole lines (a block of its own) rather than part of a paragraph. */
function isOwnLines(source: string, span: Span): boolean {
  const lineStart = source.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = source.indexOf('\n', span.end);
  return /^[ \t]*$/.test(source.slice(lineStart, span.start)) && /^[ \t\r]*$/.test(source.slice(span.end, lineEnd === -1 ? source.length : lineEnd));
}
