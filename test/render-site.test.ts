// The static site's links between specs, and what a second render leaves.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderSite } from '../src/web/render-site.js';
import { tempProject } from './helpers/run-cli.js';

it('links to other specs go to their pages; links to other files stay as written', async () => {
  const dir = tempProject({
    'specs/a.md': '# A\n\n## Links\n\n[b](b.md) [b overview](b.md#overview) [nested](sub/c.md?x=1) [root](/specs/b.md) [notes](../docs/notes.md) [web](https://example.com/x.md) [self](#links)\n',
    'specs/b.md': '# B\n\n## Overview\n\nText.\n',
    'specs/sub/c.md': '# C\n\n## Back\n\n[a](../a.md)\n',
    'docs/notes.md': '# Notes\n',
  });
  const out = mkdtempSync(join(tmpdir(), 'specfill-site-'));
  expect((await renderSite({ root: dir, out })).pages).toBe(4);
  const a = readFileSync(join(out, 'spec', 'specs', 'a.md.html'), 'utf8');
  for (const [href, expected] of [
    ['b.md.html', true], ['b.md.html#overview', true], ['sub/c.md.html?x=1', true], ['../../spec/specs/b.md.html', true],
    ['../docs/notes.md', true], ['https://example.com/x.md', true], ['#links', true], ['../docs/notes.md.html', false],
  ] as const) expect(a.includes(`href="${href}"`), href).toBe(expected);
  expect(readFileSync(join(out, 'spec', 'specs', 'sub', 'c.md.html'), 'utf8')).toContain('href="../a.md.html"');

  // A spec deleted since the last render loses its page; files that are not pages stay.
  writeFileSync(join(out, 'CNAME'), 'specs.example.com\n');
  writeFileSync(join(out, 'spec', 'notes.txt'), 'kept\n');
  rmSync(join(dir, 'specs', 'sub'), { recursive: true });
  expect((await renderSite({ root: dir, out })).pages).toBe(3);
  expect(existsSync(join(out, 'spec', 'specs', 'sub'))).toBe(false);
  expect(existsSync(join(out, 'spec', 'specs', 'b.md.html'))).toBe(true);
  expect(existsSync(join(out, 'CNAME'))).toBe(true);
  expect(existsSync(join(out, 'spec', 'notes.txt'))).toBe(true);
});

it('takes a base path without its leading slash as one from the site root', async () => {
  const dir = tempProject({ 'specs/a.md': '# A\n' });
  const out = mkdtempSync(join(tmpdir(), 'specfill-site-'));
  await renderSite({ root: dir, out, basePath: 'my-repo' });
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('href="/my-repo/spec/specs/a.md.html"');
});

it('on the live server, a link from the repository root to a spec goes to its page there (web QA)', async () => {
  const { serverLinks } = await import('../src/web/links.js');
  const { renderMarkdown } = await import('../src/web/render-markdown.js');
  const links = serverLinks();
  const rendered = renderMarkdown('[root](/specs/b.md#overview) [rel](b.md) [img](/docs/er.png) [host](//example.com/x.md) [web](https://example.com/x.md)', { relativeLink: (href) => links.relativeLink!('specs/a.md', href) });
  expect([...rendered.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['/spec/specs/b.md#overview', 'b.md', '/docs/er.png', '//example.com/x.md', 'https://example.com/x.md']);
});

it('shows a heading as a reader sees it, in the outline and the text: a placeholder as `…`, other comments left out', async () => {
  const dir = tempProject({ 'specs/a.md': '# A\n\n## <!-- AGENT_PLACEHOLDER: name the component -->\n\nx\n\n## Goals <!-- keep it short -->\n\nOne.\n' });
  const out = mkdtempSync(join(tmpdir(), 'specfill-site-'));
  await renderSite({ root: dir, out });
  const page = readFileSync(join(out, 'spec', 'specs', 'a.md.html'), 'utf8');
  expect(page).toContain('<a href="#s-section">…</a>');
  expect(page).toContain('<a href="#s-goals">Goals</a>');
  expect(page).toMatch(/<h2 id="goals">Goals<\/h2>/);
  // The section ids (and GitHub's anchors) are those of before.
  expect(page).toContain('<section id="s-goals"');
  expect(page).not.toContain('keep it short');
});
