import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSpec } from '../src/core/parse-spec.js';
import { toolResult } from '../src/mcp/tool-result.js';
import { callTool, connectMcp, type McpSession } from './helpers/mcp-client.js';
import { spawnCli, tempProject } from './helpers/run-cli.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A project with one spec made by create_spec through the server. */
async function projectWithSpec(): Promise<{ dir: string; path: string; file: string; s: McpSession }> {
  const dir = tempProject({ 'specfill.config.json': '{}' });
  const s = (session = await connectMcp(dir));
  const created = await callTool(s, 'create_spec', { template: 'tech-spec', title: 'Payments API', owners: ['@ana'] });
  expect(created.isError).toBe(false);
  return { dir, path: created.data.path, file: join(dir, created.data.path), s };
}

describe('specfill mcp over stdio, driven by the SDK client', () => {
  it('starts in an empty folder, lists its tools with annotations, and says it is not initialized', async () => {
    const dir = tempProject();
    const s = (session = await connectMcp(dir));
    const { tools } = await s.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['check_spec', 'create_spec', 'fill_placeholder', 'get_placeholder_context', 'get_spec', 'list_placeholders', 'list_specs', 'list_templates', 'set_status']);
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.get_spec!.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    expect(byName.fill_placeholder!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(byName.fill_placeholder!.inputSchema.required).toEqual(['path', 'id', 'content', 'expectedHash']);
    const specs = await callTool(s, 'list_specs');
    expect(specs.isError).toBe(true);
    expect(specs.data.error.code).toBe('NOT_INITIALIZED');
    expect(specs.data.error.hint).toContain('create_spec');
    const templates = await callTool(s, 'list_templates');
    expect(templates.data.templates.map((t: { id: string }) => t.id)).toContain('tech-spec');
    expect(s.stderr()).toContain('specfill mcp: serving');
  });

  it('lists specs and placeholders, gives a placeholder its context, and reads specs as resources', async () => {
    const { path, file, s } = await projectWithSpec();
    const listed = await callTool(s, 'list_specs', { status: 'draft' });
    expect(listed.data.specs).toHaveLength(1);
    expect(listed.data.specs[0]).toMatchObject({ path: 'specs/payments-api.md', title: 'Payments API', status: 'draft', owners: ['@ana'], template: 'tech-spec@1', completeness: 1 / 21 });
    expect(listed.data.specs[0].openPlaceholders).toContain('architecture/data-model');
    expect((await callTool(s, 'list_specs', { status: 'approved' })).data.specs).toEqual([]);

    const placeholders = await callTool(s, 'list_placeholders', { path });
    expect(placeholders.data.hash).toBe(sha256(readFileSync(file, 'utf8')));
    const dataModel = placeholders.data.placeholders.find((p: { id: string }) => p.id === 'architecture/data-model');
    expect(dataModel).toMatchObject({ section: ['Architecture', 'Data Model'], instruction: 'Describe the data model, entities, and their relationships', sectionId: 'architecture/data-model' });

    const context = await callTool(s, 'get_placeholder_context', { path, id: 'architecture/data-model' });
    expect(context.data.section.heading).toEqual(['Architecture', 'Data Model']);
    expect(context.data.guidance).toContain('AGENT_PLACEHOLDER: Describe the data model');
    expect(context.data.previous.id).toBe('architecture/system-components');
    expect(context.data.next.id).toBe('architecture/api-design');
    expect(context.data.template).toBe('tech-spec@1');
    const missing = await callTool(s, 'get_placeholder_context', { path, id: 'nope' });
    expect(missing.data.error.code).toBe('NOT_FOUND');

    const spec = await callTool(s, 'get_spec', { path });
    expect(spec.data.content).toBe(readFileSync(file, 'utf8'));
    expect(spec.data.outline.find((o: { id: string }) => o.id === 'architecture/data-model')).toMatchObject({ heading: 'Data Model', level: 3, openPlaceholders: ['architecture/data-model'] });

    const { resources } = await s.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['spec://specs/payments-api.md']);
    const read = await s.client.readResource({ uri: 'spec://specs/payments-api.md' });
    expect((read.contents[0] as { text: string }).text).toBe(readFileSync(file, 'utf8'));
    const prompt = await s.client.getPrompt({ name: 'fill-spec', arguments: { path } });
    const text = (prompt.messages[0]!.content as { text: string }).text;
    for (const tool of ['list_placeholders', 'get_placeholder_context', 'fill_placeholder', 'check_spec']) expect(text).toContain(tool);
  });

  it('names a heading as a reader sees it in get_spec\'s outline and check_spec\'s sections: a placeholder as `…`, other comments left out', async () => {
    const dir = tempProject({
      'specfill.config.json': '{}',
      'specs/h.md': '# T\n\n## <!-- AGENT_PLACEHOLDER: name the component -->\n\n### Design\n\nSee [the notes](./missing.md).\n\n## Goals <!-- keep it short -->\n\nOne.\n',
    });
    const s = (session = await connectMcp(dir));
    const spec = await callTool(s, 'get_spec', { path: 'specs/h.md' });
    expect(spec.data.outline.map((o: { id: string; heading: string }) => [o.id, o.heading])).toEqual([['section', '…'], ['section/design', 'Design'], ['goals', 'Goals']]);
    const checked = await callTool(s, 'check_spec', { path: 'specs/h.md' });
    expect(checked.data.findings.find((f: { rule: string }) => f.rule === 'broken-link')).toMatchObject({ sectionId: 'section/design', section: ['…', 'Design'] });
    const context = await callTool(s, 'get_placeholder_context', { path: 'specs/h.md', id: 'section' });
    expect(context.data.next).toMatchObject({ id: 'section/design', heading: ['…', 'Design'] });
  });

  it('fills a placeholder and changes nothing but its span; the result is the verified new state', async () => {
    const { dir, path, file, s } = await projectWithSpec();
    const before = readFileSync(file, 'utf8');
    const { hash } = (await callTool(s, 'list_placeholders', { path })).data;
    const span = parseSpec(before).placeholders.find((p) => p.id === 'architecture/data-model')!.span;
    const content = 'Three entities: **Payment**, **Refund** and **Ledger entry**.\n\n| entity | key |\n| --- | --- |\n| Payment | id |';

    const dry = await callTool(s, 'fill_placeholder', { path, id: 'architecture/data-model', content, expectedHash: hash, dryRun: true });
    expect(dry.data).toMatchObject({ dryRun: true, hash });
    expect(dry.data.diff).toContain('+Three entities');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const filled = await callTool(s, 'fill_placeholder', { path, id: 'architecture/data-model', content, expectedHash: hash });
    expect(filled.isError).toBe(false);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.slice(0, span.start) + content + before.slice(span.end));
    expect(filled.data.hash).toBe(sha256(after));
    expect(filled.data.diff).toContain('-<!-- AGENT_PLACEHOLDER: Describe the data model, entities, and their relationships -->');
    expect(filled.data.remaining.map((p: { id: string }) => p.id)).not.toContain('architecture/data-model');
    expect(filled.data.remaining).toHaveLength(parseSpec(before).placeholders.length - 1);
    const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8'));
    expect(provenance.specs[path]['architecture/data-model'].filler).toBe('mcp');
  });

  it('refuses a stale hash and invalid content, leaving the file untouched', async () => {
    const { path, file, s } = await projectWithSpec();
    const { hash } = (await callTool(s, 'list_placeholders', { path })).data;
    // Someone edits the file after the agent read it.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA note.\n`);
    const edited = readFileSync(file, 'utf8');
    const stale = await callTool(s, 'fill_placeholder', { path, id: 'overview', content: 'An overview.', expectedHash: hash });
    expect(stale.isError).toBe(true);
    expect(stale.data.error.code).toBe('STALE');
    expect(stale.data.error.hint).toContain('list_placeholders');
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const fresh = (await callTool(s, 'list_placeholders', { path })).data.hash;
    const heading = await callTool(s, 'fill_placeholder', { path, id: 'overview', content: '# A second title\n\nText.', expectedHash: fresh });
    expect(heading.data.error.code).toBe('INVALID_CONTENT');
    expect(heading.text).toContain('INVALID_CONTENT');
    const marker = await callTool(s, 'fill_placeholder', { path, id: 'overview', content: '<!-- AGENT_PLACEHOLDER: again -->', expectedHash: fresh });
    expect(marker.data.error.code).toBe('INVALID_CONTENT');
    const silencer = await callTool(s, 'fill_placeholder', { path, id: 'overview', content: 'An overview.\n\n<!-- specfill-disable -->', expectedHash: fresh });
    expect(silencer.data.error.code).toBe('INVALID_CONTENT');
    expect(silencer.data.error.message).toContain('suppression comment');
    expect(silencer.data.error.hint).toContain('specfill-disable');
    const unknown = await callTool(s, 'fill_placeholder', { path, id: 'no/such-id', content: 'x', expectedHash: fresh });
    expect(unknown.data.error.code).toBe('NOT_FOUND');
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('refuses every way out of the root', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    writeFileSync(join(outside, 'secret.md'), 'SECRET-OUTSIDE\n<!-- AGENT_PLACEHOLDER: x -->\n');
    const dir = tempProject({ 'specs/ok.md': '# Ok\n', 'notes.txt': 'not markdown' });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'specs', 'link.md'));
    symlinkSync(outside, join(dir, 'specs', 'away'));
    const s = (session = await connectMcp(dir));
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['get_spec', { path: '../' + outside.split('/').pop() + '/secret.md' }],
      ['get_spec', { path: join(outside, 'secret.md') }],
      ['get_spec', { path: 'specs/../../secret.md' }],
      ['get_spec', { path: 'specs/link.md' }],
      ['get_spec', { path: 'specs/away/secret.md' }],
      ['list_placeholders', { path: 'specs/away/secret.md' }],
      ['fill_placeholder', { path: 'specs/link.md', id: 'title', content: 'pwned', expectedHash: sha256(readFileSync(join(outside, 'secret.md'), 'utf8')) }],
      ['create_spec', { template: 'tech-spec', title: 'Escape', path: '../escape.md' }],
      ['create_spec', { template: 'tech-spec', title: 'Escape', path: 'specs/away/new.md' }],
      ['check_spec', { path: 'specs/away/secret.md' }],
    ];
    for (const [tool, args] of attempts) {
      const r = await callTool(s, tool, args);
      expect(r.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
      expect(r.data.error.code, `${tool} ${JSON.stringify(args)}`).toBe('OUTSIDE_ROOT');
      expect(r.text).not.toContain('SECRET-OUTSIDE');
    }
    // A link named like a spec that leads to another kind of file inside the root is not a spec either.
    writeFileSync(join(dir, '.env'), 'SECRET_TOKEN=abc\n');
    symlinkSync(join(dir, '.env'), join(dir, 'specs', 'env.md'));
    const env = await callTool(s, 'get_spec', { path: 'specs/env.md' });
    expect(env.data.error.code).toBe('NOT_FOUND');
    expect(env.text).not.toContain('SECRET_TOKEN');
    // Listings leave links out of the root out, instead of reading them or failing.
    const listed = await callTool(s, 'list_specs');
    expect(listed.data.specs.map((x: { path: string }) => x.path)).toEqual(['specs/ok.md']);
    expect((await s.client.listResources()).resources.map((r) => r.uri)).toEqual(['spec://specs/ok.md']);
    // Encoded dots are a file name, not a way up; files other than Markdown are not specs.
    expect((await callTool(s, 'get_spec', { path: '%2e%2e/secret.md' })).data.error.code).toBe('NOT_FOUND');
    expect((await callTool(s, 'get_spec', { path: 'notes.txt' })).data.error.code).toBe('NOT_FOUND');
    // Through a resource URI the path is decoded once, then confined.
    await expect(s.client.readResource({ uri: `spec://..%2F${outside.split('/').pop()}%2Fsecret.md` })).rejects.toThrow(/outside the project root/);
    await expect(s.client.readResource({ uri: 'spec://specs/link.md' })).rejects.toThrow(/outside the project root/);
    await expect(s.client.readResource({ uri: 'spec://specs/link.md' })).rejects.toMatchObject({ code: -32602, data: { code: 'OUTSIDE_ROOT' } });
    await expect(s.client.readResource({ uri: 'spec://specs/none.md' })).rejects.toMatchObject({ code: -32002, data: { code: 'FILE_NOT_FOUND' } });
    expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe('SECRET-OUTSIDE\n<!-- AGENT_PLACEHOLDER: x -->\n');
    expect((await callTool(s, 'get_spec', { path: 'specs/ok.md' })).data.content).toBe('# Ok\n');
  });

  it('reads and writes no spec the config ignores, nor a file in a hidden folder or node_modules, even named by its path (MCP QA)', async () => {
    const spec = '---\ntitle: S\ntemplate: tech-spec\n---\n# S\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: overview -->\n';
    const dir = tempProject({
      'specs/ok.md': spec, 'specs/drafts/d.md': spec, 'templates/t.md': spec, '.git/notes.md': spec, 'node_modules/pkg/README.md': spec,
      'specfill.config.json': JSON.stringify({ ignore: ['specs/drafts', 'templates/**'] }),
    });
    const s = (session = await connectMcp(dir));
    const hash = sha256(spec);
    for (const path of ['specs/drafts/d.md', 'templates/t.md', '.git/notes.md', 'node_modules/pkg/README.md']) {
      for (const [tool, args] of [
        ['get_spec', { path }], ['list_placeholders', { path }], ['check_spec', { path }],
        ['fill_placeholder', { path, id: 'overview', content: 'Filled.', expectedHash: hash }],
        ['set_status', { path, status: 'review', force: true, reason: 'qa' }],
      ] as Array<[string, Record<string, unknown>]>) {
        const r = await callTool(s, tool, args);
        expect([tool, path, r.isError, r.data.error?.code]).toEqual([tool, path, true, 'NOT_FOUND']);
      }
      expect(readFileSync(join(dir, path), 'utf8'), path).toBe(spec);
      await expect(s.client.readResource({ uri: `spec://${path}` }), path).rejects.toThrow(/not one of the project's specs|where no spec is/);
      // MCP's "resource not found", with specfill's code in the error's data (web QA).
      await expect(s.client.readResource({ uri: `spec://${path}` }), path).rejects.toMatchObject({ code: -32002, data: { code: 'NOT_A_SPEC' } });
      // Its message once, not "MCP error -32002: MCP error -32002: …" (final review).
      await expect(s.client.readResource({ uri: `spec://${path}` }), path).rejects.toThrow(/^MCP error -32002: NOT_A_SPEC: /);
    }
    // A hidden folder the config's `specs` names is the project's on purpose, and a dot-file is hidden (code review).
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['specs/**/*.md', '.github/rfcs/*.md'], ignore: ['specs/drafts', 'templates/**'] }));
    execFileSync('mkdir', ['-p', join(dir, '.github', 'rfcs')]);
    writeFileSync(join(dir, '.github', 'rfcs', 'r1.md'), spec);
    writeFileSync(join(dir, 'specs', '.dot.md'), spec);
    expect((await callTool(s, 'get_spec', { path: '.github/rfcs/r1.md' })).isError).toBe(false);
    expect((await callTool(s, 'get_spec', { path: 'specs/.dot.md' })).data.error.code).toBe('NOT_FOUND');
    expect((await callTool(s, 'list_specs')).data.specs.map((x: { path: string }) => x.path)).toEqual(['.github/rfcs/r1.md', 'specs/ok.md']);
    const created = await callTool(s, 'create_spec', { template: 'tech-spec', title: 'Hidden', path: 'specs/drafts/new.md' });
    expect([created.isError, created.data.error.code]).toEqual([true, 'NOT_FOUND']);
    expect((await callTool(s, 'get_spec', { path: 'specs/ok.md' })).isError).toBe(false);
  });

  it('holds the config\'s maxFileBytes for every read, as check and the web UI do', async () => {
    const small = '# Small\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: overview -->\n';
    const dir = tempProject({ 'specs/small.md': small, 'specs/big.md': `# Big\n\n${'x'.repeat(3000)}\n`, 'specfill.config.json': '{"maxFileBytes": 1000}' });
    const s = (session = await connectMcp(dir));
    const big = await callTool(s, 'get_spec', { path: 'specs/big.md' });
    expect([big.isError, big.data.error.code]).toEqual([true, 'FILE_TOO_LARGE']);
    expect(big.data.error.message).toContain('over the limit of 1000 bytes');
    expect((await callTool(s, 'list_placeholders', { path: 'specs/big.md' })).data.error.code).toBe('FILE_TOO_LARGE');
    await expect(s.client.readResource({ uri: 'spec://specs/big.md' })).rejects.toMatchObject({ data: { code: 'FILE_TOO_LARGE' } });
    const listed = await callTool(s, 'list_specs');
    expect(listed.data.specs.map((x: { path: string }) => x.path)).toEqual(['specs/small.md']);
    expect(listed.data.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toEqual([['FILE_TOO_LARGE', 'specs/big.md']]);
    expect((await callTool(s, 'get_spec', { path: 'specs/small.md' })).isError).toBe(false);
    // Nor does a status change read it (code review: set_status moved it).
    const moved = await callTool(s, 'set_status', { path: 'specs/big.md', status: 'withdrawn' });
    expect([moved.isError, moved.data.error?.code]).toEqual([true, 'FILE_TOO_LARGE']);
    // A fill that takes a file just under the limit past it (CRLF lines: each of the answer's lines grows) is written and reported as written, not as a failure.
    writeFileSync(join(dir, 'specs/small.md'), `${small.replace(/\n/g, '\r\n')}${'<!-- pad -->\r\n'.repeat(60)}`);
    const listed2 = await callTool(s, 'list_placeholders', { path: 'specs/small.md' });
    const filled = await callTool(s, 'fill_placeholder', { path: 'specs/small.md', id: 'overview', content: 'y\n'.repeat(400), expectedHash: listed2.data.hash });
    expect([filled.isError, filled.data.filled]).toEqual([false, 'overview']);
    expect(readFileSync(join(dir, 'specs/small.md'), 'utf8')).toContain('y\r\n'.repeat(400));
    // A diff whose context holds a line of a megabyte is left out of the reply (a reply of tens of megabytes ended the session).
    writeFileSync(join(dir, 'specfill.config.json'), '{}');
    writeFileSync(join(dir, 'specs/long.md'), `# Long\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: overview -->\n\n${'z'.repeat(1024 * 1024)}\n`);
    const longHash = (await callTool(s, 'list_placeholders', { path: 'specs/long.md' })).data.hash;
    const long = await callTool(s, 'fill_placeholder', { path: 'specs/long.md', id: 'overview', content: 'Done.', expectedHash: longHash });
    expect([long.isError, long.data.filled, long.data.diff]).toEqual([false, 'overview', expect.stringMatching(/^\(a diff of \d+ characters, left out: get_spec shows the file as it now is\)\n$/)]);
  });

  it('sends a spec of megabytes in parts, and keeps every reply small enough for stdio without ending the session', async () => {
    // Lines of 100 characters with an emoji (a surrogate pair) in each, then one long line with no break: parts end after a line break, or short of a pair's halves.
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${String(i).padStart(6, '0')} 😀 ${'w'.repeat(80)}\n`).join('');
    const big = `# Big\n\n## Overview\n\n${lines}${'😀'.repeat(200_000)}\n`;
    const dir = tempProject({ 'specs/big.md': big, 'specs/heads.md': `# Heads\n\n${'## h\n\n'.repeat(60_000)}`, 'specfill.config.json': '{}' });
    const s = (session = await connectMcp(dir));
    let text = '';
    let offset: number | null = 0;
    let parts = 0;
    while (offset !== null) {
      const part = await callTool(s, 'get_spec', { path: 'specs/big.md', ...(offset === 0 ? {} : { offset }) });
      expect(part.isError).toBe(false);
      expect(part.data.offset).toBe(offset);
      expect(part.data.content.length).toBeLessThanOrEqual(256 * 1024);
      expect(part.data.totalCharacters).toBe(big.length);
      const last = part.data.content.charCodeAt(part.data.content.length - 1);
      if (part.data.nextOffset !== null && offset < big.indexOf('😀😀')) expect(part.data.content.endsWith('\n')).toBe(true);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      text += part.data.content;
      offset = part.data.nextOffset;
      parts++;
    }
    expect(text).toBe(big);
    expect(parts).toBeGreaterThan(Math.ceil(big.length / (256 * 1024)) - 1);
    const past = await callTool(s, 'get_spec', { path: 'specs/big.md', offset: big.length + 1 });
    expect([past.isError, past.data.error.code]).toEqual([true, 'OUT_OF_RANGE']);
    // Whole, as a resource, it would take the connection down: refused with a hint, the session lives on.
    await expect(s.client.readResource({ uri: 'spec://specs/big.md' })).rejects.toMatchObject({ data: { code: 'REPLY_TOO_LARGE', hint: expect.stringContaining('get_spec') } });
    // Later parts carry no outline; 60,000 sections make an outline of megabytes, cut at 5,000 (code review: it was refused, part after part).
    expect(Object.keys((await callTool(s, 'get_spec', { path: 'specs/big.md', offset: 1 })).data)).not.toContain('outline');
    const heads = await callTool(s, 'get_spec', { path: 'specs/heads.md' });
    expect([heads.isError, heads.data.outline.length, heads.data.outlineTotal, heads.data.outlineTruncated]).toEqual([false, 5000, 60_000, true]);
    // A write is never reported as failed for its reply's size: the placeholders it lists are cut at 1,000 (code review).
    writeFileSync(join(dir, 'specs/many.md'), `# Many\n\n${'## h\n\n<!-- AGENT_PLACEHOLDER: x -->\n\n'.repeat(1500)}`);
    const many = await callTool(s, 'list_placeholders', { path: 'specs/many.md' });
    const filledOne = await callTool(s, 'fill_placeholder', { path: 'specs/many.md', id: 'h', content: 'Done.', expectedHash: many.data.hash });
    expect([filledOne.isError, filledOne.data.remaining.length, filledOne.data.remainingTotal, filledOne.data.remainingTruncated]).toEqual([false, 1000, 1499, true]);
    expect((await callTool(s, 'list_placeholders', { path: 'specs/big.md' })).isError).toBe(false);
  });

  it('refuses, as a result the agent can act on, a reply over 3 MB of JSON (the stdio transport drops a message over 10 MiB)', () => {
    const small = toolResult({ text: 'x'.repeat(1000) });
    expect(small.isError).toBeUndefined();
    // Characters of three UTF-8 bytes: the limit is in bytes, not characters.
    const large = toolResult({ text: '€'.repeat(1_100_000) });
    expect([large.isError, (large.structuredContent as { error: { code: string } }).error.code]).toEqual([true, 'REPLY_TOO_LARGE']);
    expect(toolResult({ text: 'x'.repeat(1_100_000) }).isError).toBeUndefined();
  });

  it('create_spec writes where the config\'s specs globs look when no path is given', async () => {
    const dir = tempProject({ 'specfill.config.json': JSON.stringify({ specs: ['docs/design/**/*.md'] }) });
    const s = (session = await connectMcp(dir));
    const created = await callTool(s, 'create_spec', { template: 'tech-spec', title: 'Payments API' });
    expect([created.isError, created.data.path]).toEqual([false, 'docs/design/payments-api.md']);
    expect((await callTool(s, 'list_specs')).data.specs.map((x: { path: string }) => x.path)).toEqual(['docs/design/payments-api.md']);
    // Globs of the root itself: the root (code review: it was taken for `/payments-api.md`).
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['*.md'] }));
    const atRoot = await callTool(s, 'create_spec', { template: 'tech-spec', title: 'Payments API' });
    expect([atRoot.isError, atRoot.data.path]).toEqual([false, 'payments-api.md']);
  });

  it('fills every placeholder with the returned hashes, after which check_spec passes', async () => {
    const { path, s } = await projectWithSpec();
    const gated = await callTool(s, 'set_status', { path, status: 'review' });
    expect(gated.data.error.code).toBe('REFUSED');
    expect(gated.data.error.message).toContain('review needs a spec that passes `specfill check`');
    const failing = await callTool(s, 'check_spec', { path });
    expect(failing.data.summary.errors).toBeGreaterThan(0);
    expect(failing.data.findings[0]).toMatchObject({ rule: 'unfilled-placeholder', severity: 'error' });
    let { hash, placeholders } = (await callTool(s, 'list_placeholders', { path })).data;
    while (placeholders.length > 0) {
      const p = placeholders[0];
      const r = await callTool(s, 'fill_placeholder', { path, id: p.id, content: `For ${p.section.join(' / ') || 'the title'}: ${p.instruction}, specifically.`, expectedHash: hash });
      expect(r.isError, r.text).toBe(false);
      ({ hash, remaining: placeholders } = r.data);
    }
    const passing = await callTool(s, 'check_spec', { path });
    expect(passing.data).toMatchObject({ path, template: 'tech-spec@1', completeness: 1, findings: [], summary: { errors: 0, warnings: 0, infos: 0 } });
    // Now the gate of review lets it through; the lifecycle still refuses a jump.
    expect((await callTool(s, 'set_status', { path, status: 'implemented' })).data.error.code).toBe('REFUSED');
    const noReason = await callTool(s, 'set_status', { path, status: 'implemented', force: true });
    expect(noReason.data.error).toMatchObject({ code: 'REFUSED', message: 'force needs a reason: it is recorded in the spec' });
    expect((await callTool(s, 'set_status', { path, status: 'review' })).data).toMatchObject({ from: 'draft', to: 'review', changed: true, forced: false });
    expect((await callTool(s, 'create_spec', { template: 'tech-spec', title: 'Payments API' })).data.error.code).toBe('ALREADY_EXISTS');
  });

  it('exits 2 with a message when --root is not a folder', () => {
    const dir = tempProject({ 'file.md': '# F\n' });
    for (const root of ['missing', 'file.md']) {
      const r = spawnCli(dir, 'mcp', '--root', root);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--root ${root}: no such folder`);
      expect(r.stdout).toBe('');
    }
  });
});

describe('docs/mcp.md', () => {
  it('shows the session examples/mcp-session.mjs really has with the server', () => {
    const ROOT = join(import.meta.dirname, '..');
    const printed = execFileSync(process.execPath, [join(ROOT, 'examples', 'mcp-session.mjs')], { encoding: 'utf8' });
    const doc = readFileSync(join(ROOT, 'docs', 'mcp.md'), 'utf8');
    const shown = doc.slice(doc.indexOf('<!-- transcript:start -->\n') + '<!-- transcript:start -->\n'.length, doc.indexOf('<!-- transcript:end -->'));
    expect(shown).toBe(printed);
    // The context size the README states is the measured one.
    const tokens = Number(/about (\d+) tokens/.exec(printed)![1]);
    expect(Math.round(tokens / 100) * 100).toBe(1300);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/about\s+1,300 tokens/);
  }, 30_000);
});
