import type { Finding } from '../core/checks/types.js';
import { flattenSections } from '../core/match-sections.js';
import type { Placeholder } from '../core/spec-types.js';
import { completenessBar } from './dashboard-page.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import type { Links } from './links.js';
import type { SpecPageData } from './site-data.js';
import { specArticle, type PlaceholderCard } from './spec-article.js';

const STATE_LABEL: Record<string, string> = { filled: 'filled', open: 'open', empty: 'empty', missing: 'missing' };

/** An open placeholder on the live server: its instruction and a Markdown editor that saves through the fill contract. */
export function editableCard(data: SpecPageData): PlaceholderCard {
  // Ids shift when a placeholder before another in its section is filled: the
  // client finds a card again by its section and instruction instead.
  return (p: Placeholder, index: number) => html`<div class="card" id="card-${String(index)}" data-placeholder="${p.id}" data-section="${p.sectionId ?? ''}" data-instruction="${p.instruction}">
  <p class="card-head"><span class="badge open">open</span> <code>${p.id}</code></p>
  <p class="instruction" id="instr-${String(index)}">${p.instruction}</p>
  <form class="fill" data-id="${p.id}" data-hash="${data.hash}">
    <label for="ta-${String(index)}">Your text for ${p.section.join(' › ') || 'the part under the title'} (Markdown)</label>
    <textarea id="ta-${String(index)}" name="content" rows="6" aria-describedby="instr-${String(index)}" spellcheck="true"></textarea>
    <div class="preview" hidden></div>
    <div class="actions">
      <button type="button" data-action="preview" aria-pressed="false">Preview</button>
      <button type="submit">Save</button>
      <span class="msg" role="status" aria-live="polite"></span>
    </div>
  </form>
</div>`;
}

/** An open placeholder on the static site: read-only. */
export const readOnlyCard: PlaceholderCard = (p, index) => html`<div class="card" id="card-${String(index)}" data-placeholder="${p.id}">
  <p class="card-head"><span class="badge open">open</span> <code>${p.id}</code></p>
  <p class="instruction">${p.instruction}</p>
</div>`;

/** Where a finding points: its section, or the section holding its line. */
function findingTarget(data: SpecPageData, finding: Finding): string {
  if (finding.sectionId !== undefined && finding.rule !== 'missing-section') return `#s-${finding.sectionId}`;
  const sections = flattenSections(data.spec.sections);
  let target = 's-title';
  for (const s of sections) if (s.heading.line <= finding.line) target = `s-${s.id}`;
  return `#${target}`;
}

/** The findings beside the text, each linked to its place. */
export function findingsList(data: SpecPageData): SafeHtml {
  if (data.findings.length === 0) return html`<p class="ok">No findings: the spec passes <code>specfill check</code>.</p>`;
  return html`<ol class="findings">${data.findings.map((f) => html`<li class="f-${f.severity}">
  <a href="${findingTarget(data, f)}"><span class="sev">${f.severity}</span> <span class="line">line ${String(f.line)}</span></a>
  <span class="message">${f.message}</span> <code class="rule">${f.rule}</code></li>`)}</ol>`;
}

/** The section outline, each section with its state. */
function outline(data: SpecPageData): SafeHtml {
  const states = new Map((data.summary.sections ?? []).map((s) => [s.id, s.state]));
  const open = new Set(data.spec.placeholders.map((p) => p.sectionId ?? 'title'));
  return html`<ol class="outline">${flattenSections(data.spec.sections).map((s) => {
    const state = open.has(s.id) ? 'open' : states.get(s.id);
    return html`<li class="lvl-${String(Math.min(s.heading.level, 4))}"><a href="#s-${s.id}">${s.heading.shown}</a>${state === undefined ? '' : html` <span class="state st-${state}">${STATE_LABEL[state] ?? state}</span>`}</li>`;
  })}</ol>`;
}

/** A spec page: outline, metadata, the rendered text with its open placeholders, and the findings. */
export function specPage(data: SpecPageData, links: Links, token?: string): SafeHtml {
  const s = data.summary;
  const card = token === undefined ? readOnlyCard : editableCard(data);
  const main = html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${links.home}">Specs</a> › <span>${data.path}</span></nav>
<header class="spec-head">
  <h1 class="spec-title">${s.title}</h1>
  <dl class="meta">
    <div><dt>Status</dt><dd>${s.status === null ? '–' : html`<span class="status s-${s.status}">${s.status}</span>`}</dd></div>
    <div><dt>Owners</dt><dd>${s.owners.join(', ') || '–'}</dd></div>
    <div><dt>Template</dt><dd>${s.template ?? '–'}</dd></div>
    <div><dt>Complete</dt><dd>${completenessBar(s.completeness)}</dd></div>
    <div><dt>Open placeholders</dt><dd data-open-count>${String(s.openPlaceholders.length)}</dd></div>
  </dl>
</header>
<details class="toc" open><summary>Sections</summary>${outline(data)}</details>
<article class="spec" data-article>${specArticle(data.spec, card, links.relativeLink === undefined ? {} : { relativeLink: (href) => links.relativeLink!(data.path, href) })}</article>`;
  const aside = html`<aside class="side" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2><div data-findings>${findingsList(data)}</div></aside>`;
  return layout({ title: s.title, links, token, kind: 'spec', data: { path: data.path, hash: data.hash } }, main, aside);
}
