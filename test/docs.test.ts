// Docs are part of the feature: the README's Quick start is two commands, it
// documents every command, and its console examples are what specfill prints.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../src/index.js';
import { BIN, runCli, spawnCli, tempProject } from './helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The ```console blocks of the README: the command after `$ npx specfill` and the lines shown. */
function consoleExamples(): { args: string[]; shown: string[] }[] {
  return [...README.matchAll(/```console\n\$ npx specfill (.*)\n([\s\S]*?)```/g)].map((m) => ({
    args: [...m[1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((a) => a[1] ?? a[2]!),
    shown: m[2]!.split('\n').filter((l) => l !== ''),
  }));
}

describe('README', () => {
  it('has a Quick start of exactly two commands: install-and-run, then test', () => {
    const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(README)![1]!.trim().split('\n');
    expect(quick).toHaveLength(2);
    expect(quick[0]).toMatch(/^npm install && npx specfill /);
    expect(quick[1]).toMatch(/^npm test\b/);
  });

  it('names only npm scripts the package has (it named `npm run bench`, which did not exist)', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const named = [...new Set([README, readFileSync(join(ROOT, 'bench', 'README.md'), 'utf8'), readFileSync(join(ROOT, 'docs', 'SPEC.md'), 'utf8')]
      .flatMap((text) => [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!)))];
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it('documents every command of the CLI', async () => {
    const help = await runCli(tempProject(), '--help');
    const listing = help.stdout.slice(help.stdout.indexOf('Commands:'));
    const commands = [...listing.matchAll(/^ {2}([a-z-]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) expect(README).toContain(`### \`specfill ${command}`);
  });

  it('shows console examples that specfill really prints', async () => {
    const dir = tempProject();
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    const examples = consoleExamples();
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const { args, shown } of examples) {
      const r = await runCli(dir, ...args);
      expect(r.code, `specfill ${args.join(' ')}`).toBe(0);
      const printed = r.stdout.split('\n').filter((l) => l !== '');
      // `...` in the README stands for lines left out; the rest must match exactly, in order.
      const cut = shown.indexOf('...');
      const expected = cut === -1 ? shown : shown.slice(0, cut);
      const actual = cut === -1 ? printed : printed.slice(0, cut);
      expect(actual, `specfill ${args.join(' ')}`).toEqual(expected);
    }
  });
});

it('shows a config example that is valid, and uses every top-level key of the config', async () => {
  const { parse } = await import('yaml');
  const { validateConfig, configSchema } = await import('../src/core/config.js');
  const example = /#### Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(README)![1]!;
  const data = parse(example) as Record<string, unknown>;
  expect(validateConfig(data).issues).toEqual([]);
  expect(Object.keys(data).sort()).toEqual(Object.keys(configSchema.shape).filter((k) => k !== '$schema').sort());
});

it('runs the GitHub Actions and GitLab CI jobs and the pre-commit hooks it shows, as written', async () => {
  const section = README.slice(README.indexOf('#### In GitHub Actions'), README.indexOf('### `specfill serve'));
  const commands = [...section.matchAll(/(?:run: |entry: |exec |- )npx specfill (check[^\n]*)/g)].map((m) => m[1]!.replace('${{ github.base_ref }}', 'main'));
  expect(commands).toEqual(['check --changed origin/main --format github', 'check --format sarif --output specfill.sarif',
    'check --format gitlab --output gl-code-quality-report.json', 'check']);
  const dir = tempProject({ 'specs/a.md': '# A\n\n## Notes\n\nDone.\n' });
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
  rmSync(join(dir, '.git'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'specs');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  writeFileSync(join(dir, 'specs', 'b.md'), '# B\n\nTODO\n');
  for (const command of commands) {
    // pre-commit hands the staged Markdown files to its entry.
    const args = [...command.split(' '), ...(command === 'check' ? ['specs/b.md'] : [])];
    const r = spawnCli(dir, ...args);
    expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    if (command.includes('github')) expect(r.stdout).toContain('::warning file=specs/b.md,line=3');
  }
  expect(JSON.parse(readFileSync(join(dir, 'specfill.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0', runs: [{ results: [{ ruleId: 'leftover-marker' }] }] });
  expect(JSON.parse(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8'))).toMatchObject([{ check_name: 'leftover-marker', severity: 'minor', location: { path: 'specs/b.md', lines: { begin: 3 } } }]);
});

it('shows pre-commit hooks that check the specs being committed, not templates, other Markdown or untracked drafts', () => {
  const section = README.slice(README.indexOf('#### As a pre-commit hook'), README.indexOf('### `specfill serve'));
  const files = new RegExp(/\n {8}files: (.*)\n/.exec(section)![1]!);
  expect(['specs/b.md', 'specs/sub/c.md'].map((p) => files.test(p))).toEqual([true, true]);
  expect(['.specfill/templates/t.md', 'README.md', 'docs/specs.md'].map((p) => files.test(p))).toEqual([false, false, false]);
  const hook = /```sh\n(#!\/bin\/sh\n[\s\S]*?)```/.exec(section)![1]!;
  expect(hook).toContain('npx specfill check');
  const dir = tempProject({
    'specs/a.md': '# A\n\nDone.\n',
    '.specfill/templates/t.md': '# T\n\n## Notes\n\n<!-- AGENT_PLACEHOLDER: notes -->\n',
  });
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
  rmSync(join(dir, '.git'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'start');
  writeFileSync(join(dir, '.git', 'hooks', 'pre-commit'), hook.replace('npx specfill', `"${process.execPath}" "${BIN}"`), { mode: 0o755 });
  const commit = (): { code: number; out: string } => {
    const r = spawnSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'x'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status ?? -1, out: r.stdout + r.stderr };
  };
  // An untracked draft and a template with placeholders do not stop a commit of other files.
  writeFileSync(join(dir, 'specs', 'wip.md'), '# WIP\n\n<!-- AGENT_PLACEHOLDER: later -->\n');
  writeFileSync(join(dir, '.specfill', 'templates', 't.md'), '# T\n\n## Notes\n\n<!-- AGENT_PLACEHOLDER: the notes -->\n');
  writeFileSync(join(dir, 'notes.txt'), 'x\n');
  git('add', 'notes.txt', '.specfill');
  expect(commit()).toEqual({ code: 0, out: '' });
  // A spec being committed with an open placeholder does.
  git('add', 'specs/wip.md');
  const blocked = commit();
  expect(blocked.code).not.toBe(0);
  expect(blocked.out).toContain('specs/wip.md');
  expect(blocked.out).toContain('unfilled-placeholder');
  expect(git('log', '--format=%s')).toBe('x\nstart\n');
});

describe('README and the check rules', () => {
  it('lists every rule with its default severity, and so does `check --help`', async () => {
    const { RULES } = await import('../src/core/checks/index.js');
    const help = await runCli(tempProject(), 'check', '--help');
    for (const rule of RULES) {
      expect(README).toContain(`| [\`${rule.id}\`](docs/checks/${rule.id}.md) | ${rule.defaultSeverity} |`);
      expect(help.stdout).toContain(rule.id);
    }
  });
});

describe('docs/SPEC.md', () => {
  const source = readFileSync(join(ROOT, 'docs', 'SPEC.md'), 'utf8');
  const spec = parseSpec(source);

  it('is written from the tech-spec template with every placeholder filled', () => {
    expect(spec.frontMatter?.data).toMatchObject({ template: 'tech-spec@1' });
    expect(spec.placeholders).toEqual([]);
    expect(spec.malformed).toEqual([]);
  });

  it('keeps every section of the template', () => {
    const template = parseSpec(readFileSync(join(ROOT, 'templates', 'tech-spec.md'), 'utf8'));
    const ids = (sections: typeof spec.sections): string[] => sections.flatMap((s) => [s.id, ...ids(s.children)]);
    expect(ids(spec.sections)).toEqual(expect.arrayContaining(ids(template.sections)));
  });
});
