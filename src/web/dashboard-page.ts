import type { FileErrorJson } from '../core/json-shapes.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import type { Links } from './links.js';
import type { DashboardRow } from './site-data.js';

const percent = (ratio: number | null): string => (ratio === null ? '–' : `${Math.round(ratio * 100)}%`);

/** A completeness bar readable without colour: the number is always written. */
export function completenessBar(ratio: number | null): SafeHtml {
  if (ratio === null) return html`<span class="muted">no template</span>`;
  const level = ratio === 1 ? 'done' : ratio >= 0.5 ? 'half' : 'low';
  return html`<span class="bar ${level}" role="img" aria-label="${percent(ratio)} complete"><span style="width:${Math.round(ratio * 100)}%"></span></span> <span class="pct">${percent(ratio)}</span>`;
}

function options(values: Iterable<string>): SafeHtml[] {
  return [...new Set(values)].sort().map((v) => html`<option value="${v}">${v}</option>`);
}

/** The rows of the table: also what the live page fetches again when a file changes. */
export function dashboardRows(rows: readonly DashboardRow[], links: Links): SafeHtml {
  return html`${rows.map((r) => html`<tr data-status="${r.status ?? ''}" data-owners="${r.owners.join('\n')}" data-template="${r.template?.split('@')[0] ?? ''}"
    data-search="${[r.title, r.path, r.status ?? '', r.template ?? '', ...r.owners, ...r.headings].join(' ').toLowerCase()}${r.words}"
    data-title="${r.title.toLowerCase()}" data-completeness="${r.completeness ?? -1}" data-open="${r.openPlaceholders.length}" data-errors="${r.errors}" data-updated="${r.updated}">
  <td><a href="${links.spec(r.path)}">${r.title}</a><div class="path">${r.path}</div></td>
  <td data-label="Status">${r.status === null ? html`<span class="muted">–</span>` : html`<span class="status s-${r.status}">${r.status}</span>`}</td>
  <td data-label="Owners">${r.owners.join(', ') || html`<span class="muted">–</span>`}</td>
  <td data-label="Template">${r.template ?? html`<span class="muted">–</span>`}</td>
  <td data-label="Complete">${completenessBar(r.completeness)}</td>
  <td class="num" data-label="Open placeholders">${r.openPlaceholders.length}</td>
  <td class="num" data-label="Errors / warnings">${r.errors > 0 ? html`<span class="err">${r.errors}</span>` : '0'} / ${r.warnings > 0 ? html`<span class="warn">${r.warnings}</span>` : '0'}</td>
  <td data-label="Updated"><time datetime="${r.updated}">${r.updated.slice(0, 10)}</time></td>
</tr>`)}`;
}

/** The dashboard: every spec, with filters, search and sorting done by the client script. */
export function dashboardPage(rows: readonly DashboardRow[], errors: readonly FileErrorJson[], links: Links, token?: string): SafeHtml {
  const open = rows.reduce((n, r) => n + r.openPlaceholders.length, 0);
  const sortable = (key: string, label: string, numeric = false): SafeHtml =>
    html`<th scope="col" aria-sort="none"><button type="button" data-sort="${key}" data-numeric="${numeric ? 'true' : 'false'}">${label}</button></th>`;
  const main = html`<h1>Specs</h1>
<p class="summary" data-summary>${rows.length} spec${rows.length === 1 ? '' : 's'}, ${open} open placeholder${open === 1 ? '' : 's'}</p>
<form class="filters" role="search" aria-label="Filter specs">
  <label>Search <input type="search" name="q" placeholder="words, title, path, owner…" autocomplete="off"></label>
  <label>Status <select name="status"><option value="">any</option>${options(rows.map((r) => r.status ?? '').filter((s) => s !== ''))}</select></label>
  <label>Owner <select name="owner"><option value="">any</option>${options(rows.flatMap((r) => r.owners))}</select></label>
  <label>Template <select name="template"><option value="">any</option>${options(rows.map((r) => r.template?.split('@')[0] ?? '').filter((t) => t !== ''))}</select></label>
</form>
<p class="shown" role="status" aria-live="polite" data-shown></p>
<div class="table-wrap">
<table class="specs">
<caption class="visually-hidden">Specs, their state and their findings</caption>
<thead><tr>${sortable('title', 'Spec')}${sortable('status', 'Status')}<th scope="col">Owners</th><th scope="col">Template</th>${sortable('completeness', 'Complete', true)}${sortable('open', 'Open', true)}${sortable('errors', 'Errors / warnings', true)}${sortable('updated', 'Updated')}</tr></thead>
<tbody data-rows>${dashboardRows(rows, links)}</tbody>
</table>
</div>
${rows.length === 0 ? html`<p class="empty">No specs here yet.${links.newSpec === null ? '' : html` <a href="${links.newSpec}">Create one</a>.`}</p>` : ''}
${errors.length === 0 ? '' : html`<section class="file-errors" aria-label="Files that could not be read"><h2>Files that could not be read</h2><ul>${errors.map((e) => html`<li><code>${e.path}</code>: ${e.message}</li>`)}</ul></section>`}`;
  return layout({ title: 'Specs', links, token, kind: 'dashboard' }, main);
}
