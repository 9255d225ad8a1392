import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers/run-cli.js';

const PAYMENTS = `---
id: payments-spec
name: Payments spec
version: 2
extends: tech-spec
remove: [future-considerations, alternative-approaches-considered]
rename:
  monitoring-and-logging: Observability
---
## Architecture

### Data Model

<!-- AGENT_PLACEHOLDER: Describe the payment entities, their states and the ledger entries they produce -->

## Implementation Details

## Compliance

<!-- AGENT_PLACEHOLDER: Which regulations apply (PCI DSS, PSD2) and how this design meets them -->
`;

interface OutlineSection { id: string; heading: string; from: string; children: OutlineSection[]; placeholders: Array<{ instruction: string }> }
const flat = (sections: OutlineSection[]): OutlineSection[] => sections.flatMap((s) => [s, ...flat(s.children)]);

describe('templates that extend another', () => {
  it('adds, overrides, removes and renames sections of the base, and shows where each comes from', async () => {
    const dir = tempProject({ '.specfill/templates/payments-spec.md': PAYMENTS });
    const shown = JSON.parse((await runCli(dir, 'templates', 'show', 'payments-spec', '--json')).stdout) as { extends: string; version: string; sections: OutlineSection[] };
    expect(shown).toMatchObject({ extends: 'tech-spec', version: '2' });
    const sections = flat(shown.sections);
    expect(sections.filter((s) => !s.id.includes('/')).map((s) => s.heading)).toEqual([
      'Overview', 'Goals and Non-Goals', 'Architecture', 'Implementation Details', 'Compliance', 'Testing Strategy', 'Deployment Strategy', 'Observability', 'References',
    ]);
    const from = Object.fromEntries(sections.map((s) => [s.id, s.from]));
    expect(from).toMatchObject({ overview: 'tech-spec', 'architecture/data-model': 'payments-spec', compliance: 'payments-spec', observability: 'tech-spec (renamed by payments-spec)', 'implementation-details': 'tech-spec' });
    expect(sections.find((s) => s.id === 'architecture/data-model')!.placeholders[0]!.instruction).toBe('Describe the payment entities, their states and the ledger entries they produce');
    const text = await runCli(dir, 'templates', 'show', 'payments-spec');
    expect(text.stdout).toContain('extends tech-spec');
    expect(text.stdout).toMatch(/Compliance {2}\[payments-spec\]/);

    // A spec from it records the extending template and checks against the resolved one.
    expect((await runCli(dir, 'new', 'payments-spec', '--title', 'Card vault')).code).toBe(0);
    const spec = readFileSync(join(dir, 'specs', 'card-vault.md'), 'utf8');
    expect(spec).toContain('template: payments-spec@2');
    expect(spec).toContain('## Compliance\n\n<!-- AGENT_PLACEHOLDER: Which regulations apply (PCI DSS, PSD2) and how this design meets them -->\n');
    expect(spec).not.toContain('## Future Considerations');
    const check = JSON.parse((await runCli(dir, 'check', 'specs/card-vault.md', '--format', 'json')).stdout);
    expect(check.files[0].findings.map((f: { rule: string }) => f.rule).filter((r: string) => r !== 'unfilled-placeholder' && r !== 'empty-section')).toEqual([]);
  });

  it('an `extends` of words in a template\'s sample front matter is the specs\' key to fill, no base (blind QA: SIMD\'s `extends: (optional - fill this in if …)` failed every spec)', async () => {
    const simd = '---\nsimd: \'XXXX\'\ntitle: Title of SIMD\nstatus: draft\nextends: (optional - fill this in if the SIMD extends the design of a previous\n SIMD)\n---\n\n## Summary\n\nA brief summary of what the feature is.\n';
    const dir = tempProject({ '.specfill/templates/simd.md': simd });
    const shown = JSON.parse((await runCli(dir, 'templates', 'show', 'simd', '--json')).stdout) as { extends: string | null };
    expect(shown.extends ?? null).toBeNull();
    expect((await runCli(dir, 'new', 'simd', '--title', 'Burn fees')).code).toBe(0);
    const spec = readFileSync(join(dir, 'specs', 'burn-fees.md'), 'utf8');
    expect(spec).toContain('extends: (optional - fill this in if the SIMD extends the design of a previous\n SIMD)\n');
    writeFileSync(join(dir, 'specs', 'burn-fees.md'), spec.replace('A brief summary of what the feature is.', 'Fees are burned in full.').replace("simd: 'XXXX'", "simd: '0096'"));
    const check = await runCli(dir, 'check', 'specs/burn-fees.md', '--format', 'json');
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout).files[0].findings.map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`)).toEqual([]);
    // One that is an id still names a base, and an unknown one is still refused.
    const wrong = tempProject({ '.specfill/templates/simd.md': simd.replace(/extends: [\s\S]*?SIMD\)\n/, 'extends: tech-spek\n') });
    const refused = await runCli(wrong, 'templates', 'show', 'simd');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no such template');
  });

  it('a section added after the base\'s last one leaves the base section\'s comment with it (blind QA: it went to the new section)', async () => {
    const dir = tempProject({ '.specfill/templates/base.md': '---\nid: base\n---\n# Base\n\n## Summary\n\n<!-- One paragraph. -->\n',
      'child.md': '---\nextends: base\n---\n## Summary\n\n## Extra\n\n<!-- More. -->\n' });
    const shown = JSON.parse((await runCli(dir, 'templates', 'show', 'child.md', '--json')).stdout) as { sections: Array<{ id: string; comments: string[] }> };
    expect(shown.sections.map((s) => [s.id, s.comments])).toEqual([['summary', ['One paragraph.']], ['extra', ['More.']]]);
  });

  it('follows the renames its base declares: a base section named by its old id is that section, and what follows it stays after it (lifecycle QA)', async () => {
    const dir = tempProject({
      '.specfill/templates/base.md': '---\nversion: 2\nrenamed: {b: bee}\n---\n# Base\n\n## A\n\n<!-- AGENT_PLACEHOLDER: a -->\n\n## Bee\n\n<!-- AGENT_PLACEHOLDER: b -->\n\n## C\n\n<!-- AGENT_PLACEHOLDER: c -->\n',
      '.specfill/templates/child.md': '---\nextends: base\n---\n## B\n\n## Extra\n\n<!-- AGENT_PLACEHOLDER: extra -->\n',
    });
    const shown = JSON.parse((await runCli(dir, 'templates', 'show', 'child', '--json')).stdout) as { sections: OutlineSection[] };
    expect(flat(shown.sections).map((s) => `${s.id} [${s.from}]`)).toEqual(['a [base]', 'bee [base]', 'extra [child]', 'c [base]']);
  });

  it('takes a rename that leads through the renames its base declares (code review)', async () => {
    const dir = tempProject({
      '.specfill/templates/base.md': '---\nversion: 2\nrenamed: {a: b}\n---\n# Base\n\n## B\n\n<!-- AGENT_PLACEHOLDER: b -->\n',
      '.specfill/templates/child.md': '---\nextends: base\nrenamed: {x: a}\n---\n## Extra\n\n<!-- AGENT_PLACEHOLDER: extra -->\n',
    });
    const r = await runCli(dir, 'templates', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect((JSON.parse(r.stdout) as Array<{ id: string }>).map((t) => t.id)).toEqual(['base', 'child', 'tech-spec']);
  });

  it('records a rename by the id the renamed heading really has: `-1` beside a sibling of the same words (final review)', async () => {
    const { loadTemplates } = await import('../src/io/load-templates.js');
    const dir = tempProject({ '.specfill/templates/ops.md': '---\nextends: tech-spec\nrename: {monitoring-and-logging: Overview}\n---\n' });
    const ops = (await loadTemplates({ root: dir })).get('ops');
    expect(ops.renamed).toMatchObject({ 'monitoring-and-logging': 'overview-1' });
    expect(ops.model.sections.map((x) => x.id)).toContain('overview-1');
  });

  it('lets a project template extend the built-in of the same id', async () => {
    const dir = tempProject({ '.specfill/templates/tech-spec.md': '---\nextends: tech-spec\nversion: 3\nremove: [references]\n---\n' });
    const shown = JSON.parse((await runCli(dir, 'templates', 'show', 'tech-spec', '--json')).stdout) as { version: string; sections: OutlineSection[] };
    expect(shown.version).toBe('3');
    expect(flat(shown.sections).map((s) => s.id)).not.toContain('references');
    expect(flat(shown.sections).map((s) => s.id)).toContain('overview');
  });

  it('leaves a process\'s own front matter keys alone (Ember\'s stage, start-date, teams; a date)', async () => {
    const dir = tempProject({ '.specfill/templates/ember.md': '---\nstage: accepted\nstart-date:\ndate:\nteams: [cli]\nprs:\n  accepted:\nproject-link:\n---\n# Title\n\n## Summary\n\n<!-- s -->\n',
      // Other forms of a template key, or a near key whose value has another shape, are the template's own (code review).
      '.specfill/templates/own.md': '---\nfixes: ["#12"]\nnames: [a, b]\nversions: [1, 2]\nremoved: [x]\nrenames: 3\nnam: [x]\n---\n# T\n\n## A\n\n<!-- a -->\n' });
    const r = await runCli(dir, 'templates');
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('explains a bad extends: unknown base, unknown section, a circle', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'a.md': '---\nextends: nope\n---\n' }, '.specfill/templates/a.md:2:1: `extends: nope`: no such template'],
      [{ 'a.md': '---\nextends: tech-spec\nremove: [no-such-section]\n---\n' }, '.specfill/templates/a.md:3:1: `remove`: tech-spec has no section `no-such-section`\n  hint: its sections are listed by `specfill templates show tech-spec`'],
      [{ 'a.md': '---\nextends: tech-spec\noptional: [overview, risks]\n---\n' }, '.specfill/templates/a.md:3:1: front matter `optional` names `risks`, which is no section of this template or of tech-spec'],
      // A numbered section named without its number, with the ids listed (templates show cannot show a refused template; blind QA).
      [{ 'a.md': '---\noptional: [glossary]\n---\n# R\n\n## 1. Scope\n\n<!-- s -->\n\n## 9. Glossary\n\n<!-- g -->\n' }, '.specfill/templates/a.md:2:1: front matter `optional` names `glossary` (did you mean `9-glossary`?), which is no section of this template\n  hint: its section ids: 1-scope, 9-glossary; `title` is the part under the title'],
      [{ 'a.md': '---\nextends: tech-spec\nremove: [references]\noptional: [references]\n---\n' }, '.specfill/templates/a.md:4:1: front matter `optional` names `references`, which its `remove` removes'],
      [{ 'a.md': '---\nversion: 2\nrenamed:\n  monitoring: observabilty\n---\n# R\n\n## Observability\n\n<!-- AGENT_PLACEHOLDER: obs -->\n' }, '.specfill/templates/a.md:3:1: front matter `renamed` renames `monitoring` to `observabilty`, which is no section of this template'],
      [{ 'a.md': '---\nextends: tech-spec\nrenamed: {old-notes: notez}\n---\n## Notes\n\n<!-- AGENT_PLACEHOLDER: n -->\n' }, '.specfill/templates/a.md:3:1: front matter `renamed` renames `old-notes` to `notez`, which is no section of this template'],
      [{ 'a.md': '---\nversion: 2\nrenamed: {a: b, b: a}\n---\n# R\n\n## A\n\n<!-- AGENT_PLACEHOLDER: a -->\n' }, '.specfill/templates/a.md:3:1: front matter `renamed` goes round in a circle through `a` → `b` → `a`'],
      [{ 'a.md': '---\nextends: tech-spec\nrename: {references: Links}\noptional: [references]\n---\n' }, '.specfill/templates/a.md:4:1: front matter `optional` names `references`, which its `rename` renames to `links`: name it so'],
      [{ 'a.md': '---\nextends: b\n---\n', 'b.md': '---\nextends: a\n---\n' }, '.specfill/templates/a.md:2:1: `extends` goes round in a circle through a → b → a\n  hint: make one of them extend a template outside the circle, or none'],
      // A version is a number, numbers joined by dots, or a name: not a negative number (qa: sync "moved" specs to it).
      [{ 'a.md': '---\nversion: -1\n---\n# A\n\n## S\n\n<!-- s -->\n' }, '.specfill/templates/a.md:2:1: front matter `version: -1` is no version: write a number, numbers joined by dots (`2`, `1.10`), or a name such as `v2`'],
      // A new heading is one line of words: no heading or placeholder slipped in with it (fuzzing).
      [{ 'a.md': '---\nextends: tech-spec\nrename: {overview: "Ov\\n## Injected\\n\\n<!-- AGENT_PLACEHOLDER: x -->"}\n---\n' }, '.specfill/templates/a.md:3:1: `rename`: the new heading for `overview` must be one line of words, not several lines'],
      [{ 'a.md': '---\nextends: tech-spec\nrename: {overview: ""}\n---\n' }, '.specfill/templates/a.md:3:1: `rename`: the new heading for `overview` must be one line of words, not empty'],
      [{ 'a.md': '---\nextends: tech-spec\nrename: {overview: "## Injected"}\n---\n' }, 'without `#` marks'],
      // A slip for a template key would leave the version, base or sections it means ignored in silence (qa).
      [{ 'a.md': '---\nversoin: 2\n---\n# A\n' }, '.specfill/templates/a.md:2:1: front matter `versoin` is no template key: did you mean `version`?'],
      [{ 'a.md': '---\nstage: accepted\nextend: tech-spec\n---\n' }, '.specfill/templates/a.md:3:1: front matter `extend` is no template key: did you mean `extends`?'],
      [{ 'a.md': '---\nOptional: [x]\n---\n# A\n' }, 'front matter `Optional` is no template key: did you mean `optional`?'],
    ];
    // Front matter of capitalised keys is a sample of the specs' own: its `Version:` is theirs (blind QA: NEAR's NEP template
    // could not be used at all).
    const near = tempProject({ '.specfill/templates/nep.md': '---\nNEP: 0\nTitle: NEP title\nStatus: New\nVersion: 1.0.0\n---\n\n## Summary\n\n[Summary.]\n' });
    const listed = await runCli(near, 'templates');
    expect([listed.code, listed.stderr]).toEqual([0, '']);
    // Not keys that are the template's own in lower case, alone (`Name`, `Version`, `Optional`): they are slips (review).
    const slips = tempProject({ '.specfill/templates/adr.md': '---\nName: Team ADR\nVersion: 2\nOptional: [notes]\n---\n# ADR\n\n## Notes\n\n<!-- n -->\n' });
    const refused = await runCli(slips, 'templates');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('front matter `Name` is no template key: did you mean `name`?')]);
    for (const [files, message] of cases) {
      const dir = tempProject(Object.fromEntries(Object.entries(files).map(([k, v]) => [`.specfill/templates/${k}`, v])));
      const r = await runCli(dir, 'templates');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});

it('a template file named in the config mapping may extend a project template too', async () => {
  const { runCli, tempProject } = await import('./helpers/run-cli.js');
  const dir = tempProject({
    '.specfill/templates/base.md': '---\nid: base\n---\n# Base\n\n## Alpha\n\n<!-- AGENT_PLACEHOLDER: a -->\n\n## Beta\n\n<!-- AGENT_PLACEHOLDER: b -->\n',
    'tpl.md': '---\nextends: base\n---\n## Alpha\n',
    'bad.md': '---\nextends: nope\n---\n## Alpha\n',
    'specfill.config.yaml': 'templates:\n  "specs/t*.md": tpl.md\n  "specs/b*.md": bad.md\n',
    'specs/t.md': '# S\n\n## Alpha\n\nok\n',
    'specs/b.md': '# S\n\n## Alpha\n\nok\n',
  });
  const r = await runCli(dir, 'check', '--format', 'json');
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; sectionId?: string }> }>; failures: Array<{ path: string; code: string; message: string }> };
  expect(report.files.map((f) => [f.path, f.findings.map((x) => `${x.rule} ${x.sectionId}`)])).toEqual([['specs/t.md', ['missing-section beta']]]);
  expect(report.failures).toMatchObject([{ path: 'specs/b.md', code: 'INVALID_TEMPLATE', message: expect.stringContaining('`extends: nope`') }]);
});

describe('fixed sections (prose QA: a PEP keeps its Copyright paragraph word for word)', () => {
  const PEP = '---\nid: pep\nfixed: [copyright]\n---\n# PEP NNNN\n\n## Abstract\n\n[A short description of the issue.]\n\n## Copyright\n\nThis document is placed in the public domain or under the\nCC0-1.0-Universal license, whichever is more permissive.\n';
  const spec = (abstract: string, copyright: string | null) =>
    `---\ntitle: P\ntemplate: pep\n---\n# PEP 701\n\n## Abstract\n\n${abstract}\n${copyright === null ? '' : `\n## Copyright\n\n${copyright}\n`}`;
  const KEPT = 'This document is placed in the public domain or under the CC0-1.0-Universal license, whichever is more permissive.';

  it('are no guidance: kept as written they pass, and count for nothing in completeness; still required', async () => {
    const dir = tempProject({ '.specfill/templates/pep.md': PEP, 'specs/kept.md': spec('F-strings get a grammar.', KEPT), 'specs/left.md': spec('[A short description of the issue.]', KEPT), 'specs/gone.md': spec('F-strings.', null) });
    const r = await runCli(dir, 'check', '--format', 'json');
    const byPath = Object.fromEntries((JSON.parse(r.stdout) as { files: Array<{ path: string; completeness: number; findings: Array<{ rule: string; sectionId: string }> }> }).files
      .map((f) => [f.path, [f.completeness, f.findings.map((x) => `${x.rule} ${x.sectionId}`)]]));
    expect(byPath).toEqual({
      'specs/gone.md': [1, ['missing-section copyright']],
      'specs/kept.md': [1, []],
      // The abstract's guidance is still guidance; the kept paragraph lends it nothing.
      'specs/left.md': [0, ['empty-section abstract']],
    });
  });

  it('a template id from a file or folder name is the name without what an id cannot hold (GitLab\'s `_template.md`); a name with nothing left is refused, and the hint says to rename the folder (blind QA)', async () => {
    const dir = tempProject({
      'tpl/_template/README.md': '# T\n\n## A\n\n<!-- a -->\n', 'blueprints/_template.md': '# T\n\n## B\n\n<!-- b -->\n', 'tpl/___/README.md': '# T\n\n## C\n\n<!-- c -->\n',
      'specs/a.md': '# A\n\n## A\n\nA.\n', 'blueprints/x/index.md': '# X\n\n## B\n\n', 'other/c.md': '# C\n\n## C\n\nC.\n',
      'specfill.config.json': JSON.stringify({ templates: { 'specs/*.md': 'tpl/_template/README.md', 'blueprints/*/index.md': 'blueprints/_template.md', 'other/*.md': 'tpl/___/README.md' } }),
    });
    const r = await runCli(dir, 'check', 'specs/a.md', 'blueprints/x/index.md', '--format', 'json');
    expect([r.code, JSON.parse(r.stdout).files.map((f: { template: string; findings: Array<{ rule: string }> }) => [f.template, f.findings.map((x) => x.rule)])])
      .toEqual([1, [['template@1', ['empty-section']], ['template@1', []]]]);
    // An id made from a name gives way to the same id given by a name, and to a built-in's (review).
    const both = tempProject({ '.specfill/templates/template.md': '# T\n\n## A\n\n<!-- a -->\n', '.specfill/templates/_template.md': '# U\n\n## B\n\n<!-- b -->\n', '.specfill/templates/tech spec.md': '# V\n\n## C\n\n<!-- c -->\n' });
    const ids = await runCli(both, 'templates', '--json');
    expect([ids.code, JSON.parse(ids.stdout).map((t: { id: string; path: string }) => `${t.id} ${t.path}`)]).toEqual([0, expect.arrayContaining(['template .specfill/templates/template.md', 'tech-spec built-in:tech-spec.md'])]);
    const bad = await runCli(dir, 'check', 'other/c.md');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("template id `___` must start with a letter or digit, then letters, digits, '.', '_' or '-'\n  hint: rename the folder, or set `id:` in its front matter")]);
  });

  it('may name the part under the title (code review: accepted and ignored)', async () => {
    const tpl = '---\nid: lic\nfixed: [title]\n---\n# Doc\n\nLicensed under Apache-2.0.\n\n## Body\n\n[Write it.]\n';
    const dir = tempProject({ '.specfill/templates/lic.md': tpl, 'specs/a.md': '---\ntitle: A\ntemplate: lic\n---\n# A\n\nLicensed under Apache-2.0.\n\n## Body\n\nWritten.\n' });
    const r = await runCli(dir, 'check', '--format', 'json');
    expect([r.code, JSON.parse(r.stdout).files[0].findings]).toEqual([0, []]);
  });

  it('are carried to a template that extends, and an unknown id is refused with the ids there are', async () => {
    const dir = tempProject({
      '.specfill/templates/pep.md': PEP,
      '.specfill/templates/pep-x.md': '---\nid: pep-x\nextends: pep\n---\n## Rationale\n\n[Why.]\n',
      '.specfill/templates/bad.md': '---\nid: bad\nfixed: [copyrite]\n---\n# B\n\n## Copyright\n\nText.\n',
      'specs/x.md': `${spec('F-strings.', KEPT).replace('template: pep', 'template: pep-x')}\n## Rationale\n\nBecause.\n`,
    });
    const r = await runCli(dir, 'check', 'specs/x.md', '--format', 'json');
    expect(JSON.parse(r.stdout).files[0].findings).toEqual([]);
    const t = await runCli(dir, 'templates');
    expect(t.stderr).toContain('.specfill/templates/bad.md:3:1: front matter `fixed` names `copyrite`, which is no section of this template\n  hint: its section ids: copyright;');
  });
});
