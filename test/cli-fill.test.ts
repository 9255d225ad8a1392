import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDate } from '../src/core/create-spec.js';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '../src/core/fill-placeholders.js';
import { parseSpec } from '../src/core/parse-spec.js';
import { fillFile, provenanceEntries } from '../src/io/fill-file.js';
import { BIN, runCli, tempProject } from './helpers/run-cli.js';

const sha = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

async function newSpec(dir: string): Promise<{ file: string; before: string }> {
  await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
  const file = join(dir, 'specs', 'rate-limiter.md');
  return { file, before: readFileSync(file, 'utf8') };
}

const ANSWERS = `overview: |
  A token-bucket limiter in front of the public API.
architecture/data-model: |
  One bucket per client id:

  | field | type |
  | --- | --- |
  | tokens | int |
`;

describe('specfill fill --answers', () => {
  it('fills the named placeholders and nothing else, and reports in JSON', async () => {
    const dir = tempProject({ 'answers.yaml': ANSWERS });
    const { file, before } = await newSpec(dir);
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml', '--json');
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before
      .replace('<!-- AGENT_PLACEHOLDER: Provide a high-level description of the component/feature being specified -->', 'A token-bucket limiter in front of the public API.')
      .replace('<!-- AGENT_PLACEHOLDER: Describe the data model, entities, and their relationships -->', 'One bucket per client id:\n\n| field | type |\n| --- | --- |\n| tokens | int |'));
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file: 'specs/rate-limiter.md', filled: ['overview', 'architecture/data-model'], refused: [], hash: sha(after) });
    expect(json.remaining).toHaveLength(18);
    expect(json.remaining).not.toContain('overview');
  });

  it('rejects unknown ids with the valid ones (exit 2), writing nothing', async () => {
    const dir = tempProject({ 'answers.yaml': `${ANSWERS}nonsense: x\n` });
    const { file, before } = await newSpec(dir);
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no open placeholder has the id `nonsense`; open ids: overview, goals-and-non-goals/goals,');
    expect(readFileSync(file, 'utf8')).toBe(before);
    writeFileSync(join(dir, 'answers.yaml'), ANSWERS);
    const only = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml', '--only', 'overview', 'typo');
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('no open placeholder has the id `typo`');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('takes an id typed without the invisible character an emoji heading gives it, and shows such characters in messages (blind QA)', async () => {
    const spec = '# S\n\n## \u2699\uFE0F Settings\n\n<!-- AGENT_PLACEHOLDER: Every setting -->\n\n## Other\n\n<!-- AGENT_PLACEHOLDER: More -->\n';
    const dir = tempProject({ 'specs/s.md': spec, 'answers.yaml': 'settings: x\n', 'typed.yaml': '-settings: |\n  region: eu\n' });
    const ids = JSON.parse((await runCli(dir, 'placeholders', 'specs/s.md', '--json')).stdout).map((p: { id: string }) => p.id);
    expect(ids).toEqual(['\uFE0F-settings', 'other']);
    // In the table and in check's messages too (the JSON fields keep the id itself; blind QA).
    expect((await runCli(dir, 'placeholders', 'specs/s.md')).stdout).toMatch(/^\\u\{FE0F\}-settings {2}/);
    const open = JSON.parse((await runCli(dir, 'check', 'specs/s.md', '--format', 'json')).stdout).files[0].findings[0];
    expect([open.placeholder, open.message]).toEqual(['\uFE0F-settings', 'placeholder "\\u{FE0F}-settings" is not filled: "Every setting"']);
    const wrong = await runCli(dir, 'fill', 'specs/s.md', '--answers', 'answers.yaml');
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('open ids: \\u{FE0F}-settings, other')]);
    const typed = await runCli(dir, 'fill', 'specs/s.md', '--answers', 'typed.yaml');
    expect([typed.code, typed.stdout]).toEqual([0, 'specs/s.md: filled 1 placeholder (\\u{FE0F}-settings); 1 still open\n']);
    expect(readFileSync(join(dir, 'specs', 's.md'), 'utf8')).toBe(spec.replace('<!-- AGENT_PLACEHOLDER: Every setting -->', 'region: eu'));
    // Run again, as answers files are: the typed id is found filled, not unknown (code review).
    const again = await runCli(dir, 'fill', 'specs/s.md', '--answers', 'typed.yaml');
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('already filled by an earlier run, skipped: \\u{FE0F}-settings')]);
    expect((await runCli(dir, 'prompt', 'specs/s.md', '--placeholder', 'other')).code).toBe(0);
    // A link written without it is broken on GitHub too: the suggestion is one that works when copied.
    writeFileSync(join(dir, 'specs', 'l.md'), '# L\n\n## \u2699\uFE0F Settings\n\nSee [s](#-settings) and [t](#%EF%B8%8F-settings).\n');
    const check = await runCli(dir, 'check', 'specs/l.md', '--format', 'json');
    expect(JSON.parse(check.stdout).files[0].findings.map((f: { message: string }) => f.message)).toEqual(['link to #-settings: no heading in this document has that anchor; did you mean #%EF%B8%8F-settings?']);
  });

  it('restricts to --only, and --dry-run prints a diff and writes nothing', async () => {
    const dir = tempProject({ 'answers.yaml': ANSWERS });
    const { file, before } = await newSpec(dir);
    const dry = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml', '--only', 'overview', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- a/specs/rate-limiter.md');
    expect(dry.stdout).toContain('-<!-- AGENT_PLACEHOLDER: Provide a high-level description of the component/feature being specified -->');
    expect(dry.stdout).toContain('+A token-bucket limiter in front of the public API.');
    expect(dry.stdout).not.toContain('One bucket');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const only = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml', '--only', 'overview', '--json');
    expect(JSON.parse(only.stdout).filled).toEqual(['overview']);
    // An --only id without an answer in the file is pointed out.
    const none = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml', '--only', 'references');
    expect(none.stderr).toContain('specfill: warning: answers.yaml has no answer for `references`');
  });

  it.each([
    ['invalid YAML', 'overview: [unclosed\n', 'answers.yaml:2:1: cannot be read'],
    ['a value that is not text', 'overview:\n  - a list\n', 'answers.yaml:2:3: the answer for `overview` is not text'],
    ['an id twice', 'overview: a\noverview: b\n', 'answers.yaml:2:1: an id appears twice'],
    ['invalid JSON', '{"overview": "a",}', 'answers.json:1:18: cannot be read as JSON'],
    // JSON.parse gives no position for this one, and quotes the text with its line breaks (lifecycle QA).
    ['JSON with a value left out', '{\n  "overview": "ok",\n  "goals": \n}\n', "answers.json:4:1: cannot be read as JSON: Unexpected token '}'\n"],
  ])('%s: a located message, exit 2, the spec byte-identical', async (name, answers, message) => {
    const answersFile = name.includes('JSON') ? 'answers.json' : 'answers.yaml';
    const dir = tempProject({ [answersFile]: answers });
    const { file, before } = await newSpec(dir);
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', answersFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('reads a JSON answers file with a byte order mark, or with lone CR line breaks (code review)', async () => {
    for (const answers of ['\uFEFF{"overview": "A limiter."}\n', '{\r"overview": "A limiter."\r}\r']) {
      const dir = tempProject({ 'answers.json': answers });
      const { file } = await newSpec(dir);
      const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.json');
      expect([r.code, r.stderr], JSON.stringify(answers)).toEqual([0, '']);
      expect(readFileSync(file, 'utf8')).toContain('A limiter.');
    }
  });

  it('refuses bad content with its reason (exit 1) and fills the rest', async () => {
    const dir = tempProject({ 'answers.yaml': 'overview: |\n  ## Not a subsection\n  text\ngoals-and-non-goals/goals: Fast.\n' });
    await newSpec(dir);
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.filled).toEqual(['goals-and-non-goals/goals']);
    expect(json.refused).toEqual([{ id: 'overview', reason: 'heading', message: expect.stringContaining('level-2 heading') }]);
  });

  it('refuses an answer that would switch rules of check off, and check still reports what is open (QA: a fill silenced the CI gate)', async () => {
    const dir = tempProject({ 'answers.yaml': 'overview: |\n  The overview.\n\n  <!-- specfill-disable -->\ngoals-and-non-goals/goals: |\n  Shown as code: `<!-- specfill-disable -->`.\n' });
    const { file, before } = await newSpec(dir);
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.filled).toEqual(['goals-and-non-goals/goals']);
    expect(json.refused).toEqual([{ id: 'overview', reason: 'suppression', message: expect.stringContaining('suppression comment') }]);
    expect(readFileSync(file, 'utf8')).toBe(before.replace('<!-- AGENT_PLACEHOLDER: List specific goals this component/feature aims to achieve -->', 'Shown as code: `<!-- specfill-disable -->`.'));
    const check = await runCli(dir, 'check', 'specs/rate-limiter.md', '--format', 'json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).files[0].findings.filter((f: { rule: string }) => f.rule === 'unfilled-placeholder')).toHaveLength(19);
  });

  it('fills a table cell with its pipes escaped, and refuses a multi-line answer there (QA: the row gained a cell, or split)', async () => {
    const spec = '# T\n\n## Table\n\n| k | v |\n|---|---|\n| a | <!-- AGENT_PLACEHOLDER: cell --> |\n| b | c |\n';
    const dir = tempProject({ 'specs/y.md': spec, 'pipe.yaml': 'table: "x | y"\n', 'nl.yaml': 'table: |\n  line1\n  line2\n' });
    const file = join(dir, 'specs', 'y.md');
    const lines = await runCli(dir, 'fill', 'specs/y.md', '--answers', 'nl.yaml');
    expect([lines.code, lines.stderr]).toEqual([1, 'specfill: specs/y.md: refused table: a table cell holds one line: write the answer on one line (`<br>` breaks a line inside a cell)\n']);
    expect(readFileSync(file, 'utf8')).toBe(spec);
    const pipe = await runCli(dir, 'fill', 'specs/y.md', '--answers', 'pipe.yaml');
    expect(pipe.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(spec.replace('<!-- AGENT_PLACEHOLDER: cell -->', 'x \\| y'));
  });

  it('fills a placeholder in a heading with one line, records it under the section it names, and lists it as `…` (QA: every answer was refused)', async () => {
    const spec = '# T\n\n## <!-- AGENT_PLACEHOLDER: name the component -->\n\nText.\n';
    const dir = tempProject({ 'specs/h.md': spec, 'ans.yaml': 'section: Rate limiter\n', 'two.yaml': 'section: |\n  Rate limiter\n\n  More.\n' });
    const file = join(dir, 'specs', 'h.md');
    expect((await runCli(dir, 'placeholders', 'specs/h.md')).stdout).toBe('section  …  3:4  name the component\n');
    const two = await runCli(dir, 'fill', 'specs/h.md', '--answers', 'two.yaml');
    expect([two.code, two.stderr]).toEqual([1, 'specfill: specs/h.md: refused section: a heading holds one line: write the heading\'s text on one line\n']);
    expect(readFileSync(file, 'utf8')).toBe(spec);
    const one = await runCli(dir, 'fill', 'specs/h.md', '--answers', 'ans.yaml');
    expect([one.code, one.stdout]).toEqual([0, 'specs/h.md: filled 1 placeholder (section); 0 still open\n']);
    expect(readFileSync(file, 'utf8')).toBe('# T\n\n## Rate limiter\n\nText.\n');
    const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8')).specs['specs/h.md'];
    expect(provenance.section).toMatchObject({ filler: 'answers', section: 'rate-limiter', sectionSha256: sha('Text.') });
  });

  it('records each fill under the section its text stands in, after earlier fills, a renamed heading and a new subsection', () => {
    const spec = parseSpec('---\nupdated: 2020-01-01\n---\n# T\n\n## <!-- AGENT_PLACEHOLDER: name -->\n\n<!-- AGENT_PLACEHOLDER: body -->\n\n### Design\n\n<!-- AGENT_PLACEHOLDER: how -->\n');
    const outcome = fillPlaceholders(spec, [{ id: 'section', content: 'Limiter' }, { id: 'section#2', content: 'Long\n\nbody.' }, { id: 'section/design', content: '#### Tables\n\nOne.' }]);
    const entries = provenanceEntries(spec, { ...outcome, source: outcome.source.replace('2020-01-01', '2026-11-27T00:00') }, { filler: 'answers', at: 'now' });
    expect(Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, e.section]))).toEqual({ 'section': 'limiter', 'section#2': 'limiter', 'section/design': 'limiter/design' });
  });

  it('runs again after a refusal: answers in place are skipped, twins that moved land where they belong', async () => {
    const spec = '# Twins\n\n## Plan\n\n<!-- AGENT_PLACEHOLDER: First step -->\n\n<!-- AGENT_PLACEHOLDER: Second step -->\n\n## Risks\n\n<!-- AGENT_PLACEHOLDER: Risks -->\n';
    const dir = tempProject({ 'specs/twins.md': spec, 'answers.yaml': 'plan: Step one.\nplan#2: |\n  # Not here\nrisks: None known.\n' });
    const file = join(dir, 'specs', 'twins.md');
    const first = await runCli(dir, 'fill', 'specs/twins.md', '--answers', 'answers.yaml', '--json');
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout)).toMatchObject({ filled: ['plan', 'risks'], remaining: ['plan'] });
    // The refused answer is fixed and the same file run again: `plan#2` is now `plan` in the spec.
    writeFileSync(join(dir, 'answers.yaml'), 'plan: Step one.\nplan#2: Step two.\nrisks: None known.\n');
    const second = await runCli(dir, 'fill', 'specs/twins.md', '--answers', 'answers.yaml');
    expect([second.code, second.stderr]).toEqual([0, '']);
    expect(second.stdout).toContain('already filled by an earlier run, skipped: plan, risks');
    const done = '# Twins\n\n## Plan\n\nStep one.\n\nStep two.\n\n## Risks\n\nNone known.\n';
    expect(readFileSync(file, 'utf8')).toBe(done);
    // A third run changes nothing.
    const third = await runCli(dir, 'fill', 'specs/twins.md', '--answers', 'answers.yaml', '--json');
    expect(JSON.parse(third.stdout)).toMatchObject({ filled: [], alreadyFilled: ['plan', 'plan#2', 'risks'], remaining: [] });
    expect(readFileSync(file, 'utf8')).toBe(done);
    // An answer for a section filled with something else is still an error, and nothing is written.
    writeFileSync(join(dir, 'answers.yaml'), 'risks: Other risks.\n');
    const other = await runCli(dir, 'fill', 'specs/twins.md', '--answers', 'answers.yaml');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('no open placeholder has the id `risks` (`risks` is a section with no open placeholder, filled already or never given one: edit the text there); open ids: (none)');
  });

  it('on a rerun, an answer found inside another one, or in an open instruction, is not taken as filled; --only picks by the answers\' ids', async () => {
    const spec = '# Twins\n\n## Plan\n\n<!-- AGENT_PLACEHOLDER: First step -->\n\n<!-- AGENT_PLACEHOLDER: Second step -->\n\n## Risks\n\n<!-- AGENT_PLACEHOLDER: Risks -->\n';
    const dir = tempProject({ 'specs/twins.md': spec, 'a.yaml': 'plan: Use Postgres.\nplan#2: |\n  # Not here\nrisks: None known.\n' });
    const file = join(dir, 'specs', 'twins.md');
    expect((await runCli(dir, 'fill', 'specs/twins.md', '--answers', 'a.yaml')).code).toBe(1);
    // "Postgres" is inside the first answer; only one answer of the section can have landed.
    writeFileSync(join(dir, 'a.yaml'), 'plan: Use Postgres.\nplan#2: Postgres\nrisks: None known.\n');
    const only = await runCli(dir, 'fill', 'specs/twins.md', '--answers', 'a.yaml', '--only', 'plan#2', '--json');
    expect(only.code).toBe(0);
    expect(JSON.parse(only.stdout)).toMatchObject({ filled: ['plan'], remaining: [] });
    expect(readFileSync(file, 'utf8')).toBe('# Twins\n\n## Plan\n\nUse Postgres.\n\nPostgres\n\n## Risks\n\nNone known.\n');
    // The answer is the open placeholder's own instruction: not filled yet, so filled now.
    const dir2 = tempProject({ 'specs/twins.md': spec.replace('<!-- AGENT_PLACEHOLDER: First step -->', 'Done first.'), 'a.yaml': 'plan: Done first.\nplan#2: Second step\n' });
    const second = await runCli(dir2, 'fill', 'specs/twins.md', '--answers', 'a.yaml', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ filled: ['plan'], alreadyFilled: ['plan'] });
    expect(readFileSync(join(dir2, 'specs', 'twins.md'), 'utf8')).toContain('Done first.\n\nSecond step\n');
  });

  it('fills an open placeholder even when its answer already appears in the section', async () => {
    const dir = tempProject({ 'specs/s.md': '# S\n\n## Notes\n\nNone.\n\n<!-- AGENT_PLACEHOLDER: More notes -->\n', 'answers.yaml': 'notes: None.\n' });
    const r = await runCli(dir, 'fill', 'specs/s.md', '--answers', 'answers.yaml', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ filled: ['notes'], remaining: [] });
    expect(readFileSync(join(dir, 'specs', 's.md'), 'utf8')).toBe('# S\n\n## Notes\n\nNone.\n\nNone.\n');
  });

  it('creates and fills in one step with new --answers, recording provenance', async () => {
    const dir = tempProject({ 'answers.yaml': ANSWERS });
    const r = await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter', '--answers', 'answers.yaml', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).filled).toEqual(['overview', 'architecture/data-model']);
    expect(JSON.parse(r.stdout).placeholders).toHaveLength(18);
    const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8'));
    expect(Object.keys(provenance.specs['specs/rate-limiter.md'])).toEqual(['overview', 'architecture/data-model']);
    expect(provenance.specs['specs/rate-limiter.md'].overview).toMatchObject({ filler: 'answers', sha256: sha('A token-bucket limiter in front of the public API.') });
    const bad = await runCli(tempProject({ 'answers.yaml': 'nope: x\n' }), 'new', 'tech-spec', '--title', 'X', '--answers', 'answers.yaml');
    expect(bad.code).toBe(2);
    // Without --json it says what it filled (lifecycle QA).
    const text = await runCli(tempProject({ 'answers.yaml': ANSWERS }), 'new', 'tech-spec', '--title', 'Rate limiter', '--answers', 'answers.yaml');
    expect(text.stdout.split('\n')[0]).toBe('created specs/rate-limiter.md from tech-spec@1: filled overview, architecture/data-model from answers.yaml; 18 placeholders to fill');
  });
});

describe('provenance and status', () => {
  it('counts sections a machine filled until a person edits them; losing the file breaks nothing', async () => {
    const dir = tempProject();
    const { file } = await newSpec(dir);
    await fillFile(file, { answers: [{ id: 'overview', content: 'Drafted by a model.' }, { id: 'references', content: '- RFC 6585' }], filler: 'agent', model: 'test-model', root: dir, displayPath: 'specs/rate-limiter.md' });
    const status = async (): Promise<number> => JSON.parse((await runCli(dir, 'status', '--json')).stdout).specs[0].machineFilled;
    expect(await status()).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8')).specs['specs/rate-limiter.md'].overview.model).toBe('test-model');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Drafted by a model.', 'Drafted by a model, then reviewed.'));
    expect(await status()).toBe(1);
    writeFileSync(join(dir, '.specfill', 'provenance.json'), 'not json');
    expect(await status()).toBe(0);
    execFileSync('rm', ['-rf', join(dir, '.specfill')]);
    expect((await runCli(dir, 'status')).code).toBe(0);
  });
});

describe('faults', () => {
  it('a stale hash is a conflict (exit 1) and the file is untouched', async () => {
    const dir = tempProject();
    const { file, before } = await newSpec(dir);
    await expect(fillFile(file, { answers: [{ id: 'overview', content: 'x' }], filler: 'answers', root: dir, displayPath: 'f', expectedHash: sha('something else') }))
      .rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it.skipIf(process.getuid?.() !== 0)('a full disk: a clear message, exit 2, the original byte-identical, no temporary file left', async (context) => {
    const mount = mkdtempSync(join(tmpdir(), 'specfill-full-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', mount]).status === 0;
    if (!mounted) context.skip(); // no permission to mount here: reported as skipped, not passed
    try {
      mkdirSync(join(mount, '.git'));
      await runCli(mount, 'new', 'tech-spec', '--title', 'Rate limiter');
      const file = join(mount, 'specs', 'rate-limiter.md');
      const before = readFileSync(file, 'utf8');
      writeFileSync(join(mount, 'answers.yaml'), `overview: |\n  ${'word '.repeat(3000)}\n`);
      // Fill the disk to the last page, then free one page: room for the lock file, not for the new spec.
      const fd = openSync(join(mount, 'filler'), 'w');
      let size = 0;
      try {
        for (;;) size += writeSync(fd, Buffer.alloc(4096));
      } catch {
        // the disk is full
      }
      ftruncateSync(fd, Math.max(0, size - 8192));
      closeSync(fd);
      const r = await runCli(mount, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/specs\/rate-limiter\.md: could not be written: the disk is full; the file was left as it was/);
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(readdirSync(join(mount, 'specs'))).toEqual(['rate-limiter.md']);
      expect(existsSync(join(mount, 'specs', 'rate-limiter.md.specfill-lock'))).toBe(false);
    } finally {
      spawnSync('umount', [mount]);
    }
  });

  it('a read-only file is refused (exit 2), even for root, and stays byte-identical', async () => {
    const dir = tempProject({ 'answers.yaml': 'overview: x\n' });
    const { file, before } = await newSpec(dir);
    chmodSync(file, 0o444);
    const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('specs/rate-limiter.md: is read-only; the file was left as it was');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await runCli(dir, 'fill', 'specs/rate-limiter.md', '--interactive', '--dry-run')).code).toBe(2);
  });

  // Root writes through any permission, so this one runs for other users only; the full-disk test covers the path as root.
  it.skipIf(process.getuid?.() === 0)('a read-only folder: exit 2, original unchanged', async () => {
    const dir = tempProject({ 'answers.yaml': 'overview: x\n' });
    const { file, before } = await newSpec(dir);
    chmodSync(join(dir, 'specs'), 0o500);
    try {
      const r = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', 'answers.yaml');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('permission denied');
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      chmodSync(join(dir, 'specs'), 0o755);
    }
  });
});

describe('concurrency and crashes (spawned processes)', () => {
  const fillScript = (file: string, id: string, content: string, root: string): string[] => [
    '--input-type=module', '-e',
    `import { fillFile } from ${JSON.stringify(join(import.meta.dirname, '..', 'dist', 'io', 'fill-file.js'))};
     try { const r = await fillFile(${JSON.stringify(file)}, { answers: [{ id: ${JSON.stringify(id)}, content: ${JSON.stringify(content)} }], filler: 'answers', root: ${JSON.stringify(root)}, displayPath: 'spec.md' });
       process.stdout.write(r.filled.length === 1 ? 'landed' : 'noop'); }
     catch (e) { process.stdout.write(e.code === 'CONFLICT' ? 'conflict' : 'error ' + e.message); }`,
  ];

  it('two processes filling different placeholders at once never lose an update', async () => {
    const run = (args: string[]): Promise<string> => new Promise((resolve) => {
      const child = spawn(process.execPath, args);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', () => resolve(out));
    });
    for (let round = 0; round < 15; round++) {
      const dir = tempProject();
      const { file } = await newSpec(dir);
      const ids = ['overview', 'references'];
      const pending = new Set(ids);
      for (let attempt = 0; attempt < 10 && pending.size > 0; attempt++) {
        const results = await Promise.all([...pending].map((id) => run(fillScript(file, id, `Filled ${id}.`, dir)).then((r) => [id, r] as const)));
        for (const [id, r] of results) {
          expect(['landed', 'conflict']).toContain(r);
          if (r === 'landed') pending.delete(id);
        }
      }
      expect(pending.size).toBe(0);
      const text = readFileSync(file, 'utf8');
      for (const id of ids) expect(text).toContain(`Filled ${id}.`);
    }
  }, 120_000);

  it('a fill killed at any moment leaves the old file or the new one, never a mix', async () => {
    const dir = tempProject();
    const { file, before } = await newSpec(dir);
    const content = `${'A long answer line.\n'.repeat(2000)}The end.`;
    const outcomes = new Set<string>();
    for (let i = 0; i < 25; i++) {
      writeFileSync(file, before);
      const child = spawn(process.execPath, fillScript(file, 'overview', content, dir));
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, 40 + Math.random() * 120));
      child.kill('SIGKILL');
      await closed;
      const now = readFileSync(file, 'utf8');
      if (now === before) outcomes.add('old');
      else {
        // The fill also keeps the spec's `updated:` date current (the spawned process's today).
        expect(now).toBe(before.replace('<!-- AGENT_PLACEHOLDER: Provide a high-level description of the component/feature being specified -->', content).replace(/^updated: .*$/m, `updated: ${isoDate(new Date())}`));
        outcomes.add('new');
      }
      // A later fill still works (a lock left by the killed process is taken over).
      expect(existsSync(file)).toBe(true);
    }
    const again = await runCli(dir, 'fill', 'specs/rate-limiter.md', '--answers', (writeFileSync(join(dir, 'a.yaml'), 'references: R\n'), 'a.yaml'));
    expect(again.code, again.stderr).toBe(0);
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
    // No lock, and no lock's aside file of a killed process, is left behind.
    expect(readdirSync(join(dir, 'specs')).filter((n) => n.includes('specfill-lock'))).toEqual([]);
  }, 120_000);
});

it('BIN exists for the spawned tests', () => {
  expect(existsSync(BIN)).toBe(true);
});
