// specfill's one client script: filters, search and sorting on the dashboard;
// on the live server, fill forms that save through the fill contract, a
// Markdown preview, and live updates when files change on disk that never
// throw away text typed in an unsaved form. No framework, no build step.
(() => {
  'use strict';

  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const body = document.body;
  const live = body.dataset.live === 'true';
  const token = $('meta[name="specfill-token"]')?.getAttribute('content') ?? '';

  /** Says something to screen readers and shows it in the header. */
  function announce(text) {
    const el = $('.live');
    if (el) el.textContent = text;
  }

  async function api(url, payload) {
    let res;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Specfill-Token': token },
        body: JSON.stringify(payload),
      });
    } catch {
      return { status: 0, body: { message: 'the server cannot be reached: is specfill serve still running?' } };
    }
    let data = {};
    try {
      data = await res.json();
    } catch {
      // An empty or non-JSON answer: the status says enough.
    }
    return { status: res.status, body: data };
  }

  async function fetchPage(url) {
    const res = await fetch(url, { headers: { Accept: 'text/html' }, cache: 'no-store' });
    return new DOMParser().parseFromString(await res.text(), 'text/html');
  }

  function button(label, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  // ---------------------------------------------------------------- dashboard

  function setupDashboard() {
    const form = $('form.filters');
    const tbody = $('[data-rows]');
    if (!form || !tbody) return null;
    let sortKey = null;
    let sortDir = 1;
    let sortNumeric = false;

    function apply() {
      const { q, status: statusField, owner: ownerField, template: templateField } = form.elements;
      const words = q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      const status = statusField.value;
      const owner = ownerField.value;
      const template = templateField.value;
      const rows = $$('tr', tbody);
      if (sortKey !== null) {
        rows.sort((a, b) => {
          const x = a.dataset[sortKey] ?? '';
          const y = b.dataset[sortKey] ?? '';
          return sortDir * (sortNumeric ? Number(x) - Number(y) : x.localeCompare(y));
        });
        for (const tr of rows) tbody.appendChild(tr);
      }
      let shown = 0;
      for (const tr of rows) {
        const d = tr.dataset;
        const ok = (!status || d.status === status)
          && (!owner || d.owners.split('\n').includes(owner))
          && (!template || d.template === template)
          && words.every((w) => d.search.includes(w));
        tr.hidden = !ok;
        if (ok) shown += 1;
      }
      const out = $('[data-shown]');
      if (out) out.textContent = shown === rows.length ? '' : `${shown} of ${rows.length} specs shown`;
    }

    form.addEventListener('input', apply);
    form.addEventListener('submit', (e) => e.preventDefault());
    for (const b of $$('button[data-sort]')) {
      b.addEventListener('click', () => {
        const key = b.dataset.sort;
        sortDir = sortKey === key ? -sortDir : 1;
        sortKey = key;
        sortNumeric = b.dataset.numeric === 'true';
        for (const th of $$('th[aria-sort]')) th.setAttribute('aria-sort', 'none');
        b.parentElement.setAttribute('aria-sort', sortDir === 1 ? 'ascending' : 'descending');
        apply();
      });
    }
    apply();

    return async function refresh() {
      const doc = await fetchPage(location.href);
      const rows = $('[data-rows]', doc);
      if (rows) tbody.replaceChildren(...Array.from(rows.childNodes));
      const summary = $('[data-summary]', doc);
      if (summary) $('[data-summary]').textContent = summary.textContent;
      // New statuses, owners or templates join the filters; the choice made stays.
      for (const name of ['status', 'owner', 'template']) {
        const fresh = doc.querySelector(`form.filters select[name="${name}"]`);
        const select = form.elements[name];
        if (!fresh) continue;
        const value = select.value;
        select.replaceChildren(...Array.from(fresh.childNodes));
        select.value = value;
      }
      apply();
    };
  }

  // ---------------------------------------------------------------- spec page

  const path = body.dataset.path;

  function bindForms(root) {
    for (const form of $$('form.fill', root)) bindForm(form);
  }

  function bindForm(form) {
    if (form.dataset.bound === 'true') return;
    form.dataset.bound = 'true';
    const textarea = form.elements.content;
    const preview = $('.preview', form);
    const toggle = $('[data-action="preview"]', form);
    textarea.addEventListener('input', () => {
      form.dataset.dirty = textarea.value.trim() === '' ? '' : 'true';
    });
    textarea.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    toggle.addEventListener('click', async () => {
      const on = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(on));
      if (!on) {
        preview.hidden = true;
        return;
      }
      const r = await api('/api/preview', { markdown: textarea.value });
      // The server's renderer escapes all raw HTML: its output is safe to show.
      preview.innerHTML = r.status === 200 ? r.body.html : '';
      preview.hidden = false;
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void save(form);
    });
  }

  // The hashes this page's own saves produced, each with the hash it started
  // from: the change event a save causes must not look like someone else's
  // edit, and forms that were behind before the save must stay behind.
  const ownSaves = new Map();

  async function save(form, hash) {
    const msg = $('.msg', form);
    const id = form.dataset.id;
    msg.textContent = 'Saving…';
    const from = hash ?? form.dataset.hash;
    const card = form.closest('.card');
    // The placeholder is named by its section and instruction too: its id may have shifted since the page was loaded.
    const match = card ? { sectionId: card.dataset.section === '' ? null : card.dataset.section, instruction: card.dataset.instruction } : undefined;
    const r = await api('/api/fill', { path, id, content: form.elements.content.value, expectedHash: from, match });
    if (r.status === 200) {
      form.dataset.dirty = '';
      ownSaves.set(r.body.hash, from);
      announce(`Saved ${id}`);
      await refreshSpec(from);
      return;
    }
    if (r.status === 409) {
      if (r.body.error === 'GONE') {
        form.classList.add('has-error');
        msg.textContent = r.body.message;
        return;
      }
      showConflict(form, r.body.currentHash);
      return;
    }
    form.classList.add('has-error');
    msg.textContent = r.body.message ?? `Not saved (HTTP ${r.status})`;
  }

  function showConflict(form, currentHash) {
    form.classList.add('conflict');
    let box = $('.conflict-box', form);
    if (!box) {
      box = document.createElement('div');
      box.className = 'conflict-box';
      box.setAttribute('role', 'alert');
      form.insertBefore(box, $('.actions', form));
    }
    const text = document.createElement('p');
    text.textContent = 'Conflict: this spec changed on disk after the page was loaded, so nothing was saved. Your text is kept below.';
    const actions = [];
    if (currentHash) {
      actions.push(button('Save it on the new version', () => {
        form.dataset.hash = currentHash;
        form.classList.remove('conflict');
        box.remove();
        void save(form, currentHash);
      }));
    }
    actions.push(button('Show the new version', () => {
      void refreshSpec(null);
    }));
    box.replaceChildren(text, ...actions);
    $('.msg', form).textContent = 'Not saved: conflict';
  }

  /**
   * Replaces the text, outline and findings with the file as it now is.
   * Forms with unsaved text keep it. They take the new hash only when the
   * change is this page's own save and they were current before it
   * (`savedFrom` is the hash that save started from); otherwise they keep
   * the hash they had, so that saving them meets the conflict instead of
   * writing over a change unseen.
   */
  async function refreshSpec(savedFrom) {
    const doc = await fetchPage(location.href);
    const article = $('[data-article]');
    const freshArticle = $('[data-article]', doc);
    if (!article || !freshArticle) return;
    const newHash = doc.body.dataset.hash;
    // Nothing new on disk (an event for our own save, already shown): leave the page as it is.
    if (savedFrom === null && newHash === body.dataset.hash) return;
    const from = savedFrom ?? ownSaves.get(newHash) ?? null;
    // A card is known by its section and instruction (and its rank among equal
    // ones), not by its id: ids shift when a placeholder before it is filled.
    const placeOf = (card) => `${card.dataset.section}\n${card.dataset.instruction}`;
    const keyOf = (card, all) => {
      const same = all.filter((c) => placeOf(c) === placeOf(card));
      return `${placeOf(card)}\n${same.indexOf(card)}`;
    };
    const oldCards = $$('.card[data-instruction]', article);
    const kept = new Map();
    for (const card of oldCards) {
      const form = $('form.fill', card);
      if (form?.dataset.dirty === 'true') kept.set(keyOf(card, oldCards), card);
    }
    const active = document.activeElement;
    const activeCard = active?.closest?.('.card[data-instruction]');
    const activeKey = activeCard ? keyOf(activeCard, oldCards) : null;
    const selection = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;

    // Twin placeholders (same section, same instruction) are told apart by rank; if
    // the rank of a kept one moved, its text goes to the orphans box, never to another card.
    article.replaceChildren(...Array.from(freshArticle.childNodes));
    const newCards = $$('.card[data-instruction]', article);
    const orphans = [];
    for (const [key, oldCard] of kept) {
      const oldForm = $('form.fill', oldCard);
      const card = newCards.find((c) => keyOf(c, newCards) === key);
      const form = card ? $('form.fill', card) : undefined;
      if (form) {
        form.elements.content.value = oldForm.elements.content.value;
        form.dataset.dirty = 'true';
        if (from === null || oldForm.dataset.hash !== from) form.dataset.hash = oldForm.dataset.hash;
      } else {
        orphans.push(oldCard);
      }
    }
    if (orphans.length > 0) {
      const box = document.createElement('section');
      box.className = 'orphans';
      box.setAttribute('role', 'alert');
      const p = document.createElement('p');
      p.textContent = 'These placeholders were filled or removed on disk. Your unsaved text is kept here.';
      box.append(p, ...orphans);
      article.prepend(box);
    }
    bindForms(article);
    for (const form of $$('.orphans form.fill', article)) {
      form.dataset.bound = '';
      bindForm(form);
    }
    for (const selector of ['[data-findings]', 'details.toc', '.spec-head']) {
      const here = $(selector);
      const fresh = $(selector, doc);
      if (here && fresh) here.replaceWith(document.importNode(fresh, true));
    }
    if (newHash) body.dataset.hash = newHash;
    if (activeKey) {
      const card = newCards.find((c) => keyOf(c, newCards) === activeKey);
      const textarea = card ? $('form.fill', card)?.elements.content : undefined;
      if (textarea) {
        textarea.focus();
        if (selection) textarea.setSelectionRange(selection[0], selection[1]);
      }
    }
    if (from === null) announce(`Updated from disk at ${new Date().toLocaleTimeString()}`);
  }

  // ---------------------------------------------------------------- new spec

  function setupNewSpec() {
    const form = $('form[data-new-spec]');
    if (!form) return;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const msg = $('.msg', form);
      msg.textContent = 'Creating…';
      const { template, title, owners } = form.elements;
      const r = await api('/api/new', { template: template.value, title: title.value, owners: owners.value });
      if (r.status === 200) location.href = r.body.url;
      else {
        msg.textContent = r.body.message ?? `Not created (HTTP ${r.status})`;
        if (r.body.error === 'FILE_EXISTS' && typeof r.body.url === 'string') {
          const open = document.createElement('a');
          open.href = r.body.url;
          open.textContent = 'Open it';
          msg.append(' ', open);
        }
      }
    });
  }

  // ---------------------------------------------------------------- start

  const refreshDashboard = body.dataset.page === 'dashboard' ? setupDashboard() : null;
  if (body.dataset.page === 'spec' && live) bindForms(document);
  if (body.dataset.page === 'new') setupNewSpec();

  if (live && typeof EventSource === 'function') {
    const events = new EventSource('/api/events');
    events.addEventListener('ready', () => {
      body.dataset.connected = 'true';
    });
    events.addEventListener('change', (e) => {
      const changed = JSON.parse(e.data).path;
      if (refreshDashboard) void refreshDashboard();
      else if (body.dataset.page === 'spec' && changed === path) void refreshSpec(null);
    });
  }
})();
