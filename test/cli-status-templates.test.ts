import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, tempProject } from './helpers/run-cli.js';
import { startFakeOpenAI } from './helpers/fake-openai.js';

const SEED = readFileSync(join(import.meta.dirname, '..', 'templates', 'tech-spec.md'), 'utf8');

interface StatusJson {
  specs: Array<{ path: string; title: string; template: string | null; status: string | null; openPlaceholders: string[]; completeness: number | null; sectionsFilled: number | null; sectionsGuided: number | null }>;
  errors: Array<{ path: string; code: string; message: string; line?: number; column?: number }>;
}

describe('specfill status', () => {
  it('reports title, template, status, open placeholders and completeness', async () => {
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const file = join(dir, 'specs', 'rate-limiter.md');
    let r = await runCli(dir, 'status', '--json');
    expect(r.code).toBe(0);
    let json = JSON.parse(r.stdout) as StatusJson;
    expect(json.specs).toHaveLength(1);
    expect(json.specs[0]).toMatchObject({ path: 'specs/rate-limiter.md', title: 'Rate limiter', template: 'tech-spec@1', status: 'draft', sectionsFilled: 1, sectionsGuided: 21 });
    expect(json.specs[0]!.openPlaceholders).toHaveLength(20);

    // Fill one section by hand, and empty another: only the filled one counts.
    const text = readFileSync(file, 'utf8')
      .replace('<!-- AGENT_PLACEHOLDER: Describe the data model, entities, and their relationships -->', 'Buckets keyed by client id.')
      .replace('<!-- AGENT_PLACEHOLDER: Describe unit testing strategy -->', '<!-- to do -->');
    writeFileSync(file, text);
    r = await runCli(dir, 'status', 'specs', '--json');
    json = JSON.parse(r.stdout) as StatusJson;
    expect(json.specs[0]).toMatchObject({ sectionsFilled: 2, sectionsGuided: 21 });
    expect(json.specs[0]!.completeness).toBeCloseTo(2 / 21);
    expect(json.specs[0]!.openPlaceholders).toHaveLength(18);

    const human = await runCli(dir, 'status');
    expect(human.stdout).toMatch(/specs\/rate-limiter\.md\s+Rate limiter\s+draft\s+tech-spec@1\s+10% \(2\/21\)\s+18/);
  });

  it('walks folders for *.md, skipping node_modules and dot-folders, and takes globs', async () => {
    const dir = tempProject({
      'a/one.md': '# One\n',
      'a/deep/two.md': '# Two\n',
      'a/node_modules/x.md': '# X\n',
      'a/.hidden/y.md': '# Y\n',
      'a/notes.txt': 'not markdown',
    });
    const folder = JSON.parse((await runCli(dir, 'status', 'a', '--json')).stdout) as StatusJson;
    expect(folder.specs.map((s) => s.path)).toEqual(['a/deep/two.md', 'a/one.md']);
    const glob = JSON.parse((await runCli(dir, 'status', 'a/**/t*.md', '--json')).stdout) as StatusJson;
    expect(glob.specs.map((s) => s.path)).toEqual(['a/deep/two.md']);
  });

  it('reports every bad file with its place (exit 2) and still lists the good ones', async () => {
    const dir = tempProject({
      'specs/good.md': '# Good\n\n## A\n\n<!-- AGENT_PLACEHOLDER: x -->\n',
      'specs/binary.md': new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]),
      'specs/latin1.md': new Uint8Array([0x23, 0x20, 0x41, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      // Lone CRs and CRLFs end lines here as in findings (qa: `# T\r\rTODO\r\xff` was 1:11).
      'specs/cr.md': new Uint8Array([0x23, 0x20, 0x54, 0x0d, 0x0d, 0x54, 0x0d, 0x0a, 0x61, 0xff, 0x0d]),
      // UTF-16, with its byte order mark and without: named as such, not as binary (qa).
      'specs/utf16.md': new Uint8Array([0xff, 0xfe, ...[...'# U\nText\n'].flatMap((c) => [c.charCodeAt(0), 0])]),
      'specs/utf16be.md': new Uint8Array([...'# U\nText\n'].flatMap((c) => [0, c.charCodeAt(0)])),
      'specs/yaml.md': '---\ntitle: a: b\n---\n# Y\n',
      'specs/unknown.md': '---\ntitle: U\ntemplate: nope@1\n---\n# U\n',
    });
    const r = await runCli(dir, 'status', 'specs', 'missing.md', '--json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as StatusJson;
    expect(json.specs.map((s) => s.path)).toEqual(['specs/good.md', 'specs/unknown.md']);
    const byPath = Object.fromEntries(json.errors.map((e) => [e.path, e]));
    expect(byPath['missing.md']).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(byPath['specs/binary.md']).toMatchObject({ code: 'BINARY_FILE', line: 1, column: 3 });
    expect(byPath['specs/latin1.md']).toMatchObject({ code: 'INVALID_UTF8', line: 2, column: 4 });
    expect(byPath['specs/cr.md']).toMatchObject({ code: 'INVALID_UTF8', line: 4, column: 2 });
    for (const utf16 of ['specs/utf16.md', 'specs/utf16be.md']) expect(byPath[utf16]).toMatchObject({ code: 'INVALID_UTF8', message: 'is UTF-16 text, not UTF-8', line: 1, column: 1 });
    expect(byPath['specs/yaml.md']).toMatchObject({ code: 'INVALID_FRONT_MATTER', line: 2, column: 8 });
    // The YAML library's own position (from the front matter's first line) is not repeated in the message.
    expect(byPath['specs/yaml.md']!.message).toBe('invalid YAML front matter: Nested mappings are not allowed in compact mappings; a value with `: ` in it must be quoted: `title: "a: b"`');
    expect(byPath['specs/unknown.md']).toMatchObject({ code: 'UNKNOWN_TEMPLATE' });
    expect(byPath['specs/unknown.md']!.message).toContain('tech-spec');
    expect(r.stderr).toContain('specs/latin1.md:2:4: is not valid UTF-8');
  });

  it('says no spec could be read, rather than none found, when every one failed', async () => {
    const dir = tempProject({ 'specs/yaml.md': '---\ntitle: a: b\n---\n# Y\n' });
    const r = await runCli(dir, 'status');
    expect([r.code, r.stdout]).toEqual([2, 'no readable specs (1 could not be read)\n']);
    expect((await runCli(tempProject({ 'specs/.keep': '' }), 'status')).stdout).toBe('no specs found\n');
  });

  it('reads a file that holds U+FFFD itself, and refuses a FIFO without waiting on it', async () => {
    const dir = tempProject({ 'specs/replacement.md': '# R \uFFFD\n\n## A\n' });
    execFileSync('mkfifo', [join(dir, 'specs', 'pipe.md')]);
    const r = await runCli(dir, 'status', 'specs/replacement.md', 'specs/pipe.md', '--json');
    const json = JSON.parse(r.stdout) as StatusJson;
    expect(json.specs.map((s) => [s.path, s.title])).toEqual([['specs/replacement.md', 'R \uFFFD']]);
    expect(json.errors).toMatchObject([{ path: 'specs/pipe.md', code: 'NOT_A_FILE' }]);
  });

  it('a spec with no title heading is titled by its first heading, unless that is one of its template\'s sections (a Rust RFC), then by its file', async () => {
    const dir = tempProject({
      'rfcs/template.md': '- Feature Name: (fill me in)\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy?\n',
      'rfcs/0001-async-drop.md': '- Feature Name: async_drop\n\n# Summary\n\nDrop, awaited.\n\n# Motivation\n\nLeaks.\n',
      'rfcs/0002-let-else.md': '- Feature Name: let_else\n\n## Table of contents\n\n- [Summary](#summary)\n- [Motivation](#motivation)\n\n# Summary\n\nS.\n\n# Motivation\n\nM.\n',
      'notes/chapters.md': '# Background\n\nText.\n\n# Plan\n\nText.\n',
      // A title with a table of contents under it is still the title (code review).
      'notes/rl.md': '## Rate limiter\n\n- [Summary](#summary)\n- [Design](#design)\n\n## Summary\n\nS.\n\n## Design\n\nD.\n',
      'notes/toc.md': '## Index\n\n- [A](#a)\n- [B](#b)\n\n## A\n\nA.\n\n## B\n\nB.\n',
      'specfill.config.json': JSON.stringify({ specs: ['rfcs/0*.md', 'notes/*.md'], templates: { 'rfcs/0*.md': 'rfcs/template.md' } }),
    });
    const json = JSON.parse((await runCli(dir, 'status', '--json')).stdout) as StatusJson;
    // Nor is a table of contents a title (prose QA).
    expect(json.specs.map((s) => [s.path, s.title])).toEqual([['notes/chapters.md', 'Background'], ['notes/rl.md', 'Rate limiter'], ['notes/toc.md', 'toc.md'], ['rfcs/0001-async-drop.md', '0001-async-drop.md'], ['rfcs/0002-let-else.md', '0002-let-else.md']]);
    // A title of 20,000 combining marks is cut to its column at once (code review: 13 s).
    writeFileSync(join(dir, 'notes', 'marks.md'), `---\ntitle: "A${'\u0301'.repeat(20_000)}${'C'.repeat(60)}"\n---\n# M\n`);
    const table = await runCli(dir, 'status');
    expect(table.stdout).toContain(`A${'\u0301'.repeat(20_000)}${'C'.repeat(38)}…`);
  });

  it('shows control characters in titles, statuses and instructions as symbols, as check does: an escape must not drive the terminal (qa)', async () => {
    const dir = tempProject({ 'specs/t.md': '---\ntitle: "A\\e[2JB"\ntemplate: tech-spec\nstatus: "dr\\e[31maft"\n---\n# X\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: say \u001b[31mred -->\n' });
    const status = (await runCli(dir, 'status')).stdout;
    const listed = (await runCli(dir, 'placeholders', 'specs/t.md')).stdout;
    expect([status.includes('\u001b'), status.includes('A␛[2JB'), listed.includes('\u001b'), listed.includes('say ␛[31mred')]).toEqual([false, true, false, true]);
  });

  it('leaves out the specs index (both its markers), not a spec with a stray start marker pasted in: status, index and sync see it as check does (fuzzing: it vanished)', async () => {
    const dir = tempProject({
      'specs/README.md': '# Specs\n\n<!-- specfill-index:start -->\n<!-- specfill-index:end -->\n',
      'specs/a.md': '---\ntitle: A\ntemplate: tech-spec@1\n---\n# Technical Specification\n\nA\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: Say it -->\n\n<!-- specfill-index:start -->\n',
    });
    const json = JSON.parse((await runCli(dir, 'status', '--json')).stdout) as StatusJson;
    expect(json.specs.map((s) => [s.path, s.openPlaceholders])).toEqual([['specs/a.md', ['overview']]]);
    expect((await runCli(dir, 'index')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'README.md'), 'utf8')).toContain('specs/a.md'.replace('specs/', ''));
  });
});

describe('bad input to placeholders', () => {
  it.each([
    ['a missing file', {}, 'nope.md', 'nope.md: no such file'],
    ['a folder', { 'd/x.md': '# X\n' }, 'd', 'd: is a folder, not a file'],
    ['a binary file', { 'b.md': new Uint8Array([0x00, 0xff]) }, 'b.md', 'b.md:1:1: is a binary file'],
    ['invalid UTF-8', { 'u.md': new Uint8Array([0x61, 0x0a, 0x62, 0xc3, 0x28]) }, 'u.md', 'u.md:2:2: is not valid UTF-8'],
    ['unreadable YAML front matter', { 'y.md': '---\na: b: c\n---\n' }, 'y.md', 'y.md:2:'],
  ] as const)('%s: one clear message, exit 2', async (_name, files, arg, message) => {
    const dir = tempProject(files);
    const r = await runCli(dir, 'placeholders', arg);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('a loop of links and a name too long are said as what they are, in placeholders as in check (qa: raw ELOOP text; "no such file")', async () => {
    const dir = tempProject();
    symlinkSync('loop2.md', join(dir, 'loop1.md'));
    symlinkSync('loop1.md', join(dir, 'loop2.md'));
    const loop = await runCli(dir, 'placeholders', 'loop1.md');
    expect([loop.code, loop.stderr]).toEqual([2, 'specfill: loop1.md: is a symbolic link that leads back to itself (a loop of links)\n  hint: point the link at a file, or name the file itself\n']);
    for (const command of ['check', 'placeholders']) {
      const long = await runCli(dir, command, `${'a'.repeat(300)}.md`);
      expect([command, long.code, long.stderr.split('\n')[0]]).toEqual([command, 2, `specfill: ${'a'.repeat(300)}.md: cannot be read: its name is too long for the file system`]);
    }
    // A file used as a folder, in every command (review: raw ENOTDIR text in placeholders).
    writeFileSync(join(dir, 'a.md'), '# A\n');
    for (const command of ['check', 'placeholders']) expect((await runCli(dir, command, 'a.md/x.md')).stderr).toContain('a.md/x.md: cannot be read: a part of its path is a file, not a folder');
  });

  it('a file over the size limit', async () => {
    const dir = tempProject({ 'big.md': `# Big\n\n${'x'.repeat(2000)}\n` });
    const r = await runCli(dir, 'placeholders', 'big.md', '--max-file-bytes', '1000');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('big.md: is 2008 bytes, over the limit of 1000 bytes');
  });

  it('status holds the config\'s maxFileBytes, and --max-file-bytes overrides it', async () => {
    const dir = tempProject({ 'specs/big.md': `# Big\n\n${'x'.repeat(2000)}\n`, 'specs/small.md': '# Small\n', 'specfill.config.json': '{"maxFileBytes": 1000}' });
    const r = await runCli(dir, 'status');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('specs/big.md: is 2008 bytes, over the limit of 1000 bytes');
    expect(r.stdout).toContain('Small');
    expect((await runCli(dir, 'status', '--max-file-bytes', '3000')).code).toBe(0);
    // sync, set-status and fill hold it too (code review).
    writeFileSync(join(dir, 'a.json'), '{"x": "y"}');
    for (const args of [['sync', 'specs/big.md'], ['set-status', 'specs/big.md', 'withdrawn'], ['fill', 'specs/big.md', '--answers', 'a.json']]) {
      const r = await runCli(dir, ...args);
      expect([args[0], r.code, r.stderr]).toEqual([args[0], 2, expect.stringContaining('over the limit of 1000 bytes')]);
    }
  });

  it('every command that reads one spec holds the config\'s maxFileBytes, as the "too large" message says (it was 10 MiB for some)', async () => {
    const big = `# Big\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: Say what it is -->\n\n${'x'.repeat(2000)}\n`;
    const server = await startFakeOpenAI([{ text: 'An answer.' }]);
    try {
      const agent = `"agent": {"provider": "openai-compatible", "model": "m", "baseURL": "${server.baseURL}"}`;
      const dir = tempProject({ 'specs/big.md': big, 'specfill.config.json': `{"maxFileBytes": 1000, ${agent}}` });
      const commands = [['placeholders', 'specs/big.md'], ['prompt', 'specs/big.md', '--placeholder', 'overview'], ['fill', 'specs/big.md', '--interactive'], ['fill', 'specs/big.md', '--agent']];
      for (const args of commands) {
        const r = await runCli(dir, ...args);
        expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 2, expect.stringContaining('specs/big.md: is 2065 bytes, over the limit of 1000 bytes')]);
      }
      expect(readFileSync(join(dir, 'specs/big.md'), 'utf8')).toBe(big);
      // Raised in the config, as the message says, each reads it.
      writeFileSync(join(dir, 'specfill.config.json'), `{"maxFileBytes": 3000, ${agent}}`);
      expect((await runCli(dir, 'placeholders', 'specs/big.md', '--json')).stdout).toContain('"id": "overview"');
      expect((await runCli(dir, 'prompt', 'specs/big.md', '--placeholder', 'overview')).code).toBe(0);
      const drafted = await runCli(dir, 'fill', 'specs/big.md', '--agent');
      expect([drafted.code, readFileSync(join(dir, 'specs/big.md'), 'utf8')]).toEqual([0, expect.stringContaining('An answer.')]);
      // --max-file-bytes still says more than the config.
      expect((await runCli(dir, 'placeholders', 'specs/big.md', '--max-file-bytes', '1000')).code).toBe(2);
      // A file just under the limit that the answers take past it is drafted whole, not stopped halfway (code review).
      const two = `# Two\n\n## A\n\n<!-- AGENT_PLACEHOLDER: a -->\n\n## B\n\n<!-- AGENT_PLACEHOLDER: b -->\n`;
      writeFileSync(join(dir, 'specs/two.md'), two);
      const long = await startFakeOpenAI([{ text: 'z'.repeat(300) }]);
      try {
        writeFileSync(join(dir, 'specfill.config.json'), `{"maxFileBytes": ${Buffer.byteLength(two) + 20}, "agent": {"provider": "openai-compatible", "model": "m", "baseURL": "${long.baseURL}"}}`);
        const whole = await runCli(dir, 'fill', 'specs/two.md', '--agent');
        expect([whole.code, whole.stderr]).toEqual([0, expect.not.stringContaining('over the limit')]);
        expect(readFileSync(join(dir, 'specs/two.md'), 'utf8').split('z'.repeat(300)).length).toBe(3);
      } finally {
        await long.close();
      }
    } finally {
      await server.close();
    }
  });

  it('warns about a malformed marker on stderr, with its place', async () => {
    const dir = tempProject({ 'm.md': '# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: open\n' });
    const r = await runCli(dir, 'placeholders', 'm.md');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('m.md:5:1: warning: AGENT_PLACEHOLDER comment is never closed');
  });
});

describe('specfill templates', () => {
  it('lists the built-in tech-spec template', async () => {
    const dir = tempProject();
    const r = await runCli(dir, 'templates', '--json');
    expect(JSON.parse(r.stdout)).toEqual([{
      id: 'tech-spec', name: 'Technical Specification', version: '1', origin: 'built-in',
      path: 'built-in:tech-spec.md', description: '', sections: 21, placeholders: 21,
    }]);
    const human = await runCli(dir, 'templates');
    expect(human.stdout).toMatch(/^tech-spec\s+1\s+built-in:tech-spec\.md\s+21\s+21\s+Technical Specification$/m);
  });

  it('says how to show a template when given its id without `show` (exit 2)', async () => {
    const r = await runCli(tempProject(), 'templates', 'tech-spec');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '',
      'specfill: `tech-spec` is not a `templates` command (they are: list, show)\n  hint: to print one template\'s outline: specfill templates show tech-spec\n']);
    // A slip for a command is said so (qa); `templates --help` lists the options of `list`, its default.
    const slip = await runCli(tempProject(), 'templates', 'shwo', 'tech-spec');
    expect([slip.code, slip.stderr]).toEqual([2, 'specfill: `shwo` is not a `templates` command (they are: list, show): did you mean `show`?\n  hint: specfill templates show tech-spec\n']);
    expect((await runCli(tempProject(), 'templates', '--help')).stdout).toContain('Options of `templates list` (the default):\n  --json  print JSON');
  });

  it('takes project templates from .specfill/templates, overriding built-ins by id', async () => {
    const dir = tempProject({
      '.specfill/templates/tech-spec.md': '# Our spec\n\n## Why\n\n<!-- AGENT_PLACEHOLDER: Why? -->\n',
      '.specfill/templates/adr.md': '---\nid: adr\nname: Decision record\nversion: 2\ndescription: One decision.\n---\n# ADR\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: What was decided -->\n',
    });
    const list = JSON.parse((await runCli(dir, 'templates', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(list.map((t) => [t.id, t.origin, t.version, t.name, t.description])).toEqual([
      ['adr', 'project', '2', 'Decision record', 'One decision.'],
      ['tech-spec', 'project', '1', 'Our spec', ''],
    ]);
    // A slot of the specs' own front matter is no description of the template (an EIP's `description: <Description is one full sentence>`).
    writeFileSync(join(dir, '.specfill/templates/eip.md'), '---\ntitle: <The EIP title>\ndescription: <Description is one full (short) sentence>\n---\n\n## Abstract\n\n<!-- Summarise it. -->\n');
    const eip = (JSON.parse((await runCli(dir, 'templates', '--json')).stdout) as Array<Record<string, unknown>>).find((t) => t.id === 'eip')!;
    expect(eip.description).toBe('');
    // Listed by id, case aside first (review: by code unit, `Zeta` came before `adr`).
    writeFileSync(join(dir, '.specfill/templates/Zeta.md'), '# Z\n\n## A\n\n<!-- a -->\n');
    writeFileSync(join(dir, '.specfill/templates/ADR-lite.md'), '# L\n\n## A\n\n<!-- a -->\n');
    expect((JSON.parse((await runCli(dir, 'templates', '--json')).stdout) as Array<{ id: string }>).map((t) => t.id)).toEqual(['adr', 'ADR-lite', 'eip', 'tech-spec', 'Zeta']);
    await runCli(dir, 'new', 'adr', '--title', 'Use Postgres');
    const text = readFileSync(join(dir, 'specs', 'use-postgres.md'), 'utf8');
    expect(text).toContain('template: adr@2');
    expect(text.endsWith('# ADR\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: What was decided -->\n')).toBe(true);
  });

  it('takes project templates from the config\'s templatesDir, for listing and for new', async () => {
    const dir = tempProject({
      'specfill.config.json': JSON.stringify({ templatesDir: 'docs/templates' }),
      'docs/templates/adr.md': '# ADR\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: What was decided -->\n',
    });
    const list = JSON.parse((await runCli(dir, 'templates', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(list.map((t) => t.id)).toEqual(['adr', 'tech-spec']);
    expect((await runCli(dir, 'templates', 'show', 'adr')).code).toBe(0);
    expect((await runCli(dir, 'new', 'adr', '--title', 'Use Postgres')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'use-postgres.md'), 'utf8')).toContain('template: adr@1');
  });

  it('every command that reads templates warns when the config\'s templatesDir does not exist', async () => {
    const dir = tempProject({ 'specfill.config.json': JSON.stringify({ templatesDir: 'docs/templats' }) });
    const warning = "specfill: warning: the config's `templatesDir` (docs/templats) does not exist: no project template is read from it\n";
    for (const args of [['templates'], ['templates', 'show', 'tech-spec'], ['new', 'tech-spec', '--title', 'A'], ['status'], ['sync'], ['index'], ['set-status', 'specs/a.md', 'draft']]) {
      const r = await runCli(dir, ...args);
      expect([args.join(' '), r.stderr]).toEqual([args.join(' '), warning]);
    }
    mkdirSync(join(dir, 'docs', 'templats'), { recursive: true });
    expect((await runCli(dir, 'templates')).stderr).toBe('');
  });

  it('refuses a template whose placeholder is broken, whose `optional` names no section of it, or whose id another file has too; each error placed', async () => {
    const dir = tempProject({
      '.specfill/templates/open.md': '# T\n\n## Summary\n\n<!-- AGENT_PLACEHOLDER: what\n\n## Appendix\n\nx\n',
      '.specfill/templates/blank.md': '# T\n\n## Summary\n\n<!-- AGENT_PLACEHOLDER: -->\n',
      '.specfill/templates/opt.md': '---\nid: opt\noptional: [summary, apendix]\n---\n# T\n\n## Summary\n\nSay it.\n\n## Appendix\n\nMore.\n',
      '.specfill/templates/t.md': '# T\n\n## Summary\n\nSay it.\n',
      '.specfill/templates/zz.md': '---\nname: Z\nid: t\n---\n# Z\n\n## Security\n\nSay it.\n',
      '.specfill/templates/child.md': '---\nextends: t\n---\n## Notes\n\nMore.\n',
      '.specfill/templates/on-open.md': '---\nextends: open\n---\n## More\n\nMore.\n',
      'specs/a.md': '---\ntitle: A\ntemplate: t\n---\n# A\n\n## Summary\n\nDone.\n',
    });
    const list = await runCli(dir, 'templates', '--json');
    expect(list.code).toBe(2);
    expect((JSON.parse(list.stdout) as Array<{ id: string }>).map((t) => t.id)).toEqual(['tech-spec']);
    expect(list.stderr.split('\n').filter((l) => l.startsWith('specfill:')).sort()).toEqual([
      'specfill: .specfill/templates/blank.md:5:1: AGENT_PLACEHOLDER comment has no instruction: write what the section needs after `AGENT_PLACEHOLDER:`',
      'specfill: .specfill/templates/open.md:5:1: AGENT_PLACEHOLDER comment is never closed, so it hides the section `## Appendix`: add `-->` at the end of its instruction',
      'specfill: .specfill/templates/opt.md:3:1: front matter `optional` names `apendix` (did you mean `appendix`?), which is no section of this template',
      'specfill: .specfill/templates/on-open.md:2:1: `extends: open`: template `open` cannot be used: .specfill/templates/open.md:5:1: AGENT_PLACEHOLDER comment is never closed, so it hides the section `## Appendix`: add `-->` at the end of its instruction',
      'specfill: .specfill/templates/child.md:2:1: `extends: t`: template `t` cannot be used: .specfill/templates/zz.md:3:1: two project templates have the id `t`: .specfill/templates/t.md and .specfill/templates/zz.md',
      'specfill: .specfill/templates/zz.md:3:1: two project templates have the id `t`: .specfill/templates/t.md and .specfill/templates/zz.md',
    ].sort());
    const check = await runCli(dir, 'check', 'specs/a.md');
    expect([check.code, check.stderr]).toEqual([2, expect.stringContaining('two project templates have the id `t`')]);
  });

  it('a template file of the config\'s mapping with the id of a project template is reported as two of one id; one with a built-in\'s id replaces it, as a project template does (qa: hidden, and two templates of one id in one report)', async () => {
    const dir = tempProject({
      '.specfill/templates/mini.md': '# Mini\n\n## Summary\n\n<!-- AGENT_PLACEHOLDER: s -->\n',
      'docs/dup.md': '---\nid: mini\nversion: 4\n---\n# D\n\n## Other\n\nSay it.\n',
      'docs/tpl/tech-spec.md': '---\nname: Our tech spec\n---\n# T\n\n## Design\n\nSay it.\n',
      'specfill.config.json': JSON.stringify({ templates: { 'specs/z.md': 'docs/dup.md', 'specs/t.md': 'docs/tpl/tech-spec.md', 'specs/m2.md': '.specfill/templates/mini.md' } }),
      'specs/m.md': '---\ntitle: M\ntemplate: mini\n---\n# M\n\n## Summary\n\nDone.\n',
    });
    const list = await runCli(dir, 'templates', '--json');
    expect([list.code, (JSON.parse(list.stdout) as Array<{ id: string; name: string }>).map((t) => `${t.id} ${t.name}`)]).toEqual([2, ['tech-spec Our tech spec']]);
    expect(list.stderr).toContain('specfill: docs/dup.md:2:1: two templates have the id `mini`: .specfill/templates/mini.md and docs/dup.md (config `templates`)\n');
    expect((await runCli(dir, 'check', 'specs/m.md')).code).toBe(2);
    // The project template mapped by its own path is that template: no second one.
    rmSync(join(dir, 'docs', 'dup.md'));
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ templates: { 'specs/m2.md': '.specfill/templates/mini.md' } }));
    expect((await runCli(dir, 'templates')).code).toBe(0);
  });

  it('a template file of the config\'s mapping that is refused is placed at its line and column in `templates` too', async () => {
    const dir = tempProject({ 'docs/template.md': '# T\n\n## S\n\n<!-- AGENT_PLACEHOLDER: s\n', 'specfill.config.json': JSON.stringify({ templates: { 'docs/**/*.md': 'docs/template.md' } }) });
    const r = await runCli(dir, 'templates');
    expect([r.code, r.stderr]).toEqual([2, 'specfill: docs/template.md:5:1: template file docs/template.md (config `templates`): AGENT_PLACEHOLDER comment is never closed: add `-->` at the end of its instruction\n']);
  });

  it('a template refused under an id other than its file name gives its error to the specs that name that id; `optional` may name a heading without its (Optional) mark', async () => {
    const dir = tempProject({
      '.specfill/templates/foo.md': '---\nid: bar\n---\n# Bar\n\n## S\n\n<!-- AGENT_PLACEHOLDER: s\n\n## T\n\nt\n',
      '.specfill/templates/kep.md': '---\noptional: [user-stories, user-stories/story-1]\n---\n# K\n\n## User Stories (Optional)\n\n### Story 1\n\n<!-- story -->\n',
      'specs/a.md': '---\ntitle: A\ntemplate: bar\n---\n# A\n\n## S\n\nS.\n',
    });
    const check = await runCli(dir, 'check', 'specs/a.md');
    expect([check.code, check.stderr.split('\n')[0]]).toEqual([2, 'specfill: specs/a.md: template `bar` cannot be used: .specfill/templates/foo.md:8:1: AGENT_PLACEHOLDER comment is never closed, so it hides the section `## T`: add `-->` at the end of its instruction']);
    expect((JSON.parse((await runCli(dir, 'templates', '--json')).stdout) as Array<{ id: string }>).map((t) => t.id)).toEqual(['kep', 'tech-spec']);
  });

  it('a broken project template fails only what uses it', async () => {
    const dir = tempProject({
      '.specfill/templates/loop.md': '---\nextends: nope\n---\n# Loop\n',
      '.specfill/templates/latin1.md': new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      '.specfill/templates/adr.md': '# ADR\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: What was decided -->\n',
      'specs/uses-loop.md': '---\ntitle: L\ntemplate: loop\n---\n# L\n',
    });
    // Listing shows the usable ones and reports the others (exit 2).
    const list = await runCli(dir, 'templates', '--json');
    expect(list.code).toBe(2);
    expect((JSON.parse(list.stdout) as Array<{ id: string }>).map((t) => t.id)).toEqual(['adr', 'tech-spec']);
    expect(list.stderr).toContain('`extends: nope`: no such template');
    expect(list.stderr).toContain('.specfill/templates/latin1.md:1:6: is not valid UTF-8');
    // Commands that do not need them work.
    expect((await runCli(dir, 'new', 'tech-spec', '--title', 'Fine')).code).toBe(0);
    expect((await runCli(dir, 'new', 'adr', '--title', 'Also fine')).code).toBe(0);
    const check = await runCli(dir, 'check', 'specs/fine.md', '--format', 'json');
    expect(JSON.parse(check.stdout).files.map((f: { path: string }) => f.path)).toEqual(['specs/fine.md']);
    // What needs one gets its error.
    const bad = await runCli(dir, 'new', 'loop', '--title', 'X');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('`extends: nope`: no such template')]);
    const status = await runCli(dir, 'status', '--json');
    expect(status.code).toBe(2);
    const json = JSON.parse(status.stdout) as StatusJson;
    // As with an unknown template: the spec is listed, and its template's error reported.
    expect(json.specs.map((s) => s.path)).toEqual(['specs/also-fine.md', 'specs/fine.md', 'specs/uses-loop.md']);
    expect(json.errors.map((e) => [e.path, e.code])).toEqual([['specs/uses-loop.md', 'INVALID_TEMPLATE']]);
    // One line: the template's own hint is not folded into the message (lifecycle QA).
    expect((json.errors[0] as unknown as { message: string }).message).toBe('template `loop` cannot be used: .specfill/templates/loop.md:2:1: `extends: nope`: no such template; known templates: adr, tech-spec');
    expect(status.stderr).toContain('specs/uses-loop.md: template `loop` cannot be used: .specfill/templates/loop.md:2:1: `extends: nope`: no such template');
  });

  it('shows an outline with each placeholder id and instruction', async () => {
    const dir = tempProject();
    const r = await runCli(dir, 'templates', 'show', 'tech-spec');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}Data Model\n {4}architecture\/data-model {2}Describe the data model, entities, and their relationships$/m);
    const json = JSON.parse((await runCli(dir, 'templates', 'show', 'tech-spec', '--json')).stdout);
    expect(json.titlePlaceholders.map((p: { id: string }) => p.id)).toEqual(['title']);
    expect(json.sections.map((s: { id: string }) => s.id)).toContain('architecture');
    expect(json.placeholders).toBe(21);
  });

  it('shows a template named by its file, as `check` reads one, from the working folder and inside the project only; a stand-in title names no template (blind QA, ADR)', async () => {
    const dir = tempProject({
      'specfill.config.json': '{}',
      'docs/rfc.md': '- Start Date: (fill me in)\n\n# Summary\n\nBrief explanation.\n\n# Motivation\n\nWhy?\n',
      'adr/nygard/README.md': '# Title\n\n## Context\n\n<!-- c -->\n',
    });
    const fromDocs = await runCli(join(dir, 'docs'), 'templates', 'show', './rfc.md');
    expect([fromDocs.code, fromDocs.stderr]).toEqual([0, '']);
    expect(fromDocs.stdout.split('\n').slice(0, 5)).toEqual(['rfc@1  rfc  (rfc.md)', '', '  “Start Date: (fill me in)”', 'Summary', '  “Brief explanation.”']);
    const json = JSON.parse((await runCli(dir, 'templates', 'show', 'adr/nygard/README.md', '--json')).stdout);
    expect([json.id, json.name, json.sections.map((x: { id: string }) => x.id)]).toEqual(['nygard', 'nygard', ['context']]);
    const missing = await runCli(dir, 'templates', 'show', 'docs/nope.md');
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', 'specfill: docs/nope.md: no such file\n']);
    const outside = await runCli(dir, 'templates', 'show', '../outside.md');
    expect([outside.code, outside.stderr.split('\n')[0]]).toEqual([2, 'specfill: ../outside.md is outside the project root']);
    // Named in the config's mapping, it is listed by its id, and by its own name, not "Title".
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ templates: { 'decisions/*.md': 'adr/nygard/README.md' } }));
    const list = await runCli(dir, 'templates');
    expect(list.stdout.split('\n').find((l) => l.startsWith('nygard'))).toMatch(/^nygard\s+1\s+adr\/nygard\/README\.md\s+1\s+0\s+nygard$/);
  });

  it('a comment on the line right above a heading is that section\'s guidance, not the one above\'s (blind QA, MADR)', async () => {
    const dir = tempProject({ '.specfill/templates/madr.md': '# {short title}\n\n## Context\n\n{Describe the context.}\n\n<!-- This is an optional element. Feel free to remove. -->\n## Decision Drivers\n\n* {driver 1}\n\n<!-- A note on the options. -->\n\n## Options\n\n* {option 1}\n' });
    const json = JSON.parse((await runCli(dir, 'templates', 'show', 'madr', '--json')).stdout);
    expect(json.sections.map((x: { id: string; optional: boolean; comments: string[] }) => [x.id, x.optional, x.comments])).toEqual([
      ['context', false, []],
      // (With a blank line before the next heading, a comment ends the section above.)
      ['decision-drivers', true, ['This is an optional element. Feel free to remove.', 'A note on the options.']],
      ['options', false, []],
    ]);
  });

  it('shows guidance other than placeholders: comments, prose to replace, and optional sections', async () => {
    const dir = tempProject({
      '.specfill/templates/kep.md': '---\nid: kep\noptional: [risks, optional-dependencies]\n---\n# KEP-NNNN: Title\n\n<!-- Keep the title short. -->\n\n## Summary\n\n<!--\nOne paragraph\nthat a release note can use.\n-->\n\n'
        + '## Risks\n\nList the risks and how each is mitigated.\n\n### Story 1 (Optional)\n\n## Plan\n\n<!-- AGENT_PLACEHOLDER: The plan -->\n\n## Open issues (if applicable)\n\n<!-- o -->\n\n## Optional dependencies\n\n<!-- d -->\n',
    });
    const r = await runCli(dir, 'templates', 'show', 'kep');
    expect(r.stdout.split('\n').slice(2)).toEqual([
      'KEP-NNNN: Title (title)',
      '  <!-- Keep the title short. -->',
      'Summary',
      '  <!-- One paragraph that a release note can use. -->',
      'Risks  (optional)',
      '  “List the risks and how each is mitigated.”',
      '  Story 1 (Optional)',
      'Plan',
      '  plan  The plan',
      // "(if applicable)" makes a section optional, and does not say so to every reader (blind QA, Go proposal).
      'Open issues (if applicable)  (optional)',
      '  <!-- o -->',
      'Optional dependencies  (optional)',
      '  <!-- d -->',
      '',
    ]);
    const json = JSON.parse((await runCli(dir, 'templates', 'show', 'kep', '--json')).stdout);
    expect(json.titleComments).toEqual(['Keep the title short.']);
    expect(json.titleGuidance).toBe('');
    expect(json.sections.map((s: { id: string; optional: boolean; guidance: string; comments: string[] }) => [s.id, s.optional, s.guidance, s.comments])).toEqual([
      ['summary', false, '', ['One paragraph that a release note can use.']],
      ['risks', true, 'List the risks and how each is mitigated.', []],
      ['plan', false, '', []],
      ['open-issues-if-applicable', true, '', ['o']],
      ['optional-dependencies', true, '', ['d']],
    ]);
    // A section called "Title" has the id `title`, as the part under the title does: each keeps its own guidance.
    writeFileSync(join(dir, '.specfill', 'templates', 'doc.md'), '---\nid: doc\n---\n# Doc\n\nSay what it is.\n\n## Title\n\nName it well.\n');
    const doc = JSON.parse((await runCli(dir, 'templates', 'show', 'doc', '--json')).stdout);
    expect([doc.titleGuidance, doc.sections[0].id, doc.sections[0].guidance]).toEqual(['Say what it is.', 'title', 'Name it well.']);
    // A table of guidance is shown as its rows read, without the marks that make each row a sentence to compare (blind QA).
    writeFileSync(join(dir, '.specfill', 'templates', 'plan.md'), '---\nid: plan\n---\n# Plan\n\n## Milestones\n\n| Milestone | Date |\n| --- | --- |\n| Launch | YYYY-MM-DD |\n');
    const plan = JSON.parse((await runCli(dir, 'templates', 'show', 'plan', '--json')).stdout);
    expect(plan.sections[0].guidance).toBe('| Milestone | Date | | --- | --- | | Launch | YYYY-MM-DD |');
  });

  it('reads a comment the template closes with `<!--` instead of `-->`, over a heading it would hide, as closed there, and says so (blind QA, KubeVirt VEPs)', async () => {
    const template = '# VEP #NNNN: Title\n\n## Non Goals\n\n<!--\nLimitations to the scope of the design\n<!--\n\n## Definition of Users\n\n<!--\nWho is this feature set intended for\n-->\n\n## Notes\n\n```html\n<!--\n```\n\n## Last\n\n<!-- l -->\n';
    const dir = tempProject({ '.specfill/templates/vep.md': template, 'specs/x.md': '# VEP 1: Metadata\n\n## Non Goals\n\nNone.\n\n## Definition of Users\n\nVM owners.\n\n## Notes\n\nN.\n\n## Last\n\nL.\n' });
    const shown = await runCli(dir, 'templates', 'show', 'vep', '--json');
    expect((JSON.parse(shown.stdout) as { sections: Array<{ heading: string }> }).sections.map((x) => x.heading)).toEqual(['Non Goals', 'Definition of Users', 'Notes', 'Last']);
    expect(shown.stderr).toBe('specfill: .specfill/templates/vep.md:7: a comment is closed with "<!--", not "-->"; read as "-->", so the headings after it are sections; fix the template\n');
    const check = await runCli(dir, 'check', 'specs/x.md', '--format', 'json');
    expect(JSON.parse(check.stdout).files[0].findings).toEqual([]);
    // A spec from it gets the comment closed.
    expect((await runCli(dir, 'new', 'vep', '--title', 'Hotplug')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'hotplug.md'), 'utf8')).toContain('<!--\nLimitations to the scope of the design\n-->\n\n## Definition of Users');
  });

  it('rejects an unknown template id with the known ones', async () => {
    const r = await runCli(tempProject(), 'templates', 'show', 'rfc');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown template `rfc`; known templates: tech-spec');
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command or a missing option, 0 on --help and --version', async () => {
    const dir = tempProject();
    expect((await runCli(dir, 'frobnicate')).code).toBe(2);
    expect((await runCli(dir, 'new', 'tech-spec')).code).toBe(2);
    // `help` with an unknown command says so, with the one meant (qa: the whole help, and nothing about the name).
    const unknown = await runCli(dir, 'help', 'chek');
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([2, '', "specfill: unknown command 'chek' (did you mean check?)\n  hint: specfill --help lists the commands\n"]);
    const help = await runCli(dir, '--help');
    expect(help.code).toBe(0);
    for (const command of ['templates', 'new', 'placeholders', 'status']) expect(help.stdout).toContain(command);
    for (const n of ['', '0x1', '1.5', '-2', '-1.5']) expect((await runCli(dir, 'check', '--max-warnings', n)).code, n).toBe(2);
    // Bad usage under --json is still one JSON document.
    for (const args of [['status', '--sort', 'bogus', '--json'], ['new', 'tech-spec', '--json'], ['render', '--out', 'site', '--json']]) {
      const r = await runCli(dir, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout).error, args.join(' ')).toMatchObject({ code: 'USAGE', message: expect.any(String) });
    }
    const version = await runCli(dir, '--version');
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version;
    expect(version.stdout.trim()).toBe(pkg);
    // The built binary answers a bare --version before loading the CLI; with more arguments, the CLI does.
    for (const args of [['--version'], ['-v'], ['--version', 'check']]) expect(spawnCli(dir, ...args), args.join(' ')).toEqual({ code: 0, stdout: `${pkg}\n`, stderr: '' });
  });
});

it('the built-in tech-spec template is the seed, byte for byte', async () => {
  const { createHash } = await import('node:crypto');
  expect(createHash('sha256').update(readFileSync(join(import.meta.dirname, '..', 'templates', 'tech-spec.md'))).digest('hex'))
    .toBe('8bc7c5d6841ccc12fd9134c9bf17e6155af6ca94965b4feaa35c8897bb88a561');
  expect(SEED.length).toBeGreaterThan(0);
});

it('counts a title the template only stands in for as a part to write: kept as the template\'s, status and check say the spec is not complete (blind QA: 100% beside an error)', async () => {
  const dir = tempProject({
    'tpl.md': '# Feature name\n\n## Introduction\n\n<!-- Describe the feature. -->\n\n## Motivation\n\n<!-- Why? -->\n',
    'a.md': '# Feature name\n\n## Introduction\n\nWritten.\n\n## Motivation\n\nBecause.\n',
    'specfill.config.json': JSON.stringify({ specs: ['a.md'], templates: { 'a.md': 'tpl.md' } }),
  });
  const status = async (): Promise<unknown[]> => (JSON.parse((await runCli(dir, 'status', '--json')).stdout) as StatusJson).specs.map((s) => [s.completeness, s.sectionsFilled, s.sectionsGuided]);
  const check = async (): Promise<unknown[]> => (JSON.parse((await runCli(dir, 'check', '--format', 'json')).stdout) as { files: Array<{ completeness: number; findings: Array<{ rule: string; line: number }> }> }).files
    .map((f) => [f.completeness, f.findings.map((x) => `${x.rule}:${x.line}`)]);
  expect(await status()).toEqual([[2 / 3, 2, 3]]);
  expect(await check()).toEqual([[2 / 3, ['empty-section:1']]]);
  writeFileSync(join(dir, 'a.md'), readFileSync(join(dir, 'a.md'), 'utf8').replace('# Feature name', '# Rate limits'));
  expect(await status()).toEqual([[1, 3, 3]]);
  expect(await check()).toEqual([[1, []]]);
});

it('status matches templates through the config like check does', async () => {
  const dir = tempProject({
    'keps/NNNN-kep-template/README.md': '# KEP-NNNN: Title\n\n## Summary\n\n<!-- One paragraph. -->\n\n## Motivation\n\n<!-- Why? -->\n',
    'keps/sig-x/1-thing/README.md': '# KEP-1: Thing\n\n## Summary\n\nIt does a thing.\n\n## Motivation\n\n<!-- Why? -->\n',
    'specfill.config.yaml': 'specs: ["keps/sig-*/**/README.md"]\ntemplates:\n  "keps/**/README.md": keps/NNNN-kep-template/README.md\n',
  });
  const json = JSON.parse((await runCli(dir, 'status', '--json')).stdout) as StatusJson;
  // The title (the template's only stands in for one), Summary written; Motivation not.
  expect(json.specs.map((s) => [s.path, s.completeness])).toEqual([['keps/sig-x/1-thing/README.md', 2 / 3]]);
  // The template as check names it, whether mapped by the config or named without a version.
  const check = JSON.parse((await runCli(dir, 'check', '--format', 'json')).stdout) as { files: Array<{ template: string }> };
  expect(json.specs.map((s) => s.template)).toEqual(check.files.map((f) => f.template));
  const rfc = tempProject({
    '.specfill/templates/rfc.md': '---\nid: rfc\nversion: 3\n---\n# RFC\n\n## Motivation\n\n<!-- Why? -->\n',
    'specs/x.md': '---\ntitle: X\ntemplate: rfc\n---\n# X\n\n## Motivation\n\nBecause.\n',
    'specs/y.md': '---\ntitle: Y\ntemplate: gone\n---\n# Y\n',
    'specs/z.md': '---\ntitle: Z\ntemplate: rfc@1\n---\n# Z\n\n## Motivation\n\nBecause.\n',
  });
  const rfcStatus = JSON.parse((await runCli(rfc, 'status', '--json')).stdout) as StatusJson;
  // A bare id gets its version; a recorded version stays as written, so specs left behind are found.
  expect(rfcStatus.specs.map((s) => s.template)).toEqual(['rfc@3', 'gone', 'rfc@1']);
  const behind = JSON.parse((await runCli(rfc, 'status', '--json', '--template', 'rfc@1')).stdout) as StatusJson;
  expect(behind.specs.map((s) => s.title)).toEqual(['Z']);
});

it('finds the same specs from any folder of the project, and new writes to specs/ at the root', async () => {
  const dir = tempProject({ 'specfill.config.json': JSON.stringify({ specs: ['rfcs/**/*.md'] }), 'rfcs/one.md': '# One\n', 'docs/notes.txt': 'x' });
  for (const cwd of [dir, join(dir, 'docs'), join(dir, 'rfcs')]) {
    const status = await runCli(cwd, 'status', '--json');
    expect(status.code, cwd).toBe(0);
    expect((JSON.parse(status.stdout) as StatusJson).specs.map((s) => s.title), cwd).toEqual(['One']);
    const check = JSON.parse((await runCli(cwd, 'check', '--format', 'json')).stdout) as { files: unknown[] };
    expect(check.files, cwd).toHaveLength(1);
  }
  // A config glob that matches nothing yet is not an error.
  const empty = tempProject({ 'specfill.config.json': JSON.stringify({ specs: ['rfcs/**/*.md'] }) });
  expect(await runCli(empty, 'status')).toMatchObject({ code: 0, stdout: 'no specs found\n' });
  const plain = tempProject({ 'specs/a.md': '# A\n' });
  expect((await runCli(join(plain, 'specs'), 'new', 'tech-spec', '--title', 'From inside')).code).toBe(0);
  expect(readFileSync(join(plain, 'specs', 'from-inside.md'), 'utf8')).toContain('title: From inside');
});

it('status --template takes an id or an exact id@version', async () => {
  const dir = tempProject();
  await runCli(dir, 'new', 'tech-spec', '--title', 'A');
  const titles = async (...args: string[]): Promise<string[]> => (JSON.parse((await runCli(dir, 'status', '--json', ...args)).stdout) as StatusJson).specs.map((s) => s.title);
  expect(await titles('--template', 'tech-spec')).toEqual(['A']);
  expect(await titles('--template', 'tech-spec@1')).toEqual(['A']);
  expect(await titles('--template', 'tech-spec@2')).toEqual([]);
});

it('a title running over lines (setext) is one line in status', async () => {
  const dir = tempProject({ 'specs/st.md': 'Line one\nline two\n===\n\nbody\n' });
  expect((JSON.parse((await runCli(dir, 'status', '--json')).stdout) as StatusJson).specs[0]!.title).toBe('Line one line two');
});

it('a folder walk follows links to folders, as a glob does, and walks a folder once', async () => {
  const dir = tempProject({ 'shared/s.md': '# S\n', 'specs/a.md': '# A\n' });
  execFileSync('ln', ['-s', '../shared', join(dir, 'specs', 'team')]);
  execFileSync('ln', ['-s', '..', join(dir, 'specs', 'team', 'loop')]);
  const titles = async (...paths: string[]): Promise<string[]> => (JSON.parse((await runCli(dir, 'status', '--json', ...paths)).stdout) as StatusJson).specs.map((s) => s.title).sort();
  expect(await titles()).toEqual(['A', 'S']);
  expect(await titles('specs')).toEqual(['A', 'S']);
  expect(await titles('specs/**/*.md')).toEqual(['A', 'S']);
  // A file reached through a link to a folder of the project is that file: listed once, under its own path
  // (blind QA: checked twice, its links resolved from the link's folder).
  const two = tempProject({ 'specs/v2/x.md': '# X\n' });
  execFileSync('ln', ['-s', 'v2', join(two, 'specs', 'current')]);
  expect((JSON.parse((await runCli(two, 'status', '--json', 'specs')).stdout) as StatusJson).specs.map((s) => s.path)).toEqual(['specs/v2/x.md']);
  // One whose target the walk does not find itself keeps the link's path (and what the config maps to it there).
  expect((JSON.parse((await runCli(dir, 'status', '--json', 'specs')).stdout) as StatusJson).specs.map((s) => s.path)).toEqual(['specs/a.md', 'specs/team/s.md']);
});

it('with no paths, specs/ is the project root\'s from any folder', async () => {
  const dir = tempProject({ 'specs/a.md': '# A\n', 'specs/sub/b.md': '# B\n', 'docs/x.md': '# X\n' });
  for (const cwd of [dir, join(dir, 'docs'), join(dir, 'specs', 'sub')]) {
    expect((JSON.parse((await runCli(cwd, 'status', '--json')).stdout) as StatusJson).specs.map((s) => s.title), cwd).toEqual(['A', 'B']);
    expect((JSON.parse((await runCli(cwd, 'check', '--format', 'json')).stdout) as { files: unknown[] }).files, cwd).toHaveLength(2);
  }
});
