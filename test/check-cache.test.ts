// `check --cache` must print exactly what a run without it prints, in every
// format, whether the results come fresh, from the cache, from a cache that a
// run over some paths wrote, or from a damaged cache file.
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, CheckCache } from '../src/io/check-cache.js';
import { runCli, spawnCli, tempProject } from './helpers/run-cli.js';

const SEED = readFileSync(join(import.meta.dirname, '..', 'templates', 'tech-spec.md'), 'utf8');
const spec = (title: string, fill: (instruction: string, i: number) => string): string => {
  let i = 0;
  return `---\ntitle: ${title}\ntemplate: tech-spec@1\nstatus: draft\nowners: []\n---\n${SEED.replace(/<!-- AGENT_PLACEHOLDER: (.*?) -->/g, (_m, text: string) => fill(text, i++))}\n`;
};

function project(): string {
  return tempProject({
    // Non-ASCII text in findings (section names, messages quoting the text) and in paths.
    'specs/größe.md': spec('Größe 🚀', (t, i) => (i === 2 ? 'TODO: décider — 東京 [voir](東京-é.md)' : `Fait : ${t}.`)),
    'specs/clean.md': spec('Clean', (t) => `Done: ${t}.`),
    'specs/open.md': spec('Open', (t, i) => (i % 2 === 0 ? `<!-- AGENT_PLACEHOLDER: ${t} -->` : 'TBD')),
    'specs/nested/deep.md': spec('Deep', (t, i) => (i === 0 ? '' : `Done: ${t} [self](#nope).`)),
  });
}

const FORMATS = ['json', 'pretty', 'sarif', 'github', 'junit'] as const;

async function outputs(cwd: string, ...args: string[]): Promise<string[]> {
  const all: string[] = [];
  for (const format of FORMATS) {
    const r = await runCli(cwd, 'check', '--format', format, ...args);
    expect(r.stderr).toBe('');
    all.push(`${r.code}\n${r.stdout}`);
  }
  return all;
}

describe('check --cache', () => {
  it('prints byte for byte what an uncached run prints, in every format, fresh and cached', async () => {
    const dir = project();
    const plain = await outputs(dir);
    expect(plain[0]).toContain('link to 東京-é.md: no such file');
    expect(plain[1]).toContain('décider — 東京'); // the code frame
    expect(await outputs(dir, '--cache')).toEqual(plain); // first run: results fresh, cache written
    expect(CheckCache.read(dir).paths().sort()).toEqual(['specs/clean.md', 'specs/größe.md', 'specs/nested/deep.md', 'specs/open.md']);
    expect(await outputs(dir, '--cache')).toEqual(plain); // from the cache
    // From another folder the paths are shown differently; the cached bodies hold no path.
    const sub = join(dir, 'specs');
    expect(await outputs(sub, '--cache')).toEqual(await outputs(sub));
  });

  it('keeps results by the path from the project root: two same files in two folders, each run from its own', async () => {
    const text = spec('Twin', (t) => `Done: ${t}. See [notes](./notes.txt).`);
    const dir = tempProject({ 'specs/a/x.md': text, 'specs/a/notes.txt': 'notes', 'specs/b/x.md': text });
    const a = join(dir, 'specs', 'a');
    const b = join(dir, 'specs', 'b');
    expect((await runCli(a, 'check', '--cache', 'x.md')).code).toBe(0);
    // The same text and the same path from the working folder, but another file: its link is broken.
    const plain = await runCli(b, 'check', '--format', 'json', '--max-warnings', '0', 'x.md');
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('link to ./notes.txt: no such file');
    const cached = await runCli(b, 'check', '--cache', '--format', 'json', '--max-warnings', '0', 'x.md');
    expect([cached.code, cached.stdout]).toEqual([1, plain.stdout]);
    expect(CheckCache.read(dir).paths().sort()).toEqual(['specs/a/x.md', 'specs/b/x.md']);
  });

  it('writes the same report file with --output from the cache as without it', () => {
    const dir = project();
    expect(spawnCli(dir, 'check', '--format', 'json', '--output', 'plain.json').code).toBe(1);
    expect(spawnCli(dir, 'check', '--cache', '--format', 'json', '--output', 'first.json').code).toBe(1);
    expect(spawnCli(dir, 'check', '--cache', '--format', 'json', '--output', 'cached.json').code).toBe(1);
    const plain = readFileSync(join(dir, 'plain.json'));
    expect(readFileSync(join(dir, 'first.json')).equals(plain)).toBe(true);
    expect(readFileSync(join(dir, 'cached.json')).equals(plain)).toBe(true);
  });

  it('keeps the results of files outside a partial run, and they still print exactly', async () => {
    const dir = project();
    const plain = await outputs(dir);
    await runCli(dir, 'check', '--cache');
    // Change one file, check only it: the other results are copied into the new cache file.
    const changed = spec('Open', (t) => `Done now: ${t}.`);
    writeFileSync(join(dir, 'specs', 'open.md'), changed);
    expect((await runCli(dir, 'check', '--cache', 'specs/open.md')).code).toBe(0);
    expect(CheckCache.read(dir).paths().sort()).toEqual(['specs/clean.md', 'specs/größe.md', 'specs/nested/deep.md', 'specs/open.md']);
    const now = await outputs(dir);
    expect(now).not.toEqual(plain);
    expect(await outputs(dir, '--cache')).toEqual(now);
  });

  it('notices a file changed with the same size and modification time, and one touched but unchanged', async () => {
    const dir = project();
    const path = join(dir, 'specs', 'clean.md');
    // A whole-second modification time, so that setting it back gives exactly the recorded one.
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    await runCli(dir, 'check', '--cache');
    const before = statSync(path);
    // Same size, same modification time, different content: only the hash can tell.
    const text = readFileSync(path, 'utf8').replace('Done: Describe the data model', 'TODO: Describe the data model');
    expect(Buffer.byteLength(text)).toBe(before.size);
    writeFileSync(path, text);
    utimesSync(path, before.atime, before.mtime);
    const uncached = await outputs(dir);
    expect(uncached[0]).toContain('"rule": "leftover-marker"');
    // The change time moved (it cannot be set back), so the file is hashed again.
    expect(await outputs(dir, '--cache')).toEqual(uncached);
    // Touched but unchanged: hashed, found the same, and served from the cache.
    utimesSync(path, new Date(), new Date());
    expect(await outputs(dir, '--cache')).toEqual(uncached);
  });

  it('notices a link target rewritten with its modification time set back (touch -d, cp -p)', async () => {
    const dir = tempProject({ 'other.md': '# O\n\n## Alpha\n\nx\n', 'doc.md': '# D\n\nsee [a](other.md#alpha)\n' });
    const target = join(dir, 'other.md');
    utimesSync(target, 1_700_000_000, 1_700_000_000);
    expect((await runCli(dir, 'check', '--cache', 'doc.md')).stdout).not.toContain('broken-link');
    const before = statSync(target);
    writeFileSync(target, '# O\n\n## Gamma\n\nx\n');
    utimesSync(target, before.atime, before.mtime);
    expect(statSync(target).size).toBe(before.size);
    expect((await runCli(dir, 'check', 'doc.md')).stdout).toContain('broken-link');
    expect((await runCli(dir, 'check', '--cache', 'doc.md')).stdout).toContain('broken-link');
  });

  it('is not used for a copy of the project elsewhere, nor once the project is a repository of its own: link targets and the repository\'s root changed (qa: stale passes)', async () => {
    const dir = tempProject({ 'specs/a.md': '# A\n\nSee [b](./b.md) and [root](/specs/b.md).\n', 'specs/b.md': '# B\n' });
    expect((await runCli(dir, 'check', '--cache', '--format', 'json')).code).toBe(0);
    // A copy, its linked file deleted: the original still has it, and its results were recorded by absolute path.
    const copy = `${dir}-copy`;
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, 'specs', 'b.md'));
    const copied = await runCli(copy, 'check', '--cache', '--format', 'json');
    expect((JSON.parse(copied.stdout) as { files: Array<{ findings: unknown[] }> }).files[0]!.findings.length).toBe(2);
    // A project in a repository, then a repository of its own: a link from `/` starts elsewhere.
    const outer = tempProject({ 'specs/b.md': '# B\n', 'proj/specfill.config.json': '{}', 'proj/specs/a.md': '# A\n\nSee [root](/specs/b.md).\n' });
    const proj = join(outer, 'proj');
    expect((await runCli(proj, 'check', '--cache', '--format', 'json')).stdout).not.toContain('broken-link');
    mkdirSync(join(proj, '.git'));
    const own = (await runCli(proj, 'check', '--cache', '--format', 'json')).stdout;
    expect([own.includes('broken-link'), own]).toEqual([true, (await runCli(proj, 'check', '--format', 'json')).stdout]);
  });

  it('rebuilds a damaged cache file instead of failing or printing wrong results', async () => {
    const dir = project();
    const plain = await outputs(dir);
    const cacheFile = join(dir, CACHE_FILE);
    const damage: Array<(bytes: Buffer) => void> = [
      () => truncateSync(cacheFile, statSync(cacheFile).size - 10), // cut short
      () => truncateSync(cacheFile, 0), // empty
      (bytes) => writeFileSync(cacheFile, Buffer.concat([Buffer.from('x'), bytes])), // offsets shifted
      (bytes) => writeFileSync(cacheFile, bytes.toString('latin1').replace(/specfill-cache (\d+) (\d+)/, (_m, v: string, at: string) => `specfill-cache ${v} ${Number(at) + 1}`), 'latin1'), // index offset wrong
      // The index damaged in place: its counts say the file has no warnings.
      (bytes) => writeFileSync(cacheFile, bytes.toString('latin1').replace(/"counts":\[(?!0,0,0\])\d+,\d+,\d+\]/, '"counts":[0,0,0]'), 'latin1'),
      // A body damaged in place, its length kept: no longer JSON, or JSON that says something else.
      (bytes) => writeFileSync(cacheFile, bytes.toString('latin1').replace('"rule": ', '"rule"! '), 'latin1'),
      (bytes) => writeFileSync(cacheFile, bytes.toString('latin1').replace('"severity": "error"', '"severity": "xrror"'), 'latin1'),
      (bytes) => writeFileSync(cacheFile, bytes.toString('latin1').replace(/"length":(\d+)/, (_m, n: string) => `"length":${'9'.repeat(n.length)}`), 'latin1'), // a body said to run into the index
      () => writeFileSync(cacheFile, '{"version":2,"key":"x","entries":{}}'), // an older format
      () => mkdirSync(join(dir, 'unused'), { recursive: true }), // intact, as a control
    ];
    for (const harm of damage) {
      await runCli(dir, 'check', '--cache');
      const before = readFileSync(cacheFile);
      harm(before);
      if (damage.indexOf(harm) < damage.length - 1) expect(readFileSync(cacheFile).equals(before)).toBe(false);
      expect(await outputs(dir, '--cache')).toEqual(plain);
      expect(CheckCache.read(dir).paths()).toHaveLength(4);
    }
  });
});

it('checkFiles with a cache gives reports that can be read after the run, run after run', async () => {
  const { checkFiles } = await import('../src/io/check-files.js');
  const dir = project();
  const run = () => checkFiles({ cwd: dir, root: dir, config: {}, paths: [], cache: true, version: 'test' });
  const first = await run();
  for (let i = 0; i < 3; i++) {
    const again = await run();
    expect(JSON.parse(JSON.stringify(again.report))).toEqual(JSON.parse(JSON.stringify(first.report)));
    expect(again.report.files.some((f) => f.findings.length > 0)).toBe(true);
  }
});

describe('a cache written by another build', () => {
  it('is not used: the version mixed into the key tells builds apart', async () => {
    const { streamCheckFiles } = await import('../src/io/check-files.js');
    const dir = project();
    // How many reports came from the cache (their parts are read from it lazily).
    const cachedReports = async (version: string): Promise<number> => {
      let cached = 0;
      await streamCheckFiles({ cwd: dir, root: dir, config: {}, paths: [], cache: true, version }, (report) => {
        if (Object.getOwnPropertyDescriptor(report, 'findings')?.get !== undefined) cached++;
      });
      return cached;
    };
    expect(await cachedReports('0.1.0+aaaa')).toBe(0);
    expect(await cachedReports('0.1.0+aaaa')).toBe(4);
    // Another build: every file checked again, and its results kept for that build.
    expect(await cachedReports('0.1.0+bbbb')).toBe(0);
    expect(await cachedReports('0.1.0+bbbb')).toBe(4);
  });

  it('the built CLI keys its cache by the build: another build (another build-id.txt) checks every file again', async () => {
    const { cpSync, mkdtempSync, symlinkSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    // A copy of the package, so that its build id can change without touching the one other tests run.
    const here = join(import.meta.dirname, '..');
    const pkg = mkdtempSync(join(tmpdir(), 'specfill-build-'));
    for (const part of ['dist', 'templates', 'schema', 'package.json']) cpSync(join(here, part), join(pkg, part), { recursive: true });
    symlinkSync(join(here, 'node_modules'), join(pkg, 'node_modules'));
    const idFile = join(pkg, 'dist', 'cli', 'build-id.txt');
    expect(readFileSync(idFile, 'utf8')).toMatch(/^[0-9a-f]{16}\n$/);
    const dir = project();
    const keyAfterRun = (): string => {
      const r = spawnSync(process.execPath, [join(pkg, 'dist', 'cli', 'specfill.js'), 'check', '--cache', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return /"key":"([0-9a-f]+)"/.exec(readFileSync(join(dir, CACHE_FILE), 'latin1'))![1]!;
    };
    const first = keyAfterRun();
    expect(keyAfterRun()).toBe(first);
    writeFileSync(idFile, '0123456789abcdef\n');
    expect(keyAfterRun()).not.toBe(first);
  });
});
