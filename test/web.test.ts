/// <reference lib="dom" />
// End to end: the web UI on a real HTTP server on loopback, driven by real
// Chromium; the static site opened from file://.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../src/core/parse-spec.js';
import { renderSite } from '../src/web/render-site.js';
import { startWebServer, type RunningWebServer } from '../src/web/serve.js';
import { browserAvailable, launchChromium } from './helpers/browser.js';
import { BIN, spawnCli, tempProject } from './helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const SHOTS = process.env.SPECFILL_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'specfill-shots-'));

/** A project holding the three example specs under specs/. */
function exampleProject(extra: Record<string, string> = {}): string {
  const dir = tempProject(extra);
  mkdirSync(join(dir, 'specs'), { recursive: true });
  for (const name of ['audit-log-export.md', 'rate-limiter.md', 'search-indexing.md']) cpSync(join(ROOT, 'examples', name), join(dir, 'specs', name));
  return dir;
}

const XSS_SPEC = `---
title: "XSS <img src=x onerror=window.__xss=1>"
template: tech-spec@1
status: draft
owners: ["<script>window.__xss=2</script>"]
---
# Technical Specification <img src=x onerror="window.__xss=3">

<script>window.__xss = 4</script>

## Overview

<img src="x" onerror="window.__xss = 5"> and <svg onload="window.__xss=6"></svg>
<iframe src="javascript:window.__xss=7"></iframe>

[click me](javascript:window.__xss=8) [again](JaVaScRiPt:window.__xss=9) [data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTA8L3NjcmlwdD4=)

<a href="javascript:window.__xss=11">raw link</a> <div style="background:url(javascript:window.__xss=12)">styled</div>

## Goals "><script>window.__xss=13</script>

<!-- AGENT_PLACEHOLDER: Describe <img src=x onerror=window.__xss=14> the goals -->

| a | b |
| --- | --- |
| <img src=x onerror=window.__xss=15> | \`<script>\` |

## Dollars

[the doc](style=position:fixed;top:0;left:0;width:100vw;height:100vh;background:red;x:y//) and more text

<!-- AGENT_PLACEHOLDER: Explain the cost in $\` here, $' there and $$x$$ -->
`;

describe.runIf(browserAvailable())('specfill serve, in Chromium', () => {
  let browser: Browser;
  let server: RunningWebServer;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = exampleProject({ 'specs/xss.md': XSS_SPEC });
    server = await startWebServer({ root: dir, host: '127.0.0.1', port: 0, now: () => new Date(2026, 10, 27) });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('dialog', (d) => {
      throw new Error(`a dialog opened: ${d.message()}`);
    });
    await page.goto(new URL(path, server.url).href);
    return page;
  }

  const visibleTitles = (page: Page): Promise<string[]> =>
    page.$$eval('tbody[data-rows] tr:not([hidden]) td:first-child a', (links) => links.map((a) => a.textContent ?? ''));

  it('shows every spec on the dashboard, filters, searches and sorts', async () => {
    const page = await open('/');
    expect(await visibleTitles(page)).toEqual(['Audit log export', 'Rate limiter', 'Search indexing', 'XSS <img src=x onerror=window.__xss=1>']);
    // (Other tests add specs later; this one runs first.)
    await page.selectOption('select[name="status"]', 'approved');
    expect(await visibleTitles(page)).toEqual(['Rate limiter']);
    await expect.poll(() => page.textContent('[data-shown]')).toBe('1 of 4 specs shown');
    await page.selectOption('select[name="status"]', '');
    await page.selectOption('select[name="owner"]', 'search-team');
    expect(await visibleTitles(page)).toEqual(['Search indexing']);
    await page.selectOption('select[name="owner"]', '');
    await page.fill('input[name="q"]', 'compliance');
    expect(await visibleTitles(page)).toEqual(['Audit log export']);
    // Full text: words from the body, several at once.
    await page.fill('input[name="q"]', 'siem splunk');
    expect(await visibleTitles(page)).toEqual(['Audit log export']);
    await page.fill('input[name="q"]', '');
    await page.click('button[data-sort="completeness"]');
    await page.click('button[data-sort="completeness"]');
    expect((await visibleTitles(page))[0]).toBe('Rate limiter');
    expect(await page.getAttribute('th:has(button[data-sort="completeness"])', 'aria-sort')).toBe('descending');
    await page.screenshot({ path: join(SHOTS, 'dashboard.png') });
    // A spec appears on disk: the open dashboard lists it, filters and search kept.
    await expect.poll(() => page.evaluate(() => document.body.dataset.connected)).toBe('true');
    await page.fill('input[name="q"]', 'zebracorn');
    writeFileSync(join(dir, 'specs', 'live.md'), '---\ntitle: Zebracorn rollout\nstatus: draft\n---\n# Zebracorn rollout\n');
    await expect.poll(() => visibleTitles(page), { timeout: 10_000 }).toEqual(['Zebracorn rollout']);
    expect(await page.inputValue('input[name="q"]')).toBe('zebracorn');
    await page.close();
  });

  it('is usable from the keyboard, labels every field, and fits a phone', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const unlabeled = await page.$$eval('input, select, textarea', (fields) => fields.filter((f) => (f as HTMLInputElement).labels?.length === 0 && !f.getAttribute('aria-label')).length);
    expect(unlabeled).toBe(0);
    // Readable contrast (WCAG AA, 4.5:1) for every kind of text on the page.
    const ratios = await page.evaluate(() => {
      const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = (c: string): number => {
        const [r, g, b] = rgb(c).slice(0, 3).map((v) => {
          const x = v / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const background = (el: Element | null): string => {
        for (let e = el; e !== null; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (rgb(bg)[3] !== 0 && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const out: Record<string, number> = {};
      for (const selector of ['h1', '.summary', '.path', '.filters label', '.specs th button', '.specs td a', '.status', '.pct', '.top nav a', '.brand']) {
        const el = document.querySelector(selector)!;
        const [a, b] = [lum(getComputedStyle(el).color), lum(background(el))].sort((x, y) => y - x);
        out[selector] = (a! + 0.05) / (b! + 0.05);
      }
      return out;
    });
    for (const [selector, ratio] of Object.entries(ratios)) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
    // Focus is visible: the focused control gets an outline.
    await page.focus('input[name="q"]');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    for (const path of ['/', '/spec/specs/audit-log-export.md']) {
      const phone = await open(path, 375);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
      await phone.close();
    }
    const spec = await open('/spec/specs/audit-log-export.md');
    const unlabeledOnSpec = await spec.$$eval('textarea', (fields) => fields.filter((f) => (f as HTMLTextAreaElement).labels.length === 0).length);
    expect(unlabeledOnSpec).toBe(0);
    await spec.close();
    await page.close();
  });

  it('fills a placeholder through the form and changes the file only in that span', async () => {
    const file = join(dir, 'specs', 'audit-log-export.md');
    const before = readFileSync(file, 'utf8');
    const span = parseSpec(before).placeholders.find((p) => p.id === 'deployment-strategy')!.span;
    const page = await open('/spec/specs/audit-log-export.md');
    expect(await page.textContent('.spec-head h1')).toBe('Audit log export');
    // The findings sit beside the text and link to their place.
    const finding = page.locator('[data-findings] li', { hasText: 'deployment-strategy' });
    expect(await finding.locator('a').getAttribute('href')).toBe('#s-deployment-strategy');
    const card = page.locator('.card[data-placeholder="deployment-strategy"]');
    await expect.poll(() => card.locator('.instruction').textContent()).toBe('Describe how this will be deployed');
    const content = 'Rolled out behind the `audit_export` flag:\n\n1. internal tenants\n2. 5% of Enterprise\n3. everyone';
    await card.locator('textarea').fill(content);
    await card.locator('button[data-action="preview"]').click();
    await expect.poll(() => card.locator('.preview ol li').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'spec-page.png') });
    await card.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('.card[data-placeholder="deployment-strategy"]').count()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before.slice(0, span.start) + content + before.slice(span.end));
    expect(await page.locator('#s-deployment-strategy ol li').count()).toBe(3);
    expect(await page.locator('[data-findings] li', { hasText: 'deployment-strategy' }).count()).toBe(0);
    const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8'));
    expect(provenance.specs['specs/audit-log-export.md']['deployment-strategy'].filler).toBe('web');
    await page.close();
  });

  it('updates from disk without losing typed text, and keeps it through a conflict', async () => {
    const file = join(dir, 'specs', 'search-indexing.md');
    const page = await open('/spec/specs/search-indexing.md');
    await expect.poll(() => page.evaluate(() => document.body.dataset.connected)).toBe('true');
    const card = page.locator('.card[data-placeholder="references"]');
    const typed = 'See the indexing RFC and the Elasticsearch sizing guide.';
    await card.locator('textarea').fill(typed);
    // Someone edits the file on disk.
    const edited = readFileSync(file, 'utf8').replace(/^## Overview\n/m, '## Overview\n\nLIVE-EDIT-MARKER: edited on disk.\n');
    writeFileSync(file, edited);
    await expect.poll(() => page.locator('#s-overview').textContent(), { timeout: 10_000 }).toContain('LIVE-EDIT-MARKER');
    expect(await card.locator('textarea').inputValue()).toBe(typed);
    // Saving now meets the newer file: refused, the text stays, the file is untouched.
    await card.locator('button[type="submit"]').click();
    await expect.poll(() => card.locator('.conflict-box[role="alert"]').count()).toBe(1);
    expect(await card.locator('textarea').inputValue()).toBe(typed);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    // The user chooses to save on the new version.
    await card.locator('button', { hasText: 'Save it on the new version' }).click();
    await expect.poll(() => readFileSync(file, 'utf8').includes(typed)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('LIVE-EDIT-MARKER');
    await page.close();
  });

  it('keeps unsaved text with its own placeholder when a save shifts the ids of the others', async () => {
    const file = join(dir, 'specs', 'multi.md');
    writeFileSync(file, '---\ntitle: Multi\n---\n# Multi\n\n## Plan\n\n<!-- AGENT_PLACEHOLDER: first -->\n\n<!-- AGENT_PLACEHOLDER: second -->\n\n<!-- AGENT_PLACEHOLDER: third -->\n');
    const page = await open('/spec/specs/multi.md');
    const card = (instruction: string) => page.locator('.card', { has: page.locator('.instruction', { hasText: new RegExp(`^${instruction}$`) }) });
    await card('second').locator('textarea').fill('Text for the second.');
    await card('first').locator('textarea').fill('Text for the first.');
    await card('first').locator('button[type="submit"]').click();
    await expect.poll(() => card('first').count()).toBe(0);
    // `plan#2` is now `plan`: the typed text must still sit under "second".
    expect(await card('second').locator('textarea').inputValue()).toBe('Text for the second.');
    expect(await card('third').locator('textarea').inputValue()).toBe('');
    await card('second').locator('button[type="submit"]').click();
    await expect.poll(() => card('second').count()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('---\ntitle: Multi\n---\n# Multi\n\n## Plan\n\nText for the first.\n\nText for the second.\n\n<!-- AGENT_PLACEHOLDER: third -->\n');
    await page.close();
  });

  it('keeps a form behind after someone else\'s edit even when the page then saves another form', async () => {
    const file = join(dir, 'specs', 'pending.md');
    writeFileSync(file, '---\ntitle: Pending\n---\n# Pending\n\n## Alpha\n\n<!-- AGENT_PLACEHOLDER: alpha -->\n\n## Beta\n\nWe use Postgres.\n\n<!-- AGENT_PLACEHOLDER: beta -->\n');
    const page = await open('/spec/specs/pending.md');
    await expect.poll(() => page.evaluate(() => document.body.dataset.connected)).toBe('true');
    const card = (instruction: string) => page.locator(`.card[data-instruction="${instruction}"]`);
    await card('beta').locator('textarea').fill('Beta text written for Postgres.');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Postgres', 'DynamoDB'));
    await expect.poll(() => page.locator('#s-beta').textContent(), { timeout: 10_000 }).toContain('DynamoDB');
    await card('alpha').locator('textarea').fill('Alpha text.');
    await card('alpha').locator('button[type="submit"]').click();
    await expect.poll(() => card('alpha').count()).toBe(0);
    // Beta's writer has not seen DynamoDB: its save must meet the conflict.
    await card('beta').locator('button[type="submit"]').click();
    await expect.poll(() => card('beta').locator('.conflict-box').count()).toBe(1);
    expect(readFileSync(file, 'utf8')).not.toContain('Beta text written');
    await page.close();
  });

  it('fills the placeholder the page meant, by section and instruction, when its id has shifted', async () => {
    const file = join(dir, 'specs', 'shift.md');
    writeFileSync(file, '# Shift\n\n## Plan\n\n<!-- AGENT_PLACEHOLDER: first -->\n\n<!-- AGENT_PLACEHOLDER: second -->\n\n<!-- AGENT_PLACEHOLDER: third -->\n');
    const page = await open('/spec/specs/shift.md');
    const token = (await page.getAttribute('meta[name="specfill-token"]', 'content'))!;
    // Someone fills "first": "plan#2" now names "third".
    writeFileSync(file, readFileSync(file, 'utf8').replace('<!-- AGENT_PLACEHOLDER: first -->', 'Done.'));
    const hash = createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex');
    const status = await page.evaluate(async ({ token, hash }) => (await fetch('/api/fill', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Specfill-Token': token },
      body: JSON.stringify({ path: 'specs/shift.md', id: 'plan#2', content: 'For the second.', expectedHash: hash, match: { sectionId: 'plan', instruction: 'second' } }),
    })).status, { token, hash });
    expect(status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe('# Shift\n\n## Plan\n\nDone.\n\nFor the second.\n\n<!-- AGENT_PLACEHOLDER: third -->\n');
    await page.close();
  });

  it('keeps dashboard rows between requests only while their file and what they link to are unchanged', async () => {
    const file = join(dir, 'specs', 'linked.md');
    writeFileSync(file, '---\ntitle: Linked\nstatus: draft\n---\n# Linked\n\nSee [notes](notes.md).\n');
    const row = async (): Promise<string> => {
      const page = await (await fetch(new URL('/', server.url))).text();
      return /<tr data-status="([^"]*)"[^>]*data-search="[^"]*linked[^"]*"[\s\S]*?<\/tr>/.exec(page)![0];
    };
    expect(await row()).toContain('<span class="warn">1</span>');
    writeFileSync(join(dir, 'specs', 'notes.md'), '# Notes\n');
    expect(await row()).not.toContain('<span class="warn">');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: draft', 'status: review'));
    expect(await row()).toContain('data-status="review"');
  });

  it('creates a spec from the new-spec form', async () => {
    const page = await open('/new');
    await page.selectOption('select[name="template"]', 'tech-spec');
    await page.fill('input[name="title"]', 'Billing webhooks');
    await page.fill('input[name="owners"]', 'ana, ben');
    await page.click('form[data-new-spec] button[type="submit"]');
    await page.waitForURL('**/spec/specs/billing-webhooks.md');
    expect(await page.textContent('.spec-head h1')).toBe('Billing webhooks');
    expect(readFileSync(join(dir, 'specs', 'billing-webhooks.md'), 'utf8')).toContain('owners:\n  - ana\n  - ben');
    // The same title again: a message for the page (not the CLI's --force) and a link to the spec that exists.
    await page.goto(new URL('/new', page.url()).href);
    await page.selectOption('select[name="template"]', 'tech-spec');
    await page.fill('input[name="title"]', 'Billing webhooks');
    await page.click('form[data-new-spec] button[type="submit"]');
    await page.waitForSelector('text=Open it');
    const message = await page.locator('a:text("Open it")').locator('..').textContent();
    expect(message).toContain('specs/billing-webhooks.md already exists: give another title, or open the existing spec');
    expect(message).not.toContain('--force');
    await page.click('text=Open it');
    await page.waitForURL('**/spec/specs/billing-webhooks.md');
    await page.close();
  });

  it('renders a spec full of XSS payloads inert', async () => {
    const page = await open('/spec/specs/xss.md');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const dangerous = await page.$$eval('main *, aside *', (els) => els.filter((el) =>
      el.tagName === 'SCRIPT' || el.tagName === 'IFRAME' || el.tagName === 'IMG' || el.tagName === 'svg'
      || Array.from(el.attributes).some((a) => a.name.startsWith('on') || /^\s*(javascript|data|vbscript):/i.test(a.value))).map((el) => el.outerHTML));
    expect(dangerous).toEqual([]);
    // `$` patterns in spec text stay text: no attribute smuggled into a card.
    const dollars = page.locator('.card', { has: page.locator('.instruction', { hasText: 'Explain the cost' }) });
    expect(await dollars.locator('.instruction').textContent()).toBe("Explain the cost in $` here, $' there and $$x$$");
    expect(await dollars.getAttribute('style')).toBeNull();
    expect(await dollars.getAttribute('data-instruction')).toBe("Explain the cost in $` here, $' there and $$x$$");
    // The payloads are shown as text, not dropped silently.
    expect(await page.textContent('#s-overview')).toContain('<img src="x" onerror="window.__xss = 5">');
    // Links to javascript: and data: stay text, with nothing to click.
    expect(await page.textContent('#s-overview')).toContain('[click me](javascript:window.__xss=8)');
    expect(await page.locator('main a[href^="javascript" i], main a[href^="data" i]').count()).toBe(0);
    const dashboard = await open('/');
    expect(await dashboard.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await dashboard.$$eval('main script, main img', (els) => els.length)).toBe(0);
    await dashboard.close();
    await page.close();
  });

  it('refuses writes without the token or from another origin, foreign hosts, and paths out of the root', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    writeFileSync(join(outside, 'secret.md'), 'SECRET\n');
    symlinkSync(join(outside, 'secret.md'), join(dir, 'specs', 'link.md'));
    const file = join(dir, 'specs', 'rate-limiter.md');
    const before = readFileSync(file, 'utf8');
    const origin = server.url.replace(/\/$/, '');
    const post = (headers: Record<string, string>): Promise<Response> => fetch(new URL('/api/fill', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ path: 'specs/rate-limiter.md', id: 'overview', content: 'x', expectedHash: 'x' }),
    });
    const page = await open('/');
    const token = (await page.getAttribute('meta[name="specfill-token"]', 'content'))!;
    await page.close();
    expect((await post({ Origin: origin })).status).toBe(403);
    expect((await post({ Origin: 'http://evil.example', 'X-Specfill-Token': token })).status).toBe(403);
    expect((await post({ 'X-Specfill-Token': token })).status).toBe(403);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // A page on a name that resolves here (DNS rebinding) is refused.
    expect(await statusWithHost(server.url, 'rebind.example')).toBe(403);
    expect(await statusWithHost(server.url, `localhost:${server.port}`)).toBe(200);
    for (const path of ['/spec/..%2F..%2F..%2Fetc%2Fpasswd', '/spec/specs/link.md', `/spec/${encodeURIComponent(join(outside, 'secret.md'))}`]) {
      const r = await fetch(new URL(path, server.url));
      expect([403, 404], path).toContain(r.status);
      expect(await r.text(), path).not.toContain('SECRET');
    }
    const res = await fetch(new URL('/', server.url));
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe.runIf(browserAvailable())('specfill render, opened from file://', () => {
  it('writes a static read-only site that browses and searches offline', async () => {
    const dir = exampleProject({ 'specs/xss.md': XSS_SPEC });
    const out = mkdtempSync(join(tmpdir(), 'specfill-site-'));
    const rendered = spawnCli(dir, 'render', '--out', out);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stdout).toContain('wrote 5 pages');
    expect(existsSync(join(out, 'spec', 'specs', 'rate-limiter.md.html'))).toBe(true);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      page.on('dialog', (d) => {
        throw new Error(`a dialog opened: ${d.message()}`);
      });
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
      await page.fill('input[name="q"]', 'limiter');
      expect(await page.$$eval('tbody tr:not([hidden]) td:first-child a', (a) => a.map((x) => x.textContent))).toEqual(['Rate limiter']);
      await page.click('text=Rate limiter');
      await page.waitForURL('**/rate-limiter.md.html');
      expect(await page.textContent('.spec-head h1')).toBe('Rate limiter');
      expect(await page.locator('form').count()).toBe(0);
      // Headings carry GitHub's anchors, so links written for GitHub land.
      expect(await page.locator('h2#overview').count()).toBe(1);
      // The stylesheet loaded through a relative link.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.top')!).borderBottomStyle)).toBe('solid');
      await page.click('nav.crumbs a');
      await page.waitForURL('**/index.html');
      await page.goto(pathToFileURL(join(out, 'spec', 'specs', 'xss.md.html')).href);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('.card .instruction').first().textContent()).toBe('Describe <img src=x onerror=window.__xss=14> the goals');
    } finally {
      await browser.close();
    }
    // Under a base path, links are absolute.
    const based = await renderSite({ root: dir, out: join(out, 'based'), basePath: '/docs-site/' });
    expect(based.pages).toBe(5);
    expect(readFileSync(join(out, 'based', 'index.html'), 'utf8')).toContain('href="/docs-site/spec/specs/rate-limiter.md.html"');
  });
});

/** The status of GET / sent with another Host header (fetch cannot set one). */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('specfill serve and render on the command line', () => {
  it('serves on loopback by default, warns when told to listen wider, and stops on SIGINT', async () => {
    const dir = exampleProject();
    for (const [host, warns] of [['127.0.0.1', false], ['127.0.0.2', false], ['0.0.0.0', true]] as const) {
      const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', host], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      await expect.poll(() => stdout, { timeout: 10_000 }).toMatch(/^specfill serve: http:\/\/\S+:\d+\//);
      const url = /http:\/\/\S+:(\d+)\//.exec(stdout)!;
      const page = await fetch(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${url[1]}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Audit log export');
      expect(stderr.includes('warning: listening on 0.0.0.0'), stderr).toBe(warns);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  });

  it('exits 2 at once when the port is taken, instead of staying up', async () => {
    const dir = exampleProject();
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((busy.address() as AddressInfo).port);
      const r = spawnSync(process.execPath, [BIN, 'serve', '--port', port], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
      expect([r.status, r.signal]).toEqual([2, null]);
      expect(r.stderr).toContain(`port ${port} is in use`);
    } finally {
      busy.close();
    }
  });

  it('neither shows nor saves what the config ignores, nor files in hidden folders or node_modules (web QA)', async () => {
    const spec = '---\ntitle: S\ntemplate: tech-spec\n---\n# S\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: overview -->\n';
    const dir = tempProject({
      'specs/ok.md': spec, 'specs/secret.md': spec, 'specs/drafts/d.md': spec, '.git/notes.md': spec, 'node_modules/pkg/README.md': spec,
      'specfill.config.json': JSON.stringify({ ignore: ['specs/secret.md', 'specs/drafts'] }),
    });
    const server = await startWebServer({ root: dir, host: '127.0.0.1', port: 0 });
    try {
      const home = await (await fetch(server.url)).text();
      expect(home).toContain('specs/ok.md');
      expect(home).not.toContain('secret.md');
      expect(home).not.toContain('drafts/d.md');
      for (const path of ['specs/secret.md', 'specs/drafts/d.md', '.git/notes.md', 'node_modules/pkg/README.md']) {
        expect((await fetch(new URL(`/spec/${path}`, server.url))).status, path).toBe(404);
      }
      expect((await fetch(new URL('/spec/specs/ok.md', server.url))).status).toBe(200);
      expect((await fetch(new URL('/spec/', server.url))).status).toBe(404);
      const token = /name="specfill-token" content="([^"]+)"/.exec(home)![1]!;
      for (const path of ['specs/secret.md', 'specs/drafts/d.md', '.git/notes.md']) {
        const r = await fetch(new URL('/api/fill', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.url.replace(/\/$/, ''), 'X-Specfill-Token': token },
          body: JSON.stringify({ path, id: 'overview', content: 'Written via web', expectedHash: createHash('sha256').update(spec).digest('hex') }),
        });
        expect([path, r.status, ((await r.json()) as { error: string }).error]).toEqual([path, 404, 'NOT_A_SPEC']);
        expect(readFileSync(join(dir, path), 'utf8'), path).toBe(spec);
      }
    } finally {
      await server.close();
    }
  });

  it('refuses to save a suppression comment (422 INVALID_CONTENT), and saves one shown as code', async () => {
    const spec = '---\ntitle: S\ntemplate: tech-spec\n---\n# S\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: overview -->\n';
    const dir = tempProject({ 'specs/s.md': spec });
    const server = await startWebServer({ root: dir, host: '127.0.0.1', port: 0 });
    try {
      const token = /name="specfill-token" content="([^"]+)"/.exec(await (await fetch(server.url)).text())![1]!;
      const save = (content: string): Promise<Response> => fetch(new URL('/api/fill', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url.replace(/\/$/, ''), 'X-Specfill-Token': token },
        body: JSON.stringify({ path: 'specs/s.md', id: 'overview', content, expectedHash: createHash('sha256').update(spec).digest('hex') }),
      });
      const refused = await save('Text.\n\n<!-- specfill-disable -->');
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ error: 'INVALID_CONTENT', message: expect.stringContaining('suppression comment') });
      expect(readFileSync(join(dir, 'specs', 's.md'), 'utf8')).toBe(spec);
      expect((await save('Write `<!-- specfill-disable -->` to silence a rule.')).status).toBe(200);
      expect(readFileSync(join(dir, 'specs', 's.md'), 'utf8')).toContain('Write `<!-- specfill-disable -->` to silence a rule.');
    } finally {
      await server.close();
    }
  });

  it('announces live changes of the project\'s specs only: not ignored or hidden files, but a hidden folder the config names (web QA)', async () => {
    const dir = tempProject({
      'specs/ok.md': '# Ok\n', 'specs/drafts/d.md': '# D\n', 'specs/.dot.md': '# Dot\n', '.github/rfcs/r.md': '# R\n', '.other/o.md': '# O\n',
      'specfill.config.json': JSON.stringify({ specs: ['specs/**/*.md', '.github/rfcs/*.md'], ignore: ['specs/drafts'] }),
    });
    const server = await startWebServer({ root: dir, host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const res = await fetch(new URL('/api/events', server.url), { signal: abort.signal });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const until = async (test: () => boolean): Promise<void> => {
        while (!test()) text += decoder.decode((await reader.read()).value, { stream: true });
      };
      await until(() => text.includes('event: ready'));
      for (const path of ['specs/drafts/d.md', 'specs/.dot.md', '.other/o.md', '.github/rfcs/r.md']) writeFileSync(join(dir, path), '# Changed\n');
      // The last write, a spec, is announced after the others would have been.
      await new Promise((r) => setTimeout(r, 400));
      writeFileSync(join(dir, 'specs', 'ok.md'), '# Ok, changed\n');
      await until(() => text.includes('specs/ok.md'));
      const announced = [...text.matchAll(/event: change\ndata: (.*)\n/g)].map((m) => (JSON.parse(m[1]!) as { path: string }).path);
      expect([...new Set(announced)].sort()).toEqual(['.github/rfcs/r.md', 'specs/ok.md']);
    } finally {
      abort.abort();
      await server.close();
    }
  });

  it('refuses a config it cannot use at the start, and shows a page saying why when it breaks while running', async () => {
    const dir = tempProject({ 'specs/a.md': '# A\n', 'specfill.config.json': JSON.stringify({ specs: ['../*.md'] }) });
    const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('specfill.config.json:1:11: specs.0: `../*.md` reaches outside the project root');
    writeFileSync(join(dir, 'specfill.config.json'), '{}');
    const server = await startWebServer({ root: dir, host: '127.0.0.1', port: 0 });
    try {
      writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['../*.md'] }));
      const page = await fetch(server.url);
      expect(page.status).toBe(500);
      const text = await page.text();
      expect(text).toContain('The project&#39;s config cannot be used');
      expect(text).toContain('reaches outside the project root');
    } finally {
      await server.close();
    }
  });

  it('"New spec" writes where the config\'s specs globs look, so that the new spec is listed', async () => {
    const dir = tempProject({ 'docs/rfcs/old.md': '# Old\n', 'specfill.config.json': JSON.stringify({ specs: ['docs/rfcs/*.md'] }) });
    const server = await startWebServer({ root: dir, host: '127.0.0.1', port: 0 });
    try {
      const home = await (await fetch(server.url)).text();
      const token = /name="specfill-token" content="([^"]+)"/.exec(home)![1]!;
      const r = await fetch(new URL('/api/new', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url.replace(/\/$/, ''), 'X-Specfill-Token': token },
        body: JSON.stringify({ template: 'tech-spec', title: 'Rate limiter' }),
      });
      expect(r.status).toBe(200);
      expect(existsSync(join(dir, 'docs', 'rfcs', 'rate-limiter.md'))).toBe(true);
      expect(existsSync(join(dir, 'specs'))).toBe(false);
      expect(await (await fetch(server.url)).text()).toContain('docs/rfcs/rate-limiter.md');
    } finally {
      await server.close();
    }
  });

  it('refuses a folder that does not exist', () => {
    const dir = tempProject();
    for (const args of [['serve', 'missing'], ['render', 'missing', '--out', 'site']]) {
      const r = spawnCli(dir, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('missing: no such folder');
    }
  });
});
