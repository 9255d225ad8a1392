import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, tempProject } from './helpers/run-cli.js';
import { parseSpec } from '../src/index.js';

const SEED = readFileSync(join(import.meta.dirname, '..', 'templates', 'tech-spec.md'), 'utf8');

describe('specfill new + placeholders', () => {
  it('creates specs/rate-limiter.md whose placeholders are the seed\'s 20 (title filled)', async () => {
    const dir = tempProject();
    const created = await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const file = join(dir, 'specs', 'rate-limiter.md');
    const text = readFileSync(file, 'utf8');

    const listed = await runCli(dir, 'placeholders', 'specs/rate-limiter.md', '--json');
    expect(listed.code).toBe(0);
    const placeholders = JSON.parse(listed.stdout) as Array<{ id: string; instruction: string; line: number; column: number; section: string[] }>;
    const seedMarkers = [...SEED.matchAll(/<!-- AGENT_PLACEHOLDER: (.*) -->/g)].map((m) => m[1]);
    expect(placeholders.map((p) => p.instruction)).toEqual(seedMarkers.slice(1));
    expect(placeholders.map((p) => p.id)).toEqual([
      'overview', 'goals-and-non-goals/goals', 'goals-and-non-goals/non-goals', 'architecture',
      'architecture/system-components', 'architecture/data-model', 'architecture/api-design',
      'implementation-details', 'implementation-details/dependencies',
      'implementation-details/security-considerations', 'implementation-details/performance-considerations',
      'testing-strategy', 'testing-strategy/unit-tests', 'testing-strategy/integration-tests',
      'testing-strategy/end-to-end-tests', 'deployment-strategy', 'monitoring-and-logging',
      'future-considerations', 'alternative-approaches-considered', 'references',
    ]);
    const lines = text.split('\n');
    for (const p of placeholders) {
      expect(lines[p.line - 1]!.slice(p.column - 1)).toBe(`<!-- AGENT_PLACEHOLDER: ${p.instruction} -->`);
    }
    expect(Object.keys(placeholders[0]!).sort()).toEqual(['column', 'endColumn', 'endLine', 'id', 'instruction', 'line', 'section']);
  });

  it('writes front matter over the template body, byte for byte but the title and a final line break', async () => {
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter', '--owner', 'alice', '--owner', 'bob');
    const text = readFileSync(join(dir, 'specs', 'rate-limiter.md'), 'utf8');
    const m = /^---\n([\s\S]*?)---\n/.exec(text)!;
    expect(parseYaml(m[1]!)).toEqual({ title: 'Rate limiter', template: 'tech-spec@1', status: 'draft', owners: ['alice', 'bob'], created: '2026-11-26', updated: '2026-11-26' });
    // The seed does not end its last line; a new spec does.
    expect(SEED.endsWith('-->')).toBe(true);
    expect(text.slice(m[0].length)).toBe(`${SEED.replace('<!-- AGENT_PLACEHOLDER: Add project title -->', 'Rate limiter')}\n`);
  });

  it('refuses to overwrite (exit 1, file unchanged) unless --force', async () => {
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const file = join(dir, 'specs', 'rate-limiter.md');
    const before = readFileSync(file, 'utf8');
    const again = await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter', '--owner', 'carol');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('specs/rate-limiter.md: already exists');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const forced = await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter', '--owner', 'carol', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('- carol');
    expect(readdirSync(join(dir, 'specs'))).toEqual(['rate-limiter.md']);
  });

  it('never replaces a named pipe or a folder with the spec, --force or not: exit 2, what it is said (qa: a FIFO, and as root /dev/null, became files)', async () => {
    const dir = tempProject();
    execFileSync('mkfifo', [join(dir, 'p.md')]);
    mkdirSync(join(dir, 'folder.md'));
    for (const force of [[], ['--force']]) {
      const pipe = await runCli(dir, 'new', 'tech-spec', '--title', 'F', '--out', 'p.md', ...force);
      expect([pipe.code, pipe.stderr.split('\n')[0]]).toEqual([2, 'specfill: p.md: is a named pipe, not a file; nothing was written']);
      const folder = await runCli(dir, 'new', 'tech-spec', '--title', 'F', '--out', 'folder.md', ...force);
      expect([folder.code, folder.stderr.split('\n')[0]]).toEqual([2, 'specfill: folder.md: is a folder, not a file']);
    }
    expect(lstatSync(join(dir, 'p.md')).isFIFO()).toBe(true);
  });

  it('refuses a version the template is not at, or none after `@`, and writes nothing; `templates show` too (qa: mini@2 wrote from mini@1)', async () => {
    const dir = tempProject();
    for (const [ref, said] of [['tech-spec@2', 'specfill: template `tech-spec` is at version 1, not 2: only the version it is at now can be used here'], ['tech-spec@', 'specfill: `tech-spec@` names no version after `@`']] as const) {
      const r = await runCli(dir, 'new', ref, '--title', 'Rate limiter');
      expect([ref, r.code, r.stderr.split('\n')[0], existsSync(join(dir, 'specs'))]).toEqual([ref, 2, said, false]);
    }
    expect((await runCli(dir, 'templates', 'show', 'tech-spec@x')).code).toBe(2);
    expect((await runCli(dir, 'new', 'tech-spec@1', '--title', 'Rate limiter')).code).toBe(0);
  });

  it('refuses `-o FILE.md`, a path taken for an owner (`-o` is --output in check), and writes nothing (CLI QA)', async () => {
    const dir = tempProject();
    const r = await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter', '-o', 'specs/limiter.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`specs/limiter.md` is given as an owner (`-o` is `--owner` in `new`)');
    expect(r.stderr).toContain('use --out specs/limiter.md');
    expect(existsSync(join(dir, 'specs'))).toBe(false);
    // `draft` shares `-o, --owner`: refused before the model's settings are even read.
    const drafted = await runCli(dir, 'draft', 'tech-spec', '--title', 'Zed', '--brief', 'hi', '-o', 'specs/zed.md');
    expect([drafted.code, drafted.stderr]).toEqual([2, "specfill: `specs/zed.md` is given as an owner (`-o` is `--owner` in `draft`), and it names a Markdown file; nothing was written\n  hint: for the file to write, use --out specs/zed.md\n"]);
    // A team owner with a slash is an owner.
    expect((await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter', '-o', '@org/team')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'rate-limiter.md'), 'utf8')).toContain('  - "@org/team"');
  });

  it('honours --dir, --out and --json', async () => {
    const dir = tempProject();
    const a = await runCli(dir, 'new', 'tech-spec', '--title', 'Login flow', '--dir', 'docs/design', '--json');
    expect(JSON.parse(a.stdout)).toMatchObject({ file: 'docs/design/login-flow.md', template: 'tech-spec@1', title: 'Login flow' });
    expect(JSON.parse(a.stdout).placeholders).toHaveLength(20);
    const b = await runCli(dir, 'new', 'tech-spec', '--title', 'Other', '--out', 'x/y.md');
    expect(b.code).toBe(0);
    expect(existsSync(join(dir, 'x', 'y.md'))).toBe(true);
  });

  it('writes where the config\'s specs globs look when --dir is not given, so that status and check find the new spec', async () => {
    const cases: Array<[string[], string]> = [
      [['docs/rfcs/*.md'], 'docs/rfcs/login-flow.md'],
      [['docs/**/*.md'], 'docs/login-flow.md'],
      [['design'], 'design/login-flow.md'],
      // The root itself (code review: the web UI and MCP made it `/login-flow.md`).
      [['*.md'], 'login-flow.md'],
      [['specs/**/*.md', 'docs/*.md'], 'specs/login-flow.md'],
      // No fixed folder of a glob would find it: specs/, as without globs.
      [['k*/**/README.md'], 'specs/login-flow.md'],
    ];
    for (const [globs, expected] of cases) {
      const dir = tempProject({ 'specfill.config.json': JSON.stringify({ specs: globs }) });
      const r = await runCli(dir, 'new', 'tech-spec', '--title', 'Login flow', '--json');
      expect([globs, JSON.parse(r.stdout).file]).toEqual([globs, expected]);
      if (!expected.startsWith('specs/') || globs[0]!.startsWith('specs')) {
        expect(JSON.parse((await runCli(dir, 'status', '--json')).stdout).specs.map((x: { path: string }) => x.path)).toEqual([expected]);
      }
    }
    // --dir still wins.
    const dir = tempProject({ 'specfill.config.json': JSON.stringify({ specs: ['docs/rfcs/*.md'] }) });
    expect(JSON.parse((await runCli(dir, 'new', 'tech-spec', '--title', 'X', '--dir', 'elsewhere', '--json')).stdout).file).toBe('elsewhere/x.md');
  });

  it('lines up its columns in terminal cells when headings carry emoji (blind QA)', async () => {
    const { displayWidth } = await import('../src/reporters/terminal-text.js');
    const dir = tempProject({ 's.md': '# S\n\n## \u2699\uFE0F Settings\n\n<!-- AGENT_PLACEHOLDER: Every setting -->\n\n## Other things\n\n<!-- AGENT_PLACEHOLDER: More -->\n\n## \u{1F680} Rollout\n\n<!-- AGENT_PLACEHOLDER: Go -->\n' });
    const lines = (await runCli(dir, 'placeholders', 's.md')).stdout.trimEnd().split('\n');
    const columnOf = (line: string, text: string): number => displayWidth(line.slice(0, line.indexOf(text)));
    expect(new Set(lines.map((l, i) => columnOf(l, ['Every setting', 'More', 'Go'][i]!))).size).toBe(1);
    expect(new Set(lines.map((l, i) => columnOf(l, ['\u2699', 'Other', '\u{1F680}'][i]!))).size).toBe(1);
  });

  it('keeps a title that looks like Markdown from changing the document structure', async () => {
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', '# <!-- AGENT_PLACEHOLDER: sneaky -->', '--out', 'odd.md');
    const listed = JSON.parse((await runCli(dir, 'placeholders', 'odd.md', '--json')).stdout) as unknown[];
    expect(listed).toHaveLength(20);
  });

  it('writes the title over a template title heading that only stands in for one, and says what comes next without placeholders (blind QA round 2)', async () => {
    const dir = tempProject({ 'specfill.config.json': '{"templatesDir": "templates"}', 'templates/rfc.md': '# <RFC title>\n\n## Summary\n\nOne paragraph explanation of the feature.\n' });
    const r = await runCli(dir, 'new', 'rfc', '--title', 'Better errors #', '--out', 'rfc.md');
    expect(r.stdout).toBe('created rfc.md from rfc@1: 0 placeholders to fill\nnext: write its sections, then specfill check rfc.md\n');
    const text = readFileSync(join(dir, 'rfc.md'), 'utf8');
    expect(text.slice(text.indexOf('\n---\n') + 5)).toBe('# Better errors \\#\n\n## Summary\n\nOne paragraph explanation of the feature.\n');
    expect(parseSpec(text).title?.text).toBe('Better errors #');
    // A title heading of the template's own words is kept.
    writeFileSync(join(dir, 'templates/own.md'), '# Release checklist\n\n## Steps\n\nList them.\n');
    await runCli(dir, 'new', 'own', '--title', 'v2.1', '--out', 'own.md');
    expect(readFileSync(join(dir, 'own.md'), 'utf8')).toContain('\n# Release checklist\n');
  });

  it('writes the title over a template title that is wholly a slot or a comment: MADR 4\'s {…}, MADR 2\'s […], MADR bare\'s <!-- … -->, {{name}} (blind QA, MADR)', async () => {
    const titles = {
      madr4: '{short title, representative of solved problem and found solution}',
      madr2: '[short title of solved problem and solution]',
      bare: '<!-- short title, representative of solved problem and found solution -->',
      mustache: '{{name}}',
    };
    const dir = tempProject({
      'specfill.config.json': '{"templatesDir": "templates"}',
      ...Object.fromEntries(Object.entries(titles).map(([id, title]) => [`templates/${id}.md`, `# ${title}\n\n## Context and Problem Statement\n\n<!-- c -->\n`])),
      'templates/partly.md': '# Use {tool} for {job}\n\n## Context\n\n<!-- c -->\n',
    });
    for (const id of Object.keys(titles)) {
      expect((await runCli(dir, 'new', id, '--title', 'Use NATS', '--out', `${id}.md`)).code).toBe(0);
      const text = readFileSync(join(dir, `${id}.md`), 'utf8');
      expect(text.slice(text.indexOf('\n---\n') + 5)).toBe('# Use NATS\n\n## Context and Problem Statement\n\n<!-- c -->\n');
    }
    // A title only partly a slot is the template's own words.
    await runCli(dir, 'new', 'partly', '--title', 'Use NATS', '--out', 'partly.md');
    expect(readFileSync(join(dir, 'partly.md'), 'utf8')).toContain('\n# Use {tool} for {job}\n');
  });

  it('writes the title over Nygard\'s `# Title` and drops a placeholder under it that asks for the name alone, so that the spec filled is one check passes; keeps one that asks for more open (blind QA, ADR)', async () => {
    const adr = '# Title\n\n<!-- AGENT_PLACEHOLDER: A short noun phrase naming the decision, such as "ADR 9: LDAP for multitenant integration" -->\n\n## Status\n\n<!-- AGENT_PLACEHOLDER: Proposed, accepted or superseded -->\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: Our response to these forces -->\n';
    const dir = tempProject({
      'specfill.config.json': '{"templatesDir": "templates"}',
      'templates/adr.md': adr,
      'templates/more.md': adr.replace('A short noun phrase naming the decision, such as "ADR 9: LDAP for multitenant integration"', 'Title, authors and date').replace(/\n/g, '\r\n'),
      'answers.yaml': 'status: Accepted\ndecision: We will publish domain events to Kafka.\n',
    });
    const created = await runCli(dir, 'new', 'adr', '--title', 'Use Kafka', '--out', 'adr.md');
    expect(created.stdout).toBe('created adr.md from adr@1: 2 placeholders to fill\nnext: specfill placeholders adr.md\n');
    const text = readFileSync(join(dir, 'adr.md'), 'utf8');
    expect(text.slice(text.indexOf('\n---\n') + 5)).toBe(adr.replace(/^# Title\n\n<!--.*-->\n\n/, '# Use Kafka\n\n'));
    expect((await runCli(dir, 'fill', 'adr.md', '--answers', 'answers.yaml')).code).toBe(0);
    expect(await runCli(dir, 'check', 'adr.md')).toMatchObject({ code: 0, stdout: '✔ no problems in 1 file\n' });
    // Asked for more than the title, the placeholder stays, for the authors and the date (line endings as the template's).
    expect((await runCli(dir, 'new', 'more', '--title', 'Use Kafka', '--out', 'more.md')).code).toBe(0);
    const more = readFileSync(join(dir, 'more.md'), 'utf8');
    expect(more.slice(more.indexOf('\r\n---\r\n') + 7)).toBe('# Use Kafka\r\n\r\n<!-- AGENT_PLACEHOLDER: Title, authors and date -->\r\n\r\n## Status\r\n\r\n<!-- AGENT_PLACEHOLDER: Proposed, accepted or superseded -->\r\n\r\n## Decision\r\n\r\n<!-- AGENT_PLACEHOLDER: Our response to these forces -->\r\n');
    // One that asks for the title beside other lines there (`Title:` over `Owner:`) gets the title as well (review).
    writeFileSync(join(dir, 'templates/lines.md'), '# Feature Name\n\nTitle: <!-- AGENT_PLACEHOLDER: The title -->\nOwner: <!-- AGENT_PLACEHOLDER: Who owns it -->\n\n## Body\n\n<!-- AGENT_PLACEHOLDER: The rest -->\n');
    expect((await runCli(dir, 'new', 'lines', '--title', 'Rate limiter', '--out', 'lines.md')).stdout).toMatch(/: 2 placeholders to fill\n/);
    const lines = readFileSync(join(dir, 'lines.md'), 'utf8');
    expect(lines.slice(lines.indexOf('\n---\n') + 5)).toBe('# Rate limiter\n\nTitle: Rate limiter\nOwner: <!-- AGENT_PLACEHOLDER: Who owns it -->\n\n## Body\n\n<!-- AGENT_PLACEHOLDER: The rest -->\n');
  });

  it('writes the title after a label the template\'s title keeps before its stand-in (Design Doc: Project Name, KEP-NNNN: Your short, descriptive title), and check reports it kept (blind QA, design doc)', async () => {
    const dir = tempProject({
      'specfill.config.json': '{"templatesDir": "templates"}',
      'templates/design.md': '# Design Doc: Project Name\n\n## Context\n\n<!-- c -->\n',
      'templates/kep.md': '# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\n<!-- s -->\n',
      'templates/own.md': '# Decision: Use a queue\n\n## Context\n\n<!-- c -->\n',
    });
    for (const [id, heading] of [['design', '# Design Doc: Rate limiter'], ['kep', '# KEP-NNNN: Rate limiter'], ['own', '# Decision: Use a queue']]) {
      expect((await runCli(dir, 'new', id!, '--title', 'Rate limiter', '--out', `${id}.md`)).code).toBe(0);
      expect(readFileSync(join(dir, `${id}.md`), 'utf8')).toContain(`\n${heading}\n`);
    }
    writeFileSync(join(dir, 'kept.md'), '---\ntitle: X\ntemplate: design\n---\n# Design Doc: Project Name\n\n## Context\n\nC.\n');
    const kept = await runCli(dir, 'check', 'kept.md', '--format', 'json');
    expect((JSON.parse(kept.stdout) as { files: Array<{ findings: Array<{ line: number; message: string }> }> }).files[0]!.findings.map((f) => `${f.line} ${f.message}`))
      .toEqual(['5 the title is still the template\'s "Design Doc: Project Name": write the spec\'s own title']);
  });

  it('carries a template\'s own front matter keys into the new spec as the template writes them, its metadata and the keys new writes left out', async () => {
    const template = '---\nversion: 2\nstage: accepted\nstart-date: # In format YYYY-MM-DD\nteams: # delete teams that are not relevant\n  - cli\n  - data\nstatus: proposed\n"project-link":\noptional: [notes]\n---\n# <RFC title>\n\n## Summary\n\n<!-- s -->\n\n## Notes\n\n<!-- n -->\n';
    const dir = tempProject({ 'specfill.config.json': '{"templatesDir": "templates"}', 'templates/ember.md': template.replace(/\n/g, '\r\n') });
    expect((await runCli(dir, 'new', 'ember', '--title', 'Async', '--out', 'a.md')).code).toBe(0);
    const text = readFileSync(join(dir, 'a.md'), 'utf8');
    expect(text.slice(0, text.indexOf('# Async'))).toBe([
      '---', 'title: Async', 'template: ember@2', 'status: draft', 'owners: []', 'created: 2026-11-26', 'updated: 2026-11-26',
      'stage: accepted', 'start-date: # In format YYYY-MM-DD', 'teams: # delete teams that are not relevant', '  - cli', '  - data', '"project-link":', '---', '',
    ].join('\r\n'));
    expect(parseSpec(text).frontMatter?.data).toMatchObject({ stage: 'accepted', 'start-date': null, teams: ['cli', 'data'], status: 'draft' });
  });

  it('with --answers that fill every placeholder, says to check the spec, not to write its sections (QA)', async () => {
    const ids = parseSpec(SEED).placeholders.map((p) => p.id).filter((id) => id !== 'title');
    const dir = tempProject({ 'answers.yaml': ids.map((id) => `"${id}": Content for ${id}.\n`).join('') });
    const r = await runCli(dir, 'new', 'tech-spec', '--title', 'Two', '--answers', 'answers.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/; 0 placeholders to fill\nnext: specfill check specs\/two\.md\n$/);
  });

  it('with `title` in --answers, says that --title fills it, instead of that the template has none (QA)', async () => {
    const dir = tempProject({ 'title.yaml': 'title: x\noverview: y\n', 'both.yaml': 'title: x\nnope: y\n' });
    const title = await runCli(dir, 'new', 'tech-spec', '--title', 'Three', '--answers', 'title.yaml');
    expect([title.code, title.stderr]).toEqual([2, 'specfill: title.yaml: `title` is filled by --title: drop it from the answers\n  hint: nothing was written\n']);
    expect(existsSync(join(dir, 'specs', 'three.md'))).toBe(false);
    const both = await runCli(dir, 'new', 'tech-spec', '--title', 'Three', '--answers', 'both.yaml');
    expect(both.stderr).toMatch(/^specfill: both\.yaml: `title` is filled by --title: drop it from the answers; template tech-spec has no placeholder `nope`; its ids: overview, /);
    // A template without a title placeholder has none to fill: the usual refusal.
    writeFileSync(join(dir, 'specfill.config.json'), '{"templatesDir": "templates"}');
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'adr.md'), '# ADR\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: what -->\n');
    const adr = await runCli(dir, 'new', 'adr', '--title', 'Four', '--answers', 'title.yaml');
    expect(adr.stderr).toMatch(/^specfill: title\.yaml: template adr has no placeholder `title`, `overview`; its ids: decision\n/);
  });

  it('rejects an unknown template with the known ids (exit 2) and writes nothing', async () => {
    const dir = tempProject();
    const r = await runCli(dir, 'new', 'nope', '--title', 'X');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown template `nope`');
    expect(r.stderr).toContain('tech-spec');
    expect(existsSync(join(dir, 'specs'))).toBe(false);
    // Ids are case-sensitive; one that differs in case or by a slip is named (blind QA).
    for (const typed of ['Tech-Spec', 'tech-sepc']) {
      const near = await runCli(dir, 'new', typed, '--title', 'X');
      expect([near.code, near.stderr]).toEqual([2, expect.stringContaining(`unknown template \`${typed}\` (did you mean \`tech-spec\`?); known templates: tech-spec`)]);
    }
    expect((await runCli(dir, 'new', 'nope', '--title', 'X')).stderr).not.toContain('did you mean');
    // A template kept in a folder that is not read is named, with what to do.
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'pipeline.md'), '# Pipeline\n\n## A\n\n<!-- AGENT_PLACEHOLDER: a -->\n');
    const misplaced = await runCli(dir, 'new', 'pipeline', '--title', 'X');
    expect([misplaced.code, misplaced.stderr]).toEqual([2, expect.stringContaining('hint: templates/pipeline.md is not read: project templates come from .specfill/templates/; move it there, or set `templatesDir` in the config to its folder')]);
    // check and status say the same of a spec that names it: its `template:` is right, the file is in the wrong place (qa).
    writeFileSync(join(dir, 'p.md'), '---\ntitle: P\ntemplate: pipeline\n---\n# P\n');
    const checked = await runCli(dir, 'check', 'p.md', '--format', 'json');
    expect(JSON.parse(checked.stdout).files[0].findings[0].message).toBe('unknown template `pipeline`; known templates: tech-spec (templates/pipeline.md is not read: project templates come from .specfill/templates/; move it there, or set `templatesDir` in the config to its folder); until then this spec is checked without a template');
    const status = await runCli(dir, 'status', 'p.md');
    expect([status.code, status.stderr]).toEqual([2, expect.not.stringContaining('fix `template:`')]);
    expect(status.stderr).toContain('templates/pipeline.md is not read');
    // An id that is a path probes nothing outside the project; a templatesDir written with a slash is the folder read (code review).
    writeFileSync(join(dir, '..', 'outside-probe.md'), '# O\n');
    expect((await runCli(dir, 'new', '../../outside-probe', '--title', 'X')).stderr).not.toContain('outside-probe.md is not read');
    writeFileSync(join(dir, 'specfill.config.json'), '{"templatesDir": "templates/"}');
    const slash = await runCli(dir, 'new', 'gadget', '--title', 'X');
    expect(slash.stderr).toContain('add one to templates/\n');
    writeFileSync(join(dir, 'specfill.config.json'), '{"templatesDir": "templates"}');
    expect((await runCli(dir, 'new', 'pipeline', '--title', 'X')).code).toBe(0);
  });

  it('prints a readable table by default', async () => {
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const r = await runCli(dir, 'placeholders', 'specs/rate-limiter.md');
    expect(r.stdout).toMatch(/^architecture\/data-model\s+Architecture › Data Model\s+37:1\s+Describe the data model, entities, and their relationships$/m);
  });

  it('works the same as a spawned binary', () => {
    const dir = tempProject();
    expect(spawnCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter').code).toBe(0);
    const r = spawnCli(dir, 'placeholders', 'specs/rate-limiter.md', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(20);
  });
});
