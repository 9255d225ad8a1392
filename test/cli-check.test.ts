import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../src/core/config-json-schema.js';
import { CheckCache } from '../src/io/check-cache.js';
import type { CheckReport } from '../src/core/checks/types.js';
import { BIN, runCli, tempProject } from './helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const SEED = readFileSync(join(ROOT, 'templates', 'tech-spec.md'), 'utf8');
const filled = (title: string): string =>
  `---\ntitle: ${title}\ntemplate: tech-spec@1\nstatus: draft\nowners: []\n---\n${SEED.replace(/<!-- AGENT_PLACEHOLDER: (.*?) -->/g, (_m, i: string) => `Done: ${i}.`)}\n`;

async function checkJson(dir: string, ...args: string[]): Promise<{ code: number; report: CheckReport; stderr: string }> {
  const r = await runCli(dir, 'check', '--format', 'json', ...args);
  return { code: r.code, report: JSON.parse(r.stdout) as CheckReport, stderr: r.stderr };
}


/**
 * A temporary project that is a git repository of its own on `main` (with
 * an identity for commits), its files in a first commit unless `commit` is false.
 */
function gitProject(files: Record<string, string>, { commit = true } = {}): { dir: string; git: (...args: string[]) => string } {
  const dir = tempProject(files);
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  rmSync(join(dir, '.git'), { recursive: true, force: true });
  git('init', '-q', '-b', 'main');
  if (commit) {
    git('add', '.');
    git('commit', '-q', '-m', 'first');
  }
  return { dir, git };
}

describe('specfill check', () => {
  it('passes a complete spec (exit 0) and fails an unfilled one (exit 1) in the JSON contract', async () => {
    const dir = tempProject({ 'specs/good.md': filled('Good'), 'specs/bad.md': filled('Bad').replace('Done: Describe how this will be deployed.', '<!-- AGENT_PLACEHOLDER: Describe how this will be deployed -->') });
    const good = await checkJson(dir, 'specs/good.md');
    expect(good.code).toBe(0);
    expect(good.report).toEqual({ version: 1, files: [{ path: 'specs/good.md', template: 'tech-spec@1', completeness: 1, findings: [] }], summary: { files: 1, errors: 0, warnings: 0, infos: 0 } });
    const all = await checkJson(dir);
    expect(all.code).toBe(1);
    expect(all.report.summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0 });
    expect(all.report.files[0]!.findings).toEqual([{
      rule: 'unfilled-placeholder', severity: 'error', line: 75, column: 1, endLine: 75, endColumn: 63,
      sectionId: 'deployment-strategy', section: ['Deployment Strategy'], placeholder: 'deployment-strategy',
      message: 'placeholder "deployment-strategy" is not filled: "Describe how this will be deployed"',
    }]);
    expect(all.report.files[0]!.completeness).toBeCloseTo(20 / 21);
  });

  it('reports a front matter template that does not exist as a finding on its line, and still runs the template-free rules', async () => {
    const dir = tempProject({
      'specs/typo.md': '---\ntitle: Typo\ntemplate: tech-spek\nstatus: draft\n---\n# Typo\n\nTODO write it\n',
      'specs/file.md': '---\ntitle: File\ntemplate: ./gone/template.md\n---\n# File\n\nText.\n',
      // A wrong mapping is the project's mistake, not the spec's: the check stops there.
      'other/mapped.md': '# Mapped\n',
      'specfill.config.json': JSON.stringify({ specs: ['specs/**/*.md', 'other/*.md'], templates: { 'other/*.md': 'nope' } }),
    });
    const r = await checkJson(dir, 'specs');
    expect(r.code).toBe(1);
    expect(r.report.files.map((f) => [f.path, f.template, f.completeness, f.findings.map((x) => `${x.line}:${x.column} ${x.rule} ${x.message}`)])).toEqual([
      ['specs/file.md', null, null, ['3:1 frontmatter its template file ./gone/template.md cannot be read: no such file; fix `template:` (until then this spec is checked without a template)']],
      ['specs/typo.md', null, null, [
        '3:1 frontmatter unknown template `tech-spek` (did you mean `tech-spec`?); known templates: tech-spec; fix `template:` (until then this spec is checked without a template)',
        '8:1 leftover-marker leftover marker "TODO": replace it with the real content',
      ]],
    ]);
    // The template file appears: a --cache run sees it (a missing template is never cached).
    expect((await checkJson(dir, '--cache', 'specs/file.md')).report.files[0]!.findings.map((f) => f.rule)).toEqual(['frontmatter']);
    mkdirSync(join(dir, 'gone'));
    writeFileSync(join(dir, 'gone', 'template.md'), '# T\n\n## Part\n\n<!-- AGENT_PLACEHOLDER: write it -->\n');
    expect((await checkJson(dir, '--cache', 'specs/file.md')).report.files[0]!.findings.map((f) => f.rule)).toEqual(['missing-section']);
    const mapped = await checkJson(dir, 'other/mapped.md');
    expect(mapped.code).toBe(2);
    expect((mapped.report as CheckReport & { failures?: unknown }).failures).toEqual([{
      path: 'other/mapped.md', code: 'UNKNOWN_TEMPLATE', message: "the config's `templates` maps it (`other/*.md`) to `nope`, an unknown template; known templates: tech-spec",
    }]);
    // A version the template does not have, or none after `@`, is the mapping's mistake too (blind QA: taken for the current one).
    for (const [ref, why] of [['tech-spec@7', 'but tech-spec is only at version 1'], ['tech-spec@', 'which names no version after `@`'], ['tech-spec@x', 'but tech-spec is only at version 1']]) {
      writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['other/*.md'], templates: { 'other/*.md': ref } }));
      const wrong = await checkJson(dir, 'other/mapped.md');
      expect([ref, wrong.code, (wrong.report as CheckReport & { failures?: Array<{ message: string }> }).failures?.map((f) => f.message)])
        .toEqual([ref, 2, [`the config's \`templates\` maps it (\`other/*.md\`) to \`${ref}\`, ${why}`]]);
    }
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['other/*.md'], templates: { 'other/*.md': 'tech-spec@1' } }));
    expect((await checkJson(dir, 'other/mapped.md')).report.files[0]!.template).toBe('tech-spec@1');
    // With the rule that reports it off, a wrong `template:` must not pass in silence: the file fails.
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['specs/**/*.md'], rules: { frontmatter: 'off' } }));
    const off = await checkJson(dir, 'specs/typo.md');
    expect([off.code, (off.report as CheckReport & { failures?: Array<{ code: string }> }).failures?.map((f) => f.code)]).toEqual([2, ['UNKNOWN_TEMPLATE']]);
  });

  it('--format github appends the totals and the files with findings to the job\'s step summary (a pull request shows ten annotations of each kind)', () => {
    const dir = tempProject({ 'docs/specs/a.md': '# A\n\nTODO\n\nFIXME\n', 'docs/specs/b|c.md': `${filled('B')}\n[x](#nowhere)\n`, 'docs/specs/ok.md': filled('OK'), 'docs/specs/bin.md': new Uint8Array([0x23, 0x00]) });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# Earlier step\n\n');
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, 'check', ...args, '--format', 'github'], { cwd: join(dir, 'docs'), encoding: 'utf8', env: { PATH: process.env.PATH, GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary } });
    expect(run(['specs']).status).toBe(2);
    expect(readFileSync(summary, 'utf8')).toBe([
      '# Earlier step', '', '### specfill check', '',
      '✖ 0 errors, 3 warnings in 2 of 4 files; 1 file could not be checked', '',
      '| File | Errors | Warnings | Notices |', '| --- | ---: | ---: | ---: |',
      '| `docs/specs/a.md` | 0 | 2 | 0 |', '| `docs/specs/b\\|c.md` | 0 | 1 | 0 |', '',
      'Every finding is an annotation in the step\'s log; a pull request shows the first ten of each kind.', '',
    ].join('\n'));
    writeFileSync(summary, '');
    expect(run(['specs/ok.md']).status).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe('### specfill check\n\n✔ no problems in 1 file\n');
    // No file to check is said so, as the pretty reporter does (blind QA: "no problems in 0 files").
    mkdirSync(join(dir, 'docs', 'none'));
    writeFileSync(summary, '');
    expect(run(['none']).status).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe('### specfill check\n\n✔ no spec files to check\n');
    // Other formats leave it alone.
    writeFileSync(summary, '');
    spawnSync(process.execPath, [BIN, 'check', 'specs', '--format', 'sarif'], { cwd: join(dir, 'docs'), env: { PATH: process.env.PATH, GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe('');
  });

  it('gives GitHub and GitLab paths from their checkout when run in a subfolder, so annotations land on the file', () => {
    const dir = tempProject({ 'docs/specs/a.md': '# A\n\nTODO\n', 'docs/specs/bin.md': new Uint8Array([0x23, 0x00]) });
    const run = (format: string, env: Record<string, string>): string =>
      spawnSync(process.execPath, [BIN, 'check', 'specs', '--format', format], { cwd: join(dir, 'docs'), encoding: 'utf8', env: { PATH: process.env.PATH, ...env } }).stdout;
    expect(run('github', { GITHUB_WORKSPACE: dir })).toMatch(/^::warning file=docs\/specs\/a\.md,line=3,col=1,.*\n::error file=docs\/specs\/bin\.md,/);
    // Outside GitHub Actions, and in the other formats, paths stay relative to the working folder (the JSON contract).
    expect(run('github', {})).toMatch(/^::warning file=specs\/a\.md,/);
    expect(JSON.parse(run('json', { GITHUB_WORKSPACE: dir, CI_PROJECT_DIR: dir })).files[0].path).toBe('specs/a.md');
    // SARIF for code scanning: paths and their base from the checkout, so fingerprints do not depend on the job's folder.
    const sarif = JSON.parse(run('sarif', { GITHUB_WORKSPACE: dir }));
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%']).toEqual({ uri: `${pathToFileURL(dir).href}/` });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('docs/specs/a.md');
    const fromRoot = JSON.parse(spawnSync(process.execPath, [BIN, 'check', 'docs/specs', '--format', 'sarif'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, GITHUB_WORKSPACE: dir } }).stdout);
    expect(fromRoot.runs[0].results[0].partialFingerprints).toEqual(sarif.runs[0].results[0].partialFingerprints);
    const gitlab = JSON.parse(run('gitlab', { CI_PROJECT_DIR: dir })) as Array<{ location: { path: string } }>;
    expect(gitlab.map((i) => i.location.path)).toEqual(['docs/specs/a.md', 'docs/specs/bin.md']);
    // A checkout reached through a symbolic link is the same checkout.
    symlinkSync(dir, `${dir}-link`);
    expect(run('github', { GITHUB_WORKSPACE: `${dir}-link` })).toMatch(/^::warning file=docs\/specs\/a\.md,/);
    rmSync(`${dir}-link`);
    // A file outside the checkout is written from it as well, so that SARIF
    // paths always read against %SRCROOT%.
    mkdirSync(join(dir, 'elsewhere'));
    const outside = JSON.parse(run('sarif', { GITHUB_WORKSPACE: join(dir, 'elsewhere') }));
    expect(outside.runs[0].originalUriBaseIds['%SRCROOT%']).toEqual({ uri: `${pathToFileURL(join(dir, 'elsewhere')).href}/` });
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('../docs/specs/a.md');
  });

  it('--output writes through a symbolic link, and straight into /dev/stdout or a named pipe, replacing none of them', () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nTODO\n' });
    const check = (output: string) => spawnSync(process.execPath, [BIN, 'check', 'specs', '--format', 'json', '--output', output], { cwd: dir, encoding: 'utf8' });
    mkdirSync(join(dir, 'reports'));
    symlinkSync('reports/real.json', join(dir, 'link.json'));
    symlinkSync('reports/later.json', join(dir, 'dangling.json'));
    for (const [link, target] of [['link.json', 'reports/real.json'], ['dangling.json', 'reports/later.json']] as const) {
      expect(check(link).status).toBe(0);
      expect(lstatSync(join(dir, link)).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, target), 'utf8')).files[0].path).toBe('specs/a.md');
    }
    // /dev/stdout is a link to the process's own stdout: the report arrives there, and /dev stays as it was.
    for (const own of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1', '-']) expect(JSON.parse(check(own).stdout).files[0].path, own).toBe('specs/a.md');
    expect(readlinkSync('/dev/stdout')).toBe('/proc/self/fd/1');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const read = spawnSync('sh', ['-c', `cat pipe & "${process.execPath}" "${BIN}" check specs --format json --output pipe; wait`], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(read.stdout).files[0].path).toBe('specs/a.md');
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  // Root reads any folder: the unreadable one is tried as `nobody` then.
  const asOther = process.getuid?.() === 0 ? (existsSync('/usr/sbin/runuser') ? ['/usr/sbin/runuser', '-u', 'nobody', '--'] : null) : [];
  it.runIf(asOther !== null)('a folder that cannot be read is a failure of its own, the other specs still checked; a templatesDir that is a file is a clear error', () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nTODO\n', 'specs/locked/b.md': '# B\n' });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'specs', 'locked'), 0o000);
    const [command, ...args] = [...asOther!, process.execPath, BIN, 'check', '--format', 'json'];
    const r = spawnSync(command!, args, { cwd: dir, encoding: 'utf8' });
    chmodSync(join(dir, 'specs', 'locked'), 0o755);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as CheckReport & { failures: unknown };
    expect(report.files.map((f) => f.path)).toEqual(['specs/a.md']);
    expect(report.failures).toEqual([{ path: 'specs/locked', code: 'READ_FAILED', message: 'folder cannot be read: permission denied' }]);

    // Said at the config's key, its line and column (CLI QA: it named only the path).
    writeFileSync(join(dir, 'specfill.config.json'), '{\n  "templatesDir": "specs/a.md"\n}\n');
    const file = spawnSync(process.execPath, [BIN, 'check'], { cwd: dir, encoding: 'utf8' });
    expect([file.status, file.stderr]).toEqual([2, "specfill: specfill.config.json:2:19: templatesDir: `specs/a.md` is a file, not a folder: point `templatesDir` at the folder of the project's template files (default .specfill/templates)\n"]);
  });

  it.runIf(asOther !== null)('a link to a locked file is replaced, not refused, where the writer replaces links (.specfill-cache; code review)', () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nText.\n' });
    chmodSync(dir, 0o777);
    const locked = join(dir, 'locked');
    writeFileSync(locked, 'x\n');
    chmodSync(locked, 0o444);
    symlinkSync(locked, join(dir, '.specfill-cache'));
    const [command, ...args] = [...asOther!, process.execPath, BIN, 'check', '--cache'];
    const r = spawnSync(command!, args, { cwd: dir, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(lstatSync(join(dir, '.specfill-cache')).isFile()).toBe(true);
    expect(readFileSync(locked, 'utf8')).toBe('x\n');
  });

  it('a path through a file, or a broken .git link in a folder, is no internal error and no project of its own (code review)', async () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nTODO\n', 'specfill.config.json': '{"rules":{"leftover-marker":"error"}}', 'sub/b.md': '# B\n\nTODO\n' });
    const through = await runCli(dir, 'check', 'specs/a.md/x.md');
    expect([through.code, through.stderr]).toEqual([2, expect.not.stringContaining('internal error')]);
    symlinkSync('../vendor/missing/.git', join(dir, 'sub', '.git'));
    const r = await runCli(join(dir, 'sub'), 'check', 'b.md', '--format', 'json');
    expect([r.code, JSON.parse(r.stdout).summary.errors]).toEqual([1, 1]);
  });

  it.runIf(asOther !== null)('--output does not replace a file its user may not write, as a shell\'s `>` would not (blind QA: a read-only report was replaced)', () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nTODO\n', 'ro.json': '{"keep":true}\n' });
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'ro.json'), 0o444);
    const [command, ...args] = [...asOther!, process.execPath, BIN, 'check', '--format', 'json', '--output', 'ro.json'];
    const r = spawnSync(command!, args, { cwd: dir, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([2, 'specfill: ro.json: could not be written: permission denied; the file was left as it was\n']);
    expect(readFileSync(join(dir, 'ro.json'), 'utf8')).toBe('{"keep":true}\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a template whose front matter is a sample of the specs\' own, not YAML (MADR 3), is read without it; one that sets specfill\'s keys is refused (blind QA)', async () => {
    const madr = '---\nstatus: {proposed | rejected | accepted | superseded by [ADR-0005](0005-example.md)}\n---\n# {short title}\n\n## Context and Problem Statement\n\n{Describe the context.}\n';
    const dir = tempProject({ 'specfill.config.json': JSON.stringify({ specs: ['docs/decisions/0*.md'], templates: { 'docs/decisions/0*.md': 'docs/decisions/adr-template.md' },
      statuses: ['proposed', 'accepted', 'rejected'], rules: { frontmatter: { options: { required: ['status'] } } } }),
      'docs/decisions/adr-template.md': madr, 'docs/decisions/0001-use-postgresql.md': '---\nstatus: accepted\n---\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nWe need a database.\n' });
    const r = await runCli(dir, 'check', '--format', 'json');
    expect([r.code, (JSON.parse(r.stdout) as CheckReport).files.map((f) => [f.path, f.template, f.findings.length])]).toEqual([0, [['docs/decisions/0001-use-postgresql.md', 'adr-template@1', 0]]]);
    writeFileSync(join(dir, 'docs/decisions/adr-template.md'), madr.replace('---\nstatus:', '---\nversion: 2\nstatus:'));
    const refused = await runCli(dir, 'check', '--format', 'json');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('invalid YAML front matter')]);
  });

  it('warns of a spec named from another project, whose config and templates the run does not read (blind QA)', async () => {
    const dir = tempProject({ 'specfill.config.json': '{}', 'other/specfill.config.json': '{"templates": {"specs/**/*.md": "t.md"}}', 'other/t.md': '# T\n\n## Intro\n\n<!-- Say hi. -->\n', 'other/specs/x.md': '# X\n' });
    const r = await runCli(dir, 'check', 'other/specs/x.md', '--format', 'json');
    expect(r.stderr).toBe('specfill: warning: other/specs/x.md is in another project (other, with a config of its own), whose config and templates this run does not read; run specfill from other to check it as that project does\n');
    expect((JSON.parse(r.stdout) as CheckReport).files[0]!.template).toBeNull();
    // From its own project, it is checked against its template, and nothing is said.
    const own = await runCli(join(dir, 'other'), 'check', 'specs/x.md', '--format', 'json');
    expect([own.stderr, (JSON.parse(own.stdout) as CheckReport).files[0]!.findings.map((f) => f.rule)]).toEqual(['', ['missing-section']]);
  });

  it('broken-link with real files: a link above the repository\'s root leads nowhere on GitHub; `/` starts at the repository\'s root; a linked spec is checked once, from its own folder (blind QA)', async () => {
    const dir = tempProject({ 'README.md': '# Repo\n', 'docs/specfill.config.json': '{"specs": ["**/*.md"]}', 'docs/design/b.md': '# B\n',
      'docs/design/a.md': '# A\n\n[up](../../../outside.md) [root](/README.md) [gone](/docs/gone.md) [b](b.md)\n' });
    writeFileSync(join(dir, '..', 'outside.md'), '# Out\n');
    mkdirSync(join(dir, 'docs', 'specs'));
    symlinkSync('../design/a.md', join(dir, 'docs', 'specs', 'a.md'));
    const r = await runCli(join(dir, 'docs'), 'check', '--format', 'json');
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.files.map((f) => f.path)).toEqual(['design/a.md', 'design/b.md']);
    // Named both, the link and the file it leads to: once too, as that file (qa: twice, the link's copy with a false broken link).
    const both = JSON.parse((await runCli(join(dir, 'docs'), 'check', 'specs/a.md', 'design/a.md', '--format', 'json')).stdout) as CheckReport;
    expect(both.files.map((f) => f.path)).toEqual(['design/a.md']);
    // A link whose target the config's globs do not find keeps its own path, and the template the config maps to it (code review).
    const linked = tempProject({ 'specfill.config.json': '{"specs": ["specs/**/*.md"], "templates": {"specs/**/*.md": "t.md"}}', 't.md': '# T\n\n## Intro\n\n<!-- Say hi. -->\n', 'docs/rfc.md': '# Doc\n\nWords.\n' });
    mkdirSync(join(linked, 'specs'));
    symlinkSync('../docs/rfc.md', join(linked, 'specs', 'rfc.md'));
    const kept = JSON.parse((await runCli(linked, 'check', '--format', 'json')).stdout) as CheckReport;
    expect(kept.files.map((f) => [f.path, f.template, f.findings.map((x) => x.rule)])).toEqual([['specs/rfc.md', 't@1', ['missing-section']]]);
    expect(report.files[0]!.findings.map((f) => `${f.column} ${f.message}`)).toEqual([
      '1 link to ../../../outside.md: it leads out of the repository, above its root, where a page on GitHub finds nothing; link to the file\'s address, or to a copy in the repository',
      '46 link to /docs/gone.md: no such file',
    ]);
  });

  it('says so of a spec found through a link to a file outside the project, which it leaves out; checks it when named (blind QA)', async () => {
    const dir = tempProject({ 'specs/ok.md': filled('OK') });
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    writeFileSync(join(outside, 'shared.md'), '---\ntitle: S\ntemplate: tech-spec@1\n---\n# S\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: Say what -->\n');
    symlinkSync(join(outside, 'shared.md'), join(dir, 'specs', 'shared.md'));
    const warning = 'specfill: warning: specs/shared.md is not checked: it is a link to a file outside the project root; name it on the command line to check it, or copy the file into the project\n';
    for (const args of [[], ['specs'], ['specs/*.md']]) {
      const r = await runCli(dir, 'check', ...args);
      expect([args, r.code, r.stdout, r.stderr]).toEqual([args, 0, '✔ no problems in 1 file\n', warning]);
    }
    const named = await runCli(dir, 'check', 'specs/shared.md', '--format', 'json');
    expect([named.code, named.stderr, (JSON.parse(named.stdout) as CheckReport).files.map((f) => f.path)]).toEqual([1, '', ['specs/shared.md']]);
    // A folder or a glob named outside the root holds no link: its files are checked, as a file named there is (blind QA:
    // they were left out as "a link", and the run passed having checked nothing).
    for (const args of [[outside], [`${outside}/*.md`], [join(outside, 'shared.md')]]) {
      const r = await runCli(dir, 'check', ...args, '--format', 'json');
      expect([args, r.code, r.stderr, (JSON.parse(r.stdout) as CheckReport).files.length]).toEqual([args, 1, '', 1]);
    }
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads no file outside the project root for a link\'s anchors, through a symbolic link or by its path (blind QA: its headings could be probed)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    writeFileSync(join(outside, 'secret.md'), '# S\n\n## Anchor here\n');
    const dir = tempProject({ 'specs/good.md': filled('Good').replace('Done: Include any relevant references or links.', 'See [a](link.md#anchor-here) and [b](link.md#nope).'), 'specs/mine.md': '# Mine\n\n## Here\n' });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'specs', 'link.md'));
    const r = await runCli(dir, 'check', 'specs/good.md', '--format', 'json');
    expect((JSON.parse(r.stdout) as CheckReport).files[0]!.findings.filter((f) => f.rule === 'broken-link')).toEqual([]);
    // A file of the project's own is read as before: its missing anchor is reported.
    writeFileSync(join(dir, 'specs', 'good.md'), filled('Good').replace('Done: Include any relevant references or links.', 'See [m](mine.md#nope).'));
    const own = await runCli(dir, 'check', 'specs/good.md', '--format', 'json');
    expect((JSON.parse(own.stdout) as CheckReport).files[0]!.findings.filter((f) => f.rule === 'broken-link').map((f) => f.message)).toEqual([expect.stringMatching(/^link to mine\.md#nope: that file has no heading with this anchor/)]);
    // By its path: a project in a folder of a repository, linking to a file of the repository outside the project.
    mkdirSync(join(outside, '.git'));
    mkdirSync(join(outside, 'proj', 'specs'), { recursive: true });
    writeFileSync(join(outside, 'proj', 'specfill.config.json'), '{}');
    writeFileSync(join(outside, 'proj', 'specs', 'good.md'), filled('Good').replace('Done: Include any relevant references or links.', 'See [s](../../secret.md#nope).'));
    const repo = await runCli(join(outside, 'proj'), 'check', 'specs/good.md', '--format', 'json');
    expect((JSON.parse(repo.stdout) as CheckReport).files[0]!.findings.filter((f) => f.rule === 'broken-link')).toEqual([]);
    rmSync(outside, { recursive: true, force: true });
  });

  it('says a path named that is a loop of symbolic links is one, not that it does not exist (blind QA)', async () => {
    const dir = tempProject({ 'specs/ok.md': filled('OK') });
    symlinkSync('b.md', join(dir, 'specs', 'a.md'));
    symlinkSync('a.md', join(dir, 'specs', 'b.md'));
    const r = await runCli(dir, 'check', 'specs/a.md');
    expect([r.code, r.stderr]).toEqual([2, 'specfill: specs/a.md: is a symbolic link that leads back to itself (a loop of links)\n  hint: point the link at a file, or name the file itself\n']);
  });

  it('--max-file-bytes, as the too-large hint says, lets a larger file be checked', async () => {
    const dir = tempProject({ 'specs/big.md': `# Big\n\n${'word '.repeat(400)}TODO\n` });
    const small = await runCli(dir, 'check', '--max-file-bytes', '1000');
    expect(small.code).toBe(2);
    expect(small.stderr).toContain('specs/big.md: is 2012 bytes, over the limit of 1000 bytes');
    expect(small.stderr).toContain('--max-file-bytes');
    const raised = await checkJson(dir, '--max-file-bytes', '3000');
    expect([raised.code, raised.report.summary.warnings]).toEqual([0, 1]);
  });

  it('reads a config glob that starts with / from the project root, in specs, ignore, templates and overrides', async () => {
    const dir = tempProject({
      'specs/a.md': '# A\n\n## Overview\n\nTODO: say what it is.\n',
      'specs/skip.md': '# Skip\n\nTODO\n',
      'specfill.config.json': JSON.stringify({
        specs: ['/specs/*.md'], ignore: ['/specs/skip.md'],
        templates: { '/specs/**': 'tech-spec' },
        overrides: [{ files: ['/specs/a.md'], rules: { 'leftover-marker': 'error' } }],
      }),
    });
    const r = await checkJson(join(dir, 'specs'));
    expect(r.stderr).toBe('');
    // A file named on its own that `ignore` matches is not checked, and says so.
    const named = await runCli(dir, 'check', 'specs/skip.md', 'specs/a.md', './specs/skip.md', `${dir}/specs//skip.md`);
    // Said once, however the path is written, and the file is not checked under any of its names.
    expect(named.stderr).toBe("specfill: warning: specs/skip.md is not checked: the config's `ignore` matches it\n");
    expect(named.stdout).toContain('specs/a.md');
    expect(named.stdout).not.toContain('skip.md');
    // A folder or glob that names only ignored files says so too.
    mkdirSync(join(dir, 'specs', 'old'));
    writeFileSync(join(dir, 'specs', 'old', 'x.md'), '# X\n');
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ ignore: ['/specs/old/**'] }));
    const folder = await runCli(dir, 'check', 'specs/old');
    expect([folder.code, folder.stdout, folder.stderr]).toEqual([0, '✔ no spec files to check\n', "specfill: warning: specs/old is not checked: the config's `ignore` matches it (every file it names)\n"]);
    // Not of a folder a `!` pattern keeps a file of: that one is checked, and nothing is said (blind QA).
    writeFileSync(join(dir, 'specs', 'old', 'keep.md'), '# K\n');
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ ignore: ['specs/old', '!specs/old/keep.md'] }));
    const kept = await runCli(dir, 'check', 'specs/old', '--format', 'json');
    expect([kept.stderr, (JSON.parse(kept.stdout) as CheckReport).files.map((f) => f.path)]).toEqual(['', ['specs/old/keep.md']]);
    expect(r.report.files.map((f) => [f.path, f.template])).toEqual([['a.md', 'tech-spec@1']]);
    expect(r.report.files[0]!.findings.filter((f) => f.rule === 'leftover-marker').map((f) => f.severity)).toEqual(['error']);
  });

  it('passes, with a warning, when the config\'s specs globs match no file (a project with no specs yet, or a typo)', async () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nTODO\n', 'specfill.config.json': JSON.stringify({ specs: ['spec/*.md', 'rfcs/*.md'] }) });
    const r = await runCli(dir, 'check');
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '✔ no spec files to check\n', "specfill: warning: the config's `specs` globs (spec/*.md, rfcs/*.md) match no spec file to check (none, or only ignored ones)\n"]);
  });

  it('warns when the config\'s templatesDir does not exist (a typo leaves every project template unknown)', async () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nText.\n', 'specfill.config.json': JSON.stringify({ templatesDir: 'templats' }) });
    const r = await runCli(dir, 'check');
    expect([r.code, r.stderr]).toEqual([0, "specfill: warning: the config's `templatesDir` (templats) does not exist: no project template is read from it\n"]);
    mkdirSync(join(dir, 'templats'));
    expect((await runCli(dir, 'check')).stderr).toBe('');
  });

  it('reads template files only inside the project and only Markdown: a config or a spec cannot show, copy or check against other files', async () => {
    const outside = tempProject({ 'passwd': 'root:x:0:0\n', 'x.md': '# X\n\n## Secret\n' });
    const rel = relative(join(outside, '..'), outside);
    const dir = tempProject({
      'specs/a.md': `---\ntitle: A\ntemplate: ../../${rel}/x.md\n---\n# A\n`,
      'specfill.config.yaml': `templates:\n  "specs/z/**": "../${rel}/passwd"\n  "specs/y/**": "../${rel}/x.md"\n`,
    });
    // The config's mapping to files out of the project is refused up front, at its key (web QA).
    const mapped = await runCli(dir, 'templates', '--json');
    expect([mapped.code, mapped.stderr.split('\n')[0]]).toEqual([2, `specfill: specfill.config.yaml:2:17: templates.specs/z/**: \`../${rel}/passwd\` is outside the project root: keep template files in the project`]);
    expect(mapped.stderr.split('\n')[1]).toBe(`  also specfill.config.yaml:3:17: templates.specs/y/**: \`../${rel}/x.md\` is outside the project root: keep template files in the project`);
    writeFileSync(join(dir, 'specfill.config.yaml'), '{}\n');
    const list = await runCli(dir, 'templates', '--json');
    expect((JSON.parse(list.stdout) as Array<{ id: string }>).map((t) => t.id)).toEqual(['tech-spec']);
    expect((await runCli(dir, 'templates', 'show', 'passwd')).code).toBe(2);
    expect((await runCli(dir, 'new', 'passwd', '--title', 'Leak')).code).toBe(2);
    expect(existsSync(join(dir, 'specs', 'leak.md'))).toBe(false);
    const checked = await checkJson(dir, 'specs/a.md');
    expect(checked.report.files[0]!.findings.map((f) => f.message)).toEqual([`its template file ../../${rel}/x.md cannot be used: ../../${rel}/x.md is outside the project root; fix \`template:\` (until then this spec is checked without a template)`]);
    writeFileSync(join(dir, 'specfill.config.yaml'), `templatesDir: ../${rel}\n`);
    const folder = await runCli(dir, 'templates');
    expect([folder.code, folder.stderr.split('\n')[0]]).toEqual([2, `specfill: specfill.config.yaml:1:15: templatesDir: \`../${rel}\` is outside the project root: keep project templates in a folder of the project, e.g. .specfill/templates`]);
    // Nor a template file that is a link out of the project (web QA: it was listed and copied into new specs).
    mkdirSync(join(dir, '.specfill', 'templates'), { recursive: true });
    symlinkSync(join(dir, '..', rel, 'x.md'), join(dir, '.specfill', 'templates', 'leak.md'));
    writeFileSync(join(dir, 'specfill.config.yaml'), '{}\n');
    const leak = await runCli(dir, 'templates', '--json');
    expect((JSON.parse(leak.stdout) as Array<{ id: string }>).map((t) => t.id)).not.toContain('leak');
    expect([leak.code, leak.stderr.split('\n')[0]]).toEqual([2, 'specfill: .specfill/templates/leak.md: is a link to a file outside the project root, which is not read']);
    expect((await runCli(dir, 'new', 'leak', '--title', 'From outside')).code).toBe(2);
    rmSync(join(dir, '.specfill'), { recursive: true });
    // Nor through a link that leads out of the project.
    symlinkSync(join(dir, '..', rel), join(dir, 'tpl'));
    writeFileSync(join(dir, 'specfill.config.yaml'), 'templatesDir: tpl\n');
    const linked = await runCli(dir, 'templates');
    expect([linked.code, linked.stderr.split('\n')[0]]).toEqual([2, 'specfill: templatesDir tpl is outside the project root']);
  });

  it('passes on docs/SPEC.md, specfill\'s own spec', async () => {
    const r = await runCli(ROOT, 'check', 'docs/SPEC.md');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('takes rule severities and options from the config, and --max-warnings', async () => {
    const dir = tempProject({
      'specs/a.md': filled('A').replace('Done: Outline potential future enhancements.', 'TODO later.'),
      'specfill.config.yaml': 'rules:\n  leftover-marker: warning\n  unknown-section: error\n',
    });
    expect((await checkJson(dir)).code).toBe(0);
    expect((await checkJson(dir, '--max-warnings', '0')).code).toBe(1);
    // -1 is no limit, as ESLint reads it; other negative numbers are bad usage (reporters QA).
    expect((await checkJson(dir, '--max-warnings', '-1')).code).toBe(0);
    // The message says what is accepted, -1 included (blind QA: it said "0 or more").
    const bad = await runCli(dir, 'check', '--max-warnings', '-2');
    expect([bad.code, bad.stdout, bad.stderr.split('\n')[0]]).toEqual([2, '', "error: option '--max-warnings <n>' argument '-2' is invalid. expected a whole number, 0 or more, or -1 for no limit."]);
    // Past the 500 findings listed per rule and file, every one still counts (code review: 2,000 passed --max-warnings 1000).
    writeFileSync(join(dir, 'many.md'), `# Many\n\n${'TODO\n\n'.repeat(2000)}`);
    const many = await runCli(dir, 'check', 'many.md', '--max-warnings', '1000');
    expect([many.code, many.stderr]).toEqual([1, 'specfill: 2000 warnings, more than --max-warnings 1000\n']);
    const json = JSON.parse((await runCli(dir, 'check', 'many.md', '--format', 'json')).stdout);
    expect([json.summary.warnings, json.files[0].findings.length, json.files[0].findings[500].more]).toEqual([2000, 501, 1500]);
    // Through the cache too (review: `more` was lost, and the step summary counted 501).
    await runCli(dir, 'check', 'many.md', '--cache', '--format', 'json');
    const cached = JSON.parse((await runCli(dir, 'check', 'many.md', '--cache', '--format', 'json')).stdout);
    expect([cached.summary.warnings, cached.files[0].findings[500].more]).toEqual([2000, 1500]);
    writeFileSync(join(dir, 'specfill.config.yaml'), 'rules:\n  leftover-marker:\n    severity: error\n    options:\n      markers: ["\\\\blater\\\\b"]\n');
    const r = await checkJson(dir);
    expect(r.code).toBe(1);
    expect(r.report.files[0]!.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([['leftover-marker', 'error', 'leftover marker "later": replace it with the real content']]);
  });

  it('applies overrides to the specs their globs match, later over earlier, a severity alone keeping the options', async () => {
    const todo = (title: string) => filled(title).replace('Done: Outline potential future enhancements.', 'TODO later, or LATER.');
    const dir = tempProject({
      'specs/a.md': todo('A'),
      'specs/legacy/b.md': todo('B'),
      'specs/legacy/c.md': todo('C'),
      'specfill.config.yaml': [
        'rules:',
        '  leftover-marker:',
        '    severity: error',
        '    options:',
        '      markers: ["\\\\bLATER\\\\b"]',
        'overrides:',
        '  - files: [specs/legacy]',
        '    rules:',
        '      leftover-marker: warning',
        '      frontmatter: off',
        '  - files: ["specs/**/c.md"]',
        '    rules:',
        '      leftover-marker: off',
        '',
      ].join('\n'),
    });
    const r = await checkJson(dir);
    expect(r.report.files.map((f) => [f.path, f.findings.map((x) => `${x.rule} ${x.severity} ${x.message}`)])).toEqual([
      ['specs/a.md', ['leftover-marker error leftover marker "LATER": replace it with the real content']],
      ['specs/legacy/b.md', ['leftover-marker warning leftover marker "LATER": replace it with the real content']],
      ['specs/legacy/c.md', []],
    ]);
    expect(r.code).toBe(1);
    // An override names rules as `rules` does: an unknown one is refused with its place.
    writeFileSync(join(dir, 'specfill.config.yaml'), 'overrides:\n  - files: [specs/legacy]\n    rules:\n      leftover-markers: off\n');
    const bad = await runCli(dir, 'check');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('specfill.config.yaml:4:7: overrides.0.rules.leftover-markers: unknown rule: did you mean `leftover-marker`?')]);
    writeFileSync(join(dir, 'specfill.config.yaml'), 'overrides:\n  - rules: {}\n');
    expect((await runCli(dir, 'check')).stderr).toContain('overrides.0.files:');
  });

  it('rejects an invalid config with the key, the place and what was expected (exit 2)', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A'), 'specfill.config.yaml': 'specs:\n  - "specs/*.md"\nrules:\n  unfilled-placeholder: loud\n' });
    const r = await runCli(dir, 'check');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('specfill.config.yaml:4:25: rules.unfilled-placeholder:');
    writeFileSync(join(dir, 'specfill.config.yaml'), 'rules:\n  unfiled-placeholder: error\n');
    const typo = await runCli(dir, 'check');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('specfill.config.yaml:2:3: rules.unfiled-placeholder: unknown rule: did you mean `unfilled-placeholder`?');
    writeFileSync(join(dir, 'specfill.config.yaml'), 'rules:\n  lint-everything: error\n');
    expect((await runCli(dir, 'check')).stderr).toContain('specfill.config.yaml:2:3: rules.lint-everything: unknown rule; the rules are: unfilled-placeholder,');
    // A committed config cannot make specfill read (and serve, and show) Markdown outside the project.
    for (const glob of ['../outside/*.md', '/../etc/*.md', 'specs/../../x/*.md', 'C:/x/*.md', '{specs,../outside}/*.md']) {
      writeFileSync(join(dir, 'specfill.config.yaml'), `specs: ["specs/*.md", "${glob}"]\n`);
      expect((await runCli(dir, "check")).stderr, glob).toContain(`specfill.config.yaml:1:23: specs.1: \`${glob}\` reaches outside the project root`);
    }
    writeFileSync(join(dir, 'specfill.config.yaml'), 'specs: ["specs/../specs/*.md"]\n');
    expect((await runCli(dir, 'check')).code).toBe(0);
    // A glob whose bracket is never closed matches nothing: a config error at its key, not a silent pass (QA).
    for (const [yaml, message] of [
      ['specs: ["specs/[a-"]\n', 'specfill.config.yaml:1:9: specs.0: `specs/[a-`: its `[` is never closed, so the glob matches nothing'],
      ['ignore: ["old/{a,b/*.md"]\n', 'specfill.config.yaml:1:10: ignore.0: `old/{a,b/*.md`: its `{` is never closed'],
      ['overrides:\n  - files: ["[x.md"]\n    rules: {leftover-marker: off}\n', 'specfill.config.yaml:2:13: overrides.0.files.0: `[x.md`: its `[` is never closed'],
      ['specs: ["specs/+(a"]\n', 'specfill.config.yaml:1:9: specs.0: `specs/+(a`: its `(` is never closed'],
      // A glob that names nothing is said so, not a crash of the glob matcher (blind QA).
      ['ignore: [""]\n', 'specfill.config.yaml:1:10: ignore.0: an empty glob names no file: write a glob of files'],
      ['specs: ["/"]\n', 'specfill.config.yaml:1:9: specs.0: `/` names no file'],
      ['ignore: ["!"]\n', 'specfill.config.yaml:1:10: ignore.0: `!` names no file'],
      ['overrides:\n  - files: [""]\n    rules: {leftover-marker: off}\n', 'specfill.config.yaml:2:13: overrides.0.files.0: an empty glob names no file'],
      ['templates:\n  "": tech-spec\n', 'specfill.config.yaml:2:3: templates.: an empty glob names no file'],
      ['templates:\n  "specs/*.md": ""\n', 'specfill.config.yaml:2:17: templates.specs/*.md: maps the glob to no template'],
    ]) {
      writeFileSync(join(dir, 'specfill.config.yaml'), yaml!);
      const bad = await runCli(dir, 'check');
      expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining(message!)]);
    }
    writeFileSync(join(dir, 'specfill.config.yaml'), 'specs: ["specs/[a-z]*.md", "a\\\\[b.md", "[]]x.md", "{specs,docs}/*.md"]\n');
    expect((await runCli(dir, 'check')).stderr).not.toContain('never closed');
    writeFileSync(join(dir, 'specfill.config.yaml'), 'statuses: [draft, done, draft]\n');
    // Its message says what to do: no hint about the schema, which has nothing to say of it (code review).
    expect((await runCli(dir, 'check')).stderr).toBe('specfill: specfill.config.yaml:1:25: statuses.2: `draft` is listed twice\n');
    // Options are checked against what each rule takes.
    for (const [yaml, place, message] of [
      ['rules:\n  unfilled-placeholder: loud\n', '2:25', 'expected a severity (error, warning, info or off), or {severity, options}'],
      ['rules:\n  leftover-marker:\n    options:\n      markerz: [WIP]\n', '4:7', 'rules.leftover-marker.options.markerz: unknown option: did you mean `markers`?'],
      ['rules:\n  leftover-marker:\n    options:\n      words: [WIP]\n', '4:7', 'rules.leftover-marker.options.words: unknown option; leftover-marker takes: markers'],
      ['rules:\n  duplicate-heading:\n    options:\n      foo: 1\n', '4:7', 'rules.duplicate-heading.options.foo: duplicate-heading takes no options'],
      ['rules:\n  leftover-marker:\n    options:\n      markers: []\n', '4:16', 'expected a non-empty list of regular expressions'],
      ['rules:\n  leftover-marker:\n    options:\n      markers: ["x*", "ok"]\n', '4:17', 'rules.leftover-marker.options.markers.0: matches empty text'],
      // Empty only beside some characters: a word boundary, a lookaround (qa: each gave findings of an empty marker).
      ['rules:\n  leftover-marker:\n    options:\n      markers: ["\\\\b"]\n', '4:17', 'rules.leftover-marker.options.markers.0: matches empty text'],
      ['rules:\n  leftover-marker:\n    options:\n      markers: ["WIP", "(?<=T)"]\n', '4:24', 'rules.leftover-marker.options.markers.1: matches empty text'],
      // Bounds and choices in a config author's words, not the validator's (qa).
      ['maxFileBytes: 0\n', '1:15', 'maxFileBytes: expected a number more than 0'],
      ['maxFileBytes: 1.5\n', '1:15', 'maxFileBytes: expected a whole number, not a fraction'],
      ['agent:\n  provider: foo\n', '2:13', 'agent.provider: expected one of: openai-compatible, openai, anthropic'],
      // A misspelt rule with a wrong value: the misspelling is named (qa: only the value was).
      ['rules:\n  leftovr-marker: warn\n', '2:3', 'rules.leftovr-marker: unknown rule: did you mean `leftover-marker`?'],
      ['overrides:\n  - files: [a]\n    rules:\n      leftovr-marker: warn\n', '4:7', 'overrides.0.rules.leftovr-marker: unknown rule: did you mean `leftover-marker`?'],
      // A byte order mark is no column (qa: every column on line 1 was one too far).
      ['\uFEFFspecs: 1\n', '1:8', 'specs: expected a list, not a number'],
      ['\uFEFFspecs: [a] x: 1\n', '1:12', 'cannot be read'],
      ['rules:\n  frontmatter:\n    options:\n      required: title\n', '4:17', 'rules.frontmatter.options.required: expected a list of front matter keys'],
      ['rules:\n  frontmatter:\n    options:\n      required: [title, stage, title]\n', '4:32', 'rules.frontmatter.options.required.2: `title` is listed twice'],
      ['rules:\n  frontmatter:\n    options:\n      required: [title, ""]\n', '4:25', 'rules.frontmatter.options.required.1: expected a front matter key'],
    ] as const) {
      writeFileSync(join(dir, 'specfill.config.yaml'), yaml);
      const bad = await runCli(dir, 'check');
      expect(bad.code, yaml).toBe(2);
      expect(bad.stderr, yaml).toContain(`specfill.config.yaml:${place}: `);
      expect(bad.stderr, yaml).toContain(message);
    }
    // A merge key, as CI configs write them (qa: it was an unknown key `<<`).
    writeFileSync(join(dir, 'specfill.config.yaml'), 'rules:\n  leftover-marker: &strict\n    severity: error\n  broken-link:\n    <<: *strict\n');
    expect((await runCli(dir, 'check')).stderr).not.toContain('specfill.config.yaml');
    writeFileSync(join(dir, 'specfill.config.yaml'), `x: &a 1\nspecs: [${Array(101).fill('*a').join(', ')}]\n`);
    const bomb = await runCli(dir, 'check');
    expect([bomb.code, bomb.stderr]).toEqual([2, expect.stringContaining('specfill.config.yaml: cannot be read:')]);
    writeFileSync(join(dir, 'specfill.config.json'), '{}');
    expect((await runCli(dir, 'check')).stderr).toContain('more than one config file');
  });

  it('takes the first glob of the templates mapping that matches a spec, in the config\'s order', async () => {
    const files = {
      'docs/t-a.md': '# A\n\n## One\n\n<!-- one -->\n',
      'docs/t-b.md': '# B\n\n## Two\n\n<!-- two -->\n',
      'rfcs/r1.md': '# R1\n\n## One\n\nDone.\n',
    };
    const first = tempProject({ ...files, 'specfill.config.json': JSON.stringify({ specs: ['rfcs/*.md'], templates: { 'rfcs/r*.md': 'docs/t-a.md', 'rfcs/*.md': 'docs/t-b.md' } }) });
    expect((await checkJson(first)).report.files.map((f) => f.template)).toEqual(['t-a@1']);
    const swapped = tempProject({ ...files, 'specfill.config.json': JSON.stringify({ specs: ['rfcs/*.md'], templates: { 'rfcs/*.md': 'docs/t-b.md', 'rfcs/r*.md': 'docs/t-a.md' } }) });
    expect((await checkJson(swapped)).report.files.map((f) => f.template)).toEqual(['t-b@1']);
  });

  it('does not check a template file the config maps specs to as one of them, unless it is named (blind QA, MADR)', async () => {
    const dir = tempProject({
      'keps/NNNN-kep-template/README.md': '# KEP-NNNN: Title\n\n## Summary\n\n<!-- One paragraph. -->\n',
      'keps/sig-x/1-thing/README.md': '# KEP-1: Thing\n\n## Summary\n\nIt does a thing.\n',
      'specfill.config.json': JSON.stringify({ specs: ['keps/**/README.md'], templates: { 'keps/**/README.md': '/keps/NNNN-kep-template/README.md' } }),
    });
    const r = await checkJson(dir);
    expect([r.code, r.report.files.map((f) => f.path)]).toEqual([0, ['keps/sig-x/1-thing/README.md']]);
    // A folder does not name what it holds; the file itself does.
    expect((await checkJson(dir, 'keps')).report.files.map((f) => f.path)).toEqual(['keps/sig-x/1-thing/README.md']);
    expect((await checkJson(dir, 'keps/NNNN-kep-template/README.md')).report.files.map((f) => f.path)).toEqual(['keps/NNNN-kep-template/README.md']);
    const status = await runCli(dir, 'status', '--json');
    expect(status.stdout).not.toContain('NNNN-kep-template/README.md');
    expect(status.stdout).toContain('1-thing/README.md');
  });

  it('matches documents without front matter to a template through the config (KEP style)', async () => {
    const dir = tempProject({
      'keps/NNNN-kep-template/README.md': '# KEP-NNNN: Title\n\n## Summary\n\n<!-- One paragraph. -->\n\n## Motivation\n\n<!-- Why? -->\n\n### Goals\n\n<!-- Goals. -->\n',
      'keps/sig-x/1-thing/README.md': '# KEP-1: Thing\n\n## Summary\n\nIt does a thing.\n\n## Motivation\n\n<!-- Why? -->\n',
      'specfill.config.json': JSON.stringify({ specs: ['keps/**/README.md'], ignore: ['keps/NNNN-kep-template/**'], templates: { 'keps/**/README.md': 'keps/NNNN-kep-template/README.md' } }),
    });
    const r = await checkJson(dir);
    // Of the title (the template's stands in for one), Summary, Motivation and Goals: the title and Summary are written.
    expect(r.report.files.map((f) => [f.path, f.template, f.completeness])).toEqual([['keps/sig-x/1-thing/README.md', 'NNNN-kep-template@1', 2 / 4]]);
    expect(r.report.files[0]!.findings.map((f) => `${f.line} ${f.rule} ${f.sectionId}`)).toEqual(['7 empty-section motivation', '9 missing-section motivation/goals']);
    // The mapped file is a template of the project: listed, shown, and found by the id check gives it (template QA).
    const list = await runCli(dir, 'templates', '--json');
    expect((JSON.parse(list.stdout) as Array<{ id: string; path: string }>).map((t) => [t.id, t.path])).toContainEqual(['NNNN-kep-template', 'keps/NNNN-kep-template/README.md']);
    // A mapped file that cannot be used is reported by `templates`, as a broken project template is.
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['keps/**/README.md'], ignore: ['keps/NNNN-kep-template/**'], templates: { 'keps/**/README.md': 'keps/NNNN-kep-template/README.md', 'rfcs/**': 'rfcs/template.md' } }));
    const broken = await runCli(dir, 'templates');
    expect([broken.code, broken.stderr]).toEqual([2, 'specfill: rfcs/template.md: template file rfcs/template.md (config `templates`): no such file\n']);
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['keps/**/README.md'], ignore: ['keps/NNNN-kep-template/**'], templates: { 'keps/**/README.md': 'keps/NNNN-kep-template/README.md' } }));
    const show = await runCli(dir, 'templates', 'show', 'NNNN-kep-template');
    expect([show.code, show.stdout.split('\n')[0]]).toEqual([0, 'NNNN-kep-template@1  KEP-NNNN: Title  (keps/NNNN-kep-template/README.md)']);
    writeFileSync(join(dir, 'keps', 'named.md'), '---\ntitle: N\ntemplate: NNNN-kep-template@1\n---\n# KEP-2: N\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n\n### Goals\n\nG.\n');
    const named = await checkJson(dir, 'keps/named.md');
    expect([named.code, named.report.files[0]!.template, named.report.files[0]!.findings]).toEqual([0, 'NNNN-kep-template@1', []]);
  });

  it('writes SARIF, GitHub annotations and JUnit, to stdout or --output', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A').replace('Done: Outline potential future enhancements.', 'TODO: list the follow-ups.') });
    const sarif = await runCli(dir, 'check', '--format', 'sarif', '--output', 'out/report.sarif');
    expect(sarif).toMatchObject({ code: 0, stdout: '' });
    const log = JSON.parse(readFileSync(join(dir, 'out', 'report.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['leftover-marker']);
    const github = await runCli(dir, 'check', '--format', 'github');
    expect(github.stdout).toMatch(/^::warning file=specs\/a\.md,line=\d+,col=1,endLine=\d+,endColumn=5,title=specfill leftover-marker::leftover marker "TODO"/m);
    const junit = await runCli(dir, 'check', '--format', 'junit');
    expect(junit.stdout).toContain('<testcase classname="specs/a.md" name="specs/a.md"');
  });

  it('--output under a file (not a folder) says so, exit 2', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A'), 'out.txt': 'a file' });
    const r = await runCli(dir, 'check', '--output', 'out.txt/report.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('out.txt/report.json: could not be written: its folder cannot be made (a part of its path is a file)');
  });

  it('an interrupted run (Ctrl-C, a cancelled CI job) leaves no temporary file of its report or cache behind (reporters QA)', async () => {
    const seed = readFileSync(join(import.meta.dirname, '..', 'templates', 'tech-spec.md'), 'utf8');
    const files: Record<string, string> = {};
    for (let i = 0; i < 2500; i++) files[`specs/s${i}.md`] = `---\ntitle: S\ntemplate: tech-spec\n---\n${seed}`;
    const dir = tempProject(files);
    // One large file is one synchronous stretch: the signal waits for its end, and must still end the run
    // (it was dropped when the report's temporary file was released: exit 0, the report written; blind QA).
    writeFileSync(join(dir, 'big.md'), `# Big\n\n${Array.from({ length: 100_000 }, (_, i) => `## Part ${i}\n\nSee [next](#part-${i + 1}) and [gone](#gone-${i}).\n`).join('\n')}`);
    for (const [signal, args] of [['SIGINT', ['--cache']], ['SIGTERM', ['--cache']], ['SIGTERM', ['big.md']]] as const) {
      const child = spawn(process.execPath, [BIN, 'check', ...args, '--format', 'json', '--output', 'out/r.json'], { cwd: dir, stdio: 'ignore' });
      const ended = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, sig) => done(sig)));
      // Sent once the report's temporary file is there, mid-run.
      for (let waited = 0; waited < 20_000 && !(existsSync(join(dir, 'out')) && readdirSync(join(dir, 'out')).some((f) => f.endsWith('.tmp'))); waited += 10) {
        await new Promise((r) => setTimeout(r, 10));
      }
      // (The large file: sent while it is being checked, past the turns of the event loop before it.)
      if (args[0] === 'big.md') await new Promise((r) => setTimeout(r, 100));
      child.kill(signal);
      expect(await ended).toBe(signal);
      const leftovers = [...readdirSync(dir), ...readdirSync(join(dir, 'out'))].filter((f) => f.endsWith('.tmp'));
      expect([signal, leftovers]).toEqual([signal, []]);
      expect(existsSync(join(dir, 'out', 'r.json'))).toBe(false);
    }
  }, 60_000);

  it('--output refuses to replace a spec it checks, the config or a template, and writes nothing (reporters QA: it overwrote them)', async () => {
    const config = 'specs: ["specs/**/*.md"]\ntemplates:\n  "specs/**/*.md": tpl/t.md\n';
    const dir = tempProject({ 'specs/a.md': filled('A'), 'specs/sub/b.md': filled('B'), 'specfill.config.yaml': config, 'tpl/t.md': '# T\n\n## Overview\n\n<!-- o -->\n', '.specfill/templates/own.md': '# Own\n\n## X\n\n<!-- x -->\n' });
    const before = ['specs/a.md', 'specs/sub/b.md', 'specfill.config.yaml', 'tpl/t.md', '.specfill/templates/own.md'].map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const [output, what] of [['specs/sub/b.md', "is one of the project's specs"], ['specfill.config.yaml', "is the project's config"], ['tpl/t.md', "is one of the project's templates"], ['.specfill/templates/own.md', "is one of the project's templates"]]) {
      const r = await runCli(dir, 'check', '--format', 'json', '--output', output!);
      expect([output, r.code, r.stderr]).toEqual([output, 2, expect.stringContaining(`${output}: ${what}: the report would replace it; nothing was written`)]);
    }
    expect(['specs/a.md', 'specs/sub/b.md', 'specfill.config.yaml', 'tpl/t.md', '.specfill/templates/own.md'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
    expect(readdirSync(join(dir, 'specs', 'sub'))).toEqual(['b.md']);
    // Nor specfill's cache, nor a folder: `-o reports/` wrote a file called `reports` (blind QA).
    await runCli(dir, 'check', '--cache');
    const cache = readFileSync(join(dir, '.specfill-cache'));
    const onCache = await runCli(dir, 'check', '--cache', '--output', '.specfill-cache');
    expect([onCache.code, onCache.stderr]).toEqual([2, expect.stringContaining(".specfill-cache: is specfill's cache (`--cache`): the report would replace it; nothing was written")]);
    expect(readFileSync(join(dir, '.specfill-cache')).equals(cache)).toBe(true);
    mkdirSync(join(dir, 'out'));
    for (const output of ['reports/', 'out']) {
      const r = await runCli(dir, 'check', '--output', output);
      expect([output, r.code, r.stderr]).toEqual([output, 2, `specfill: ${output}: is a folder: --output names the report file; nothing was written\n  hint: name a file in it, e.g. ${output.replace(/\/$/, '')}/specfill-report.json\n`]);
    }
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    // An empty value names no file (qa: "`: is a folder`").
    for (const args of [['--output', ''], ['--output=']]) {
      const r = await runCli(dir, 'check', ...args);
      expect([r.code, r.stderr]).toEqual([2, 'specfill: --output names no file: its value is empty\n  hint: name the report file, e.g. --output specfill-report.json\n']);
    }
    // A file checked that is no spec of the project (named outside the `specs` globs) is refused when met.
    writeFileSync(join(dir, 'notes.md'), '# Notes\n');
    const named = await runCli(dir, 'check', 'notes.md', '--format', 'json', '--output', 'notes.md');
    expect([named.code, named.stderr]).toEqual([2, expect.stringContaining('notes.md: is one of the specs this run checks: the report would replace it; nothing was written')]);
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('# Notes\n');
    // Nor a template file a spec's front matter names, nor a Markdown file a spec links to, cached or not (qa: the template was replaced).
    writeFileSync(join(dir, 'rfc-template.md'), '# RFC\n\n## Summary\n\nSay what.\n');
    writeFileSync(join(dir, 'r.md'), '---\ntitle: R\ntemplate: rfc-template.md\n---\n# R\n\n## Summary\n\nDone; see [notes](notes.md) and [the report](report.sarif).\n');
    writeFileSync(join(dir, 'report.sarif'), '{}');
    for (const args of [[], ['--cache'], ['--cache']]) {
      for (const output of ['rfc-template.md', 'notes.md']) {
        const r = await runCli(dir, 'check', 'r.md', ...args, '--output', output);
        expect([output, r.code, r.stderr.split('\n')[0]]).toEqual([output, 2, `specfill: ${output}: is a Markdown file that r.md depends on (the template its front matter names, or a link's target): the report would replace it; nothing was written`]);
      }
    }
    expect([readFileSync(join(dir, 'rfc-template.md'), 'utf8'), readFileSync(join(dir, 'notes.md'), 'utf8')]).toEqual(['# RFC\n\n## Summary\n\nSay what.\n', '# Notes\n']);
    // A report a spec links to is written again, as a run is meant to.
    expect((await runCli(dir, 'check', 'r.md', '--format', 'sarif', '--output', 'report.sarif')).code).toBe(0);
    expect(readFileSync(join(dir, 'report.sarif'), 'utf8')).toContain('"version": "2.1.0"');
  });

  it('--output refuses to replace a spec of the project this run does not check, and still writes a new file or one that is no spec (blind QA: it replaced an ADR)', async () => {
    const config = 'specs: ["docs/**/*.md"]\nignore: ["docs/drafts"]\n';
    const dir = tempProject({ 'docs/a.md': filled('A'), 'docs/b.md': filled('B'), 'docs/drafts/d.md': '# D\n', 'docs/notes.txt': 'notes\n', 'other/o.md': '# O\n', 'specfill.config.yaml': config });
    symlinkSync('docs/b.md', join(dir, 'link.md'));
    const b = readFileSync(join(dir, 'docs', 'b.md'), 'utf8');
    for (const output of ['docs/b.md', './docs//b.md', 'link.md']) {
      const r = await runCli(dir, 'check', 'docs/a.md', '--format', 'json', '--output', output);
      expect([output, r.code, r.stdout, r.stderr]).toEqual([output, 2, '',
        `specfill: ${output}: is one of the project's specs: the report would replace it; nothing was written\n  hint: write the report to a file of its own, e.g. specfill-report.json\n`]);
    }
    // From a folder below, by its path from there.
    const below = await runCli(join(dir, 'docs'), 'check', 'a.md', '--format', 'json', '--output', 'b.md');
    expect([below.code, below.stderr]).toEqual([2, expect.stringContaining("b.md: is one of the project's specs")]);
    expect(readFileSync(join(dir, 'docs', 'b.md'), 'utf8')).toBe(b);
    expect(readdirSync(join(dir, 'docs')).sort()).toEqual(['a.md', 'b.md', 'drafts', 'notes.txt']);
    // A new file, a file the globs do not match, a spec the config ignores, or one that is not Markdown by the globs' reading: written.
    for (const output of ['docs/new.md', 'other/o.md', 'docs/drafts/d.md', 'docs/notes.txt', 'report.json']) {
      const r = await runCli(dir, 'check', 'docs/a.md', '--format', 'json', '--output', output);
      expect([output, r.code]).toEqual([output, 0]);
      expect(JSON.parse(readFileSync(join(dir, output), 'utf8')).summary.files).toBe(1);
    }
  });

  it('--output without `specs` globs refuses an existing Markdown file below specs/, where specs are looked for by default', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A'), 'specs/b.md': filled('B'), 'notes/n.md': '# N\n' });
    const r = await runCli(dir, 'check', 'specs/a.md', '--format', 'json', '--output', 'specs/b.md');
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("specs/b.md: is one of the project's specs")]);
    expect((await runCli(dir, 'check', 'specs/a.md', '--format', 'json', '--output', 'notes/n.md')).code).toBe(0);
  });

  it('reads ignore as .gitignore does: in order, a folder name for all below it, and a !glob taking a file back (code review: `!` ignored everything)', async () => {
    const dir = tempProject({
      'specs/alpha.md': '# A\n\nTODO\n', 'specs/drafts/d1.md': '# D1\n\nTODO\n', 'specs/drafts/d2.md': '# D2\n\nTODO\n',
      'specfill.config.json': JSON.stringify({ ignore: ['specs/drafts', '!specs/drafts/d1.md'] }),
    });
    const files = async (): Promise<string[]> => (await checkJson(dir)).report.files.map((f) => f.path);
    expect(await files()).toEqual(['specs/alpha.md', 'specs/drafts/d1.md']);
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ ignore: ['!specs/alpha.md'] }));
    expect(await files()).toEqual(['specs/alpha.md', 'specs/drafts/d1.md', 'specs/drafts/d2.md']);
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ ignore: ['/specs/*'] }));
    expect(await files()).toEqual(['specs/drafts/d1.md', 'specs/drafts/d2.md']);
  });

  it('reads a template file of the config\'s mapping written with a leading / from the project root, as its globs are (final review)', async () => {
    const dir = tempProject({ 'tpl/k.md': '# K\n\n## S\n\n<!-- AGENT_PLACEHOLDER: s -->\n', 'specs/a.md': '# A\n\n## S\n\nDone.\n', 'specfill.config.json': JSON.stringify({ templates: { 'specs/*.md': '/tpl/k.md' } }) });
    expect((await checkJson(dir)).report.files.map((f) => [f.path, f.template, f.completeness])).toEqual([['specs/a.md', 'k@1', 1]]);
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ templates: { 'specs/*.md': '/etc/hostname.md' } }));
    const r = await runCli(dir, 'check');
    expect([r.code, r.stderr.split('\n').slice(0, 2)]).toEqual([2, [
      'specfill: specs/a.md: the config\'s `templates` maps it (`specs/*.md`) to the template file etc/hostname.md, which cannot be read: no such file',
      '  hint: fix that entry of the config\'s `templates` mapping, at specfill.config.json:1:28']]);
  });

  it('names the config line of a mapping entry that leads nowhere, in JSON and YAML, from a subfolder too (the spec was named, the config was not)', async () => {
    const dir = tempProject({
      'specs/a.md': '# A\n',
      // The glob is written in `specs` first: the entry is the one under `templates`.
      'specfill.config.yaml': 'specs: ["specs/*.md"]\ntemplates:\n  # the KEP template\n  \'specs/*.md\':   kep-templat\n',
    });
    mkdirSync(join(dir, 'specs', 'sub'));
    const yaml = await runCli(join(dir, 'specs', 'sub'), 'check', '../a.md');
    expect([yaml.code, yaml.stderr.split('\n').slice(0, 2)]).toEqual([2, [
      'specfill: ../a.md: the config\'s `templates` maps it (`specs/*.md`) to `kep-templat`, an unknown template; known templates: tech-spec',
      '  hint: fix that entry of the config\'s `templates` mapping, at ../../specfill.config.yaml:4:19']]);
    rmSync(join(dir, 'specfill.config.yaml'));
    writeFileSync(join(dir, 'specfill.config.json'), '{\n  "specs": ["specs/*.md"],\n  "templates": {\n    "other/*.md": "tech-spec",\n    "specs/*.md": "tpl/gone.md"\n  }\n}\n');
    const json = await runCli(dir, 'check');
    expect([json.code, json.stderr.split('\n')[1]]).toEqual([2, '  hint: fix that entry of the config\'s `templates` mapping, at specfill.config.json:5:19']);
  });

  it('reads a template file the config names under a template\'s suffix (Tekton\'s tep-template.md.template), not a spec\'s (real Tekton TEPs)', async () => {
    const dir = tempProject({
      'teps/tools/tep-template.md.template': '# TEP-NNNN: Title\n\n## Summary\n\n<!-- One paragraph. -->\n\n## Motivation\n\n<!-- Why. -->\n',
      'teps/0125-retries.md': '# TEP-0125: Retries\n\n## Summary\n\nRetry failed steps.\n\n## Motivation\n\nFlaky clusters.\n',
      'teps/0126-caches.md': '# TEP-0126: Caches\n\n## Summary\n\nCache results.\n',
      'specfill.config.json': JSON.stringify({ specs: ['teps/*.md'], templates: { 'teps/*.md': 'teps/tools/tep-template.md.template' } }),
    });
    const r = await checkJson(dir);
    expect(r.report.files.map((f) => [f.path, f.template, f.findings.map((x) => `${x.rule} ${x.sectionId}`)])).toEqual([
      ['teps/0125-retries.md', 'tep-template@1', []],
      ['teps/0126-caches.md', 'tep-template@1', ['missing-section motivation']],
    ]);
    // Still no other file: a spec named `.txt` is none.
    // `templates show` takes the file by its path as check does (blind QA: "is not a Markdown file").
    const shown = await runCli(dir, 'templates', 'show', 'teps/tools/tep-template.md.template', '--json');
    expect([shown.code, shown.stderr]).toEqual([0, '']);
    expect((JSON.parse(shown.stdout) as { sections: Array<{ heading: string }> }).sections.map((x) => x.heading)).toEqual(['Summary', 'Motivation']);
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['teps/*.md'], templates: { 'teps/*.md': 'teps/tools/notes.txt' } }));
    writeFileSync(join(dir, 'teps/tools/notes.txt'), '# T\n');
    expect((await checkJson(dir)).code).toBe(2);
    expect((await runCli(dir, 'templates', 'show', 'teps/tools/notes.txt')).code).toBe(2);
  });

  it('says what to write for a template file that is not there: the path without @version, with its .md, from the project root rather than the spec\'s folder, or the nearest template file (blind QA, KIP and Go)', async () => {
    const dir = tempProject({
      'process/kip-template.md': '# KIP-NNN: Title\n\n## Motivation\n\nWhy.\n',
      'design/TEMPLATE.md': '# Proposal: [Title]\n\n## Abstract\n\nWhat.\n',
      'specfill.config.json': JSON.stringify({ specs: ['specs/**/*.md'], templates: { 'design/*.md': 'design/TEMPLATE.md' } }),
    });
    const said = async (template: string): Promise<string> => {
      writeFileSync(join(dir, 'specs', 'sub', 'a.md'), `---\ntitle: A\ntemplate: ${template}\n---\n# A\n\n## Motivation\n\nBecause.\n`);
      const r = await checkJson(dir, 'specs/sub/a.md');
      return r.report.files[0]!.findings.find((f) => f.rule === 'frontmatter')!.message.replace(/; fix `template:`.*$/, '');
    };
    mkdirSync(join(dir, 'specs', 'sub'), { recursive: true });
    expect(await said('process/kip-template.md@1')).toBe('its template file process/kip-template.md@1 cannot be used: process/kip-template.md@1 is not a Markdown file; a template file takes no `@version`: write `process/kip-template.md`');
    expect(await said('process/kip-template')).toBe('its template file process/kip-template cannot be used: process/kip-template is not a Markdown file (did you mean `process/kip-template.md`?)');
    expect(await said('../../process/kip-template.md')).toBe('its template file ../../process/kip-template.md cannot be used: ../../process/kip-template.md is outside the project root; a template path is read from the project root, not from the spec\'s folder: write `process/kip-template.md`');
    expect(await said('process/kip-templat.md')).toBe('its template file process/kip-templat.md cannot be read: no such file (did you mean `process/kip-template.md`?)');
    // A template id written as a file name (blind QA: `template: tech-spec.md`).
    expect(await said('tech-spec.md')).toBe('its template file tech-spec.md cannot be read: no such file (did you mean the template `tech-spec`?)');
    expect(await said('process/go-proposal.md')).toBe('its template file process/go-proposal.md cannot be read: no such file; the project\'s template files: design/TEMPLATE.md');
    // A folder of the project that is a link out of it is neither listed nor offered (review).
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    writeFileSync(join(outside, 'secret-plans.md'), '# Secret\n');
    symlinkSync(outside, join(dir, 'tpl'));
    expect(await said('tpl/secret-plan.md')).toBe('its template file tpl/secret-plan.md cannot be read: no such file; the project\'s template files: design/TEMPLATE.md');
    expect(await said('tpl/secret-plans.md')).not.toContain('did you mean');
    // The config's mapping to a file with a typo: the message names the config, and the file meant.
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['specs/**/*.md'], templates: { 'specs/**/*.md': 'process/kip-templat.md' } }));
    writeFileSync(join(dir, 'specs', 'sub', 'a.md'), '# A\n\n## Motivation\n\nBecause.\n');
    const r = await runCli(dir, 'check');
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'specfill: specs/sub/a.md: the config\'s `templates` maps it (`specs/**/*.md`) to the template file process/kip-templat.md, which cannot be read: no such file (did you mean `process/kip-template.md`?)']);
  });

  it('judges a link where it leads, as the web UI and MCP do: one to an ignored, hidden or node_modules file is no spec (final review)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    writeFileSync(join(outside, 'o.md'), '# O\n\nTODO\n');
    const dir = tempProject({
      'specs/a.md': '# A\n\nTODO\n', 'archive/old.md': '# Old\n\nTODO\n', '.notes/h.md': '# H\n\nTODO\n', 'node_modules/pkg/x.md': '# X\n\nTODO\n',
      'specfill.config.json': JSON.stringify({ ignore: ['archive'] }),
    });
    symlinkSync('../archive/old.md', join(dir, 'specs', 'link-archive.md'));
    symlinkSync('../.notes/h.md', join(dir, 'specs', 'link-hidden.md'));
    symlinkSync('../node_modules/pkg/x.md', join(dir, 'specs', 'link-nm.md'));
    symlinkSync(join(outside, 'o.md'), join(dir, 'specs', 'out.md'));
    expect((await checkJson(dir)).report.files.map((f) => f.path)).toEqual(['specs/a.md']);
    expect((JSON.parse((await runCli(dir, 'status', '--json')).stdout) as { specs: Array<{ path: string }> }).specs.map((x) => x.path)).toEqual(['specs/a.md']);
    expect((JSON.parse((await runCli(dir, 'status', 'specs', '--json')).stdout) as { specs: Array<{ path: string }> }).specs.map((x) => x.path)).toEqual(['specs/a.md']);
    expect((await runCli(dir, 'index', '--dry-run')).stdout).not.toMatch(/link-|out\.md/);
  });

  it('--json is --format json, as in every other command; with another --format it is a usage error', async () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nTODO\n' });
    const json = await runCli(dir, 'check', '--json');
    expect([json.code, json.stdout]).toEqual([0, (await runCli(dir, 'check', '--format', 'json')).stdout]);
    expect(JSON.parse(json.stdout).summary).toEqual({ files: 1, errors: 0, warnings: 1, infos: 0 });
    expect((await runCli(dir, 'check', '--json', '--format', 'sarif')).code).toBe(2);
  });

  it('check --json fails as --format json does: a wrong setup or bad usage writes no report, only the error on stderr', async () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nText.\n', 'specfill.config.json': '{"rules": {"empty-section": 3}}' });
    for (const args of [['--json'], ['--format', 'json'], ['--json', '--max-warnings', 'abc']]) {
      const r = await runCli(dir, 'check', ...args);
      expect([args, r.code, r.stdout]).toEqual([args, 2, '']);
      expect(r.stderr).toMatch(args.includes('abc') ? /max-warnings/ : /empty-section/);
    }
    // Other commands' --json still owe their one JSON document on failure.
    const status = await runCli(dir, 'status', '--json');
    expect([status.code, JSON.parse(status.stdout).error.code]).toEqual([2, 'INVALID_CONFIG']);
  });

  it('a pretty report written to a file names the files that could not be checked (stderr is not in the file)', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A'), 'specs/bin.md': new Uint8Array([0x23, 0x20, 0x42, 0x0a, 0x00]) });
    const r = await runCli(dir, 'check', '--output', 'report.txt');
    expect(r.code).toBe(2);
    // What to do about a file that is no spec: leave it out (blind QA).
    expect(r.stderr).toContain('hint: specfill reads UTF-8 Markdown files only: leave this file out of the paths given, or add it to `ignore` in the config');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(
      '✖ specs/bin.md:2:1 could not be checked: is a binary file (it contains a NUL byte), not Markdown text (BINARY_FILE)\n\n✖ 1 file could not be checked; no problems in 1 file\n');
    // On the terminal the run's stderr names it, with its hint: the report does not say it twice, nor with `-o -`.
    expect((await runCli(dir, 'check')).stdout).toBe('✖ 1 file could not be checked; no problems in 1 file\n');
    expect((await runCli(dir, 'check', '-o', '-')).stdout).toBe('✖ 1 file could not be checked; no problems in 1 file\n');
  });

  it('--output naming a folder, or a link into a folder that does not exist, says so in words; nothing is left behind', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A') });
    mkdirSync(join(dir, 'out', 'adir'), { recursive: true });
    symlinkSync('nowhere/t.json', join(dir, 'dang.json'));
    const folder = await runCli(dir, 'check', '--output', 'out/adir');
    expect([folder.code, folder.stderr]).toEqual([2, 'specfill: out/adir: is a folder: --output names the report file; nothing was written\n  hint: name a file in it, e.g. out/adir/specfill-report.json\n']);
    const dangling = await runCli(dir, 'check', '--output', 'dang.json');
    expect([dangling.code, dangling.stderr]).toEqual([2, 'specfill: dang.json: could not be written: a folder on its path does not exist; nothing was written\n']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['adir']);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'dang.json', 'out', 'specs']);
  });

  it('a run that cannot start prints no partial report and leaves an earlier --output file as it was', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A'), 'out/report.json': 'earlier report\n', 'specfill.config.json': '{"rules": {"leftover-marker": "loud"}}' });
    const toFile = await runCli(dir, 'check', '--format', 'json', '--output', 'out/report.json');
    expect(toFile.code).toBe(2);
    expect(toFile.stderr).toContain('rules.leftover-marker');
    expect(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).toBe('earlier report\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
    const toStdout = await runCli(dir, 'check', '--format', 'json');
    expect(toStdout).toMatchObject({ code: 2, stdout: '' });
  });

  it('prints the same pretty report, code frames included, from the cache and from workers', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) files[`specs/s${i}.md`] = filled(`S${i}`).replace('Done: Include any relevant references or links.', i % 2 === 0 ? 'TODO later' : 'None.');
    const dir = tempProject(files);
    const fresh = await runCli(dir, 'check', '--cache');
    expect(fresh.stdout).toMatch(/specs\/s0\.md:\d+:1 +warning +leftover marker "TODO"[^\n]*\n +\d+ \| TODO later\n/);
    expect((await runCli(dir, 'check', '--cache')).stdout).toBe(fresh.stdout);
    const before = process.env.SPECFILL_WORKERS;
    try {
      process.env.SPECFILL_WORKERS = '2';
      expect((await runCli(dir, 'check')).stdout).toBe(fresh.stdout);
    } finally {
      if (before === undefined) delete process.env.SPECFILL_WORKERS;
      else process.env.SPECFILL_WORKERS = before;
    }
  });

  it('reports unreadable files (exit 2) and still checks the others', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A'), 'specs/b.md': new Uint8Array([0x23, 0xff, 0x0a]) });
    const r = await checkJson(dir);
    expect(r.code).toBe(2);
    expect(r.report.files.map((f) => f.path)).toEqual(['specs/a.md']);
    expect(r.stderr).toContain('specs/b.md:1:2: is not valid UTF-8');
  });

  it('--changed without a ref takes the remote\'s default branch before a local one that may lag behind (reporters QA)', async () => {
    const { dir, git } = gitProject({ 'specs/a.md': filled('A') });
    // origin/main has moved on (a.md changed there); the local main has not been pulled.
    git('checkout', '-q', '-b', 'upstream');
    writeFileSync(join(dir, 'specs', 'a.md'), filled('A2'));
    git('commit', '-q', '-am', 'a2');
    git('update-ref', 'refs/remotes/origin/main', git('rev-parse', 'HEAD'));
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'specs', 'b.md'), filled('B'));
    git('add', '.');
    git('commit', '-q', '-m', 'b');
    const r = await checkJson(dir, '--changed');
    expect(r.report.files.map((f) => f.path)).toEqual(['specs/b.md']);
  });

  it('--changed checks every spec when the config or a template changed, and says why (reporters QA: a new required section passed)', async () => {
    const { dir, git } = gitProject({ 'specs/a.md': filled('A'), 'specs/b.md': filled('B'), '.specfill/templates/t.md': '# T\n\n## X\n\n<!-- x -->\n' });
    expect((await checkJson(dir, '--changed', 'HEAD')).report.files).toEqual([]);
    writeFileSync(join(dir, '.specfill', 'templates', 't.md'), '# T\n\n## X\n\n<!-- x -->\n\n## Y\n\n<!-- y -->\n');
    const all = await runCli(dir, 'check', '--changed', 'HEAD', '--format', 'json');
    expect(JSON.parse(all.stdout).files.map((f: { path: string }) => f.path)).toEqual(['specs/a.md', 'specs/b.md']);
    expect(all.stderr).toContain('specfill: .specfill/templates/t.md changed: every spec is checked, not only the changed ones');
    git('commit', '-q', '-am', 't');
    writeFileSync(join(dir, 'specfill.config.json'), '{"rules": {"leftover-marker": "error"}}');
    const again = await runCli(dir, 'check', '--changed', 'HEAD', '--format', 'json');
    expect([JSON.parse(again.stdout).files.length, again.stderr]).toEqual([2, expect.stringContaining('specfill.config.json changed: every spec is checked')]);
  });

  it('--changed checks every spec when the config or a template was deleted, and the specs that link to a file renamed, deleted or changed (qa: the gate passed while a full check failed)', async () => {
    const { dir, git } = gitProject({
      'specs/a.md': `${filled('A')}\nSee [b's design](b.md#design) and [notes](notes%20old.md).\n`,
      'specs/b.md': filled('B').replace('## References', '## Design\n\nShards.\n\n## References'),
      'specs/c.md': filled('C'),
      'specs/notes old.md': filled('N'),
      // From a subfolder: one links to b.md by its path, one only mentions a b.md (another folder's, for all it says).
      'specs/sub/x.md': '# X\n\nSee [design](../b.md#design).\n',
      'specs/sub/y.md': '# Y\n\nUnlike b.md, this is short.\n',
      '.specfill/templates/t.md': '# T\n\n## X\n\n<!-- x -->\n',
    });
    git('rm', '-q', '.specfill/templates/t.md');
    const all = await runCli(dir, 'check', '--changed', 'HEAD', '--format', 'json');
    expect(JSON.parse(all.stdout).files.map((f: { path: string }) => f.path)).toEqual(['specs/a.md', 'specs/b.md', 'specs/c.md', 'specs/notes old.md', 'specs/sub/x.md', 'specs/sub/y.md']);
    expect(all.stderr).toContain('specfill: .specfill/templates/t.md was deleted: every spec is checked, not only the changed ones');
    git('commit', '-q', '-m', 'no t');
    // A heading of b.md renamed: a.md's link to its anchor breaks without a.md changing.
    writeFileSync(join(dir, 'specs', 'b.md'), filled('B').replace('## References', '## Architecture notes\n\nShards.\n\n## References'));
    const anchor = await checkJson(dir, '--changed', 'HEAD');
    expect(anchor.report.files.map((f) => f.path)).toEqual(['specs/a.md', 'specs/b.md', 'specs/sub/x.md']);
    expect(anchor.report.files[0]!.findings.map((f) => f.message)).toEqual([expect.stringContaining('#design')]);
    git('checkout', '-q', '--', 'specs/b.md');
    // A file renamed away (its old name linked, percent-encoded): the spec linking to it is checked, c.md is not.
    git('mv', 'specs/notes old.md', 'specs/notes.md');
    const renamed = await checkJson(dir, '--changed', 'HEAD');
    expect(renamed.report.files.map((f) => f.path)).toEqual(['specs/a.md', 'specs/notes.md']);
    expect(renamed.report.files[0]!.findings.map((f) => [f.rule, f.message])).toEqual([['broken-link', 'link to notes old.md: no such file']]);
  });

  it('--cache and --changed follow a template file named by its path in the front matter (qa: a stale pass)', async () => {
    const { dir, git } = gitProject({
      'tpl/rfc.md': '# RFC\n\n## Summary\n\n<!-- s -->\n',
      'specs/a.md': '---\ntitle: A\ntemplate: tpl/rfc.md\n---\n# A\n\n## Summary\n\nDone.\n',
      'specfill.config.json': '{"specs": ["specs/**/*.md"]}',
    });
    expect((await runCli(dir, 'check', '--cache')).code).toBe(0);
    writeFileSync(join(dir, 'tpl', 'rfc.md'), '# RFC\n\n## Summary\n\n<!-- s -->\n\n## New\n\n<!-- n -->\n');
    const cached = await runCli(dir, 'check', '--cache', '--format', 'json');
    expect([cached.code, JSON.parse(cached.stdout).files[0].findings.map((f: { rule: string }) => f.rule)]).toEqual([1, ['missing-section']]);
    const changed = await checkJson(dir, '--changed', 'HEAD');
    expect(changed.report.files.map((f) => [f.path, f.findings.map((x) => x.rule)])).toEqual([['specs/a.md', ['missing-section']]]);
    git('commit', '-q', '-am', 'new section');
    // From `/`, the path is from the project root, as in the config's mapping (it was refused as outside the root).
    writeFileSync(join(dir, 'specs', 'a.md'), '---\ntitle: A\ntemplate: /tpl/rfc.md\n---\n# A\n\n## Summary\n\nDone.\n\n## New\n\nToo.\n');
    expect((await checkJson(dir)).report.files.map((f) => [f.template, f.findings.length])).toEqual([['rfc@1', 0]]);
    // So does a template file the config maps to from `/` (code review: both missed it).
    writeFileSync(join(dir, 'specs', 'a.md'), '---\ntitle: A\n---\n# A\n\n## Summary\n\nDone.\n\n## New\n\nToo.\n');
    writeFileSync(join(dir, 'specfill.config.json'), '{"specs": ["specs/**/*.md"], "templates": {"specs/**/*.md": "/tpl/rfc.md"}}');
    git('add', '-A');
    git('commit', '-q', '-m', 'mapped');
    expect((await runCli(dir, 'check', '--cache')).code).toBe(0);
    writeFileSync(join(dir, 'tpl', 'rfc.md'), '# RFC\n\n## Summary\n\n<!-- s -->\n\n## New\n\n<!-- n -->\n\n## Newer\n\n<!-- n -->\n');
    expect((await runCli(dir, 'check', '--cache')).code).toBe(1);
    const mapped = await runCli(dir, 'check', '--changed', 'HEAD', '--format', 'json');
    expect([mapped.code, mapped.stderr]).toEqual([1, expect.stringContaining('tpl/rfc.md changed: every spec is checked')]);
  });

  it.runIf(process.platform !== 'win32')('reports a file whose name holds a backslash by its name, in JSON and SARIF (qa: it became a folder)', async () => {
    const dir = tempProject({ 'specs/back\\slash.md': '# B\n\nTODO.\n' });
    expect((await checkJson(dir)).report.files.map((f) => f.path)).toEqual(['specs/back\\slash.md']);
    const sarif = JSON.parse((await runCli(dir, 'check', '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('specs/back%5Cslash.md');
  });

  it('--changed checks only the files changed against a git ref', async () => {
    const { dir, git } = gitProject({ 'specs/a.md': filled('A'), 'specs/b.md': filled('B') }, { commit: false });
    git('commit', '-q', '--allow-empty', '-m', 'root');
    git('add', '.');
    git('commit', '-q', '-m', 'specs');
    writeFileSync(join(dir, 'specs', 'b.md'), filled('B').replace('Done: Outline potential future enhancements.', 'TBD: pick the follow-ups.'));
    writeFileSync(join(dir, 'specs', 'c.md'), filled('C'));
    // Names git would quote (non-ASCII, spaces) are found too.
    writeFileSync(join(dir, 'specs', '東京 é.md'), filled('T'));
    const r = await checkJson(dir, '--changed', 'HEAD');
    expect(r.report.files.map((f) => f.path)).toEqual(['specs/b.md', 'specs/c.md', 'specs/東京 é.md']);
    const bad = await runCli(dir, 'check', '--changed', 'no-such-ref');
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toContain('specfill: --changed no-such-ref: no such git ref\n');
    // `--changed specs` takes the folder for the ref: the message says how to write it.
    const path = await runCli(dir, 'check', '--changed', 'specs');
    expect([path.code, path.stderr]).toEqual([2, 'specfill: --changed specs: no such git ref (`specs` is a path here)\n  hint: put the paths before --changed (specfill check specs --changed), or name the ref with = (--changed=origin/main specs)\n']);
    expect((await checkJson(dir, '--changed=HEAD', 'specs')).report.files.map((f) => f.path)).toEqual(['specs/b.md', 'specs/c.md', 'specs/東京 é.md']);
    // An empty value (`--changed=${{ github.base_ref }}` on a push) names no ref (blind QA: a garbled message).
    // `-` is no stdin here: said so, not "no such file" (blind QA).
    const stdin = await runCli(dir, 'check', '-');
    expect([stdin.code, stdin.stderr]).toEqual([2, 'specfill: `-`: check does not read a spec from stdin\n  hint: name the spec\'s file: its template, config and links are found from where it is\n']);
    const empty = await runCli(dir, 'check', '--changed=');
    expect([empty.code, empty.stdout, empty.stderr.split('\n')[0]]).toEqual([2, '', 'specfill: --changed= names no ref: its value is empty']);
    // Without git on the PATH, that is what is said (blind QA: "git rev-parse --show-toplevel failed").
    const nogit = spawnSync(process.execPath, [BIN, 'check', '--changed', 'HEAD'], { cwd: dir, encoding: 'utf8', env: { PATH: join(dir, 'no-bin'), NO_COLOR: '1' } });
    expect([nogit.status, nogit.stdout, nogit.stderr]).toEqual([2, '', 'specfill: --changed asks git what changed, and git is not installed here (or not on PATH)\n  hint: install git (Debian: apt-get install git), or name the files to check instead of --changed\n']);
  });

  it('--changed without a ref checks what changed since the branch left the default branch', async () => {
    const { dir, git } = gitProject({ 'specs/a.md': filled('A'), 'specs/b.md': filled('B') });
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'specs', 'b.md'), filled('B').replace('Done: Outline potential future enhancements.', 'TBD: pick the follow-ups.'));
    git('commit', '-q', '-am', 'b on the branch');
    // Committed on the branch: found against the merge base with main, not against HEAD.
    expect((await checkJson(dir, '--changed')).report.files.map((f) => f.path)).toEqual(['specs/b.md']);
    expect((await checkJson(dir, '--changed', 'HEAD')).report.files).toEqual([]);
    // What main did since the branch left it is not the branch's: a named ref
    // counts from the merge base too.
    git('checkout', '-q', 'main');
    writeFileSync(join(dir, 'specs', 'a.md'), filled('A').replace('Done: Outline potential future enhancements.', 'TBD: pick the follow-ups.'));
    git('commit', '-q', '-am', 'a on main');
    git('checkout', '-q', 'feature');
    expect((await checkJson(dir, '--changed', 'main')).report.files.map((f) => f.path)).toEqual(['specs/b.md']);
    // Run from a subfolder, an untracked spec elsewhere in the repository is still found.
    writeFileSync(join(dir, 'specs', 'new.md'), filled('N'));
    mkdirSync(join(dir, 'docs'));
    const below = await checkJson(join(dir, 'docs'), '--changed', 'main');
    expect(below.report.files.map((f) => f.path)).toEqual(['../specs/b.md', '../specs/new.md']);
  });

  it('--changed with no commit shared with the default branch (a shallow clone) asks for the history; a named ref is taken as the base', async () => {
    const { dir, git } = gitProject({ 'specs/a.md': filled('A') });
    git('checkout', '-q', '--orphan', 'feature');
    writeFileSync(join(dir, 'specs', 'b.md'), filled('B'));
    git('add', '.');
    git('commit', '-q', '-m', 'unrelated');
    const r = await runCli(dir, 'check', '--changed');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'specfill: --changed: HEAD and main share no commit here (a shallow clone?)\n  hint: fetch the history (actions/checkout with fetch-depth: 0, or git fetch --unshallow), or name the base: --changed main\n']);
    expect((await checkJson(dir, '--changed', 'main')).report.files.map((f) => f.path)).toEqual(['specs/b.md']);
  });

  it('--changed HEAD before the first commit checks every spec (a pre-commit hook on a new repository)', async () => {
    const { dir, git } = gitProject({ 'specs/a.md': filled('A'), 'specs/b.md': filled('B') }, { commit: false });
    git('add', 'specs/a.md');
    const r = await checkJson(dir, '--changed', 'HEAD');
    expect([r.code, r.report.files.map((f) => f.path)]).toEqual([0, ['specs/a.md', 'specs/b.md']]);
    expect((await checkJson(dir, '--changed')).report.files.map((f) => f.path)).toEqual(['specs/a.md', 'specs/b.md']);
    // The note gives the true reason: no commits yet, not a changed config (blind QA: "specfill.config.json changed").
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['specs/**/*.md'] }));
    for (const args of [['--changed'], ['--changed', 'HEAD']]) {
      const noted = await checkJson(dir, ...args);
      expect([args, noted.code, noted.report.files.map((f) => f.path), noted.stderr]).toEqual([args, 0, ['specs/a.md', 'specs/b.md'],
        'specfill: no commits yet: every spec is checked, not only the changed ones\n']);
    }
    // Every spec, one git ignores too.
    writeFileSync(join(dir, '.gitignore'), 'specs/b.md\n');
    expect((await checkJson(dir, '--changed')).report.files.map((f) => f.path)).toEqual(['specs/a.md', 'specs/b.md']);
    // Another ref cannot exist yet: said so.
    const main = await runCli(dir, 'check', '--changed', 'main');
    expect([main.code, main.stderr.split('\n')[0]]).toEqual([2, 'specfill: --changed main: no such git ref']);
  });

  it('--cache reuses results for unchanged files and notices what changed, links included', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A').replace('Done: Include any relevant references or links.', 'See [notes](notes.md).') });
    const first = await checkJson(dir, '--cache');
    expect(first.report.files[0]!.findings.map((f) => f.message)).toEqual(['link to notes.md: no such file']);
    expect(existsSync(join(dir, '.specfill-cache'))).toBe(true);
    expect(CheckCache.read(dir).paths()).toEqual(['specs/a.md']);
    // The link target appears: the cached finding must not be reused.
    writeFileSync(join(dir, 'specs', 'notes.md'), '# Notes\n');
    expect((await checkJson(dir, '--cache')).report.files[0]!.findings).toEqual([]);
    // The file changes: checked again.
    writeFileSync(join(dir, 'specs', 'a.md'), filled('A').replace('Done: Include any relevant references or links.', 'See RFC 7519. TODO: add the links.'));
    expect((await checkJson(dir, '--cache', 'specs/a.md')).report.files[0]!.findings.map((f) => f.rule)).toEqual(['leftover-marker']);
    // A corrupt cache is rebuilt, not an error.
    writeFileSync(join(dir, '.specfill-cache'), '{nope');
    expect((await checkJson(dir, '--cache', 'specs/a.md')).code).toBe(0);
    // A cache that cannot be written is said, once; the check itself stands.
    rmSync(join(dir, '.specfill-cache'));
    mkdirSync(join(dir, '.specfill-cache'));
    const unwritable = await runCli(dir, 'check', '--cache', '--format', 'json');
    expect([unwritable.code, unwritable.stderr]).toEqual([0, 'specfill: warning: .specfill-cache is a folder, not a file: results are not cached\n']);
    expect(JSON.parse(unwritable.stdout).summary.warnings).toBe(1);
  });

  it('says in the summary when files could not be checked, or when there was nothing to check', async () => {
    const dir = tempProject({ 'specs/a.md': filled('A'), 'specs/bin.md': new Uint8Array([0x23, 0x00]) });
    const r = await runCli(dir, 'check');
    expect(r.code).toBe(2);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 file could not be checked; no problems in 1 file');
    expect(r.stderr).toContain('specs/bin.md:1:2: is a binary file');
    const onlyBad = await runCli(dir, 'check', 'specs/bin.md');
    expect(onlyBad.stdout).toBe('✖ 1 file could not be checked\n');
    // With findings, the file that could not be checked is counted in the whole (blind QA: "in 2 of 2 files; 1 file could not be checked" for 3).
    writeFileSync(join(dir, 'specs', 'b.md'), '# B\n\nTODO\n');
    expect((await runCli(dir, 'check')).stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 warning in 1 of 3 files; 1 file could not be checked');
    const empty = tempProject({ 'specs/.keep': '' });
    expect((await runCli(empty, 'check')).stdout).toBe('✔ no spec files to check\n');
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: empty, encoding: 'utf8' });
    execFileSync('rm', ['-rf', join(empty, '.git')]);
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'root');
    const unchanged = await runCli(empty, 'check', '--changed', 'HEAD');
    expect([unchanged.code, unchanged.stdout]).toEqual([0, '✔ no changed spec files to check\n']);
  });

  it('ships a JSON Schema of the config that matches the code', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'schema', 'config.schema.json'), 'utf8'));
    expect(shipped).toEqual(configJsonSchema());
    expect(shipped.properties.rules.propertyNames.enum).toContain('broken-link');
  });

  it('its JSON Schema, as an editor reads it, knows each rule\'s options: an unknown one is flagged as the program flags it', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'config.schema.json'), 'utf8')) as object);
    const accepts = (config: unknown): boolean => validate(config) === true;
    expect(accepts({ rules: { 'leftover-marker': { severity: 'error', options: { markers: ['WIP'] } } } })).toBe(true);
    expect(accepts({ overrides: [{ files: ['a'], rules: { 'leftover-marker': { options: { markers: ['WIP'] } } } }] })).toBe(true);
    expect(accepts({ rules: { 'leftover-marker': { options: { markerz: ['WIP'] } } } })).toBe(false);
    expect(accepts({ rules: { 'leftover-marker': { options: { markers: [] } } } })).toBe(false);
    expect(accepts({ rules: { 'duplicate-heading': { options: { foo: 1 } } } })).toBe(false);
    expect(accepts({ overrides: [{ files: ['a'], rules: { 'broken-link': { options: { x: 1 } } } }] })).toBe(false);
    expect(accepts({ rules: { 'leftover-markers': 'off' } })).toBe(false);
  });
});

describe('a spec whose heading is megabytes long', () => {
  it('reports it in every format, each finding naming the section cut short (its report could not be built: "Invalid string length")', async () => {
    const heading = `Overview${' x'.repeat(1_000_000)}`;
    const dir = tempProject({ 'specs/big.md': `# T\n\n## ${heading}\n\n${'TODO '.repeat(2000)}\n` });
    for (const format of ['json', 'sarif', 'pretty', 'github', 'junit']) {
      const r = await runCli(dir, 'check', 'specs/big.md', '--format', format);
      expect([format, r.code, r.stderr]).toEqual([format, 0, '']);
      expect(r.stdout.length).toBeLessThan(2_000_000);
    }
    const report = JSON.parse((await runCli(dir, 'check', 'specs/big.md', '--format', 'json')).stdout) as CheckReport;
    const [first] = report.files[0]!.findings;
    expect([first!.rule, first!.sectionId!.length, first!.section![0]!.length, first!.section![0]!.slice(0, 10), first!.section![0]!.endsWith('…')])
      .toEqual(['leftover-marker', 1000, 300, 'Overview x', true]);
  });

  it('lists 2,000 placeholders under it with a short id each command agrees on, and fills one by that id (placeholders --json ran out of memory)', async () => {
    const heading = `Overview${' x'.repeat(1_000_000)}`;
    const dir = tempProject({ 'specs/big.md': `# T\n\n## ${heading}\n\n${'<!-- AGENT_PLACEHOLDER: say it -->\n\n'.repeat(2000)}` });
    const listed = await runCli(dir, 'placeholders', 'specs/big.md', '--json');
    const placeholders = JSON.parse(listed.stdout) as Array<{ id: string; section: string[] }>;
    const id = placeholders[1]!.id;
    // The heading's slug, past 1,000 characters, is its start and a hash of the whole: one id in every command.
    expect([listed.code, placeholders.length, id.length, /^overview-x-x-.*-[0-9a-f]{8}#2$/.test(id), placeholders[1]!.section[0]!.length]).toEqual([0, 2000, 1002, true, 300]);
    writeFileSync(join(dir, 'answers.json'), JSON.stringify({ [id]: 'Written.' }));
    expect((await runCli(dir, 'fill', 'specs/big.md', '--answers', 'answers.json')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'big.md'), 'utf8').split('<!-- AGENT_PLACEHOLDER: say it -->').length - 1).toBe(1999);
    expect(readFileSync(join(dir, 'specs', 'big.md'), 'utf8')).toContain('-->\n\nWritten.\n\n<!--');
  });
});

describe('stdout that cannot be written', () => {
  it('says so once, without a stack trace, and exits 2: a full disk (`> /dev/full`), in check, status and --version (qa: a stack trace, exit 1)', () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nTODO\n' });
    for (const args of [['check'], ['check', '--format', 'json'], ['status'], ['--version']]) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        expect([args, r.status, r.stderr]).toEqual([args, 2, 'specfill: stdout: could not be written: the disk is full\n']);
      } finally {
        closeSync(full);
      }
    }
    // stderr full too: nothing can be said, and the exit code is still 2, not an uncaught exception's 1 (review).
    const full = openSync('/dev/full', 'w');
    try {
      expect(spawnSync(process.execPath, [BIN, 'check'], { cwd: dir, stdio: ['ignore', full, full] }).status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});

describe('text cut for length', () => {
  it('never splits a character outside the BMP in two: a quoted instruction, a section\'s name, an id (qa: lone surrogates in the JSON, U+FFFD in the text, an id no UTF-8 answers file could name)', async () => {
    const heading = '𠀀'.repeat(600);
    const dir = tempProject({ 'specs/a.md': `# T\n\n## S\n\n<!-- AGENT_PLACEHOLDER: ${'b'.repeat(118)}😀 and more words -->\n\n## ${'a'.repeat(298)}😀 tail\n\nTODO\n\n## ${heading}\n\n<!-- AGENT_PLACEHOLDER: x -->\n` });
    const out = (await runCli(dir, 'check', 'specs/a.md', '--format', 'json')).stdout;
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    const report = JSON.parse(out) as CheckReport;
    const texts = report.files[0]!.findings.flatMap((f) => [f.message, f.sectionId ?? '', f.placeholder ?? '', ...(f.section ?? [])]);
    expect([texts.length > 6, texts.filter((t) => lone.test(t))]).toEqual([true, []]);
    // The id that check reports is the one `placeholders` lists, and an answers file in UTF-8 fills it.
    const id = report.files[0]!.findings.find((f) => f.rule === 'unfilled-placeholder' && f.message.endsWith('"x"'))!.placeholder!;
    expect(id.endsWith('𠀀-d71ad185')).toBe(true);
    writeFileSync(join(dir, 'answers.json'), JSON.stringify({ [id]: 'Written.' }));
    expect((await runCli(dir, 'fill', 'specs/a.md', '--answers', 'answers.json')).code).toBe(0);
  });
});

describe('check on worker threads', () => {
  it('exits with the run\'s code when its reader closes the pipe early (`check | head -1`), workers or not (blind QA: 0 with workers)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`specs/s${String(i).padStart(2, '0')}.md`] = filled(`S${i}`).replace('Done: Include any relevant references or links.', 'TODO');
    const dir = tempProject(files);
    for (const workers of ['2', '0']) {
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'check'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, SPECFILL_WORKERS: workers } });
        // The first chunk read, the pipe is closed: as `head -1` does.
        child.stdout.once('data', () => child.stdout.destroy());
        child.on('close', resolve);
      });
      expect([workers, code]).toEqual([workers, 1]);
    }
  });

  it('gives the same report on workers as in one thread, errors included', async () => {
    const files: Record<string, string | Uint8Array> = { 'specs/broken.md': new Uint8Array([0xc3, 0x28]) };
    for (let i = 0; i < 12; i++) files[`specs/s${String(i).padStart(2, '0')}.md`] = filled(`S${i}`).replace('Done: Include any relevant references or links.', i % 3 === 0 ? 'TODO [x](#nope)' : 'None.');
    const dir = tempProject(files);
    const before = process.env.SPECFILL_WORKERS;
    try {
      process.env.SPECFILL_WORKERS = '0';
      const single = await checkJson(dir);
      process.env.SPECFILL_WORKERS = '2';
      const pooled = await checkJson(dir);
      expect(pooled).toEqual(single);
      expect(single.code).toBe(2);
      expect(single.report.summary).toEqual({ files: 12, errors: 0, warnings: 8, infos: 0 });
    } finally {
      if (before === undefined) delete process.env.SPECFILL_WORKERS;
      else process.env.SPECFILL_WORKERS = before;
    }
  });
});

it('--cache validates the config on every run: a cache in the repository vouches for nothing (code review)', async () => {
  const dir = tempProject({ 'specs/a.md': filled('A'), 'specfill.config.json': JSON.stringify({ rules: { 'leftover-marker': 'error' } }) });
  expect((await checkJson(dir, '--cache')).code).toBe(0);
  // Unchanged: the rule setting still applies.
  writeFileSync(join(dir, 'specs', 'a.md'), filled('A').replace('Done: Outline potential future enhancements.', 'TODO: list the follow-ups.'));
  expect((await checkJson(dir, '--cache')).report.summary.errors).toBe(1);
  // Changed into an invalid one: refused.
  writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ rules: { 'leftover-marker': 'loud' } }));
  const bad = await runCli(dir, 'check', '--cache');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('rules.leftover-marker');
  // One that reaches outside the project is refused, whatever the cache says; the cache keeps no verdict on configs.
  writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ specs: ['../*.md'] }));
  const outside = await runCli(dir, 'check', '--cache');
  expect([outside.code, outside.stdout]).toEqual([2, '']);
  expect(readFileSync(join(dir, '.specfill-cache'), 'utf8')).not.toContain('validConfig');
});

it('--cache on some paths keeps the entries of the others', async () => {
  const dir = tempProject({ 'specs/a.md': filled('A'), 'specs/b.md': filled('B') });
  await checkJson(dir, '--cache');
  await checkJson(dir, '--cache', 'specs/a.md');
  expect(CheckCache.read(dir).paths().sort()).toEqual(['specs/a.md', 'specs/b.md']);
});
