import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSITIONS } from '../src/core/lifecycle.js';
import { INDEX_END, INDEX_START } from '../src/core/spec-index.js';
import { runCli, tempProject } from './helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const SEED = readFileSync(join(ROOT, 'templates', 'tech-spec.md'), 'utf8');
const spec = (title: string, status: string, filled = true, extra = ''): string =>
  `---\ntitle: ${title}\ntemplate: tech-spec@1\nstatus: ${status}\nowners: [ana]\ncreated: 2026-11-01\n${extra}---\n${filled ? SEED.replace(/<!-- AGENT_PLACEHOLDER: (.*?) -->/g, (_m, i: string) => `Done: ${i}.`) : SEED}`;
const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

describe('set-status', () => {
  it('allows exactly the moves of the default lifecycle, each one tried', async () => {
    const statuses = Object.keys(DEFAULT_TRANSITIONS);
    const dir = tempProject({});
    for (const from of statuses) {
      for (const to of statuses.filter((s) => s !== from)) {
        writeFileSync(join(dir, 'specs-a.md'), spec('A', from));
        const r = await runCli(dir, 'set-status', 'specs-a.md', to);
        const allowed = DEFAULT_TRANSITIONS[from]!.includes(to);
        expect(r.code, `${from} → ${to}: ${r.stderr}`).toBe(allowed ? 0 : 1);
        expect(read(dir, 'specs-a.md').includes(`status: ${allowed ? to : from}\n`), `${from} → ${to}`).toBe(true);
      }
    }
  });

  it('moves a spec along the default lifecycle, sets updated, and changes nothing else', async () => {
    const dir = tempProject({ 'specs/a.md': spec('A', 'draft') });
    const before = read(dir, 'specs/a.md');
    const r = await runCli(dir, 'set-status', 'specs/a.md', 'review');
    expect(r).toMatchObject({ code: 0, stdout: 'specs/a.md: draft → review\n' });
    expect(read(dir, 'specs/a.md')).toBe(before.replace('status: draft\n', 'status: review\n').replace('created: 2026-11-01\n', 'created: 2026-11-01\nupdated: 2026-11-26\n'));
    const json = await runCli(dir, 'set-status', 'specs/a.md', 'approved', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ file: 'specs/a.md', from: 'review', to: 'approved', changed: true, forced: false, errors: 0 });
    expect((await runCli(dir, 'set-status', 'specs/a.md', 'implemented')).code).toBe(0);
    // Already there: nothing to do.
    expect(await runCli(dir, 'set-status', 'specs/a.md', 'implemented')).toMatchObject({ code: 0, stdout: 'specs/a.md: already implemented\n' });
  });

  it('refuses a move the lifecycle does not allow, leaving the file as it was', async () => {
    const dir = tempProject({ 'specs/a.md': spec('A', 'approved') });
    const before = read(dir, 'specs/a.md');
    const r = await runCli(dir, 'set-status', 'specs/a.md', 'draft');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a spec cannot go from approved to draft; from approved it can go to: implemented, review, superseded, withdrawn');
    expect(read(dir, 'specs/a.md')).toBe(before);
    const unknown = await runCli(dir, 'set-status', 'specs/a.md', 'shipped');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('`shipped` is not a status');
    // With --json, a refusal is a JSON document on stdout too.
    const json = await runCli(dir, 'set-status', 'specs/a.md', 'draft', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'REFUSED', path: 'specs/a.md' } });
  });

  it('gates review and approved on a clean check, and records a forced override', async () => {
    const dir = tempProject({ 'specs/a.md': spec('A', 'draft', false) });
    const before = read(dir, 'specs/a.md');
    const refused = await runCli(dir, 'set-status', 'specs/a.md', 'review');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/review needs a spec that passes `specfill check`, and it reports 21 errors \(\d+:1 placeholder "title" is not filled[^;]*\(unfilled-placeholder\); /);
    expect(read(dir, 'specs/a.md')).toBe(before);
    expect((await runCli(dir, 'set-status', 'specs/a.md', 'review', '--force')).code).toBe(2);
    const forced = await runCli(dir, 'set-status', 'specs/a.md', 'review', '--force', '--reason', 'discussed at the design review: placeholders are next');
    expect(forced.code).toBe(0);
    expect(read(dir, 'specs/a.md')).toContain('status: review\nowners: [ana]\ncreated: 2026-11-01\nupdated: 2026-11-26\nstatus-override:\n  status: review\n  from: draft\n  reason: "discussed at the design review: placeholders are next"\n  date: 2026-11-26\n  errors: 21\n---\n');
    // A spec that had no status: the record says where it went, and nothing made up for where it was.
    const none = tempProject({ 'specs/n.md': spec('N', 'draft', false).replace('status: draft\n', '') });
    expect((await runCli(none, 'set-status', 'specs/n.md', 'review', '--force', '--reason', 'first review')).code).toBe(0);
    expect(read(none, 'specs/n.md')).toContain('status-override:\n  status: review\n  reason: first review\n  date: 2026-11-26\n  errors: 21\n---\n');
    // Already there: nothing moves, nothing is gated (exit 0, the file as it was).
    const there = read(dir, 'specs/a.md');
    const again = await runCli(dir, 'set-status', 'specs/a.md', 'review', '--json');
    expect([again.code, JSON.parse(again.stdout).changed]).toEqual([0, false]);
    expect(read(dir, 'specs/a.md')).toBe(there);
    // Statuses without a gate need no clean check.
    expect((await runCli(dir, 'set-status', 'specs/a.md', 'withdrawn')).code).toBe(0);
  });

  it('follows the statuses, transitions and gates of the config', async () => {
    const config = { statuses: ['proposed', 'accepted', 'deprecated'], transitions: { proposed: ['accepted'], accepted: ['deprecated'], deprecated: [] }, gates: [] };
    const dir = tempProject({ 'specs/a.md': spec('A', 'proposed', false), 'specfill.config.json': JSON.stringify(config) });
    expect((await runCli(dir, 'set-status', 'specs/a.md', 'accepted')).code).toBe(0);
    expect((await runCli(dir, 'set-status', 'specs/a.md', 'proposed')).stderr).toContain('from accepted it can go to: deprecated');
    expect((await runCli(dir, 'set-status', 'specs/a.md', 'review')).stderr).toContain('the statuses are: proposed, accepted, deprecated');
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ ...config, transitions: { proposed: ['acepted'] } }));
    const bad = await runCli(dir, 'set-status', 'specs/a.md', 'deprecated');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('transitions.proposed.0: `acepted` is not a status');
  });

  it('starts a new spec in the first status of the config', async () => {
    const dir = tempProject({ 'specfill.config.json': JSON.stringify({ statuses: ['proposed', 'accepted'], transitions: { proposed: ['accepted'], accepted: [] }, gates: [] }) });
    await runCli(dir, 'new', 'tech-spec', '--title', 'Alpha');
    expect(read(dir, 'specs/alpha.md')).toContain('status: proposed\n');
    expect((await runCli(dir, 'set-status', 'specs/alpha.md', 'accepted')).code).toBe(0);
  });

  it('--dry-run shows the change and writes nothing', async () => {
    const dir = tempProject({ 'specs/a.md': spec('A', 'draft') });
    const before = read(dir, 'specs/a.md');
    const r = await runCli(dir, 'set-status', 'specs/a.md', 'review', '--dry-run');
    expect(r.stdout).toContain('-status: draft\n+status: review\n');
    expect(read(dir, 'specs/a.md')).toBe(before);
  });
});

describe('new --supersedes', () => {
  it('links both specs and marks the old one superseded', async () => {
    const dir = tempProject({ 'specs/limiter.md': spec('Limiter', 'approved') });
    const before = read(dir, 'specs/limiter.md');
    const r = await runCli(dir, 'new', 'tech-spec', '--title', 'Limiter v2', '--supersedes', 'specs/limiter.md');
    expect(r.code).toBe(0);
    expect(read(dir, 'specs/limiter-v2.md')).toContain('status: draft\nowners: []\ncreated: 2026-11-26\nupdated: 2026-11-26\nsupersedes: specs/limiter.md\n---\n');
    expect(read(dir, 'specs/limiter.md')).toBe(before.replace('status: approved\n', 'status: superseded\n').replace('created: 2026-11-01\n', 'created: 2026-11-01\nsuperseded-by: specs/limiter-v2.md\nupdated: 2026-11-26\n'));
    // Superseding it again is refused, and nothing is written.
    const again = await runCli(dir, 'new', 'tech-spec', '--title', 'Limiter v3', '--supersedes', 'specs/limiter.md');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('it is superseded already by specs/limiter-v2.md');
    expect(existsSync(join(dir, 'specs', 'limiter-v3.md'))).toBe(false);
  });

  it('never loses the file --force would replace when the old spec cannot be marked', async () => {
    const dir = tempProject({ 'specs/old.md': spec('Old', 'approved'), 'specs/keep.md': 'precious\n' });
    chmodSync(join(dir, 'specs', 'old.md'), 0o444);
    const r = await runCli(dir, 'new', 'tech-spec', '--title', 'New', '--out', 'specs/keep.md', '--force', '--supersedes', 'specs/old.md');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot be superseded: it is read-only');
    expect(read(dir, 'specs/keep.md')).toBe('precious\n');
    expect(read(dir, 'specs/old.md')).toBe(spec('Old', 'approved'));
  });

  it('writes nothing when the old spec may not be superseded', async () => {
    const config = { statuses: ['draft', 'superseded'], transitions: { draft: [], superseded: [] } };
    const dir = tempProject({ 'specs/a.md': spec('A', 'draft'), 'specfill.config.json': JSON.stringify(config) });
    const r = await runCli(dir, 'new', 'tech-spec', '--title', 'B', '--supersedes', 'specs/a.md');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'specs', 'b.md'))).toBe(false);
    expect(read(dir, 'specs/a.md')).toBe(spec('A', 'draft'));
  });
});

describe('index', () => {
  const handWritten = `# Design documents\n\nHow we write specs: see CONTRIBUTING.md.\n\n${INDEX_START}\nold table\n${INDEX_END}\n\n## Archive\n\nOlder decisions live in the wiki.\n`;

  it('regenerates the table inside a hand-written README, idempotently, keeping the rest byte for byte', async () => {
    const dir = tempProject({
      'specs/a.md': spec('Alpha | one', 'review'),
      'specs/sub/b.md': spec('Beta <b>now', 'draft', false, 'updated: 2026-11-20\n'),
      'specs/README.md': handWritten,
    });
    expect((await runCli(dir, 'index')).stdout).toBe('specs/README.md: wrote the index of 2 specs\n');
    const written = read(dir, 'specs/README.md');
    // (A title's `<` is escaped: a `<b>` left open would bold the rest of the page; false-positive hunt.)
    expect(written).toBe(handWritten.replace('old table\n', [
      '| Spec | Status | Owners | Complete | Updated |',
      '| --- | --- | --- | --- | --- |',
      '| [Alpha \\| one](a.md) | review | ana | 100% | 2026-11-01 |',
      '| [Beta \\<b>now](sub/b.md) | draft | ana | 0% | 2026-11-20 |',
      '',
    ].join('\n')));
    expect((await runCli(dir, 'index')).stdout).toBe('specs/README.md: the index is up to date (2 specs)\n');
    // The index file is not a spec: sync does not list it.
    expect((await runCli(dir, 'sync')).stdout).not.toContain('specs/README.md');
    expect(read(dir, 'specs/README.md')).toBe(written);
    expect((await runCli(dir, 'index', '--check')).code).toBe(0);
    // A spec moves on: the index is stale, and check says so.
    await runCli(dir, 'set-status', 'specs/a.md', 'approved');
    expect((await runCli(dir, 'index', '--check')).code).toBe(1);
    const check = await runCli(dir, 'check', 'specs/README.md', '--format', 'json');
    expect(JSON.parse(check.stdout).files[0].findings.map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`)).toEqual(['5 stale-index']);
    await runCli(dir, 'index');
    expect(JSON.parse((await runCli(dir, 'check', 'specs/README.md', '--format', 'json', '--cache')).stdout).files[0].findings).toEqual([]);
  });

  it('names the command that writes an index kept in another file, --out included', async () => {
    const dir = tempProject({ 'specs/a.md': spec('A', 'draft'), 'docs/all specs.md': '# All\n' });
    await runCli(dir, 'index', '--out', 'docs/all specs.md');
    await runCli(dir, 'set-status', 'specs/a.md', 'review');
    const findings = JSON.parse((await runCli(dir, 'check', 'docs/all specs.md', '--format', 'json')).stdout).files[0].findings;
    expect(findings.map((f: { message: string }) => f.message)).toEqual(["the specs index is out of date: run `specfill index --out 'docs/all specs.md'` to write it again"]);
    await runCli(dir, 'index', '--out', 'docs/all specs.md');
    expect(JSON.parse((await runCli(dir, 'check', 'docs/all specs.md', '--format', 'json')).stdout).files[0].findings).toEqual([]);
  });

  it('keeps a README with lone-CR line endings (old Mac) as it is around the table, and places the stale finding on its marker (blind QA)', async () => {
    const dir = tempProject({ 'specs/a.md': spec('Alpha', 'review'), 'specs/README.md': handWritten.replace(/\n/g, '\r') });
    await runCli(dir, 'index');
    const written = read(dir, 'specs/README.md');
    expect(written.startsWith(`# Design documents\r\rHow we write specs: see CONTRIBUTING.md.\r\r${INDEX_START}\r| Spec |`)).toBe(true);
    expect(written.endsWith(`${INDEX_END}\r\r## Archive\r\rOlder decisions live in the wiki.\r`)).toBe(true);
    expect(written).not.toContain('old table');
    expect((await runCli(dir, 'index')).stdout).toBe('specs/README.md: the index is up to date (1 spec)\n');
    await runCli(dir, 'set-status', 'specs/a.md', 'approved');
    const check = await runCli(dir, 'check', 'specs/README.md', '--format', 'json');
    expect(JSON.parse(check.stdout).files[0].findings.map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`)).toEqual(['5 stale-index']);
  });

  it('takes only marker comments of their own as markers, not the same text quoted in code', async () => {
    const quoted = `# Specs\n\nThe index goes between \`${INDEX_START}\` and \`${INDEX_END}\`:\n\n\`\`\`markdown\n${INDEX_START}\nexample\n${INDEX_END}\n\`\`\`\n`;
    const dir = tempProject({ 'specs/a.md': spec('A', 'draft'), 'specs/README.md': quoted });
    expect(JSON.parse((await runCli(dir, 'check', 'specs/README.md', '--format', 'json')).stdout).files[0].findings).toEqual([]);
    await runCli(dir, 'index');
    const written = read(dir, 'specs/README.md');
    expect(written.startsWith(quoted)).toBe(true);
    expect(written.slice(quoted.length)).toBe(`\n${INDEX_START}\n| Spec | Status | Owners | Complete | Updated |\n| --- | --- | --- | --- | --- |\n| [A](a.md) | draft | ana | 100% | 2026-11-01 |\n${INDEX_END}\n`);
    expect((await runCli(dir, 'index', '--check')).code).toBe(0);
  });

  it('repairs a start marker that lost its end marker without touching the text after it', async () => {
    const lone = `# Specs\n\n${INDEX_START}\n\n## How we write specs\n\nA hand-written guide that must stay.\n`;
    const dir = tempProject({ 'specs/a.md': spec('A', 'draft'), 'specs/README.md': lone });
    const stale = JSON.parse((await runCli(dir, 'check', 'specs/README.md', '--format', 'json')).stdout).files[0].findings;
    expect(stale.map((f: { rule: string; message: string }) => `${f.rule}: ${f.message}`)).toEqual([`stale-index: the specs index has no ${INDEX_END} marker: run \`specfill index\` to write it again`]);
    await runCli(dir, 'index');
    await runCli(dir, 'index');
    expect(read(dir, 'specs/README.md')).toBe(`# Specs\n\n${INDEX_START}\n| Spec | Status | Owners | Complete | Updated |\n| --- | --- | --- | --- | --- |\n| [A](a.md) | draft | ana | 100% | 2026-11-01 |\n${INDEX_END}\n\n## How we write specs\n\nA hand-written guide that must stay.\n`);
    // Two start markers before the end marker: refused, nothing written.
    writeFileSync(join(dir, 'specs', 'README.md'), `${INDEX_START}\n${INDEX_START}\nx\n${INDEX_END}\n`);
    const two = await runCli(dir, 'index');
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('specs/README.md:2: has more than one index start marker');
  });

  it('lists the same specs on a second run when the index creates the specs/ folder', async () => {
    const dir = tempProject({ 'docs/design.md': spec('Design', 'draft') });
    await runCli(dir, 'index');
    expect(read(dir, 'specs/README.md')).toContain('| [Design](../docs/design.md) | draft |');
    expect((await runCli(dir, 'index', '--check')).code).toBe(0);
  });

  it('creates the index file when there is none, and writes it where --out says', async () => {
    const dir = tempProject({ 'specs/a.md': spec('A', 'draft') });
    await runCli(dir, 'index');
    expect(read(dir, 'specs/README.md')).toBe(`# Specs\n\n${INDEX_START}\n| Spec | Status | Owners | Complete | Updated |\n| --- | --- | --- | --- | --- |\n| [A](a.md) | draft | ana | 100% | 2026-11-01 |\n${INDEX_END}\n`);
    await runCli(dir, 'index', '--out', 'docs/SPECS.md');
    expect(read(dir, 'docs/SPECS.md')).toContain('| [A](../specs/a.md) | draft |');
  });
});

describe('status filters and sorting', () => {
  it('leaves out the config\'s ignored files and the index file', async () => {
    const dir = tempProject({
      'specs/a.md': spec('A', 'draft'),
      'specs/template/skeleton.md': spec('Skeleton', 'draft'),
      'specfill.config.json': JSON.stringify({ ignore: ['specs/template/**'] }),
    });
    await runCli(dir, 'index');
    const listed = JSON.parse((await runCli(dir, 'status', '--json')).stdout).specs.map((x: { path: string }) => x.path);
    expect(listed).toEqual(['specs/a.md']);
  });

  it('keeps the specs asked for, in the order asked', async () => {
    const dir = tempProject({
      'specs/a.md': spec('A', 'approved'),
      'specs/b.md': spec('B', 'draft', false, 'updated: 2026-11-25\n'),
      'specs/c.md': spec('C', 'review').replace('owners: [ana]', 'owners: [ben]'),
    });
    const list = async (...args: string[]): Promise<string[]> => JSON.parse((await runCli(dir, 'status', '--json', ...args)).stdout).specs.map((s: { path: string }) => s.path);
    expect(await list('--status', 'review', '--status', 'approved')).toEqual(['specs/a.md', 'specs/c.md']);
    expect(await list('--owner', 'ben')).toEqual(['specs/c.md']);
    expect(await list('--template', 'tech-spec@1', '--sort', 'status')).toEqual(['specs/b.md', 'specs/c.md', 'specs/a.md']);
    expect(await list('--sort', 'updated')).toEqual(['specs/b.md', 'specs/a.md', 'specs/c.md']);
    expect(await list('--sort', 'completeness')).toEqual(['specs/a.md', 'specs/c.md', 'specs/b.md']);
    expect(await list('--template', 'kep')).toEqual([]);
    const none = await runCli(dir, 'status', '--status', 'rejected', '--status', 'bogus');
    expect(none.stdout).toBe('no specs match (3 specs found)\n');
    expect(none.stderr).toContain('warning: `bogus` is not a status');
  });
});

describe('updated on fills', () => {
  it('sets updated in a spec that keeps one, and only there', async () => {
    const dir = tempProject({
      'specs/a.md': spec('A', 'draft', false, 'updated: 2026-11-02\n'),
      'specs/b.md': spec('B', 'draft', false),
      'answers.yaml': 'overview: An overview.\n',
    });
    await runCli(dir, 'fill', 'specs/a.md', '--answers', 'answers.yaml');
    expect(read(dir, 'specs/a.md')).toContain('updated: 2026-11-26\n');
    const before = read(dir, 'specs/b.md');
    await runCli(dir, 'fill', 'specs/b.md', '--answers', 'answers.yaml');
    expect(read(dir, 'specs/b.md')).toBe(before.replace('<!-- AGENT_PLACEHOLDER: Provide a high-level description of the component/feature being specified -->', 'An overview.'));
  });
});

describe('setFrontMatterFields', () => {
  it('replaces whole values, blank lines inside them included, and keeps the rest', async () => {
    const { setFrontMatterFields } = await import('../src/core/front-matter-edit.js');
    const before = '---\ntitle: A\nstatus: draft # set by the team\nstatus-override:\n  reason: |\n    first\n\n    second\n  date: x\n# a comment of its own\nowners:\n- ana\n---\n# A\n';
    const once = setFrontMatterFields(before, { status: 'review', 'status-override': { status: 'review', reason: 'one\n\ntwo' } });
    expect(once).toBe('---\ntitle: A\nstatus: review # set by the team\nstatus-override:\n  status: review\n  reason: |-\n    one\n\n    two\n# a comment of its own\nowners:\n- ana\n---\n# A\n');
    const twice = setFrontMatterFields(once, { 'status-override': { status: 'approved', reason: 'again' } });
    expect(parseYamlOf(twice)).toEqual({ title: 'A', status: 'review', 'status-override': { status: 'approved', reason: 'again' }, owners: ['ana'] });
    expect(() => setFrontMatterFields('---\n{title: A, status: draft}\n---\n', { status: 'review' })).toThrow(/cannot be changed safely/);
  });

  it('refuses through set-status, leaving the file as it was', async () => {
    const dir = tempProject({ 'specs/a.md': '---\n{title: A, status: draft, template: tech-spec@1}\n---\n# A\n' });
    const r = await runCli(dir, 'set-status', 'specs/a.md', 'withdrawn');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('specs/a.md:2:1: its front matter cannot be changed safely');
    expect(read(dir, 'specs/a.md')).toBe('---\n{title: A, status: draft, template: tech-spec@1}\n---\n# A\n');
  });
});

function parseYamlOf(text: string): unknown {
  return parseYaml(/^---\n([\s\S]*?)---\n/.exec(text)![1]!);
}
