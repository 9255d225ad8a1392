// A template bumped from v1 to v2 (a section added in the middle, one
// renamed, one dropped) and twenty specs written from v1 with varied content:
// after `sync`, each has the new section with its placeholder at its place,
// the renamed heading, the dropped section kept and reported, the new
// version recorded, and every other byte unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../src/core/parse-spec.js';
import { fillFile } from '../src/io/fill-file.js';
import { runCli, tempProject } from './helpers/run-cli.js';

const V1 = `---
id: svc
name: Service spec
version: 1
---
# Service Spec

## Summary

<!-- AGENT_PLACEHOLDER: One paragraph: what and why -->

## Design

<!-- AGENT_PLACEHOLDER: How it works -->

### Data

<!-- AGENT_PLACEHOLDER: The data it keeps -->

## Monitoring

<!-- AGENT_PLACEHOLDER: What is watched and alerted on -->

## Open Questions

<!-- AGENT_PLACEHOLDER: What is still undecided -->
`;

// Version 2: a Rollout section added in the middle, Monitoring renamed (and declared so), Open Questions dropped.
const V2 = V1
  .replace('version: 1\n', 'version: 2\nrenamed:\n  monitoring: observability\n')
  .replace('## Monitoring\n', '## Rollout\n\n<!-- AGENT_PLACEHOLDER: How it reaches production, step by step -->\n\n## Observability\n')
  .replace('\n## Open Questions\n\n<!-- AGENT_PLACEHOLDER: What is still undecided -->\n', '');

const ROLLOUT = '## Rollout\n\n<!-- AGENT_PLACEHOLDER: How it reaches production, step by step -->\n\n';

/** Twenty varied ways of writing a spec from v1. */
function vary(i: number, text: string): string {
  let out = text;
  const fill = (instruction: string, content: string): void => {
    out = out.replace(`<!-- AGENT_PLACEHOLDER: ${instruction} -->`, content);
  };
  if (i % 2 === 0) fill('One paragraph: what and why', `Spec ${i} moves billing events to a queue.\n\nA second paragraph with *emphasis*.`);
  if (i % 3 === 0) fill('How it works', '```text\n## not a heading, inside a fence\n```\n\n- a list\n- of points');
  if (i % 4 === 0) fill('What is watched and alerted on', 'Queue depth, p99 latency.\n\n| metric | alert |\n| --- | --- |\n| depth | > 10k |');
  if (i % 5 === 0) out = out.replace('## Open Questions', '## Appendix\n\nNotes of our own.\n\n## Open Questions');
  if (i === 7) out = out.replace('## Monitoring\n', 'Monitoring\n----------\n');
  if (i === 11) out = out.replace('## Open Questions\n\n<!-- AGENT_PLACEHOLDER: What is still undecided -->\n', '## Open Questions\n\nNone left.\n');
  if (i % 4 === 3) out = out.replace('<!-- AGENT_PLACEHOLDER: What is still undecided -->', 'Nothing left to decide.');
  if (i === 13) out = out.replace('## Monitoring', '## Rollout\n\nAlready written by hand.\n\n## Monitoring');
  if (i % 6 === 1) out = out.replace(/\n/g, '\r\n');
  return out;
}

describe('sync', () => {
  it('brings twenty specs from template v1 to v2, changing nothing else', async () => {
    const dir = tempProject({ '.specfill/templates/svc.md': V1 });
    const originals: string[] = [];
    for (let i = 0; i < 20; i++) {
      const path = join(dir, 'specs', `s${i}.md`);
      expect((await runCli(dir, 'new', 'svc', '--title', `Spec ${i}`, '--out', `specs/s${i}.md`)).code).toBe(0);
      originals.push(vary(i, readFileSync(path, 'utf8')));
      writeFileSync(path, originals[i]!);
    }
    writeFileSync(join(dir, '.specfill', 'templates', 'svc.md'), V2);
    const rulesOf = async (): Promise<string[]> => (JSON.parse((await runCli(dir, 'check', '--format', 'json')).stdout) as { files: Array<{ findings: Array<{ rule: string }> }> })
      .files.flatMap((f) => f.findings.map((x) => x.rule));
    // check says why sections are missing, and what to run.
    expect((await rulesOf()).filter((rule) => rule === 'template-version')).toHaveLength(20);

    const dry = await runCli(dir, 'sync', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+## Rollout');
    originals.forEach((o, i) => expect(readFileSync(join(dir, 'specs', `s${i}.md`), 'utf8')).toBe(o));

    const r = await runCli(dir, 'sync', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: Array<{ file: string; added: string[]; renamed: unknown[]; kept: string[]; keptOpen: string[]; from: string; to: string }> };
    expect(report.files).toHaveLength(20);
    originals.forEach((o, i) => {
      const crlf = o.includes('\r\n');
      const lf = crlf ? o.replace(/\r\n/g, '\n') : o;
      // `updated` is already today's (the specs were created today).
      let expected = lf.replace('template: svc@1\n', 'template: svc@2\n');
      expected = i === 7 ? expected.replace('Monitoring\n----------\n', 'Observability\n----------\n') : expected.replace('## Monitoring\n', '## Observability\n');
      if (i !== 13) expected = expected.replace(i === 7 ? 'Observability\n----------\n' : '## Observability\n', (heading) => `${ROLLOUT}${heading}`);
      if (crlf) expected = expected.replace(/\n/g, '\r\n');
      const after = readFileSync(join(dir, 'specs', `s${i}.md`), 'utf8');
      expect(after, `specs/s${i}.md`).toBe(expected);
      const entry = report.files.find((f) => f.file === `specs/s${i}.md`)!;
      expect(entry).toMatchObject({ from: 'svc@1', to: 'svc@2', added: i === 13 ? [] : ['rollout'], renamed: [{ from: 'Monitoring', to: 'Observability' }] });
      expect(entry.kept).toEqual(i % 5 === 0 ? ['appendix', 'open-questions'] : ['open-questions']);
      // A kept section with its placeholder still open is pointed out (check would fail on it).
      expect(entry.keptOpen).toEqual(i % 4 === 3 ? [] : ['open-questions']);
      // The new section carries the template's placeholder, under the right heading.
      if (i !== 13) expect(parseSpec(after).placeholders.find((p) => p.id === 'rollout')?.instruction).toBe('How it reaches production, step by step');
    });

    // Synced specs are up to date: a second run changes nothing.
    const again = await runCli(dir, 'sync');
    expect(again.stdout.split('\n').filter((l) => l.includes('up to date'))).toHaveLength(20);
    expect(again.stdout.split('\n').filter((l) => l.includes('open placeholders in kept sections: open-questions (fill them, or delete what the template dropped)'))).toHaveLength(15);
    expect((await rulesOf()).filter((rule) => rule === 'missing-section' || rule === 'section-order' || rule === 'template-version')).toEqual([]);
  });

  it('keeps the record of a machine fill in a section it renames', async () => {
    const dir = tempProject({ '.specfill/templates/svc.md': V1 });
    await runCli(dir, 'new', 'svc', '--title', 'S', '--out', 'specs/s.md');
    const file = join(dir, 'specs', 's.md');
    await fillFile(file, { answers: [{ id: 'monitoring', content: 'Dashboards and alerts.' }], filler: 'mcp', root: dir, displayPath: 'specs/s.md' });
    const machine = async (): Promise<number> => (JSON.parse((await runCli(dir, 'status', '--json')).stdout) as { specs: Array<{ machineFilled: number }> }).specs[0]!.machineFilled;
    expect(await machine()).toBe(1);
    writeFileSync(join(dir, '.specfill', 'templates', 'svc.md'), V2);
    expect((await runCli(dir, 'sync')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('## Observability\n\nDashboards and alerts.\n');
    expect(await machine()).toBe(1);
    const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8')).specs['specs/s.md'];
    expect(Object.keys(provenance)).toEqual(['observability']);
    expect(provenance.observability.section).toBe('observability');
  });

  it('skips specs without a template and reports files it cannot read', async () => {
    const dir = tempProject({ 'specs/plain.md': '# Notes\n', 'specs/blank.md': '---\ntemplate: ""\n---\n# B\n', 'specs/bad.md': new Uint8Array([0x23, 0xff]) });
    const r = await runCli(dir, 'sync');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('specs/plain.md: skipped (no `template:` in its front matter)');
    expect(r.stdout).toContain('specs/blank.md: skipped (no `template:` in its front matter)');
    expect(r.stderr).toContain('specs/bad.md');
    // Front matter that cannot be read is an error at its place, not "no template".
    writeFileSync(join(dir, 'specs', 'yaml.md'), '---\ntitle: a: b\ntemplate: tech-spec\n---\n# Y\n');
    const yaml = await runCli(dir, 'sync', 'specs/yaml.md', '--dry-run');
    expect(yaml.code).toBe(2);
    expect(yaml.stdout).not.toContain('skipped');
    expect(yaml.stderr).toContain('specs/yaml.md:2:8: invalid YAML front matter');
    // set-status points at the same place.
    const moved = await runCli(dir, 'set-status', 'specs/yaml.md', 'review', '--force', '--reason', 'x');
    expect(moved.stderr).toContain('specs/yaml.md:2:8:');
  });

  it('does not move a spec back to the template\'s version when it records one the template has not reached (template QA)', async () => {
    const ahead = '---\ntitle: X\ntemplate: svc@3\n---\n# X\n\n## Summary\n\nDone.\n';
    const dir = tempProject({
      '.specfill/templates/svc.md': '---\nversion: 2\n---\n# Service\n\n## Summary\n\n<!-- AGENT_PLACEHOLDER: what and why -->\n',
      'specs/x.md': ahead,
      'specs/typo.md': ahead.replace('svc@3', 'svc@x'),
      'specs/y.md': ahead.replace('svc@3', 'svc@1'),
    });
    const r = await runCli(dir, 'sync');
    expect([r.code, r.stdout.split('\n')]).toEqual([0, [
      'specs/typo.md: skipped (it records svc@x, a version svc (at 2) has not reached: fix `template:`, or update the template)',
      'specs/x.md: skipped (it records svc@3, a version svc (at 2) has not reached: fix `template:`, or update the template)',
      expect.stringMatching(/^specs\/y\.md: synced svc@1 → svc@2/),
      '',
    ]]);
    expect(readFileSync(join(dir, 'specs', 'x.md'), 'utf8')).toBe(ahead);
    // Versions of the template's own kind (`v1`, `v2`, dates) are not numbers, and are synced as before (code review).
    writeFileSync(join(dir, '.specfill', 'templates', 'svc.md'), '---\nversion: v2\n---\n# Service\n\n## Summary\n\n<!-- AGENT_PLACEHOLDER: what and why -->\n');
    writeFileSync(join(dir, 'specs', 'x.md'), ahead.replace('svc@3', 'svc@v1'));
    expect((await runCli(dir, 'sync', 'specs/x.md')).stdout).toMatch(/^specs\/x\.md: synced svc@v1 → svc@v2/);
    expect((await runCli(dir, 'check', 'specs/x.md', '--format', 'json')).stdout).not.toContain('template-version');
  });
});

it('check says of a section the template renamed, still under its old heading, that sync renames it (lifecycle QA)', async () => {
  const dir = tempProject({ '.specfill/templates/svc.md': V1 });
  expect((await runCli(dir, 'new', 'svc', '--title', 'Old', '--out', 'specs/old.md')).code).toBe(0);
  writeFileSync(join(dir, '.specfill', 'templates', 'svc.md'), V2);
  const report = JSON.parse((await runCli(dir, 'check', 'specs/old.md', '--format', 'json')).stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; message: string }> }> };
  const text = readFileSync(join(dir, 'specs', 'old.md'), 'utf8');
  const renamed = report.files[0]!.findings.find((f) => f.rule === 'missing-section' && f.message.includes('Observability'));
  expect(renamed).toMatchObject({
    line: text.split('\n').indexOf('## Monitoring') + 1,
    message: 'missing section "Observability" (## Observability) from template svc@2: the template renamed "Monitoring" to it; run `specfill sync` to rename the heading',
  });
  expect((await runCli(dir, 'sync')).code).toBe(0);
  const after = JSON.parse((await runCli(dir, 'check', 'specs/old.md', '--format', 'json')).stdout) as typeof report;
  expect(after.files[0]!.findings.filter((f) => f.rule === 'missing-section')).toEqual([]);
});

describe('sync finds sections as check does (lifecycle QA)', () => {
  /** Syncs specs/m.md and then again: the text the first run wrote, which the second leaves as it is. */
  const syncedTwice = async (dir: string): Promise<string> => {
    expect((await runCli(dir, 'sync')).code).toBe(0);
    const text = readFileSync(join(dir, 'specs', 'm.md'), 'utf8');
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/m.md: up to date with m@2\n');
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toBe(text);
    return text;
  };
  const TEMPLATE = '---\nversion: 2\n---\n# T\n\n## Intro\n\n<!-- AGENT_PLACEHOLDER: intro -->\n\n## Rollout\n\n<!-- AGENT_PLACEHOLDER: rollout -->\n\n## Notes (Optional)\n\n<!-- AGENT_PLACEHOLDER: notes -->\n\n## Risks\n\n<!-- AGENT_PLACEHOLDER: risks -->\n';
  const spec = (body: string) => `---\ntitle: M\ntemplate: m@1\nstatus: draft\n---\n# M\n\n${body}`;

  it('takes a numbered, emoji, deeper or unmarked heading for the section it is, as check does, and adds only what is missing', async () => {
    const dir = tempProject({
      '.specfill/templates/m.md': TEMPLATE,
      'specs/m.md': spec('## 1. Intro\n\nI.\n\n### 🚀 Rollout\n\nR.\n\n## Notes\n\nN.\n'),
    });
    const r = await runCli(dir, 'sync', '--json');
    const json = JSON.parse(r.stdout) as { files: Array<{ added: string[]; kept: string[] }> };
    expect([r.code, json.files[0]!.added, json.files[0]!.kept]).toEqual([0, ['risks'], []]);
    const text = readFileSync(join(dir, 'specs', 'm.md'), 'utf8');
    // Added at the end, the file ends as files do: one line ending, no blank line after.
    expect(text.endsWith('## Notes\n\nN.\n\n## Risks\n\n<!-- AGENT_PLACEHOLDER: risks -->\n')).toBe(true);
    expect(text).not.toContain('## Intro');
    const check = await runCli(dir, 'check', '--format', 'json');
    expect((JSON.parse(check.stdout) as { files: Array<{ findings: Array<{ rule: string }> }> }).files[0]!.findings.map((f) => f.rule)).toEqual(['heading-level', 'unfilled-placeholder']);
    // Run again: nothing to do.
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/m.md: up to date with m@2\n');
  });

  it('under a template with no title, takes a first `#` heading over a subsection of the author\'s for the section it names, as check and status do (blind QA: it was the title, the section "missing")', async () => {
    const dir = tempProject({
      '.specfill/templates/rfc.md': '---\nversion: 1\n---\n# Summary\n\n<!-- AGENT_PLACEHOLDER: One paragraph -->\n\n# Motivation\n\n<!-- AGENT_PLACEHOLDER: Why -->\n',
      'specs/a.md': '---\ntitle: Build cache\ntemplate: rfc@1\n---\n# Summary\n\nA cache.\n\n## Scope\n\nAddons.\n\n# Motivation\n\nCold builds.\n',
    });
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/a.md: up to date with rfc@1; not in the template, kept: summary/scope\n');
    expect([(await runCli(dir, 'check')).code, JSON.parse((await runCli(dir, 'status', '--json')).stdout).specs[0].completeness]).toEqual([0, 1]);
  });

  it('adds a missing section at the level the spec writes the template\'s sections: one level down throughout, as check judges them (review: check then warned on it)', async () => {
    const dir = tempProject({
      '.specfill/templates/rust.md': '---\nversion: 1\n---\n# Summary\n\n<!-- AGENT_PLACEHOLDER: s -->\n\n# Motivation\n\n<!-- AGENT_PLACEHOLDER: m -->\n\n# Drawbacks\n\n<!-- AGENT_PLACEHOLDER: d -->\n',
      'specs/a.md': '---\ntitle: X\ntemplate: rust@1\n---\n## Summary\n\nS.\n\n## Motivation\n\nM.\n',
    });
    expect((await runCli(dir, 'sync')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'a.md'), 'utf8')).toMatch(/\n## Motivation\n\nM\.\n\n## Drawbacks\n\n<!-- AGENT_PLACEHOLDER: d -->\n$/);
    const check = JSON.parse((await runCli(dir, 'check', '--format', 'json')).stdout) as { files: Array<{ findings: Array<{ rule: string }> }> };
    expect(check.files[0]!.findings.map((f) => f.rule)).toEqual(['unfilled-placeholder']);
  });

  it('does not add a section where a heading of the spec\'s would hold it, and says so: a second run changes nothing (fuzzing: each run added another copy)', async () => {
    const dir = tempProject({
      '.specfill/templates/syn.md': '---\nid: syn\nversion: 2\nextends: tech-spec\n---\n',
      'specs/a.md': '---\ntemplate: syn@1\n---\n## Overview\n# Architecture\n## Future Considerations\n## Future Considerations\n',
    });
    const first = await runCli(dir, 'sync', 'specs/a.md');
    expect(first.stdout).toContain('not added: future-considerations: where each goes, a heading of the spec\'s at another level would hold it');
    const after = readFileSync(join(dir, 'specs', 'a.md'), 'utf8');
    await runCli(dir, 'sync', 'specs/a.md');
    expect(readFileSync(join(dir, 'specs', 'a.md'), 'utf8')).toBe(after);
    expect(JSON.parse((await runCli(dir, 'sync', 'specs/a.md', '--json')).stdout).files[0].notPlaced).toEqual(['future-considerations']);
  });

  it('takes a version written another way (m@02 for m@2) for the same one, as check does: nothing to do', async () => {
    const body = spec('## Intro\n\nI.\n\n## Rollout\n\nR.\n\n## Risks\n\nNone.\n').replace('template: m@1', 'template: m@02');
    const dir = tempProject({ '.specfill/templates/m.md': TEMPLATE, 'specs/m.md': body });
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/m.md: up to date with m@2\n');
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toBe(body);
  });

  it('leaves a blank line before a section it adds after text that ends with one line break', async () => {
    const dir = tempProject({ '.specfill/templates/m.md': TEMPLATE, 'specs/m.md': spec('## Intro\n\nI.\n\n## Rollout\n\nR.\n') });
    expect((await runCli(dir, 'sync')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toContain('## Rollout\n\nR.\n\n## Risks\n\n');
  });

  it('writes an empty template heading without a trailing space, and a section added last before one line ending', async () => {
    const template = '---\nversion: 2\n---\n# T\n\n## Intro\n\n<!-- AGENT_PLACEHOLDER: intro -->\n\n##\n\n<!-- AGENT_PLACEHOLDER: untitled -->\n\n## Risks\n\nList them.\n\n\n';
    const dir = tempProject({ '.specfill/templates/m.md': template, 'specs/m.md': spec('## Intro\n\nI.') });
    const text = await syncedTwice(dir);
    expect(text.endsWith('## Intro\n\nI.\n\n##\n\n<!-- AGENT_PLACEHOLDER: untitled -->\n\n## Risks\n\nList them.\n')).toBe(true);
  });

  it('adds a last section whose template text holds a long run of blank lines to a CRLF spec at once (it backtracked exponentially: regex sweep)', { timeout: 10_000 }, async () => {
    const template = `---\nversion: 2\n---\n# T\n\n## Intro\n\n<!-- AGENT_PLACEHOLDER: intro -->\n\n## Risks\n\nList them.${'\n'.repeat(40)}Then rank them.\n`;
    const dir = tempProject({ '.specfill/templates/m.md': template, 'specs/m.md': spec('## Intro\n\nI.\n').replace(/\n/g, '\r\n') });
    const text = await syncedTwice(dir);
    expect(text.endsWith(`## Intro\r\n\r\nI.\r\n\r\n## Risks\r\n\r\nList them.${'\r\n'.repeat(40)}Then rank them.\r\n`)).toBe(true);
  });

  it('refuses to add a section after a code block that is never closed (it would be code), and changes nothing', async () => {
    const body = '## Intro\n\nI.\n\n## Rollout\n\n```\ncode never closed\n';
    const dir = tempProject({ '.specfill/templates/m.md': TEMPLATE, 'specs/m.md': spec(body) });
    for (let i = 0; i < 2; i++) {
      const r = await runCli(dir, 'sync');
      expect([r.code, r.stderr]).toEqual([2, 'specfill: specs/m.md:14:1: cannot add section "Risks": the code block at 14:1 is never closed, so it would hold it\n  hint: close the code block (its fence), then sync again\n']);
      expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toBe(spec(body));
    }
  });

  it('leaves alone what the config\'s ignore matches, as check and status do', async () => {
    const dir = tempProject({
      '.specfill/templates/m.md': TEMPLATE,
      'specs/archive/old.md': spec('## Intro\n\nI.\n'),
      'specs/new.md': spec('## Intro\n\nI.\n\n## Rollout\n\nR.\n\n## Risks\n\nNone.\n'),
      'specfill.config.yaml': 'ignore: ["specs/archive/**"]\n',
    });
    const r = await runCli(dir, 'sync', '--json');
    expect((JSON.parse(r.stdout) as { files: Array<{ file: string }> }).files.map((f) => f.file)).toEqual(['specs/new.md']);
    expect(readFileSync(join(dir, 'specs', 'archive', 'old.md'), 'utf8')).toBe(spec('## Intro\n\nI.\n'));
    // Named on its own, it is still left alone, and that is said.
    const named = await runCli(dir, 'sync', 'specs/archive/old.md');
    expect([named.code, named.stderr]).toEqual([0, "specfill: warning: specs/archive/old.md is not synced: the config's `ignore` matches it\n"]);
    expect(readFileSync(join(dir, 'specs', 'archive', 'old.md'), 'utf8')).toBe(spec('## Intro\n\nI.\n'));
  });

  it('writes a heading it adds or renames as the template writes it, so that it means the same and a second run changes nothing (code review)', async () => {
    const tpl = '---\nversion: 2\nrenamed: {risks: br-risks}\n---\n# T\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: o -->\n\n## Ticket \\#\n\n<!-- AGENT_PLACEHOLDER: t -->\n\n## Use `<br>` tags\n\n<!-- AGENT_PLACEHOLDER: u -->\n\n## `<br>` risks\n\n<!-- AGENT_PLACEHOLDER: r -->\n';
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/m.md': spec('## Overview\n\nO.\n\n## Risks\n\nNone.\n') });
    expect((await runCli(dir, 'sync')).code).toBe(0);
    const once = readFileSync(join(dir, 'specs', 'm.md'), 'utf8');
    expect(once).toContain('## Overview\n\nO.\n\n## Ticket \\#\n\n<!-- AGENT_PLACEHOLDER: t -->\n\n## Use `<br>` tags\n\n<!-- AGENT_PLACEHOLDER: u -->\n\n## `<br>` risks\n\nNone.\n');
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/m.md: up to date with m@2\n');
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toBe(once);
  });

  it('renames a section the template renamed when the spec numbers it or has it a level down, instead of adding a second (code review)', async () => {
    const tpl = '---\nversion: 3\nrenamed: {risks: risks-and-mitigations}\n---\n# T\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: o -->\n\n## Risks and mitigations\n\n<!-- AGENT_PLACEHOLDER: r -->\n';
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/m.md': spec('## 1. Overview\n\nO.\n\n## 2. Risks\n\nNone.\n') });
    const r = await runCli(dir, 'sync', '--json');
    expect((JSON.parse(r.stdout) as { files: Array<{ added: string[]; renamed: unknown[]; kept: string[] }> }).files[0]).toMatchObject({ added: [], renamed: [{ from: '2. Risks', to: 'Risks and mitigations' }], kept: [] });
    // The author's number stays (last session's QA: it was dropped), and a second run changes nothing.
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toContain('## 1. Overview\n\nO.\n\n## 2. Risks and mitigations\n\nNone.\n');
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/m.md: up to date with m@3\n');
  });

  it('adds a section before a later one that the spec has a level down inside the one before (code review: a new section-order warning)', async () => {
    const tpl = '---\nversion: 2\n---\n# T\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: o -->\n\n## Design\n\n<!-- AGENT_PLACEHOLDER: d -->\n\n## Risks\n\n<!-- AGENT_PLACEHOLDER: r -->\n';
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/m.md': spec('## Overview\n\nText.\n\n### Risks\n\nNone.\n') });
    expect((await runCli(dir, 'sync')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toContain('## Overview\n\nText.\n\n## Design\n\n<!-- AGENT_PLACEHOLDER: d -->\n\n### Risks\n\nNone.\n');
    const report = JSON.parse((await runCli(dir, 'check', '--format', 'json')).stdout) as { files: Array<{ findings: Array<{ rule: string }> }> };
    expect(report.files[0]!.findings.map((f) => f.rule)).toEqual(['unfilled-placeholder', 'heading-level']);
  });

  it('adds after a code block left open inside a block quote or list item: the quote or item ends it (code review)', async () => {
    for (const end of ['> ```\n> code never closed in a quote\n', '- item\n\n  ```\n  code never closed in an item\n']) {
      const dir = tempProject({ '.specfill/templates/m.md': TEMPLATE, 'specs/m.md': spec(`## Intro\n\nI.\n\n## Rollout\n\n${end}`) });
      const r = await runCli(dir, 'sync');
      expect([r.code, r.stderr], end).toEqual([0, '']);
      expect((JSON.parse((await runCli(dir, 'check', '--format', 'json')).stdout) as { files: Array<{ findings: Array<{ rule: string }> }> }).files[0]!.findings.map((f) => f.rule), end).toEqual(['unfilled-placeholder']);
    }
  });

  it('stays idempotent for a template heading over two setext lines with a hard break (third review)', async () => {
    const tpl = '---\nversion: 2\n---\n# T\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: o -->\n\nRisks  \nmore\n-----\n\n<!-- AGENT_PLACEHOLDER: r -->\n';
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/m.md': spec('## Overview\n\nO.\n') });
    expect((await runCli(dir, 'sync')).code).toBe(0);
    const once = readFileSync(join(dir, 'specs', 'm.md'), 'utf8');
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/m.md: up to date with m@2\n');
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toBe(once);
  });

  it('renames only a section under the renamed one\'s parent, never the author\'s own elsewhere; check names a numbered one (third review)', async () => {
    const tpl = '---\nversion: 2\nrenamed: {design/risks: design/hazards}\n---\n# T\n\n## Design\n\n<!-- AGENT_PLACEHOLDER: d -->\n\n### Hazards\n\n<!-- AGENT_PLACEHOLDER: h -->\n';
    const own = spec('## Design\n\nD.\n\n## Appendix\n\n### Risks\n\nOur own appendix note.\n');
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/m.md': own, 'specs/n.md': spec('## Design\n\nD.\n\n### 2. Risks\n\nNone.\n') });
    const check = JSON.parse((await runCli(dir, 'check', 'specs/n.md', '--format', 'json')).stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; message: string }> }> };
    expect(check.files[0]!.findings.find((f) => f.rule === 'missing-section')).toMatchObject({ line: 12, message: expect.stringContaining('the template renamed "2. Risks" to it') });
    const r = await runCli(dir, 'sync', '--json');
    const files = (JSON.parse(r.stdout) as { files: Array<{ file: string; renamed: Array<{ from: string }>; added: string[] }> }).files;
    expect(files.map((f) => [f.file, f.renamed.map((x) => x.from), f.added])).toEqual([['specs/m.md', [], ['design/hazards']], ['specs/n.md', ['2. Risks'], []]]);
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toContain('## Appendix\n\n### Risks\n\nOur own appendix note.\n');
  });

  it('renames a setext heading to one that would open a list as an ATX heading (third review)', async () => {
    const tpl = '---\nversion: 2\nrenamed: {risks: 2-hazards}\n---\n# T\n\n## 2. Hazards\n\n<!-- AGENT_PLACEHOLDER: h -->\n';
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/m.md': spec('Risks\n-----\n\nNone.\n') });
    expect(await syncedTwice(dir)).toContain('# M\n\n## 2. Hazards\n\nNone.\n');
  });

  it('copies a template heading that cannot be written as it is (setext `Foo #`) escaped, and stays idempotent (final review)', async () => {
    const tpl = '---\nversion: 2\n---\n# T\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: o -->\n\nFoo #\n-----\n\n<!-- AGENT_PLACEHOLDER: r -->\n';
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/m.md': spec('## Overview\n\nO.\n') });
    expect(await syncedTwice(dir)).toContain('## Foo \\#\n');
  });

  it('renames a child written another way under a parent renamed too; a top-level rename reaches one level down only (final review)', async () => {
    const tpl = '---\nversion: 2\nrenamed: {design: architecture, design/risks: architecture/hazards, risks: dangers}\n---\n# T\n\n## Architecture\n\n<!-- AGENT_PLACEHOLDER: d -->\n\n### Hazards\n\n<!-- AGENT_PLACEHOLDER: h -->\n\n## Details\n\n<!-- AGENT_PLACEHOLDER: x -->\n\n## Dangers\n\n<!-- AGENT_PLACEHOLDER: g -->\n';
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/m.md': spec('## Design\n\nD.\n\n### 2. Risks\n\nNone.\n\n## Details\n\nX.\n\n### More\n\nY.\n\n#### Risks\n\nOur own note.\n') });
    const check = JSON.parse((await runCli(dir, 'check', '--format', 'json')).stdout) as { files: Array<{ findings: Array<{ rule: string; message: string }> }> };
    expect(check.files[0]!.findings.filter((f) => f.rule === 'missing-section').map((f) => f.message.replace(/^.*?: /, ''))).toEqual([
      'the template renamed "Design" to it; run `specfill sync` to rename the heading',
      'the template renamed "2. Risks" to it; run `specfill sync` to rename the heading',
      'missing section "Dangers" (## Dangers) from template m@2',
    ].map((m) => m.replace(/^.*?: /, '')));
    const r = JSON.parse((await runCli(dir, 'sync', '--json')).stdout) as { files: Array<{ renamed: Array<{ from: string; to: string }>; added: string[] }> };
    expect(r.files[0]!.renamed.map((x) => x.from)).toEqual(['Design', '2. Risks']);
    expect(r.files[0]!.added).toEqual(['dangers']);
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toContain('## Architecture\n\nD.\n\n### 2. Hazards\n\nNone.\n');
    expect(readFileSync(join(dir, 'specs', 'm.md'), 'utf8')).toContain('#### Risks\n\nOur own note.\n');
  });

  it('syncs a spec with lone CR line endings, and keeps them (final review: its front matter could not be changed)', async () => {
    const body = '---\rtitle: S\rtemplate: m@1\rstatus: draft\r---\r# S\r\r## Intro\r\rI.\r\r## Rollout\r\rR.\r';
    const dir = tempProject({ '.specfill/templates/m.md': TEMPLATE, 'specs/m.md': body });
    const r = await runCli(dir, 'sync');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const text = readFileSync(join(dir, 'specs', 'm.md'), 'utf8');
    expect(text).not.toContain('\n');
    expect(text).toContain('template: m@2\r');
    expect(text.endsWith('R.\r\r## Risks\r\r<!-- AGENT_PLACEHOLDER: risks -->\r')).toBe(true);
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/m.md: up to date with m@2\n');
  });

  it('renames headings in a lone-CR spec without eating line breaks, and edits front matter in its own line endings (last review)', async () => {
    const tpl = '---\nversion: 2\nrenamed: {monitoring: observability}\n---\n# T\n\n## Intro\n\n<!-- AGENT_PLACEHOLDER: i -->\n\n## Observability\n\n<!-- AGENT_PLACEHOLDER: o -->\n';
    const head = '---\rtitle: S\rtemplate: m@1\rstatus: draft\r---\r# S\r\r## Intro\r\rI.\r\r';
    const dir = tempProject({ '.specfill/templates/m.md': tpl, 'specs/a.md': `${head}Monitoring\r----------\r\rM.\r`, 'specs/b.md': `${head}## 2. Monitoring\r\rM.\r` });
    expect((await runCli(dir, 'sync')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'a.md'), 'utf8').endsWith('I.\r\rObservability\r----------\r\rM.\r')).toBe(true);
    expect(readFileSync(join(dir, 'specs', 'b.md'), 'utf8').endsWith('I.\r\r## 2. Observability\r\rM.\r')).toBe(true);
    expect((await runCli(dir, 'sync')).stdout).toBe('specs/a.md: up to date with m@2\nspecs/b.md: up to date with m@2\n');
    // LF front matter over a lone-CR body: its lines stay LF.
    writeFileSync(join(dir, 'specs', 'c.md'), '---\ntitle: S\ntemplate: m@2\nstatus: draft\n---\r# S\r\r## Intro\r\rI.\r\r## Observability\r\rO.\r');
    expect((await runCli(dir, 'set-status', 'specs/c.md', 'withdrawn')).code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'c.md'), 'utf8')).toMatch(/^---\ntitle: S\ntemplate: m@2\nstatus: withdrawn\nupdated: [\d-]+\n---\r# S\r/);
  });
});
