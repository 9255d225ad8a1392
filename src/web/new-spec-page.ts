import type { Template } from '../core/template.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import type { Links } from './links.js';

/** The new-spec form: a template, a title, owners; the client script posts it and opens the new spec. */
export function newSpecPage(templates: readonly Template[], links: Links, token: string): SafeHtml {
  const main = html`<h1>New spec</h1>
<form class="new-spec" data-new-spec>
  <label for="new-template">Template</label>
  <select id="new-template" name="template" required>${templates.map((t) => html`<option value="${t.id}">${t.name} (${t.id}@${t.version})</option>`)}</select>
  <label for="new-title">Title</label>
  <input id="new-title" name="title" required autocomplete="off">
  <label for="new-owners">Owners <span class="muted">(comma-separated, optional)</span></label>
  <input id="new-owners" name="owners" autocomplete="off">
  <div class="actions"><button type="submit">Create</button><span class="msg" role="status" aria-live="polite"></span></div>
</form>`;
  return layout({ title: 'New spec', links, token, kind: 'new' }, main);
}
