// Traps found by an adversarial review of `check` (none missed, none extra):
// each case is a spec with one planted defect or one trap, and its exact findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { bareSlug, numberBeforeWords, slugify } from '../src/core/slug.js';
import { describe, expect, it } from 'vitest';
import { editDistance, editDistanceAtMost } from '../src/core/edit-distance.js';
import { buildTemplateModel, parseSpec } from '../src/index.js';
import { matchSections } from '../src/core/match-sections.js';
import { standInWords } from '../src/core/stand-in-headings.js';
import { checkSpec } from '../src/core/check-spec.js';
import { fillPlaceholders } from '../src/core/fill-placeholders.js';
import { onOneLine } from '../src/reporters/terminal-text.js';
import { guardAnswer } from '../src/core/output-guard.js';
import { createSpecSource } from '../src/core/create-spec.js';
import { templateFromSource } from '../src/core/template.js';
import type { LinkResolver } from '../src/core/checks/types.js';
import type { RuleSetting } from '../src/core/check-spec.js';
import type { TemplateModel } from '../src/core/template-model.js';

// Each hostile input here runs in well under a second; one that took
// seconds to minutes before its fix must fail, not pass under the 60 s the
// config gives tests that start processes and browsers.
const LINEAR = { timeout: 5_000 };

const SEED = readFileSync(join(import.meta.dirname, '..', 'templates', 'tech-spec.md'), 'utf8');
const TECH_SPEC = buildTemplateModel(parseSpec(SEED), 'tech-spec@1');
const NO_FILES: LinkResolver = { exists: () => false, anchorsOf: () => null };
const FRONT = '---\ntitle: My Spec\ntemplate: tech-spec\nstatus: draft\n---\n';
/** The seed, every placeholder replaced by a sentence, under front matter: no findings. */
const BASE = FRONT + SEED.replace(/<!-- AGENT_PLACEHOLDER: (.*?) -->/g, (_m, instruction: string) => `Done: ${instruction.toLowerCase()}.`);

const findings = (source: string, template: TemplateModel | null = TECH_SPEC, rules?: ReadonlyMap<string, RuleSetting>) =>
  checkSpec(parseSpec(source), { template, links: NO_FILES, rules }).findings;
const brief = (source: string, template: TemplateModel | null = TECH_SPEC, rules?: ReadonlyMap<string, RuleSetting>) =>
  findings(source, template, rules).map((f) => `${f.line}:${f.column} ${f.rule} ${f.sectionId ?? ''}`.trim());
/** How many findings of a rule a check made: those listed, and those the last one counts (past 500 a file). */
const counted = (list: ReadonlyArray<{ rule: string; message: string }>, rule: string): number =>
  list.filter((f) => f.rule === rule).reduce((n, f) => n + Number(/^(\d+) more /.exec(f.message)?.[1] ?? 1), 0);
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
const ON: RuleSetting = { severity: 'warning', options: {} };

describe('section matching', () => {
  it('"&" and "and" in a heading are one (Context & Scope for Context and Scope, and back; blind QA, design doc)', () => {
    const words = buildTemplateModel(parseSpec('# T\n\n## Context and Scope\n\n<!-- c -->\n\n## Goals & Non-Goals\n\n<!-- g -->\n'), 'g@1');
    expect(brief('# X\n\n## Context & Scope\n\nC.\n\n## Goals and Non-Goals\n\nG.\n', words)).toEqual([]);
    expect(brief('# X\n\n## Context &amp; Scope\n\nC.\n\n## Goals AND Non-Goals\n\nG.\n', words)).toEqual([]);
    expect(brief('# X\n\n## Context or Scope\n\nC.\n\n## Goals & Non-Goals\n\nG.\n', words)).toEqual(['3:1 missing-section context-and-scope']);
    // With no spaces around "&" (TC39's `## Q&A`, anchor `qa`), either way round (blind QA, TC39).
    const qa = buildTemplateModel(parseSpec('# T\n\n## Risks and Mitigations\n\n<!-- r -->\n\n## Q&A\n\n<!-- q -->\n'), 'q@1');
    expect(brief('# X\n\n## Risks&Mitigations\n\nSome.\n\n## Q and A\n\nNone.\n', qa)).toEqual([]);
    // With a number, an emoji or a mark before or after the words at once (blind QA, LLM-written: `## 6. Monitoring & Logging`).
    for (const heading of ['6. Monitoring & Logging', '6 - Monitoring&Logging', '6. 📈 Monitoring & Logging', 'Monitoring & Logging (Optional)']) {
      expect(brief(BASE.replace('## Monitoring and Logging\n', `## ${heading}\n`)), heading).toEqual([]);
    }
    expect(brief(BASE.replace('## Goals and Non-Goals\n', '## 2. Goals & Non-Goals\n'))).toEqual([]);
    expect(brief(BASE.replace('## Monitoring and Logging\n', '## 6. Monitoring & Alerting\n'))).toEqual([`${lineOf(BASE, '## Monitoring and Logging')}:1 missing-section monitoring-and-logging`]);
  });

  it('a base spec has no findings', () => {
    expect(brief(BASE)).toEqual([]);
  });

  it('the template\'s title written again below a title of the spec\'s own is named as the cause, once (blind QA, agent-written)', () => {
    const twice = BASE.replace('# Technical Specification\n', '# X service\n\n# Technical Specification\n');
    const found = findings(twice).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(found).toEqual([`${lineOf(twice, '## Overview')}:1 section-order section "Overview" is under "Technical Specification", the template's title written again below the spec's own title "X service", which makes it a section that holds the ones after it: delete one of the two titles (and the 9 template sections after it)`]);
  });

  it('the text under the title: a to-do word is said as such, once; words made a heading by `---` under them are said so (blind QA, agent-written)', () => {
    const said = (text: string) => findings(BASE.replace('Done: add project title.', text)).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(said('TBD')).toEqual(['6:1 empty-section the text under the title holds only "TBD": write what the template asks for there ("Add project title")']);
    expect(said('{{project_name}}')).toEqual(['6:1 empty-section the text under the title holds only "{{project_name}}": write what the template asks for there ("Add project title")']);
    expect(said('X service\n---')).toEqual(['6:1 empty-section the text under the title is empty: its text "X service" became a heading, made one by the `---` line under it; leave a blank line before `---` if it is meant as a rule ("Add project title")']);
    // A marker beside written text is still leftover-marker's.
    expect(said('X service, owner TBD.')).toEqual(['8:18 leftover-marker leftover marker "TBD": replace it with the real content']);
    // The title the template asks for written as a to-do word or a stand-in in the heading itself, nothing under it: the title names nothing,
    // said once, of the title (blind QA: two warnings, and 100% complete).
    for (const title of ['TBD', 'Project Name']) {
      const renamed = BASE.replace('# Technical Specification\n\nDone: add project title.\n', `# ${title}\n`);
      expect(findings(renamed).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([`6:1 empty-section the title "${title}" names nothing yet: write the spec's own title ("Add project title")`]);
    }
  });

  it('a number or an emoji before a heading\'s words keeps it its template section, either way round', () => {
    const on = new Map([['unknown-section', ON]]);
    const numbered = BASE.replace('## Overview\n', '## 1. Overview\n').replace('## Goals and Non-Goals\n', '## 2. Goals and Non-Goals\n')
      .replace('### Goals\n', '### 2.1 Goals\n').replace('## Deployment Strategy\n', '## 🚀 Deployment Strategy\n');
    expect(numbered).toContain('### 2.1 Goals');
    expect(brief(numbered, TECH_SPEC, on)).toEqual([]);
    // A template that numbers its headings, a spec that does not.
    const template = buildTemplateModel(parseSpec('# T\n\n## 1. Summary\n\n<!-- s -->\n\n## 2. Design\n\n<!-- d -->\n'), 'n@1');
    expect(brief('# M\n\n## Summary\n\nS.\n\n## Design\n\nD.\n', template, on)).toEqual([]);
    // A number and an emoji both (a variation selector after it, or a keycap), as agents write them (blind QA).
    const both = BASE.replace('## Architecture\n', '## 3. 🏗️ Architecture\n').replace('## Overview\n', '## 1️⃣ Overview\n');
    expect(both).toContain('## 3. 🏗️ Architecture');
    expect(brief(both, TECH_SPEC, on)).toEqual([]);
    // An emoji after the words, with its variation selector as models write it (`⚙️`, `✔️`, `1️⃣`), or as a
    // GitHub shortcode before or after them (`:rocket:`, rendered 🚀): still the section (blind QA, agent-written).
    for (const heading of ['Architecture ⚙️', 'Architecture ✔️', 'Architecture 1️⃣', 'Architecture (⚙️)', ':rocket: Architecture',
      'Architecture :building_construction:', '3. :rocket: Architecture']) {
      expect(brief(BASE.replace('## Architecture\n', `## ${heading}\n`), TECH_SPEC, on), heading).toEqual([]);
    }
    // A Roman number, a letter or a number in brackets before the words (blind QA, agent-written).
    for (const heading of ['I. Architecture', 'IV) Architecture', 'A. Architecture', '[3] Architecture', '[3.1] Architecture']) {
      expect(brief(BASE.replace('## Architecture\n', `## ${heading}\n`), TECH_SPEC, on), heading).toEqual([]);
    }
    expect(brief(BASE.replace('## Architecture\n', '## I/O Architecture\n'), TECH_SPEC, on)[0]).toMatch(/missing-section architecture$/);
    // (Words between colons are words: `Architecture: Overview` is not `Architecture`.)
    expect(brief(BASE.replace('## Architecture\n', '## Architecture :note: Overview\n'), TECH_SPEC, on)[0]).toMatch(/missing-section architecture$/);
    // A number that is part of the words is kept: "3D Rendering" is not "Rendering".
    const words = buildTemplateModel(parseSpec('# T\n\n## Rendering\n\n<!-- r -->\n'), 'w@1');
    expect(brief('# M\n\n## 3D Rendering\n\nR.\n', words)).toEqual(['3:1 missing-section rendering']);
  });

  it('a heading kept whole with a subtitle after it, an answer\'s mark, more numbering styles, a no-break space, a back-to-top link (blind QA, false-positive hunt)', () => {
    const options = buildTemplateModel(parseSpec('# Proposal: Title\n\n## Options\n\n### Option 1\n\n<!-- Describe the option. -->\n\n### Option 2\n\n<!-- Describe the option. -->\n'), 'o@1');
    expect(brief('# Queue\n\n## Options\n\n### Option 1: Postgres `SKIP LOCKED`\n\nRows.\n\n### Option 2 — SQS FIFO\n\nManaged.\n', options)).toEqual([]);
    // The template's heading written as it is is taken first; another name with a colon is not the section.
    expect(brief('# Queue\n\n## Options\n\n### Option 1: Postgres\n\nRows.\n\n### Option 1\n\nSame.\n\n### Option 2\n\nManaged.\n', options, new Map([['unknown-section', ON]]))).toEqual(['5:1 unknown-section options/option-1-postgres']);
    // (Not missing either: a numbered kind, the author's own option in its place under Options stands for it.)
    expect(brief('# Queue\n\n## Options\n\n### Choice: Postgres\n\nRows.\n\n### Option 2\n\nManaged.\n', options, new Map([['unknown-section', ON]]))).toEqual(['5:1 unknown-section options/choice-postgres']);
    const doc = buildTemplateModel(parseSpec('# Design: Title\n\n## Context\n\n<!-- Background. -->\n\n## Goals\n\n<!-- Goals. -->\n'), 'd@1');
    for (const [context, goals] of [['Context {#context}', 'Goals {#goals .wide}'], ['Context (v2)', 'Goals (Kubernetes)'], ['Context', 'Goals (N/A)'], ['Context', 'Goals — not applicable'], ['a) Context', 'b) Goals'], ['1.\u00a0Context', '2.\u00a0Goals'],
      ['Context <a href="#top">⬆️</a>', 'Goals'], ['一、Context', '二、Goals'], ['１．Context', '２．Goals'], ['Step 1: Context', 'Step 2: Goals'], ['A.1 Context', 'A.2 Goals'],
      // Full-width CJK punctuation before a subtitle (false-positive hunt, a Japanese team).
      ['Context（背景）', 'Goals：目標'], ['Context【背景】', 'Goals ― 目標'], ['Context 「背景」', 'Goals－目標']]) {
      expect(brief(`# Mine\n\n## ${context}\n\nWhy.\n\n## ${goals}\n\nThis is a maintenance change with no product goals.\n`, doc), `${context} / ${goals}`).toEqual([]);
    }
    // Under a template with no title, in a spec with a title of its own over its sections a level down (linkerd's RFCs, blind QA).
    const rfc = buildTemplateModel(parseSpec('# Summary\n\nOne paragraph.\n\n# Problem Statement\n\nWhat problem?\n\n# Prior art\n\nDiscuss prior art.\n'), 'r@1');
    expect(brief('# My RFC\n\n## Summary\n\nWe add X.\n\n## Problem Statement: Step 1\n\nIt breaks.\n\n## Prior art\n\nEnvoy.\n', rfc)).toEqual([]);
    expect(brief('# My RFC\n\n## Summary\n\nWe add X.\n\n## Statement: Step 1\n\nIt breaks.\n\n## Prior art\n\nEnvoy.\n', rfc)).toEqual(['7:1 missing-section problem-statement']);
  });

  it('review fixes: opposite questions are no near heading; a heading of thousands of colons is read at once; an answer in the heading is one; numberings keep real words', () => {
    const q = buildTemplateModel(parseSpec('# K\n\n## Ops\n\n### How can this feature be disabled in production?\n\n<!-- d -->\n\n### What are the risks of enabling this feature in a production cluster?\n\n<!-- r -->\n'), 'q@1');
    expect(brief('# M\n\n## Ops\n\n### How can this feature be enabled in production?\n\nFlag.\n\n### What are the benefits of enabling this feature in a production cluster?\n\nSpeed.\n', q)
      .filter((f) => f.includes('missing-section'))).toHaveLength(2);
    expect(brief(`# M\n\n## ${'a: '.repeat(30_000)}\n\nText.\n`, q).length).toBeGreaterThan(0);
    // A question's ending reworded after six words in common is the same question (third review: old KEPs' PRR wording).
    const slo = buildTemplateModel(parseSpec('# K\n\n## PRR\n\n### What are the reasonable SLOs (Service Level Objectives) for the enhancement?\n\n<!-- s -->\n'), 's@1');
    expect(brief('# M\n\n## PRR\n\n### What are the reasonable SLOs (Service Level Objectives) for the above SLIs?\n\n99.9%.\n', slo)).toEqual([]);
    const doc = buildTemplateModel(parseSpec('# D\n\n## Security\n\n<!-- s -->\n\n## Dependencies\n\n<!-- d -->\n'), 'd@1');
    expect(brief('# M\n\n## Security (N/A)\n\n## Dependencies: none\n', doc)).toEqual([]);
    for (const heading of ['X.509 Certificates', 'H.264 Encoding', 'LLC. Notes', 'CV. Review', '24-7 Support', 'Section 508 Compliance']) expect(bareSlug(heading), heading).toBeNull();
  });

  it('a template heading with attributes (`{#_quality_goals}`), and `/` for "and" (blind QA, arc42 and agent-written)', () => {
    const arc = buildTemplateModel(parseSpec('# Arc\n\n## Quality Goals {#_quality_goals}\n\n<!-- q -->\n\n## Goals and Non-Goals\n\n<!-- g -->\n'), 'a@1');
    expect(brief('# Mine\n\n## Quality Goals\n\nFast.\n\n## Goals / Non-Goals\n\nSome.\n', arc)).toEqual([]);
  });

  it('a spec follows its template\'s front matter: no title by default where the template\'s has none (blind QA, spec-kit tasks)', () => {
    const tasks = buildTemplateModel(parseSpec('---\ndescription: "Task list template"\n---\n# Tasks: [FEATURE NAME]\n\n## Phase 1\n\n- [ ] T001 Do it\n'), 't@1');
    expect(findings('---\ndescription: "Tasks for export"\n---\n# Tasks: Export\n\n## Phase 1\n\n- [x] T001 Do it\n', tasks).map((f) => f.message)).toEqual([]);
    // Naming the template in the front matter is as the config's mapping: no title owed either (review).
    expect(findings('---\ntemplate: t@1\ndescription: "Tasks for export"\n---\n# Tasks: Export\n\n## Phase 1\n\n- [x] T001 Do it\n', tasks).map((f) => f.message)).toEqual([]);
    // A template's own metadata is no sample of its specs' front matter: a spec with keys of its own owes its title (blind QA).
    for (const meta of ['version: 1', 'id: rfc\nversion: 2', 'name: RFC']) {
      const rfc = buildTemplateModel(parseSpec(`---\n${meta}\n---\n# Title\n\n## Summary\n\n<!-- s -->\n`), 'r@1');
      expect([meta, findings('---\ntemplate: r@1\nstatus: draft\n---\n# Rate limits\n\n## Summary\n\nS.\n', rfc).map((f) => f.rule)]).toEqual([meta, ['frontmatter']]);
    }
    // A key from a later version of the template (NixOS RFCs' `shepherd-leader:`) beside the sample's keys: still its sample (real NixOS RFCs).
    const nix = buildTemplateModel(parseSpec('---\nfeature: (fill me in with a unique ident, my_awesome_feature)\nauthor: (name of the main author)\n---\n\n# Summary\n\nOne paragraph explanation of the feature.\n'), 'n@1');
    expect(findings('---\nfeature: mark-stale-issues\nauthor: Ryan Mulligan\nshepherd-leader: Jane Doe\n---\n\n# Summary\n\nMark stale issues.\n', nix).map((f) => f.rule)).toEqual([]);
    // Most of its keys its own: not the sample's.
    expect(findings('---\nfeature: x\nowner: Ana\nstage: accepted\n---\n\n# Summary\n\nMark stale issues.\n', nix).map((f) => f.rule)).toEqual(['frontmatter']);
    // A sample that is no YAML (Cardano's `CIP: ?`, `Title: ?`: `?` opens a YAML key) is read by its lines' keys (blind QA, CIPs).
    const cip = buildTemplateModel(parseSpec('---\nCIP: ?\nTitle: ?\nStatus: Proposed\nCreated: YYYY-MM-DD\n---\n\n## Abstract\n\n<!-- A short description. -->\n'), 'c@1');
    expect(findings('---\nCIP: 12\nTitle: Pool operator messages\nStatus: Proposed\nCreated: 2020-11-07\n---\n\n## Abstract\n\nMetadata for pool operators.\n', cip).map((f) => f.rule)).toEqual([]);
  });

  it('a heading written twice under a parent matched by its words (🚀 Architecture) is the first one, the second its duplicate (blind QA)', () => {
    const emoji = BASE.replace('## Architecture\n', '## 🚀 Architecture\n');
    const twice = emoji.replace('### Data Model\n', '### Data Model\n\nMore.\n\n### Data Model\n');
    expect(brief(twice)).toEqual([`${lineOf(twice, '### API Design') - 4}:1 duplicate-heading -architecture/data-model-1`]);
    // The parent written twice: the first is the section, its subsections under it.
    const parentTwice = emoji.replace('## Implementation Details\n', '## 🚀 Architecture\n\nAgain.\n\n## Implementation Details\n');
    expect(brief(parentTwice)).toEqual([`${lineOf(parentTwice, 'Again.') - 2}:1 duplicate-heading -architecture-1`]);
    // Of the same heading under two parents, the one under the template's parent's section.
    const twoParents = emoji.replace('### Dependencies\n', '### Data Model\n\nElsewhere.\n\n### Dependencies\n');
    const on = new Map([['unknown-section', ON]]);
    expect(brief(twoParents, TECH_SPEC, on)).toEqual([`${lineOf(twoParents, 'Elsewhere.') - 2}:1 unknown-section implementation-details/data-model`]);
    // Under two parents neither of which is the template's: which was meant is not known.
    const neither = BASE.replace('### Data Model\n', '### Data Schema\n').replace('### Dependencies\n', '### Data Model\n\nX.\n\n### Dependencies\n')
      .replace('## Deployment Strategy\n', '## Deployment Strategy\n\n### Data Model\n\nY.\n');
    expect(brief(neither).filter((f) => f.includes('missing-section'))).toEqual([`${lineOf(neither, '### Data Schema')}:1 missing-section architecture/data-model`]);
  });

  it('a number written with a dash or colon, and spacing around punctuation, are no renaming (blind QA)', () => {
    const template = buildTemplateModel(parseSpec('# T\n\n## 1. Introduction\n\n<!-- i -->\n\n## 2. Runtime View\n\n<!-- r -->\n\n## 3. Deployment View\n\n<!-- d -->\n\n## On-call / Escalation\n\n<!-- o -->\n\n## Re-enable\n\n<!-- e -->\n'), 'a@1');
    const on = new Map([['unknown-section', ON]]);
    expect(brief('# M\n\n## 1 - Introduction\n\nI.\n\n## 2 \u2013 Runtime View\n\nR.\n\n## 3: Deployment View\n\nD.\n\n## On-call/Escalation\n\nO.\n\n## Reenable\n\nE.\n', template, on)).toEqual([]);
    // Words are still words: "3D Rendering" is not "Rendering", nor "Oncall Escalation Policy" the template's heading.
    expect(brief('# M\n\n## 1 - Introduction\n\nI.\n\n## 2 \u2013 Runtime View\n\nR.\n\n## 3: Deployment View\n\nD.\n\n## On-call Escalation Policy\n\nO.\n\n## Reenable\n\nE.\n', template, on))
      .toEqual(['15:1 missing-section on-call--escalation', '15:1 unknown-section on-call-escalation-policy']);
  });

  it('a number and a hyphen or spacing differing at once are no renaming, whichever side numbers or marks the heading (blind QA)', () => {
    const on = new Map([['unknown-section', ON]]);
    const template = (heading: string) => buildTemplateModel(parseSpec(`# T\n\n## 1. Goals\n\n<!-- g -->\n\n## ${heading}\n\n<!-- c -->\n\n## 9. Notes\n\n<!-- n -->\n`), 't@1');
    const spec = (heading: string) => `# M\n\n## Goals\n\nG.\n\n## ${heading}\n\nTracing everywhere.\n\n## Notes\n\nN.\n`;
    const cases: Array<[string, string]> = [
      ['8. Cross-cutting Concepts', 'Crosscutting Concepts'],
      ['Cross-cutting Concepts', '8. Crosscutting Concepts'],
      ['8. Crosscutting Concepts', 'Cross-cutting Concepts'],
      ['Crosscutting Concepts', '8. Cross cutting Concepts'],
      ['8. On-call / Escalation', 'On-call/Escalation'],
      ['On-call / Escalation', '8 - On-call/Escalation'],
      ['8. Re-enable (Optional)', 'Reenable'],
      ['Reenable', '8. Re-enable (optional)'],
    ];
    for (const [heading, written] of cases) expect(brief(spec(written), template(heading), on), `${heading} / ${written}`).toEqual([]);
    // Words are still words: another word, or a number that is part of one, is another heading.
    expect(brief(spec('Crosscutting Concerns'), template('8. Cross-cutting Concepts'), on))
      .toEqual(['7:1 unknown-section crosscutting-concerns', '11:1 missing-section 8-cross-cutting-concepts']);
    expect(brief(spec('3D Crosscutting Concepts'), template('Cross-cutting Concepts'), on))
      .toEqual(['7:1 missing-section cross-cutting-concepts', '7:1 unknown-section 3d-crosscutting-concepts']);
  });

  it('spacing before punctuation on the template\'s side is no renaming either (final review)', () => {
    const fr = buildTemplateModel(parseSpec('# T\n\n## Quels sont les risques ?\n\n<!-- r -->\n\n## Is it safe ?\n\n<!-- s -->\n'), 'fr@1');
    expect(brief('# M\n\n## Quels sont les risques?\n\nR.\n\n## Is it safe?\n\nYes.\n', fr)).toEqual([]);
  });

  it('a heading without the template\'s number and its "(Optional)" mark at once is still its section', () => {
    const template = buildTemplateModel(parseSpec('# T\n\n## 1. Summary\n\n<!-- s -->\n\n## 2. Drawbacks (Optional)\n\n<!-- d -->\n\n## 3. Design\n\n<!-- x -->\n'), 'n@1');
    const on = new Map([['unknown-section', ON]]);
    expect(brief('# M\n\n## Summary\n\nS.\n\n## Drawbacks\n\n<!-- d -->\n\n## Design\n\nD.\n', template, on)).toEqual(['7:1 empty-section drawbacks']);
    // Written the other way round too: a spec that numbers and marks what the template does not.
    const plain = buildTemplateModel(parseSpec('# T\n\n## Summary\n\n<!-- s -->\n\n## Drawbacks\n\n<!-- d -->\n'), 'p@1');
    expect(brief('# M\n\n## 1. Summary\n\nS.\n\n## 2. Drawbacks (optional)\n\nNone.\n', plain, on)).toEqual([]);
  });

  it('when two template sections could take one heading, it goes to the one whose place it stands in, then to one at its level (code review)', () => {
    const on = new Map([['unknown-section', ON]]);
    // The template's `## 1. Risks` and Design's `### Risks`; the spec's `## Risks` before Design is the first.
    const template = buildTemplateModel(parseSpec('# T\n\n## 1. Risks\n\n<!-- r -->\n\n## 2. Design\n\n<!-- d -->\n\n### Risks\n\n<!-- dr -->\n'), 'r@1');
    expect(brief('# M\n\n## Risks\n\nR.\n\n## 2. Design\n\nD.\n', template, on)).toEqual(['9:1 missing-section 2-design/risks']);
    // After Design, it is Design's `### Risks` moved up a level, and an optional `1. Risks (Optional)` is not owed.
    const optional = buildTemplateModel(parseSpec('# T\n\n## 1. Risks (Optional)\n\n<!-- r -->\n\n## 2. Design\n\n<!-- d -->\n\n### Risks\n\n<!-- dr -->\n'), 'o@1');
    expect(brief('# M\n\n## 2. Design\n\nD.\n\n## Risks\n\nR.\n', optional, on)).toEqual(['7:1 heading-level risks']);
    // Two headings of one name: the one in the template section's place is it, the other is the author's own.
    const once = buildTemplateModel(parseSpec('# T\n\n## Goals\n\n<!-- g -->\n\n## Design\n\n<!-- d -->\n\n### Criteria\n\n<!-- c -->\n\n## History\n\n<!-- h -->\n'), 'c@1');
    expect(brief('# M\n\n## Goals\n\nG.\n\n## Criteria\n\nC.\n\n## History\n\nH.\n\n## Criteria\n\nMore.\n', once, on))
      .toEqual(['7:1 missing-section design', '7:1 heading-level criteria', '15:1 unknown-section criteria-1', '15:1 duplicate-heading criteria-1']);
    // Two alike where the section belongs settle it: neither is taken, nor one further away (code review).
    const risks = buildTemplateModel(parseSpec('# T\n\n## Overview\n\n<!-- o -->\n\n## Design\n\n<!-- d -->\n\n### Risks\n\n<!-- r -->\n\n## Rollout\n\n<!-- ro -->\n'), 'k@1');
    expect(brief('# S\n\n## Overview\n\nO.\n\n## Design\n\nD.\n\n## Risks\n\nR1.\n\n## Risks\n\nR2.\n\n## Rollout\n\nRo.\n\n### Risks\n\nR3.\n', risks))
      .toEqual(['15:1 duplicate-heading risks-1', '19:1 missing-section design/risks']);
    // A repeat the template does not write as siblings is still a duplicate (code review).
    const marked = buildTemplateModel(parseSpec('# T\n\n## Overview\n\n<!-- o -->\n\n## Risks\n\n<!-- r -->\n\n## Design\n\n<!-- d -->\n\n### Risks (Optional)\n\n<!-- x -->\n'), 'm@1');
    expect(brief('# S\n\n## Overview\n\nO.\n\n## Risks\n\nR.\n\n## Design\n\nD.\n\n## Risks\n\nR2.\n', marked)).toEqual(['15:1 heading-level risks-1', '15:1 duplicate-heading risks-1']);
  });

  it('a title of the spec\'s own answers a template that asks only for the title under its heading (tech-spec)', () => {
    const own = BASE.replace(/# Technical Specification\n\nDone: add project title\.\n/, '# Rate limiter\n');
    expect(own).not.toBe(BASE);
    expect(brief(own)).toEqual([]);
    // Its placeholder's instruction kept as text under it is the template's, a leftover, as in any section (blind QA:
    // three words were too few to tell; an instruction only the template's comments hold tells with three).
    for (const kept of ['Add project title', 'AGENT_PLACEHOLDER: Add project title']) {
      const left = BASE.replace(/# Technical Specification\n\nDone: add project title\.\n/, `# Rate limiter\n\n${kept}\n`);
      expect(findings(left).map((f) => `${f.rule} ${f.message}`), kept).toEqual(['leftover-guidance the template\'s guidance "Add project title" is still here beside the section\'s own text: delete it']);
    }
    // Not a lead-in of the author's made of a comment's three words, over the author's list: a KEP's "Describe them, providing:".
    const kep = buildTemplateModel(parseSpec('# K\n\n## Summary\n\n<!-- s -->\n\n## API\n\n<!--\nDescribe them, providing:\n  - API type\n  - Supported number of objects\n-->\n'), 'k@1');
    expect(brief('# Mine\n\n## Summary\n\nS.\n\n## API\n\nDescribe them, providing:\n\n- API type(s): Pod\n- Supported number: one a node\n', kep)).toEqual([]);
    // Every section at level 1: the first chapter stands for the title, and its heading writes it (blind QA).
    const t1 = buildTemplateModel(parseSpec('# Architecture Documentation\n\n<!-- AGENT_PLACEHOLDER: Add system title -->\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: What the system does -->\n'), 't1@1');
    expect(brief('# Payment Gateway\n\n# Overview\n\nCard payments.\n', t1)).toEqual(['3:1 heading-level overview']);
    expect(brief('# Architecture Documentation\n\n# Overview\n\nCard payments.\n', t1)).toEqual(['1:1 empty-section title', '3:1 heading-level overview']);
    // Nygard's ADR: `# Title` over guidance that speaks of names asks for the title alone (QA round 4).
    for (const guidance of ['These documents have names that are short noun phrases. For example, "ADR 1: Deployment on Ruby on Rails 3.0.10".', '<!-- AGENT_PLACEHOLDER: Short noun phrase naming the decision -->']) {
      const adr = buildTemplateModel(parseSpec(`# Title\n\n${guidance}\n\n## Context\n\n<!-- c -->\n`), 'n@1');
      expect(brief('# ADR 1: Deployment on Kubernetes\n\n## Context\n\nC.\n', adr)).toEqual([]);
      expect(brief('# Title\n\n## Context\n\nC.\n', adr)).toEqual(['1:1 empty-section title']);
    }
    // Its words, or an instruction giving an example, as a placeholder: the example's commas and "or" list nothing else to write (blind QA, ADR).
    for (const asked of ['A short noun phrase naming the decision, such as "ADR 9: LDAP for multitenant integration"',
      'These documents have names that are short noun phrases. For example, "ADR 1: Deciding what to do" or "ADR 9: LDAP for Multitenant Integration"']) {
      const adr = buildTemplateModel(parseSpec(`# Title\n\n<!-- AGENT_PLACEHOLDER: ${asked} -->\n\n## Context\n\n<!-- c -->\n`), 'n@1');
      expect([asked, brief('# 1. Record architecture decisions\n\n## Context\n\nC.\n', adr)]).toEqual([asked, []]);
      expect([asked, brief('# Title\n\n## Context\n\nC.\n', adr)]).toEqual([asked, ['1:1 empty-section title']]);
    }
    // Guidance in a plain comment under the template's own title asks as a placeholder of its words would (blind QA, arc42).
    for (const comment of ['<!-- Name of the system -->', '<!-- System name -->', '<!-- Add project title -->', '<!-- Name of the system, e.g. "Billing" -->']) {
      const arc = buildTemplateModel(parseSpec(`# Architecture Documentation\n\n${comment}\n\n## Overview\n\n<!-- o -->\n`), 'a@1');
      expect([comment, brief('# Inventory Service\n\n## Overview\n\nStock.\n', arc)]).toEqual([comment, []]);
      expect([comment, brief('# Architecture Documentation\n\n## Overview\n\nStock.\n', arc)]).toEqual([comment, ['1:1 empty-section title']]);
    }
    for (const comment of ['<!-- Name of the system and its owners -->', '<!-- Name of the system -->\n\nThe team that owns it.', '<!-- Name of the system --> and its owners']) {
      const arc = buildTemplateModel(parseSpec(`# Architecture Documentation\n\n${comment}\n\n## Overview\n\n<!-- o -->\n`), 'a@1');
      expect([comment, brief('# Inventory Service\n\n## Overview\n\nStock.\n', arc)]).toEqual([comment, ['1:1 empty-section title']]);
    }
    // A longer note about the title under a stand-in title, as a KEP's, is answered by the spec's title (blind QA, an RFC template).
    for (const note of ['This is the title of your KEP. Keep it short, simple, and descriptive. A good\ntitle can help communicate what the KEP is and should be considered as part of\nany review.',
      'Choose a short, descriptive title.', 'Keep the title short, since readers see it first.']) {
      const kep = buildTemplateModel(parseSpec(`# KEP-NNNN: Your short, descriptive title\n\n<!--\n${note}\n-->\n\n## Summary\n\n<!-- s -->\n`), 'k@1');
      expect([note, brief('# KEP-1234: Tenant-aware rate limiting\n\n## Summary\n\nS.\n', kep)]).toEqual([note, []]);
      expect([note, brief('---\ntitle: Tenant-aware rate limiting\n---\n## Summary\n\nS.\n', kep)]).toEqual([note, []]);
      expect([note, brief('# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\nS.\n', kep)]).toEqual([note, ['1:1 empty-section title']]);
    }
    // Not where it names other things to write, or asks to write one, nor under a title of the template's own.
    for (const [title, note] of [['# KEP-NNNN: Your short, descriptive title', 'Keep the title short, and list the authors and the date.'],
      ['# [Feature Title]', 'Replace the title with the feature name, and write a one-sentence problem statement below it.'],
      ['# Payments Platform', 'This is the title of the document. Keep it short.']]) {
      const kep = buildTemplateModel(parseSpec(`${title}\n\n<!-- ${note} -->\n\n## Summary\n\n<!-- s -->\n`), 'k@1');
      expect([note, brief('# KEP-1234: Tenant-aware rate limiting\n\n## Summary\n\nS.\n', kep)]).toEqual([note, ['1:1 empty-section title']]);
    }
    // Guidance that asks for more than the name is owed that (final review).
    for (const more of ['Give the document a name, and list its authors, reviewers and the date it was decided.', '<!-- Title, authors, and date -->',
      '<!-- AGENT_PLACEHOLDER: A short title, e.g. Billing, and the list of authors -->']) {
      const adr = buildTemplateModel(parseSpec(`# Title\n\n${more}\n\n## Context\n\n<!-- c -->\n`), 'm@1');
      expect([more, brief('# Use Postgres\n\n## Context\n\nC.\n', adr)]).toEqual([more, ['1:1 empty-section title']]);
    }
    // A title heading that is a title of its own asks for what its guidance says.
    const named = buildTemplateModel(parseSpec('# Payments\n\nThese documents have names that are short noun phrases.\n\n## Context\n\n<!-- c -->\n'), 'o@1');
    expect(brief('# Refunds\n\n## Context\n\nC.\n', named)).toEqual(['1:1 empty-section title']);
    // A title that starts with "Lorem ipsum" names something; the filler itself names nothing (false-positive hunt).
    expect(brief(BASE.replace('Done: add project title.', 'Lorem ipsum generator for design-system fixtures'))).toEqual([]);
    expect(brief(BASE.replace('Done: add project title.', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.'))).toEqual(['6:1 empty-section title']);
    // The template's own heading with nothing under it has written no title.
    const kept = BASE.replace(/# Technical Specification\n\nDone: add project title\.\n/, '# Technical Specification\n');
    expect(brief(kept)).toEqual([`${lineOf(kept, '# Technical')}:1 empty-section title`]);
    // A template that asks for more than the title under it is owed that, whatever the title.
    for (const asked of ['Insert project title', 'Title of this RFC', 'Replace with your project title', 'Document\u2019s title', 'Project Title:', 'System name', 'Project name', 'Name of the service',
      'Name of the system under review', 'Product or feature name']) {
      expect([asked, buildTemplateModel(parseSpec(`# Title\n\n<!-- AGENT_PLACEHOLDER: ${asked} -->\n\n## Body\n\n<!-- AGENT_PLACEHOLDER: The rest -->\n`), 't@1').titleAsksOnlyTitle]).toEqual([asked, true]);
    }
    // The thing the template's own title names, as blind QA's templates ask for it (pipelines, models); not another thing, nor a role (code review).
    const titleOnly = (title: string, asked: string) => buildTemplateModel(parseSpec(`# ${title}\n\n<!-- AGENT_PLACEHOLDER: ${asked} -->\n\n## Body\n\n<!-- AGENT_PLACEHOLDER: The rest -->\n`), 't@1').titleAsksOnlyTitle;
    for (const [title, asked] of [['Pipeline Name', 'Name of the pipeline'], ['Pipeline Name', 'Pipeline name'], ['Pipeline Name', "Pipeline's name"], ['Data Pipeline', 'The data pipeline name'], ['Model Card', 'Model name'], ['Model Card', 'Name of the model']]) {
      expect([title, asked, titleOnly(title!, asked!)]).toEqual([title, asked, true]);
    }
    for (const [title, asked] of [['Title', 'Name of the pipeline'], ['Pipeline Name', 'PM name'], ['Pipeline Name', 'Repository name'], ['Pipeline Name', 'Name of the Slack channel'], ['Pipeline Name', 'Name of the DRI'], ['Squad Charter', 'Squad name']]) {
      expect([title, asked, titleOnly(title!, asked!)]).toEqual([title, asked, false]);
    }
    for (const asked of ['Add project title and a one-paragraph summary of the problem', 'Title, authors, status and date', 'Title-case every heading; write the motivation', 'Your name', 'Owner name', 'Name', 'System name and its owners', 'Name of the service owner', 'Name of the project lead', 'Service owner name',
      'Team name', 'Full name', 'Author name', 'Name of the author', 'Reviewer names', 'Write a long description of the pipeline name choices made here']) {
      const more = buildTemplateModel(parseSpec(`# Title\n\n<!-- AGENT_PLACEHOLDER: ${asked} -->\n\n## Body\n\n<!-- AGENT_PLACEHOLDER: The rest -->\n`), 'm@1');
      expect([asked, more.titleAsksOnlyTitle]).toEqual([asked, false]);
    }
    const abstract = buildTemplateModel(parseSpec('# Title\n\n<!-- AGENT_PLACEHOLDER: Write a one-paragraph abstract -->\n\n## Body\n\n<!-- AGENT_PLACEHOLDER: The rest -->\n'), 'a@1');
    expect(brief('# My paper\n\n## Body\n\nText.\n', abstract)).toEqual(['1:1 empty-section title']);
  });

  it('a renamed heading ending in a number is missing under its old name, not matched', () => {
    const spec = BASE.replace('## Future Considerations', '## Future Considerations 2027');
    const renamed = lineOf(spec, '## Future Considerations 2027');
    // Placed on the heading that seems to be it renamed (the message names it).
    expect(brief(spec)).toEqual([`${renamed}:1 missing-section future-considerations`]);
    expect(brief(spec, TECH_SPEC, new Map([['unknown-section', ON]]))).toEqual([
      `${renamed}:1 missing-section future-considerations`,
      `${renamed}:1 unknown-section future-considerations-2027`,
    ]);
    // Numbered template sections are told apart.
    const phases = buildTemplateModel(parseSpec('# P\n\n## Phase 1\n\n<!-- AGENT_PLACEHOLDER: One -->\n\n## Phase 2\n\n<!-- AGENT_PLACEHOLDER: Two -->\n'), 'p@1');
    expect(brief('# P\n\n## Phase 1\n\nDone.\n\n## Phase 3\n\nDone.\n', phases)).toEqual(['7:1 missing-section phase-2']);
  });

  it('a missing section names the section that seems to be it renamed, and only then', () => {
    const messages = (source: string, template: TemplateModel = TECH_SPEC) =>
      findings(source, template).filter((f) => f.rule === 'missing-section').map((f) => `${f.line}:${f.column} ${f.message}`);
    // In its place, at its level, much the same words: named, with its line.
    const renamed = BASE.replace('## Future Considerations', '## Future Considerations and Plans');
    const at = lineOf(renamed, '## Future Considerations and Plans');
    const next = lineOf(renamed, '## Alternative Approaches Considered');
    expect(messages(renamed)).toEqual([`${at}:1 missing section "Future Considerations" (## Future Considerations) from template tech-spec@1; `
      + '"Future Considerations and Plans" is in its place: if that is this section renamed, restore its heading']);
    expect(at).toBeLessThan(next);
    // Two renamed side by side are paired in order.
    const two = BASE.replace('### Data Model', '### Data Models').replace('### API Design', '### API Design Notes');
    expect(messages(two).map((m) => m.replace(/^.*?; "/, '"'))).toEqual([
      '"Data Models" is in its place: if that is this section renamed, restore its heading',
      '"API Design Notes" is in its place: if that is this section renamed, restore its heading',
    ]);
    // A different subject in its place, another level, elsewhere, or one too many: no guess.
    const plain = 'missing section "Future Considerations" (## Future Considerations) from template tech-spec@1';
    expect(messages(BASE.replace('## Future Considerations', '## Open Questions')).map((m) => m.replace(/^\d+:1 /, ''))).toEqual([plain]);
    expect(messages(BASE.replace('## Future Considerations', '### Future Considerations Later')).map((m) => m.replace(/^\d+:1 /, ''))).toEqual([plain]);
    const moved = BASE.replace('## Future Considerations', '## Future Considerations Later');
    const away = moved.replace(/(## Future Considerations Later\n[\s\S]*?)(## Alternative Approaches Considered\n[\s\S]*?)(?=\n## |$)/, '$2\n$1');
    expect(away.indexOf('## Future Considerations Later')).toBeGreaterThan(away.indexOf('## Alternative Approaches Considered'));
    expect(messages(away).map((m) => m.replace(/^\d+:1 /, ''))).toEqual([plain]);
    const extra = BASE.replace('## Future Considerations', '## Future Considerations A\n\nText.\n\n## Future Considerations B');
    expect(messages(extra).map((m) => m.replace(/^\d+:1 /, ''))).toEqual([plain]);
    // A long word spelt another way is the same word (blind QA round 2: "Acknowledgements"); a short one changed is not.
    const thanks = buildTemplateModel(parseSpec('# S\n\n## Motivation\n\n<!-- m -->\n\n## Acknowledgments\n\n<!-- a -->\n\n## Testing\n\n<!-- t -->\n'), 's@1');
    expect(messages('# X\n\n## Motivation\n\nm\n\n## Acknowledgements\n\na\n\n## Testing\n\nt\n', thanks).map((m) => m.replace(/^.*?; /, ''))).toEqual([
      '"Acknowledgements" is in its place: if that is this section renamed, restore its heading',
    ]);
    expect(messages('# X\n\n## Motivation\n\nm\n\n## Acknowledgments\n\na\n\n## Nesting\n\nt\n', thanks)).toEqual([
      '11:1 missing section "Testing" (## Testing) from template s@1',
    ]);
    // After all the template sections before it that are there, wherever the spec put them (second review).
    expect(messages('# X\n\n## Acknowledgments\n\na\n\n## Motivation\n\nm\n\n## Appendix\n\nt\n', thanks)).toEqual([
      '11:1 missing section "Testing" (## Testing) from template s@1',
    ]);
  });

  it('a rename is named past sections of the author\'s own and a missing optional neighbour, and a heading that merges two is named so (prose QA)', () => {
    const pep = buildTemplateModel(parseSpec('# PEP\n\n## Summary\n\n<!-- s -->\n\n## Backwards Compatibility\n\n<!-- b -->\n\n## Security Implications (Optional)\n\n<!-- x -->\n\n## Drawbacks\n\n<!-- d -->\n\n## Alternatives\n\n<!-- a -->\n\n## Copyright\n\n<!-- c -->\n'), 'pep@1');
    const messages = (source: string) => findings(source, pep).filter((f) => f.rule === 'missing-section').map((f) => `${f.line}:${f.column} ${f.message.replace(/^.*?@1; /, '')}`);
    expect(messages('# P\n\n## Summary\n\nS.\n\n## Compatibility Story\n\nB.\n\n## Security Considerations\n\nX.\n\n## Drawbacks\n\nD.\n\n## Alternatives\n\nA.\n\n## Copyright\n\nC.\n'))
      .toEqual(['7:1 "Compatibility Story" is in its place: if that is this section renamed, restore its heading']);
    // A long heading a letter apart is the section (false-positive hunt: the template's earlier or later wording, a typo).
    expect(messages('# P\n\n## Summary\n\nS.\n\n## Backward Compatibility\n\nB.\n\n## Security Considerations\n\nX.\n\n## Drawbacks\n\nD.\n\n## Alternatives\n\nA.\n\n## Copyright\n\nC.\n')).toEqual([]);
    expect(messages('# P\n\n## Summary\n\nS.\n\n## Backwards Compatibility\n\nB.\n\n## Drawbacks and alternatives\n\nD.\n\n## Copyright\n\nC.\n')).toEqual([
      '11:1 "Drawbacks and alternatives" is in its place and seems to hold it with "Alternatives": give each section its own heading',
      '11:1 "Drawbacks and alternatives" is in its place and seems to hold it with "Drawbacks": give each section its own heading',
    ]);
    // Renamed side by side with words in common: paired in order (code review).
    const goals = buildTemplateModel(parseSpec('# T\n\n## Motivation\n\n<!-- m -->\n\n### Goals\n\n<!-- g -->\n\n### Non-Goals\n\n<!-- n -->\n\n## Proposal\n\n<!-- p -->\n'), 'g@1');
    expect(findings('# M\n\n## Motivation\n\nM.\n\n### Project Goals\n\nG.\n\n### Project Non-Goals\n\nN.\n\n## Proposal\n\nP.\n', goals).map((f) => `${f.line} ${f.message.replace(/^.*?@1; /, '')}`)).toEqual([
      '7 "Project Goals" is in its place: if that is this section renamed, restore its heading',
      '11 "Project Non-Goals" is in its place: if that is this section renamed, restore its heading',
    ]);
    // One word shared with each of two is no merge (code review).
    const kep = buildTemplateModel(parseSpec('# T\n\n## Proposal\n\n<!-- p -->\n\n## Design Details\n\n<!-- d -->\n\n## Implementation History\n\n<!-- h -->\n\n## Drawbacks\n\n<!-- x -->\n'), 'k@1');
    expect(findings('# K\n\n## Proposal\n\nP.\n\n## Implementation Details\n\nI.\n\n## Drawbacks\n\nD.\n', kep).every((f) => !f.message.includes('seems to hold'))).toBe(true);
    // A part of each joined ("Deployment and Monitoring" for Deployment Strategy, then Monitoring and Logging;
    // "Drawbacks and alternatives" for Drawbacks, then Rationale and alternatives) is a merge (blind QA).
    const ops = buildTemplateModel(parseSpec('# T\n\n## Deployment Strategy\n\n<!-- d -->\n\n## Monitoring and Logging\n\n<!-- m -->\n\n## Future Considerations\n\n<!-- f -->\n'), 'o@1');
    for (const merged of ['Deployment and Monitoring', 'Deployment / Monitoring', 'Deployment Strategy and Logging']) {
      expect(findings(`# O\n\n## ${merged}\n\nBlue-green; Prometheus alerts.\n\n## Future Considerations\n\nF.\n`, ops).map((f) => `${f.line} ${f.message.replace(/^.*?@1; /, '')}`), merged).toEqual([
        `3 "${merged}" is in its place and seems to hold it with "Monitoring and Logging": give each section its own heading`,
        `3 "${merged}" is in its place and seems to hold it with "Deployment Strategy": give each section its own heading`]);
    }
  });

  it('a long heading a slip or a rewording apart is that section at another level too, with a number, an emoji or a mark, or two letters swapped (blind QA, KEPs)', () => {
    const kep = buildTemplateModel(parseSpec('# T\n\n## Design Details\n\n### Test Plan\n\n<!-- t -->\n\n##### Prerequisite testing updates\n\n<!-- p -->\n\n##### Unit tests\n\n<!-- u -->\n\n### Upgrade and downgrade strategy\n\n<!-- d -->\n\n### Backwards Compatibility Notes\n\n<!-- b -->\n\n### Monitoring\n\n<!-- m -->\n\n###### How can an operator determine if the feature is in use?\n\n<!-- q1 -->\n\n###### Are there any missing metrics that would be useful to have to improve observability of this feature?\n\n<!-- q2 -->\n'), 'k@1');
    const spec = (over: Record<string, string>) => {
      const h = { pre: '##### Prerequisite testing updates', unit: '##### Unit tests', upgrade: '### Upgrade and downgrade strategy', notes: '### Backwards Compatibility Notes', q1: '###### How can an operator determine if the feature is in use?',
        q2: '###### Are there any missing metrics that would be useful to have to improve observability of this feature?', ...over };
      return `# K\n\n## Design Details\n\nD.\n\n### Test Plan\n\nT.\n\n${h.pre}\n\nP.\n\n${h.unit}\n\nU.\n\n${h.upgrade}\n\nG.\n\n${h.notes}\n\nB.\n\n### Monitoring\n\nM.\n\n${h.q1}\n\nQ1.\n\n${h.q2}\n\nQ2.\n`;
    };
    const rules = (over: Record<string, string>) => findings(spec(over), kep).map((f) => `${f.rule} ${f.sectionId}`);
    expect(rules({})).toEqual([]);
    // A slip in the gap the template leaves (levels 4 and 5 under a `###`): that section, nothing said.
    expect(rules({ pre: '#### Prerequisite testing update', unit: '#### Unit tests' })).toEqual([]);
    // (Above the template's next subsection, still in the gap, it takes that one in: its level is said, the section found.)
    expect(rules({ pre: '#### Prerequisite testing update' })).toEqual(['heading-level design-details/test-plan/prerequisite-testing-update']);
    // At another level out of a gap, with a number, with an answer's mark: that section, its level said where it is off.
    expect(rules({ upgrade: '#### Upgrade and downgrade stratgy' })).toEqual(['heading-level design-details/test-plan/upgrade-and-downgrade-stratgy']);
    expect(rules({ upgrade: '### 2. Upgrade and downgrade stratgy' })).toEqual([]);
    expect(rules({ upgrade: '### Upgrade and downgrade stratgy (N/A)' })).toEqual([]);
    // Two letters swapped in a word.
    for (const notes of ['### Backwards Compatibility Notse', '### Bakcwards Compatibility Notes']) expect(rules({ notes }), notes).toEqual([]);
    // An older wording under a question at another level, which holds it: only that question's level is said.
    expect(rules({ q1: '#### How can an operator determine if the feature is in use?', q2: '###### Are there any missing metrics that would be useful to improve observability of this feature?' }))
      .toEqual(['heading-level design-details/monitoring/how-can-an-operator-determine-if-the-feature-is-in-use']);
  });

  it('a missing heading inside a block quote, a list item or an HTML block is placed on that line and said so (blind QA, HashiCorp and Sourcegraph RFCs)', () => {
    const messages = (source: string) =>
      findings(source).filter((f) => f.rule === 'missing-section').map((f) => `${f.line}:${f.column} ${f.message.replace(/^.*?tech-spec@1: /, '')}`);
    const quoted = BASE.replace('### Data Model\n', '> ### Data Model\n');
    expect(messages(quoted)).toEqual([`${lineOf(quoted, '> ### Data Model')}:3 its heading is inside a block quote, so it opens no section; move it out: a ### heading on a line of its own, without the \`>\``]);
    const listed = BASE.replace('### Data Model\n', '- ### Data Model\n');
    expect(messages(listed)).toEqual([`${lineOf(listed, '- ### Data Model')}:3 its heading is inside a list item, so it opens no section; move it out: a ### heading on a line of its own, not in the list`]);
    // `<details>` with no blank line after it: an HTML block, where Markdown is not read.
    const folded = BASE.replace('### Data Model\n', '<details>\n### Data Model\n');
    const open = lineOf(folded, '<details>');
    expect(messages(folded)).toEqual([`${open + 1}:1 its heading is inside the HTML block that starts on line ${open} (\`<details>\`), where Markdown is not read, so it opens no section; leave a blank line after the HTML tag that opens it (and one before the tag that closes it)`]);
    // A `<pre>` never closed holds every heading after it: each placed on its line and said so (judge QA: plain "missing" at the end).
    const pre = BASE.replace('### Data Model\n', '<pre>\nraw\n\n### Data Model\n');
    const preAt = lineOf(pre, '<pre>');
    expect(messages(pre)[0]).toBe(`${preAt + 3}:1 its heading is inside the \`<pre>\` block that starts on line ${preAt}, never closed, where Markdown is not read to the end, so it opens no section; close it with \`</pre>\` where its own text ends`);
    // Closed, a `#` line in it is text meant as written.
    expect(messages(BASE.replace('### Data Model\n', '<pre>\n### Data Model\n</pre>\n'))[0]).not.toContain('<pre>');
    // Both containers named, outermost last, and the fix at the template's level (review of 4f5e497).
    const quoteInList = BASE.replace('### Data Model\n', '- > ## Data Model\n');
    expect(messages(quoteInList)).toEqual([`${lineOf(quoteInList, '- > ## Data Model')}:5 its heading is inside a block quote in a list item, so it opens no section; move it out: a ### heading on a line of its own, not in the list and without the \`>\``]);
    const listInQuote = BASE.replace('### Data Model\n', '> - ### Data Model\n');
    expect(messages(listInQuote)).toEqual([`${lineOf(listInQuote, '> - ### Data Model')}:5 its heading is inside a list item in a block quote, so it opens no section; move it out: a ### heading on a line of its own, without the \`>\` and not in the list`]);
    const footnote = BASE.replace('### Data Model\n', 'See[^dm].\n\n[^dm]: ### Data Model\n');
    expect(messages(footnote)[0]).toContain('inside a footnote, so it opens no section');
    // Matched by its anchor, as sections are: a comment in the heading is not its words.
    expect(messages(BASE.replace('### Data Model\n', '- ### Data Model <!-- later -->\n'))[0]).toContain('inside a list item');
    // Lone CR line endings, a quote on line 1: the list item is still a list item (and no rescan of the text before it).
    const cr = `> Note.\n\n${listed}`.replace(/\n/g, '\r');
    expect(messages(cr)[0]).toContain('inside a list item, so');
    // `<pre>`, `<script>` and the other HTML blocks that a blank line does not end hold text as written: no hint.
    for (const [opener, close] of [['<pre>', '</pre>'], ['<script>', '</script>'], ['<?php', '?>']]) {
      const raw = BASE.replace('### Data Model\n', `${opener}\n\n# Data Model\n${close}\n`);
      expect(messages(raw)).toEqual([`${lineOf(raw, '### API Design')}:1 missing section "Data Model" (### Data Model) from template tech-spec@1`]);
    }
    // Only where the section belongs: a quoted heading of that name in another section is a quote.
    const elsewhere = BASE.replace('### Data Model\n', '').replace('## Overview\n', '## Overview\n\n> ### Data Model\n');
    expect(messages(elsewhere)).toEqual([`${lineOf(elsewhere, '### API Design')}:1 missing section "Data Model" (### Data Model) from template tech-spec@1`]);
  });

  it('empty-section: the template\'s contents list kept word for word is the spec\'s when every entry leads to one of its headings (blind QA, KEP)', () => {
    const toc = '<!-- toc -->\n- [Summary](#summary)\n- [Motivation](#motivation)\n<!-- /toc -->\n';
    const kep = buildTemplateModel(parseSpec(`# KEP-NNNN: Your short, descriptive title\n\n<!--\nThis is the title of your KEP.\n-->\n\n${toc}\n## Summary\n\n<!--\nA good summary.\n-->\n\n## Motivation\n\n<!--\nWhy.\n-->\n`), 'k@1');
    expect(brief(`# KEP-4242: Pod Restart Budget\n\n${toc}\n## Summary\n\nA budget.\n\n## Motivation\n\nCrash loops.\n`, kep)).toEqual([]);
    // The same list over other headings leads nowhere: it is still the template's.
    expect(brief(`# KEP-4242: Pod Restart Budget\n\n${toc}\n## Summary\n\nA budget.\n\n## Why\n\nCrash loops.\n`, kep).filter((f) => f.includes('empty-section'))).toEqual(['1:1 empty-section title']);
    // Under a template with no title (a TEP's), whose part before its first section holds the list, the spec's own title
    // heading there is no part of the list (blind QA, TEP-0118: an error).
    const tep = buildTemplateModel(parseSpec(`<!--\nThis is the title of your TEP.\n-->\n\n${toc}\n## Summary\n\n<!--\nA good summary.\n-->\n\n## Motivation\n\n<!--\nWhy.\n-->\n`), 't@1');
    expect(brief(`# TEP-0118: Hub config\n\n${toc}\n## Summary\n\nA budget.\n\n## Motivation\n\nCrash loops.\n`, tep)).toEqual([]);
    expect(brief(`# TEP-0118: Hub config\n\n${toc}\n## Summary\n\nA budget.\n\n## Why\n\nCrash loops.\n`, tep).filter((f) => f.includes('empty-section'))).toEqual(['1:1 empty-section title']);
    // A list most of whose entries lead to the spec's headings is the spec's, an optional section it left out still listed:
    // broken-link names that entry, and that is all (blind QA, Kyverno KDPs: "still holds only the template's guidance").
    const kdpToc = '- [Meta](#meta)\n- [Overview](#overview)\n- [Proposal](#proposal)\n- [Migration (OPTIONAL)](#migration-optional)\n';
    const kdp = buildTemplateModel(parseSpec(`# Meta\n\n- Name: <name>\n\n# Table of Contents\n\n${kdpToc}\n# Overview\n\nOne paragraph.\n\n# Proposal\n\nThe design.\n\n# Migration (OPTIONAL)\n\nHow users move.\n`), 'kdp@1');
    expect(brief(`# Meta\n\n- Name: Cache\n\n# Table of Contents\n\n${kdpToc}\n# Overview\n\nA cache.\n\n# Proposal\n\nAn LRU.\n`, kdp)).toEqual(['10:3 broken-link table-of-contents']);
    // An entry's text may hold brackets of its own (OpenEBS' `[Drawbacks [optional]](#drawbacks-optional)`; blind QA, OEPs).
    const oepToc = '* [Summary](#summary)\n* [Risks and Mitigations](#risks-and-mitigations)\n* [Drawbacks [optional]](#drawbacks-optional)\n';
    const oep = buildTemplateModel(parseSpec(`# Title\n\n## Table of Contents\n\nA table of contents is helpful for quickly jumping to sections.\n\n${oepToc}\n## Summary\n\nOne paragraph.\n\n## Risks and Mitigations\n\nWhat could go wrong.\n\n## Drawbacks [optional]\n\nWhy not.\n`), 'oep@1');
    expect(brief(`# Arm64\n\n## Table of Contents\n\n${oepToc}\n## Summary\n\nImages.\n\n## Risks and Mitigations\n\nNone.\n\n## Drawbacks [optional]\n\nNone.\n`, oep)).toEqual([]);
  });

  it('empty-section: the template\'s credits under its title (arc42\'s "About arc42") ask for no text there, kept or deleted; under an empty `# ` of its export too (blind QA, arc42)', () => {
    const about = '**About arc42**\n\narc42, the template for documentation of software and system architecture.\n\nTemplate Version 8.2 EN. (based upon AsciiDoc version), January 2023\n\nCreated, maintained and © by Dr. Peter Hruschka, Dr. Gernot Starke and contributors. See <https://arc42.org>.\n';
    const arc = buildTemplateModel(parseSpec(`# <!-- Name of the system -->\n\n${about}\n## Introduction\n\n<!-- Describe the goals. -->\n`), 'arc@1');
    for (const kept of [about, '']) expect(brief(`# Shopfloor Telemetry\n\n${kept}\n## Introduction\n\nTelemetry from the shop floor.\n`, arc)).toEqual([]);
    expect(brief(`# <!-- Name of the system -->\n\n${about}\n## Introduction\n\nTelemetry.\n`, arc)).toEqual(['1:1 empty-section title']);
    const exported = buildTemplateModel(parseSpec(`# \n\n${about}\n# Introduction {#section-introduction}\n\n<!-- Describe the goals. -->\n`), 'arcgh@1');
    expect(brief(`# Shopfloor Telemetry\n\n${about}\n# Introduction {#section-introduction}\n\nTelemetry.\n`, exported)).toEqual([]);
    // Guidance that names the copyright or the template but asks for text is guidance (review).
    const licensing = buildTemplateModel(parseSpec('# <!-- Name of the system -->\n\n## Licensing\n\nList the copyright holder and license of each third-party dependency.\n\n## Notes\n\nCopy the table from the template appendix.\n'), 'l@1');
    expect(brief('# Shopfloor Telemetry\n\n## Licensing\n\n## Notes\n\nNone.\n', licensing)).toEqual(['3:1 empty-section licensing']);
    // Words that ask for text, or a question, are guidance, whatever they name.
    const asks = buildTemplateModel(parseSpec('# <!-- Name of the system -->\n\nDescribe which version of the template you used.\n\n## Introduction\n\n<!-- d -->\n'), 'v@1');
    expect(brief('# Shopfloor Telemetry\n\n## Introduction\n\nTelemetry.\n', asks)).toEqual(['1:1 empty-section title']);
  });

  it('empty-section: a comment under the template\'s title about the file as a whole asks for no text there; one about the text does (blind QA, comment-guided templates)', () => {
    const note = buildTemplateModel(parseSpec('# Design Proposal: Your title\n\n<!-- Copy this file to specs/ and fill in every section. -->\n\n## Summary\n\n<!-- One paragraph. -->\n'), 'n@1');
    expect(brief('# Design Proposal: Faster builds\n\n## Summary\n\nBuilds get faster.\n', note)).toEqual([]);
    expect(brief('# Design Proposal: Faster builds\n\n<!-- Copy this file to specs/ and fill in every section. -->\n\n## Summary\n\nBuilds get faster.\n', note)).toEqual([]);
    const asks = buildTemplateModel(parseSpec('# Design Proposal: Your title\n\n<!-- One paragraph: what is proposed, and why. -->\n\n## Summary\n\n<!-- One paragraph. -->\n'), 'a@1');
    expect(brief('# Design Proposal: Faster builds\n\n## Summary\n\nBuilds get faster.\n', asks)).toEqual(['1:1 empty-section title']);
    // One that asks for text here, though it names the sections below too, asks for text (code review).
    const here = buildTemplateModel(parseSpec('# P: Your title\n\n<!-- Write a one-paragraph summary of the proposal here; the sections below go into the details. -->\n\n## Summary\n\n<!-- s -->\n'), 'h@1');
    expect(brief('# P: Mine\n\n## Summary\n\nS.\n', here)).toEqual(['1:1 empty-section title']);
    // A note to delete, as a comment or a GitHub alert; what it asks to write names one of the template's sections (blind QA, PR/FAQ).
    const sections = '## Press Release\n\n<!-- p -->\n\n## FAQ\n\n<!-- f -->\n';
    const written = '# PR/FAQ: SnapSort\n\n## Press Release\n\nToday.\n\n## FAQ\n\nQ.\n';
    for (const top of ['> [!NOTE]\n> Write the press release as if the product launches today. Delete these notes when you are done.',
      '<!-- Delete this note before circulating the document. -->']) {
      expect(brief(written, buildTemplateModel(parseSpec(`# PR/FAQ: Product Name\n\n${top}\n\n${sections}`), 'p@1')), top).toEqual([]);
    }
    // Not one that asks for text of its own, in a quote or not, nor visible text beside the note; naming a section elsewhere in it is no matter (code review).
    for (const top of ['> [!NOTE]\n> Write a one-line pitch. Delete these notes when you are done.',
      '<!-- Write a one-paragraph abstract of this document; the FAQ section holds the details. -->',
      'Write a one-line pitch.\n\n> [!NOTE]\n> Delete these notes when you are done.',
      '> Write the press release here. Delete these notes when you are done.']) {
      expect(brief(written, buildTemplateModel(parseSpec(`# PR/FAQ: Product Name\n\n${top}\n\n${sections}`), 'p@1')), top).toEqual(['1:1 empty-section title']);
    }
  });

  it('empty-section: a section whose text is inside a comment says so: written into the template\'s comment, or after a comment never closed (blind QA, LLM-written and KIP)', () => {
    const kip = buildTemplateModel(parseSpec('# T\n\n## Motivation\n\n<!-- Describe the problems you are trying to solve. -->\n\n## Design\n\n<!-- d -->\n'), 'k@1');
    const said = (motivation: string) => findings(`# KIP\n\n## Motivation\n\n${motivation}\n\n## Design\n\nTwo gauges.\n`, kip).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('<!-- Describe the problems you are trying to solve.\nRetries follow the payments team guidelines and stop at three. -->')[0]).toMatch(/its text is inside an HTML comment/);
    expect(said('<!-- Describe the problems you are trying to solve.\nEvery admin client call takes its own timeout. -->')).toEqual([
      '3 empty-section section "Motivation" is empty: its text is inside an HTML comment, which does not show; move the text out, below the comment\'s `-->`']);
    expect(said('<!-- generated by gpt-4o\n\nThe limiter protects the API.')[0]).toBe(
      '3 empty-section section "Motivation" is empty: an HTML comment in it is never closed, so it hides everything after it, text and sections; end it with `-->` where its own words end');
    // Closed only by a later comment's `-->`: said so, with that line (blind QA, KEP planted defects).
    expect(said('<!-- reviewer note: confirm\n\nThe limiter protects the API.\n\n<!-- a later note -->')[0]).toBe(
      '3 empty-section section "Motivation" is empty: an HTML comment in it lost its `-->`, and a later comment\'s `-->` on line 9 closes it, so it hides everything between; end it with `-->` where its own words end');
    // Two comments on a line, or a `<!--` in a note's words, are closed as they should be (second review).
    for (const body of ['<!-- Describe the problems you are trying to solve. --> <!-- Optional: link the runbook. -->', '<!-- Do not write "<!--" inside a note. -->']) {
      expect(said(body), body).toEqual(['3 empty-section section "Motivation" is empty: write its content']);
    }
    // The template's comment as it is, a short note after it, or a comment unlike the template's (an older wording) is plainly empty.
    for (const body of ['<!-- Describe the problems you are trying to solve. -->', '<!-- Describe the problems you are trying to solve. TODO later -->', '<!-- Explain why this matters, in a paragraph or two of your own words. -->',
      // (Nor an older template's paragraph of guidance kept after it: a KEP's "Both in this section and below, …"; blind QA.)
      '<!-- Describe the problems you are trying to solve.\n\nBoth in this section and below, follow the guidelines of the documentation style guide. -->']) {
      expect(said(body), body).toEqual(['3 empty-section section "Motivation" is empty: write its content']);
    }
  });

  it('a heading spoilt by a list marker before its setext underline (`1. Motivation` over `---`) is placed on that line and said why; a to-do mark on a heading is no renaming (blind QA, KIP)', () => {
    const kip = buildTemplateModel(parseSpec('# T\n\n## Status\n\n<!-- s -->\n\n## Motivation\n\n<!-- m -->\n\n## Prototypes\n\n<!-- p -->\n\n## Public Interfaces\n\n<!-- i -->\n'), 'k@1');
    const spec = (motivation: string, prototypes = '## Prototypes', interfaces = '## Public Interfaces') =>
      findings(`# KIP-1004\n\n## Status\n\nAccepted.\n\n${motivation}\n\nLag is invisible.\n\n${prototypes}\n\nA profiler.\n\n${interfaces}\n\nTwo gauges.\n`, kip).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    const said = (marker: string, column: number, fix: string) => `7:${column} missing-section missing section "Motivation" (## Motivation) from template k@1: its heading is written here with \`${marker}\` before it, which makes the line a list item and the \`---\` under it a horizontal rule, not a heading's underline; write it as a ## heading: \`${fix}\``;
    expect(spec('1. Motivation\n-------------')).toEqual([said('1.', 4, '## 1. Motivation')]);
    expect(spec('- Motivation\n---')).toEqual([said('-', 3, '## Motivation')]);
    // Underlined as meant, it is a heading; a list item with a rule after a blank line is text, and the section missing plainly.
    expect(spec('Motivation\n----------')).toEqual([]);
    expect(spec('1. Motivation\n\n---')).toEqual(['13:1 missing-section missing section "Motivation" (## Motivation) from template k@1']);
    // `(TBD)`, `[WIP]` or `- TODO` after a heading's words keeps it its section: the mark alone is reported.
    expect(spec('## Motivation', '## Prototypes (TBD)', '## Public Interfaces - TODO')).toEqual(['11:16 leftover-marker leftover marker "TBD": replace it with the real content', '15:24 leftover-marker leftover marker "TODO": replace it with the real content']);
    expect(spec('## Motivation [WIP]')).toEqual([]);
    // With its reason too (blind QA, spec-kit: `[NEEDS CLARIFICATION: …]` made the section "missing").
    expect(spec('## Motivation [NEEDS CLARIFICATION: which teams?]').map((f) => f.split(' ')[1])).toEqual(['leftover-marker']);
    expect(spec('## Motivation', '## Prototypes [TBD: confirm with support]').map((f) => f.split(' ')[1])).toEqual(['leftover-marker']);
    // Or bare after the words (regression sweep: `### Edge Cases TODO` was "missing", its rename guessed).
    expect(spec('## Motivation TODO').map((f) => f.split(' ')[1])).toEqual(['leftover-marker']);
    expect(spec('## Motivation', '## Prototypes TBD').map((f) => f.split(' ')[1])).toEqual(['leftover-marker']);
    // (A lower-case `todo` is no default marker: only the heading's matching is at stake.)
    expect(spec('## Motivation: todo')).toEqual([]);
  });

  it('a missing heading written as a line of text is placed on that line and said so', () => {
    const messages = (source: string) =>
      findings(source).filter((f) => f.rule === 'missing-section').map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
    const said = 'missing section "Data Model" (### Data Model) from template tech-spec@1: its heading is written here as text, not as a heading; make it a ### heading on a line of its own';
    // A bold bullet (a KEP's PRR question), placed on its text.
    const bullet = BASE.replace('### Data Model\n', '- **Data Model**\n');
    const at = lineOf(bullet, '- **Data Model**');
    expect(messages(bullet)).toEqual([`${at}:3-${at}:17 ${said}`]);
    // Its marks with no space after them (`###Data Model`): text too, and said why (blind QA, planted defects).
    const glued = BASE.replace('### Data Model\n', '###Data Model\n');
    const line = lineOf(glued, '###Data Model');
    expect(messages(glued)).toEqual([`${line}:1-${line}:14 missing section "Data Model" (### Data Model) from template tech-spec@1: its heading is written here with no space after its \`###\`, so it is text, not a heading; write \`### Data Model\``]);
    // More `#`s than a heading has, as a block demoted a level too far writes them: text too, said so (blind QA, KEPs).
    const seven = BASE.replace('### Data Model\n', '####### Data Model\n');
    expect(messages(seven)).toEqual([`${lineOf(seven, '####### Data Model')}:1-${lineOf(seven, '####### Data Model')}:19 missing section "Data Model" (### Data Model) from template tech-spec@1: its heading is written here with 7 \`#\`s, more than a heading has (six at most), so it is text, not a heading; write \`### Data Model\``]);
    // (A line of other words after `#` is no heading of the template's: `#hashtag` text stays text.)
    expect(findings(BASE.replace('### Data Model\n', '#DataModelRocks\n')).filter((f) => f.rule === 'missing-section').map((f) => f.message.includes('no space'))).toEqual([false]);
    // A long question in the template's earlier or later words, wrapped over two lines, is that question (KEP review).
    const kep = buildTemplateModel(parseSpec('# K\n\n## PRR\n\n###### Can the feature be disabled once it has been enabled (i.e. can we roll back the enablement)?\n\n<!-- Describe. -->\n\n###### How can a rollout or rollback fail?\n\n<!-- Describe. -->\n\n## Notes\n\n<!-- n -->\n'), 'k@1');
    const older = '# Mine\n\n## PRR\n\n- **Can the feature be disabled once it has been enabled (i.e. can we rollback\n  the enablement)?**\n  Yes.\n- **How can a rollout fail?**\n  It cannot.\n\n## Notes\n\nNone.\n';
    expect(findings(older, kep).map((f) => `${f.line} ${f.message.endsWith('make it a ###### heading on a line of its own')}`)).toEqual(['5 true', '11 false']);
    // A long question reworded in a later template, most of its words kept, is that question; of two alike, none is guessed (KEP audit: 87 and 85 KEPs).
    const prr = buildTemplateModel(parseSpec('# K\n\n## PRR\n\n###### How can a rollout or rollback fail? Can it impact already running workloads?\n\n<!-- d -->\n\n###### What are the reasonable SLOs (Service Level Objectives) for the enhancement?\n\n<!-- d -->\n\n## Notes\n\n<!-- n -->\n'), 'p@1');
    const reworded = '# Mine\n\n## PRR\n\n* **How can a rollout fail? Can it impact already running workloads?**\n  It cannot.\n* **What are the reasonable SLOs (Service Level Objectives) for the above SLIs?**\n  99.9%.\n\n## Notes\n\nNone.\n';
    expect(findings(reworded, prr).map((f) => `${f.line}:${f.column} ${f.message.endsWith('make it a ###### heading on a line of its own')}`)).toEqual(['5:3 true', '7:3 true']);
    expect(findings('# Mine\n\n## PRR\n\n* **How can an upgrade fail? Can it impact the nodes already running workloads?**\n  No.\n\n## Notes\n\nNone.\n', prr)
      .map((f) => `${f.line} ${f.message.includes('written here as text')}`)).toEqual(['8 false', '8 false']);
    // Emphasis with a colon, the answer on the next line of the same paragraph.
    const lead = BASE.replace('### Data Model\n\n', '__Data  model:__\nEntities are listed below.\n');
    expect(messages(lead)).toEqual([`${lineOf(lead, '__Data')}:1-${lineOf(lead, '__Data')}:17 ${said}`]);
    // The answer after the emphasis on the same line, or the emphasis running over two lines.
    const inline = BASE.replace('### Data Model\n\n', '**Data Model:** Entities are kept in tables.\n\n');
    expect(messages(inline)).toEqual([`${lineOf(inline, '**Data Model:**')}:1-${lineOf(inline, '**Data Model:**')}:16 ${said}`]);
    const dashed = BASE.replace('### Data Model\n\n', '**Data Model** — entities are kept in tables.\n\n');
    expect(messages(dashed)).toEqual([`${lineOf(dashed, '**Data Model**')}:1-${lineOf(dashed, '**Data Model**')}:15 ${said}`]);
    const wrapped = BASE.replace('### Data Model\n\n', '* **Data\n  Model?**\n  Entities are kept in tables.\n\n');
    const first = lineOf(wrapped, '* **Data');
    expect(messages(wrapped)).toEqual([`${first}:3-${first + 1}:11 ${said}`]);
    // Emphasis never closed: its first line.
    const unclosed = BASE.replace('### Data Model\n\n', '* **Data Model\n  Entities are kept in tables.\n\n');
    expect(messages(unclosed)).toEqual([`${lineOf(unclosed, '* **Data')}:3-${lineOf(unclosed, '* **Data')}:15 ${said}`]);
    // Wrapped in a block quote: the `>` of the next line is no part of the words.
    const quoted = BASE.replace('### Data Model\n\n', '> **Data\n> Model**\n> Entities are kept in tables.\n\n');
    expect(messages(quoted)).toEqual([`${lineOf(quoted, '> **Data')}:3-${lineOf(quoted, '> **Data') + 1}:10 ${said}, outside the list or quote it is in`]);
    // A plain line ending as a question, its answer on the next line of the paragraph.
    const answered = BASE.replace('### Data Model\n\n', 'Data Model?\nEntities are kept in tables.\n\n');
    expect(messages(answered)).toEqual([`${lineOf(answered, 'Data Model?')}:1-${lineOf(answered, 'Data Model?')}:12 ${said}`]);
    // A line alone ending as a question (a hard break after it aside), with CRLF line endings.
    const asked = BASE.replace('### Data Model\n', 'Data Model?  \n').replace(/\n/g, '\r\n');
    expect(messages(asked)).toEqual([`${lineOf(BASE, '### Data Model')}:1-${lineOf(BASE, '### Data Model')}:14 ${said}`]);
    // On the first line after a BOM, which is no column.
    const small = buildTemplateModel(parseSpec('## Summary\n\n<!-- Say it. -->\n\n## Risks\n\n<!-- Name them. -->\n'), 'small@1');
    expect(findings('\uFEFF**Summary:**\nIt is small.\n\n## Risks\n\nNone.\n', small).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}`))
      .toEqual(['1:1-1:13 missing-section']);
    // A heading with a link: its words as shown.
    const linked = buildTemplateModel(parseSpec('# T\n\n## Intro\n\n<!-- x -->\n\n### See the [guide](https://example.com/g)?\n\n<!-- y -->\n\n## End\n\n<!-- z -->\n'), 'l@1');
    expect(findings('# M\n\n## Intro\n\nHi.\n\n**See the [guide](https://example.com/g)?** Yes.\n\n## End\n\nBye.\n', linked).map((f) => `${f.line}:${f.column} ${f.rule}`))
      .toEqual(['7:1 missing-section']);
    // Two missing sections of the same words: each line stands for one of them.
    const twice = buildTemplateModel(parseSpec('# T\n\n## Alpha\n\n<!-- a -->\n\n### Risks?\n\n## Beta\n\n<!-- b -->\n\n### Risks?\n\n## Gamma\n\n<!-- c -->\n'), 'r@1');
    expect(findings('# M\n\n## Alpha\n\nA.\n\n**Risks?** Alpha risks.\n\n**Risks?** Beta risks.\n\n## Gamma\n\nC.\n', twice).map((f) => `${f.line}:${f.column} ${f.rule} ${f.sectionId}`))
      .toEqual(['7:1 missing-section alpha/risks', '9:1 missing-section beta/risks', '11:1 missing-section beta']);
    // Only where the section belongs: a lead-in with its words in a later section is not it.
    const elsewhere = BASE.replace('### Data Model\n', '').replace('## References\n', '## References\n\n- **Data Model:** see the platform team\'s list.\n');
    expect(messages(elsewhere).map((m) => m.replace(/^(\d+):1-\d+:\d+ /, '$1 '))).toEqual([
      `${lineOf(elsewhere, '### API Design')} missing section "Data Model" (### Data Model) from template tech-spec@1`]);
    // Prose that only starts with the words, a plain line without emphasis,
    // the words in code, or another section's words: the usual place.
    // A hard break, `<br>` or a comment after the emphasis is no answer; closing marks after a question are part of it.
    for (const after of ['\\', '<br>', ' <!-- x -->']) {
      const broken = BASE.replace('### Data Model\n\n', `**Data Model**${after}\nEntities are kept in tables.\n\n`);
      expect(messages(broken).map((m) => m.replace(/^\d+:1-\d+:\d+ /, '')), after).toEqual([said]);
    }
    const exclaimed = BASE.replace('### Data Model\n\n', '**Data Model?!** Yes.\n\n');
    expect(messages(exclaimed).map((m) => m.replace(/^\d+:1-\d+:\d+ /, ''))).toEqual([said]);
    // (Emphasis that a sentence goes on after, with no question or lead-in, is the sentence's.)
    for (const text of ['Data Model changes are small.', 'Data Model', '```\n**Data Model**\n```', '**Data Models and more**', '**Data Model** changes are small.']) {
      const other = BASE.replace('### Data Model\n', `${text}\n`);
      expect(messages(other).map((m) => m.replace(/^(\d+):1-\d+:\d+ /, '$1 ')), text).toEqual([
        `${lineOf(other, '### API Design')} missing section "Data Model" (### Data Model) from template tech-spec@1`]);
    }
  });

  it('a number before the words is no renaming in a heading written as text either, on either side (blind QA)', () => {
    const at = (source: string, template: TemplateModel) => findings(source, template).filter((f) => f.rule === 'missing-section')
      .map((f) => `${f.line}:${f.column} ${f.message.includes('written here as text') ? 'as text' : 'missing'}`);
    const numbered = buildTemplateModel(parseSpec('# T\n\n## 1. Goals\n\n<!-- g -->\n\n### 1.1 Requirements\n\n<!-- r -->\n\n### 1.2 Quality Goals\n\n<!-- q -->\n\n## 2. Notes\n\n<!-- n -->\n'), 'n@1');
    const plain = buildTemplateModel(parseSpec('# T\n\n## Goals\n\n<!-- g -->\n\n### Requirements\n\n<!-- r -->\n\n### Quality Goals\n\n<!-- q -->\n\n## Notes\n\n<!-- n -->\n'), 'p@1');
    const spec = (lead: string) => `# X\n\n## Goals\n\nBe fast.\n\n### Requirements\n\n- Serve requests.\n\n${lead}\n\n- Latency under 100 ms.\n\n## Notes\n\nNone.\n`;
    // The template's number, the spec's, both (even another one), or neither.
    for (const template of [numbered, plain]) {
      for (const lead of ['**Quality Goals:**', '**1.2 Quality Goals:**', '**2.3 Quality Goals:**', '- **🎯 Quality Goals?**']) {
        expect(at(spec(lead), template), `${template.ref} ${lead}`).toEqual([`11:${lead.startsWith('- ') ? 3 : 1} as text`]);
      }
    }
    // A number that is part of the words is kept: "3D Quality Goals" is not "Quality Goals".
    expect(at(spec('**3D Quality Goals:**'), numbered)).toEqual(['15:1 missing']);
    expect(at(spec('**3D Quality Goals:**'), plain)).toEqual(['15:1 missing']);
  });

  it('a template heading marked "(Optional)" is matched by the heading without the mark', () => {
    const kep = buildTemplateModel(parseSpec('# K\n\n## Summary\n\n<!-- Say it. -->\n\n## Notes (Optional)\n\n<!-- Anything else. -->\n\n### Story 1 (Optional)\n\n<!-- A story. -->\n'), 'kep@1');
    const on = new Map([['unknown-section', ON], ['section-order', ON]]);
    expect(brief('# X\n\n## Summary\n\nS.\n\n## Notes\n\nN.\n\n### Story 1\n\nOnce.\n', kep, on)).toEqual([]);
    // Matched in its place first: two "(Optional)" sections of one name, and a required one of the same name elsewhere.
    const two = buildTemplateModel(parseSpec('# K\n\n## Notes\n\n<!-- N -->\n\n## Design\n\n<!-- D -->\n\n### Notes (Optional)\n\n<!-- DN -->\n\n## Testing\n\n<!-- T -->\n\n### Notes (Optional)\n\n<!-- TN -->\n'), 'k@1');
    expect(brief('# X\n\n## Notes\n\nN.\n\n## Design\n\nD.\n\n### Notes\n\nDN.\n\n## Testing\n\nT.\n\n### Notes\n\nTN.\n', two, on)).toEqual([]);
    expect(brief('# X\n\n## Design\n\nD.\n\n### Notes\n\nDN.\n\n## Testing\n\nT.\n', two, on)).toEqual(['3:1 missing-section notes']);
    // An ancestor whose heading holds HTML keeps its anchor's slug in the path.
    const html = buildTemplateModel(parseSpec('# K\n\n## Backend <!-- omit from toc -->\n\n<!-- B -->\n\n### Notes (Optional)\n\n<!-- BN -->\n'), 'k@1');
    expect(matchSections(parseSpec('# X\n\n## Backend <!-- omit from toc -->\n\nB.\n\n### Notes\n\nBN.\n'), html).byTemplateId.get('backend/notes-optional')?.id).toBe('backend/notes');
    // Left empty, it is the template's section left empty, not an unknown one.
    expect(brief('# X\n\n## Summary\n\nS.\n\n## Notes\n\n<!-- Anything else. -->\n\n### Story 1\n\nOnce.\n', kep, on)).toEqual(['7:1 empty-section notes']);
  });

  it('a section missing after a comment left open to the end is placed on the last line, not past it', () => {
    const adr = buildTemplateModel(parseSpec('# D\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: What -->\n\n## Consequences\n\n<!-- AGENT_PLACEHOLDER: Then -->\n'), 'adr@1');
    for (const [source, last] of [['# X\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: What\n', 5], ['# X\r\n\r\n## Decision\r\n\r\n<!-- AGENT_PLACEHOLDER: What\r\nmore', 6]] as const) {
      const missing = findings(source, adr).filter((f) => f.rule === 'missing-section');
      expect(missing.map((f) => [f.line, f.endLine]), JSON.stringify(source)).toEqual([[last, last]]);
    }
    // A spec that is only front matter: its last line, not its first.
    expect(findings('---\ntitle: X\ntemplate: adr@1\n---\n', adr).filter((f) => f.rule === 'missing-section').map((f) => f.line)).toEqual([4, 4]);
  });

  it('a section moved under another parent, at its own level, is out of place (one finding per cause)', () => {
    const adr = buildTemplateModel(parseSpec('# D\n\n## Decision\n\n<!-- AGENT_PLACEHOLDER: What -->\n\n### Rationale\n\n<!-- AGENT_PLACEHOLDER: Why -->\n\n### Options\n\n<!-- AGENT_PLACEHOLDER: Which -->\n\n## Consequences\n\n<!-- AGENT_PLACEHOLDER: Then -->\n'), 'adr@1');
    const all = (source: string) => findings(source, adr).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(all('# X\n\n## Decision\n\nd\n\n### Options\n\no\n\n## Consequences\n\nx\n\n### Rationale\n\nr\n')).toEqual([
      '15:1 section-order section "Rationale" is under "Consequences": the template puts it under "Decision"',
    ]);
    // An author's own level-2 heading in the middle takes both subsections along: one finding.
    expect(all('# X\n\n## Decision\n\nd\n\n## Background\n\nb\n\n### Rationale\n\nr\n\n### Options\n\no\n\n## Consequences\n\nx\n')).toEqual([
      '11:1 section-order section "Rationale" is under "Background": the template puts it under "Decision" (and the 1 template section after it)',
    ]);
    // Under a parent that is itself at the wrong level: only that one's heading-level finding, not one more for each child.
    const wrongLevel = all('# X\n\n## Decision\n\nd\n\n## Rationale\n\nr\n\n### Options\n\no\n\n## Consequences\n\nx\n');
    expect(wrongLevel).toEqual(['7:1 heading-level heading "Rationale" is level 2; the template has it at level 3 (###); the template\'s "Options" after it sits under it now, as its subsection: fixing its level puts it back']);
    // Nor over its children when the parent is demoted: they follow it, and heading-level names it.
    const demoted = all('# X\n\n### Decision\n\nd\n\n### Rationale\n\nr\n\n### Options\n\no\n\n## Consequences\n\nx\n');
    expect(demoted).toEqual(['3:1 heading-level heading "Decision" is level 3; the template has it at level 2 (##)']);
    // A child written before its demoted parent never followed it: out of place, as well as the parent's level (blind QA, real TEP).
    const tep = buildTemplateModel(parseSpec('# T\n\n## Design Details\n\nDescribe the design.\n\n## Implementation Plan\n\nDescribe the phases.\n\n### Test Plan\n\nDescribe the tests.\n'), 'tep@1');
    expect(findings('# Retry\n\n## Design Details\n\nBackoff.\n\n### Test Plan\n\nUnit tests.\n\n### Implementation Plan\n\nBehind a flag.\n', tep).map((f) => `${f.line} ${f.rule}`))
      .toEqual(['7 section-order', '11 heading-level']);
    // A demoted parent whose children stand elsewhere (under another section): they are still out of place.
    const elsewhere = all('# X\n\n### Decision\n\nd\n\n## Consequences\n\nx\n\n### Rationale\n\nr\n\n### Options\n\no\n');
    expect(elsewhere).toEqual([
      '3:1 heading-level heading "Decision" is level 3; the template has it at level 2 (##)',
      '11:1 section-order section "Rationale" is under "Consequences": the template puts it under "Decision" (and the 1 template section after it)',
    ]);
    // Under a second heading of its parent's name beside the first: that copy is the one cause, named by duplicate-heading (blind QA).
    expect(all('# X\n\n## Decision\n\nd\n\n### Options\n\no\n\n## Consequences\n\nx\n\n## Decision\n\nmore\n\n### Rationale\n\nr\n').filter((f) => /section-order|duplicate-heading/.test(f))).toEqual([
      '15:1 duplicate-heading duplicate heading "Decision": the same as line 3',
    ]);
    // A heading the template itself has twice: the copy is a section of its own, and where its subsections stand is reported (code review).
    const options = buildTemplateModel(parseSpec('# T\n\n## Option\n\n<!-- o -->\n\n### Pros\n\n<!-- p -->\n\n## Option\n\n<!-- o -->\n\n### Cons\n\n<!-- c -->\n'), 'o@1');
    expect(findings('# X\n\n## Option\n\na\n\n### Cons\n\nc\n\n## Option\n\nb\n\n### Pros\n\np\n', options).filter((f) => f.rule === 'section-order').map((f) => f.line)).toEqual([7, 15]);
    // One of that name under another parent is no sibling copy: "another".
    const design = buildTemplateModel(parseSpec('# D\n\n## Design\n\n<!-- a -->\n\n### Risks\n\n<!-- b -->\n\n#### Mitigation\n\n<!-- c -->\n\n## Ops\n\n<!-- d -->\n'), 'd@1');
    expect(findings('# X\n\n## Design\n\na\n\n### Risks\n\nb\n\n## Ops\n\nd\n\n### Risks\n\ne\n\n#### Mitigation\n\nc\n', design).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      '19 section-order section "Mitigation" is under another "Risks": the template puts it under "Risks"',
    ]);
  });

  it('a heading with an HTML comment after it keeps its id (`<!-- omit from toc -->`)', () => {
    const spec = BASE.replace('## Overview\n', '## Overview <!-- omit from toc -->\n');
    expect(brief(spec, TECH_SPEC, new Map([['unknown-section', ON]]))).toEqual([]);
    expect(parseSpec(spec).sections[0]!.id).toBe('overview');
  });
});

describe('section-order', () => {
  it('moving a section with its subsections is one finding, at the section', () => {
    const block = BASE.slice(BASE.indexOf('## Goals and Non-Goals'), BASE.indexOf('## Architecture'));
    const moved = BASE.replace(block, '') + '\n' + block;
    const at = lineOf(moved, '## Goals and Non-Goals');
    expect(brief(moved)).toEqual([`${at}:1 section-order goals-and-non-goals`]);
    expect(findings(moved)[0]!.message).toBe('section "Goals and Non-Goals" is out of order: the template puts it after "Overview" and before "Architecture"');
    const testing = BASE.slice(BASE.indexOf('## Testing Strategy'), BASE.indexOf('## Deployment Strategy'));
    const first = BASE.replace(testing, '').replace('## Overview', `${testing}## Overview`);
    expect(brief(first)).toEqual([`${lineOf(first, '## Testing Strategy')}:1 section-order testing-strategy`]);
    // The template's first section moved down is said to belong first (blind QA: the doc page promised it).
    const overview = BASE.slice(BASE.indexOf('## Overview'), BASE.indexOf('## Goals and Non-Goals'));
    const last = BASE.replace(overview, '') + '\n' + overview;
    expect(findings(last).map((f) => f.message)).toEqual(['section "Overview" is out of order: the template puts it first, before "Goals and Non-Goals"']);
    // First of those the spec has only, the template's first missing: not said to be first (review).
    const rfc = buildTemplateModel(parseSpec('# T\n\n## Summary\n\n<!-- s -->\n\n## Motivation\n\n<!-- m -->\n\n## Goals\n\n<!-- g -->\n\n## Design\n\n<!-- d -->\n'), 'r@1');
    expect(findings('# X\n\n## Goals\n\nG.\n\n## Design\n\nD.\n\n## Motivation\n\nM.\n', rfc).map((f) => f.message)).toEqual([
      'missing section "Summary" (## Summary) from template r@1', 'section "Motivation" is out of order: the template puts it before "Goals"']);
  });

  it('a section moved in among another\'s subsections, taking those after it in, is the one reported, once, with what it took (blind QA: its neighbour was)', () => {
    const mini = buildTemplateModel(parseSpec('# T\n\n## Summary\n\n<!-- s -->\n\n### Goals\n\n<!-- g -->\n\n### Non-Goals\n\n<!-- n -->\n\n## Implementation History\n\n<!-- h -->\n\n## Drawbacks\n\n<!-- d -->\n'), 'm@1');
    const spec = '# Rate limiter\n\n## Summary\n\nBuckets.\n\n### Goals\n\nFair.\n\n## Drawbacks\n\nRedis.\n\n### Non-Goals\n\nBilling.\n\n## Implementation History\n\nShipped in March.\n';
    expect(findings(spec, mini).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      '11 section-order section "Drawbacks" is out of order: the template puts it after "Implementation History"; where it is, it takes in "Non-Goals", which the template puts elsewhere: move it with its own text only']);
  });

  it('subsections swapped inside their section are one finding', () => {
    const goals = BASE.slice(BASE.indexOf('### Goals'), BASE.indexOf('### Non-Goals'));
    const swapped = BASE.replace(goals, '').replace('## Architecture', `${goals}## Architecture`);
    expect(brief(swapped)).toEqual([`${lineOf(swapped, '### Goals')}:1 section-order goals-and-non-goals/goals`]);
  });

  it('of two alike, the one at another level than the template\'s is what moved, not its neighbour in place (blind QA, Go proposal)', () => {
    const go = buildTemplateModel(parseSpec('# Proposal: [Title]\n\n## Abstract\n\nA.\n\n## Background\n\nB.\n\n## Proposal\n\nP.\n\n## Rationale\n\nR.\n\n## Compatibility\n\nC.\n'), 'go@1');
    const found = (doc: string) => checkSpec(parseSpec(doc), { template: go, links: NO_FILES }).findings.map((f) => `${f.line} ${f.rule} ${f.message}`);
    // `### Rationale` under Background, before Proposal: Rationale moved (and sits a level down), Proposal is where it belongs.
    expect(found('# Embed exclusions\n\n## Abstract\n\na\n\n## Background\n\nb\n\n### Rationale\n\nr\n\n## Proposal\n\np\n\n## Compatibility\n\nc\n')).toEqual([
      '11 section-order section "Rationale" is out of order: the template puts it after "Proposal" and before "Compatibility"',
      '11 heading-level heading "Rationale" is level 3; the template has it at level 2 (##)',
    ]);
    // At its own level, the two swapped: the later one is reported, as before.
    expect(found('# Embed exclusions\n\n## Abstract\n\na\n\n## Background\n\nb\n\n## Rationale\n\nr\n\n## Proposal\n\np\n\n## Compatibility\n\nc\n')).toEqual([
      '15 section-order section "Proposal" is out of order: the template puts it after "Background" and before "Rationale"',
    ]);
  });

  it('a section two levels under its parent is under the subsection between, not the parent (code review)', () => {
    // The template skips a level (`####` under `##`): a `###` of the author's between them takes it.
    const t = buildTemplateModel(parseSpec('# T\n\n## A\n\n<!-- a -->\n\n#### B\n\n<!-- b -->\n\n## C\n\n<!-- c -->\n'), 't@1');
    const found = (doc: string) => checkSpec(parseSpec(doc), { template: t, links: NO_FILES }).findings.map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(found('# D\n\n## A\n\na\n\n#### B\n\nb\n\n## C\n\nc\n')).toEqual([]);
    expect(found('# D\n\n## A\n\na\n\n### X\n\nx\n\n#### B\n\nb\n\n## C\n\nc\n')).toEqual(['11 section-order section "B" is under "X": the template puts it under "A"']);
  });

  it('of two neighbours swapped, the smaller is the one moved; a large section moved far is still one finding (blind QA)', () => {
    const rfc = buildTemplateModel(parseSpec('# R\n\n## Intro\n\n<!-- i -->\n\n## Protocol\n\n<!-- p -->\n\n### Messages\n\n<!-- m -->\n\n### States\n\n<!-- s -->\n\n### Errors\n\n<!-- e -->\n\n## Security\n\n<!-- x -->\n\n## Privacy\n\n<!-- y -->\n'), 'rfc@1');
    const order = (doc: string) => checkSpec(parseSpec(doc), { template: rfc, links: NO_FILES }).findings.map((f) => `${f.line} ${f.rule} ${f.message}`);
    const part = { intro: '## Intro\n\ni\n\n', protocol: '## Protocol\n\np\n\n### Messages\n\nm\n\n### States\n\ns\n\n### Errors\n\ne\n\n', security: '## Security\n\nx\n\n', privacy: '## Privacy\n\ny\n' };
    expect(order(`# D\n\n${part.intro}${part.security}${part.protocol}${part.privacy}`)).toEqual([
      '7 section-order section "Security" is out of order: the template puts it after "Protocol" and before "Privacy"',
    ]);
    // The large one moved to the end, past both: one finding, for it.
    expect(order(`# D\n\n${part.intro}${part.security}${part.privacy.trimEnd()}\n\n${part.protocol}`)).toEqual([
      '15 section-order section "Protocol" is out of order: the template puts it after "Intro" and before "Security"',
    ]);
  });
});

describe('the title', () => {
  it('a level-1 heading after the sections does not unmake the title (a KEP with `# Alternatives` at the end)', () => {
    const spec = `${BASE}\n# Appendix\n\nNotes.\n`;
    const parsed = parseSpec(spec);
    expect(parsed.title?.text).toBe('Technical Specification');
    expect(parsed.sections.map((s) => s.id)).toContain('architecture');
    expect(parsed.sections.at(-1)!.id).toBe('appendix');
    expect(brief(spec)).toEqual([]);
    expect(brief(spec, TECH_SPEC, new Map([['unknown-section', ON]]))).toEqual([`${lineOf(spec, '# Appendix')}:1 unknown-section appendix`]);
  });

  it('level-1 headings one after another are sections, not a title', () => {
    expect(parseSpec('# Intro\n\nText.\n\n# Design\n\nText.\n').sections.map((s) => s.id)).toEqual(['intro', 'design']);
  });
});

describe('empty-section', () => {
  it('the guidance\'s prose set as code, fenced or indented, is the author\'s code; the template\'s own sample, kept in any fence or indented, is not (blind QA)', () => {
    const doc = buildTemplateModel(parseSpec('# T\n\n## Alternatives\n\nThis section lists alternative designs that would have reasonably achieved similar outcomes.\n\n## Rollout\n\nDescribe the rollout.\n\n```yaml\nrollout: 10%\n```\n'), 'd@1');
    const spec = (alternatives: string, rollout = 'Gradual.'): string => `# X\n\n## Alternatives\n\n${alternatives}\n\n## Rollout\n\n${rollout}\n`;
    const sentence = 'This section lists alternative designs that would have reasonably achieved similar outcomes.';
    for (const body of [`    ${sentence}`, `\`\`\`\n${sentence}\n\`\`\``]) expect(brief(spec(body), doc), body).toEqual([]);
    for (const sample of ['```yaml\nrollout: 10%\n```', '~~~\nrollout:   10%\n~~~', '    rollout: 10%']) {
      expect(brief(spec('None.', `Describe the rollout.\n\n${sample}`), doc), sample).toEqual(['7:1 empty-section rollout']);
    }
  });

  it('a table of the template\'s sample rows, some kept and no row of the author\'s, says nothing (blind QA, PRD)', () => {
    const prd = buildTemplateModel(parseSpec('# T\n\n## Stories\n\nList the user stories.\n\n| As a... | I want to... |\n| --- | --- |\n| new user | import my contacts |\n| admin | see who joined |\n\n## Risks\n\nList the risks.\n'), 'prd@1');
    const spec = (table: string): string => `# X\n\n## Stories\n\n${table}\n\n## Risks\n\nNone.\n`;
    const head = '| As a... | I want to... |\n| --- | --- |\n';
    expect(brief(spec(`${head}| admin | see who joined |`), prd)).toEqual(['3:1 empty-section stories']);
    expect(brief(spec(`${head}|admin|see   who joined|\n| | |`), prd)).toEqual(['3:1 empty-section stories']);
    expect(brief(spec(`${head}| owner | export my data |`), prd)).toEqual([]);
    expect(brief(spec(`${head}| admin | see who joined |\n| owner | export my data |`), prd)).toEqual([]);
  });

  it('a stand-in for text (dots, an ellipsis, a question mark, dashes) says nothing; a word, a figure or N/A does', () => {
    const body = BASE.slice(BASE.indexOf('## Overview\n') + '## Overview\n'.length, BASE.indexOf('## Goals and Non-Goals'));
    for (const filler of ['…', '...', '* ...', '?', '—', '--', '**…**', '- …\n- …']) {
      const spec = BASE.replace(body, `\n${filler}\n\n`);
      expect(brief(spec), filler).toEqual([`${lineOf(spec, '## Overview')}:1 empty-section overview`]);
    }
    for (const text of ['N/A', '42', 'None.', '✅', '...and more to come']) expect(brief(BASE.replace(body, `\n${text}\n\n`)), text).toEqual([]);
    // Under prose guidance too (RFC style).
    const rfc = buildTemplateModel(parseSpec('# T\n\n## Motivation\n\nWhy are we doing this?\n\n## Design\n\nExplain the design.\n'), 'rfc@1');
    expect(brief('# X\n\n## Motivation\n\n...\n\n## Design\n\nA queue.\n', rfc)).toEqual(['3:1 empty-section motivation']);
  });

  it('text after a comment on the same line is content (CommonMark shows it)', () => {
    const body = BASE.slice(BASE.indexOf('## Overview\n') + '## Overview\n'.length, BASE.indexOf('## Goals and Non-Goals'));
    const spec = BASE.replace(body, '\n<!-- note --> The limiter keeps one bucket per tenant.\n\n');
    expect(brief(spec)).toEqual([]);
    const onlyComments = BASE.replace(body, '\n<!-- note -->  <!-- another -->\n\n<!--\nmore\n-->\n\n');
    expect(brief(onlyComments)).toEqual([`${lineOf(onlyComments, '## Overview')}:1 empty-section overview`]);
    // Lines of no-break spaces or form feeds are paragraphs to CommonMark, but say nothing.
    for (const blank of ['\u00a0', '\f', '\u3000 \u00a0', '\u00a0\n\u00a0']) {
      const spaces = BASE.replace(body, `\n${blank}\n\n`);
      expect(brief(spaces), JSON.stringify(blank)).toEqual([`${lineOf(spaces, '## Overview')}:1 empty-section overview`]);
    }
  });

  it('content in subsections the author added (not the template\'s) fills the section; the template\'s own do not', () => {
    const body = BASE.slice(BASE.indexOf('## Overview\n') + '## Overview\n'.length, BASE.indexOf('## Goals and Non-Goals'));
    const own = BASE.replace(body, '\n### Alternative 1\n\nOne bucket per tenant.\n\n### Alternative 2\n\n');
    const on = new Map([['unknown-section', ON]]);
    expect(brief(own, TECH_SPEC, on)).toEqual([`${lineOf(own, '### Alternative 1')}:1 unknown-section overview/alternative-1`, `${lineOf(own, '### Alternative 2')}:1 unknown-section overview/alternative-2`]);
    // Own subsections with nothing in them (headings, comments) leave it empty.
    const hollow = BASE.replace(body, '\n### Alternative 1\n\n<!-- later -->\n\n#### Detail\n\n');
    expect(brief(hollow)).toEqual([`${lineOf(hollow, '## Overview')}:1 empty-section overview`]);
    // A template section's body left empty over filled template subsections is still empty.
    const arch = BASE.slice(BASE.indexOf('## Architecture\n') + '## Architecture\n'.length, BASE.indexOf('### System Components'));
    const parentOnly = BASE.replace(arch, '\n');
    expect(brief(parentOnly)).toEqual([`${lineOf(parentOnly, '## Architecture')}:1 empty-section architecture`]);
  });
});

describe('empty-section: guidance in headings, tables of contents, and the message for common slips', () => {
  const KEPISH = buildTemplateModel(parseSpec([
    '# KEP-NNNN: Title', '', '<!-- toc -->', '- [Summary](#summary)', '- [Questions](#questions)', '  - [Infrastructure Needed (Optional)](#infrastructure-needed-optional)', '<!-- /toc -->', '',
    '## Summary', '', '<!-- One paragraph. -->', '',
    '## Questions', '', '<!-- Answer each below. -->', '',
    '###### Does enabling the feature change any default behavior?', '',
    '###### Are there any tests for feature enablement/disablement?', '', '<!-- Describe them. -->', '',
    '## Infrastructure Needed (Optional)', '', '<!-- Say what. -->', '',
  ].join('\n')), 'kep@1');
  const messages = (source: string) => checkSpec(parseSpec(source), { template: KEPISH, links: NO_FILES }).findings
    .filter((f) => f.rule === 'empty-section').map((f) => `${f.line} ${f.sectionId} ${f.message}`);
  const spec = (parts: { toc?: string; summary?: string; first?: string; infra?: string }) => [
    '# KEP-1: Mine', '', parts.toc ?? '- [Summary](#summary)\n- [Infrastructure Needed (Optional)](#infrastructure-needed-optional)', '',
    '## Summary', '', parts.summary ?? 'It is small.', '',
    '## Questions', '', 'Below.', '',
    '###### Does enabling the feature change any default behavior?', '', parts.first ?? 'No.', '',
    '###### Are there any tests for feature enablement/disablement?', '', 'Yes.', '',
    '## Infrastructure Needed (Optional)', '', parts.infra ?? 'None.', '',
  ].join('\n');
  const lineIn = (text: string, needle: string) => lineOf(text, needle);

  it('a written spec has none; a table of contents of its own under the title is content, though its entries are the template\'s', () => {
    expect(messages(spec({}))).toEqual([]);
    // The template's list of links copied as it is is the spec's when every entry leads to one of its headings
    // (a KEP with exactly the template's sections has exactly its list: blind QA), or most of them, one section renamed or
    // left out (broken-link names that entry: blind QA, Kyverno); not when most lead nowhere.
    const toc = '- [Summary](#summary)\n- [Questions](#questions)\n  - [Infrastructure Needed (Optional)](#infrastructure-needed-optional)';
    expect(messages(spec({ toc }))).toEqual([]);
    expect(messages(spec({ toc }).replace('## Questions', '## Open points'))).toEqual([]);
    expect(messages(spec({ toc }).replace('## Questions', '## Open points').replace('## Infrastructure Needed (Optional)', '## Infra')))
      .toContain('1 title the text under the title still holds only the template\'s guidance: write what the template asks for there');
    // One link alone is not a table of contents: the part under the title is the template's guidance still.
    expect(messages(spec({ toc: '- [Infrastructure Needed (Optional)](#infrastructure-needed-optional)' })))
      .toEqual(['1 title the text under the title still holds only the template\'s guidance: write what the template asks for there']);
  });

  it('prose guidance: emphasis around one sentence, an image, a sample whose fence changed, a template without a title', () => {
    const model = buildTemplateModel(parseSpec([
      '- Feature Name: (fill me in)', '- Start Date: (fill me in)', '',
      '# Summary', '', 'Why are we doing this? What use cases does it support? What is the expected outcome?', '',
      '# Design', '', 'Show the schema, for example:', '', '```proto', 'message Invoice { string id = 1; }', '```', '',
    ].join('\n')), 'rfc@1');
    const empty = (source: string) => checkSpec(parseSpec(source), { template: model, links: NO_FILES }).findings
      .filter((f) => f.rule === 'empty-section').map((f) => `${f.line} ${f.sectionId}`);
    const meta = '- Feature Name: invoices\n- Start Date: 2026-01-01\n\n';
    const written = `${meta}# Summary\n\nInvoices are exported nightly.\n\n# Design\n\nA batch job.\n`;
    expect(empty(written)).toEqual([]);
    // The first sentence in bold is still the guidance's.
    expect(empty(written.replace('Invoices are exported nightly.', '**Why are we doing this?** What use cases does it support? What is the expected outcome?'))).toEqual(['4 summary']);
    // An image, even without alt text, is content besides the guidance.
    expect(empty(written.replace('Invoices are exported nightly.', 'Why are we doing this? What use cases does it support? What is the expected outcome?\n\n![](diagram.png)'))).toEqual([]);
    // The template's sample code kept with another fence is the sample still.
    expect(empty(written.replace('A batch job.', 'Show the schema, for example:\n\n~~~\nmessage Invoice { string id = 1; }\n~~~'))).toEqual(['8 design']);
    expect(empty(written.replace('A batch job.', 'Show the schema, for example:\n\n```proto\nmessage Invoice { string id = 1; string total = 2; }\n```'))).toEqual([]);
    // An image of the spec's own whose name is part of the template's is the spec's; so is one in a list, or a reference image.
    const pictured = buildTemplateModel(parseSpec('# T\n\n## Arch\n\nDraw it, like this:\n\n![architecture](docs/architecture.png)\n'), 'i@1');
    const arch = (body: string) => checkSpec(parseSpec(`# M\n\n## Arch\n\nDraw it, like this:\n\n${body}\n`), { template: pictured, links: NO_FILES }).findings.filter((f) => f.rule === 'empty-section').map((f) => f.rule);
    expect(arch('![architecture](docs/architecture.png)')).toEqual(['empty-section']);
    for (const own of ['![](ure.png)', '- ![](flow.png)', '![][flow]\n\n[flow]: flow.png']) expect(arch(own), own).toEqual([]);
    // A one-word answer is no guidance kept, though the guidance has it as a bold lead-in.
    const leadIns = buildTemplateModel(parseSpec('# T\n\n## Compatibility\n\nIs this change backward compatible? **Yes:** say how. **No:** describe the migration.\n'), 'c@1');
    const compat = (body: string) => checkSpec(parseSpec(`# M\n\n## Compatibility\n\n${body}\n`), { template: leadIns, links: NO_FILES }).findings.filter((f) => f.rule === 'empty-section').map((f) => f.rule);
    expect(compat('No.')).toEqual([]);
    expect(compat('**No:** describe the migration. Is this change backward compatible?')).toEqual(['empty-section']);
    // With no title in the template, what comes before its first section is guided: left as it is, reported.
    expect(empty(written.replace(meta, '- Feature Name: (fill me in)\n- Start Date: (fill me in)\n\n'))).toEqual(['1 title']);
    expect(checkSpec(parseSpec(written.replace(meta, '')), { template: model, links: NO_FILES }).findings.map((f) => f.message))
      .toEqual(['the text before the first section is empty: write what the template asks for there']);
    // The message quotes what the template's placeholders there ask for (blind QA: it never said).
    const summary = buildTemplateModel(parseSpec('# Pipeline Name\n\n<!-- AGENT_PLACEHOLDER: One-line summary of what moves where -->\n\n## Summary\n\n<!-- AGENT_PLACEHOLDER: Details -->\n'), 'p@1');
    expect(checkSpec(parseSpec('# Orders\n\n## Summary\n\nHourly.\n'), { template: summary, links: NO_FILES }).findings.map((f) => f.message))
      .toEqual(['the text under the title is empty: write what the template asks for there ("One-line summary of what moves where")']);
  });

  it('a question heading asks for its answer, with no guidance under it in the template too: left unanswered, it is reported (KEP review)', () => {
    const later = spec({ first: '<!-- later -->' });
    expect(messages(later)).toEqual([`${lineIn(later, '###### Does enabling')} questions/does-enabling-the-feature-change-any-default-behavior section "Does enabling the feature change any default behavior?" is empty: write its content`]);
    const blank = spec({}).replace('Yes.', '');
    expect(messages(blank)).toEqual([`${lineIn(blank, '###### Are there')} questions/are-there-any-tests-for-feature-enablementdisablement section "Are there any tests for feature enablement/disablement?" is empty: write its content`]);
  });

  it('says an optional section may be deleted, a heading at its own level is not inside it, and `---` under text makes a heading', () => {
    const optional = spec({ infra: '<!-- nothing yet -->' });
    expect(messages(optional)).toEqual([`${lineIn(optional, '## Infrastructure')} infrastructure-needed-optional section "Infrastructure Needed (Optional)" is empty: write its content, or delete the section (it is optional)`]);
    const flat = spec({ summary: '<!-- soon -->\n\n## Alpha\n\nFirst steps.' });
    expect(messages(flat)).toEqual([`${lineIn(flat, '## Summary')} summary section "Summary" is empty: the heading after it, "Alpha", is at its level, so not inside it; write its content, or make that heading ### if it belongs here`]);
    // Not where that heading is a copy of its own: the empty one is a stub to delete (blind QA: "make that heading ###" under itself).
    const stub = spec({ summary: '<!-- soon -->\n\n## Summary\n\nFirst steps.' });
    expect(messages(stub).filter((m) => m.includes('empty'))).toEqual([`${lineIn(stub, '## Summary')} summary section "Summary" is empty, and the same heading follows it on line ${lineIn(stub, '## Summary') + 4}: delete this one if that one holds its text, else write its content`]);
    const setext = spec({ summary: 'It is small.\n---' });
    expect(messages(setext)).toEqual([`${lineIn(setext, '## Summary')} summary section "Summary" is empty: its text "It is small." became a heading, made one by the \`---\` line under it; leave a blank line before \`---\` if it is meant as a rule`]);
    const equals = spec({ summary: 'It is small.\n===' });
    expect(messages(equals)).toEqual([`${lineIn(equals, '## Summary')} summary section "Summary" is empty: its text "It is small." became a heading, made one by the \`===\` line under it; delete that line if the text belongs to this section`]);
    // Moved a level down itself, the author's heading after it at its level: both readings, and the fix for each (planted-defect QA, review).
    const demoted = spec({ summary: '<!-- soon -->\n\n### Alpha\n\nFirst steps.' }).replace('## Summary', '### Summary');
    expect(checkSpec(parseSpec(demoted), { template: KEPISH, links: NO_FILES }).findings.filter((f) => f.sectionId?.startsWith('summary')).map((f) => `${f.rule} ${f.message}`)).toEqual([
      'empty-section section "Summary" is empty: it is level 3, where it belongs at level 2, and the heading after it, "Alpha", is at its level, so not inside it; make it a ## heading if that text is its own, else write its content',
      'heading-level heading "Summary" is level 3; the template has it at level 2 (##)']);
    // At level 6 there is no deeper heading to suggest.
    const deep = buildTemplateModel(parseSpec('# T\n\n###### Deep one\n\n<!-- deep -->\n'), 'd@1');
    expect(checkSpec(parseSpec('# M\n\n###### Deep one\n\n###### Deep two\n\nText.\n'), { template: deep, links: NO_FILES }).findings.map((f) => f.message))
      .toEqual(['section "Deep one" is empty: the heading after it, "Deep two", is at its level, so not inside it; write its content']);
    // A heading after it that may be the next template section renamed is missing-section's to name, not a subsection.
    const renamed = buildTemplateModel(parseSpec('# T\n\n## Rollout\n\n<!-- r -->\n\n## Alternatives Considered\n\n<!-- a -->\n'), 'n@1');
    expect(checkSpec(parseSpec('# M\n\n## Rollout\n\n## Alternatives\n\nWe considered X.\n'), { template: renamed, links: NO_FILES }).findings.map((f) => `${f.rule} ${f.message}`)).toEqual([
      'empty-section section "Rollout" is empty: write its content',
      'missing-section missing section "Alternatives Considered" (## Alternatives Considered) from template n@1; "Alternatives" is in its place: if that is this section renamed, restore its heading',
    ]);
    // Subsections of the author's own that hold nothing: the section's text is owed there or in them.
    const design = buildTemplateModel(parseSpec('# T\n\n## Design\n\n<!-- how -->\n'), 'g@1');
    expect(checkSpec(parseSpec('# M\n\n## Design\n\n### Details\n\n<!-- later -->\n'), { template: design, links: NO_FILES }).findings.map((f) => f.message))
      .toEqual(['section "Design" is empty, and so are the subsections added to it ("Details"): write its content, there or in them']);
    // With the blank line, a rule and the text: written.
    expect(messages(spec({ summary: 'It is small.\n\n---' }))).toEqual([]);
  });
});

describe('CR line endings (old Mac files)', () => {
  it('front matter and suppression comments read as with LF', () => {
    const lf = '---\ntitle: X\ntemplate: tech-spec\nstatus: bogus\n---\n# T\n\nDone.\n';
    const cr = lf.replace(/\n/g, '\r');
    expect(parseSpec(cr).frontMatter?.data).toEqual({ title: 'X', template: 'tech-spec', status: 'bogus' });
    expect(brief(cr)).toEqual(brief(lf));
    expect(brief(cr)).toContain('4:1 frontmatter');
    const suppressed = '# T\n\nTODO one\n\n<!-- specfill-disable leftover-marker -->\n\nTODO two\n';
    expect(brief(suppressed.replace(/\n/g, '\r'), null)).toEqual(['3:1 leftover-marker title']);
    expect(brief(suppressed, null)).toEqual(['3:1 leftover-marker title']);
  });

  it('YAML the simple reader leaves to the library, and a diagram, read as with LF; a lone CR in a LF file ends its line (blind QA, planted defects)', () => {
    const messages = (source: string) => findings(source, null).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    const twice = '---\ntitle: X\ntemplate: tech-spec\nstatus: draft\nstatus: review\nowners: [a, b]\n---\n# T\n\nDone.\n';
    expect(messages(twice.replace(/\n/g, '\r'))).toEqual(messages(twice));
    expect(messages(twice)[0]).toMatch(/^5:1 frontmatter invalid YAML front matter: `status` is given twice \(first on line 4\)/);
    // One lone CR after a comment (`# the default\r`) hides no line.
    expect(messages(twice.replace('template: tech-spec\n', 'template: tech-spec # the default\r'))).toEqual(messages(twice));
    const diagram = '# T\n\n```mermaid\nflowchart LR\n  A --> B[TODO: auth]\n```\n';
    expect(messages(diagram.replace(/\n/g, '\r'))).toEqual(messages(diagram));
    expect(messages(diagram)).toHaveLength(1);
    // A node named like a marker is an id, after a link with no spaces (`A-.-TODO[…]`, `A---TODO[…]`) too (review of the linear rewrite).
    for (const link of ['-.-', '---', '----', ' ---', '-->', ' -.- ']) expect(messages(`# T\n\n\`\`\`mermaid\nflowchart LR\n  A${link}TODO[Fix it]\n  TODO --> C\n\`\`\`\n`)).toEqual([]);
  });

  it('an unclosed comment or <pre>, and TOML front matter, are found as with LF (blind QA: their blank lines and closing `+++` were looked for after a LF)', () => {
    const messages = (source: string) => findings(source, null).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    for (const lf of ['# Notes\n\nSome text.\n\n<!-- draft note\n\nHidden paragraph one.\nHidden two.\n', '# Notes\n\n<pre>\nlayout\n\n## A\n\n## B\n',
      '+++\ntitle = "X"\ntemplate = "tech-spec@1"\n+++\n# X\n']) {
      expect(messages(lf)).toHaveLength(1);
      expect(messages(lf.replace(/\n/g, '\r'))).toEqual(messages(lf));
      expect(messages(lf.replace(/\n/g, '\r\n'))).toEqual(messages(lf));
    }
    expect(messages('# Notes\n\n<pre>\nlayout\n\n## A\n\n## B\n'.replace(/\n/g, '\r'))[0]).toContain('its 2 headings are no headings');
    // A CRLF line end is one line end, not a CR and a LF: no blank line in `<!-- note\r\nmore` (nothing hidden after the comment's own text).
    expect(messages('# Notes\r\n\r\nText.\r\n\r\n<!-- note\r\nmore\r\n')).toEqual([]);
  });
});

describe('broken-link', () => {
  const messages = (source: string): string[] => findings(source, null).filter((f) => f.rule === 'broken-link').map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message}`);

  it('guesses with a banded edit distance that agrees with the full one up to its bound', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '-', 'é'), maxLength: 14 }), fc.string({ unit: fc.constantFrom('a', 'b', '-', 'é'), maxLength: 14 }), fc.integer({ min: -1, max: 5 }),
      (a, b, most) => editDistanceAtMost(a, b, most) === (most < 0 ? (a === b ? 0 : 1) : Math.min(editDistance(a, b), most + 1))), { numRuns: 3000 });
  });

  it('checks where reference links lead: each definition\'s destination, placed on it, outside code only', () => {
    const doc = '# T\n\nSee [the other][o] and [s3][s3-backend], and [self].\n\n## Risks\n\n[o]: ./other.md#nope\n[s3-backend]: TODO\n[ok]: https://example.com\n[self]: #risk\n[fine]: <./other.md#risks> "Title"\n\n```\n[x]: ./in-code.md\n```\n';
    const links: LinkResolver = { exists: (p) => p === './other.md', anchorsOf: () => new Set(['risks']) };
    expect(checkSpec(parseSpec(doc), { template: null, links }).findings.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.sectionId} ${f.message}`)).toEqual([
      '7:6-21 risks link to ./other.md#nope: that file has no heading with this anchor',
      '8:15-19 risks link to TODO: no such file',
      '10:9-14 risks link to #risk: no heading in this document has that anchor; did you mean #risks?',
    ]);
    // CRLF and a definition that opens a paragraph the rest of which is text.
    expect(checkSpec(parseSpec('# T\r\n\r\n[a]: ./gone.md\r\nAnd text, see [a].\r\n'), { template: null, links }).findings.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message}`))
      .toEqual(['3:6-15 link to ./gone.md: no such file']);
  });

  it('reports a full or collapsed reference link whose label nothing defines, not tags, notations, footnotes, shortcuts or code (blind QA, KEPs)', () => {
    const links: LinkResolver = { exists: () => true, anchorsOf: () => null };
    const doc = [
      '# T', '', 'See [prior art][prior-art], [the design][Design], [Design][] and [existing SLIs/SLOs][].',
      'An image ![arch][diagram]; a slip [here][desing]; a destination [proposal][#proposal]; an issue [k/k#1][#138097].',
      'Not: `[code][ref]`, matrix[i][j], \\[a][b], [x][^1], [optional], [Slow] [Serial] [Disruptive][NodeFeature:Eviction],',
      '[Feature:SCTP][Disruptive], --reserved=[cpu=1][,][mem=1], [a][ ], citations [1][2], commit tags like [BugFix][CI].', '', '<!-- [in][comment] -->', '', '```', '[in][code]', '```', '',
      '> Quoted [across', '> lines][nowhere].', '', '[design]: ./design.md',
    ].join('\n');
    expect(checkSpec(parseSpec(doc), { template: null, links }).findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`)).toEqual([
      '3:5-3:27 reference link to [prior-art]: no link reference definition has that label; add `[prior-art]: <destination>` or write the link inline',
      '3:66-3:88 reference link to [existing SLIs/SLOs]: no link reference definition has that label; add `[existing SLIs/SLOs]: <destination>` or write the link inline',
      '4:10-4:26 reference link to [diagram]: no link reference definition has that label; add `[diagram]: <destination>` or write the link inline',
      '4:35-4:49 reference link to [desing]: no link reference definition has that label; add `[desing]: <destination>` or write the link inline; did you mean [design]?',
      '4:65-4:86 reference link to [#proposal]: no link reference definition has that label, and it reads as a destination; write the link inline: `[proposal](#proposal)`',
      '4:97-4:113 reference link to [#138097]: no link reference definition has that label; add `[#138097]: <destination>` or write the link inline',
      '14:10-15:18 reference link to [nowhere]: no link reference definition has that label; add `[nowhere]: <destination>` or write the link inline',
    ]);
    // One capitalised word alone, collapsed, is a link still: `[Design][]` with nothing defining it.
    expect(checkSpec(parseSpec('# T\n\nSee [Rollout][].\n'), { template: null, links }).findings.map((f) => f.message)).toEqual([
      'reference link to [Rollout]: no link reference definition has that label; add `[Rollout]: <destination>` or write the link inline']);
    // Beside a reference link that works, brackets in a row are links, not tags: the one nothing defines is reported (blind QA).
    const beside = (line: string) => checkSpec(parseSpec(`# T\n\n${line}\n\n[rfc6585]: https://www.rfc-editor.org/rfc/rfc6585\n`), { template: null, links }).findings.map((f) => `${f.column} ${f.message.split(':')[0]}`);
    expect(beside('Standards: [RFC 6585][rfc6585] [RFC 9110][rfc9110].')).toEqual(['32 reference link to [rfc9110]']);
    expect(beside('Standards: [RFC 9110][rfc9110] [RFC 6585][rfc6585].')).toEqual(['12 reference link to [rfc9110]']);
    expect(beside('Standards: [rfc6585] [RFC 9110][rfc9110], [rfc6585][] [RFC 9111][rfc9111].')).toEqual(['22 reference link to [rfc9110]', '55 reference link to [rfc9111]']);
    expect(beside('Tags: [Slow] [Serial] [Disruptive][NodeFeature:Eviction].')).toEqual([]);
  });

  it('`<!-->` and `<!--->` are whole comments (CommonMark 0.31): text after them on the line shows (blind QA)', () => {
    for (const empty of ['<!-->', '<!--->']) {
      expect([empty, findings(`# T\n\n## A\n\n${empty} TODO visible after it\n`, null).map((f) => `${f.line}:${f.column} ${f.rule}`)]).toEqual([empty, [`5:${empty.length + 2} leftover-marker`]]);
    }
    // A comment with text in it still hides it.
    expect(findings('# T\n\n## A\n\n<!-- TODO hidden -->\n', null)).toEqual([]);
  });

  it('takes `#top` as the top of any page, as browsers do (blind QA)', () => {
    const links: LinkResolver = { exists: () => true, anchorsOf: () => new Set(['intro']) };
    expect(checkSpec(parseSpec('# T\n\n## A\n\n[back to top](#top), [Top](#TOP), [there](other.md#top), [gone](other.md#topic).\n'), { template: null, links }).findings.map((f) => f.message))
      .toEqual(['link to other.md#topic: that file has no heading with this anchor']);
  });

  it('names the anchor nearest to a missing one, when one is near', () => {
    expect(messages('# T\n\n## Upgrade / Downgrade Strategy\n\nSee [it](#upgrade-/-downgrade-strategy), [this](#upgrade-downgrade-strategy) and [that](#rollout).\n')).toEqual([
      '5:5-40 link to #upgrade-/-downgrade-strategy: no heading in this document has that anchor; did you mean #upgrade--downgrade-strategy?',
      '5:42-77 link to #upgrade-downgrade-strategy: no heading in this document has that anchor; did you mean #upgrade--downgrade-strategy?',
      '5:82-98 link to #rollout: no heading in this document has that anchor',
    ]);
    // A table's row is split into cells first: `[a | b](x.md)` across two cells is no link; one in a cell is (blind QA).
    expect(messages('# T\n\n| a | b |\n| - | - |\n| [a | b](#x) |\n| [c](#gone) | d |\n')).toEqual(['6:3-13 link to #gone: no heading in this document has that anchor']);
    // The number GitHub gives a second heading of the same name, where there is one; two letters swapped, a slip (blind QA).
    expect(messages('# T\n\n## Alpha\n\nSee [x](#alpha-1), [y](#alpah) and [z](#alpha-beta).\n').map((m) => m.replace(/^\S+ /, ''))).toEqual([
      'link to #alpha-1: no heading in this document has that anchor; did you mean #alpha?',
      'link to #alpah: no heading in this document has that anchor; did you mean #alpha?',
      'link to #alpha-beta: no heading in this document has that anchor',
    ]);
    // Where the heading repeats already, the last of its anchors (judge simulation: `#notes-2` got "did you mean #notes?").
    expect(messages('# T\n\n## Notes\n\nA.\n\n## Notes\n\nB.\n\nSee [x](#notes-2).\n').map((m) => m.replace(/^\S+ /, ''))).toEqual([
      'link to #notes-2: no heading in this document has that anchor; did you mean #notes-1?']);
    // A number with a leading zero is a slip for the one it writes (regression sweep: `#usage-01` got `#usage-2`).
    expect(messages('# T\n\n## Usage\n\nA.\n\n## Usage\n\nB.\n\n## Usage\n\nC.\n\nSee [x](#usage-01).\n').map((m) => m.replace(/^\S+ /, ''))).toEqual([
      'link to #usage-01: no heading in this document has that anchor; did you mean #usage-1?']);
    // In another file: the guess names that file.
    const other: LinkResolver = { exists: () => true, anchorsOf: () => new Set(['security-considerations']) };
    expect(checkSpec(parseSpec('# T\n\nSee [it](./other.md#securty-considerations).\n'), { template: null, links: other }).findings.map((f) => f.message))
      .toEqual(['link to ./other.md#securty-considerations: that file has no heading with this anchor; did you mean ./other.md#security-considerations?']);
  });

  it('takes an id on any element and a name on <a> as anchors, outside code only', () => {
    expect(messages('# T\n\n<div id="limits">Limits</div>\n\nSee [limits](#limits) and [span](#inline).\n\nText <span id=\'inline\'>here</span>.\n')).toEqual([]);
    expect(messages('# T\n\n```html\n<a name="ghost"></a>\n```\n\n`<a id="code">` [x](#ghost) [y](#code) [z](#dd) <a data-id="dd">d</a> <p name="pn">p</p> [w](#pn)\n')).toEqual([
      '7:17-28 link to #ghost: no heading in this document has that anchor',
      '7:29-39 link to #code: no heading in this document has that anchor',
      '7:40-48 link to #dd: no heading in this document has that anchor',
      '7:90-98 link to #pn: no heading in this document has that anchor',
    ]);
    // A tag written over lines in a quote: the `> ` of the next line sits between the attribute's parts.
    expect(messages('# T\n\n> See <a\n> id="quoted">here</a> and <span name\n> ="nm">x</span>.\n\n[q](#quoted) [n](#nm)\n')).toEqual([
      '7:14-22 link to #nm: no heading in this document has that anchor',
    ]);
    expect(messages('# T\n\n> <a name\n> ="named">x</a>\n\n[n](#named)\n')).toEqual([]);
  });

  it('says when a missing file is the template\'s own sample link, kept as it was (blind QA round 2)', () => {
    const swift = buildTemplateModel(parseSpec('# Feature name\n\n* Previous Proposal: [SE-XXXX](XXXX-filename.md)\n\n## Motivation\n\nSay why.\n'), 'se@1');
    const messages = (source: string) => checkSpec(parseSpec(source), { template: swift, links: NO_FILES }).findings.filter((f) => f.rule === 'broken-link').map((f) => f.message);
    expect(messages('# Async\n\n* Previous Proposal: [SE-XXXX](XXXX-filename.md)\n\n## Motivation\n\nBecause.\n'))
      .toEqual(['link to XXXX-filename.md: no such file; the template has the same link: if it is a sample, link the real file or delete it']);
    expect(messages('# Async\n\n* Previous Proposal: [SE-0296](0296-async-await.md)\n\n## Motivation\n\nBecause.\n')).toEqual(['link to 0296-async-await.md: no such file']);
    // A link the template's begins with is another link; a definition of the template's is the same (code review).
    expect(messages('# Async\n\n* Previous Proposal: [SE](XXXX-file)\n\n## Motivation\n\nBecause.\n')).toEqual(['link to XXXX-file: no such file']);
    const defined = buildTemplateModel(parseSpec('# F\n\nSee [the plan][p].\n\n[p]: ./PLAN.md\n\n## Motivation\n\nSay why.\n'), 'd@1');
    expect(checkSpec(parseSpec('# A\n\nSee [the plan][p] for it.\n\n[p]: ./PLAN.md\n\n## Motivation\n\nBecause.\n'), { template: defined, links: NO_FILES }).findings.map((f) => f.message))
      .toEqual(['link to ./PLAN.md: no such file; the template has the same link: if it is a sample, link the real file or delete it']);
  });

  it('reads an anchor percent-decoded, case aside, and a path without its query', () => {
    const files: LinkResolver = { exists: (p) => p === 'other.md' || p === 'my notes.md', anchorsOf: (p) => (p === 'other.md' ? new Set(['scope']) : null) };
    const messages = (source: string) => checkSpec(parseSpec(source), { template: null, links: files }).findings.map((f) => f.message);
    expect(messages('# T\n\n## Café menu\n\n[a](#caf%C3%A9-menu) [b](#CAFÉ-MENU) [c](#User-Content-Café-menu) [d](other.md?plain=1#Scope) [e](my%20notes.md) [f](#caf%C3%A9)\n'))
      .toEqual(['link to #café: no heading in this document has that anchor']);
    // Said with their query, as written (blind QA: `b.md?plain=1#L3` was shown as `b.md#L3`).
    expect(messages('# T\n\n[a](other.md?x#nope) [b](other%2Emd) [c](gone.md?plain=1)\n')).toEqual([
      'link to other.md?x#nope: that file has no heading with this anchor',
      'link to gone.md?plain=1: no such file',
    ]);
    // A line of GitHub's source view (`?plain=1#L3`, `#L3-L5`) is no heading anchor; without `?plain=1` the rendered page has none (blind QA).
    expect(messages('# T\n\n[a](other.md?plain=1#L3) [b](other.md?plain=1#L3-L5) [c](?plain=1#L2) [d](other.md#L3)\n')).toEqual([
      'link to other.md#L3: that file has no heading with this anchor',
    ]);
    // Anchors of Markdown files of any extension GitHub renders are checked.
    const markdownFiles: LinkResolver = { exists: () => true, anchorsOf: (p) => (/\.(?:markdown|mdown|MD)$/.test(p) ? new Set(['real']) : null) };
    expect(checkSpec(parseSpec('# T\n\n[a](n.markdown#nope) [b](n.mdown#nope) [c](n.MD#real)\n'), { template: null, links: markdownFiles }).findings.map((f) => f.message)).toEqual([
      'link to n.markdown#nope: that file has no heading with this anchor', 'link to n.mdown#nope: that file has no heading with this anchor',
    ]);
  });

  it('the template\'s `{SLOT}` named in capitals kept among written lines is a blank (real AWS CDK RFCs); a brace pair the template does not write is not', () => {
    const cdk = buildTemplateModel(parseSpec('# {RFC_TITLE}\n\n* **Original Author(s):**: @{AUTHOR}\n* **Tracking Issue**: #{TRACKING_ISSUE}\n* **API Bar Raiser**: @{BAR_RAISER_USER}\n\n## Summary\n\n> Write one sentence.\n'), 'cdk@1');
    const said = (meta: string) => checkSpec(parseSpec(`# Widgets\n\n${meta}\n\n## Summary\n\nWidgets for all.\n`), { template: cdk, links: NO_FILES }).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(said('* **Original Author(s):**: @ana\n* **Tracking Issue**: #512\n* **API Bar Raiser**: @{BAR_RAISER_USER}')).toEqual([
      '5:24 leftover-marker the template\'s slot "{BAR_RAISER_USER}" is still here: replace it with the real content',
    ]);
    expect(said('* **Original Author(s):**: @ana\n* **Tracking Issue**: #512\n* **API Bar Raiser**: @bo\n\nThe env var {HOME_DIR} is read.')).toEqual([]);
  });

  it('the template\'s choices in parentheses kept as they are are a blank: one is to be written (real Vue and TensorFlow RFCs)', () => {
    const vue = buildTemplateModel(parseSpec('- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n- Target Major Version: (2.x / 3.x)\n\n| Status | (Proposed / Accepted / Implemented / Obsolete) |\n| :--- | :--- |\n\n# Summary\n\nBrief explanation of the feature.\n\n# Motivation\n\nWhy are we doing this?\n'), 'vue@1');
    const said = (version: string, status: string) => checkSpec(parseSpec(`- Start Date: 2019-01-16\n- Target Major Version: ${version}\n\n| Status | ${status} |\n| :--- | :--- |\n\n# Summary\n\nSlots.\n\n# Motivation\n\nLess typing.\n`), { template: vue, links: NO_FILES })
      .findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(said('(2.x / 3.x)', '(Proposed / Accepted / Implemented / Obsolete)')).toEqual([
      '2:25 leftover-marker the template\'s choices "(2.x / 3.x)" are still here: write the one that applies',
      '4:12 leftover-marker the template\'s choices "(Proposed / Accepted / Implemented / Obsolete)" are still here: write the one that applies',
    ]);
    expect(said('3.x', 'Accepted')).toEqual([]);
    // Options of the author's own in parentheses are the author's.
    expect(said('3.x (and 2.x / 2.7 later)', 'Accepted (in / out)')).toEqual([]);
    // Options in bold joined by "or" (real Swift Evolution drafts).
    const se = buildTemplateModel(parseSpec('# Feature name\n\n* Authors: [Author 1](https://github.com/swiftdev)\n* Status: **Awaiting implementation** or **Awaiting review**\n\n## Introduction\n\nA short description.\n\n## Motivation\n\nWhy?\n'), 'se@1');
    const status = (value: string) => checkSpec(parseSpec(`# Seeded hashing\n\n* Authors: Ana Li\n* Status: ${value}\n\n## Introduction\n\nSeeds.\n\n## Motivation\n\nDoS.\n`), { template: se, links: NO_FILES }).findings.map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(status('**Awaiting implementation** or **Awaiting review**')).toEqual(['4:11 the template\'s choices "**Awaiting implementation** or **Awaiting review**" are still here: write the one that applies']);
    expect(status('**Awaiting review**')).toEqual([]);
  });

  it('the template\'s sample link to issue 0000 kept among written lines is a blank never filled (real Rust and TVM RFCs)', () => {
    const rfc = buildTemplateModel(parseSpec('- Feature Name: (fill me in with a unique ident, `my_awesome_feature`)\n- RFC PR: [rust-lang/rfcs#0000](https://github.com/rust-lang/rfcs/pull/0000)\n- Rust Issue: [rust-lang/rust#0000](https://github.com/rust-lang/rust/issues/0000)\n\n# Summary\n\nOne paragraph explanation of the feature.\n'), 'rfc@1');
    const said = (meta: string) => checkSpec(parseSpec(`- Feature Name: \`nonlocal_lint\`\n${meta}\n\n# Summary\n\nAdd a lint.\n`), { template: rfc, links: NO_FILES }).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(said('- RFC PR: [rust-lang/rfcs#3373](https://github.com/rust-lang/rfcs/pull/3373)\n- Rust Issue: [rust-lang/rust#0000](https://github.com/rust-lang/rust/issues/0000)')).toEqual([
      '3:15 leftover-marker the template\'s sample link "[rust-lang/rust#0000](https://github.com/rust-lang/rust/issues/0000)" is still here: link the real one, or delete it',
    ]);
    expect(said('- RFC PR: [rust-lang/rfcs#3373](https://github.com/rust-lang/rfcs/pull/3373)\n- Rust Issue: [rust-lang/rust#120363](https://github.com/rust-lang/rust/issues/120363)')).toEqual([]);
    // In code, or a link of the author's own to an issue numbered so elsewhere, it is not the template's.
    expect(said('- RFC PR: `[rust-lang/rfcs#0000](https://github.com/rust-lang/rfcs/pull/0000)`\n- Rust Issue: [other#0000](https://example.com/issues/0000)')).toEqual([]);
    // A file name's number, and an address cut short with `...` (Swift Evolution's header samples; a KEP's e2e test link).
    const se = buildTemplateModel(parseSpec('# Feature name\n\n* Authors: [Author 1](https://github.com/swiftdev)\n* Review: ([pitch](https://forums.swift.org/...))\n* Previous Proposal: [SE-XXXX](XXXX-filename.md)\n\n## Introduction\n\nA short description.\n'), 'se@1');
    expect(checkSpec(parseSpec('# Seeds\n\n* Authors: Ana Li\n* Review: ([pitch](https://forums.swift.org/...))\n* Previous Proposal: [SE-XXXX](XXXX-filename.md)\n\n## Introduction\n\nSeeds.\n'), { template: se, links: { exists: () => true, anchorsOf: () => null } })
      .findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['4:12 leftover-marker', '5:22 leftover-marker']);
    // Written bare in the template, with three `X`s (TiDB's design docs): kept bare, or as a link's address; not a link of the author's
    // whose text alone keeps it (blind QA, TiDB).
    const tidb = buildTemplateModel(parseSpec('# TiDB Design Documents\n\n- Author(s): [Author Name](http://github.com/your-github-id)\n- Discussion PR: https://github.com/pingcap/tidb/pull/XXX\n- Tracking Issue: https://github.com/pingcap/tidb/issues/XXX\n\n## Introduction\n\nOne para explanation.\n'), 'tidb@1');
    expect(checkSpec(parseSpec('# Skip locked\n\n- Author(s): you06\n- Discussion PR: https://github.com/pingcap/tidb/pull/XXX.\n- Tracking Issue: [https://github.com/pingcap/tidb/issues/XXX](https://github.com/pingcap/tidb/issues/32555)\n\n## Introduction\n\nSkip locked rows.\n'), { template: tidb, links: NO_FILES })
      .findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual(['4:18 leftover-marker the template\'s sample link "https://github.com/pingcap/tidb/pull/XXX" is still here: link the real one, or delete it']);
    // The template's own title, naming the collection (`# TiDB Design Documents`), kept as it is, names no design.
    expect(brief('# TiDB Design Documents\n\n- Author(s): you06\n\n## Introduction\n\nSkip locked rows.\n', tidb)).toEqual(['1:1 empty-section title']);
    // So does one naming the template itself (Cilium's `# CFP-003: Template`), or with a stand-in for its number (UI5's
    // `# RFC 0000 Fancy Title`); a title of the template's of other words, kept, may be the spec's (blind QA, Cilium, UI5).
    for (const title of ['CFP-003: Template', 'RFC 0000 Fancy Title']) {
      const t = buildTemplateModel(parseSpec(`# ${title}\n\n## Summary\n\nOne paragraph.\n`), 't@1');
      expect(brief(`# ${title}\n\n## Summary\n\nVLAN tags.\n`, t), title).toEqual(['1:1 empty-section title']);
      expect(brief('# VLAN tags\n\n## Summary\n\nVLAN tags.\n', t), title).toEqual([]);
    }
    const own = buildTemplateModel(parseSpec('# Payments Platform\n\n## Summary\n\nOne paragraph.\n'), 'p@1');
    expect(brief('# Payments Platform\n\n## Summary\n\nLedgers.\n', own)).toEqual([]);
  });

  it('leftover-guidance: a section\'s visible guidance kept under a subsection of the author\'s is reported there; the examples of a template\'s comment taken into an author\'s subsection are not (blind QA, Svelte RFCs; KEP Graduation Criteria)', () => {
    const svelte = buildTemplateModel(parseSpec('# Summary\n\nOne paragraph.\n\n# Drawbacks\n\n> Why should we *not* do this? Please consider the impact on teaching Svelte, on the integration of this feature with other existing and planned features, etc.\n\n# Alternatives\n\n> What other designs have been considered?\n'), 's@1');
    const kept = '> Why should we *not* do this? Please consider the impact on teaching Svelte, on the integration of this feature with other existing and planned features, etc.';
    expect(brief(`# Summary\n\nScoped styles.\n\n# Drawbacks\n\n## Solution 1\n\nSeveral style tags.\n\n${kept}\n\n# Alternatives\n\nNone.\n`, svelte)).toEqual(['11:3 leftover-guidance drawbacks/solution-1']);
    expect(brief(`# Summary\n\nScoped styles.\n\n# Drawbacks\n\n## Solution 1\n\nSeveral style tags.\n\n# Alternatives\n\nNone.\n`, svelte)).toEqual([]);
    const kep = buildTemplateModel(parseSpec('# KEP\n\n## Graduation Criteria\n\n<!--\nBelow are some examples to consider.\n\n#### Alpha\n\n- Feature implemented behind a feature flag\n- Initial e2e tests completed and enabled\n-->\n'), 'k@1');
    expect(brief('# KEP-1: X\n\n## Graduation Criteria\n\n#### Alpha\n\n- Feature implemented behind a feature flag\n- Initial e2e tests completed and enabled\n', kep)).toEqual([]);
  });

  it('leftover-guidance: guidance in parentheses kept above the author\'s text tells as it would bare (blind QA, nginx-gateway-fabric)', () => {
    const ngf = buildTemplateModel(parseSpec('# Enhancement Proposal: [Title]\n\n## Summary\n\n(1-2 sentence summary of the proposal)\n\n## Use Cases\n\n(Describe the use cases for this feature)\n'), 'n@1');
    expect(brief('# Enhancement Proposal: Client settings\n\n## Summary\n\nSettings for clients.\n\n## Use Cases\n\n(Describe the use cases for this feature)\n\nAs an operator I set body sizes.\n', ngf)).toEqual(['9:1 leftover-guidance use-cases']);
    // A name for what goes here with a parenthetical in it, or an example after it (the OTEP and Keptn templates; blind QA).
    const otep = buildTemplateModel(parseSpec('# Title\n\nShort (one sentence) summary, e.g., something that would be appropriate for a [CHANGELOG](https://keepachangelog.com/) or release notes.\n\n## Summary\n\nA short (one sentence) summary of the proposal.\n'), 'o@1');
    expect(brief('# Promotion phase\n\nShort (one sentence) summary, e.g., something that would be appropriate for a [CHANGELOG](https://keepachangelog.com/) or release notes.\n\nA promotion phase.\n\n## Summary\n\nA short (one sentence) summary of the proposal.\n\nWe add a phase.\n', otep)).toEqual(['3:1 leftover-guidance title', '9:1 leftover-guidance summary']);
  });

  it('leftover-guidance: guidance that says in the third person what the author is to do ("the owner of each proposal should identify a shepherd"), kept above the answer, is reported (blind QA, Ray REPs)', () => {
    const rep = buildTemplateModel(parseSpec('# REP\n\n## Shepherd of the Proposal\n\nTo make the review process more productive, the owner of each proposal should identify a **shepherd** (should be a senior Ray committer). The shepherd is responsible for working with the owner.\n\n## Summary\n\nWhat is proposed.\n'), 'r@1');
    const said = (shepherd: string) => brief(`# Accelerators\n\n## Shepherd of the Proposal\n\n${shepherd}\n\n## Summary\n\nTPU support.\n`, rep);
    expect(said('To make the review process more productive, the owner of each proposal should identify a **shepherd** (should be a senior Ray committer). The shepherd is responsible for working with the owner.\n\n@scv119')).toEqual(['5:1 leftover-guidance shepherd-of-the-proposal']);
    expect(said('@scv119')).toEqual([]);
    // Text that says what the section's subject does, not the author, beside the answer is left alone.
    const plain = buildTemplateModel(parseSpec('# REP\n\n## Shepherd\n\nThe shepherd is responsible for working with the owner.\n\n## Summary\n\nWhat is proposed.\n'), 'p@1');
    expect(brief('# Accelerators\n\n## Shepherd\n\nThe shepherd is responsible for working with the owner.\n\n@scv119\n\n## Summary\n\nTPU support.\n', plain)).toEqual([]);
  });

  it('leftover-guidance: the template\'s instructions above its title, kept above the spec\'s, are reported (real PyTorch RFC)', () => {
    const instructions = '<details>\n<summary>Instructions - click to expand</summary>\n\n- Fork the rfcs repo and copy this template to RFC-00xx-my-feature.md.\n- Submit a pull request titled RFC-00xx-my-feature.\n\n</details>\n\n';
    const pt = buildTemplateModel(parseSpec(`${instructions}# [Title]\n\n## Summary\n\nA short paragraph that explains what you're trying to do.\n`), 'pt@1');
    const said = (top: string) => checkSpec(parseSpec(`${top}# Batch Kronecker Product\n\n## Summary\n\nBatching.\n`), { template: pt, links: NO_FILES }).findings.map((f) => `${f.line}-${f.endLine} ${f.rule} ${f.message}`);
    expect(said(instructions)).toEqual(['1-7 leftover-guidance the template\'s text above its title "Fork the rfcs repo and copy this template …" is still here, above the spec\'s title: delete it']);
    expect(said('')).toEqual([]);
    expect(said('[![CI](https://example.com/badge.svg)](https://example.com)\n\n')).toEqual([]);
    // Go's proposal template says what it is: "This is a template for …" (blind QA: not reported).
    const go = buildTemplateModel(parseSpec('[This is a template for Go\'s change proposal process, documented [here](https://go.dev/s/proposal).]\n\n# Proposal: [Title]\n\n## Abstract\n\n[A short summary of the proposal.]\n'), 'go@1');
    expect(checkSpec(parseSpec('[This is a template for Go\'s change proposal process, documented [here](https://go.dev/s/proposal).]\n\n# Proposal: Chunk slices\n\n## Abstract\n\nChunks.\n'), { template: go, links: NO_FILES }).findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['1 leftover-guidance']);
  });

  it('leftover-guidance: text above the template\'s title that names "the suggested template" (Filecoin FIPs), kept above the spec\'s, is reported (blind QA)', () => {
    const notes = 'This is the suggested template for new FIPs.\n\nNote that a FIP number will be assigned by an editor.\n\n';
    const fip = buildTemplateModel(parseSpec(`${notes}# Title\n\n## Simple Summary\n\nA simplified explanation.\n`), 'f@1');
    expect(brief(`${notes}# FIP-0101: Remove aggregation\n\n## Simple Summary\n\nOne method goes.\n`, fip)).toEqual(['1:1 leftover-guidance title']);
    expect(brief('# FIP-0101: Remove aggregation\n\n## Simple Summary\n\nOne method goes.\n', fip)).toEqual([]);
  });

  it('a template title whose text says it is the title to write (`# Neat Enhancement Idea`, "This is the title of the enhancement. …") asks for the title alone, and kept as it is is reported (real Argo CD proposals)', () => {
    const argo = buildTemplateModel(parseSpec('# Neat Enhancement Idea\n\nThis is the title of the enhancement. Keep it simple and descriptive. A good title can help\ncommunicate what the enhancement is and should be considered as part of any review.\n\n## Summary\n\nWrite one paragraph on what is proposed.\n'), 'argo@1');
    const said = (title: string) => checkSpec(parseSpec(`# ${title}\n\n## Summary\n\nPods per node in the UI.\n`), { template: argo, links: NO_FILES }).findings.map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('Configure the number of pods in the UI')).toEqual([]);
    expect(said('Neat Enhancement Idea')).toEqual(['1 empty-section the title is still the template\'s "Neat Enhancement Idea": write the spec\'s own title']);
    // Text that asks for more than the title is owed still.
    const more = buildTemplateModel(parseSpec('# Neat Enhancement Idea\n\nThis is the title of the enhancement. List the authors below it.\n\n## Summary\n\nWrite one paragraph.\n'), 'm@1');
    expect(checkSpec(parseSpec('# Pods in the UI\n\n## Summary\n\nPods.\n'), { template: more, links: NO_FILES }).findings.map((f) => f.rule)).toEqual(['empty-section']);
    // With notes on the title and on using the template beside it (real OpenShift and operator-framework templates: blind QA).
    const notes = 'This is the title of the enhancement. Keep it simple and descriptive.\n\nThe title should be lowercased and spaces/punctuation should be replaced with\n`-`.\n\nTo get started with this template:\n1. **Pick a domain.** Find the appropriate domain to discuss your enhancement.\n1. **Fill out the "overview" sections.** This includes the Summary and\n   Motivation sections.\n\nThe `Metadata` section above is intended to support the creation of tooling\naround the enhancement process.\n';
    const opf = buildTemplateModel(parseSpec(`# Title\n\n${notes}\n## Summary\n\nWrite one paragraph.\n`), 'o@1');
    expect(checkSpec(parseSpec('# Pods in the UI\n\n## Summary\n\nPods.\n'), { template: opf, links: NO_FILES }).findings).toEqual([]);
    // …but not one that asks for text under the title.
    const here = buildTemplateModel(parseSpec(`# Title\n\n${notes}\nTo use this template, write a one-paragraph abstract under the title.\n\n## Summary\n\nWrite one paragraph.\n`), 'h@1');
    expect(checkSpec(parseSpec('# Pods in the UI\n\n## Summary\n\nPods.\n'), { template: here, links: NO_FILES }).findings.map((f) => f.rule)).toEqual(['empty-section']);
  });

  it('a template\'s first heading that only stands in for a title at another level (gRPC\'s `Title` over `----`), kept at the spec\'s top, is reported (real gRPC proposals)', () => {
    const grpc = buildTemplateModel(parseSpec('Title\n----\n* Author(s): [Author Name]\n\n## Abstract\n\n[A short summary of the proposal.]\n'), 'g@1');
    const said = (top: string) => findings(`${top}\n----\n* Author(s): Jane Doe\n\n## Abstract\n\nA keepalive option.\n`, grpc).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('Title')).toEqual(['1 empty-section the title is still the template\'s "Title": write the spec\'s own title']);
    expect(said('A111: xDS authority rewrite')).toEqual([]);
  });

  it('no title heading over written text, where the template has one, is reported; a title written a level down is named (real PyTorch RFC, AWS CDK RFC, six KEPs)', () => {
    const pt = buildTemplateModel(parseSpec('# [Title]\n\n**Authors:**\n* @nickname\n\n## Summary\n\nA short paragraph that explains what you\'re trying to do.\n\n## Motivation\n\nWhy?\n'), 'pt@1');
    const said = (top: string) => checkSpec(parseSpec(`${top}## Summary\n\nAdd memory statistics.\n\n## Motivation\n\nDebugging.\n`), { template: pt, links: NO_FILES }).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(said('**Authors:**\n* @lichuyang\n\n')).toEqual(['1:1 empty-section no title: add a `# ` heading with the spec\'s title at the top, where the template has "# [Title]"']);
    expect(said('---\ntitle: Memory statistics\n---\n**Authors:**\n* @lichuyang\n\n')).toEqual([]);
    // A front matter title that stands in for one names nothing there either (one notion with the title part's, review):
    // a to-do word (also leftover-marker's, in the front matter), a slot, the template's own title.
    for (const title of ['"[Project Name]"', '"[Title]"']) {
      expect(said(`---\ntitle: ${title}\n---\n**Authors:**\n* @lichuyang\n\n`), title).toEqual([`4:1 empty-section no title: the front matter's \`title\` "${JSON.parse(title)}" stands in for one; write it there, or add a \`# \` heading with the spec's title at the top, where the template has "# [Title]"`]);
    }
    for (const title of ['TBD', '"{{title}}"']) {
      expect(said(`---\ntitle: ${title}\n---\n**Authors:**\n* @lichuyang\n\n`).map((f) => f.split(' ').slice(0, 2).join(' ')), title).toEqual([`2:${title.length > 3 ? 9 : 8} leftover-marker`, '4:1 empty-section']);
    }
    // A number names it (frontmatter asks for it in quotes).
    expect(said('---\ntitle: 2024\n---\n**Authors:**\n* @lichuyang\n\n').map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['2:1 frontmatter']);
    expect(said('# Memory statistics\n\n**Authors:**\n* @lichuyang\n\n')).toEqual([]);
    // The title written below a heading of the author's: one finding, on the title, saying what is above it (blind QA:
    // "add a # heading" where one was there, and a section-order finding for every section it then held).
    expect(said('## Note\n\nDraft copy.\n\n# Memory statistics\n\n**Authors:**\n* @lichuyang\n\n')).toEqual([
      '5:1 empty-section no title: "# Memory statistics" is not the first heading: "Note" above it opens the document, and the title heads a section that holds the rest; move what is above it below it']);
    // So for a `# Note` with nothing under it (spec-kit's clarifications prepended as a level-1 heading; blind QA: a warning, exit 0).
    expect(said('# Note\n\nClarified on 2025-10-05.\n\n# Memory statistics\n\n**Authors:**\n* @lichuyang\n\n').map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['5:1 empty-section']);
    // Not a heading of a template section written at level 1 below the title (`# Authors:` where the template has
    // `## Authors:`): the title is above it; heading-level says where it goes (blind QA, whatwg explainer: "no title").
    const tag = buildTemplateModel(parseSpec('# [Title]\n\n## Authors:\n\n- [Author 1]\n\n## Introduction\n\n[The "executive summary".]\n'), 'tag@1');
    expect(checkSpec(parseSpec('# The remove() method\n\n# Authors:\n\n* Austin\n\n## Introduction\n\nA method.\n'), { template: tag, links: NO_FILES }).findings.map((f) => `${f.line}:${f.column} ${f.rule}`))
      .toEqual(['3:1 heading-level']);
    const lowered = checkSpec(parseSpec('## Memory statistics\n\n**Authors:**\n* @lichuyang\n\n### Summary\n\nAdd memory statistics.\n\n### Motivation\n\nDebugging.\n'), { template: pt, links: NO_FILES }).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(lowered).toContain('1:1 empty-section no title: "Memory statistics" seems to be it, written as a level-2 heading; make it a `# ` heading, as the template\'s "# [Title]"');
  });

  it('a template title\'s guidance about the title ("Keep it simple and descriptive.") and text it says to remove before the PR ask for no text under the title (real cluster-api proposals)', () => {
    const remove = '<!-- BEGIN Remove before PR -->\nTo get started with this template:\n1. **Make a copy of this template.**\n1. **Fill out the required sections.**\n\nThe `Metadata` section above is intended to support tooling.\n\n<!-- END Remove before PR -->\n';
    for (const under of [`- Keep it simple and descriptive.\n- A good title can help communicate what the proposal is and should be considered as part of any review.\n\n${remove}`, remove]) {
      const capi = buildTemplateModel(parseSpec(`# Title\n${under}\n## Summary\n\nA good summary is probably at least a paragraph in length.\n`), 'capi@1');
      expect(checkSpec(parseSpec('# Label sync for nodes\n\n## Summary\n\nLabels on machines are kept in sync with the nodes.\n'), { template: capi, links: NO_FILES }).findings.map((f) => f.message), under).toEqual([]);
    }
    // Guidance that asks for more than the title is owed still: "Keep it short and list the authors."
    const more = buildTemplateModel(parseSpec('# Title\n- Keep it short and list the authors.\n\n## Summary\n\nA good summary.\n'), 'm@1');
    expect(checkSpec(parseSpec('# Label sync\n\n## Summary\n\nLabels.\n'), { template: more, links: NO_FILES }).findings.map((f) => f.rule)).toEqual(['empty-section']);
  });

  it('leftover-guidance: a header field of the template\'s (`* Review: ([pitch](…))`) is no guidance, kept or filled: a run of kept guidance starts after it (real Swift Evolution)', () => {
    const swift = buildTemplateModel(parseSpec('# Feature name\n\n* Proposal: [SE-NNNN](NNNN-filename.md)\n* Review: ([pitch](https://forums.swift.org/...))\n\nWhen filling out this template, you should delete or replace all of\nthe text except for the section headers and the header fields above.\n\n## Introduction\n\nA short description of what the feature is.\n'), 'se@1');
    for (const review of ['([pitch](https://forums.swift.org/...))', '([pitch](https://forums.swift.org/t/123))']) {
      const spec = `# Date intervals\n\n* Proposal: [SE-0456](0456-date-intervals.md)\n* Review: ${review}\n\nWhen filling out this template, you should delete or replace all of\nthe text except for the section headers and the header fields above.\n\n## Introduction\n\nDate intervals.\n`;
      expect(checkSpec(parseSpec(spec), { template: swift, links: { exists: () => true, anchorsOf: () => null } }).findings.filter((f) => f.rule === 'leftover-guidance').map((f) => `${f.line} ${f.message}`), review)
        .toEqual(['6 the template\'s guidance "When filling out this template, you should delete …" is still here beside the section\'s own text: delete it']);
    }
  });

  it('leftover-guidance: list items that are a label over a question (`- Papers: Are there any published papers …?`) are guidance, however long, wherever the question ends (blind QA, Rust RFC template)', () => {
    const rust = buildTemplateModel(parseSpec('# Summary\n\nOne paragraph explanation of the feature.\n\n# Prior art\n\nDiscuss prior art, both the good and the bad, in relation to this proposal.\nA few examples of what this can include are:\n\n'
      + '- For language, library, and compiler proposals: Does this feature exist in other programming languages and what experience have their community had?\n'
      + '- For community proposals: Is this done by some other community and what were their experiences with it?\n'
      + '- Papers: Are there any published papers or great posts that discuss this? If you have some relevant papers to refer to, this can serve as a more detailed theoretical background.\n\n'
      + 'This section is intended to encourage you as an author to think about the lessons from other languages.\n'), 'rust@1');
    const kept = (prior: string) => checkSpec(parseSpec(`# Summary\n\nAdd a flag.\n\n# Prior art\n\n${prior}\n\nnextest is the model.\n`), { template: rust, links: NO_FILES }).findings.map((f) => `${f.line}-${f.endLine} ${f.rule}`);
    const guidance = rust.spec.source.slice(rust.spec.source.indexOf('Discuss prior art')).trimEnd();
    // The whole of it kept: one finding, from its first paragraph to its last.
    expect(kept(guidance)).toEqual(['7-14 leftover-guidance']);
    // Two of the labelled questions kept: one finding on them (the second is longer than a field's first 80 characters).
    expect(kept(guidance.split('\n').filter((l) => l.startsWith('- ')).slice(1).join('\n'))).toEqual(['7-8 leftover-guidance']);
    // A field is still no guidance: a label and its value, no question.
    const fields = buildTemplateModel(parseSpec('# Summary\n\nOne paragraph explanation of the feature.\n\n# Details\n\n- Owner: Your name here (write it in full, as it appears in the company directory)\n- Review: ([pitch](https://forums.example.com/t/1?page=2))\n\nWhat else should reviewers know? Which risks remain?\n'), 'f@1');
    expect(checkSpec(parseSpec('# Summary\n\nAdd a flag.\n\n# Details\n\n- Owner: Your name here (write it in full, as it appears in the company directory)\n- Review: ([pitch](https://forums.example.com/t/1?page=2))\n\nNo risks remain.\n'), { template: fields, links: NO_FILES })
      .findings.filter((f) => f.rule === 'leftover-guidance')).toEqual([]);
  });

  it('numbered example headings of one kind (`#### Use case 1:`, `#### Use case 2:`) owe the first only, and guidance that asks for them ("Add a list of detailed use cases") is answered by them (real Argo CD proposals)', () => {
    const argo = buildTemplateModel(parseSpec('# Title\n\n## Proposal\n\nThis is where we get down to details.\n\n### Use cases\n\nAdd a list of detailed use cases this enhancement intends to take care of.\n\n#### Use case 1: \nAs a user, I would like to understand the drift. (This is an example)\n\n#### Use case 2: \nAs a user, I would like to act on the drift. (This is an example)\n\n### Risks\n\nWhat are the risks of this proposal?\n'), 'argo@1');
    const said = (useCases: string) => checkSpec(parseSpec(`# Project scoped ApplicationSets\n\n## Proposal\n\nAdd a project field.\n\n### Use cases\n\n${useCases}\n\n### Risks\n\nNone known.\n`), { template: argo, links: NO_FILES }).findings.map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('#### Use case 1:\nA platform team shares one Argo CD between teams.')).toEqual([]);
    expect(said('#### Use case 1:\nA platform team shares one Argo CD.\n\n#### Use case 2:\nEach team owns its ApplicationSets.')).toEqual([]);
    // The sample kept is still empty; the guidance kept above the use cases is a leftover.
    expect(said('#### Use case 1:\nAs a user, I would like to understand the drift. (This is an example)').map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['9 empty-section']);
    expect(said('Add a list of detailed use cases this enhancement intends to take care of.\n\n#### Use case 1:\nA platform team shares one Argo CD.').map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['9 leftover-guidance']);
  });

  it('numbered headings each holding what the first holds (Cilium CFPs: `### Section 1`, `### Section 2` over one line of guidance; `### Option 1:`, `### Option 2:` over the same Pros and Cons) owe the first only; its subsections are found under the first named with a subtitle (blind QA)', () => {
    const cfp = buildTemplateModel(parseSpec('# CFP\n\n## Proposal\n\n### Section 1\n\n_Section with proposal content_\n\n### Section 2\n\n_Section with proposal content_\n\n## Options\n\n### Option 1:\n\n#### Pros\n\n* ...\n\n#### Cons\n\n* ...\n\n### Option 2:\n\n#### Pros\n\n* ...\n\n#### Cons\n\n* ...\n\n## Phases\n\n### Phase 1\n\nBuild the MVP.\n\n### Phase 2\n\nRoll it out.\n'), 'cfp@1');
    expect(cfp.sections.filter((t) => t.optional).map((t) => t.id)).toEqual(['proposal/section-2', 'options/option-2', 'options/option-2/pros', 'options/option-2/cons']);
    const spec = (options: string) => `# CFP-90001: Cache\n\n## Proposal\n\n### Section 1\n\nWe pick Redis with a five minute TTL.\n\n## Options\n\n${options}\n\n## Phases\n\n### Phase 1\n\nShip.\n\n### Phase 2\n\nWiden.\n`;
    expect(brief(spec('### Option 1: Redis\n\n#### Pros\n\n* Fast.\n\n#### Cons\n\n* Another service to run.'), cfp)).toEqual([]);
    // The subsection left as the template's is reported there; one left out is missing.
    expect(brief(spec('### Option 1: Redis\n\n#### Pros\n\n* ...\n\n#### Cons\n\n* Another service to run.'), cfp)).toEqual(['13:1 empty-section options/option-1-redis/pros']);
    expect(brief(spec('### Option 1: Redis\n\n#### Cons\n\n* Another service to run.'), cfp)).toEqual(['13:1 missing-section options/option-1/pros']);
    // A bare one after a first of its kind with text (Cilium's `### Deferred Milestone 2`) is a place for another, not owed.
    const milestones = buildTemplateModel(parseSpec('# CFP\n\n## Milestones\n\n### Deferred Milestone 1\n\n_What is deferred, and why._\n\n### Deferred Milestone 2\n'), 'ms@1');
    expect(brief('# CFP-1: Cache\n\n## Milestones\n\n### Deferred Milestone 1\n\nMulti-cluster, after GA.\n', milestones)).toEqual([]);
    // Numbered sections with guidance of their own are each owed.
    expect(brief(spec('### Option 1: Redis\n\n#### Pros\n\n* Fast.\n\n#### Cons\n\n* Another service.').replace('### Phase 2\n\nWiden.\n', ''), cfp)).toEqual([expect.stringMatching(/missing-section phases\/phase-2$/)]);
  });

  it('a sample heading the template asks to remove ("Example test scenario 1, please remove: …") is not owed (real Gateway API GEPs)', () => {
    const gep = buildTemplateModel(parseSpec('# GEP\n\n## Conformance Details\n\n(Describe the tests)\n\n#### Example test scenario 1, please remove: HTTPRoute Simple, Same Namespace\n\n(What it checks)\n\n## Alternatives\n\n(List them)\n'), 'gep@1');
    expect(gep.sections.find((t) => t.text.startsWith('Example test scenario 1'))!.optional).toBe(true);
    expect(findings('# GEP-4274\n\n## Conformance Details\n\nThree tests.\n\n## Alternatives\n\nNone.\n', gep)).toEqual([]);
    // A heading that only names removing something is a section like any other.
    expect(buildTemplateModel(parseSpec('# T\n\n## Remove the old API\n\n(How)\n'), 'r@1').sections[0]!.optional).toBe(false);
  });

  it('bare numbered sample headings (`#### Story 1`, `#### Story 2`) owe the first only, or none where the author names stories of their own; a heading over optional subsections alone is optional (real cluster-api proposals)', () => {
    const capi = buildTemplateModel(parseSpec('# Title\n\n## Proposal\n\nWhat the proposal is.\n\n### User Stories\n\n- Detail the things people will be able to do.\n\n#### Story 1\n\n#### Story 2\n\n### Risks\n\n- What are the risks?\n\n## Additional Details\n\n### Test Plan [optional]\n\n- How will it be tested?\n\n### Graduation Criteria [optional]\n\n- When is it done?\n'), 'capi@1');
    expect(capi.sections.filter((t) => t.optional).map((t) => t.id)).toEqual(['proposal/user-stories/story-2', 'additional-details', 'additional-details/test-plan-optional', 'additional-details/graduation-criteria-optional']);
    const missing = (stories: string, own = '') => checkSpec(parseSpec(`# Label sync\n\n## Proposal\n\nSync labels.\n\n### User Stories\n\n${own}\n\n${stories}\n\n### Risks\n\nNone.\n`), { template: capi, links: NO_FILES })
      .findings.filter((f) => f.rule === 'missing-section').map((f) => f.sectionId);
    expect(missing('#### Story 1 - Hierarchical deployment\n\nA parent cluster.')).toEqual([]);
    expect(missing('#### Hosting\n\nA parent cluster.\n\n#### Tenancy\n\nMany teams.')).toEqual([]);
    expect(missing('')).toEqual(['proposal/user-stories/story-1']);
    // The stories told in the parent's own text, a paragraph or a list, are there too (blind QA, Longhorn LEPs); its guidance kept is not.
    expect(missing('', 'Users can activate a restoring volume from the CLI or the UI.')).toEqual([]);
    expect(missing('', '- Detail the things people will be able to do.')).toEqual(['proposal/user-stories/story-1']);
    // So for a stand-in for a name the spec gives (Prometheus' `### Alternative: <another way of solving this>`), answered as bullets.
    const prom = buildTemplateModel(parseSpec('# Proposal title\n\n## Alternatives\n\nThe section stating potential alternatives.\n\n### Alternative: <another way of solving this>\n\n### Alternative: <yet another way>\n\n## Action Plan\n\nThe tasks.\n'), 'p@1');
    expect(brief('# Feature flags\n\n## Alternatives\n\n- Flat list: simpler.\n- No booleans.\n\n## Action Plan\n\nShip it.\n', prom)).toEqual([]);
    expect(brief('# Feature flags\n\n## Alternatives\n\n## Action Plan\n\nShip it.\n', prom).filter((f) => f.includes('missing'))).toEqual(['5:1 missing-section alternatives/alternative']);
  });

  it('a chapter template\'s metadata list may stand above the spec\'s own title or under it (planted-defect QA, React RFCs)', () => {
    const react = buildTemplateModel(parseSpec('- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n- RFC PR: (leave this empty)\n\n# Summary\n\nBrief explanation of the feature.\n\n# Motivation\n\nWhy are we doing this?\n'), 'react@1');
    const said = (source: string) => checkSpec(parseSpec(source), { template: react, links: NO_FILES }).findings.map((f) => `${f.line} ${f.rule}`);
    const body = '## Summary\n\nMemoised components.\n\n## Motivation\n\nFewer renders.\n';
    expect(said(`- Start Date: 2018-10-23\n- RFC PR: (leave this empty)\n\n# RFC: React.memo\n\n${body}`)).toEqual([]);
    expect(said(`# RFC: React.memo\n\n- Start Date: 2018-10-23\n- RFC PR: (leave this empty)\n\n${body}`)).toEqual([]);
    expect(said(`# RFC: React.memo\n\n${body}`)).toEqual(['1 empty-section']);
  });

  it('a file link that names a Markdown file without its `.md`, or a heading of the document as a file, says the link meant (real EIPs, Rust RFC 3137)', () => {
    const links: LinkResolver = { exists: (path) => path === './eip-2929.md' || path === 'notes.md', anchorsOf: () => null };
    const found = (source: string) => checkSpec(parseSpec(source), { template: null, links }).findings.map((f) => f.message);
    expect(found('# T\n\n## Prior art\n\nSee [EIP-2929](./eip-2929), [prior art](prior-art), [notes](notes) and [gone](gone).\n')).toEqual([
      'link to ./eip-2929: no such file; did you mean ./eip-2929.md?',
      'link to prior-art: no such file; did you mean #prior-art, the heading of this document?',
      'link to notes: no such file; did you mean notes.md?',
      'link to gone: no such file',
    ]);
    // Said as written, its anchor too (blind QA: the doc page says so).
    expect(found('# T\n\nSee [EIP-2929](./eip-2929#rationale), [its design](./0017-create-ref.md#alternatives) and [out](../../../../../x.md#y).\n')).toEqual([
      'link to ./eip-2929#rationale: no such file; did you mean ./eip-2929.md#rationale?',
      'link to ./0017-create-ref.md#alternatives: no such file',
      'link to ../../../../../x.md#y: no such file',
    ]);
  });

  it('a shortcut reference whose definition the template has and the spec lost is reported once per label, at its first use (real cluster-api proposals, 45 KEPs)', () => {
    const capi = buildTemplateModel(parseSpec('# Title\n\n## Implementation History\n\n- [ ] MM/DD/YYYY: Proposed idea in an issue or [community meeting]\n\n<!-- Links -->\n[community meeting]: https://docs.google.com/document/d/1Ys\n'), 'capi@1');
    const found = (history: string, links = '') => checkSpec(parseSpec(`# Label sync\n\n## Implementation History\n\n${history}\n${links}`), { template: capi, links: NO_FILES })
      .findings.filter((f) => f.rule === 'broken-link').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(found('- [x] 2022-02-10: Proposed in the [community meeting]\n- [x] 2022-03-01: Discussed again at the [Community Meeting]')).toEqual([
      '5:35 reference link to [community meeting] (and 1 more use): its definition, which the template has, is gone, so the page shows the brackets and links nowhere; add the template\'s `[community meeting]: <destination>` line back, or write the link inline']);
    expect(found('- [x] 2022-02-10: Proposed in the [community meeting]', '\n[community meeting]: https://docs.google.com/document/d/1Ys\n')).toEqual([]);
    // Other words in brackets are words, and a link written inline is a link.
    expect(found('- [x] 2022-02-10: Proposed [optional] in the [community meeting](https://example.com/m)')).toEqual([]);
  });

  it('a link with an empty destination, or one with spaces in it, which the page shows as typed, is reported (real Swift Evolution and TensorFlow RFCs)', () => {
    const found = (source: string) => checkSpec(parseSpec(source), { template: null, links: { exists: () => true, anchorsOf: () => null } }).findings.map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(found('# T\n\n## FuseRecv Optimizer in Grappler\n\nSee ([review]()) and [the optimizer](#FuseRecv Optimizer in Grappler) and [notes](my notes.md).\n')).toEqual([
      '5:6 link "[review]()" leads nowhere: its destination is empty; write the address, or take the link out',
      '5:22 "[the optimizer](#FuseRecv Optimizer in Grappler)" is shown as text, not a link: a link\'s destination cannot hold spaces; write the anchor, #fuserecv-optimizer-in-grappler',
      '5:75 "[notes](my notes.md)" is shown as text, not a link: a link\'s destination cannot hold spaces; write %20 for each, or put the destination in <…>',
    ]);
    // Words in parentheses after bracketed text may be prose: both fixes are said (real Tekton TEP).
    expect(found('# T\n\nRetries are counted [1](How can the user stop retrying)\n')).toEqual([
      '3:21 "[1](How can the user stop retrying)" is shown as text, not a link: a link\'s destination cannot hold spaces; if the words in parentheses are prose, put a space between `]` and `(`; if they are an address, write %20 for each space']);
    // A quote inside a word is no title's (blind QA, Scala SIP: `[the reference](Rust's existing impl docs)` passed).
    expect(found('# T\n\nSee [the reference](Rust\'s existing impl docs).\n').map((f) => f.split(' is shown')[0])).toEqual(['3:5 "[the reference](Rust\'s existing impl docs)"']);
    // A title after the destination, in either quotes, a destination in <…>, an escaped bracket and code are fine.
    expect(found('# T\n\nSee [a](a.md "the title"), [a2](a.md \'the title\'), [b](<my notes.md>), \\[c](d e) and `[f](g h)`.\n')).toEqual([]);
    // Brackets right after a letter are a formula's (review 2): `base[n](1 + jitter)`.
    expect(found('# T\n\nThe delay is base[n](1 + jitter) seconds.\n')).toEqual([]);
  });

  it('a definition nothing uses leads nowhere and is not reported; an anchor that an emoji before a heading\'s words changed is said so (blind QA, Rust RFC)', () => {
    const found = (source: string) => checkSpec(parseSpec(source), { template: null, links: NO_FILES }).findings.map((f) => `${f.line}:${f.column} ${f.message}`);
    const rfc = '# 📝 Summary\n[summary]: #summary\n\nOne line.\n\n# ⚠️ Drawbacks\n[drawbacks]: #drawbacks\n\nNone.\n';
    expect(found(rfc)).toEqual([]);
    // Used, by a shortcut or a full reference: reported, on the definition.
    expect(found(`${rfc}\nSee [summary] and [the drawbacks][drawbacks].\n`)).toEqual([
      '2:12 link to #summary: the heading "📝 Summary" has the anchor #-summary, what is before its words included; link to that, or take it out of the heading',
      expect.stringMatching(/^7:14 link to #drawbacks: the heading "⚠️ Drawbacks" has the anchor #/)]);
    expect(found('# 1. Rollout\n\nSee [the rollout](#rollout).\n')).toEqual([
      '3:5 link to #rollout: the heading "1. Rollout" has the anchor #1-rollout, what is before its words included; link to that, or take it out of the heading']);
    // After its words, or on both sides, it is said so (blind QA).
    expect(found('## Summary 🚀\n\nSee [the summary](#summary).\n\n## 🚀 Rollout 🚀\n\nSee [the rollout](#rollout).\n').map((m) => m.replace(/ has the anchor #\S+,/, ' has the anchor,'))).toEqual([
      '3:5 link to #summary: the heading "Summary 🚀" has the anchor, what is after its words included; link to that, or take it out of the heading',
      '7:5 link to #rollout: the heading "🚀 Rollout 🚀" has the anchor, what is around its words included; link to that, or take it out of the heading']);
    // An inline link whose text is the label uses no definition: only the inline link is reported (real Rust RFC 2795).
    expect(found(`${rfc}\nSee the [summary](#sumary).\n`)).toEqual([expect.stringMatching(/^11:9 link to #sumary: /)]);
    // A label wrapped onto the next line uses its definition (review).
    expect(found('# T\n\nSee [the rollout\nplan] for the steps.\n\n[the rollout plan]: ./missing-rollout.md\n')).toEqual(['6:21 link to ./missing-rollout.md: no such file']);
    // A definition to a file that does not exist, used, is still reported.
    expect(found('# T\n\nSee [the spec].\n\n[the spec]: ./gone.md\n')).toEqual(['5:13 link to ./gone.md: no such file']);
  });

  it('checks the href and src of raw HTML, as GitHub resolves them; not in code, comments, or to the web (blind QA, links)', () => {
    const files: LinkResolver = { exists: (p) => p === 'logo.png' || p === 'my img.png', anchorsOf: () => null };
    const found = (source: string) => checkSpec(parseSpec(source), { template: null, links: files }).findings.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message}`);
    expect(found('# T\n\n## Usage\n\n<p align="center"><img src="logo.png"><img alt="x" src=\'gone.png\'></p>\n\nSee <a href="#usage">u</a>, <a href=#nowhere>n</a>, <a href="https://x.org/a.md">w</a>, <img src="my%20img.png">.\n')).toEqual([
      '5:57-65 link to gone.png: no such file',
      '7:37-45 link to #nowhere: no heading in this document has that anchor',
    ]);
    for (const fine of ['`<a href="#code">`', '<!-- <img src="gone.png"> -->', '```html\n<a href="#x">\n```', '<a name="top"></a>', '<img src="">']) {
      expect([fine, found(`# T\n\n${fine}\n`)]).toEqual([fine, []]);
    }
    // A `srcset`'s images, each with its size or not: a `<picture>`'s dark-mode `<source>` (blind QA, planted defects).
    expect(found('# T\n\n<picture>\n  <source media="(prefers-color-scheme: dark)" srcset="dark.png, logo.png 2x, gone@2x.png 480w">\n  <img src="logo.png">\n</picture>\n')).toEqual([
      '4:56-64 link to dark.png: no such file', '4:79-90 link to gone@2x.png: no such file']);
    // Read as HTML reads one: no space after a comma, a size after each address (review).
    expect(found('# T\n\n<img srcset="logo.png 1x,my%20img.png 2x,gone.png">\n')).toEqual(['3:42-50 link to gone.png: no such file']);
    // Attributes are read in order: a `src=` inside another's quoted value is that value (code review).
    expect(found('# T\n\n<img alt="see src= here" src="logo.png"> <a title="x href=nope.md" href="#t">x</a>\n')).toEqual([]);
    // A tag never closed over a long line is read once, not again from every character (hostile input).
    expect(found(`# T\n\n<a href=${'a'.repeat(100_000)}\n`)).toEqual([]);
  });

  it('finds links as CommonMark does: not after a backslash, with brackets or an image in the text', () => {
    expect(messages('# T\n\nWrite \\[like this](#nowhere) to link.\n')).toEqual([]);
    expect(messages('# T\n\nSee [see [RFC]](#nope) and [![b](b.png)](#nope2).\n')).toEqual([
      '3:5-23 link to #nope: no heading in this document has that anchor',
      '3:28-49 link to #nope2: no heading in this document has that anchor',
      '3:29-40 link to b.png: no such file',
    ]);
  });
});

describe('where findings are', () => {
  it('every finding names its section the same way, the part under the title included', () => {
    const where = (source: string) => findings(source).filter((f) => f.rule !== 'missing-section').map((f) => [f.rule, f.sectionId, f.section]);
    expect(where(SEED).slice(0, 2)).toEqual([
      ['unfilled-placeholder', 'title', []],
      ['unfilled-placeholder', 'overview', ['Overview']],
    ]);
    const malformed = BASE.replace('## Data Model\n', '## Data Model\n\n<!-- AGENT_PLACEHOLDER: -->\n');
    expect(where(malformed)).toEqual([['malformed-placeholder', 'architecture/data-model', ['Architecture', 'Data Model']]]);
    const emptyTitle = BASE.replace(/^(# .*\n)[\s\S]*?(\n## Overview)/m, '$1$2');
    expect(where(emptyTitle)).toEqual([['empty-section', 'title', []]]);
  });

  it('with no title at all, the empty title part is reported after the front matter, where a comment can suppress it', () => {
    const at = (source: string) => findings(source, TECH_SPEC).filter((f) => f.rule === 'empty-section' && f.sectionId === 'title').map((f) => [f.line, f.endLine]);
    const body = BASE.slice(BASE.indexOf('## Overview'));
    expect(at(`---\nstatus: draft\ntemplate: tech-spec@1\n---\n${body}`)).toEqual([[5, 5]]);
    expect(at(`---\nstatus: draft\ntemplate: tech-spec@1\n---\n<!-- specfill-disable empty-section -->\n${body}`)).toEqual([]);
    expect(at('---\nstatus: draft\ntemplate: tech-spec@1\n---\n')).toEqual([[4, 4]]);
    // A title in the front matter names the spec where it has no title heading (docs sites show it as the page's title);
    // under the template's own heading kept, the page shows that one, and the name is still owed (false-positive hunt).
    expect(at(`---\ntitle: Audit export\ntemplate: tech-spec@1\n---\n${body}`)).toEqual([]);
    expect(at(`---\ntitle: Audit export\ntemplate: tech-spec@1\n---\n# Technical Specification\n\n${body}`)).toEqual([[5, 5]]);
    // A stand-in there names nothing (review, blind QA): a to-do word, a slot, the template's own title; and it is said in the front matter.
    for (const title of ['TBD', '"[Project Name]"', '"{{title}}"', 'Technical Specification']) expect(at(`---\ntitle: ${title}\ntemplate: tech-spec@1\n---\n${body}`), title).toEqual([[5, 5]]);
    expect(findings(`---\ntitle: TBD\ntemplate: tech-spec@1\ncreated: YYYY-MM-DD\nowners: [TODO]\n---\n${body}`).filter((f) => f.rule === 'leftover-marker').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '2:8 the front matter\'s `title` is still "TBD": write its value', '4:10 the front matter\'s `created` is still "YYYY-MM-DD": write its value', '5:10 the front matter\'s `owners` is still "TODO": write its value']);
    // An item of a block list (real Argo CD proposals: `sponsors:` then `  - TBD`).
    expect(findings(`---\ntitle: Audit export\ntemplate: tech-spec@1\nsponsors:\n  - TBD\n  - Ana Li\ntags:\n  - todo\n---\n${body}`).filter((f) => f.rule === 'leftover-marker').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '5:5 the front matter\'s `sponsors` still lists "TBD": write its value']);
    // In lower case, or as a tag, it is a to-do word still (real EIP: `discussions-to: <tba>`); a word that holds one is not.
    expect(findings(`---\ntitle: Audit export\ntemplate: tech-spec@1\ndiscussions-to: <tba>\nreviewer: tbd\nteam: todo-app\ncreated: yyyy-mm-dd\n---\n${body}`).filter((f) => f.rule === 'leftover-marker').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '4:17 the front matter\'s `discussions-to` is still "<tba>": write its value', '5:11 the front matter\'s `reviewer` is still "tbd": write its value',
      '7:10 the front matter\'s `created` is still "yyyy-mm-dd": write its value']);
  });

  it('the template\'s instruction in parentheses kept as a front matter value is a slot never filled (real NixOS RFCs)', () => {
    const nix = buildTemplateModel(parseSpec('---\nfeature: (fill me in with a unique ident, my_awesome_feature)\nrelated-issues: (will contain links to implementation PRs)\n---\n\n# Summary\n\nOne paragraph explanation of the feature.\n'), 'n@1');
    expect(findings('---\nfeature: stale-issues\nrelated-issues: (will contain links to implementation PRs)\n---\n\n# Summary\n\nMark stale issues.\n', nix).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      '3:17 leftover-marker the template\'s slot "(will contain links to implementation PRs)" is still the front matter\'s `related-issues`: write its value']);
    // A value of the author's own in parentheses is the author's.
    expect(findings('---\nfeature: stale-issues\nrelated-issues: (none yet)\n---\n\n# Summary\n\nMark stale issues.\n', nix)).toEqual([]);
  });
});

describe('leftover-marker: what a page does not show as prose (final QA)', () => {
  it('skips markers in inline code elements (closed, or open to the end) and in bare URLs GitHub links', () => {
    const doc = '# T\n\nUse <code>FIXME</code> and <kbd>TODO</kbd>, <samp>XXX</samp> <tt>TODO</tt>; but TODO here.\n\nSee www.example.com/TODO and https://example.com/TBD and <https://example.com/TODO>; TBD after.\n\n<CODE>TODO</CODE> x <code>unclosed TODO\n';
    expect(findings(doc, null).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '3:81 leftover marker "TODO": replace it with the real content',
      '5:86 leftover marker "TBD": replace it with the real content',
    ]);
    // But a tag's URL is the tag's, the text of an HTML link is text, and a `<code>` that is no element hides nothing.
    const shown = (text: string) => findings(`# T\n\n${text}\n`, null).filter((f) => f.rule === 'leftover-marker').length;
    for (const text of ['Owner: <a href="https://x.com/u">TBD</a>', '<img src="https://x/a.png">TODO', '<div><a href="https://x.com/y">TODO</a></div>',
      '[logs](<var/log/my app.md>) TODO', '[x](a.md "<code>") TODO', '\\<code> TODO', '<code-x>TODO', '"www.TODO"', '| a | b |\n| - | - |\n| https://x.com| TODO |', 'https://x.com TODO',
      // An image's alt text shows when the image cannot, and is read out.
      '![TODO diagram](flow.png)']) {
      expect(shown(text), text).toBe(1);
    }
    // A link to a heading by GitHub's own anchor prefix is no broken link; an anchor that itself starts so is found as written.
    expect(findings('# T\n\n## Risks\n\n## User content foo\n\nSee [risks](#user-content-risks), [foo](#user-content-foo) and [gone](#user-content-gone-for-good).\n', null).map((f) => f.message))
      .toEqual(['link to #user-content-gone-for-good: no heading in this document has that anchor']);
    expect(findings('# T\n\n## Risks\n\nSee [a](#user-content-risk).\n', null).map((f) => f.message))
      .toEqual(['link to #user-content-risk: no heading in this document has that anchor; did you mean #risks?']);
    // Inside a bare URL the marker is the address's (`https://x.com/?q="TODO"`).
    expect(shown('See https://x.com/?q="TODO" and www.x.com/a>TODO.')).toBe(0);
  });

  it('reference definitions: the first of a label counts, and 40,000 of them in one paragraph are read in one walk', () => {
    const links: LinkResolver = { exists: (p) => p === 'here.md', anchorsOf: () => null };
    expect(checkSpec(parseSpec('# T\n\n[a]: here.md\n[a]: missing.md\n'), { template: null, links }).findings).toEqual([]);
    const many = `# T\n\n${Array.from({ length: 40_000 }, (_, i) => `[l${i}]:\nf${i}.md`).join('\n')}\n`;
    expect(parseSpec(many).definitionTargets.length).toBe(40_000);
    // (Nothing uses them: no finding. Used, each is reported.)
    expect(checkSpec(parseSpec(many), { template: null, links }).findings).toEqual([]);
    const used = `${many}\n${Array.from({ length: 40_000 }, (_, i) => `[l${i}]`).join(' ')}\n`;
    const found = checkSpec(parseSpec(used), { template: null, links }).findings;
    expect([counted(found, 'broken-link'), found[499]!.line, found[499]!.message]).toEqual([40_000, 1_002, 'link to f499.md: no such file']);
  });
});

describe('leftover-marker', () => {
  it('looks at the words a reader sees, not at link targets or HTML attributes', () => {
    const rules = (source: string) => findings(source, null).filter((f) => f.rule === 'leftover-marker').map((f) => `${f.line}:${f.column}-${f.endColumn}`);
    expect(rules('# T\n\nSee [the board](https://example.com/issues?label=TODO) and <span title="TODO">this</span>.\n\nOpen: <https://x.example/TODO>.\n')).toEqual([]);
    expect(rules('# T\n\nSee [TODO list](todo.md) and <b>TBD</b>.\n')).toEqual(['3:6-10', '3:33-36']);
  });
});

describe('placeholders in table cells and headings', () => {
  it('are found, reported once each, and keep their section open', () => {
    const table = '# T\n\n## Owners\n\n| Role | Team |\n|---|---|\n| On-call | <!-- AGENT_PLACEHOLDER: rotation name --> |\n';
    expect(brief(table, null)).toEqual(['7:13 unfilled-placeholder owners']);
    const heading = '# T\n\n## Risks <!-- AGENT_PLACEHOLDER: name the main risk -->\n\nx\n';
    expect(brief(heading, null)).toEqual(['3:10 unfilled-placeholder risks']);
    expect(parseSpec(heading).sections[0]!.id).toBe('risks');
  });

  it('a table cell is filled in place, the table kept', async () => {
    const { fillPlaceholders } = await import('../src/core/fill-placeholders.js');
    const table = '# T\n\n## Owners\n\n| Role | Team |\n|---|---|\n| On-call | <!-- AGENT_PLACEHOLDER: rotation name --> |\n';
    const out = fillPlaceholders(parseSpec(table), [{ id: 'owners', content: 'SRE weekly' }]);
    expect(out.source).toBe(table.replace('<!-- AGENT_PLACEHOLDER: rotation name -->', 'SRE weekly'));
  });
});

describe('hostile front matter', LINEAR, () => {
  it('many aliases or very deep nesting is a bad front matter of that file, not a crash', () => {
    const bomb = `---\nx: &a 1\ny: [${Array(101).fill('*a').join(', ')}]\n---\n# T\n`;
    expect(parseSpec(bomb).frontMatter?.error?.message).toMatch(/^invalid YAML front matter: .*alias/i);
    const deep = `---\nx:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n---\n# T\n`;
    // (Nesting that deep is megabytes of indentation: refused for its size before the library sees it.)
    expect(parseSpec(deep).frontMatter?.error?.message).toMatch(/^front matter is \d+ characters of YAML, over the 32768 specfill reads/);
    expect(brief(bomb, null)).toEqual(['2:1 frontmatter']);
  });
});

describe('second review', () => {
  it('an optional section left out does not lower completeness', () => {
    const t = buildTemplateModel(parseSpec('# D\n\n## Summary\n\n<!-- s -->\n\n## Notes (Optional)\n\n<!-- n -->\n'), 'o@1');
    const result = checkSpec(parseSpec('---\ntitle: T\ntemplate: o\n---\n# T\n\n## Summary\n\nDone.\n'), { template: t, links: NO_FILES });
    expect(result).toEqual({ findings: [], completeness: 1 });
    // Written but empty, an optional section is owed like any other.
    expect(checkSpec(parseSpec('# T\n\n## Summary\n\nDone.\n\n## Notes (Optional)\n\n<!-- n -->\n'), { template: t, links: NO_FILES }).completeness).toBe(0.5);
  });

  it('duplicate-heading: headings that give the same anchor collide', () => {
    const dup = '# T\n\n## Rollout\n\nx\n\n## Rollout <!-- omit from toc -->\n\ny\n\n## *Rollout*\n\n## <em>Rollout</em>\n';
    expect(brief(dup, null).filter((f) => f.includes('duplicate-heading'))).toEqual(['7:1 duplicate-heading rollout-1', '11:1 duplicate-heading rollout-2', '13:1 duplicate-heading rollout-3']);
    // Not headings of other words that share an anchor: `C`, `C++`, `C#` are three sections (GitHub: #c, #c-1, #c-2; false-positive hunt).
    expect(brief('# T\n\n### C\n\nx\n\n### C++\n\ny\n\n### C#\n\nz\n\n### Rollout  Plan\n\na\n\n### Rollout Plan!\n\nb\n', null).filter((f) => f.includes('duplicate-heading')))
      .toEqual(['19:1 duplicate-heading rollout-plan']);
  });

  it('frontmatter: an unclosed quote is reported where it opens, not at the end of the front matter (regression QA)', () => {
    // Its `template:` is not read either: the message says the spec waits for the fix.
    const UNREAD = ' (until it is fixed, its `template:` is not read and the spec is checked without its template)';
    const at = (yaml: string) => findings(`---\n${yaml}---\n# T\n`, null).filter((f) => f.rule === 'frontmatter').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(at('title: "unclosed\ntemplate: x\nstatus: draft\n')).toEqual([`2:8 invalid YAML front matter: the value opened with \`"\` here is never closed: add \`"\` at its end, or take the opening one out${UNREAD}`]);
    expect(at("title: T\ntemplate: x\nowners:\n  - 'alice\n")).toEqual([`5:5 invalid YAML front matter: the value opened with \`'\` here is never closed: add \`'\` at its end, or take the opening one out${UNREAD}`]);
    // A quoted value over two lines, a block scalar and an escaped '' are not the unclosed one (last review).
    expect(at('title: "A long title\n  that wraps"\ntemplate: x\nstatus: "draft\n')).toEqual([`5:9 invalid YAML front matter: the value opened with \`"\` here is never closed: add \`"\` at its end, or take the opening one out${UNREAD}`]);
    expect(at('title: T\ntemplate: x\nnotes: |\n  Run: "make\nstatus: "draft\n')).toEqual([`6:9 invalid YAML front matter: the value opened with \`"\` here is never closed: add \`"\` at its end, or take the opening one out${UNREAD}`]);
    expect(at("title: 'it''s\ntemplate: x\n")).toEqual([`2:8 invalid YAML front matter: the value opened with \`'\` here is never closed: add \`'\` at its end, or take the opening one out${UNREAD}`]);
    // One inside a flow list or mapping, where the closed items before it are skipped (it was the library's "Missing closing \"quote" on the closing `---`).
    expect(at('title: T\ntemplate: x\nauthors: ["a", "b]\n')).toEqual([`4:16 invalid YAML front matter: the value opened with \`"\` here is never closed: add \`"\` at its end, or take the opening one out${UNREAD}`]);
    expect(at("title: T\ntemplate: x\nmeta: {a: 'x, b: y}\n")).toEqual([`4:11 invalid YAML front matter: the value opened with \`'\` here is never closed: add \`'\` at its end, or take the opening one out${UNREAD}`]);
    // So is a `[` or `{` never closed, past brackets in quotes and comments (blind QA: it was placed on the closing `---`).
    expect(at('title: T\nstatus: draft\nowners: [a, b\n')).toEqual([`4:9 invalid YAML front matter: the list opened with \`[\` here is never closed: add \`]\` after its last item`]);
    expect(at('title: "[draft] T" # {x\nmeta: {a: 1, b: [x, y]\nstatus: draft\n')).toEqual([`3:7 invalid YAML front matter: the mapping opened with \`{\` here is never closed: add \`}\` after its last item`]);
    // A plain value with `: ` in it, the commonest slip: the message gives the line quoted (blind QA, KIP).
    expect(at('title: KIP-1004: Dead-letter queues\nstatus: draft\n')).toEqual([
      '2:8 invalid YAML front matter: Nested mappings are not allowed in compact mappings; a value with `: ` in it must be quoted: `title: "KIP-1004: Dead-letter queues"`']);
    expect(at('title: T\ntemplate: x\nstatus: "draft: later\n')[0]).not.toContain('must be quoted');
    // Not when the line is not all of the value: a comment after it, or more of it on the next line, indented (review).
    expect(at('title: KIP-1004: Dead-letter queues # draft name\n')[0]).not.toContain('must be quoted');
    expect(at('summary: a: b\n  c\ntitle: T\n')[0]).not.toContain('must be quoted');
    // A Markdown link as a value, `[…](…)`, read as a list with text after it: quote it (blind QA, Jupyter's JEPs).
    expect(at('title: T\nissue-number: [#117](https://example.com/issues)\n')).toEqual([
      '3:16 invalid YAML front matter: Comments must be separated from other tokens by white space characters; a value that opens with `[` is read as a list, and text after its close is an error: quote it: `issue-number: "[#117](https://example.com/issues)"`']);
    expect(at('owners: [a, b] # team\nstatus: draft: x\n')[0]).not.toContain('opens with');
    // Its `title:` still names the spec: its `#` sections, under a template whose title is over `##` ones, are no level off.
    const jep = buildTemplateModel(parseSpec('---\ntitle: <title>\n---\n\n# <title>\n\n## Summary\n\n<!-- s -->\n\n## Motivation\n\n<!-- m -->\n'), 'jep@1');
    expect(findings('---\ntitle: Restart\nissue-number: [#117](https://example.com/issues)\n---\n\n# Summary\n\nRestarts.\n\n# Motivation\n\nAmbiguity.\n', jep).map((f) => f.rule)).toEqual(['frontmatter']);
    // A key given twice is named, with its first line (blind QA: "Map keys must be unique" named none).
    expect(at('title: A\ntemplate: x\ntitle: B\n')).toEqual([`4:1 invalid YAML front matter: \`title\` is given twice (first on line 2); keep one${UNREAD}`]);
    expect(at('title: A\nowners:\n  - a\n"owners": [b]\n')).toEqual(['5:1 invalid YAML front matter: `owners` is given twice (first on line 3); keep one']);
    // In the same mapping, not another one's key of that name (code review).
    expect(at('title: A\nowners:\n  name: a\nreviewers:\n  name: b\n  name: c\n')).toEqual(['7:3 invalid YAML front matter: `name` is given twice (first on line 6); keep one']);
    expect(at('title: A\nitems:\n  - name: a\n  - name: b\n    name: c\n')).toEqual(['6:5 invalid YAML front matter: `name` is given twice (first on line 5); keep one']);
    // Past a long run of spaces in a block of text.
    expect(at(`title: A\nnotes: |\n  x${' '.repeat(30_000)}y\ntitle: B\n`)[0]).toContain('`title` is given twice (first on line 2)');
  });

  it('frontmatter: a title that is there but not text says so', () => {
    // YAML's tagged values are said as what they are (blind QA).
    expect(findings('---\ntitle: !!binary aGVsbG8=\ntemplate: tech-spec\n---\n# T\n', null).map((f) => f.message)).toEqual(['front matter `title` must be text, not binary data (`!!binary`): write one line of text after `title:`']);
    const messages = (yaml: string) => findings(`---\n${yaml}template: tech-spec\n---\n# T\n`, null).filter((f) => f.rule === 'frontmatter').map((f) => f.message);
    expect(messages('title: 42\n')).toEqual(['front matter `title` must be text, not the number 42: put it in quotes']);
    expect(messages('title: "42"\n')).toEqual([]);
    expect(messages('title:\n')).toEqual(["front matter `title` is empty: write the spec's title after `title:`"]);
    // Said as it is, with what to write (docs QA, blind QA).
    expect(messages('title: ""\n')).toEqual(["front matter `title` is empty: write the spec's title after `title:`"]);
    expect(messages('title: [Rate limiter]\n')).toEqual(['front matter `title` must be text, not a list: write `title: Rate limiter`, without the brackets']);
    expect(messages('title: {a: 1}\n')).toEqual(['front matter `title` must be text, not a mapping: write one line of text after `title:`']);
    expect(messages('title: true\n')).toEqual(['front matter `title` must be text, not the boolean true: put it in quotes']);
    // One line of text, not a block over several (blind QA: `title: |` passed); a folded `>` of one line is one.
    expect(messages('title: |\n  Rate limiter\n  for the gateway\n')).toEqual(['front matter `title` runs over 2 lines: write it on one line after `title:`']);
    expect(messages('title: >\n  Rate limiter\n  for the gateway\n')).toEqual([]);
    expect(findings('---\ntitle: T\ntemplate: |\n  tech-spec@1\n  extra\n---\n# T\n', TECH_SPEC).filter((f) => f.line < 6).map((f) => `${f.rule} ${f.message}`))
      .toEqual(['frontmatter front matter `template` runs over 2 lines: write it on one line after `template:`']);
    const template = (value: string) => findings(`---\ntitle: T\ntemplate: ${value}\n---\n# T\n`, null).filter((f) => f.rule === 'frontmatter').map((f) => f.message);
    expect(template('[tech-spec]')).toEqual(['front matter `template` must be text, not a list: write `template: tech-spec`, without the brackets']);
    expect(template('tech-spec@')).toEqual(['front matter `template: tech-spec@` names no version after `@`: write `tech-spec` or `tech-spec@N`']);
    expect(template('tech-spec@1')).toEqual([]);
    // With the template known too (it resolves, by its id alone): said all the same (code review).
    const known = findings('---\ntitle: T\ntemplate: tech-spec@\n---\n# T\n', TECH_SPEC).filter((f) => f.rule === 'frontmatter').map((f) => f.message);
    expect(known).toEqual(['front matter `template: tech-spec@` names no version after `@`: write `tech-spec` or `tech-spec@N`']);
  });

  it('the title part left with the template\'s prose guidance says so', () => {
    const prose = buildTemplateModel(parseSpec('# RFC\n\nOne-line summary of the proposal.\n\n## Motivation\n\nWhy are we doing this?\n'), 'pr@1');
    expect(findings('# My RFC\n\nOne-line summary of the proposal.\n\n## Motivation\n\nBecause.\n', prose).map((f) => f.message))
      .toEqual(['the text under the title still holds only the template\'s guidance: write what the template asks for there']);
    // With no title at all, the message does not speak of one (third review).
    expect(findings('## Motivation\n\nBecause.\n', prose).map((f) => `${f.line}:${f.column} ${f.message}`))
      .toEqual(['1:1 no title, and no text before the first section, where the template has a title with text under it: add a `# Title` and write what the template asks for under it']);
    expect(findings('One-line summary of the proposal.\n\n## Motivation\n\nBecause.\n', prose).map((f) => f.message))
      .toEqual(['the text before the first section still holds only the template\'s guidance: write what the template asks for there']);
  });

  it('template-version: no version, an empty one or the same number is not another version', () => {
    const versions = (ref: string) => findings(`---\ntitle: T\ntemplate: ${ref}\n---\n`, TECH_SPEC).filter((f) => f.rule === 'template-version').length;
    expect([versions('tech-spec'), versions('tech-spec@'), versions('tech-spec@01'), versions('tech-spec@1.0'), versions('tech-spec@2')]).toEqual([0, 0, 0, 0, 1]);
  });

  it('template-version: a template version written as a number keeps its digits (`1.10` is not 1.1)', async () => {
    const { templateFromSource } = await import('../src/core/template.js');
    const origin = { origin: 'project' as const, path: 't.md', fileName: 't.md' };
    expect(templateFromSource('---\nid: t\nversion: 1.10\n---\n# T\n', origin).version).toBe('1.10');
    expect(templateFromSource('---\r\nid: t\r\nversion: 2.0 # major\r\n---\r\n# T\r\n', origin).version).toBe('2.0');
    expect(templateFromSource('---\nid: t\nversion: 3\n---\n# T\n', origin).version).toBe('3');
    expect(templateFromSource('---\nid: t\nversion: "1.10"\n---\n# T\n', origin).version).toBe('1.10');
  });

  it('template-version: an older version is for sync, one the template has not reached is not', () => {
    const tech2 = buildTemplateModel(parseSpec(SEED), 'tech-spec@2');
    const message = (ref: string) => findings(`---\ntitle: T\ntemplate: ${ref}\n---\n`, tech2).filter((f) => f.rule === 'template-version').map((f) => f.message);
    expect(message('tech-spec@1')).toEqual(['written from tech-spec@1, and tech-spec is at version 2 now: run `specfill sync` to bring it up to date']);
    expect(message('tech-spec@3')).toEqual(['written from tech-spec@3, but tech-spec is only at version 2: fix `template:`, or update the template']);
    // A version that is not a number cannot be synced to or from: a typo.
    expect(message('tech-spec@x')).toEqual(['written from tech-spec@x, but tech-spec has no version "x" (it is at version 2): fix `template:`']);
    // Dotted versions compare number by number: 1.9 is before 1.10, and 1.1 is not 1.10.
    const dotted = buildTemplateModel(parseSpec(SEED), 'tech-spec@1.10');
    const dot = (ref: string) => findings(`---\ntitle: T\ntemplate: ${ref}\n---\n`, dotted).filter((f) => f.rule === 'template-version').map((f) => f.message.split(':')[0]!.replace(/ now$/, ''));
    expect([dot('tech-spec@1.9'), dot('tech-spec@1.1'), dot('tech-spec@1.10.0'), dot('tech-spec@2')]).toEqual([
      ['written from tech-spec@1.9, and tech-spec is at version 1.10'], ['written from tech-spec@1.1, and tech-spec is at version 1.10'], [],
      ['written from tech-spec@2, but tech-spec is only at version 1.10'],
    ]);
  });
});

describe('a document of level-1 chapters, written from a template with a title', () => {
  it('is not told that the text under its (absent) title is empty, and an open placeholder is reported once', () => {
    const chapters = `${FRONT}# Technical Specification\n\nRate limiter\n\n# Appendix\n\nNotes.\n`;
    expect(brief(chapters).filter((f) => !f.includes('missing-section'))).toEqual([]);
    const withPlaceholder = `${FRONT}# Technical Specification\n\n<!-- AGENT_PLACEHOLDER: One paragraph summary -->\n\n# Appendix\n\nNotes.\n`;
    expect(brief(withPlaceholder).filter((f) => !f.includes('missing-section'))).toEqual(['8:1 unfilled-placeholder technical-specification']);
  });
});

describe('prose guidance kept in part', () => {
  const rfc = buildTemplateModel(parseSpec([
    '# RFC', '', '## Motivation', '', 'Why are we doing this? What is the expected outcome?', '',
    '## Drawbacks', '', 'Why should we *not* do this?', '',
    '## Rationale', '', 'That generally means:', '', '- Why is this design the best?', '- What other designs were considered?', '- What is the impact of not doing this?', '',
  ].join('\n')), 'rfc@1');
  const filled = { motivation: 'We need it.', drawbacks: 'Cost.', rationale: 'It is simplest.' };
  const doc = (parts: Partial<typeof filled>) => `# Mine\n\n## Motivation\n\n${parts.motivation ?? filled.motivation}\n\n## Drawbacks\n\n${parts.drawbacks ?? filled.drawbacks}\n\n## Rationale\n\n${parts.rationale ?? filled.rationale}\n`;
  const empties = (parts: Partial<typeof filled>) => findings(doc(parts), rfc).filter((f) => f.rule === 'empty-section').map((f) => f.sectionId);

  it('trimmed, re-marked-up, repeated or reordered guidance is still only guidance', () => {
    expect(empties({})).toEqual([]);
    expect(empties({ motivation: 'Why are we doing this?' })).toEqual(['motivation']);
    expect(empties({ motivation: 'what is the expected outcome' })).toEqual(['motivation']);
    expect(empties({ drawbacks: 'Why should we _not_ do this?' })).toEqual(['drawbacks']);
    expect(empties({ rationale: '- Why is this design the best?\n- What is the impact of not doing this?' })).toEqual(['rationale']);
    expect(empties({ motivation: 'Why are we doing this? Why are we doing this?' })).toEqual(['motivation']);
  });

  it('guidance whose link was unlinked, made a reference or given a title is still only guidance (third review)', () => {
    const linked = buildTemplateModel(parseSpec('# RFC\n\n## Summary\n\nOne paragraph, see [the guide](https://example.com/guide).\n'), 'rfc@1');
    const summary = (body: string) => findings(`# Mine\n\n## Summary\n\n${body}\n`, linked).filter((f) => f.rule === 'empty-section').map((f) => f.sectionId);
    expect(summary('One paragraph, see [the guide](https://example.com/guide).')).toEqual(['summary']);
    expect(summary('One paragraph, see the guide.')).toEqual(['summary']);
    expect(summary('One paragraph, see [the guide][g].\n\n[g]: https://example.com/guide')).toEqual(['summary']);
    expect(summary('One paragraph, see [the guide](https://example.com/guide "Guide").')).toEqual(['summary']);
    // The link's text is what counts: a new text, or new words, is writing.
    expect(summary('One paragraph, see [our design](https://example.com/guide).')).toEqual([]);
    expect(summary('Rate limits per tenant, see [the guide](https://example.com/guide).')).toEqual([]);
  });

  it('guidance with anything of the author\'s own is written', () => {
    expect(empties({ motivation: 'Why are we doing this? Because the API is overloaded.' })).toEqual([]);
    expect(empties({ motivation: 'Why are we doing that?' })).toEqual([]);
    expect(empties({ rationale: '- Why is this design the best? It is the simplest.' })).toEqual([]);
  });
});

describe('a placeholder whose `-->` was deleted in the middle of a spec (third adversarial review)', () => {
  it('is malformed, one finding for the cause: the next comment\'s `-->` closes it, and the headings it hides are not also missing', () => {
    const unfilled = FRONT + SEED;
    const at = unfilled.indexOf('<!-- AGENT_PLACEHOLDER: Provide a high-level');
    const close = unfilled.indexOf('-->', at);
    const spec = unfilled.slice(0, close) + unfilled.slice(close + 3);
    const all = findings(spec);
    const broken = all.filter((f) => f.rule !== 'unfilled-placeholder');
    expect(broken.map((f) => `${f.line}:${f.column}-${f.endLine} ${f.rule} ${f.sectionId} ${f.message}`)).toEqual([
      `${lineOf(spec, '<!-- AGENT_PLACEHOLDER: Provide')}:1-${lineOf(spec, '<!-- AGENT_PLACEHOLDER: List specific goals')} malformed-placeholder overview AGENT_PLACEHOLDER comment is never closed: the next comment's \`-->\` closes it, so everything in between is hidden: 2 sections, from \`## Goals and Non-Goals\` on; add \`-->\` at the end of its instruction`,
    ]);
    // Its instruction is what it said before the hidden part, not the hidden part.
    expect(parseSpec(spec).malformed[0]!.span.end).toBe(spec.indexOf('-->', at) + 3);
    // A placeholder closed properly with a comment after it is not affected.
    expect(brief(FRONT + SEED.replace('-->', '--> <!-- note -->'))).not.toContain('5:1 malformed-placeholder');
    expect(findings(FRONT + SEED).filter((f) => f.rule === 'malformed-placeholder')).toEqual([]);
  });

  it('left open to the end, it says which sections it hides: they vanish from the page and from completeness without a missing-section each (LLM QA)', () => {
    const filled = (FRONT + SEED).replace(/<!-- AGENT_PLACEHOLDER:.*?-->/g, 'Written.');
    const spec = filled.replace('## Data Model\n\nWritten.', '## Data Model\n\n<!-- AGENT_PLACEHOLDER: Describe the data model');
    const hidden = SEED.slice(SEED.indexOf('## Data Model')).match(/^#{2,3} /gm)!.length - 1;
    expect(hidden).toBeGreaterThan(5);
    expect(findings(spec).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      `${lineOf(spec, '<!-- AGENT_PLACEHOLDER: Describe the data')} malformed-placeholder AGENT_PLACEHOLDER comment is never closed, so it hides ${hidden} sections, from \`### API Design\` on: add \`-->\` at the end of its instruction`,
    ]);
    // One heading hidden is named as one section; a placeholder in the last section hides none, and says nothing of it.
    const oneLeft = filled.slice(0, filled.indexOf('## References') + '## References\n\nWritten.'.length);
    const inAlternatives = oneLeft.replace(/(## Alternative Approaches Considered\n\n)Written\./, '$1<!-- AGENT_PLACEHOLDER: Other ways');
    expect(findings(inAlternatives).map((f) => f.message)).toEqual(['AGENT_PLACEHOLDER comment is never closed, so it hides the section `## References`: add `-->` at the end of its instruction']);
    // A shell comment in its sample, indented or fenced, is no heading it hides (code review).
    const sample = filled.replace('## Data Model\n\nWritten.', '## Data Model\n\n<!-- AGENT_PLACEHOLDER: Describe setup, for example:\n\n    # install deps\n\n```sh\n# build\n```');
    expect(findings(sample)[0]!.message).toBe(`AGENT_PLACEHOLDER comment is never closed, so it hides ${hidden} sections, from \`### API Design\` on: add \`-->\` at the end of its instruction`);
    const inLast = oneLeft.replace(/(## References\n\n)Written\./, '$1<!-- AGENT_PLACEHOLDER: Links');
    expect(findings(inLast).map((f) => f.message)).toEqual(['AGENT_PLACEHOLDER comment is never closed: add `-->` at the end of its instruction']);
    // Inline in a paragraph, an unclosed one shows as text and hides no heading.
    expect(findings(filled.replace('## Data Model\n\nWritten.', '## Data Model\n\nSee <!-- AGENT_PLACEHOLDER: the model')).map((f) => f.message))
      .toEqual(['AGENT_PLACEHOLDER comment is never closed: add `-->` at the end of its instruction']);
  });
});

describe('whitespace inside headings (third adversarial review)', () => {
  it('a heading with a double space or a tab is its template section (it looks the same), and repeats a sibling that differs only so', () => {
    const spec = BASE.replace('### Data Model', '### Data  Model').replace('### API Design', '### API\tDesign');
    expect(brief(spec)).toEqual([]);
    // The same with the double space in the template, and the section moved under another parent.
    const spaced = buildTemplateModel(parseSpec('# T\n\n## Design\n\n### Data  Model\n\n<!-- AGENT_PLACEHOLDER: model -->\n\n## Notes\n\nx\n'), 'sp@1');
    expect(brief('# Mine\n\n## Design\n\nD.\n\n## Notes\n\nN.\n\n### Data Model\n\nTables.\n', spaced)).toEqual(['11:1 section-order notes/data-model']);
    const twice = BASE.replace('## References', '## Rollout Plan\n\nA.\n\n## Rollout  Plan\n\nB.\n\n## References');
    expect(findings(twice).map((f) => `${f.rule} ${f.message}`)).toEqual([`duplicate-heading duplicate heading "Rollout Plan": the same as line ${lineOf(twice, '## Rollout Plan')}`]);
  });
});

describe('hostile input stays linear (second CLI review)', LINEAR, () => {
  // Each case took from 6 s to minutes before (a scan of every comment, or of
  // every line of the paragraph, per finding); the 5 s limit (LINEAR) catches a return.
  it('long runs of spaces beside a join or a sign that patterns looked for from each space (8 s each, 90 s for a template\'s heading, 3.5 s: regex sweep)', LINEAR, () => {
    const gap = ' '.repeat(100_000);
    // A template heading split at its joins (missing-section's two-name split), a spec heading with `&`, and one with a BOM run.
    const split = buildTemplateModel(parseSpec(`# T\n\n## a${gap}b\n\n<!-- g -->\n\n## c\n\n<!-- g -->\n`), 's@1');
    expect(findings('# S\n\n## Other\n\nText.\n\n## c\n\nText.\n', split).map((f) => f.rule)).toEqual(['missing-section']);
    const risks = buildTemplateModel(parseSpec('# T\n\n## Risks and costs\n\n<!-- g -->\n'), 'r@1');
    expect(findings(`# S\n\n## a${gap}b &\n\nText.\n\n## x${'\ufeff'.repeat(40_000)}y\n\nText.\n`, risks).map((f) => f.rule)).toEqual(['missing-section']);
    // A line of 40,000 tags (read as spaces) beside a template's slots: a choice's look back to the line's start ran from each.
    const slots = buildTemplateModel(parseSpec('# T\n\n## A\n\n* Status: <language, ...>\n* Owner: {OWNER_NAME}\n'), 'o@1');
    expect(findings(`# S\n\n## A\n\nText ${'<br>'.repeat(40_000)} end.\n`, slots).map((f) => f.rule)).toEqual([]);
    // An answer with a long run of spaces inside (under the 64 KiB answers may take): its blank lines trimmed at once.
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: say it -->\n');
    const wide = ' '.repeat(30_000);
    const filled = fillPlaceholders(spec, [{ id: spec.placeholders[0]!.id, content: `Text${wide}more.${wide}\n\n` }]);
    expect(filled.source).toBe(`# T\n\n## A\n\nText${wide}more.\n`);
    // A placeholder's instruction on one line for the terminal: only runs with a line break become a space.
    expect(onOneLine(`a${gap}b\n  c`)).toBe(`a${gap}b c`);
    // A srcset address with a long run of commas inside (3.4 s: a file that is not there), a diagram line `a-a-a-…` (6 s: nothing).
    expect(findings(`# S\n\n<img srcset="a.png${','.repeat(100_000)}b 2x">\n`, null).map((f) => f.rule)).toEqual(['broken-link']);
    expect(findings(`# S\n\n\`\`\`mermaid\ngraph TD\n${'a-'.repeat(50_000)}]\n\`\`\`\n`, null)).toEqual([]);
    // A diagram line of 100,000 markers: each word's label read from where the last one's stopped, not from the line's start (a minute).
    const drawn = findings(`# S\n\n\`\`\`mermaid\ngraph TD\n${'TODO '.repeat(100_000)}\n\`\`\`\n`, null);
    expect([drawn.length, drawn[0]!.message, drawn[500]!.message]).toEqual([501, 'leftover marker "TODO" in a diagram the page draws: replace it with the real content',
      '99500 more leftover-marker findings from here on, not listed (500 are listed per rule and file); fix those listed, then check again']);
    // A comment's marks shown as text with a long run of spaces before a `--` (4.5 s).
    const prose = buildTemplateModel(parseSpec('# T\n\n## A\n\nWhat is the issue that we are seeing here?\n'), 'p@1');
    expect(findings(`# S\n\n## A\n\nWhat is the issue &lt;!-- a${gap}b -- c\n`, prose)).toEqual([]);
    // A model's answer with a long run of spaces or of `!` inside (7.7 s, 4.5 s), and a new spec's title with a run of `#` (3 s).
    expect([guardAnswer(`Text${gap}more.`).ok, guardAnswer(`Text${'!'.repeat(100_000)}x`).ok]).toEqual([true, true]);
    const template = templateFromSource('# Project Title\n\n## A\n\n<!-- AGENT_PLACEHOLDER: a -->\n', { fileName: 'x.md', origin: 'project', path: 'x.md' });
    expect(createSpecSource(template, { title: `A${'#'.repeat(100_000)}x`, created: '2026-11-29' })).toContain(`# A${'#'.repeat(100_000)}x\n`);
    // This session's patterns that a review found super-linear: a heading opening a comment over a run of spaces (19 s at
    // 4,000), a parenthetical qualifier never closed (60 s at 800 letters), template-engine comment lines ending in `\r`
    // (22 s for 209 bytes), a long lead-in and a long role note (4 s), many `{{ }}` on one long line (2.4 s).
    const plain = buildTemplateModel(parseSpec('# T\n\n## A\n\nx\n'), 'p@1');
    expect(findings(`# S\n\n## A\n\nWritten.\n\n<!-- # a${gap}x -->\n`, plain)).toEqual([]);
    expect(buildTemplateModel(parseSpec(`# T\n\n## Alternatives (${'a'.repeat(100_000)}\n\nx\n`), 'q@1').sections.length).toBeGreaterThan(0);
    expect(buildTemplateModel(parseSpec(`# T\r${'{#a#}\r'.repeat(20_000)}x\r\r## A\r\rb\r`), 'e@1').sections.length).toBeGreaterThan(0);
    expect(buildTemplateModel(parseSpec(`# T\n\n## A\n\nWhat ${'a '.repeat(100_000)}x\n\n* one\n* two\n\n## B\n\nThis is the ${'a '.repeat(100_000)}x\n\n### C\n\nc\n\n### D\n\nd\n`), 'w@1').sections.length).toBeGreaterThan(0);
    const engine = buildTemplateModel(parseSpec('{% include "x" %}\n# T\n\n## A\n\n{{ a.b }}\n'), 'j@1');
    expect(findings(`{% include "x" %}\n# S\n\n## A\n\n${'{{ a.b }} '.repeat(20_000)}\n`, engine).length).toBeGreaterThan(0);
    // A parent's guidance of a long run of blank lines over guided subsections, whose notes are looked for (review of this session's patterns).
    const blank = buildTemplateModel(parseSpec(`# T\n\n## P\n\nA note.${'\n \n'.repeat(100_000)}More.\n\n### A\n\nGuide a.\n\n### B\n\nGuide b.\n`), 'b@1');
    expect(blank.sections.map((t) => t.id)).toEqual(['p', 'p/a', 'p/b']);
    // A bare address with a long run of dots inside, beside a template's sample address (quadratic: 1.3 s at 40,000; review).
    const tidb = buildTemplateModel(parseSpec('# T\n\n- Discussion PR: https://github.com/pingcap/tidb/pull/XXX\n\n## A\n\nx\n'), 't@1');
    expect(findings(`# S\n\n- Discussion PR: https://github.com/pingcap/tidb/pull/1\n\n## A\n\nSee https://example.com/${'.'.repeat(200_000)}a now.\n`, tidb)).toEqual([]);
  });

  it('a thousand long template headings missing beside four thousand of the author\'s under one parent (9 s when each heading was made again for each pair: review)', () => {
    const t = buildTemplateModel(parseSpec(`# T\n\n## Parent\n\n<!-- p -->\n\n${Array.from({ length: 1000 }, (_, i) => `### Template section heading number ${i} here\n\n<!-- g -->\n`).join('\n')}`), 't@1');
    const spec = `# S\n\n## Parent\n\nP.\n\n${Array.from({ length: 4000 }, (_, i) => `### Author written section about topic ${i} there\n\nText.\n`).join('\n')}`;
    expect(counted(findings(spec, t), 'missing-section')).toBe(1000);
  });

  it('a template\'s code block of one long line of `#`, and list items of a label and a long run of spaces before a question (5 s and 0.3 s a MB: review of the twenty-first session)', () => {
    const fenced = buildTemplateModel(parseSpec(`# T\n\n## A\n\n<!-- a -->\n\n\`\`\`md\n#${'x'.repeat(200_000)}\n\`\`\`\n`), 'f@1');
    expect(fenced.templateInFenceLine).toBe(null);
    const guided = buildTemplateModel(parseSpec('# T\n\n## A\n\n- Papers: Are there any published papers or posts? Link them.\n'), 'g@1');
    const items = `- A:${' '.repeat(1990)}b?\n`.repeat(500);
    expect(findings(`# S\n\n## A\n\n${items}\nOur answer.\n`, guided).map((f) => f.rule)).toEqual([]);
  });

  it('a line of 200,000 markers beside a template\'s guidance, and front matter with a long run of spaces (a minute, and 14 s: code review; 10 s: 2,000 characters read around each marker)', () => {
    const guided = buildTemplateModel(parseSpec('# T\n\n## A\n\nWhat parts are still TBD?\n'), 'g@1');
    expect(counted(findings(`# S\n\n## A\n\n${'TODO '.repeat(200_000)}\n`, guided), 'leftover-marker')).toBe(200_000);
    const fm = parseSpec(`---\ntitle: A${' '.repeat(100_000)}x\ntemplate: t\n---\n# A\n`).frontMatter;
    expect(fm?.data?.title).toBe(`A${' '.repeat(100_000)}x`);
    expect(parseSpec(`---\ntitle: A${' '.repeat(100_000)}# note\n---\n# A\n`).frontMatter?.data?.title).toBe('A');
  });

  it('a paragraph of 200,000 `](((` with no `)`: no destination is read again over the same stretch (review: 4 s for 720 KB)', () => {
    const doc = `# T\n\n${'TODO \`x ](((' .repeat(200_000)}\n`;
    expect(checkSpec(parseSpec(doc), { template: null, links: NO_FILES }).findings.length).toBeGreaterThan(0);
  });

  it('a paragraph of 60,000 lines, each with a placeholder: each read from its own line, not from the first (fuzzing: 6 s for 100,000)', () => {
    const doc = `# T\n\n## S\n\n${Array.from({ length: 60_000 }, () => 'a <!-- AGENT_PLACEHOLDER: x --> b').join('\n')}\n`;
    const spec = parseSpec(doc);
    expect([spec.placeholders.length, spec.placeholders[59_999]!.line, spec.placeholders[59_999]!.instruction]).toEqual([60_000, 60_004, 'x']);
  });

  it('30,000 sibling headings of one anchor and other words (`## <!-- note 1 -->` …): duplicate-heading looks each up once (fuzzing: 29 s for 40,000)', () => {
    const doc = `# T\n\n${Array.from({ length: 30_000 }, (_, i) => `## <!-- note ${i} -->\n`).join('')}## <!-- note 7 -->\n`;
    expect(checkSpec(parseSpec(doc), { template: null, links: NO_FILES }).findings.filter((f) => f.rule === 'duplicate-heading').map((f) => f.line)).toEqual([30_003]);
  });

  it('lines of `<a, ` with no `>` after a long word, beside a template\'s angle slots, and a template of thousands of two-name headings (20 s and 5 s: review)', () => {
    const slots = buildTemplateModel(parseSpec('# T\n\n## A\n\n* Implemented in: <language, ...>\n'), 's@1');
    const line = `${'<a, '.repeat(6)}${'x'.repeat(80_000)}`;
    expect(findings(`# S\n\n## A\n\n${Array.from({ length: 6 }, () => line).join('\n')}\n`, slots).filter((f) => f.rule === 'leftover-marker')).toEqual([]);
    const many = Array.from({ length: 6_000 }, (_, i) => `## Plans and risks ${i}\n\n<!-- g -->\n`).join('\n');
    const big = buildTemplateModel(parseSpec(`# T\n\n${many}`), 'b@1');
    // (The numbered ones, `Plans and risks 1` to `999` over the same guidance as the first, `0`, owe only that first one.)
    expect(counted(findings('# S\n\n## Other\n\nText.\n', big), 'missing-section')).toBe(6_000 - 999);
  });

  it('a line of 50,000 bold options, a template section of 50,000 blank lines, a remove-before-PR stretch never ended (6 s, 10 s, 9 s: review 2)', () => {
    const bold = buildTemplateModel(parseSpec('# T\n\n* Status: **Awaiting implementation** or **Awaiting review**\n\n## A\n\n<!-- a -->\n'), 'b@1');
    expect(findings(`# S\n\n* Status: ${'**a** or '.repeat(50_000)}\n\n## A\n\nText.\n`, bold).filter((f) => f.rule === 'leftover-marker')).toEqual([]);
    const blank = buildTemplateModel(parseSpec(`# T\n\n## A\n\n${' \n'.repeat(50_000)}Text.\n\n### Step 1\n\n### Step 2\n`), 'l@1');
    expect(blank.sections.length).toBe(3);
    const removed = buildTemplateModel(parseSpec(`# Title\n\n<!-- BEGIN Remove before PR -->\n${'To get started, copy this template.\n\n'.repeat(20_000)}## Summary\n\n<!-- s -->\n`), 'r@1');
    expect(removed.sections.find((t) => t.id === 'title')!.guided).toBe(true);
  });

  it('a guess for each broken anchor among 5,000 headings of like length (it took minutes)', () => {
    const heads = Array.from({ length: 5_000 }, (_, i) => `## ${'h'.repeat(50)}${String(i).padStart(8, '0')}\n\nText.\n`).join('\n');
    const links = Array.from({ length: 2000 }, (_, i) => `[x](#${'k'.repeat(50)}${String(i).padStart(8, '1')})`).join(' ');
    // First, 30 links a slip away from a heading: each is still named.
    const slips = Array.from({ length: 30 }, (_, i) => `[s](#${'h'.repeat(49)}x${String(i * 7).padStart(8, '0')})`).join(' ');
    const found = findings(`# T\n\n${slips}\n\n${links}\n\n${heads}`, null);
    expect(counted(found, 'broken-link')).toBe(2030);
    expect(found.slice(0, 30).map((f) => f.message.replace(/^.*did you mean #h+/, ''))).toEqual(Array.from({ length: 30 }, (_, i) => `${String(i * 7).padStart(8, '0')}?`));
    expect(found.slice(30).every((f) => f.rule === 'broken-link' && !f.message.includes('did you mean'))).toBe(true);
    // A run of `![` under prose guidance is read once, not from each (and is no image: the guidance is all there is).
    const prose = buildTemplateModel(parseSpec('# T\n\n## Why\n\nWhy are we doing this?\n'), 'p@1');
    expect(findings(`# M\n\n## Why\n\nWhy are we doing this? ${'!['.repeat(80_000)}\n`, prose).map((f) => f.rule)).toEqual(['empty-section']);
  });

  it('a heading of 80,000 emphasis runs (`*a`, `~a`, `a*`): its marks stay as written, and the heading is still its section (block scanner fuzz)', () => {
    for (const unit of ['*a', 'a*', '~a', '*_']) {
      const [h] = parseSpec(`# ${unit.repeat(80_000)}\n\n## Next\n`).headings;
      expect([unit, h!.text.length, h!.slug.length > 0]).toEqual([unit, 2 * 80_000, true]);
    }
    // A heading anyone writes is still read as micromark reads it.
    expect(parseSpec('# *Roll* ~~out~~ **plan**\n').headings[0]!.text).toBe('Roll out plan');
  });

  it('2,000 numbered template sections against 20,000 headings of one name: each takes the next one at once (code review: 5 s)', () => {
    const tpl = buildTemplateModel(parseSpec(`# T\n\n${Array.from({ length: 2000 }, (_, i) => `## ${i}. Notes\n\n<!-- x -->\n`).join('\n')}`), 'n@1');
    const found = findings(`# S\n\n${'## Notes\n\nText.\n\n'.repeat(20_000)}`, tpl);
    // Alike at the top level, as the template's are: each the first one left (the rest are duplicates).
    expect([counted(found, 'missing-section'), counted(found, 'duplicate-heading')]).toEqual([0, 19_999]);
  });

  it('40,000 sections left with their guidance comment, each reported once (their messages looked the sections up one by one)', () => {
    const tpl = `# T\n\n${Array.from({ length: 40_000 }, (_, i) => `## Q${i}\n\n<!-- say it -->\n`).join('\n')}`;
    const found = findings(tpl, buildTemplateModel(parseSpec(tpl), 'q@1'));
    expect([counted(found, 'empty-section'), new Set(found.slice(0, 500).map((f) => f.sectionId)).size, found.every((f) => f.rule === 'empty-section')]).toEqual([40_000, 500, true]);
  });

  it('guidance sentences run together: 100,000 words against a 300-word template sentence (code review: a minute)', () => {
    const long = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    const tpl = buildTemplateModel(parseSpec(`# T\n\n## Problem\n\nGo on. ${long}.\n\n## Other\n\nSomething else.\n`), 'p@1');
    expect(findings(`# M\n\n## Problem\n\n${'go on '.repeat(50_000)}\n\n## Other\n\nText.\n`, tpl).map((f) => f.rule)).toEqual(['empty-section']);
    const same = buildTemplateModel(parseSpec(`# T\n\n## Problem\n\n${'a '.repeat(300)}.\n\n## Other\n\nSomething else.\n`), 'a@1');
    expect(findings(`# M\n\n## Problem\n\n${'a '.repeat(100_000)}\n\n## Other\n\nText.\n`, same)).toEqual([]);
  });

  it('a heading of shortcode-like runs before its words is read at once (code review: exponential, 6 s at 26 repeats)', () => {
    expect(numberBeforeWords(`${':1:'.repeat(40)}! Monitoring`)).toBe('');
    expect(numberBeforeWords(':rocket: 1. Monitoring')).toBe(':rocket: 1. ');
  });

  it('a template heading of 75,000 comments never closed is read at once (code review: 10 s)', () => {
    const open = buildTemplateModel(parseSpec(`# T\n\n## A ${'<!--'.repeat(75_000)}\n\nx\n`), 'o@1');
    expect(open.sections).toHaveLength(1);
  });

  it('20,000 suppression comments, each before a marker', () => {
    const doc = `# T\n\n${'<!-- specfill-disable-next-line leftover-marker -->\nword TODO word\n\n'.repeat(20_000)}TODO last\n`;
    expect(findings(doc, null).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([`${3 * 20_000 + 3}:1 leftover-marker`]);
  });

  it('an HTML block of 80,000 unclosed <code tags (code review)', () => {
    const doc = `# T\n\n<div>\nTODO ${'<code '.repeat(80_000)}\n`;
    expect(findings(doc, null).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['4:1 leftover-marker']);
  });

  it('a list nested one level deeper on each of 2,000 lines (performance review)', () => {
    const doc = `# T\n\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- x\n`).join('')}${'  '.repeat(2000)}TODO\n`;
    expect(findings(doc, null).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([`2003:${2 * 2000 + 1} leftover-marker`]);
  });

  it('40,000 unclosed inline comments in a paragraph, a heading and a link (performance review)', () => {
    const t = TECH_SPEC;
    for (const doc of [`# T\n\nTODO ${'a <!-- '.repeat(40_000)}\n`, `# T\n\n## ${'a <!-- '.repeat(40_000)}\n\nTODO\n`, `# T\n\nTODO [a](b) ${'a <!-- '.repeat(40_000)}\n`]) {
      expect(findings(doc, t).filter((f) => f.rule === 'leftover-marker')).toHaveLength(1);
    }
  });

  it('runs of 100,000 spaces or tabs inside headings, table rows and setext underlines (performance review)', () => {
    const gap = ' '.repeat(100_000);
    const bodies = [`## a${gap}b`, `## a${'\t'.repeat(100_000)}b`, `## a${gap}#x`, `## Overview${gap}(optional`, `a${gap}b\n===`, `| a | b |\n|-${gap}x|-|`, `<!-- AGENT_PLACEHOLDER: x\n\n## a${gap}b`];
    // The last one's comment is never closed: it hides the rest, TODO included.
    expect(bodies.map((body) => findings(`# Technical Specification\n\n${body}\n\nTODO\n`).filter((f) => f.rule === 'leftover-marker').length)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });

  it('40,000 sections, each with an empty placeholder (performance review)', () => {
    const doc = `# T\n\n${Array.from({ length: 40_000 }, (_, i) => `## H${i}\n\n<!-- AGENT_PLACEHOLDER: -->\n\n`).join('')}`;
    const all = findings(doc, null);
    expect(counted(all, 'malformed-placeholder')).toBe(40_000);
    expect(all[499]).toMatchObject({ rule: 'malformed-placeholder', sectionId: 'h499', section: ['H499'] });
  });

  it('huge YAML front matter is refused with a finding, not read (it ran out of memory: performance review)', () => {
    for (const line of [': : :\n', '? : :\n']) {
      const doc = `---\ntitle: T\ntemplate: tech-spec\n${line.repeat(200_000)}---\n# T\n`;
      expect(findings(doc, null).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
        `2:1 frontmatter front matter is ${29 + 6 * 200_000} characters of YAML, over the 32768 specfill reads: keep it to a few keys, and move long text into the document (until it is fixed, its \`template:\` is not read and the spec is checked without its template)`,
      ]);
    }
    // Plain `key: value` front matter is read however long it is.
    const plain = `---\ntitle: T\ntemplate: x\n${Array.from({ length: 10_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\n# T\n`;
    expect(findings(plain, null)).toEqual([]);
  });

  it('40,000 suppression comments left unclosed (last review)', () => {
    const doc = `# T\n\nTODO ${'<!-- specfill-disable x '.repeat(40_000)}\n`;
    expect(findings(doc, null).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['3:1 leftover-marker']);
  });

  it('a paragraph that opens with the guidance\'s sentence and runs on for 20,000 lines (review: read again from the top at each line)', () => {
    const t = buildTemplateModel(parseSpec('# T\n\n## Overview\n\nDescribe the context and scope of the change.\n'), 'o@1');
    const repeated = `# Mine\n\n## Overview\n\n${'Describe the context and scope of the change.\n'.repeat(20_000)}Our service answers requests.\n`;
    expect(counted(findings(repeated, t), 'leftover-guidance')).toBe(1);
    const rows = `# Mine\n\n## Overview\n\nDescribe the context and scope of the change.\n${Array.from({ length: 20_000 }, (_, i) => `row ${i} value ok`).join('\n')}\n`;
    expect(counted(findings(rows, t), 'leftover-guidance')).toBe(1);
  });

  it('20,000 headings with an emoji, each linked to an anchor it lacks; 60,000 small diagrams; 20,000 class bodies never closed (review)', () => {
    const links = `# T\n\n${Array.from({ length: 20_000 }, (_, i) => `## 🚀 Heading number ${i}\n\nSee [x](#nope-${i}).\n`).join('\n')}`;
    expect(counted(findings(links, null), 'broken-link')).toBe(20_000);
    const diagrams = `# T\n\n${'```mermaid\nflowchart LR\n  A --> B\n```\n\n'.repeat(60_000)}`;
    expect(findings(diagrams, null)).toEqual([]);
    const bodies = `# T\n\n\`\`\`mermaid\nclassDiagram\n${'  class A {\n'.repeat(20_000)}  +TBD x\n\`\`\`\n`;
    expect(counted(findings(bodies, null), 'leftover-marker')).toBe(1);
  });

  it('a paragraph of 80,000 lines, a marker on each', () => {
    const doc = `# T\n\n${'word TODO word\n'.repeat(80_000)}`;
    const all = findings(doc, null);
    expect(counted(all, 'leftover-marker')).toBe(80_000);
    expect(all[499]).toMatchObject({ line: 502, column: 6, endColumn: 10 });
  });
});

describe('leftover markers in HTML blocks (third adversarial review)', () => {
  it('text an HTML block shows is read; comments, tags, code elements and <pre> are not', () => {
    const doc = [
      '# Doc', '', '## Notes', '',
      '<!-- reviewer note --> Retention: TBD days.', '',
      '<p>Owner: TODO</p>', '',
      '<p title="TODO">Use <code>TODO</code> as the flag.</p>', '',
      '<pre>', 'FIXME in a pre block is code', '</pre>', '',
      '<!--', 'TODO in a comment', '-->', '',
      '<table>', '  <tr>', '   <td>TBD', '   </td>', '  </tr>', '</table>', '',
      'Retention: TBD days.', '',
    ].join('\n');
    expect(findings(doc, null).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule}`)).toEqual([
      '5:35-38 leftover-marker',
      '7:11-15 leftover-marker',
      '21:8-11 leftover-marker',
      '26:12-15 leftover-marker',
    ]);
  });
});

describe('a title written at the level of the chapters after it (template QA)', () => {
  const pitch = buildTemplateModel(parseSpec('# Pitch\n\nReplace this line with a one-sentence pitch.\n\n## Problem\n\nDescribe the problem.\n'), 'pitch@1');
  const doc = (under: string) => `# B\n\n${under}\n\n# Problem\n\nUsers lose data.\n`;
  it('judges the first chapter as the title part when it is no template section: guidance kept is empty, counted in completeness', () => {
    const kept = checkSpec(parseSpec(doc('Replace this line with a one-sentence pitch.')), { template: pitch, links: NO_FILES });
    expect(kept.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.sectionId}`)).toEqual(['1:1 empty-section title', '5:1 heading-level problem']);
    expect(kept.completeness).toBe(0.5);
    const written = checkSpec(parseSpec(doc('We keep data.')), { template: pitch, links: NO_FILES });
    expect([written.findings.map((f) => f.rule), written.completeness]).toEqual([['heading-level'], 1]);
    // A document whose first chapter is a template section has no title part to judge, as before.
    expect(brief('# Problem\n\nUsers lose data.\n\n# Other\n\nText.\n', pitch)).toEqual(['1:1 heading-level problem']);
  });
});

describe('headings the template has more than once (template QA)', () => {
  const options = buildTemplateModel(parseSpec('# ADR\n\n## Option A\n\nA.\n\n### Risks\n\n<!-- risks of A -->\n\n## Option B\n\nB.\n\n### Risks\n\n<!-- risks of B -->\n'), 'opt@1');
  it('a second "Risks" under Option B is not taken for Option A\'s, which is missing', () => {
    const doc = '# Mine\n\n## Option A\n\nWe pick A.\n\n## Option B\n\nWe drop B.\n\n### Risks\n\nCost.\n\n### Risks <!-- again -->\n\nMore cost.\n';
    const all = findings(doc, options);
    expect(all.map((f) => `${f.line}:${f.column} ${f.rule} ${f.sectionId}`)).toEqual(['7:1 missing-section option-a/risks', '15:1 duplicate-heading option-b/risks-1']);
    // Messages quote what a reader sees of a heading, its comments aside.
    expect(all[1]!.message).toBe('duplicate heading "Risks": the same as line 11');
    expect(checkSpec(parseSpec(doc), { template: options, links: NO_FILES }).completeness).toBe(0.75);
  });
});

describe('bodies that show nothing (adversarial review)', () => {
  it('a rule, <br>, <p></p> or &nbsp; alone leaves a section empty; an image or a word does not', () => {
    const body = (text: string) => brief(BASE.replace('Done: describe the data model, entities, and their relationships.', text)).filter((f) => f.includes('empty-section'));
    const at = lineOf(BASE, '### Data Model');
    for (const nothing of ['---', '***', '<br>', '<p></p>', '&nbsp;', '<div>&nbsp;</div>', '&nbsp; <br>', '<details></details>', '<details>', '<details><summary>Tables</summary></details>', '<a name="data"></a>', '<table><tr><td></td></tr></table>', '|  |  |\n| --- | --- |', '| | |\n|---|---|\n| | |']) {
      expect(body(nothing), nothing).toEqual([`${at}:1 empty-section architecture/data-model`]);
    }
    for (const something of ['<img src="er.png" alt="ER diagram">', '<p>Tables: users, keys.</p>', '&copy; model', 'See [the ER diagram](er.png).', '<details><summary>Tables</summary>\n\nusers, keys\n\n</details>', '<video src="demo.mp4"></video>']) {
      expect(body(something), something).toEqual([]);
    }
    // The template's sample code kept with nothing of the author's, its instruction deleted, is the guidance still (blind QA, TC39).
    const tc39 = buildTemplateModel(parseSpec('# Frobnicator\n\n## Use cases\n\n*Some realistic scenarios using the feature.*\n\n```js\nfrobnicate({});\n```\n\n## Description\n\nDescribe it.\n'), 'tc@1');
    for (const fence of ['```js\nfrobnicate({});\n```', '~~~\nfrobnicate({});\n~~~', '    frobnicate({});']) {
      expect(findings(`# Pipe\n\n## Use cases\n\n${fence}\n\n## Description\n\nIt pipes.\n`, tc39).map((f) => `${f.line} ${f.rule}`), fence).toEqual(['3 empty-section']);
    }
    expect(findings('# Pipe\n\n## Use cases\n\n```js\nfrobnicate({ twice: true });\n```\n\n## Description\n\nIt pipes.\n', tc39)).toEqual([]);
    // A link to somewhere the template never names is the author's: TC39's `[V8](link)` with the tracker's address written in (blind QA, TC39).
    const native = buildTemplateModel(parseSpec('# F\n\n## Native implementations\n\n- [V8](link) (*Links to tracking issues in each JS engine*)\n- [JSC](link)\n\n[tc39]: https://tc39.es\n'), 'tc@1');
    const engines = (v8: string) => findings(`# Pipe\n\n## Native implementations\n\n- [V8](${v8}) (*Links to tracking issues in each JS engine*)\n- [JSC](link)\n`, native).filter((f) => f.rule === 'empty-section').map((f) => f.rule);
    expect(engines('link')).toEqual(['empty-section']);
    expect(engines('https://tc39.es')).toEqual(['empty-section']);
    expect(engines('https://crbug.com/v8/11111')).toEqual([]);
    // The same where the template guides with prose, not a placeholder (code review).
    const prose = buildTemplateModel(parseSpec('# RFC\n\n## Motivation\n\nWhy are we doing this?\n'), 'rfc@1');
    for (const nothing of ['&nbsp;', '<span>&nbsp;</span>', '<br>', '---']) {
      expect(findings(`# Mine\n\n## Motivation\n\n${nothing}\n`, prose).map((f) => `${f.line} ${f.rule}`), nothing).toEqual(['3 empty-section']);
    }
    expect(findings('# Mine\n\n## Motivation\n\nBecause.\n', prose)).toEqual([]);
    // Guidance sentences run together, their stops taken out or made commas, are still the guidance (blind QA).
    const three = buildTemplateModel(parseSpec('# ADR\n\n## Context\n\nDescribe the context in two to three sentences. Articulate the problem as a question. Link to the issue.\n'), 'adr@1');
    for (const kept of ['Describe the context in two to three sentences Articulate the problem as a question Link to the issue', 'describe the context in two to three sentences, articulate the problem as a question.', 'Articulate the problem as a question link to the issue. Describe the context in two to three sentences']) {
      expect(findings(`# Mine\n\n## Context\n\n${kept}\n`, three).map((f) => f.rule), kept).toEqual(['empty-section']);
    }
    for (const written of ['Describe the context in two to three sentences Articulate the problem as a question of cost', 'Articulate the problem as a question: why are p99 latencies up?']) {
      expect(findings(`# Mine\n\n## Context\n\n${written}\n`, three), written).toEqual([]);
    }
    // One guidance sentence cut in two, at its comma, into two list items or two paragraphs, is still the guidance (blind QA, OpenSpec).
    const goals = buildTemplateModel(parseSpec('# Doc\n\n## Goals\n\nList the outcomes this project must achieve, each one measurable where possible.\n'), 'doc@1');
    for (const kept of ['- List the outcomes this project must achieve\n- each one measurable where possible', 'List the outcomes this project must achieve.\n\nEach one measurable where possible.',
      '1. List the outcomes this project must achieve;\n2. each one *measurable* where possible.']) {
      expect(findings(`# Mine\n\n## Goals\n\n${kept}\n`, goals).map((f) => f.rule), kept).toEqual(['empty-section']);
    }
    for (const written of ['- List the outcomes this project must achieve\n- p99 under 200 ms', 'List the outcomes this project must achieve.\n\nEach one measurable where possible: p99 under 200 ms.',
      '- List the outcomes this project must achieve']) {
      expect(findings(`# Mine\n\n## Goals\n\n${written}\n`, goals), written).toEqual([]);
    }
    // The template's labels kept with their values deleted say nothing, though each is a word or two (blind QA, OpenSpec).
    const impact = buildTemplateModel(parseSpec('# Change\n\n## Impact\n\n- Affected specs: [list capabilities]\n- Affected code: [key files/systems]\n'), 'p@1');
    for (const kept of ['- Affected specs:\n- Affected code:', '- **Affected specs:**\n- *Affected code*:  \n<!-- later -->', 'Affected specs:']) {
      expect(findings(`# Mine\n\n## Impact\n\n${kept}\n`, impact).map((f) => f.rule), kept).toEqual(['empty-section']);
    }
    // A section the template says may be left empty is answered by nothing under it; its sample text kept is still reported (blind QA, OpenSpec).
    const leave = (guidance: string) => buildTemplateModel(parseSpec(`# P\n\n## Why\n\n<!-- Why now? -->\n\n### Modified Capabilities\n\n${guidance}\n- \`<existing-capability-path>\`: <what changes>\n`), 'p@1');
    // (Or says it will be empty at first: a Scala SIP's FAQ, blind QA.)
    for (const says of ['<!-- Only list here if spec-level behavior changes. Leave empty if no requirement\n     changes. -->', 'Leave this section blank if nothing changes.', '<!-- 3-5 bullets. Leave empty rather than pad. -->', '<!-- This list may be left empty. -->',
      'This section will probably initially be empty. As discussions progress, questions will be listed here.']) {
      const template = leave(says);
      expect(template.sections.find((t) => t.id === 'why/modified-capabilities')!.mayStayEmpty, says).toBe(true);
      expect(findings('# Mine\n\n## Why\n\nBecause.\n\n### Modified Capabilities\n\n<!-- kept -->\n', template), says).toEqual([]);
      expect(checkSpec(parseSpec('# Mine\n\n## Why\n\nBecause.\n\n### Modified Capabilities\n'), { template, links: NO_FILES }).completeness, says).toBe(1);
      expect(findings('# Mine\n\n## Why\n\nBecause.\n\n### Modified Capabilities\n\n- `<existing-capability-path>`: <what changes>\n', template).map((f) => f.message), says)
        .toEqual(['section "Modified Capabilities" still holds only the template\'s guidance: write its content, or delete that text and leave the section empty, as the template allows']);
    }
    for (const says of ['<!-- Do not leave this section empty. -->', 'Never leave it blank.', '<!-- List what changes. -->', 'You can leave that blank until the issue is filed.', 'This section will not be empty once the design is done.']) {
      const template = leave(says);
      expect(template.sections.find((t) => t.id === 'why/modified-capabilities')!.mayStayEmpty, says).toBe(false);
      expect(findings('# Mine\n\n## Why\n\nBecause.\n\n### Modified Capabilities\n', template).map((f) => f.rule), says).toEqual(['empty-section']);
    }
    for (const written of ['- Affected specs: auth\n- Affected code:', '- Affected specs:\n- Affected code:\n- None.', '- Affected specs:\n  - auth']) {
      expect(findings(`# Mine\n\n## Impact\n\n${written}\n`, impact), written).toEqual([]);
    }
    // A code block is content, even one that quotes the guidance (regression QA), but not the template's own sample.
    expect(findings('# Mine\n\n## Motivation\n\n```\nWhy are we doing this?\n```\n', prose)).toEqual([]);
    const sample = buildTemplateModel(parseSpec('# RFC\n\n## Rollout\n\nWhy are we doing this? Which problem does it solve?\n\n```yaml\nrollout: 10%\n```\n'), 'rfc@1');
    expect(findings('# Mine\n\n## Rollout\n\nWhich problem does it solve?\n\n```yaml\nrollout: 10%\n```\n', sample).map((f) => f.rule)).toEqual(['empty-section']);
    expect(findings('# Mine\n\n## Rollout\n\nWhich problem does it solve?\n\n```yaml\nrollout: 50%\n```\n', sample)).toEqual([]);
  });
});

describe('heading levels that do not change the tree (KEP review)', () => {
  it('a section a level off and moved away from its parent is told to move too, said at once; not where the sections before it are fixed with it (blind QA: the fix made a section-order finding)', () => {
    const mini = buildTemplateModel(parseSpec('# T\n\n## Summary\n\n<!-- s -->\n\n### Goals\n\n<!-- g -->\n\n### Non-Goals\n\n<!-- n -->\n\n## Drawbacks\n\n<!-- d -->\n'), 'm@1');
    const said = (body: string) => findings(`# Rate limiter\n\n## Summary\n\nBuckets.\n\n${body}`, mini).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('### Goals\n\nFair.\n\n## Drawbacks\n\nRedis.\n\n## Non-Goals\n\nBilling.\n')).toEqual([
      '15 heading-level heading "Non-Goals" is level 2; the template has it at level 3 (###); at that level it would sit under "Drawbacks", where the template puts it under "Summary": move it there too']);
    // Goals and Non-Goals both written `##`: once both are `###`, Non-Goals is under Summary.
    expect(said('## Goals\n\nFair.\n\n## Non-Goals\n\nBilling.\n\n## Drawbacks\n\nRedis.\n')).toEqual([
      '7 heading-level heading "Goals" is level 2; the template has it at level 3 (###)', '11 heading-level heading "Non-Goals" is level 2; the template has it at level 3 (###)']);
  });

  it('a section written a level off with its subsections under it, off by as much, is one finding on it (blind QA: one per heading)', () => {
    const t = buildTemplateModel(parseSpec('# T\n\n## Design\n\n<!-- d -->\n\n## Cross-cutting concerns\n\n<!-- c -->\n\n### Security\n\n<!-- s -->\n\n### Privacy\n\n<!-- p -->\n\n## Alternatives\n\n<!-- a -->\n'), 'g@1');
    const said = (c: string, s: string, p: string) => findings(`# G\n\n## Design\n\nD.\n\n${c} Cross-cutting concerns\n\nC.\n\n${s} Security\n\nS.\n\n${p} Privacy\n\nP.\n\n## Alternatives\n\nA.\n`, t).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('###', '####', '####')).toEqual(['7 heading-level heading "Cross-cutting concerns" is level 3; the template has it at level 2 (##) (its 2 template subsections under it are off by as much, and move with it)']);
    // A subsection off by another amount, or the parent alone off, is said on its own.
    expect(said('###', '####', '#####').map((f) => f.split(' (its')[0])).toEqual([
      '7 heading-level heading "Cross-cutting concerns" is level 3; the template has it at level 2 (##)', '15 heading-level heading "Privacy" is level 5; the template has it at level 3 (###)']);
  });

  it('a section a level up says which of the template\'s sections after it it took in, and a setext one what set its level (judge simulation)', () => {
    const t = buildTemplateModel(parseSpec('# T\n\n## Testing\n\n<!-- t -->\n\n### Unit\n\n<!-- u -->\n\n## Monitoring\n\n<!-- m -->\n\n## Future\n\n<!-- f -->\n\n## References\n\n<!-- r -->\n'), 'm@1');
    const said = (monitoring: string, future = '## Future') => findings(`# G\n\n## Testing\n\nT.\n\n### Unit\n\nU.\n\n${monitoring}\n\nM.\n\n${future}\n\nF.\n\n## References\n\nR.\n`, t).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('Monitoring\n==========')).toEqual(['11 heading-level heading "Monitoring" is level 1; the template has it at level 2 (##) (the `===` line under its text makes it level 1); the template\'s "Future" and "References" after it sit under it now, as its subsections: fixing its level puts them back']);
    expect(said('# Monitoring')).toEqual(['11 heading-level heading "Monitoring" is level 1; the template has it at level 2 (##); the template\'s "Future" and "References" after it sit under it now, as its subsections: fixing its level puts them back']);
    // One that stays under it once it is fixed (a level off itself) is not said to go back.
    expect(said('# Monitoring', '### Future').map((f) => f.split(';').slice(1).join(';'))).toEqual([
      ' the template has it at level 2 (##); the template\'s "References" after it sits under it now, as its subsection: fixing its level puts it back', ' the template has it at level 2 (##)']);
  });

  const kep = buildTemplateModel(parseSpec('# KEP\n\n## PRR\n\n### Enablement\n\n###### How can it be enabled?\n\n<!-- q1 -->\n\n###### Can it be disabled?\n\n<!-- q2 -->\n\n## Notes\n\n<!-- n -->\n'), 'kep@1');
  it('a subsection at another level under the same parent is not reported; one that moves under another parent, or a top-level one, is', () => {
    const doc = (q: string, notes = '## Notes') => `# K\n\n## PRR\n\n### Enablement\n\n${q} How can it be enabled?\n\nFlag.\n\n${q} Can it be disabled?\n\nYes.\n\n${notes}\n\nNone.\n`;
    expect(brief(doc('#####'), kep)).toEqual([]);
    expect(brief(doc('####'), kep)).toEqual([]);
    expect(brief(doc('######', '### Notes'), kep)).toEqual(['15:1 heading-level prr/notes']);
    expect(brief(doc('###'), kep).filter((f) => f.includes('heading-level'))).toEqual(['7:1 heading-level prr/how-can-it-be-enabled', '11:1 heading-level prr/can-it-be-disabled']);
    // Where the template skips no level, another level is reported even under the same parent (regression QA).
    const unit = BASE.replace('### Unit Tests', '#### Unit Tests');
    expect(brief(unit)).toEqual([`${lineOf(unit, '#### Unit Tests')}:1 heading-level testing-strategy/unit-tests`]);
    // Same parent, but its own subsection no longer under it (code review): the tree changed, and it is said.
    const abc = buildTemplateModel(parseSpec('# T\n\n## A\n\n<!-- a -->\n\n### B\n\n<!-- b -->\n\n#### C\n\n<!-- c -->\n\n### D\n\n<!-- d -->\n'), 'abc@1');
    expect(brief('# M\n\n## A\n\nA.\n\n##### B\n\nB.\n\n#### C\n\nC.\n\n### D\n\nD.\n', abc)).toEqual(['7:1 heading-level a/b']);
    // In the gap above the template's other subsections, it takes them in (blind QA: nothing was said): the tree changed.
    const first = `# K\n\n## PRR\n\n### Enablement\n\n##### How can it be enabled?\n\nFlag.\n\n###### Can it be disabled?\n\nYes.\n\n## Notes\n\nNone.\n`;
    expect(findings(first, kep).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      '7:1 heading-level heading "How can it be enabled?" is level 5; the template has it at level 6 (######); the template\'s "Can it be disabled?" after it sits under it now, as its subsection: fixing its level puts it back']);
    // The last one in the gap takes none in; nor does one over subsections of the author's own.
    expect(brief(`# K\n\n## PRR\n\n### Enablement\n\n###### How can it be enabled?\n\nFlag.\n\n##### Can it be disabled?\n\nYes.\n\n###### Details of ours\n\nMore.\n\n## Notes\n\nNone.\n`, kep)).toEqual([]);
  });
});

describe('leftover markers between escaped angle brackets (KEP review)', () => {
  it('\\<TBD\\> shows "<TBD>" and is reported; a tag, or one after an escaped backslash, shows nothing and is reported as a tag (blind QA)', () => {
    expect(findings('# T\n\n\\<TBD\\>\n\nA <TODO attr> tag, and \\\\<FIXME> after a backslash.\n', null).map((f) => `${f.line}:${f.column} ${f.message}`))
      .toEqual(['3:3 leftover marker "TBD": replace it with the real content',
        '5:3 leftover marker "<TODO attr>": a tag, so the page shows nothing of it; replace it with the real content',
        '5:26 leftover marker "<FIXME>": a tag, so the page shows nothing of it; replace it with the real content']);
  });
});

describe('optional marks and long headings (KEP review)', () => {
  it('a spec heading marked "[optional]" or "(Optional)" is the template section without the mark', () => {
    const plain = buildTemplateModel(parseSpec('# K\n\n## Summary\n\n<!-- s -->\n\n## Drawbacks\n\n<!-- d -->\n\n## Alternatives\n\n<!-- a -->\n'), 'k@1');
    expect(brief('# Mine\n\n## Summary\n\nS.\n\n## Drawbacks [optional]\n\nD.\n\n## Alternatives (Optional)\n\nA.\n', plain)).toEqual([]);
    // And a template heading marked "[optional]" may be left out.
    const marked = buildTemplateModel(parseSpec('# K\n\n## Summary\n\n<!-- s -->\n\n## Drawbacks [optional]\n\n<!-- d -->\n'), 'k@1');
    expect(brief('# Mine\n\n## Summary\n\nS.\n', marked)).toEqual([]);
  });

  it('a rename or a split is named where the spec writes the template\'s chapters a level deeper, as its neighbours are (real Rust RFCs)', () => {
    const rfc = buildTemplateModel(parseSpec('# Summary\n\nOne paragraph explanation of the feature.\n\n# Drawbacks\n\nWhy should we *not* do this?\n\n# Rationale and alternatives\n\n- Why is this design the best in the space of possible designs?\n\n# Prior art\n\nDiscuss prior art.\n'), 'rfc@1');
    const missing = (middle: string) => checkSpec(parseSpec(`## Summary\n\nAdd a thing.\n\n## Drawbacks\n\nIt costs time.\n\n${middle}\n\n## Prior art\n\nNone known.\n`), { template: rfc, links: NO_FILES })
      .findings.filter((f) => f.rule === 'missing-section').map((f) => `${f.line} ${f.message}`);
    expect(missing('## Alternatives\n\nDo nothing.')).toEqual([
      '9 missing section "Rationale and alternatives" (# Rationale and alternatives) from template rfc@1; "Alternatives" is in its place: if that is this section renamed, restore its heading']);
    expect(missing('## Rationale\n\nIt is simple.\n\n## Alternatives\n\nDo nothing.')).toEqual([
      '9 missing section "Rationale and alternatives" (# Rationale and alternatives) from template rfc@1; "Rationale" and "Alternatives" are in its place, it split in two: put them under a ## Rationale and alternatives heading, a level below it, or join them under that heading']);
    // A heading at another level than its neighbours is no rename.
    expect(missing('### Alternatives\n\nDo nothing.')).toEqual(['13 missing section "Rationale and alternatives" (# Rationale and alternatives) from template rfc@1']);
  });

  it('a missing section whose next template section the spec seems to have renamed is placed before that heading, not at the end (real TensorFlow RFC)', () => {
    const tf = buildTemplateModel(parseSpec('# Title of RFC\n\n## Objective\n\nWhat are we doing and why?\n\n## Design Proposal\n\nThis is the meat of the document.\n\n## Questions and Discussion Topics\n\nSeed this with open questions.\n'), 'tf@1');
    const spec = '# Replace SWIG\n\n## Purpose\n\nDeprecate SWIG.\n\n## Proposal\n\nUse pybind11.\n\n## Work Estimates\n\nA year.\n\n_Note: hairy edge cases._\n';
    expect(findings(spec, tf).filter((f) => f.rule === 'missing-section').map((f) => `${f.line} ${f.sectionId}`)).toEqual(['7 objective', '7 design-proposal', '15 questions-and-discussion-topics']);
  });

  it('a renamed section that still holds only the template\'s guidance says so with the rename (real Gateway API GEP)', () => {
    const gep = buildTemplateModel(parseSpec('# Proposal\n\n## Non-Goals\n\n(What is out of scope.)\n\n## Introduction/Overview\n\n(Can link to external doc -- but we should bias towards copying the content into the GEP.)\n\n## API\n\n(... details)\n'), 'gep@1');
    const said = (intro: string) => findings(`# TLS overrides\n\n## Non-Goals\n\n* Cross-namespace policies.\n\n## Introduction\n\n${intro}\n\n## API\n\nA from field.\n`, gep).map((f) => f.message);
    expect(said('(Can link to external doc -- but we should bias towards copying the content into the GEP.)')).toEqual([
      'missing section "Introduction/Overview" (## Introduction/Overview) from template gep@1; "Introduction" is in its place: if that is this section renamed, restore its heading, and write its content: it still holds only the template\'s guidance']);
    expect(said('Backends get their own TLS settings.')).toEqual([
      'missing section "Introduction/Overview" (## Introduction/Overview) from template gep@1; "Introduction" is in its place: if that is this section renamed, restore its heading']);
    // A to-do word there is no guidance (blind QA): the rename is said, and leftover-marker names the word.
    expect(said('TBD')).toEqual([
      'missing section "Introduction/Overview" (## Introduction/Overview) from template gep@1; "Introduction" is in its place: if that is this section renamed, restore its heading',
      'leftover marker "TBD": replace it with the real content']);
  });

  it('a rename hint shows both headings whole, however long, and sits on the renamed heading', () => {
    const long = 'Will enabling / using this feature result in any new calls to the cloud provider, or increase of resource usage';
    const t = buildTemplateModel(parseSpec(`# K\n\n## Summary\n\n<!-- s -->\n\n## ${long}?\n\n<!-- q -->\n\n## End\n\n<!-- e -->\n`), 'k@1');
    const other = 'Will this feature increase resource usage or calls to the cloud provider';
    const [f] = findings(`# Mine\n\n## Summary\n\nS.\n\n## ${other}?\n\nNo.\n\n## End\n\nE.\n`, t);
    expect([f!.rule, f!.line]).toEqual(['missing-section', 7]);
    expect(f!.message).toContain(`"${other}?" is in its place`);
    expect(f!.message).toContain(`(## ${long}?)`);
    // The same question a few words apart (an older wording) is the section; one that negates it is not.
    expect(findings(`# Mine\n\n## Summary\n\nS.\n\n## ${long.replace('any new calls', 'new calls')}?\n\nNo.\n\n## End\n\nE.\n`, t)).toEqual([]);
    expect(findings(`# Mine\n\n## Summary\n\nS.\n\n## ${long.replace('result in', 'not result in')}?\n\nNo.\n\n## End\n\nE.\n`, t).map((f) => f.rule)).toEqual(['missing-section']);
  });
});

describe('an empty section with subsections says where its text is owed (KEP review)', () => {
  it('names the place above the subsections', () => {
    const kep = buildTemplateModel(parseSpec('# K\n\n## Proposal\n\n<!-- What is proposed. -->\n\n### User Stories\n\n<!-- Stories. -->\n\n## Notes\n\n<!-- n -->\n'), 'k@1');
    expect(findings('# Mine\n\n## Proposal\n\n### User Stories\n\nStory 1.\n\n## Notes\n\n<!-- n -->\n', kep).map((f) => `${f.line} ${f.message}`)).toEqual([
      '3 section "Proposal" has no text of its own: write its content above its subsections (they count as sections of their own)',
      '9 section "Notes" is empty: write its content',
    ]);
  });
});

describe('a section under a parent at the wrong level is left to heading-level (KEP review)', () => {
  it('is not also out of order among its template siblings, even when their parent is missing', () => {
    const kep = buildTemplateModel(parseSpec('# K\n\n## Design Details\n\n<!-- d -->\n\n### Test Plan\n\n<!-- t -->\n\n### Graduation Criteria\n\n<!-- g -->\n\n## History\n\n<!-- h -->\n'), 'k@1');
    expect(brief('# Mine\n\n## Graduation Criteria\n\nAlpha.\n\n### Test Plan\n\nUnit tests.\n\n## History\n\nv1.\n', kep)).toEqual([
      '3:1 heading-level graduation-criteria',
      '7:1 missing-section design-details',
    ]);
  });
});

describe('headings swallowed by a code block that is never closed (KEP review)', () => {
  it('each missing section is placed on its heading inside the code block, saying why', () => {
    const spec = BASE.replace('## Future Considerations', '```yaml\nkind: Example\n\n## Future Considerations');
    const line = lineOf(spec, '## Future Considerations');
    const missing = findings(spec).filter((f) => f.rule === 'missing-section');
    expect(missing.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.sectionId}`)).toEqual([
      `${line}:1-25 future-considerations`,
      `${lineOf(spec, '## Alternative Approaches Considered')}:1-37 alternative-approaches-considered`,
      `${lineOf(spec, '## References')}:1-14 references`,
    ]);
    expect(missing[0]!.message).toBe(`missing section "Future Considerations" (## Future Considerations) from template tech-spec@1: its heading is inside the code block opened on line ${lineOf(spec, '```yaml')} that is never closed, so it is code, not a heading; close that code block where its code ends`);
  });

  it('a missing heading inside a closed code block where it belongs (an agent\'s ```markdown around its answer) is placed there and said so; elsewhere, not (blind QA, LLM-written specs)', () => {
    const wrapped = BASE.replace('### System Components\n', '```markdown\n### System Components\n').replace('\n### API Design\n', '\n```\n\n### API Design\n');
    const open = lineOf(wrapped, '```markdown');
    expect(findings(wrapped).map((f) => `${f.line}:${f.column} ${f.rule} ${f.sectionId} ${f.message.replace(/^.*from template tech-spec@1/, '')}`)).toEqual([
      `${open + 1}:1 missing-section architecture/system-components : its heading is inside the code block on lines ${open}–${lineOf(wrapped, '```\n\n### API')}, so it is code, not a heading; if the section is written there, take it out of the code block`,
      `${lineOf(wrapped, '### Data Model')}:1 missing-section architecture/data-model : its heading is inside the code block on lines ${open}–${lineOf(wrapped, '```\n\n### API')}, so it is code, not a heading; if the section is written there, take it out of the code block`,
    ]);
    // A heading in a code sample of another section (under References) is not where the missing one belongs.
    const sample = BASE.replace('### Data Model\n', '').replace('## References\n', '## References\n\n```markdown\n### Data Model\n```\n');
    expect(brief(sample).filter((f) => f.includes('data-model'))).toEqual([`${lineOf(sample, '### API Design')}:1 missing-section architecture/data-model`]);
    // Indented four spaces, as an agent may indent a part of its answer: an indented code block, said so (blind QA).
    const indented = BASE.replace('### System Components\n\nDone: list and describe the major components of the system.\n\n### Data Model\n', '    ### System Components\n\n    Done: list and describe the major components of the system.\n\n    ### Data Model\n');
    expect(indented).not.toBe(BASE);
    const from = lineOf(indented, '    ### System Components');
    expect(findings(indented).filter((f) => f.rule === 'missing-section').map((f) => `${f.line}:${f.column} ${f.message.replace(/^.*from template tech-spec@1/, '')}`)).toEqual([
      `${from}:5 : its heading is inside the code block that its indentation (four spaces or a tab) makes of lines ${from}–${from + 4}, so it is code, not a heading; remove the indentation`,
      `${from + 4}:5 : its heading is inside the code block that its indentation (four spaces or a tab) makes of lines ${from}–${from + 4}, so it is code, not a heading; remove the indentation`,
    ]);
  });

  it('of a code comment and a heading alike in it, the one at the template\'s level; a fence that closes nothing is named (blind QA, ADR)', () => {
    const adr = buildTemplateModel(parseSpec('# Title\n\n## Context\n\n<!-- c -->\n\n## Decision\n\n<!-- d -->\n\n## Consequences\n\n<!-- q -->\n'), 'adr@1');
    const spec = (close: string) => `# ADR 3\n\n## Context\n\n\`\`\`\`yaml\ndb: postgres\n# Consequences\n${close}\n\n## Decision\n\nPostgres.\n\n## Consequences\n\nBackups.\n`;
    const said = (close: string) => findings(spec(close), adr).map((f) => `${f.line} ${f.sectionId}${f.message.replace(/^.*never closed/, '')}`);
    const after = ', so it is code, not a heading; close that code block where its code ends';
    expect(said('```')).toEqual([`10 decision (the \`\`\` on line 8 is shorter than the \`\`\`\` that opens it)${after}`, `14 consequences (the \`\`\` on line 8 is shorter than the \`\`\`\` that opens it)${after}`]);
    expect(said('    ````')).toEqual([`10 decision (the \`\`\`\` on line 8 is indented four spaces or more)${after}`, `14 consequences (the \`\`\`\` on line 8 is indented four spaces or more)${after}`]);
    expect(said('```` yaml')).toEqual([`10 decision (the \`\`\`\` on line 8 has text after it)${after}`, `14 consequences (the \`\`\`\` on line 8 has text after it)${after}`]);
    expect(said('````')).toEqual([]);
    // A fence indented less than its list item's text ends the item and opens a block: named as meant to close the item's (KEP audit).
    const item = `# ADR 3\n\n## Context\n\n- Config:\n\n  \`\`\`\n  db: postgres\n \`\`\`\n\n## Decision\n\nPostgres.\n\n## Consequences\n\nBackups.\n`;
    expect(findings(item, adr).map((f) => `${f.line}${f.message.replace(/^.*never closed/, '')}`)).toEqual([
      `11 (the \`\`\` on line 9 seems meant to close the code block opened on line 7, but it is indented less than the text of that block's list item, so it ends the item and opens a code block instead: indent it as far as the opening fence)${after}`,
      `15 (the \`\`\` on line 9 seems meant to close the code block opened on line 7, but it is indented less than the text of that block's list item, so it ends the item and opens a code block instead: indent it as far as the opening fence)${after}`,
    ]);
  });
});

describe('an HTML comment never closed that hides only text (blind QA, KEP planted defects)', () => {
  it('is reported on its `<!--`, with how much it hides; not one that hides headings, a placeholder\'s, or one that hides only itself', () => {
    const said = (source: string) => findings(source, null).filter((f) => f.rule === 'unclosed-html').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(said('# T\n\n## A\n\nText.\n\n<!-- reviewer: confirm with sig-testing\n\nThe rollout waits for the tests.\nAnd this line too.\n')).toEqual([
      '7:1 HTML comment is never closed: the page shows nothing from here to the end of the file (2 lines of text after the comment\'s own); add `-->` where the comment\'s text ends']);
    // (Nor one that opens a section's own text: empty-section says why that section is empty.)
    for (const fine of ['# T\n\n## Risks\n\n<!-- reviewer: is this still true?\n\nThe vendor may raise prices next year.\n', '# T\n\n<!-- note\n\n## B\n\nText.\n', '# T\n\n<!-- AGENT_PLACEHOLDER: say\n\nText.\n', '# T\n\nText.\n\n<!-- a note to myself\n', '# T\n\n<!-- closed -->\n\nText.\n']) {
      expect([fine, said(fine)]).toEqual([fine, []]);
    }
  });
});

describe('hidden headings with a number or an emoji before their words (blind QA, planted defects)', () => {
  const mini = buildTemplateModel(parseSpec('# Mini\n\n## Design\n\n<!-- AGENT_PLACEHOLDER: How it works -->\n\n### API\n\n<!-- AGENT_PLACEHOLDER: Describe the endpoints -->\n\n## Rollout\n\n<!-- AGENT_PLACEHOLDER: How it ships -->\n'), 'mini@1');
  const said = (spec: string) => findings(spec, mini).map((f) => `${f.line} ${f.rule}${f.rule === 'missing-section' ? ` ${f.message.replace(/^.*from template mini@1: /, '')}` : ''}`);
  for (const [api, rollout] of [['🔌 API', '🚀 Rollout'], ['1.1 API', '2. Rollout']]) {
    const after = `### ${api}\n\nPOST /login.\n\n## ${rollout}\n\nBehind a flag.\n`;
    it(`hidden by a placeholder never closed: one finding for the cause, not also missing (${api})`, () => {
      expect(said(`# Login\n\n## Design\n\n<!-- AGENT_PLACEHOLDER: How it works\n\n${after}`)).toEqual(['5 malformed-placeholder']);
    });
    it(`inside a code block never closed: placed on each heading, saying why (${api})`, () => {
      expect(said(`# Login\n\n## Design\n\nCookies.\n\n\`\`\`yaml\nttl: 30m\n\n${after}`)).toEqual([
        '10 missing-section its heading is inside the code block opened on line 7 that is never closed, so it is code, not a heading; close that code block where its code ends',
        '14 missing-section its heading is inside the code block opened on line 7 that is never closed, so it is code, not a heading; close that code block where its code ends']);
    });
    it(`inside a comment never closed: placed on each heading, saying why (${api})`, () => {
      expect(said(`# Login\n\n## Design\n\nCookies.\n\n<!-- note to self\n\n${after}`).map((f) => f.replace(/: close that comment.*$/, ''))).toEqual([
        '9 missing-section its heading is inside the HTML comment opened on line 7 that is never closed, so it is hidden, not a heading; close that comment with `-->` where its own text ends',
        '13 missing-section its heading is inside the HTML comment opened on line 7 that is never closed, so it is hidden, not a heading; close that comment with `-->` where its own text ends']);
    });
  }
});

describe('headings swallowed by an HTML comment that lost its `-->` (QA: comment-guided templates)', () => {
  const kep = buildTemplateModel(parseSpec('# Design\n\n## Summary\n\n<!--\nOne paragraph.\n-->\n\n## Constraints\n\n<!--\nAny requirement.\n-->\n\n## Rollout\n\n<!--\nHow it ships.\n-->\n\n## Risks\n\n<!--\nKnown risks.\n-->\n'), 'kep@1');
  const head = '# A\n\n## Summary\n\nMove exports to a queue.\n\n## Constraints\n\n<!--\nAny requirement.\n\nMust run on the shared cluster.\n\n## Rollout\n\nDark launch.\n\n## Risks\n\n';
  const said = (f: { line: number; column: number; endColumn: number; rule: string; sectionId?: string; message: string }) => `${f.line}:${f.column}-${f.endColumn} ${f.rule} ${f.sectionId} ${f.message}`;
  const missing = (t: string, hiddenBy: string) => `missing section "${t}" (## ${t}) from template kep@1: its heading is inside the HTML comment opened on line 9 ${hiddenBy}, so it is hidden, not a heading; close that comment with \`-->\` where its own text ends`;

  it('never closed: each hidden section on its own heading, saying where the comment opens', () => {
    const spec = `${head}A single point of failure.\n`;
    expect(findings(spec, kep).map(said)).toEqual([
      // The empty section says why: the comment in it hides its text (blind QA).
      '7:1-15 empty-section constraints section "Constraints" is empty: an HTML comment in it is never closed, so it hides everything after it, text and sections; end it with `-->` where its own words end',
      `14:1-11 missing-section rollout ${missing('Rollout', 'that is never closed')}`,
      `18:1-9 missing-section risks ${missing('Risks', 'that is never closed')}`,
    ]);
  });

  it('closed only by a later comment\'s `-->`: says on which line, one finding per section still', () => {
    const spec = `${head}<!-- reviewed by SRE -->\nA single point of failure.\n`;
    expect(findings(spec, kep).map(said)).toEqual([
      `14:1-11 missing-section rollout ${missing('Rollout', 'that is closed only by a later comment\'s `-->` on line 20')}`,
      `18:1-9 missing-section risks ${missing('Risks', 'that is closed only by a later comment\'s `-->` on line 20')}`,
    ]);
  });

  it('a comment closed by its own `-->` hides its headings, maybe on purpose: the finding sits on the heading in it and says so (blind QA, cosmos-sdk ADR: it named no comment)', () => {
    const spec = '# A\n\n## Summary\n\nS.\n\n## Constraints\n\nC.\n\n<!--\n## Rollout\n\nNot yet.\n-->\n\n## Risks\n\nR.\n';
    expect(findings(spec, kep).map(said)).toEqual([
      '12:1-11 missing-section rollout missing section "Rollout" (## Rollout) from template kep@1: its heading is inside an HTML comment, which the page does not show; take the section out of the comment if it belongs in the spec',
    ]);
    // On the comment's first line too: `<!-- ## Further Discussions`.
    expect(findings('# A\n\n## Summary\n\nS.\n\n## Constraints\n\nC.\n\n<!-- ## Rollout\n\nNot yet. -->\n\n## Risks\n\nR.\n', kep).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['11:6 missing-section']);
    // Nor is a heading inside the later, properly closed comment blamed on the open one: it is said to be in that comment.
    const later = `${head.replace('## Risks\n\n', '')}<!--\n## Risks\n-->\nA single point of failure.\n`;
    expect(findings(later, kep).map((f) => `${f.line} ${f.rule} ${f.sectionId}`)).toEqual(['14 missing-section rollout', '19 missing-section risks']);
    expect(findings(later, kep)[1]!.message).toContain('its heading is inside an HTML comment, which the page does not show');
  });

  it('sections commented out on purpose, their guidance comments closing the wrapper early, are said to be in a comment, not in a broken one (a KEP hides questions not due yet so)', () => {
    const spec = '# A\n\n## Summary\n\nS.\n\n## Constraints\n\nC.\n\n<!--\n## Rollout\n\n<!--\nHow it ships.\n-->\n\n## Risks\n\nR.\n';
    expect(findings(spec, kep).map(said)).toEqual(['12:1-11 missing-section rollout missing section "Rollout" (## Rollout) from template kep@1: its heading is inside an HTML comment, which the page does not show; take the section out of the comment if it belongs in the spec']);
  });
});

describe('a section of the author\'s own between the title and the template\'s first (KEP review)', () => {
  it('holds the title part\'s text, as subsections of one\'s own do for their parent', () => {
    const kep = buildTemplateModel(parseSpec('# KEP-NNNN: Title\n\n<!-- A table of contents helps. -->\n\n## Summary\n\n<!-- s -->\n'), 'k@1');
    expect(brief('# KEP-1: Mine\n\n## Table of Contents\n\n- [Summary](#summary)\n\n## Summary\n\nS.\n', kep)).toEqual([]);
    // Empty, or after the template's first section, it does not count.
    expect(brief('# KEP-1: Mine\n\n## Table of Contents\n\n<!-- toc -->\n\n## Summary\n\nS.\n', kep)).toEqual(['1:1 empty-section title']);
    expect(brief('# KEP-1: Mine\n\n## Summary\n\nS.\n\n## Table of Contents\n\n- [Summary](#summary)\n', kep)).toEqual(['1:1 empty-section title']);
    // A wrapper of its own around the template's sections lends them no text (code review).
    expect(brief('# KEP-1: Mine\n\n## Overview\n\n### Summary\n\nS.\n', kep)).toEqual(['1:1 empty-section title', '5:1 heading-level overview/summary']);
  });

  it('a table of contents fills a title part that has one in the template, not one that asks for other things (a Rust RFC\'s metadata list; prose QA)', () => {
    const rfc = buildTemplateModel(parseSpec('- Feature Name: (fill me in with a unique ident)\n- Start Date: (fill me in with today\'s date)\n\n# Summary\n\nOne paragraph explanation of the feature.\n\n# Motivation\n\nWhy are we doing this?\n'), 'rfc@1');
    const body = '# Summary\n\nLet-else.\n\n# Motivation\n\nLess drift.\n';
    const left = '- Feature Name: (fill me in with a unique ident)\n- Start Date: (fill me in with today\'s date)\n\n';
    const toc = '## Table of contents\n\n- [Summary](#summary)\n- [Motivation](#motivation)\n\n';
    expect(brief(`${left}${body}`, rfc)).toEqual(['1:1 empty-section title']);
    expect(brief(`${left}${toc}${body}`, rfc)).toEqual(['1:1 empty-section title']);
    expect(brief(`- Feature Name: let_else\n- Start Date: 2021-07-01\n\n${toc}${body}`, rfc)).toEqual([]);
    // A KEP's title part has a table of contents: a spec's own is what it asks for.
    const kep = buildTemplateModel(parseSpec('# KEP-NNNN: Title\n\n<!-- toc -->\n- [Summary](#summary)\n- [Motivation](#motivation)\n<!-- /toc -->\n\n## Summary\n\n<!-- s -->\n\n## Motivation\n\n<!-- m -->\n'), 'kt@1');
    expect(brief('# KEP-1: Mine\n\n## Table of Contents\n\n- [Summary](#summary)\n- [Motivation](#motivation)\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n', kep)).toEqual([]);
  });
});

describe('headings that stand in for a name the spec gives (MADR\'s options, heading placeholders)', () => {
  const MADR = buildTemplateModel(parseSpec([
    '# {short title}', '',
    '## Context', '', '{Describe the context and problem statement.}', '',
    '## Pros and Cons of the Options', '',
    '### {title of option 1}', '', '* Good, because {argument a}', '',
    '#### Risks', '', '{risks of option 1}', '',
    '### {title of other option}', '', '* Good, because {argument b}', '',
    '## More Information', '', '{You might want to provide additional evidence.}', '',
  ].join('\n')), 'madr@1');
  const spec = (options: string): string => `# Use PostgreSQL\n\n## Context\n\nWe need a database for orders.\n\n## Pros and Cons of the Options\n\n${options}\n## More Information\n\nSee the benchmark.\n`;
  const on = new Map([['unknown-section', ON]]);

  it('a spec\'s own headings in their place are the stand-ins, in order; more of them are its own sections', () => {
    const written = spec('### PostgreSQL\n\n* Good, because it is transactional.\n\n#### Risks\n\nNone.\n\n### MongoDB\n\n* Good, because it is schemaless.\n\n### SQLite\n\n* Good, because it is small.\n\n');
    const matching = matchSections(parseSpec(written), MADR);
    expect(matching.byTemplateId.get('pros-and-cons-of-the-options/title-of-option-1')?.heading.text).toBe('PostgreSQL');
    expect(matching.byTemplateId.get('pros-and-cons-of-the-options/title-of-option-1/risks')?.heading.text).toBe('Risks');
    expect(matching.byTemplateId.get('pros-and-cons-of-the-options/title-of-other-option')?.heading.text).toBe('MongoDB');
    expect(brief(written, MADR)).toEqual([]);
    expect(brief(written, MADR, on)).toEqual([`${lineOf(written, '### SQLite')}:1 unknown-section pros-and-cons-of-the-options/sqlite`]);
  });

  it('a heading of two names written as two sections side by side is said so, on the first (blind QA, design doc)', () => {
    const doc = buildTemplateModel(parseSpec('# Design Doc\n\n## Context\n\n*Why.*\n\n## Goals and Non-Goals\n\n*What and what not.*\n\n## Design\n\n*How.*\n'), 'dd@1');
    const split = '# Retries\n\n## Context\n\nRenewals fail.\n\n## Goals\n\nRetry.\n\n## Non-Goals\n\nRefunds.\n\n## Design\n\nA queue.\n';
    expect(findings(split, doc).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      '7:1 missing-section missing section "Goals and Non-Goals" (## Goals and Non-Goals) from template dd@1; "Goals" and "Non-Goals" are in its place, it split in two: put them under a ## Goals and Non-Goals heading, a level below it, or join them under that heading']);
    // Only the two halves, in order, where it belongs.
    expect(findings(split.replace('## Non-Goals', '## Scope'), doc).map((f) => f.message)).toEqual([expect.not.stringContaining('split in two')]);
    // Two names joined by `/` with no spaces (real Gateway API GEP: "Introduction/Overview").
    const gep = buildTemplateModel(parseSpec('# GEP\n\n## TLDR\n\n(1-2 sentence summary)\n\n## Introduction/Overview\n\n(Can link to external doc)\n\n## API\n\n(What the API looks like)\n'), 'gep@1');
    expect(findings('# GEP-1748\n\n## TLDR\n\nMesh routes.\n\n## Introduction\n\nWhy.\n\n## Overview\n\nWhat.\n\n## API\n\nFields.\n', gep).map((f) => f.message)).toEqual([
      'missing section "Introduction/Overview" (## Introduction/Overview) from template gep@1; "Introduction" and "Overview" are in its place, it split in two: put them under a ## Introduction/Overview heading, a level below it, or join them under that heading']);
    // A heading of three names cut at its comma (real TensorFlow RFC: "Best Practices, Tutorials and Examples").
    const tf = buildTemplateModel(parseSpec('# RFC\n\n## Design\n\n### Best Practices, Tutorials and Examples\n\nHow will users use it?\n\n### Compatibility\n\nDoes it break anything?\n'), 'tf@1');
    expect(findings('# Fuse recv\n\n## Design\n\n### Best Practices\n\nBatch them.\n\n### Tutorials and Examples\n\nSee the guide.\n\n### Compatibility\n\nNone.\n', tf).map((f) => f.message)).toEqual([
      'missing section "Best Practices, Tutorials and Examples" (### Best Practices, Tutorials and Examples) from template tf@1; "Best Practices" and "Tutorials and Examples" are in its place, it split in two: put them under a ### Best Practices, Tutorials and Examples heading, a level below it, or join them under that heading']);
    // …or at every join, one section a name, a serial comma's "and" aside (real Fuchsia RFC: "Drawbacks, alternatives, and unknowns").
    const fx = buildTemplateModel(parseSpec('# Title\n\n## Documentation\n\nDo we need docs?\n\n## Drawbacks, alternatives, and unknowns\n\nWhat are the costs?\n\n## Prior art\n\nIs there background?\n'), 'fx@1');
    const three = '# X\n\n## Documentation\n\nNone.\n\n## Drawbacks\n\nEffort.\n\n## Alternatives\n\nKeep it.\n\n## Unknowns\n\nNone.\n\n## Prior art\n\nNone.\n';
    expect(findings(three, fx).map((f) => `${f.line} ${f.message}`)).toEqual([
      '7 missing section "Drawbacks, alternatives, and unknowns" (## Drawbacks, alternatives, and unknowns) from template fx@1; "Drawbacks", "Alternatives" and "Unknowns" are in its place, it split in three: put them under a ## Drawbacks, alternatives, and unknowns heading, a level below it, or join them under that heading']);
    expect(findings(three.replace('## Unknowns', '## Risks'), fx).map((f) => f.message)).toEqual([expect.not.stringContaining('split in')]);
  });

  it('a stand-in heading out of its place, a sibling moved above it, is still found: section-order says what moved, no "missing" (blind QA, spec-kit)', () => {
    const kit = buildTemplateModel(parseSpec('# Feature Specification: [FEATURE NAME]\n\n## User Scenarios & Testing *(mandatory)*\n\n### User Story 1 - [Brief Title] (Priority: P1)\n\n[Describe this user journey in plain language]\n\n### Edge Cases\n\n- What happens when [boundary condition]?\n\n## Requirements *(mandatory)*\n\n- **FR-001**: System MUST [specific capability]\n'), 'kit@1');
    const moved = '# Feature Specification: CSV Export\n\n## User Scenarios & Testing *(mandatory)*\n\n### Edge Cases\n\n- An empty range gives a header row.\n\n### User Story 1 - Export invoices (Priority: P1)\n\nAn owner downloads invoices.\n\n## Requirements *(mandatory)*\n\n- **FR-001**: System MUST export CSV.\n';
    // A stand-in that is all slot fits any heading: it is not looked for out of its place, where an author's section
    // placed after it would be taken for it (review: a missing section passed as a warning).
    const design = buildTemplateModel(parseSpec('# D\n\n## Design\n\n### Overview\n\n<!-- o -->\n\n### <!-- AGENT_PLACEHOLDER: name the main component -->\n\n<!-- c -->\n\n### Risks\n\n<!-- r -->\n'), 'd@1');
    expect(brief('# Cache\n\n## Design\n\n### Overview\n\nO.\n\n### Risks\n\nR.\n\n### Open Questions\n\nQ.\n', design).map((f) => f.split(' ')[1])).toEqual(['missing-section']);
    // (Of two swapped, as many subsections each, the later is said to have moved.)
    expect(brief(moved, kit)).toEqual(['9:1 section-order user-scenarios--testing-mandatory/user-story-1---export-invoices-priority-p1']);
  });

  it('under a renamed parent, a stand-in heading is found where its template siblings are: the rename is the one finding (blind QA, spec-kit)', () => {
    const kit = buildTemplateModel(parseSpec('# Feature Specification: [FEATURE NAME]\n\n## User Scenarios & Testing *(mandatory)*\n\n### User Story 1 - [Brief Title] (Priority: P1)\n\n[Describe this user journey in plain language]\n\n### Edge Cases\n\n- What happens when [boundary condition]?\n\n## Requirements *(mandatory)*\n\n- **FR-001**: System MUST [specific capability]\n'), 'kit@1');
    const renamed = '# Feature Specification: CSV Export\n\n## User Scenarios and Tests\n\n### User Story 1 - Export invoices (Priority: P1)\n\nAn owner downloads invoices.\n\n### Edge Cases\n\n- An empty range gives a header row.\n\n## Requirements *(mandatory)*\n\n- **FR-001**: System MUST export CSV.\n';
    expect(brief(renamed, kit)).toEqual(['3:1 missing-section user-scenarios--testing-mandatory']);
    // Its siblings under two sections of the spec's: no guess.
    const split = renamed.replace('### Edge Cases', '## Other\n\n### Edge Cases');
    expect(brief(split, kit).filter((f) => f.includes('user-story'))).toEqual([`${lineOf(split, '### Edge Cases')}:1 missing-section user-scenarios--testing-mandatory/user-story-1---brief-title-priority-p1`]);
  });

  it('the template\'s guidance left under a spec\'s own option heading is an empty section; an option not written is missing', () => {
    const written = spec('### PostgreSQL\n\n* Good, because {argument a}\n\n');
    expect(brief(written, MADR)).toEqual([
      `${lineOf(written, '### PostgreSQL')}:1 empty-section pros-and-cons-of-the-options/postgresql`,
      `${lineOf(written, '## More Information')}:1 missing-section pros-and-cons-of-the-options/title-of-option-1/risks`,
      `${lineOf(written, '## More Information')}:1 missing-section pros-and-cons-of-the-options/title-of-other-option`,
    ]);
  });

  it('a heading placeholder, filled, names its section: nothing is missing', () => {
    const template = buildTemplateModel(parseSpec('# Decision\n\n## Options\n\n### <!-- AGENT_PLACEHOLDER: option name -->\n\n<!-- AGENT_PLACEHOLDER: pros and cons -->\n\n## More\n\n<!-- AGENT_PLACEHOLDER: more -->\n'), 'dec@1');
    expect(brief('# Use PG\n\n## Options\n\n### PostgreSQL\n\nTransactional.\n\n## More\n\nNone.\n', template)).toEqual([]);
    // Not one at another level, nor one outside its parent.
    expect(brief('# Use PG\n\n## Options\n\n#### PostgreSQL\n\nTransactional.\n\n## More\n\nNone.\n', template)).toEqual(['9:1 missing-section options/section']);
    expect(brief('# Use PG\n\n## Options\n\nSee below.\n\n## More\n\nNone.\n\n### PostgreSQL\n\nTransactional.\n', template)).toEqual(['7:1 missing-section options/section']);
  });

  it('a comment on the line above a heading that says the section is optional makes it optional (MADR\'s "This is an optional element.")', () => {
    const template = (between: string) => buildTemplateModel(parseSpec(`# T\n\n## Context\n\n<!-- c -->\n\n<!-- This is an optional element. Feel free to remove. -->${between}## Decision Drivers\n\n<!-- d -->\n\n## Outcome\n\n<!-- o -->\n`), 'm@1');
    const written = '# T\n\n## Context\n\nC.\n\n## Outcome\n\nO.\n';
    expect(brief(written, template('\n'))).toEqual([]);
    // A blank line between: the comment ends the section above, and says nothing of the next.
    expect(brief(written, template('\n\n'))).toEqual(['7:1 missing-section decision-drivers']);
    for (const says of ['This element is optional.', 'This section is optional', 'This is an optional section.']) {
      const t = buildTemplateModel(parseSpec(`# T\n\n## Context\n\n<!-- c -->\n\n## Decision Drivers\n\n<!-- ${says} -->\n\n## Outcome\n\n<!-- o -->\n`), 'm@1');
      expect(brief(written, t)).toEqual([]);
    }
  });
});

describe('leftover-marker: the template\'s own {slot}s (MADR)', () => {
  const MADR = buildTemplateModel(parseSpec('# {short title}\n\n## Context\n\n{Describe the context.}\n\n## Options\n\n* Good, because {argument a}\n* Bad, because {argument b}\n\nExample: `{argument c}`.\n'), 'madr@1');
  it('reports a slot the template writes, left where the author wrote the section; not in code, not an unwritten section, not braces of the author\'s own', () => {
    const written = '# Use NATS\n\n## Context\n\nWe need events; the payload is {"id": 1} or a set {a, b}.\n\n## Options\n\n* Good, because it is fast.\n* Bad, because {argument b}\n\nSee `{argument a}`.\n';
    expect(findings(written, MADR).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      '10:16 leftover-marker the template\'s slot "{argument b}" is still here: replace it with the real content',
    ]);
    // A section that is still the template's guidance as a whole is empty-section's alone.
    const unwritten = '# Use NATS\n\n## Context\n\nWe need events.\n\n## Options\n\n* Good, because {argument a}\n* Bad, because {argument b}\n\nExample: `{argument c}`.\n';
    expect(brief(unwritten, MADR)).toEqual(['7:1 empty-section options']);
  });

  it('reports an instruction in parentheses the template writes (the RFCs\' "(fill me in with today\'s date …)") kept among filled lines; not one that may stay, nor the author\'s own', () => {
    const rfc = buildTemplateModel(parseSpec('- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n- RFC PR: (leave this empty)\n- Issue: (Add the tracking issue)\n\n# Summary\n\nBrief explanation of the feature.\n'), 'rfc@1');
    const spec = (header: string) => findings(`${header}\n\n# Summary\n\nHooks hold state (fill in more later).\n`, rfc).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(spec('- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n- RFC PR: (leave this empty)\n- Issue: #12')).toEqual([
      '1:15 leftover-marker the template\'s slot "(fill me in with today\'s date, YYYY-MM-DD)" is still here: replace it with the real content',
    ]);
    expect(spec('- Start Date: 2026-11-29\n- RFC PR: (leave this empty)\n- Issue: (Add the tracking issue)')).toEqual([
      '3:10 leftover-marker the template\'s slot "(Add the tracking issue)" is still here: replace it with the real content',
    ]);
    expect(spec('- Start Date: 2026-11-29\n- RFC PR: (leave this empty)\n- Issue: `(Add the tracking issue)`')).toEqual([]);
    // Quoted as written, its inline code too (blind QA, Rust RFC).
    const rust = buildTemplateModel(parseSpec('- Feature Name: (fill me in with a unique ident, `my_awesome_feature`)\n\n# Summary\n\nOne paragraph.\n'), 'rust@1');
    expect(findings('- Feature Name: (fill me in with a unique ident, `my_awesome_feature`)\n\n# Summary\n\nArrays.\n', rust).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message}`)).toEqual([
      '1:17-71 the template\'s slot "(fill me in with a unique ident, `my_awesome_feature`)" is still here: replace it with the real content',
    ]);
    // Kept without its backticks it is the same blank (blind QA, Rust RFC 3052's kind of copy); a value written in is not.
    expect(findings('- Feature Name: (fill me in with a unique ident, my_awesome_feature)\n\n# Summary\n\nArrays.\n', rust).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message}`)).toEqual([
      '1:17-69 the template\'s slot "(fill me in with a unique ident, my_awesome_feature)" is still here: replace it with the real content',
    ]);
    expect(findings('- Feature Name: `array_windows`\n\n# Summary\n\nArrays.\n', rust)).toEqual([]);
  });

  it('a slot in the heading of a section whose placeholder is still open is unwritten with it: unfilled-placeholder\'s alone (blind QA: a spec fresh from `new` had both)', () => {
    const mini = buildTemplateModel(parseSpec('# Runbook\n\n## Alerts\n\n### Alert: <name>\n\n<!-- AGENT_PLACEHOLDER: What fired -->\n\n### Story 1 - [Brief Title]\n\n<!-- AGENT_PLACEHOLDER: The story -->\n'), 'mini@1');
    const fresh = '# Runbook\n\n## Alerts\n\n### Alert: <name>\n\n<!-- AGENT_PLACEHOLDER: What fired -->\n\n### Story 1 - [Brief Title]\n\n<!-- AGENT_PLACEHOLDER: The story -->\n';
    expect(brief(fresh, mini).map((f) => f.split(' ')[1])).toEqual(['unfilled-placeholder', 'unfilled-placeholder']);
    // With unfilled-placeholder off, the slot is this rule's again (review: nothing was said).
    expect(brief(fresh, mini, new Map([['unfilled-placeholder', { severity: 'off', options: {} }]])).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['5:12 leftover-marker', '9:15 leftover-marker']);
    // Written under it, the slot kept in its heading is a blank.
    expect(brief(fresh.replace('<!-- AGENT_PLACEHOLDER: What fired -->', 'Disk full on the primary.'), mini).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['5:12 leftover-marker', '11:1 unfilled-placeholder']);
  });

  it('a Y-statement\'s <slot> kept is reported; a tag of HTML\'s, or one with attributes, is not (blind QA)', () => {
    const y = buildTemplateModel(parseSpec('# Title\n\n## Decision\n\nIn the context of <use case/user story u>,\naccepting <downside d>,\nsee <details open> and <img src="x.png" alt="a b">.\n'), 'y@1');
    // (The `<details open>` left open is unclosed-html's, the image's missing file broken-link's.)
    const said = (decision: string) => findings(`# Cache reads\n\n## Decision\n\n${decision}\n`, y).filter((f) => f.rule !== 'unclosed-html' && f.rule !== 'broken-link').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(said('In the context of the catalogue API,\naccepting <downside d>,\nsee <details open> and <img src="x.png" alt="a b">.')).toEqual([
      '6:11 the template\'s slot "<downside d>" is still here: replace it with the real content',
    ]);
    expect(said('In the context of <use case/user story u>,\naccepting stale reads.')).toEqual(['5:19 the template\'s slot "<use case/user story u>" is still here: replace it with the real content']);
    expect(said('In the context of the API,\naccepting `<downside d>` as written.')).toEqual([]);
    // A word and a comma in it (real gRPC proposals: `* Implemented in: <language, ...>`).
    const grpc = buildTemplateModel(parseSpec('# Title\n\n* Author(s): <list of authors>\n* Implemented in: <language, ...>\n\n## Abstract\n\n<!-- a -->\n'), 'g@1');
    expect(findings('# Custom labels\n\n* Author(s): Ana Li\n* Implemented in: <language, ...>\n\n## Abstract\n\nLabels.\n', grpc).map((f) => `${f.line}:${f.column} ${f.message}`))
      .toEqual(['4:19 the template\'s slot "<language, ...>" is still here: replace it with the real content']);
  });

  it('a date or version the template leaves to write (`DD-MMM-YYYY`, `3.XX`) kept among filled lines is reported, once inside a slot that holds it (blind QA, PEP)', () => {
    const pep = buildTemplateModel(parseSpec('# PEP\n\n| Field | Value |\n|---|---|\n| Created | DD-MMM-YYYY |\n| Python-Version | 3.XX |\n\n- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n\n## Abstract\n\nShort.\n'), 'pep@1');
    const said = (table: string, start: string) => findings(`# PEP 9003: Lazy\n\n| Field | Value |\n|---|---|\n| Author | Ada |\n${table}\n\n- Start Date: ${start}\n\n## Abstract\n\nLazy imports.\n`, pep).map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(said('| Created | DD-MMM-YYYY |\n| Python-Version | 3.XX |', "(fill me in with today's date, YYYY-MM-DD)")).toEqual([
      '6:13 the template\'s slot "DD-MMM-YYYY" is still here: replace it with the real content',
      '7:20 the template\'s slot "3.XX" is still here: replace it with the real content',
      '9:15 the template\'s slot "(fill me in with today\'s date, YYYY-MM-DD)" is still here: replace it with the real content',
    ]);
    expect(said('| Created | 04-Mar-2024 |\n| Python-Version | 3.14 |', '2024-03-04 (dates are written YYYY-MM-DD here)')).toEqual(['9:45 the template\'s slot "YYYY-MM-DD" is still here: replace it with the real content']);
    // Not a format the template does not write, nor one in code.
    expect(said('| Created | 04-Mar-2024 |\n| Python-Version | `3.XX` |', '2024-03-04, MM/DD/YYYY elsewhere')).toEqual([]);
    // The instruction kept around the value written into it (blind QA, Hyperledger Fabric RFCs).
    expect(said('| Created | 04-Mar-2024 |\n| Python-Version | 3.14 |', "(fill me in with today's date, 2022-03-01)")).toEqual([
      '9:15 the template\'s instruction "(fill me in with today\'s date, 2022-03-01)" is still around the value written into it: keep the value, delete the rest']);
    expect(said('| Created | 04-Mar-2024 |\n| Python-Version | 3.14 |', '2022-03-01 (filled in by the sponsor)')).toEqual([]);
    // A version's major an `X` too, and a name in capitals for what to write (Cilium's `X.XX`, `SIG-NAME`; blind QA, CFPs);
    // not the author's own capitals (`API-KEY`), nor one the template does not write.
    const cfp = buildTemplateModel(parseSpec('# CFP-003: Template\n\n**SIG: SIG-NAME**\n\n**Cilium Release:** X.XX\n\n**Authors:** alice <alice@example.com>\n\n## Summary\n\nShort.\n'), 'c@1');
    const cfpSaid = (sig: string, release: string) => findings(`# CFP-1: VLANs\n\n**SIG: ${sig}**\n\n**Cilium Release:** ${release}\n\n**Authors:** Bob Jones <bob@isovalent.com>\n\n## Summary\n\nVLANs, set through the API-KEY and TEAM-NAME labels.\n`, cfp).map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(cfpSaid('SIG-NAME', 'X.XX')).toEqual([
      '3:8 the template\'s slot "SIG-NAME" is still here: replace it with the real content',
      '5:21 the template\'s slot "X.XX" is still here: replace it with the real content']);
    expect(cfpSaid('SIG-DATAPATH', '1.18')).toEqual([]);
  });

  it('a slot holding a slot (MADR 4\'s `{justification. … {force} …}`) is one slot (blind QA)', () => {
    const madr4 = buildTemplateModel(parseSpec('# {short title}\n\n## Decision Outcome\n\nChosen option: "{title of option 1}", because {justification. e.g., which resolves force {force} | … | comes out best (see below)}.\n'), 'm4@1');
    const said = (outcome: string) => findings(`# Use an outbox\n\n## Decision Outcome\n\n${outcome}\n`, madr4).map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(said('Chosen option: "Outbox", because {justification. e.g., which resolves force {force} | … | comes out best (see below)}.')).toEqual([
      '5:34 the template\'s slot "{justification. e.g., which resolves force {force} | … | comes out best (see below)}" is still here: replace it with the real content',
    ]);
    expect(said('Chosen option: "Outbox", because it is the only one that is exactly once.')).toEqual([]);
    // A slot the template wraps over two lines (spec-kit's plan) is one slot, kept wrapped or on one line (blind QA, spec-kit).
    const plan = buildTemplateModel(parseSpec('# Plan\n\n## Structure\n\n**Decision**: [Document the selected structure and reference the real\ndirectories captured above]\n'), 'plan@1');
    for (const kept of ['[Document the selected structure and reference the real\ndirectories captured above]', '[Document the selected structure and reference the real directories captured above]']) {
      expect(findings(`# Plan: CSV\n\n## Structure\n\nOne package, \`src/csv\`.\n\n**Decision**: ${kept}\n`, plan).map((f) => `${f.line} ${f.message}`))
        .toEqual(['7 the template\'s slot "[Document the selected structure and reference the real directories captured above]" is still here: replace it with the real content']);
    }
    // A choice with a link among its values, log4brains' Status, kept: the slot, and the sample link (blind QA, ADRs).
    const l4b = buildTemplateModel(parseSpec('# [short title]\n\n- Status: [draft | proposed | accepted | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->\n- Date: [YYYY-MM-DD when the decision was last updated]\n\n## Decision Outcome\n\n[justification]\n'), 'l4b@1');
    expect(findings('# Use Postgres\n\n- Status: [draft | proposed | accepted | superseded by [xxx](yyyymmdd-xxx.md)]\n- Date: 2024-01-02\n\n## Decision Outcome\n\nIt scales.\n', l4b).map((f) => `${f.line} ${f.rule} ${f.message.slice(0, 30)}`))
      .toEqual(['3 leftover-marker the template\'s slot "[draft | ', '3 broken-link link to yyyymmdd-xxx.md: no su']);
    // On a line of its own, as MADR 4 writes it, it is that slot once, not a stub line too (blind QA, ADRs).
    const wrapped = buildTemplateModel(parseSpec('# {short title}\n\n## Decision Outcome\n\nChosen option: "{title of option 1}", because\n{justification. e.g., which resolves force {force} | … | comes out best (see below)}.\n'), 'm4b@1');
    expect(findings('# Use an outbox\n\n## Decision Outcome\n\nChosen option: "Outbox", because\n{justification. e.g., which resolves force {force} | … | comes out best (see below)}.\n', wrapped).map((f) => `${f.line}:${f.column} ${f.message.slice(0, 20)}`))
      .toEqual(['6:1 the template\'s slot ']);
    // `{{name}}` stays the default marker's, and braces of the author's own are no slot.
    expect(said('Chosen option: "Outbox", because {{reason}} and {"a": {"b": 1}}.').map((f) => f.replace(/:.*/, ''))).toEqual(['5']);
  });
});

describe('a title the template writes as a slot, kept (blind QA, MADR)', () => {
  const kept = (title: string) => {
    const template = buildTemplateModel(parseSpec(`# ${title}\n\n## Context\n\n{Describe the context.}\n`), 'madr@1');
    return findings(`# ${title}\n\n## Context\n\nWe need events.\n`, template).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
  };

  it('reports a title left as the template\'s {slot}, {{slot}}, [slot] or comment', () => {
    expect(kept('{short title, representative of solved problem and found solution}'))
      .toEqual(['1:1 empty-section the title is still the template\'s "{short title, representative of solved problem and found solution}": write the spec\'s own title']);
    expect(kept('[short title of solved problem and solution]'))
      .toEqual(['1:1 empty-section the title is still the template\'s "[short title of solved problem and solution]": write the spec\'s own title']);
    expect(kept('<!-- short title -->')).toEqual(['1:1 empty-section the title is still the template\'s "<!-- short title -->": write the spec\'s own title']);
    expect(kept('{{name}}')).toEqual(['1:1 empty-section the title is still the template\'s "{{name}}": write the spec\'s own title']);
    // With the text under it left as the template's too: a marker in the title kept is still empty-section's alone (blind QA, Sourcegraph RFC).
    const rfc = buildTemplateModel(parseSpec('# RFC XXX: Title\n\n**Status:** Draft\n\n## Summary\n\nOne paragraph.\n'), 'rfc@1');
    expect(findings('# RFC XXX: Title\n\n**Status:** Draft\n\n## Summary\n\nForks for batch changes.\n', rfc).map((f) => `${f.line}:${f.column} ${f.rule}`))
      .toEqual(['1:1 empty-section', '3:1 empty-section']);
    // With empty-section off, the marker is no one else's: leftover-marker reports it (review).
    expect(findings('# RFC XXX: Title\n\n**Status:** Draft\n\n## Summary\n\nForks for batch changes.\n', rfc, new Map([['empty-section', { severity: 'off' as const, options: {} }]]))
      .map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['1:7 leftover-marker']);
    // The spec's own title with the number still to come: a leftover marker as ever.
    expect(findings('# RFC XXX: Forks for batch changes\n\n**Status:** Review\n\n## Summary\n\nForks.\n', rfc).map((f) => `${f.line}:${f.column} ${f.rule}`))
      .toEqual(['1:7 leftover-marker']);
    expect(kept('{{ title }}')).toEqual(['1:1 empty-section the title is still the template\'s "{{ title }}": write the spec\'s own title']);
  });

  it('not a title that is only partly a slot, nor one written by the spec, nor a heading placeholder (unfilled-placeholder\'s)', () => {
    expect(kept('Use {tool} for {job}')).toEqual([]);
    expect(kept('{a} and {b}')).toEqual([]);
    expect(kept('[Unreleased] changes')).toEqual([]);
    expect(kept('Payments <!-- keep it short -->')).toEqual([]);
    expect(kept('{ }')).toEqual([]);
    // A `{{slot}}` the spec writes in its title, where the template has its own: a leftover marker as ever.
    const named = buildTemplateModel(parseSpec('# Payments\n\n## Context\n\n{Describe the context.}\n'), 'p@1');
    expect(brief('# {{name}}\n\n## Context\n\nWe need events.\n', named)).toEqual(['1:3 leftover-marker title']);
    const madr = buildTemplateModel(parseSpec('# {short title}\n\n## Context\n\n{Describe the context.}\n'), 'madr@1');
    expect(brief('# Use NATS\n\n## Context\n\nWe need events.\n', madr)).toEqual([]);
    const placeholder = buildTemplateModel(parseSpec('# <!-- AGENT_PLACEHOLDER: name the decision -->\n\n## Context\n\n<!-- c -->\n'), 'p@1');
    expect(brief('# <!-- AGENT_PLACEHOLDER: name the decision -->\n\n## Context\n\nWe need events.\n', placeholder)).toEqual(['1:3 unfilled-placeholder title']);
  });
});

describe('a heading of nothing but a comment is quoted as written (blind QA, MADR bare)', () => {
  const BARE = buildTemplateModel(parseSpec('# <!-- short title -->\n\n## Context\n\n<!-- c -->\n\n## Options\n\n### <!-- title of option -->\n\n<!-- pros and cons -->\n\n## More\n\n<!-- m -->\n'), 'bare@1');
  const messages = (source: string) => findings(source, BARE).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);

  it('in missing-section, empty-section and duplicate-heading messages', () => {
    expect(messages('# Use NATS\n\n## Context\n\nC.\n\n## Options\n\nNone yet.\n\n## More\n\nM.\n')).toEqual([
      '11:1 missing-section missing section "<!-- title of option -->" (### <!-- title of option -->) from template bare@1',
    ]);
    expect(messages('# Use NATS\n\n## Context\n\nC.\n\n## Options\n\n### <!-- title of option -->\n\n<!-- pros and cons -->\n\n## More\n\nM.\n')).toEqual([
      '9:1 empty-section section "<!-- title of option -->" is empty: write its content',
    ]);
    const twice = '# Use NATS\n\n## Context\n\nC.\n\n## Options\n\n### <!-- title of option -->\n\nFast.\n\n### <!-- title of option -->\n\nSmall.\n\n## More\n\nM.\n';
    expect(findings(twice, BARE).filter((f) => f.rule === 'duplicate-heading').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '13:1 duplicate heading "<!-- title of option -->": the same as line 9',
    ]);
  });

  it('a heading with words beside its comment, or a heading placeholder, still quotes what a reader sees', () => {
    const template = buildTemplateModel(parseSpec('# T\n\n## Goals <!-- keep it short -->\n\n<!-- g -->\n\n## Options\n\n### <!-- AGENT_PLACEHOLDER: option name -->\n\n<!-- AGENT_PLACEHOLDER: pros and cons -->\n'), 't@1');
    expect(findings('# T\n\n## Options\n\nNone.\n', template).map((f) => f.message)).toEqual([
      'missing section "Goals" (## Goals <!-- keep it short -->) from template t@1',
      'missing section "…" (### <!-- AGENT_PLACEHOLDER: option name -->) from template t@1',
    ]);
  });
});

describe('MADR 2 and log4brains: [slot]s, `<!-- optional -->` headings, a kept title (blind QA)', () => {
  const LOG4BRAINS = buildTemplateModel(parseSpec([
    '# [short title]', '', '- Deciders: [list everyone involved]', '',
    '## Context', '', '[Describe the context.]', '',
    '## Drivers <!-- optional -->', '', '- [driver 1]', '',
    '### Weights', '', '[how drivers weigh]', '',
    '## Options', '', '### [option 1]', '', '- Good, because [argument a]', '',
    '## Outcome', '', 'Chosen option: "[option 1]", because [justification].', '',
  ].join('\n')), 'l4b@1');

  it('a heading marked optional by its comment may be left out, with what is below it; a [slot] heading takes the spec\'s own', () => {
    const written = '# Use Kafka\n\n- Deciders: Ann\n\n## Context\n\nEvents are lost on HTTP retries.\n\n## Options\n\n### Kafka\n\n- Good, because replay\n\n## Outcome\n\nChosen option: "Kafka", because replay.\n';
    expect(brief(written, LOG4BRAINS)).toEqual([]);
  });

  it('reports the template\'s [slot]s left among the author\'s lines, not links, task boxes or bracketed marks', () => {
    const written = '# Use Kafka\n\n- Deciders: Ann\n\n## Context\n\nEvents are lost; see [the RFC](rfc.md), [x] done, - [Optional] Metric:\n\n## Options\n\n### Kafka\n\n- Good, because replay\n- Good, because [argument a]\n\n## Outcome\n\nChosen option: "Kafka", because [justification].\n';
    expect(findings(written, LOG4BRAINS).filter((f) => f.rule === 'leftover-marker').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '14:17 the template\'s slot "[argument a]" is still here: replace it with the real content',
      '18:33 the template\'s slot "[justification]" is still here: replace it with the real content',
    ]);
  });

  it('a bracketed mark written with escapes (Bevy\'s `## \\[Optional\\] Future possibilities`) is a mark, no slot (blind QA, Bevy RFCs)', () => {
    const bevy = buildTemplateModel(parseSpec('# Feature Name: (fill me in)\n\n## Summary\n\nOne paragraph.\n\n## \\[Optional\\] Future possibilities\n\nThink about what the natural extension would be.\n\nNote: [slot here]\n'), 'b@1');
    expect(findings('# Relations\n\n## Summary\n\nMany-to-many.\n\n## \\[Optional\\] Future possibilities\n\nIndexes.\n', bevy).map((f) => `${f.line} ${f.rule}`)).toEqual([]);
    expect(findings('# Relations\n\n## Summary\n\nMany-to-many.\n\n## \\[Optional\\] Future possibilities\n\nIndexes.\n\nNote: [slot here]\n', bevy).map((f) => `${f.line} ${f.rule}`)).toEqual(['11 leftover-marker']);
  });

  it('a title kept as the template\'s slot is reported even when the text under it is unwritten too', () => {
    const kept = '# [short title]\n\n- Deciders: [list everyone involved]\n\n## Context\n\nEvents are lost.\n\n## Options\n\n### Kafka\n\n- Good, because replay\n\n## Outcome\n\nKafka.\n';
    expect(findings(kept, LOG4BRAINS).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message.slice(0, 40)}`)).toEqual([
      '1:1 empty-section the title is still the template\'s "[shor',
      '3:1 empty-section the text under the title still holds onl',
    ]);
  });
});

describe('spec-kit headings (blind QA, spec-kit)', () => {
  const kit = buildTemplateModel(parseSpec([
    '# Feature Specification: [FEATURE NAME]', '', '## User Scenarios & Testing *(mandatory)*', '',
    '### User Story 1 - [Brief Title] (Priority: P1)', '', '[Describe this user journey in plain language]', '',
    '### User Story 2 - [Brief Title] (Priority: P2)', '', '[Describe this user journey in plain language]', '',
    '### User Story 3 - [Brief Title] (Priority: P3)', '', '[Describe this user journey in plain language]', '',
    '### Edge Cases', '', '- What happens when [boundary condition]?', '',
    '## Requirements *(mandatory)*', '', 'The requirements.', '',
    '### Key Entities *(include if feature involves data)*', '', '- **[Entity 1]**: [What it represents]', '',
    '## Complexity Tracking', '', '> **Fill ONLY if Constitution Check has violations that must be justified**', '',
    '| Violation | Why Needed |', '|---|---|', '| [e.g., 4th project] | [current need] |', '',
  ].join('\n')), 'kit@1');
  const spec = (stories: string[], { requirements = '## Requirements', entities = true, complexity = false } = {}) => [
    '# Feature Specification: Login', '', '## User Scenarios & Testing', '', 'Who signs in.', '',
    ...stories.flatMap((s) => [s, '', 'A user signs in with a password.', '']), '### Edge Cases', '', '- A locked account.', '',
    requirements, '', 'Accounts lock after five failures.', '', ...(entities ? ['### Key Entities', '', '- **Account**: who signs in.', ''] : []),
    ...(complexity ? ['## Complexity Tracking', '', 'None needed.', ''] : []),
  ].join('\n');

  it('a heading that is a slot among words of its own is the spec\'s heading written in its place; of a series, one is owed', () => {
    expect(kit.sections.filter((t) => t.standIn !== null).map((t) => [t.id, t.standIn!.prefix, t.optional])).toEqual([
      ['user-scenarios--testing-mandatory/user-story-1---brief-title-priority-p1', 'user story 1', false],
      ['user-scenarios--testing-mandatory/user-story-2---brief-title-priority-p2', 'user story 2', true],
      ['user-scenarios--testing-mandatory/user-story-3---brief-title-priority-p3', 'user story 3', true],
    ]);
    expect(brief(spec(['### User Story 1 - Password login (Priority: P1)', '### User Story 2 - Lockout (Priority: P2)']), kit)).toEqual([]);
    expect(brief(spec(['### User Story 1 - Password login (Priority: P2)']), kit)).toEqual([]);
    // The words before the slot must be there: another heading is not the story.
    expect(brief(spec(['### Password login']), kit)).toEqual(['7:1 missing-section user-scenarios--testing-mandatory/user-story-1---brief-title-priority-p1']);
    expect(findings(spec(['### Password login']), kit)[0]!.message).toMatch(/; "Password login" is in its place: if that is this section, start its heading with "User Story 1 -"$/);
    // A heading that opens as a later stand-in's does is that one's, not the first stand-in's in order (blind QA: spec-kit's
    // tasks offered `Phase 3: [US1] …` to its missing `Format: [ID] [P?] …`).
    const tasks = buildTemplateModel(parseSpec('# Tasks: [FEATURE NAME]\n\n## Format: `[ID] [P?] [Story] Description`\n\n- **[P]**: Can run in parallel\n\n## Phase 1: Setup\n\n- [ ] T001 Create project structure\n\n## Phase 3: User Story 1 - [Title] (Priority: P1)\n\n- [ ] T010 [US1] Implement the story\n'), 'tasks@1');
    const said = findings('# Tasks: CSV export\n\n## Phase 1: Setup\n\n- [x] T001 Create the package\n\n## Phase 3: [US1] Export invoices\n\n- [x] T010 [US1] Write the exporter\n', tasks).map((f) => `${f.line} ${f.message}`);
    expect(said).toEqual([
      '3 missing section "Format: [ID] [P?] [Story] Description" (## Format: [ID] [P?] [Story] Description) from template tasks@1',
      '7 missing section "Phase 3: User Story 1 - [Title] (Priority: P1)" (## Phase 3: User Story 1 - [Title] (Priority: P1)) from template tasks@1; "Phase 3: [US1] Export invoices" is in its place: if that is this section, start its heading with "Phase 3: User Story 1 -"']);
    // A slot kept in a written story's heading is a leftover; in a story left unwritten, empty-section's alone.
    expect(brief(spec(['### User Story 1 - [Brief Title] (Priority: P1)']), kit)).toEqual(['7:20 leftover-marker user-scenarios--testing/user-story-1---brief-title-priority-p1']);
    const unwritten = spec(['### User Story 1 - [Brief Title] (Priority: P1)']).replace('A user signs in with a password.', '[Describe this user journey in plain language]');
    expect(brief(unwritten, kit)).toEqual(['7:1 empty-section user-scenarios--testing/user-story-1---brief-title-priority-p1']);
  });

  it('a comment, an angle-bracket slot or a number\'s stand-in among a heading\'s words, a section number before a slot (blind QA, OpenSpec, arc42, spec-kit tasks)', () => {
    const openspec = buildTemplateModel(parseSpec('# Delta\n\n## ADDED Requirements\n\n### Requirement: <!-- requirement name -->\n<!-- requirement text -->\n\n#### Scenario: <!-- scenario name -->\n- **WHEN** <!-- condition -->\n- **THEN** <!-- expected outcome -->\n'), 'os@1');
    const written = '# Delta\n\n## ADDED Requirements\n\n### Requirement: Two-factor login\nThe system SHALL ask for a code.\n\n#### Scenario: Valid code\n- **WHEN** the code is right\n- **THEN** the user is in\n';
    expect(brief(written, openspec)).toEqual([]);
    // A second requirement left with the template's guidance alone is as empty as the first would be (blind QA round 3).
    const twice = `${written}\n### Requirement: Recovery Codes\n<!-- requirement text -->\n\n### Requirement: Audit\nEvery login is logged.\n`;
    expect(findings(twice, openspec).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      '12:1 empty-section section "Requirement: Recovery Codes" is empty: write its content (it is another "Requirement:" of the template\'s, which asks for it)']);
    // The words before the comment are still owed.
    expect(findings(written.replace('### Requirement: Two-factor login', '### Two-factor login'), openspec)[0]!.message).toMatch(/is in its place: if that is this section, start its heading with "Requirement:"$/);
    const arc42 = buildTemplateModel(parseSpec('# Arc\n\n## 6. Runtime View\n\n### 6.1 <Runtime Scenario 1>\n\n<!-- s1 -->\n\n### 6.2 <Runtime Scenario 2>\n\n<!-- s2 -->\n\n## 8. Concepts\n\n### 8.1 <Concept 1>\n\n<!-- c1 -->\n\n### 8.2 <Concept 2>\n\n<!-- c2 -->\n'), 'arc@1');
    expect(brief('# Photos\n\n## 6. Runtime View\n\n### 6.1 Upload a photo\n\nThe client posts it.\n\n## 8. Concepts\n\n### 8.1 Authorization\n\nTokens.\n', arc42)).toEqual([]);
    for (const heading of ['6.1 [Runtime Scenario 1]', '6.1 {Runtime Scenario 1}', '<Runtime Scenario 1>']) expect(standInWords(heading), heading).toEqual({ prefix: '', suffix: '', lead: '' });
    // One word of any case ending the heading after a label is a slot too (blind QA: a runbook's `Step 1: <check>`); a path's parameter is not.
    for (const heading of ['Step 1: <check>', 'Step 1: [check]', 'Step 1: {check}', 'Step 1 - <check-name>']) expect(standInWords(heading)?.prefix, heading).toBe('step 1');
    expect([standInWords('GET /users/{id}'), standInWords('Step 1: <br>'), standInWords('Notes: [optional]')]).toEqual([null, null, null]);
    // Tags are no slots: `<br>`, `<a name="x">`.
    expect(buildTemplateModel(parseSpec('# T\n\n## Design <br>\n\n<!-- d -->\n\n## <a name="api"></a>API\n\n<!-- a -->\n'), 't@1').sections.map((t) => t.standIn)).toEqual([null, null]);
    const tasks = buildTemplateModel(parseSpec('# Tasks\n\n## Phase 1: Setup\n\n- [ ] T001 Create the repo\n\n## Phase N: Polish & Cross-Cutting Concerns\n\n- [ ] TXXX Documentation updates\n'), 'tasks@1');
    const phases = (last: string) => `# Tasks: Export\n\n## Phase 1: Setup\n\n- [x] T001 Create the repo\n\n## Phase 2: Export\n\n- [x] T002 Write CSV\n\n## ${last}\n\n- [x] T003 Docs\n`;
    expect(brief(phases('Phase 3: Polish & Cross-Cutting Concerns'), tasks)).toEqual([]);
    expect(brief(phases('Phase 12: Polish & Cross-Cutting Concerns'), tasks)).toEqual([]);
    expect(findings(phases('Phase 3: Polish'), tasks).map((f) => f.message.replace(/^.*?; /, ''))).toEqual(['"Phase 3: Polish" is in its place: if that is this section, write its heading as the template\'s with a number for "N"']);
    // Not a word that only starts with the letter (`X-Ray`), nor one in a longer word, nor one after no word that numbers things (code review).
    expect(buildTemplateModel(parseSpec('# T\n\n## X-Ray tracing\n\n<!-- x -->\n\n## NATS\n\n<!-- n -->\n\n## X.509 Certificates\n\n<!-- c -->\n\n## Mac OS X Support\n\n<!-- m -->\n'), 't@1').sections.map((t) => t.standIn)).toEqual([null, null, null, null]);
    // A comment at the end of a heading's words is a note on it, no slot: each such section is still owed by its name (code review).
    const noted = buildTemplateModel(parseSpec('# T\n\n## Summary <!-- required -->\n\n<!-- s -->\n\n## Step 1 <!-- preparation -->\n\n<!-- p -->\n\n## Step 2 <!-- rollout -->\n\n<!-- r -->\n'), 'n@1');
    expect(noted.sections.map((t) => t.standIn)).toEqual([null, null, null]);
    expect(brief('# Mine\n\n## Summary of the change\n\nS.\n\n## Step 1\n\nP.\n', noted)).toEqual(['3:1 missing-section summary', '9:1 missing-section step-2']);
  });

  it('the template\'s page about itself above its title (Kotlin KEEP\'s `# Proposal template for …` over "This document provides a template …") is owed by no spec; a section that only names a template is (blind QA)', () => {
    const keep = buildTemplateModel(parseSpec('# Proposal template for new API in the Standard Library\n\nThis document provides a template that can be used to compose a proposal about new API.\n\n# Title\n\n## Summary\n\nOne paragraph.\n'), 'k@1');
    expect(brief('# Hex format\n\n## Summary\n\nFormat bytes as hex.\n', keep)).toEqual([]);
    const owed = buildTemplateModel(parseSpec('# Design\n\n## Template changes\n\nDescribe how the templates change.\n\n## Summary\n\nOne paragraph.\n'), 'o@1');
    expect(brief('# Hex format\n\n## Summary\n\nFormat bytes as hex.\n', owed)).toEqual(['3:1 missing-section template-changes']);
  });

  it('a template of no title whose last `#` holds its sections over text about using the template, with `#` notes above it: a spec\'s title stands for both (blind QA, OCM enhancements)', () => {
    const ocm = buildTemplateModel(parseSpec('# Metadata\nStart by filling out the [metadata template](metadata.yaml) for this enhancement.\n\n# Neat Enhancement Idea\nTo get started with this template:\n1. **Make a copy of this template.** Copy this template into the directory for\n   the domain.\n\n## Summary\n\nA good summary is probably at least a paragraph in length.\n\n## Design Details\n\nHow it works.\n'), 'ocm@1');
    expect(brief('# Cluster feature labels\n\n## Summary\n\nLabels.\n\n## Design Details\n\nA controller.\n', ocm)).toEqual([]);
    // Its sections are owed as ever, and one a level off is said plainly (no "add that heading").
    expect(findings('# Cluster feature labels\n\n## Summary\n\nLabels.\n\n### Design Details\n\nA controller.\n', ocm).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      '7 heading-level heading "Design Details" is level 3; the template has it at level 2 (##)']);
    expect(brief('# Cluster feature labels\n\n## Design Details\n\nA controller.\n', ocm)).toEqual(['3:1 missing-section neat-enhancement-idea/summary']);
    // A note above it kept unwritten is not told it may go: it is what the spec's title stands for (blind QA, Electron's header).
    const electron = buildTemplateModel(parseSpec('# RFC Template\n\n- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n\n# Feature Name\n\n## Summary\n\nOne paragraph explanation of the feature.\n'), 'e@1');
    expect(findings('# RFC Template\n\n- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n\n# Window Tabs\n\n## Summary\n\nNative tabs.\n', electron).map((f) => f.message)).toEqual([
      'section "RFC Template" still holds only the template\'s guidance: write its content']);
    // A section renamed there is named, as under a title the template has (blind QA, Electron RFCs).
    expect(findings('# Cluster feature labels\n\n## Short summary\n\nLabels.\n\n## Design Details\n\nA controller.\n', ocm).map((f) => f.message.replace(/^.*?; /, ''))).toEqual([
      '"Short summary" is in its place: if that is this section renamed, restore its heading']);
    // Two chapters of a titleless template with nothing said of the template: each owed.
    const chapters = buildTemplateModel(parseSpec('# Overview\n\nWhat it is.\n\n# Design\n\nHow it works.\n\n## Data\n\nThe tables.\n'), 'c@1');
    expect(brief('# Design\n\nA queue.\n\n## Data\n\nRows.\n', chapters)).toEqual(['1:1 missing-section overview']);
  });

  it('examples the template gives to consider are no sections to write: a section of them is not owed, and a parent that says its subsections are examples owes no text above them (blind QA, operator-framework and OpenShift)', () => {
    const opf = buildTemplateModel(parseSpec('# T\n\n## Graduation Criteria\n\nDefine graduation milestones.\n\n### Examples\n\nThese are generalized examples to consider, in addition to the aforementioned\nmaturity levels.\n\n#### Dev Preview -> Tech Preview\n\n- Sufficient test coverage\n\n#### Tech Preview -> GA\n\n- Available by default\n'), 'o@1');
    expect(brief('# Gate\n\n## Graduation Criteria\n\nAlpha in 0.22, GA once e2e covers it.\n', opf)).toEqual([]);
    const os = buildTemplateModel(parseSpec('# T\n\n## Graduation Criteria\n\nDefine graduation milestones.\n\n**Examples**: These are generalized examples to consider, in addition\nto the aforementioned maturity levels.\n\n### Dev Preview -> Tech Preview\n\n- Sufficient test coverage\n\n### Tech Preview -> GA\n\n- Available by default\n'), 's@1');
    expect(brief('# PVC top\n\n## Graduation Criteria\n\n### Dev Preview -> Tech Preview\n\nN/A\n\n### Tech Preview -> GA\n\n- Upstream first.\n', os)).toEqual([]);
    // Without that note, the parent\'s own text is owed as ever.
    const plain = buildTemplateModel(parseSpec('# T\n\n## Graduation Criteria\n\nDefine graduation milestones.\n\n### Dev Preview -> Tech Preview\n\n- Sufficient test coverage\n\n### Tech Preview -> GA\n\n- Available by default\n'), 'p@1');
    expect(brief('# PVC top\n\n## Graduation Criteria\n\n### Dev Preview -> Tech Preview\n\nN/A\n\n### Tech Preview -> GA\n\n- Upstream first.\n', plain)).toEqual(['3:1 empty-section graduation-criteria']);
  });

  it('a repository named in brackets in the template\'s checklist (KubeVirt\'s `[kubevirt/enhancements]`, its link\'s definition left out) is a name, no slot; `[owner/repo]` is one (blind QA, KubeVirt VEPs)', () => {
    const vep = buildTemplateModel(parseSpec('# VEP-NNNN: title\n\n## Release Signoff Checklist\n\n- [ ] Enhancement issue created, which links to VEP dir in [kubevirt/enhancements] (not the initial VEP PR)\n- [ ] Code lives in [owner/repo]\n\n## Summary\n\n<!-- s -->\n'), 'v@1');
    const said = (items: string) => findings(`# VEP 10: Hotplug\n\n## Release Signoff Checklist\n\n${items}\n\n## Summary\n\nHotplug CPUs.\n`, vep).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(said('- [x] Enhancement issue created, which links to VEP dir in [kubevirt/enhancements] (not the initial VEP PR)\n- [x] Code lives in kubevirt/kubevirt')).toEqual([]);
    expect(said('- [x] Enhancement issue created, which links to VEP dir in [kubevirt/enhancements] (not the initial VEP PR)\n- [x] Code lives in [owner/repo]')).toEqual([
      '6:21 leftover-marker the template\'s slot "[owner/repo]" is still here: replace it with the real content']);
  });

  it('a template heading with a qualifier in parentheses is the spec\'s heading of its words alone, wherever it stands: section-order says where it goes, no "missing" (blind QA, OpenShift\'s `Alternatives (Not Implemented)`)', () => {
    const os = buildTemplateModel(parseSpec('# T\n\n## Proposal\n\n<!-- p -->\n\n## Alternatives (Not Implemented)\n\n<!-- a -->\n\n## Test Plan\n\n<!-- t -->\n\n## Support Procedures\n\n<!-- s -->\n'), 'os@1');
    expect(findings('# Gather\n\n## Proposal\n\nP.\n\n## Test Plan\n\nT.\n\n## Support Procedures\n\nS.\n\n## Alternatives\n\nA.\n', os).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      '15 section-order section "Alternatives" is out of order: the template puts it after "Proposal" and before "Test Plan"']);
    // Two such headings, or another template section of those words left over: not guessed.
    expect(brief('# Gather\n\n## Proposal\n\nP.\n\n## Test Plan\n\nT.\n\n## Support Procedures\n\nS.\n\n## Alternatives\n\nA.\n\n## Alternatives\n\nB.\n', os).filter((f) => f.includes('missing-section'))).toEqual(['7:1 missing-section alternatives-not-implemented']);
    // A number in the qualifier too (Linkerd's `# Problem Statement (Step 1)`), and the spec a level down under its own title.
    const linkerd = buildTemplateModel(parseSpec('# Problem Statement (Step 1)\n\n[What problem are you trying to solve?]\n\n# Design proposal (Step 2)\n\n[How will you solve it?]\n'), 'l@1');
    expect(brief('# Problem Statement\n\nSlow detection.\n\n# Design proposal\n\nOpaque ports.\n', linkerd)).toEqual([]);
    expect(brief('# Protocol detection\n\n## Problem Statement\n\nSlow detection.\n\n## Design proposal\n\nOpaque ports.\n', linkerd)).toEqual([]);
  });

  it('a section empty with the template\'s heading-only subsections under it, empty too, names them: their text is its text (blind QA, KubeVirt\'s Alpha, Beta and GA)', () => {
    const vep = buildTemplateModel(parseSpec('# VEP\n\n## Design\n\n<!-- d -->\n\n## Feature lifecycle Phases\n\n<!--\nHow and when will the feature progress through the Alpha, Beta and GA lifecycle phases\n-->\n\n### Alpha\n\n### Beta\n\n### GA\n'), 'v@1');
    const said = (phases: string) => findings(`# VEP 201: Reasons\n\n## Design\n\nSet the reason.\n\n## Feature lifecycle Phases\n\n${phases}\n`, vep).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('### Alpha\n\n### Beta\n\n### GA')).toEqual(['7 empty-section section "Feature lifecycle Phases" is empty, and so are its subsections "Alpha", "Beta" and "GA": write its content, there or in them']);
    expect(said('### Alpha\n\nIn 1.5.\n\n### Beta\n\n### GA')).toEqual([]);
  });

  it('a title of a label and a stand-in (`# Design Proposal: Title`) over guidance that asks for the name alone asks for the title alone: a spec\'s own title has written it, and one kept as the template\'s is reported (judge simulation)', () => {
    for (const [head, note] of [['Design Proposal: Title', 'A short noun phrase naming the proposal.'], ['Design Doc: Project Name', 'Replace "Project Name" above with the name of the project.']]) {
      const t = buildTemplateModel(parseSpec(`# ${head}\n\n<!-- ${note} -->\n\n## Summary\n\n<!-- Write one paragraph about what changes and why. -->\n`), 'd@1');
      const label = head!.split(':')[0];
      expect(brief(`# ${label}: Rate limiter\n\n## Summary\n\nLogins are limited.\n`, t)).toEqual([]);
      expect(brief(`# ${head}\n\n## Summary\n\nLogins are limited.\n`, t)).toEqual(['1:1 empty-section title']);
    }
    // Guidance that asks for more than the name still owes text under the title.
    const more = buildTemplateModel(parseSpec('# Design Proposal: Title\n\n<!-- Describe the proposal in one paragraph. -->\n\n## Summary\n\n<!-- s -->\n'), 'm@1');
    expect(brief('# Design Proposal: Rate limiter\n\n## Summary\n\nLogins are limited.\n', more)).toEqual(['1:1 empty-section title']);
  });

  it('a parent whose guidance names each of its guided subsections, and asks for no text of its own, owes none above them (blind QA, cosmos-sdk ADRs\' Consequences)', () => {
    const note = 'This section describes the resulting context, after applying the decision. A particular decision may have positive, negative, and neutral consequences.';
    for (const wrapped of [`> ${note}`, `<!-- ${note} -->`]) {
      const adr = buildTemplateModel(parseSpec(`# ADR {ADR-NUMBER}: {TITLE}\n\n## Decision\n\n> What is decided.\n\n## Consequences\n\n${wrapped}\n\n### Positive\n\n{positive consequences}\n\n### Negative\n\n{negative consequences}\n\n### Neutral\n\n{neutral consequences}\n`), 'adr@1');
      expect(brief('# ADR 004: Denominations\n\n## Decision\n\nSplit the keys.\n\n## Consequences\n\n### Positive\n\n- O(1) reads.\n\n### Negative\n\n- Iterators.\n\n### Neutral\n\n- Bank owns it.\n', adr)).toEqual([]);
    }
    // One that also asks for text of its own (a KEP's Motivation names its Goals and Non-Goals, and says "Describe why …") owes it.
    const kep = buildTemplateModel(parseSpec('# KEP\n\n## Motivation\n\n<!--\nThis section is for listing the motivation, goals, and non-goals of\nthis KEP.  Describe why the change is important. -->\n\n### Goals\n\n<!-- g -->\n\n### Non-Goals\n\n<!-- n -->\n'), 'k@1');
    expect(brief('# KEP-1: X\n\n## Motivation\n\n### Goals\n\nG.\n\n### Non-Goals\n\nN.\n', kep)).toEqual(['3:1 empty-section motivation']);
  });

  it('under a title that names the template (`# Template`), its first section standing in for a title (`## Your Proposal Title`) is what a spec\'s title, at either level, stands for (blind QA, Prometheus proposals)', () => {
    const prom = buildTemplateModel(parseSpec('# Template\n\nFeel free to copy this file and feel all the details below.\n\n## Your Proposal Title\n\n* **Owners:**\n  * `<@author: single champion>`\n\n> TL;DR: Give here a short summary.\n\n## Why\n\nPut here a motivation behind the change.\n'), 'p@1');
    expect(brief('# Direct I/O\n\n* **Owners:**\n  * @machine424\n\n> Experiment with direct I/O.\n\n## Why\n\nPage cache confusion.\n', prom)).toEqual([]);
    expect(brief('## Proposal IDs\n\n* **Owners:**\n  * `@bwplotka`\n\n> TL;DR: Stable IDs.\n\n## Why\n\nReferences break.\n', prom)).toEqual([]);
    expect(brief('## Your Proposal Title\n\n* **Owners:**\n  * `@me`\n\n## Why\n\nBecause.\n', prom)).toEqual(['1:1 empty-section your-proposal-title']);
    // A first section that stands in for nothing is owed as ever.
    const plain = buildTemplateModel(parseSpec('# Template\n\nFeel free to copy this file.\n\n## Summary\n\nWhat.\n\n## Why\n\nWhy.\n'), 'q@1');
    expect(brief('# Direct I/O\n\n## Why\n\nPage cache.\n', plain).filter((f) => f.includes('missing-section'))).toEqual(['3:1 missing-section summary']);
  });

  it('in a template of no title, a first section that only stands in for one (`## Your Proposal Title`) is the spec\'s first heading, its own title, at either level (blind QA, Thanos proposals)', () => {
    const thanos = buildTemplateModel(parseSpec('## Your Proposal Title\n\n* **Owners:**\n  * `<@author: single champion>`\n\n> TL;DR: Give here a short summary of what this document is proposing.\n\n## Why\n\nPut here a motivation behind the change.\n\n## How\n\nExplain the design.\n'), 't@1');
    expect(brief('## Rate limiter for receive\n\n* **Owners:**\n  * `@alice`\n\n> TL;DR: Limit writes per tenant.\n\n## Why\n\nReceive falls over.\n\n## How\n\nA token bucket.\n', thanos)).toEqual([]);
    expect(brief('# Rate limiter for receive\n\n* **Owners:**\n  * `@alice`\n\n## Why\n\nReceive falls over.\n\n## How\n\nA token bucket.\n', thanos)).toEqual([]);
    // Its own title over the template's Owners and TL;DR kept as they are: that section still says nothing.
    expect(brief('## Rate limiter for receive\n\n* **Owners:**\n  * `<@author: single champion>`\n\n> TL;DR: Give here a short summary of what this document is proposing.\n\n## Why\n\nReceive falls over.\n\n## How\n\nA token bucket.\n', thanos))
      .toEqual(['1:1 empty-section rate-limiter-for-receive']);
    // A spec that starts at the template's next section has no title there: that is no stand-in, and nothing is owed for it.
    expect(brief('## Why\n\nReceive falls over.\n\n## How\n\nA token bucket.\n', thanos)).toEqual([]);
  });

  it('more ways a template says a section is optional: "optional but suggested", "might not always exist", a sentence ending "(if applicable)", a comment above opening "Optional section:" (blind QA: ESLint, Sentry, judge simulation)', () => {
    const t = buildTemplateModel(parseSpec('# T\n\n## Summary\n\nWhat.\n\n## FAQ\n\nThis section is optional but suggested.\n\n## Background\n\nThe reason this decision is required.  This section might not always exist.\n\n## Supporting Data\n\n[Metrics to help support your decision (if applicable).]\n\n<!-- Optional section: delete it when nothing outside the problem pushes the choice. -->\n## Decision Drivers\n\n{driver}\n\n## Options\n\nWhich options were weighed, and why.\n'), 'o@1');
    expect(t.sections.filter((x) => x.optional).map((x) => x.id)).toEqual(['faq', 'background', 'supporting-data', 'decision-drivers']);
    // Not "Do not skip this section, it may not be obvious", nor an "(if applicable)" inside a longer ask.
    const owed = buildTemplateModel(parseSpec('# T\n\n## Risks\n\nList the risks, and for each the mitigation (if applicable). Then rank them.\n\n## Data\n\nThis data might not always be at hand; find it anyway.\n'), 'w@1');
    expect(owed.sections.filter((x) => x.optional).map((x) => x.id)).toEqual([]);
  });

  it('optional too: a heading\'s condition on the document ("[if the explainer is longer than one printed page]"), guidance opening "[If any … has been …" or "If your proposed solution depends on …", and "This section is optional." or "although it is not required" later in the guidance (blind QA: W3C TAG explainers, GitLab blueprints)', () => {
    const t = buildTemplateModel(parseSpec('# T\n\n## Table of Contents [if the explainer is longer than one printed page]\n\n- [Goals](#goals)\n\n## Notes (if the proposal has open questions)\n\nList them.\n\n## User research\n\n[If any user research has been conducted to inform the design choices, discuss the process and findings.]\n\n## Dependencies\n\n[If your proposed solution depends on any other features that haven\'t been implemented, list them here.]\n\n## Non-Goals\n\n<!--\nListing non-goals helps to focus discussion and make progress. This section is\noptional.\n-->\n\n## Alternative Solutions\n\n<!--\nIt might be a good idea to include a list of alternatives, although it is not required. Include pros and cons.\n-->\n\n## Error handling (if the request fails)\n\nSay what happens.\n\n## Risks\n\nIf there are risks, list them. Optional and required parameters are listed above.\n'), 'tag@1');
    expect(t.sections.filter((x) => x.optional).map((x) => x.id)).toEqual(['table-of-contents-if-the-explainer-is-longer-than-one-printed-page', 'notes-if-the-proposal-has-open-questions', 'user-research', 'dependencies', 'non-goals', 'alternative-solutions']);
    // The spec's heading without the condition is that section.
    expect(brief('# X\n\n## Table of Contents\n\n- [Risks](#risks)\n\n## Error handling\n\nRetry.\n\n## Risks\n\nNone known.\n', t)).toEqual([]);
  });

  it('a heading\'s other names in brackets (`### Goals [or Motivating Use Cases, or Scenarios]`) are no part of its name: the spec\'s `Goals`, at any level, is that section (blind QA, W3C TAG explainers)', () => {
    const t = buildTemplateModel(parseSpec('# T\n\n## User-Facing Problem\n\nThe problem.\n\n### Goals [or Motivating Use Cases, or Scenarios]\n\n[What is the end-user need?]\n\n### Non-goals\n\n[Out of scope.]\n'), 'tag@1');
    expect(brief('# X\n\n## User-Facing Problem\n\nSlow pages.\n\n### Goals\n\nFast pages.\n\n### Non-goals\n\nNone.\n', t)).toEqual([]);
    expect(brief('# X\n\n## User-Facing Problem\n\nSlow pages.\n\n## Goals\n\nFast pages.\n\n### Non-goals\n\nNone.\n', t).map((f) => f.split(' ')[1])).toEqual(['heading-level']);
  });

  it('a title note whose comment opens on the line after its `<!--`, beside a note suggesting a table of contents, asks for the title alone (blind QA, GitLab blueprints)', () => {
    const note = '<!--\nThis is the title of your blueprint. Keep it short, simple, and descriptive. A\ngood title can help communicate what the blueprint is.\n-->\n\n';
    const gitlab = buildTemplateModel(parseSpec(`# {+ Title of Blueprint +}\n\n${note}<!--\nFor long pages, consider creating a table of contents.\n-->\n\n## Summary\n\n<!--\nA good summary.\n-->\n`), 'g@1');
    expect(brief('# Bundle URIs\n\n## Summary\n\nClones download bundles.\n', gitlab)).toEqual([]);
    // A second comment that asks for text there is still owed.
    const asks = buildTemplateModel(parseSpec(`# {+ Title of Blueprint +}\n\n${note}<!--\nWrite the names of the authors and a one-line status here.\n-->\n\n## Summary\n\n<!--\nA good summary.\n-->\n`), 'g@1');
    expect(brief('# Bundle URIs\n\n## Summary\n\nClones download bundles.\n', asks)).toEqual(['1:1 empty-section title']);
  });

  it('a to-do word with its owner\'s name beside the guidance kept, above or below it, writes nothing: the section still holds only the guidance (blind QA, CockroachDB RFCs)', () => {
    const crdb = buildTemplateModel(parseSpec('# Summary\n\nWhat is being proposed.\n\n# Explain it to folk outside of your team\n\nAudience: PMs, doc writers, end-users, CockroachDB team members in other areas of the project.\n\n# Unresolved questions\n\nAudience: all participants to the RFC review.\n'), 'c@1');
    const guidance = 'Audience: PMs, doc writers, end-users, CockroachDB team members in other areas of the project.';
    for (const body of [`TODO(ajwerner)\n\n${guidance}`, `TODO\n\n${guidance}`, `${guidance}\n\nTODO(ajwerner)`]) {
      expect(brief(`# Summary\n\nLocked descriptors.\n\n# Explain it to folk outside of your team\n\n${body}\n\n# Unresolved questions\n\nNone.\n`, crdb), body).toEqual(['5:1 empty-section explain-it-to-folk-outside-of-your-team']);
    }
    // The author's own words beside them are written text.
    expect(brief(`# Summary\n\nLocked descriptors.\n\n# Explain it to folk outside of your team\n\nTODO(ajwerner)\n\nChangefeeds get faster.\n\n# Unresolved questions\n\nNone.\n`, crdb).map((f) => f.split(' ')[1])).toEqual(['leftover-marker']);
  });

  it('notes on using the template under its title ask for no text there: a link\'s text "here" is no place, a stand-in title over notes only, a disclaimer that says it may be removed (blind QA: OpenEBS OEPs, UI5 RFCs)', () => {
    const spec = '# Arm64 support\n\n## Summary\n\nImages for arm64.\n';
    const openebs = buildTemplateModel(parseSpec('# Title\n\nThis is the title of the OpenEBS Enhancement Proposal (OEP).\nKeep it simple and descriptive.\n\nTo get started with this template:\n1. **Make a copy of this template.**\n\nThe canonical place for the latest set of instructions (and the likely source of this file) is [here](https://github.com/openebs/openebs/blob/master/contribute/process/oep-template.md).\n\nThe `Metadata` section above is intended to support the creation of tooling around the OEP process.\n\n## Summary\n\nOne paragraph.\n'), 'o@1');
    expect(brief(spec, openebs)).toEqual([]);
    const metadataOnly = buildTemplateModel(parseSpec('# Title\n\nThe `Metadata` section above is intended to support the creation of tooling around the OEP process.\n\n## Summary\n\nOne paragraph.\n'), 'm@1');
    expect(brief(spec, metadataOnly)).toEqual([]);
    const ui5 = buildTemplateModel(parseSpec('# RFC 0000 Fancy Title\n*Disclaimer: This template is derived from the great [RFC template](https://github.com/yarnpkg/rfcs/blob/master/0000-template.md) that Yarn has come up with. (You may remove this disclaimer).*\n\n## Summary\n\nOne paragraph explanation of the feature.\n'), 'u@1');
    expect(brief(spec, ui5)).toEqual([]);
    // Steps after the note's colon, a blank line between (ingress-nginx's KEP template), and notes on the file's name and on the
    // template's questions under a labelled stand-in (Aptos' `# AIP-X - (AIP title)`; blind QA).
    const ingress = buildTemplateModel(parseSpec('# Title\n\nThis is the title of the KEP.\nKeep it simple and descriptive.\n\nTo get started with this template:\n\n1. **Make a copy of this template.**\n  Name it `YYYYMMDD-my-title.md`.\n1. **Create a PR.**\n  Assign it to folks that are sponsoring this process.\n\n## Summary\n\nOne paragraph.\n'), 'i@1');
    expect(brief(spec, ingress)).toEqual([]);
    const aip = buildTemplateModel(parseSpec('# AIP-X - (AIP title)\n\n(Please give a temporary file name to your AIP when first drafting it, such as `aip-x.md`.)\n\n(Please remove the questions in the "quote box". Provide complete context to the questions being asked.)\n\n## Summary\n\n > Summarize in 3-5 sentences.\n'), 'a@1');
    expect(brief(spec, aip)).toEqual([]);
    // A comment listing the values a field may take, above the first section of a template of no title (Cardano's CIPs).
    const cip = buildTemplateModel(parseSpec('<!-- Existing categories:\n\n- Meta      | For meta-CIPs.\n- Wallets   | For standardisation across wallets.\n\n-->\n\n## Abstract\n<!-- A short description. -->\n'), 'c@1');
    expect(brief('## Abstract\n\nPool metadata.\n', cip)).toEqual([]);
    // A paragraph there that asks for text is owed, under a stand-in title too.
    const asks = buildTemplateModel(parseSpec('# Title\n\nDescribe which version of this template you used.\n\n## Summary\n\nOne paragraph.\n'), 'a@1');
    expect(brief(spec, asks)).toEqual(['1:1 empty-section title']);
  });

  it('numbered kinds with a word of guidance (`### Section 1`, `### Deferred Milestone 1`) are stood in for by the author\'s own subsections, and `Label: ... 1` is a stand-in for a name after the label (blind QA, Cilium CFPs)', () => {
    const cfpSource = '# CFP-003: Template\n\n## Proposal\n\n### Overview\n\n_Provide a high-level overview._\n\n### Section 1\n\n_Section with proposal content_\n\n### Section 2\n\n_Section with proposal content_\n\n## Impacts / Key Questions\n\n_List crucial impacts._\n\n### Impact: ... 1\n\n_Describe crucial impacts._\n\n### Key Question: ... 2\n\n_Describe a key question_\n\n## Future Milestones\n\n_List things._\n\n### Deferred Milestone 1\n\n_Description of deferred milestone_\n';
    const cfp = buildTemplateModel(parseSpec(cfpSource), 'c@1');
    expect(brief('# CFP-1: VLANs\n\n## Proposal\n\n### Overview\n\nTags.\n\n### Datapath\n\nBPF.\n\n## Impacts / Key Questions\n\nTwo.\n\n### Impact: performance\n\nSmall.\n\n### Key Question: pop on ingress?\n\nYes.\n\n## Future Milestones\n\nLater.\n\n### Hubble visibility\n\nFlows.\n', cfp)).toEqual([]);
    // With no section of the author's in their place they are owed as ever (the parent's own text written stands for a
    // numbered kind, as for a bare one: Future Milestones' "Later."), and the stand-in takes only its label's words.
    expect(brief('# CFP-1: VLANs\n\n## Proposal\n\n### Overview\n\nTags.\n\n## Impacts / Key Questions\n\nTwo.\n\n### Risks: performance\n\nSmall.\n\n### Key Question: pop on ingress?\n\nYes.\n\n## Future Milestones\n\nLater.\n', cfp).map((f) => f.split(' ').slice(1).join(' ')))
      .toEqual(['missing-section proposal/section-1', 'missing-section impacts--key-questions/impact--1']);
    // A parent whose guidance asks to list what its labelled stand-ins stand for owes no text above them ("List crucial impacts and key questions.").
    expect(brief('# CFP-1: VLANs\n\n## Proposal\n\n### Overview\n\nTags.\n\n### Datapath\n\nBPF.\n\n## Impacts / Key Questions\n\n### Impact: performance\n\nSmall.\n\n### Key Question: pop on ingress?\n\nYes.\n\n## Future Milestones\n\nLater.\n',
      buildTemplateModel(parseSpec(cfpSource.replace('_List crucial impacts._', '_List crucial impacts and key questions. They likely require discussion._')), 'c@1'))).toEqual([]);
    // A template section moved under another parent keeps its subsections: `#### Pros` and `#### Cons` under the moved `### Option 1:`.
    const options = buildTemplateModel(parseSpec('# CFP\n\n## Proposal\n\n_Overview._\n\n## Impacts / Key Questions\n\n_List them._\n\n### Option 1:\n\n#### Pros\n\n* ...\n\n#### Cons\n\n* ...\n\n### Option 2:\n\n#### Pros\n\n* ...\n\n#### Cons\n\n* ...\n'), 'o@1');
    expect(brief('# CFP-2: Split\n\n## Proposal\n\nTwo sets.\n\n### Option 1:\n\n#### Pros\n\n* Simple.\n\n#### Cons\n\n* Churn.\n\n## Impacts / Key Questions\n\nUpgrades.\n', options).map((f) => f.split(' ').slice(1).join(' ')))
      .toEqual(['section-order proposal/option-1']);
    // A numbered kind the author's own stand for takes its subsections with it: none of them is owed either.
    expect(brief('# CFP-2: Split\n\n## Proposal\n\nTwo sets.\n\n### Option 1: shared RBAC\n\n#### Pros\n\n* Simple.\n\n#### Cons\n\n* Churn.\n\n## Impacts / Key Questions\n\nUpgrades.\n', options)).toEqual([]);
  });

  it('a template heading of names joined by `/` is the spec\'s heading of its first name, of two words or more (blind QA, OpenEBS: a rename hint for another section pointed at it)', () => {
    const oep = buildTemplateModel(parseSpec('# Title\n\n## Proposal\n\nThe design.\n\n### Implementation Details/Notes/Constraints [optional]\n\nWhat are the caveats?\n\n## Implementation History\n\nMajor milestones.\n'), 'o@1');
    expect(findings('# Local volumes\n\n## Proposal\n\nBind mounts.\n\n## 7. Implementation Details\n\nA CSI node plugin.\n', oep).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      '7 heading-level heading "7. Implementation Details" is level 2; the template has it at level 3 (###)',
      '9 missing-section missing section "Implementation History" (## Implementation History) from template o@1']);
    // Not a one-word name, which authors give sections of their own (a KEP's `Notes/Constraints/Caveats (Optional)` and an author's `#### Notes`).
    const kep = buildTemplateModel(parseSpec('# KEP\n\n## Proposal\n\n<!-- p -->\n\n### Notes/Constraints/Caveats (Optional)\n\n<!-- n -->\n\n## Alternatives\n\n<!-- a -->\n'), 'k@1');
    expect(brief('# KEP-1: X\n\n## Proposal\n\nP.\n\n## Alternatives\n\nA.\n\n#### Notes\n\nN.\n', kep)).toEqual([]);
  });

  it('a stand-in for a number before a slot (`## Option N: <Title>`) is a later one of the series: the spec\'s `## Option 2: …` is it, and none is owed (blind QA, Grafana Alloy)', () => {
    const alloy = buildTemplateModel(parseSpec('# Proposal: <Title>\n\n## Problem\n\n<!-- p -->\n\n## Option 1: <Title>\n\n### Pros and cons\n\n<!-- pc -->\n\n## Option N: <Title>\n\n### Pros and cons\n\n<!-- pc -->\n'), 'a@1');
    const two = '# Proposal: Zones\n\n## Problem\n\nCross-zone traffic.\n\n## Option 1: Local rings\n\n### Pros and cons\n\nCheap.\n\n## Option 2: Isolated deployments\n\n### Pros and cons\n\nSimple.\n';
    expect(brief(two, alloy)).toEqual([]);
    expect(brief(two.slice(0, two.indexOf('## Option 2')), alloy)).toEqual([]);
    // A bare heading with a letter for its number is the open end of a series, none owed (Wagtail's `### Sub-heading n`).
    const wagtail = buildTemplateModel(parseSpec('# RFC\n\n## Specification\n\nThe technical specification.\n\nInclude subheadings as necessary.\n\n### Sub-headings 1\n\n\n### Sub-heading n\n\n## Open Questions\n\nAny.\n'), 'w@1');
    expect(brief('# RFC 33\n\n## Specification\n\nScripts.\n\n### Deprecation process\n\nTwo releases.\n\n## Open Questions\n\nNone.\n', wagtail)).toEqual([]);
    // A title of the template's name with an instruction in parentheses after it, kept, names nothing (Cedar's RFC template).
    const cedar = buildTemplateModel(parseSpec('# RFC Template (Fill in your title here)\n\n## Summary\n\nOne paragraph.\n'), 'c@1');
    expect(brief('# RFC Template (Fill in your title here)\n\n## Summary\n\nEntity tags.\n', cedar)).toEqual(['1:1 empty-section title']);
    expect(brief('# Entity tags\n\n## Summary\n\nEntity tags.\n', cedar)).toEqual([]);
  });

  it('guidance that says the author need not write the section makes it optional, and one of its subsections written is enough (blind QA, NEAR NEPs\' Changelog)', () => {
    const nep = buildTemplateModel(parseSpec('# NEP\n\n## Summary\n\n[Summary.]\n\n## Changelog\n\n[The changelog section provides historical context. The author does not need to fill out this section for the initial draft. Instead, the assigned reviewers should create the first version.]\n\n### 1.0.0 - Initial Version\n\n> Placeholder for the context about when and who approved this NEP version.\n'), 'n@1');
    expect(nep.sections.find((x) => x.id === 'changelog')?.optional).toBe(true);
    expect(brief('# NEP-514\n\n## Summary\n\nFewer validators.\n\n## Changelog\n\n### 1.0.0 - Initial Version\n\nApproved on Oct 26, 2023.\n', nep)).toEqual([]);
    expect(brief('# NEP-514\n\n## Summary\n\nFewer validators.\n', nep)).toEqual([]);
    // Its guidance in brackets, a link inside, kept above a version of the author's: leftover guidance (NEP-536; blind QA).
    const bracketed = buildTemplateModel(parseSpec('# NEP\n\n## Summary\n\n[Summary.]\n\n## Changelog\n\n[The changelog section provides historical context. Versions follow [Semantic Versioning](https://semver.org/). The author does not need to fill out this section for the initial draft. After the final public call, the author should then finalize the last version of the decision context.]\n\n### 1.0.0 - Initial Version\n\n> Placeholder for the context.\n'), 'b@1');
    expect(brief('# NEP-536\n\n## Summary\n\nHalving.\n\n## Changelog\n\n[The changelog section provides historical context. Versions follow [Semantic Versioning](https://semver.org/). The author does not need to fill out this section for the initial draft. After the final public call, the author should then finalize the last version of the decision context.]\n\n### 1.0.0 - Initial Version\n\nApproved.\n\n### 1.0.1 - Fix: rewards halved\n\nHalved.\n', bracketed)).toEqual(['9:1 leftover-guidance changelog']);
  });

  it('a link reference definition run into a heading (`## Drawbacks [drawbacks]: #drawbacks`) is no part of its name (blind QA, Mina RFCs: "write `## rationale-and-alternatives`")', () => {
    const rfc = buildTemplateModel(parseSpec('# Summary\n[summary]: #summary\n\nOne paragraph.\n\n# Drawbacks\n[drawbacks]: #drawbacks\n\nWhy not?\n\n# Rationale and alternatives\n[rationale-and-alternatives]: #rationale-and-alternatives\n\nWhy this design?\n'), 'r@1');
    expect(brief('# Summary\n\nKeys.\n\n# Drawbacks [drawbacks]: #drawbacks\n\nNone.\n\n# Rationale and alternatives [rationale-and-alternatives]:\n#rationale-and-alternatives\n- All other options seem worse.\n', rfc)).toEqual([]);
  });

  it('NVIDIA Dynamo\'s DEP template: `**\\[Optional \\- if not applicable omit\\]**` makes a section optional; a stand-in under a spec written a level down under its own title is matched; "List out solutions that were considered." over `Alt <#> <Title>` owes no text above them (blind QA)', () => {
    const dep = buildTemplateModel(parseSpec('# Title\n\n## Summary\n\nOne paragraph.\n\n## Related Proposals\n\n**\\[Optional \\- if not applicable omit\\]**\n\nList related proposals.\n\n## Alternate Solutions\n\nList out solutions that were considered.\n\n### Alt \\<\\#\\> \\<Title\\>\n\n**Pros:**\n\n\\<bulleted list\\>\n'), 'd@1');
    expect(dep.sections.filter((x) => x.optional).map((x) => x.id)).toContain('related-proposals');
    expect(brief('# Event plane\n\n## Summary\n\nEvents.\n\n## Alternate Solutions\n\n### Alt 1 Single Type\n\n**Pros:**\n\n- Simple.\n', dep)).toEqual([]);
    // A template of `#` sections, and a spec written a level down under its own title.
    const flat = buildTemplateModel(parseSpec('# Summary\n\nOne paragraph.\n\n# Alternate Solutions\n\nList out solutions that were considered.\n\n## Alt \\<\\#\\> \\<Title\\>\n\n**Pros:**\n\n\\<bulleted list\\>\n'), 'f@1');
    expect(brief('# Event plane\n\n## Summary\n\nEvents.\n\n## Alternate Solutions\n\n### Alt 1 Single Type\n\n**Pros:**\n\n- Simple.\n', flat)).toEqual([]);
  });

  it('leftover-marker: a heading of the template\'s kept as it names its section (Filecoin FIPs\' `## TODO`) is no marker; the author\'s own is (blind QA)', () => {
    const fip = buildTemplateModel(parseSpec('# Title\n\n## Specification\n\nThe spec.\n\n## TODO\n\nWhat remains to be done before the FIP is final.\n'), 'f@1');
    expect(brief('# Sector liveness\n\n## Specification\n\nProofs.\n\n## TODO\n\nNone: all items resolved.\n', fip)).toEqual([]);
    expect(brief('# Sector liveness\n\n## Specification\n\nProofs. TODO: gas.\n\n## TODO\n\nNone.\n', fip)).toEqual(['5:9 leftover-marker specification']);
  });

  it('"use it if it makes sense for your RFC" makes a section optional (blind QA, Invenio RFCs)', () => {
    const inv = buildTemplateModel(parseSpec('# T\n\n## Summary\n\n> One paragraph.\n\n## Example\n\n> Show a concrete example. As with other sections, use it if it makes sense for your RFC.\n\n## Drawbacks\n\n> Why should we not do this?\n'), 'i@1');
    expect(inv.sections.filter((x) => x.optional).map((x) => x.id)).toEqual(['example']);
  });

  it('the day\'s readings kept narrow (review): a capitals name the guidance mentions is no slot, "though it is not required" of something in a later sentence makes nothing optional, a numbered kind whose guidance asks for something is owed', () => {
    const caps = buildTemplateModel(parseSpec('# T\n\n## Design\n\nDescribe how the service checks the TENANT_ID header and where the API_VERSION is pinned.\n'), 'c@1');
    expect(brief('# X\n\n## Design\n\nEvery request carries the TENANT_ID header.\n\nClients pin API_VERSION 3.\n', caps)).toEqual([]);
    const migration = buildTemplateModel(parseSpec('# T\n\n## Summary\n\nWhat.\n\n## Migration\n\nDescribe how users migrate. A rollback plan is welcome, though it is not required.\n'), 'm@1');
    expect(migration.sections.find((x) => x.id === 'migration')?.optional).toBe(false);
    const phases = buildTemplateModel(parseSpec('# T\n\n## Rollout\n\nThe plan.\n\n### Phase 1\n\nDescribe what ships in phase 1 and its acceptance criteria.\n'), 'p@1');
    expect(brief('# X\n\n## Rollout\n\nIn steps.\n\n### Background\n\nWhy.\n', phases)).toEqual(['9:1 missing-section rollout/phase-1']);
  });

  it('a template that says above its first section that sections may be added or removed as needed owes none of them (blind QA, Strimzi proposals)', () => {
    const strimzi = buildTemplateModel(parseSpec('<!-- This template is provided as an example. Add or remove sections as required to best articulate the proposal. -->\n\n# <Title>\n\nProvide a brief summary.\n\n## Motivation\n\nExplain the motivation.\n\n## Compatibility\n\nCall out compatibility.\n'), 's@1');
    expect(brief('# Node pools\n\nPools of brokers.\n\n## Motivation\n\nScaling.\n', strimzi)).toEqual([]);
    // …but a section kept empty is still empty, and a template that says nothing so owes them.
    expect(brief('# Node pools\n\nPools of brokers.\n\n## Motivation\n\n## Compatibility\n\nNone.\n', strimzi)).toEqual(['5:1 empty-section motivation']);
    const plain = buildTemplateModel(parseSpec('# <Title>\n\nProvide a brief summary.\n\n## Motivation\n\nExplain the motivation.\n\n## Compatibility\n\nCall out compatibility.\n'), 'p@1');
    expect(brief('# Node pools\n\nPools of brokers.\n\n## Motivation\n\nScaling.\n', plain)).toEqual(['7:1 missing-section compatibility']);
  });

  it('a section the template asks for once the spec reaches a status ("Once the TEP is ready to be marked as implemented, …") is owed from then on (blind QA, Tekton TEPs)', () => {
    const tep = buildTemplateModel(parseSpec('# TEP\n\n## Summary\n\n<!-- s -->\n\n## Implementation Pull Requests\n\n<!--\nOnce the TEP is ready to be marked as implemented, list down all the GitHub\nmerged pull requests.\n-->\n'), 't@1');
    const said = (status: string) => findings(`---\nstatus: ${status}\n---\n# TEP-0118: Hub config\n\n## Summary\n\nOne hub.\n`, tep).filter((f) => f.rule === 'missing-section').map((f) => f.message);
    expect(said('implementable')).toEqual([]);
    expect(said('implemented')).toEqual(['missing section "Implementation Pull Requests" (## Implementation Pull Requests) from template t@1; the template asks for it "Once the TEP is ready to be marked as implemented", and this spec\'s `status` is "implemented"']);
  });

  it('guidance that opens with the condition under which the section is written ("If not clear, …", "If applicable, …"), or says the section is optional until something, makes it optional; a condition every spec meets does not (blind QA: Prometheus, Scala SIPs, Kubeflow, React)', () => {
    const t = buildTemplateModel(parseSpec('# T\n\n## Summary\n\nWhat.\n\n## Audience\n\nIf not clear, the target audience that this change relates to.\n\n## Other concerns\n\nIf you think of anything else that is worth discussing, add a section here.\n\n## Graduation Criteria\n\n_This section is optional until Kubeflow has formally defined a graduation process._\n\n## Unstable prefix\n\n*If a proposal is implemented before it is included in the spec, then implementers must use a prefix.*\n\n## Adoption\n\nIf we implement this proposal, how will existing developers adopt it?\n\n## Upgrades\n\n<!-- If applicable, how will the component be upgraded? -->\n'), 'c@1');
    // (Not one that holds for nearly every spec, nor a condition on how the spec came to be: a KIP's "If there are
    // alternative ways …, what were they?", Matrix's "If a proposal is implemented before …": regression sweep.)
    // (Nor "If applicable," in guidance: a template marks its optional sections in their headings, and a KEP's Upgrade /
    // Downgrade Strategy, which opens so, is owed: review.)
    expect(t.sections.filter((x) => x.optional).map((x) => x.id)).toEqual(['audience', 'other-concerns', 'graduation-criteria']);
    const asks = buildTemplateModel(parseSpec('# T\n\n## Design\n\nIf you have questions about this section, ask the architects.\n'), 'q@1');
    expect(asks.sections[0]!.optional).toBe(false);
    const kip = buildTemplateModel(parseSpec('# KIP\n\n## Rejected Alternatives\n\nIf there are alternative ways of accomplishing the same thing, what were they?\n'), 'k@1');
    expect(kip.sections[0]!.optional).toBe(false);
    expect(brief('# Direct I/O\n\n## Summary\n\nUse O_DIRECT.\n\n## Unstable prefix\n\nNone.\n\n## Adoption\n\nA flag.\n\n## Upgrades\n\nNone.\n', t)).toEqual([]);
    expect(brief('# Direct I/O\n\n## Summary\n\nUse O_DIRECT.\n', t)).toEqual(['5:1 missing-section unstable-prefix', '5:1 missing-section adoption', '5:1 missing-section upgrades']);
  });

  it('a parent whose guidance only says what the section is ("This is the meat of your proposal."), over guided subsections, owes no text above them (blind QA, Scala SIPs, OCM)', () => {
    const sip = buildTemplateModel(parseSpec('# SIP\n\n## Proposed solution\n\nThis is the meat of your proposal.\n\n### High-level overview\n\nA high-level overview of the proposed changes.\n\n### Specification\n\nA specification for the proposed changes.\n'), 's@1');
    expect(brief('# Binary APIs\n\n## Proposed solution\n\n### High-level overview\n\nAn annotation.\n\n### Specification\n\nThe rules.\n', sip)).toEqual([]);
    // Kept above the subsections, that note is the template's text left: a warning (review of this session: it went unreported).
    const ocm = buildTemplateModel(parseSpec('# T\n\n## Proposal\n\nThis is where we get down to the nitty gritty of what the proposal actually is.\n\n### User Stories\n\nDetail the things people will be able to do.\n'), 'o@1');
    expect(brief('# Delete propagation\n\n## Proposal\n\nThis is where we get down to the nitty gritty of what the proposal actually is.\n\n### User Stories\n\nAdmins keep the Deployment.\n', ocm)).toEqual(['5:1 leftover-guidance proposal']);
    expect(brief('# Delete propagation\n\n## Proposal\n\n### User Stories\n\nAdmins keep the Deployment.\n', ocm)).toEqual([]);
    // One that asks for text, or says what the section is and asks for it, owes it.
    const asks = buildTemplateModel(parseSpec('# SIP\n\n## Proposed solution\n\nThis is the meat of your proposal. Describe it in full.\n\n### High-level overview\n\nAn overview.\n'), 'a@1');
    expect(brief('# Binary APIs\n\n## Proposed solution\n\n### High-level overview\n\nAn annotation.\n', asks)).toEqual(['3:1 empty-section proposed-solution']);
  });

  it('a title whose label\'s number is a slot (cosmos-sdk\'s `# ADR {ADR-NUMBER}: {TITLE}`), kept, or kept with the number written, names nothing (blind QA, cosmos-sdk and CometBFT ADRs)', () => {
    const adr = buildTemplateModel(parseSpec('# ADR {ADR-NUMBER}: {TITLE}\n\n## Changelog\n\n* {date}: {changelog}\n\n## Status\n\n{DRAFT | PROPOSED} Not Implemented\n'), 'a@1');
    const said = (title: string) => findings(`# ${title}\n\n## Changelog\n\n* 2020-01-01: first draft\n\n## Status\n\nPROPOSED Not Implemented\n`, adr).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('ADR {ADR-NUMBER}: {TITLE}')).toEqual(['1 empty-section the title is still the template\'s "ADR {ADR-NUMBER}: {TITLE}": write the spec\'s own title']);
    expect(said('ADR 002: {TITLE}')).toEqual(['1 empty-section the title "ADR 002: {TITLE}" names nothing yet (the template\'s "ADR {ADR-NUMBER}: {TITLE}"): write the spec\'s own title']);
    expect(said('ADR 002: SDK Documentation Structure')).toEqual([]);
  });

  it('a label then a word standing for the name (`### Proposal 1: Title`, `### Proposal n: Title`) is a stand-in, and a parent that asks for several of them owes no text above them (blind QA, Grafana Loki LIDs)', () => {
    const loki = buildTemplateModel(parseSpec('# XXXX: Template\n\n## Proposals\n\n_List at least two possible ways of achieving the goals._\n\n### Proposal 0: Do nothing\n\n_Describe what happens if we do nothing._\n\n### Proposal 1: Title\n\n_Describe the first proposal._\n\n### Proposal n: Title\n\n_Describe the nth proposal(s)._\n\n## Other Notes\n'), 'l@1');
    expect(loki.sections.map((t) => t.standIn?.lead ?? null)).toEqual([null, null, 'Proposal 1:', 'Proposal n:', null]);
    expect(brief('# 0006: Split API\n\n## Proposals\n\n### Proposal 0: Do nothing\n\nParsers.\n\n### Proposal 1: Expose Splitting in an API\n\nAn endpoint.\n\n### Proposal 2: Support Arrow Flight\n\nShards.\n\n## Other Notes\n\nNone.\n', loki)).toEqual([]);
    // Kept as the template's, they are still its stand-ins, empty.
    expect(brief('# 0006: Split API\n\n## Proposals\n\n### Proposal 0: Do nothing\n\nParsers.\n\n### Proposal 1: Title\n\n## Other Notes\n\nNone.\n', loki)).toEqual(['9:1 empty-section proposals/proposal-1-title']);
    // A heading that names a thing after its label is no stand-in: `Option 2: Name resolution`.
    expect(buildTemplateModel(parseSpec('# T\n\n## Option 2: Name resolution\n\nWhat.\n'), 'o@1').sections[0]!.standIn).toBeNull();
  });

  it('a title of a label in brackets and a stand-in (Flyte\'s `# [RFC Template] Title`), or of a label and an instruction in parentheses (Bevy\'s `# Feature Name: (fill me in …)`), kept, names nothing (blind QA)', () => {
    for (const title of ['[RFC Template] Title', 'Feature Name: (fill me in with a unique ident, `my_awesome_feature`)']) {
      const t = buildTemplateModel(parseSpec(`# ${title}\n\n## Summary\n\nOne paragraph.\n`), 't@1');
      expect(brief(`# ${title}\n\n## Summary\n\nConcurrency limits.\n`, t), title).toEqual(['1:1 empty-section title']);
      expect(brief('# Execution concurrency\n\n## Summary\n\nConcurrency limits.\n', t), title).toEqual([]);
    }
  });

  it('a note the template keeps as an aside is told to go when it says to remove it before submitting, `<br>` or not (blind QA, Grafana Loki LIDs)', () => {
    const note = '> _NOTE: the file should be named `_DRAFT_<your-title>.md`.\nOnce accepted, it will be assigned a LID number.<br>\n> **Remove this section before submitting, and retain the structure of this document.**_';
    const loki = buildTemplateModel(parseSpec(`# XXXX: Template\n\n${note}\n\n**Author:** Name (email)\n\n## Background\n\n_Describe the key facts._\n`), 'l@1');
    expect(brief(`# 0006: Split API\n\n${note}\n\n**Author:** Karsten (k@example.com)\n\n## Background\n\nQueries are split.\n`, loki)).toEqual(['3:3 leftover-guidance title']);
    // One that says nothing of its removal is an aside every spec may keep.
    const aside = '> _NOTE: the file should be named `_DRAFT_<your-title>.md`.\nOnce accepted, it will be assigned a LID number._';
    const kept = buildTemplateModel(parseSpec(`# XXXX: Template\n\n${aside}\n\n**Author:** Name (email)\n\n## Background\n\n_Describe the key facts._\n`), 'k@1');
    expect(brief(`# 0006: Split API\n\n${aside}\n\n**Author:** Karsten (k@example.com)\n\n## Background\n\nQueries are split.\n`, kept)).toEqual([]);
  });

  it('a label\'s choices joined by `|` kept as the template writes them are a blank: none was chosen (blind QA, Grafana Loki LIDs)', () => {
    const loki = buildTemplateModel(parseSpec('# XXXX: Template\n\n**Author:** Name (email)\n\n**Type:** Feature|Process\n\n**Status:** Draft|In Discussion|Accepted|Rejected|Completed\n\n## Background\n\n_Describe the key facts._\n'), 'l@1');
    const said = (type: string, status: string) => findings(`# 0004: Sharding\n\n**Author:** Christian (c@example.com)\n\n**Type:** ${type}\n\n**Status:** ${status}\n\n## Background\n\nThe ring.\n`, loki).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(said('Feature|Process', 'Draft|In Discussion|Accepted|Rejected|Completed')).toEqual([
      '5:11 leftover-marker the template\'s choices "Feature|Process" are still here: write the one that applies',
      '7:13 leftover-marker the template\'s choices "Draft|In Discussion|Accepted|Rejected|Completed" are still here: write the one that applies']);
    expect(said('Feature', 'Accepted')).toEqual([]);
    // Choices of the author's own, which the template does not write, are the author's.
    expect(said('Feature', 'Accepted|Completed')).toEqual([]);
    // So are three or more joined by `/` with no spaces (CockroachDB's header); two, `input/output`, and an address are no choices.
    const crdb = buildTemplateModel(parseSpec('- Feature Name:\n- Status: draft/in-progress/completed/rejected/obsolete/postponed\n- Kind: input/output\n\n# Summary\n\nWhat.\n'), 'c@1');
    const crdbSaid = (status: string) => findings(`- Feature Name: Locks\n- Status: ${status}\n- Kind: input/output\n\n# Summary\n\nLocks.\n`, crdb).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(crdbSaid('draft/in-progress/completed/rejected/obsolete/postponed')).toEqual([
      '2:11 leftover-marker the template\'s choices "draft/in-progress/completed/rejected/obsolete/postponed" are still here: write the one that applies']);
    expect(crdbSaid('completed')).toEqual([]);
  });

  it('a stand-in under a parent the spec renamed is found under the one heading at that level holding a subsection that fits it (blind QA, Prometheus 0041)', () => {
    const prom = buildTemplateModel(parseSpec('# Proposal title\n\n## How\n\nExplain it.\n\n## Alternatives\n\nThe section stating potential alternatives.\n\n### Alternative: <another way of solving this>\n\n### Alternative: <yet another way>\n\n## Action Plan\n\nThe tasks.\n'), 'p@1');
    const spec = '# Prombench\n\n## How\n\nTwo flags.\n\n## Alternatives and Extensions\n\n### Alternative: Change docker image\n\nA tag.\n\n## Action Plan\n\n* [X] Announce.\n';
    expect(brief(spec, prom)).toEqual(['7:1 missing-section alternatives']);
    // Two such headings: not guessed.
    expect(brief(spec.replace('## Action Plan', '## More Alternatives\n\n### Alternative: Fork\n\nB.\n\n## Action Plan'), prom)).toEqual(['19:1 missing-section alternatives', '19:1 missing-section alternatives/alternative']);
  });

  it('a section whose list is all link reference definitions (`- [Docs]: https://…`, empty bullets on the page) is empty, and the message says why (blind QA, Helm HIPs)', () => {
    const hip = buildTemplateModel(parseSpec('# HIP\n\n## Abstract\n\nWhat.\n\n## References\n\nLinks to docs.\n'), 'h@1');
    expect(findings('# HIP 27\n\n## Abstract\n\nPolicies.\n\n## References\n\n- [Docs]: https://helm.sh/docs/\n- [Code]: https://github.com/helm/helm\n', hip).map((f) => `${f.line} ${f.message}`)).toEqual([
      '7 section "References" is empty: its lines are link reference definitions (`[label]: address`), which the page does not show; write them as links, `- [label](address)`']);
    // A bare definition, a template\'s anchor for its section (TVM), or one in a comment, is no list of the author\'s.
    expect(findings('# HIP 27\n\n## Abstract\n\nPolicies.\n\n## References\n\n[references]: #references\n', hip).map((f) => f.message)).toEqual(['section "References" is empty: write its content']);
  });

  it('a heading in a missing section\'s place that holds its guidance as it stands is named as it renamed, whatever its words (blind QA, Bevy\'s Guide-level explanation for User-facing explanation)', () => {
    const guide = 'Explain the proposal as if it was already included in the engine and you were teaching it to another user.';
    const bevy = buildTemplateModel(parseSpec(`# T\n\n## Motivation\n\nWhy?\n\n## User-facing explanation\n\n${guide}\n\n## Reference-level explanation\n\nHow.\n`), 'b@1');
    const said = (body: string) => findings(`# Relations\n\n## Motivation\n\nGraphs.\n\n## Guide-level explanation\n\n${body}\n\n## Reference-level explanation\n\nTables.\n`, bevy).filter((f) => f.rule === 'missing-section').map((f) => f.message.replace(/^.*?; /, ''));
    expect(said(guide)).toEqual(['"Guide-level explanation" is in its place: if that is this section renamed, restore its heading, and write its content: it still holds only the template\'s guidance']);
    // Text of the author's under other words is no rename to guess.
    expect(said('Relations are edges between entities.')).toEqual([expect.stringMatching(/^missing section "User-facing explanation"/)]);
  });

  it('a finding on the text before the first section sits on its first line, not on a blank line after the front matter (blind QA, Hyperledger Fabric RFCs)', () => {
    const fabric = buildTemplateModel(parseSpec('- Feature Name: (fill me in with a unique identifier, my_awesome_feature)\n- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy are we doing this?\n'), 'f@1');
    expect(findings('---\ntitle: Batching\n---\n\n- Feature Name: (fill me in with a unique identifier, my_awesome_feature)\n- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n\n# Summary\n\nBatches.\n\n# Motivation\n\nThroughput.\n', fabric).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['5:1 empty-section']);
  });

  it('a template engine\'s tag kept as the template writes it (Fuchsia\'s `{% include "…" %}`) is a directive, no slot; a `{slot}` beside it still is (blind QA)', () => {
    const fuchsia = buildTemplateModel(parseSpec('{% include "docs/_common/_rfc_header.md" %}\n# Title\n\n## Summary\n\nA brief summary of the proposal.\n\nOwner: {your team}\n'), 'f@1');
    const said = (summary: string) => findings(`{% include "docs/_common/_rfc_header.md" %}\n# Power broker\n\n## Summary\n\n${summary}\n`, fuchsia).map((f) => `${f.line} ${f.rule}`);
    expect(said('Add a power broker protocol for drivers.')).toEqual([]);
    expect(said('Add a power broker protocol for drivers.\n\nOwner: {your team}')).toEqual(['8 leftover-marker']);
  });

  it('a page a template engine renders (Fuchsia\'s RFCs): its `{# … #}` notes and "do not edit above this line" under the title ask for no text there, and a `{{ rfc.title }}` on a line the template holds is the engine\'s (blind QA)', () => {
    const head = '{% set rfcid = "RFC-0000" %}\n{% include "docs/_common/_rfc_header.md" %}\n# {{ rfc.name }}: {{ rfc.title }}\n{# Fuchsia RFCs use templates to display various fields from _rfcs.yaml. View the #}\n{# fully rendered RFCs at https://fuchsia.dev/rfcs #}\n<!-- SET the `rfcid` VAR ABOVE. DO NOT EDIT ANYTHING ELSE ABOVE THIS LINE. -->\n\n<!-- This should begin with an H2 element (for example, ## Summary).-->\n\n';
    const fuchsia = buildTemplateModel(parseSpec(`${head}## Summary\n\nA brief (one paragraph) summary of the proposal.\n`), 'f@1');
    const said = (spec: string) => brief(spec, fuchsia);
    expect(said(`${head.replace('0000', '0201')}## Summary\n\nAdd a power broker.\n`)).toEqual([]);
    // The same slot on a line of the author's, or in a page no engine renders, is still a blank.
    expect(said(`${head.replace('0000', '0201')}## Summary\n\nAdd a power broker for {{ rfc.area }}.\n`)).toEqual(['12:24 leftover-marker summary']);
    const plain = buildTemplateModel(parseSpec('# {{ rfc.name }}: {{ rfc.title }}\n\n## Summary\n\nA brief summary.\n'), 'p@1');
    expect(brief('# {{ rfc.name }}: {{ rfc.title }}\n\n## Summary\n\nAdd a power broker.\n', plain)).toEqual(['1:3 leftover-marker title', '1:19 leftover-marker title']);
    // A `{# … #}` note that asks for text under the title still owes it.
    const asks = buildTemplateModel(parseSpec('{% include "h.md" %}\n# Title\n{# Write a one-paragraph abstract here. #}\n\n## Summary\n\nA brief summary.\n'), 'a@1');
    expect(brief('{% include "h.md" %}\n# Power broker\n{# Write a one-paragraph abstract here. #}\n\n## Summary\n\nAdd a power broker.\n', asks)).toEqual(['2:1 empty-section title']);
  });

  it('some of the options a template lists to choose from, kept alone, are a choice made, not its guidance (blind QA, Kotlin KEEP\'s Dependencies)', () => {
    const keep = buildTemplateModel(parseSpec('# Title\n\n## Dependencies\n\nWhat are the dependencies of the proposed API:\n\n* a subset of Kotlin Standard Library available on all supported platforms.\n* JDK-specific dependencies, specify minimum JDK version.\n* JS-specific dependencies.\n\n## Placement\n\nWhich package?\n'), 'k@1');
    const said = (answer: string) => brief(`# runningFold\n\n## Dependencies\n\n${answer}\n\n## Placement\n\nkotlin.collections\n`, keep);
    expect(said('A subset of Kotlin Standard Library available on all supported platforms.')).toEqual([]);
    expect(said('* JDK-specific dependencies, specify minimum JDK version.\n* JS-specific dependencies.')).toEqual([]);
    // All of them kept, or the question with them, is the guidance as it stands.
    expect(said('* a subset of Kotlin Standard Library available on all supported platforms.\n* JDK-specific dependencies, specify minimum JDK version.\n* JS-specific dependencies.')).toEqual(['3:1 empty-section dependencies']);
    expect(said('What are the dependencies of the proposed API:\n\n* JS-specific dependencies.')).toEqual(['3:1 empty-section dependencies']);
    // A list of what to write is no list of options: one item of it kept is still only guidance.
    const steps = buildTemplateModel(parseSpec('# Title\n\n## Dependencies\n\nWhat goes here:\n\n* Describe each library the API needs and why.\n* List the minimum JDK version it runs on.\n'), 's@1');
    expect(brief('# runningFold\n\n## Dependencies\n\nDescribe each library the API needs and why.\n', steps)).toEqual(['3:1 empty-section dependencies']);
    // Under a lead-in that offers things to note (the Pony RFCs' Drawbacks), one of them kept is the spec's answer (blind QA).
    const pony = buildTemplateModel(parseSpec('# Summary\n\nOne paragraph.\n\n# Drawbacks\n\nWhy should we *not* do this? Things you might want to note:\n\n* Breaks existing code\n* Introduces instability into the compiler and or runtime which will result in bugs we are going to spend time tracking down\n* Maintenance cost of added code\n'), 'p@1');
    expect(brief('# Summary\n\nA Maybe type.\n\n# Drawbacks\n\n* Maintenance cost of added code\n', pony)).toEqual([]);
    // Options in comments of their own beside one that says to uncomment the one that applies (Cardano's Copyright; blind QA, CIPs).
    const cip = buildTemplateModel(parseSpec('## Abstract\n\n<!-- A short description. -->\n\n## Copyright\n<!-- The CIP must be explicitly licensed. Uncomment the license you wish to use (delete the other one). -->\n\n<!-- This CIP is licensed under [CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/legalcode). -->\n<!-- This CIP is licensed under [Apache-2.0](http://www.apache.org/licenses/LICENSE-2.0). -->\n'), 'c@1');
    const licensed = (text: string) => brief(`## Abstract\n\nPool metadata.\n\n## Copyright\n\n${text}\n`, cip);
    expect(licensed('This CIP is licensed under [CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/legalcode).')).toEqual([]);
    expect(licensed('This CIP is licensed under [CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/legalcode).\n\nThis CIP is licensed under [Apache-2.0](http://www.apache.org/licenses/LICENSE-2.0).')).toEqual(['5:1 empty-section copyright']);
  });

  it('a slot of the template\'s front matter kept as it is, which `new` copies for the author to fill (blind QA, MADR 4)', () => {
    const madr = buildTemplateModel(parseSpec('---\nstatus: proposed\ndate: {YYYY-MM-DD when the decision was last updated}\ndecision-makers: {list everyone involved in the decision}\nowner: <your name>\nlabels: {a: 1}\n---\n# {short title}\n\n## Context\n\n{Describe the context.}\n'), 'm@1');
    const spec = (front: string) => findings(`---\ntitle: Use Kafka\ntemplate: m\nstatus: draft\n${front}---\n# Use Kafka\n\n## Context\n\nEvents.\n`, madr).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule} ${f.message}`);
    expect(spec('date: {YYYY-MM-DD when the decision was last updated}\ndecision-makers: {list everyone involved in the decision}\nowner: <your name>\nlabels: {a: 1}\n')).toEqual([
      '5:7-54 leftover-marker the template\'s slot "{YYYY-MM-DD when the decision was last updated}" is still the front matter\'s `date`: write its value',
      '6:18-58 leftover-marker the template\'s slot "{list everyone involved in the decision}" is still the front matter\'s `decision-makers`: write its value',
      '7:8-19 leftover-marker the template\'s slot "<your name>" is still the front matter\'s `owner`: write its value',
    ]);
    expect(spec('date: 2026-11-29\ndecision-makers: [Ana, Bo]\nowner: Ana\nlabels: {a: 1}\n')).toEqual([]);
    // Quoted on either side, as MADR 4 quotes some values, it is the same slot, reported on its text (blind QA).
    const quoted = buildTemplateModel(parseSpec('---\nstatus: proposed\ndecision-makers: "{list everyone involved in the decision}"\nconsulted: {list everyone whose opinions are sought}\n---\n# {short title}\n\n## Context\n\n{Describe the context.}\n'), 'q@1');
    const kept = (front: string) => findings(`---\ntitle: Use Kafka\ntemplate: q\nstatus: draft\n${front}---\n# Use Kafka\n\n## Context\n\nEvents.\n`, quoted).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message.split(' is still')[0]}`);
    expect(kept('decision-makers: "{list everyone involved in the decision}"\nconsulted: \'{list everyone whose opinions are sought}\'\n')).toEqual([
      '5:19-59 the template\'s slot "{list everyone involved in the decision}"', '6:13-54 the template\'s slot "{list everyone whose opinions are sought}"']);
    expect(kept('decision-makers: {list everyone involved in the decision}\nconsulted: "Ana"\n')).toEqual(['5:18-58 the template\'s slot "{list everyone involved in the decision}"']);
    expect(kept('decision-makers: "Ana, Bo"\nconsulted: "{list everyone whose opinions are sought"\n')).toEqual([]);
    // Items of a block list, and a key with a note in parentheses (Filecoin FIPs' `spec-sections:` then `  - <section-id>`,
    // `requires (*optional): <FIP number(s)>`; blind QA).
    const fip = buildTemplateModel(parseSpec('---\nstatus: Draft\nspec-sections:\n  - <section-id>\n  - <section-id>\nrequires (*optional): <FIP number(s)>\n---\n\n## Summary\n\nOne paragraph.\n'), 'f@1');
    const fipSaid = (front: string) => findings(`---\ntitle: Liveness\ntemplate: f\nstatus: draft\n${front}---\n# Liveness\n\n## Summary\n\nProofs.\n`, fip).map((f) => `${f.line}:${f.column} ${f.message.split(':')[0]}`);
    expect(fipSaid('spec-sections:\n  - <section-id>\n  - miner-actor\nrequires (*optional): <FIP number(s)>\n')).toEqual([
      '6:5 the template\'s slot "<section-id>" is still in the front matter\'s `spec-sections`', '8:23 the template\'s slot "<FIP number(s)>" is still the front matter\'s `requires (*optional)`']);
    expect(fipSaid('spec-sections:\n  - miner-actor\nrequires (*optional): FIP-0076\n')).toEqual([]);
  });

  it('a front matter slot to fill once the spec is accepted (SIMD\'s `feature: (fill in with feature tracking issues once accepted)`) is no blank before then (blind QA, SIMDs)', () => {
    const simd = buildTemplateModel(parseSpec('---\nsimd: \'XXXX\'\nstatus: Draft\nfeature: (fill in with feature tracking issues once accepted)\n---\n\n## Summary\n\nA brief summary.\n'), 's@1');
    const said = (status: string) => findings(`---\nsimd: '0376'\ntitle: Fees\ntemplate: s\nstatus: ${status}\nfeature: (fill in with feature tracking issues once accepted)\n---\n\n# Fees\n\n## Summary\n\nBurn fees.\n`, simd).filter((f) => f.rule === 'leftover-marker').map((f) => `${f.line} ${f.rule}`);
    expect(said('Review')).toEqual([]);
    expect(said('Accepted')).toEqual(['6 leftover-marker']);
  });

  it('a date format in emphasis and a tool\'s `$VARIABLE` kept among written lines are the template\'s slots (blind QA, one-pager and spec-kit)', () => {
    const t = buildTemplateModel(parseSpec('# Spec\n\n## Summary\n\n**Last updated:** _YYYY-MM-DD_\n\n**Input**: User description: "$ARGUMENTS"\n\n<!-- s -->\n'), 's@1');
    const said = (body: string) => findings(`# Login\n\n## Summary\n\n${body}\n\nUsers sign in.\n`, t).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(said('**Last updated:** _YYYY-MM-DD_\n\n**Input**: User description: "$ARGUMENTS"')).toEqual([
      '5:20 leftover-marker the template\'s slot "YYYY-MM-DD" is still here: replace it with the real content',
      '7:31 leftover-marker the template\'s slot "$ARGUMENTS" is still here: replace it with the real content',
    ]);
    expect(said('**Last updated:** _2026-11-29_\n\n**Input**: User description: "log in with a code"; run `echo $ARGUMENTS` to see it.')).toEqual([]);
  });

  it('heuristics of the day kept narrow: ordinary guidance that mentions copyright, "required for all", "as many", "sufficient", examples, "below" or a START comment does not hide an error (review)', () => {
    const cases: Array<[string, string, string, string[]]> = [
    ["Document/Confirm/Outline any copyright \u2026 asks for text: no licence notice", "# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Third-party code\n\nDocument any copyright or licensing constraints of code or assets you bring in.\n\n## Headers\n\nConfirm that every new source file carries the copyright header.\n\n## Contributors\n\nOutline the copyright implications for outside contributors, if any.\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n\n## Third-party code\n\n## Headers\n\n## Contributors\n\n", ["empty-section", "empty-section", "empty-section"]],
    ["\"required for all proposals\", \"Mandatory for breaking changes\" make nothing optional", "---\ntitle: Title\nstatus: draft\n---\n# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Security\n\nThis section is required for all proposals. Describe the threat model.\n\n## Migration\n\nMandatory for breaking changes: how do users move to the new version?\n\n## Rollout\n\nRequired for new features. Explain how the change is rolled out.\n", "---\ntitle: Fast cache\nstatus: draft\n---\n# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n", ["missing-section", "missing-section", "missing-section"]],
    ["\"as many paragraphs\", \"any number of diagrams\" make nothing optional", "# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Design\n\nYou may write as many paragraphs as you need to explain the design; it must cover the API and the storage.\n\n## Diagrams\n\nYou can include any number of diagrams, but at least the component diagram is required.\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n", ["missing-section", "missing-section"]],
    ["\"The answer is sufficient when \u2026\", \"OK to delete\", \"enough when\" are no default answers", "# Title\n\n## Motivation\n\n<!-- The answer is sufficient when a newcomer understands why we need this. -->\n\nWhy are we doing this? What use cases does it support?\n\n## Example\n\n<!-- The sample text is OK to delete once you have written your own. -->\n\nShow an example request and response for the new endpoint.\n\n## Risks\n\n<!-- The text is enough when every risk has a mitigation. -->\n\nList the risks and how each is mitigated.\n", "# Fast cache\n\n## Motivation\n\nWhy are we doing this? What use cases does it support?\n\n## Example\n\nShow an example request and response for the new endpoint.\n\n## Risks\n\nList the risks and how each is mitigated.\n", ["empty-section", "empty-section", "empty-section"]],
    ["numbered phases with examples in passing are each owed, and \"Describe the phases\" asks for text", "# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Rollout\n\nDescribe the phases of the rollout and who signs off on each one.\n\n### Phase 1\n\nWhat ships first, for example the read path behind a flag.\n\n### Phase 2\n\nWhat ships next, for example the write path and the migration.\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n\n## Rollout\n\n### Phase 1\n\nThe read path ships behind the `cache` flag.\n", ["empty-section", "missing-section"]],
    ["a quoted parent asking for an overview owes its text", "# Title\n\n## Summary\n\n> Write one paragraph that summarizes the change.\n\n## Design\n\n> Give an overview of the design in a few paragraphs; the subsections below then go into detail.\n\n### API\n\n> Describe the API.\n\n### Storage\n\n> Describe the storage layout.\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n\n## Design\n\n### API\n\nGET /cache/{key}.\n\n### Storage\n\nAn LRU in memory.\n", ["empty-section"]],
    ["a label over an instruction is guidance, not a field", "# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Non-functional requirements\n\n- Performance: describe the latency and throughput targets.\n- Security: describe the threat model and how the design addresses it.\n- Operability: explain how the service is monitored and paged.\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n\n## Non-functional requirements\n\n- Performance: describe the latency and throughput targets.\n- Security: describe the threat model and how the design addresses it.\n- Operability: explain how the service is monitored and paged.\n\nReads stay under 5 ms at p99.\n", ["leftover-guidance"]],
    ["\"START HERE: \u2026 then delete this comment.\" with no END is no stretch to remove", "# Feature name\n\n<!-- START HERE: replace this comment with a one-paragraph pitch of the feature, then delete this comment. -->\n\n## Summary\n\nDescribe the change in one paragraph.\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n", ["empty-section"]],
    ];
    for (const [why, template, spec, rules] of cases) {
      const model = buildTemplateModel(parseSpec(template), 't@1');
      expect([why, checkSpec(parseSpec(spec), { template: model, links: NO_FILES }).findings.map((f) => f.rule)]).toEqual([why, rules]);
    }
  });

  it('new findings of the day kept narrow: choices, capitals, front matter lists, numbered citations and an <h1> title are not reported (review)', () => {
    const cases: Array<[string, string, string]> = [
    ["choices and capitals in an answer or a path are no slots", "# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## API\n\nEvery endpoint lives under /v1/orders/{ORDER_ID}. Describe the endpoints you add.\n\n## Requirements\n\nList the requirements. Mark each one **MUST** or **SHOULD**, as RFC 2119 does.\n\n## Migration\n\n- Does the change need a data migration (yes / no)? If yes, describe it.\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n\n## API\n\nWe add GET /v1/orders/{ORDER_ID}/cache, which returns the cached order.\n\n## Requirements\n\nEach requirement below is marked **MUST** or **SHOULD**, as RFC 2119 does.\n\n- The cache MUST expire entries after 60 s.\n\n## Migration\n\n- Does the change need a data migration (yes / no)? No: the cache starts empty.\n"],
    ["a board's lower-case todo, and a block scalar's lines, are no front matter stubs", "---\ntitle: Title\nstatus: draft\n---\n# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n", "---\ntitle: Fast cache\nstatus: draft\nboard-columns:\n  - todo\n  - doing\n  - done\ninitial-column: todo\nnotes:\n  text: |\n    - todo\n---\n# Fast cache\n\n## Summary\n\nWe add a cache in front of the store. Cards start in the todo column.\n"],
    ["a numbered citation is no lost definition", "# Title\n\n## Summary\n\nDescribe the change in one paragraph, citing prior work as [1].\n\n## References\n\nList the references.\n\n[1]: https://example.com/prior-work\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store, as Smith [1] and Jones [2] suggest.\n\n## References\n\n1. Smith, Caching at scale, 2020.\n2. Jones, Stores, 2021.\n"],
    ["a title written as <h1> is a title", "# Feature name\n\nAuthors: list the authors.\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Design\n\nExplain the design.\n", "<h1 align=\"center\">Fast cache</h1>\n\nAuthors: Ann, Bob.\n\n## Summary\n\nWe add a cache in front of the store.\n\n## Design\n\nA read-through cache.\n"],
    ];
    for (const [why, template, spec] of cases) {
      const model = buildTemplateModel(parseSpec(template), 't@1');
      expect([why, checkSpec(parseSpec(spec), { template: model, links: NO_FILES }).findings.map((f) => `${f.rule} ${f.message}`)]).toEqual([why, []]);
    }
  });

  it('the second review\'s cases: each heuristic of the day fires where it should and nowhere else (review 2)', () => {
    const cases: Array<[string, string, string, string[]]> = [
    ["bare sections beside an author's own subsection are each owed", "# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Design\n\nDescribe the design; use the subsections below.\n\n### API\n\n### Storage\n\n### Security\n\n## Rollout\n\nDescribe the rollout.\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n\n## Design\n\nAn LRU in memory, sized by config.\n\n### API\n\n`GET /cache/{key}` returns the value.\n\n### Eviction\n\nLeast recently used first.\n\n## Rollout\n\nBehind a flag, then on for all.\n", ["19 missing-section", "19 missing-section"]],
    ["\"as many subsections as you need\" makes no main section optional", "# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Detailed design\n\nFeel free to add as many subsections as you need. Describe the design in enough detail\nthat someone familiar with the codebase could implement it.\n\n## Drawbacks\n\nWhy should we not do this?\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n\n## Drawbacks\n\nOne more moving part.\n", ["7 missing-section"]],
    ["numbered phases with guidance and an example line are each owed", "# Title\n\n## Summary\n\nDescribe the change in one paragraph.\n\n## Rollout\n\n### Phase 1\n\nDescribe what ships first and who signs it off.\nFor example, the read path behind a flag, signed off by the storage lead.\n\n### Phase 2\n\nDescribe what ships next and who signs it off.\nFor example, the write path and the data migration.\n\n## Drawbacks\n\nWhy should we not do this?\n", "# Fast cache\n\n## Summary\n\nWe add a cache in front of the store.\n\n## Rollout\n\n### Phase 1\n\nThe read path ships behind the `cache` flag; Ann signs off.\n\n## Drawbacks\n\nOne more moving part.\n", ["13 missing-section"]],
    ["a choice a hard-wrapped sentence ends a line with is prose", "# Title\n\n## Platforms\n\nList the platforms the feature ships on (Linux / macOS / Windows)\nand any that are left out.\n\n## Design\n\nDescribe the design.\n", "# Fast cache\n\n## Platforms\n\nThe cache ships on all three desktop platforms (Linux / macOS / Windows)\nfrom the first release.\n\n## Design\n\nWe add a cache in front of the store.\n", []],
    ["bold options joined by \"or\" inside a sentence are prose", "# Title\n\n## Requirements\n\nList the requirements, each marked **MUST** or **SHOULD**\nas RFC 2119 uses the words.\n\n## Design\n\nDescribe the design.\n", "# Fast cache\n\n## Requirements\n\nEach requirement below is marked **MUST** or **SHOULD**\nas RFC 2119 uses the words.\n\n- The cache **MUST** never serve a stale read after a write.\n- The cache **SHOULD** warm up in under a minute.\n\n## Design\n\nWe add a cache in front of the store.\n", []],
    ["{SERVICE_NAME}_{METRIC} is a naming pattern", "# Title\n\n## Observability\n\nName each metric {SERVICE_NAME}_{METRIC} and list the alerts on them.\n\n## Design\n\nDescribe the design.\n", "# Fast cache\n\n## Observability\n\nMetrics follow the house pattern {SERVICE_NAME}_{METRIC}: cache_hits, cache_misses.\nAlerts fire on a hit rate under 80 %.\n\n## Design\n\nWe add a cache in front of the store.\n", []],
    ["a real NNNN-kep-template directory is no sample link", "# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\nWrite the summary. Follow the [KEP template](https://github.com/kubernetes/enhancements/tree/master/keps/NNNN-kep-template) and fill every section.\n\n## Design Details\n\nDescribe the design.\n", "# KEP-4411: Node cache\n\n## Summary\n\nA cache on each node. This KEP follows the [KEP template](https://github.com/kubernetes/enhancements/tree/master/keps/NNNN-kep-template), with the PRR questionnaire answered below.\n\n## Design Details\n\nWe add a cache in front of the store.\n", []],
    ["IETF citation keys are no lost definitions", "# Title\n\n## Conventions\n\nThe key words in this document are to be interpreted as described in [RFC2119].\n\n## Design\n\nDescribe the design.\n\n[RFC2119]: https://www.rfc-editor.org/rfc/rfc2119\n", "# Fast cache\n\n## Conventions\n\nThe key words in this document are to be interpreted as described in\n[RFC2119] and [RFC8174].\n\n## Design\n\nWe add a cache in front of the store.\n\n## References\n\n[RFC2119]  Bradner, S., \"Key words for use in RFCs to Indicate Requirement\n           Levels\", BCP 14, RFC 2119, March 1997.\n", []],
    ["front matter list items with comments or at column 0 are read", "---\ntitle: Neat Enhancement Idea\nauthors:\n  - \"@janedoe\" # Authors' github accounts here.\nsponsors:\n  - TBD        # List all interested parties here.\nreviewers:\n  - \"@alexmt\"\n  - TBD\napprovers:\n  - \"@alexmt\"\n  - TBD\n\ncreation-date: yyyy-mm-dd\nlast-updated: yyyy-mm-dd\n---\n\n# Neat Enhancement Idea\n\nThis is the title of the enhancement. Keep it simple and descriptive. A good title can help\ncommunicate what the enhancement is and should be considered as part of any review.\n\n## Summary\n\nWrite one paragraph.\n", "---\ntitle: Pods per node in the UI\nauthors:\n  - \"@annlee\"\nsponsors:\n  - TBD        # List all interested parties here.\nreviewers:\n- \"@alexmt\"\n- TBD\napprovers:\n  - \"@alexmt\"\n  - tbd\nlabels:\n  - TODO\nmilestones:\n  - v2.10 # TBD\ncreation-date: 2024-03-01\nlast-updated: yyyy-mm-dd\n---\n\n# Pods per node in the UI\n\n## Summary\n\nShow pod counts per node.\n", ["6 leftover-marker", "9 leftover-marker", "12 leftover-marker", "18 leftover-marker"]],
    ];
    for (const [why, template, spec, expected] of cases) {
      const model = buildTemplateModel(parseSpec(template), 't@1');
      const got = checkSpec(parseSpec(spec), { template: model, links: NO_FILES }).findings.filter((f) => f.rule !== 'broken-link').map((f) => `${f.line} ${f.rule}`);
      expect([why, got]).toEqual([why, expected]);
    }
  });

  it('a licence notice the template writes is kept by every spec as it is: no guidance, never empty (blind QA, PEP; every real EIP)', () => {
    const pep = buildTemplateModel(parseSpec('# PEP\n\n## Summary\n\n<!-- s -->\n\n## Copyright\n\nThis document is placed in the public domain or under the CC0-1.0-Universal license.\n'), 'pep@1');
    expect(pep.sections.find((t) => t.id === 'copyright')!.fixed).toBe(true);
    expect(findings('# PEP 9999\n\n## Summary\n\nS.\n\n## Copyright\n\nThis document is placed in the public domain or under the CC0-1.0-Universal license.\n', pep)).toEqual([]);
    const eip = buildTemplateModel(parseSpec('## Abstract\n\n<!-- Summarise the proposal. -->\n\n## Copyright\n\nCopyright and related rights waived via [CC0](https://creativecommons.org/publicdomain/zero/1.0/).\n'), 'eip@1');
    expect(findings('## Abstract\n\nA FOO opcode.\n\n## Copyright\n\nCopyright and related rights waived via [CC0](https://creativecommons.org/publicdomain/zero/1.0/).\n', eip)).toEqual([]);
    // A licence section that asks for one (a slot, a question, a verb) is guidance still, and kept it says how to declare it `fixed` if it is meant as a notice.
    for (const asks of ['Copyright [year] [holder]. All rights reserved.', 'Choose a licence: CC0 or CC-BY.', 'Which licence is this document released under?']) {
      const t = buildTemplateModel(parseSpec(`# RFC\n\n## Summary\n\n<!-- s -->\n\n## Copyright\n\n${asks}\n`), 'r@1');
      expect(t.sections.find((x) => x.id === 'copyright')!.fixed, asks).toBe(false);
      expect(findings(`# RFC 1\n\n## Summary\n\nS.\n\n## Copyright\n\n${asks}\n`, t).map((f) => f.message), asks)
        .toEqual(['section "Copyright" still holds only the template\'s guidance: write its content; if every spec keeps this text as it is, declare the section `fixed: [copyright]` in the template\'s front matter']);
    }
  });

  it('text the template says may stay is a default answer, not guidance; one it accepts only in a draft is reported once the spec is past that (real EIPs)', () => {
    const eip = buildTemplateModel(parseSpec('## Abstract\n\n<!-- Summarise it. -->\n\n## Backwards Compatibility\n\n<!--\n  This section is optional.\n\n  The current placeholder is acceptable for a draft.\n-->\n\nNo backward compatibility issues found.\n\n## Security Considerations\n\n<!--\n  The default text is fine if nothing changes.\n-->\n\nNothing new.\n'), 'eip@1');
    expect(eip.sections.map((t) => [t.id, t.guidance, t.defaultAnswer])).toEqual([
      ['abstract', '', null],
      ['backwards-compatibility', '', { prose: 'No backward compatibility issues found.', whileDraft: true }],
      ['security-considerations', '', { prose: 'Nothing new.', whileDraft: false }],
    ]);
    const spec = (status: string | null, compat: string) => findings(`${status === null ? '' : `---\ntitle: Foo\nstatus: ${status}\n---\n`}## Abstract\n\nA FOO opcode.\n\n## Backwards Compatibility\n\n${compat}\n\n## Security Considerations\n\nNothing new.\n`, eip)
      .map((f) => `${f.rule} ${f.message}`);
    expect(spec('draft', 'No backward compatibility issues found.')).toEqual([]);
    expect(spec(null, 'No backward compatibility issues found.')).toEqual([]);
    expect(spec('review', 'No backward compatibility issues found.')).toEqual([
      'empty-section section "Backwards Compatibility" still holds the template\'s default text, which the template accepts only in a draft (status "review"): write its content, or delete the section (it is optional)',
    ]);
    expect(spec('review', 'Old clients reject the new opcode.')).toEqual([]);
    // Deleted, with nothing written, the section is empty as any other.
    expect(spec('draft', '')).toEqual(['empty-section section "Backwards Compatibility" is empty: write its content, or delete the section (it is optional)']);
    // A to-do word as the default answer ("TBD" under an EIP's Rationale) may stay in a draft too: no leftover either (planted-defect QA).
    const rationale = buildTemplateModel(parseSpec('## Abstract\n\n<!-- Summarise it. -->\n\n## Rationale\n\n<!--\n  The current placeholder is acceptable for a draft.\n-->\n\nTBD\n'), 'r@1');
    const rat = (status: string) => findings(`---\ntitle: Foo\nstatus: ${status}\n---\n## Abstract\n\nA FOO opcode.\n\n## Rationale\n\nTBD\n`, rationale).map((f) => `${f.rule} ${f.message}`);
    expect(rat('draft')).toEqual([]);
    expect(rat('review')).toEqual(['empty-section section "Rationale" still holds the template\'s default text, which the template accepts only in a draft (status "review"): write its content']);
    // Denied, it is guidance as before.
    const denied = buildTemplateModel(parseSpec('## Compat\n\n<!-- The current placeholder is not acceptable. -->\n\nNo issues found.\n'), 'd@1');
    expect(denied.sections[0]!.defaultAnswer).toBeNull();
    // Said in visible prose, the sample after that paragraph is the default answer; both kept are still the guidance (blind QA).
    const prose = buildTemplateModel(parseSpec('## Abstract\n\nSummarise it.\n\n## Backwards Compatibility\n\nDescribe any incompatibilities. The current placeholder is acceptable for a draft.\n\nNo backward compatibility issues found.\n'), 'p@1');
    const compat = (status: string, text: string) => findings(`---\ntitle: Foo\nstatus: ${status}\n---\n## Abstract\n\nA FOO opcode.\n\n## Backwards Compatibility\n\n${text}\n`, prose).map((f) => `${f.rule} ${f.message}`);
    expect(compat('draft', 'No backward compatibility issues found.')).toEqual([]);
    expect(compat('review', 'No backward compatibility issues found.')).toEqual([
      'empty-section section "Backwards Compatibility" still holds the template\'s default text, which the template accepts only in a draft (status "review"): write its content']);
    expect(compat('draft', 'Describe any incompatibilities. The current placeholder is acceptable for a draft.\n\nNo backward compatibility issues found.')).toEqual([
      'empty-section section "Backwards Compatibility" still holds only the template\'s guidance: write its content']);
  });

  it('guidance that says a section is optional under a condition specfill cannot judge ("Optional if existing discussions are linked …") makes it optional (real Flux RFCs)', () => {
    const flux = buildTemplateModel(parseSpec('# RFC-NNNN Title\n\n## Motivation\n\n<!-- Why. -->\n\n### User Stories\n\n<!-- Optional if existing discussions and/or issues are linked in the motivation section. -->\n\n## Design\n\n<!-- How. -->\n'), 'f@1');
    expect(flux.sections.find((t) => t.id === 'motivation/user-stories')!.optional).toBe(true);
    const always = buildTemplateModel(parseSpec('# T\n\n## Stories\n\n<!-- Optional features are listed here. -->\n'), 'a@1');
    expect(always.sections.find((t) => t.id === 'stories')!.optional).toBe(false);
  });

  it('a section optional for some specs only ("optional for non-Core EIPs") is owed by the others, as their front matter says (real EIPs)', () => {
    const eip = buildTemplateModel(parseSpec('## Abstract\n\n<!-- Summarise it. -->\n\n## Test Cases\n\n<!--\n  This section is optional for non-Core EIPs.\n\n  List input/output pairs.\n-->\n\n## Rationale\n\n<!-- Why. -->\n'), 'eip@1');
    expect(eip.sections.find((t) => t.id === 'test-cases')!.optionalWhen).toMatchObject({ value: 'Core', optionalUnless: true });
    const spec = (front: string) => findings(`${front}## Abstract\n\nA.\n\n## Rationale\n\nR.\n`, eip).map((f) => `${f.rule} ${f.message}`);
    expect(spec('---\ntitle: Foo\ntype: Standards Track\ncategory: Core\n---\n')).toEqual([
      'missing-section missing section "Test Cases" (## Test Cases) from template eip@1; the template makes it optional for non-Core EIPs only, and this spec\'s `category` is "Core"',
    ]);
    expect(spec('---\ntitle: Foo\ntype: Informational\n---\n')).toEqual([]);
    expect(spec('')).toEqual([]);
    // "Required for …" makes nothing optional, nor does a kind that is no name (review): "optional for new features".
    const req = buildTemplateModel(parseSpec('## Abstract\n\n<!-- s -->\n\n## Test Cases\n\n<!-- Required for Core EIPs. -->\n\n## Notes\n\n<!-- This section is required for all proposals. -->\n\n## Extra\n\n<!-- This section is optional for new features. -->\n'), 'r@1');
    expect(req.sections.filter((t) => t.id !== 'abstract').map((t) => [t.id, t.optional, t.optionalWhen])).toEqual([['test-cases', false, null], ['notes', false, null], ['extra', false, null]]);
    // And optional for one kind only: owed by a spec of another kind.
    const only = buildTemplateModel(parseSpec('## Abstract\n\n<!-- s -->\n\n## Test Cases\n\n<!-- This section is optional for Informational EIPs. -->\n'), 'o@1');
    const of = (front: string) => findings(`${front}## Abstract\n\nA.\n`, only).map((f) => f.rule);
    expect(of('---\ntitle: Foo\ntype: Informational\n---\n')).toEqual([]);
    expect(of('---\ntitle: Foo\ntype: Meta\n---\n')).toEqual(['missing-section']);
  });

  it('a template that quotes its guidance: a quoted note over question subsections asks for no text of its own, and kept above their answers it is a leftover (real AWS CDK RFCs)', () => {
    const cdk = buildTemplateModel(parseSpec('# {RFC_TITLE}\n\n> Write one sentence which is a brief description of the feature.\n\n## Public FAQ\n\n> This section should include answers to questions readers will likely ask about\n> this release. Describe the questions below.\n\n### What are we launching today?\n\n> What exactly are we launching?\n\n### Why should I use this feature?\n\n> Describe use cases that are addressed by this feature.\n\n## Appendix\n\nFeel free to add any number of appendices as you see fit.\n'), 'cdk@1');
    expect(cdk.sections.find((t) => t.id === 'public-faq')!.guided).toBe(false);
    expect(cdk.sections.find((t) => t.id === 'appendix')!.optional).toBe(true);
    const spec = (note: string) => findings(`# Widgets\n\nWidgets for everyone.\n\n## Public FAQ\n\n${note}### What are we launching today?\n\nA widget construct.\n\n### Why should I use this feature?\n\nIt saves boilerplate.\n`, cdk).map((f) => `${f.line}:${f.column} ${f.rule}`);
    expect(spec('')).toEqual([]);
    expect(spec('> This section should include answers to questions readers will likely ask about\n> this release. Describe the questions below.\n\n')).toEqual(['7:3 leftover-guidance']);
    // Guidance in a block quote in a template that guides with comments is still the section's own guidance.
    const mixed = buildTemplateModel(parseSpec('# T\n\n## FAQ\n\n> Answer the questions below.\n\n### Why?\n\n<!-- a -->\n\n## Design\n\n<!-- d -->\n\n## Plan\n\nDescribe the plan.\n'), 'm@1');
    expect(mixed.sections.find((t) => t.id === 'faq')!.guided).toBe(true);
  });

  it('a paragraph that is wholly a slot of the template\'s, kept over the answer, is one finding, its slot quoted short (blind QA, MADR 4)', () => {
    const slot = '{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story. You may want to articulate the problem in form of a question.}';
    const madr = buildTemplateModel(parseSpec(`# {short title}\n\n## Context and Problem Statement\n\n${slot}\n\n## Decision\n\n{Describe the decision.}\n`), 'm@1');
    expect(findings(`# Use Kafka\n\n## Context and Problem Statement\n\n${slot}\n\nEvents are lost.\n\n## Decision\n\nKafka.\n`, madr).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`))
      .toEqual(['5:1 leftover-marker the template\'s slot "{Describe the context and problem statement, e.g., in free f … }" is still here: replace it with the real content']);
  });

  it('a word in capitals the template writes alone on its line is a slot, kept beside the author\'s text (blind QA, adr-tools); not in a heading', () => {
    const adr = buildTemplateModel(parseSpec('# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## RISKS\n\nWhat could go wrong.\n'), 'a@1');
    expect(brief('# 2. Use PostgreSQL\n\nDate: 2024-05-02\n\n## Status\n\nSTATUS\n\nSupersedes ADR 1.\n\n## RISKS\n\nNone known.\n', adr)).toEqual(['7:1 leftover-marker status']);
    expect(brief('# 2. Use PostgreSQL\n\nDate: 2024-05-02\n\n## Status\n\nAccepted; the HTTP STATUS codes stay.\n\n## RISKS\n\nNone known.\n', adr)).toEqual([]);
  });

  it('a one-word <slot> and a blank line of the template\'s kept among written lines; a slot in a ticked task still a blank (blind QA round 3)', () => {
    const runbook = buildTemplateModel(parseSpec('# Runbook\n\n## Owners\n\n**Team:** <team>\n\n- Approver: ___________\n- [ ] T002 Initialize [language] project\n\nWho.\n'), 'r@1');
    expect(brief('# Payments runbook\n\n## Owners\n\n**Team:** <team>\n\n- Approver: ___________\n- [x] T002 Initialize [language] project\n\nThe payments team.\n', runbook))
      .toEqual(['5:11 leftover-marker owners', '7:13 leftover-marker owners', '8:23 leftover-marker owners']);
    expect(brief('# Payments runbook\n\n## Owners\n\n**Team:** Payments <br>\n\n- Approver: Ana\n- [x] T002 Initialize Go project\n\nThe payments team.\n', runbook)).toEqual([]);
    // A head element's name after a label's colon is a slot too (blind QA, Sentry's `RFC PR: <link>`); elsewhere it is HTML.
    const sentry = buildTemplateModel(parseSpec('- RFC PR: <link>\n\n# Summary\n\nOne paragraph.\n'), 's@1');
    expect(brief('- RFC PR: <link>\n\n# Summary\n\nRetries.\n', sentry)).toEqual(['1:11 leftover-marker title']);
    expect(brief('- RFC PR: https://github.com/getsentry/rfcs/pull/64\n\n# Summary\n\nRetries.\n', sentry)).toEqual([]);
  });

  it('the template\'s stub lines (`- Goal: ...`, `| Option B | ... | ... |`) kept among written lines are reported; a section of nothing else is empty-section\'s (blind QA, design doc)', () => {
    const dd = buildTemplateModel(parseSpec('# Design Doc\n\n## Goals\n\n*A short list.*\n\n- Goal: ...\n- Non-goal: ...\n\n## Alternatives\n\n*The trade-offs.*\n\n| Alternative | Pros | Cons |\n| --- | --- | --- |\n| Option A | ... | ... |\n| Option B | ... | ... |\n'), 'dd@1');
    const said = (goals: string, alternatives: string) => findings(`# Retries\n\n## Goals\n\n${goals}\n\n## Alternatives\n\n${alternatives}\n`, dd).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule} ${f.message}`);
    expect(said('- Goal: recover renewals.\n- Goal: ...\n- Non-goal: hard declines.', '| Alternative | Pros | Cons |\n| --- | --- | --- |\n| Smart retries | No code | No control |\n|  Option B  | ... |  …  |')).toEqual([
      '6:3-12 leftover-marker the template\'s stub "Goal: ..." is still here: fill it in, or delete it',
      '14:1-27 leftover-marker the template\'s stub "|  Option B  | ... |  …  |" is still here: fill it in, or delete it']);
    // Only the template's own stubs, only beside written lines; the author's ellipsis is theirs.
    expect(said('- Goal: recover renewals...', '| Alternative | Pros | Cons |\n| --- | --- | --- |\n| Smart retries | ... | ... |')).toEqual([]);
    expect(said('- Goal: ...\n- Non-goal: ...', 'Smart retries.').map((f) => f.split(' ')[1])).toEqual(['empty-section']);
    // So is a line of nothing but slots, in code or not (the KEP template's unit-test coverage sample; blind QA, Kueue KEPs).
    const kep = buildTemplateModel(parseSpec('# KEP-NNNN: Title\n\n## Unit Tests\n\n<!--\nList the packages and their coverage.\n-->\n\n- `<package>`: `<date>` - `<test coverage>`\n'), 'k@1');
    const ut = (body: string) => findings(`# KEP-1: Jobs\n\n## Unit Tests\n\n${body}\n`, kep).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(ut('- `<package>`: `<date>` - `<test coverage>`\n\n- `pkg/controller/job`: 2025-02-26 - 71.2%')).toEqual([
      '5:3 leftover-marker the template\'s stub "`<package>`: `<date>` - `<test coverage>`" is still here: fill it in, or delete it']);
    expect(ut('- `pkg/controller/job`: 2025-02-26 - 71.2%')).toEqual([]);
    // A line of the author's own slots, which the template does not write, is theirs (code shows them as code).
    expect(ut('- `pkg/controller/job`: 2025-02-26 - 71.2%\n- `<owner>`: `<date>`')).toEqual([]);
    // So is a sentence with two ellipses or more for its words (Invenio's user story; blind QA), beside the author's own; an
    // author's sentence with one ellipsis is theirs.
    const inv = buildTemplateModel(parseSpec('# <RFC title>\n\n## Motivation\n\n> Why are we doing this?\n\n- As a ..., I want to ..., so that I ... .\n'), 'i@1');
    expect(findings('# Vocabularies\n\n## Motivation\n\nUsers need vocabularies.\n\n- As an admin, I want to load vocabularies, so that I save time.\n- As a ..., I want to ..., so that I ... .\n', inv).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['8:3 leftover-marker']);
    expect(findings('# Vocabularies\n\n## Motivation\n\nUsers need vocabularies... and more.\n\n- As an admin, I want to load vocabularies, so that I save time.\n', inv)).toEqual([]);
    // So is a label whose value is a comment saying what to write (Helium's HIPs); not one saying to leave it empty.
    const hip = buildTemplateModel(parseSpec('# HIP\n\n- Author(s): <!-- your GitHub @username -->\n- Start Date: <!-- fill me in with today\'s date, YYYY-MM-DD -->\n- Original HIP PR: <!-- leave this empty; maintainer will fill in ID of this pull request -->\n\n## Summary\n\nOne paragraph.\n'), 'h@1');
    expect(findings('# HIP 99: Uplink cost\n\n- Author(s): @ana\n- Start Date: <!-- fill me in with today\'s date, YYYY-MM-DD -->\n- Original HIP PR: <!-- leave this empty; maintainer will fill in ID of this pull request -->\n\n## Summary\n\nCosts.\n', hip)
      .map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['4:3 leftover-marker']);
  });

  it('a capitalised <Slot> joined to a number or a word by a dash (arc42\'s `<Role-2>`) kept in a table of written rows; a component\'s name is none (blind QA, arc42)', () => {
    const arc = buildTemplateModel(parseSpec('# Doc\n\n## Stakeholders\n\n| Role | Contact |\n| --- | --- |\n| *<Role-1>* | *<Contact-1>* |\n| *<Role-2>* | *<Contact-2>* |\n\n<Note>Keep it short.</Note>\n'), 'a@1');
    expect(brief('# Doc\n\n## Stakeholders\n\n| Role | Contact |\n| --- | --- |\n| Ops | ops@x.org |\n| *<Role-2>* | *<Contact-2>* |\n\n<Note>Keep it short.</Note>\n', arc)).toEqual([
      '8:4 leftover-marker stakeholders', '8:17 leftover-marker stakeholders']);
  });

  it('third review: a short-row table kept, a wrapped slot paragraph, quoted mentions, 2-1 numbering, statuses and tags, own markers, capitals examples, MDX components, <pre> in a list, class members', () => {
    const table = buildTemplateModel(parseSpec('# T\n\n## Ownership\n\n| Role | Name |\n|------|------|\n| Owner | |\n| Reviewer | |\n'), 't@1');
    expect(brief('# M\n\n## Ownership\n\n| Role     | Name |\n| -------- | ---- |\n| Owner    |      |\n| Reviewer |      |\n', table)).toEqual(['3:1 empty-section ownership']);
    const wrapped = '{Describe the context and problem statement, e.g., in free form using two to three sentences\nor in the form of an illustrative story. You may want to articulate the problem in form of a question.}';
    const madr = buildTemplateModel(parseSpec(`# T\n\n## Context\n\n${wrapped}\n`), 'm@1');
    expect(brief(`# M\n\n## Context\n\n${wrapped}\n\nFinance exports orders by hand.\n`, madr)).toEqual(['5:1 leftover-guidance context']);
    expect(brief('# M\n\nThe linter rejects "TODO" comments that carry no issue link, and CI greps for \'FIXME\' before merging.\n', null)).toEqual([]);
    const doc = buildTemplateModel(parseSpec('# D\n\n## Overview\n\n<!-- o -->\n'), 'd@1');
    expect(brief('# M\n\n## 2-1 Overview\n\nText.\n', doc)).toEqual([]);
    const statuses = ['TODO', 'DOING', 'DONE'];
    expect(checkSpec(parseSpec('---\ntitle: M\nstatus: TODO\ntags: [TODO]\n---\n# M\n'), { template: null, statuses }).findings.filter((f) => f.rule === 'leftover-marker')).toEqual([]);
    const dated = buildTemplateModel(parseSpec('---\ndate: YYYY-MM-DD\n---\n# T\n\n## A\n\n<!-- a -->\n'), 'd@1');
    const own = new Map([['leftover-marker', { severity: 'warning' as const, options: { markers: ['FIXME'] } }]]);
    expect(brief('---\ntitle: M\ntemplate: d\ndate: YYYY-MM-DD\n---\n# M\n\n## A\n\nText.\n', dated, own)).toEqual(['4:7 leftover-marker']);
    const api = buildTemplateModel(parseSpec('# T\n\n## Endpoint\n\nMethod: POST\n\n<Note>\nDescribe the feature.\n</Note>\n'), 'a@1');
    expect(brief('# M\n\n## Endpoint\n\nMethod: POST\nPath: /v1/orders\n\n<Note>\nOrders are exported nightly.\n</Note>\n', api)).toEqual([]);
    expect(findings('# M\n\n## Setup\n\n- Build it:\n  <pre>\n  make all\n\n## Rollout\n\nLater.\n', null).filter((f) => f.rule === 'unclosed-html')).toEqual([]);
    expect(brief('# M\n\n```mermaid\nclassDiagram\n  TaskState : TODO\n  TaskState : DONE\n```\n', null)).toEqual([]);
  });

  it('final hunt: an answer in the heading with its reason, one alert under "For each alert", a two-word lead-in, board columns, a team\'s support line, a spelt-out table row', () => {
    const t = buildTemplateModel(parseSpec('# Service Name\n\n## Security\n\n<!-- Describe security implications. -->\n\n## Alerts\n\n<!-- For each alert: what it means, and how to respond. -->\n\n### Alert: <name>\n\n- **Meaning:** <what it means>\n\n## Architecture\n\n<!-- a -->\n\n### Components\n\n<!-- c -->\n'), 't@1');
    const spec = (security: string, extra = '') => brief(`# Search indexer\n\n## Security ${security}\n\n## Alerts\n\n### Alert: IndexLag\n\n- **Meaning:** index is more than 15 min behind.\n\n${extra}\n\n## Architecture\n\nThree layers:\n\n### Components\n\nA crawler and an indexer.\n`, t);
    for (const answer of ['(N/A — internal only)', '(N/A, internal only)', '(none — internal tool)', '(no changes)', ': N/A (internal only)']) expect(spec(answer), answer).toEqual([]);
    for (const extra of ['Tickets move from "TODO" to "Done"; we track the "TODO" column on the board.', 'Set the status to "TODO" when filing.', 'The board has three columns: TODO, Doing, Done.',
      'Feel free to reach out in #search if you hit a bug.', '| State | Meaning |\n| --- | --- |\n| TBD | to be decided |',
      'Feel free to reach out to the identity team if you have any questions.', 'Feel free to reach out to Priya if you have any questions.']) {
      expect(spec('(N/A)', extra), extra).toEqual([]);
    }
    // A model's offer, to no one named, is still one.
    expect(spec('(N/A)', 'Feel free to reach out to me if you have any questions.')).toEqual([expect.stringMatching(/leftover-marker/)]);
  });

  it('a note on stand-in subsections guided by comments ("For each alert", "Give each option its own subsection below") asks for no text of its own; "Describe the design" over named ones does (blind QA)', () => {
    const runbook = (alert: string) => buildTemplateModel(parseSpec(`# Runbook\n\n## Overview\n\n<!-- What the service does. -->\n\n## Alerts\n\n<!-- For each alert: what it means, and how to respond. -->\n\n### ${alert}\n\n<!-- Its meaning, then the steps to take. -->\n`), 'r@1');
    const spec = (alert: string) => `# Payments API runbook\n\n## Overview\n\nThe payments API takes card payments.\n\n## Alerts\n\n### ${alert}\n\nMore than 2% of requests fail for 5 minutes: check the PSP status page first.\n`;
    expect(brief(spec('Alert: HighErrorRate'), runbook('Alert: <name>'))).toEqual([]);
    const madr = buildTemplateModel(parseSpec('# {title}\n\n## Context\n\n<!-- The problem. -->\n\n## Pros and Cons of the Options\n\n<!-- Give each option its own subsection below, with its pros and cons. -->\n\n### {title of option 1}\n\n<!-- Good, because … Bad, because … -->\n\n### {title of other option}\n\n<!-- Good, because … -->\n'), 'm@1');
    expect(brief('# Use Kafka\n\n## Context\n\nEvents are lost.\n\n## Pros and Cons of the Options\n\n### Kafka\n\nGood, because durable.\n\n### Redis streams\n\nGood, because we run Redis already.\n', madr)).toEqual([]);
    // Not a note: guidance that asks for the parent's own text, or a note over subsections of fixed names guided by comments (a KEP's Design Details).
    const design = buildTemplateModel(parseSpec('# D\n\n## Design\n\n<!-- Describe the design in enough detail for a reviewer. -->\n\n### Option: <name>\n\n<!-- What it is. -->\n'), 'd@1');
    expect(brief('# Cache\n\n## Design\n\n### Option: Redis\n\nA shared Redis.\n', design)).toEqual(['3:1 empty-section design']);
    expect(brief(spec('API'), runbook('API'))).toEqual(['7:1 empty-section alerts']);
  });

  it('a table of the template\'s with a cell filled in is the author\'s answer, row by row (blind QA, one-pager)', () => {
    const onePager = buildTemplateModel(parseSpec('# One-Pager: Feature Name\n\n| Field | Value |\n|---|---|\n| Owner | <!-- your name --> |\n| Team | |\n| Status | Draft / In review / Approved |\n\n## Problem\n\n<!-- p -->\n'), 'o@1');
    const spec = (owner: string) => brief(`# One-Pager: Bulk export\n\n| Field | Value |\n|---|---|\n| Owner | ${owner} |\n| Team | |\n| Status | Draft / In review / Approved |\n\n## Problem\n\nSlow exports.\n`, onePager);
    expect(spec('Sam Lee')).toEqual([]);
    expect(spec('')).toEqual(['1:1 empty-section title']);
  });

  it('an older spec-kit checklist: a labelled note over checklists owes no text, and the template\'s ticked task keeps its words (blind QA, spec-kit)', () => {
    const review = buildTemplateModel(parseSpec('# Spec\n\n## Review & Acceptance Checklist\n*GATE: Automated checks run during main() execution*\n\n### Content Quality\n- [ ] No implementation details (languages, frameworks, APIs)\n\n### Requirement Completeness\n- [ ] No [NEEDS CLARIFICATION] markers remain\n'), 'r@1');
    const ticked = '# Login\n\n## Review & Acceptance Checklist\n*GATE: Automated checks run during main() execution*\n\n### Content Quality\n- [x] No implementation details (languages, frameworks, APIs)\n\n### Requirement Completeness\n- [x] No [NEEDS CLARIFICATION] markers remain\n';
    expect(brief(ticked, review)).toEqual([]);
    expect(brief(ticked.replace('*GATE: Automated checks run during main() execution*\n', ''), review)).toEqual([]);
    // Nothing ticked is still the template's checklist; a marker of the author's own is still one.
    expect(brief(ticked.replaceAll('[x]', '[ ]'), review)).toEqual(['6:1 empty-section review--acceptance-checklist/content-quality', '9:1 empty-section review--acceptance-checklist/requirement-completeness']);
    expect(brief(ticked.replace('- [x] No [NEEDS', '- [x] Auth flow [NEEDS CLARIFICATION: SSO?]\n- [x] No [NEEDS'), review)).toEqual(['10:17 leftover-marker review--acceptance-checklist/requirement-completeness']);
    // A labelled line over subsections that are no checklists asks for text like any guidance (code review: `**IMPORTANT:** Describe …`).
    const important = buildTemplateModel(parseSpec('# T\n\n## Design\n**IMPORTANT:** Describe the overall design in two paragraphs.\n\n### API\nDescribe each endpoint.\n\n### Storage\nDescribe the schema.\n'), 'i@1');
    expect(brief('# M\n\n## Design\n\n### API\nGET /x.\n\n### Storage\nOne table.\n', important)).toEqual(['3:1 empty-section design']);
    // A bare marker ticked is no sentence of the template's (code review: `- [x] TBD`).
    const bare = buildTemplateModel(parseSpec('# T\n\n## Risks\n\nTBD\n'), 'b@1');
    expect(brief('# M\n\n## Risks\n\nFloods.\n\n- [x] TBD\n', bare)).toEqual(['7:7 leftover-marker risks']);
    // A line of guidance that is no labelled note is still owed an answer.
    const asks = buildTemplateModel(parseSpec(review.spec.source.replace('*GATE: Automated checks run during main() execution*', '*Describe how the spec was reviewed.*')), 'r@1');
    expect(brief(ticked.replace('*GATE: Automated checks run during main() execution*\n', ''), asks)).toEqual(['3:1 empty-section review--acceptance-checklist']);
  });

  it('spec-kit task lists: story labels are no slots, "(OPTIONAL - …)" is a mark, a series keeps its marks apart, fixed text keeps its slots, renames are paired (blind QA, spec-kit 2)', () => {
    const tasks = buildTemplateModel(parseSpec([
      '# Tasks: [FEATURE NAME]', '', '## Format: [ID] [P?] [Story] Description', '', '- **[P]**: Can run in parallel', '',
      '## Phase 1: Setup (Shared Infrastructure)', '', '- [ ] T001 Create project structure', '',
      '## Phase 2: Foundational (Blocking Prerequisites)', '', '- [ ] T004 Set up the database schema', '',
      '## Phase 3: User Story 1 - [Title] (Priority: P1) 🎯 MVP', '', '### Tests for User Story 1 (OPTIONAL - only if tests requested) ⚠️', '', '- [ ] T010 [P] [US1] Contract test for [endpoint]', '',
      '### Implementation for User Story 1', '', '- [ ] T012 [P] [US1] Create [Entity1] model in src/models/[entity1].py', '',
      '## Phase 4: User Story 2 - [Title] (Priority: P2)', '', '- [ ] T018 [P] [US2] Create [Entity] model', '', '## Notes', '', '- Commit after each task', '',
    ].join('\n')), 'tasks@1', [], {}, ['format-id-p-story-description']);
    expect(tasks.sections.filter((t) => t.optional).map((t) => t.id)).toEqual(['phase-3-user-story-1---title-priority-p1--mvp/tests-for-user-story-1-optional---only-if-tests-requested-️', 'phase-4-user-story-2---title-priority-p2']);
    const mine = (phases: string, format = '## Format: [ID] [P?] [Story] Description\n\n- **[P]**: Can run in parallel') => `# Tasks: Export\n\n${format}\n\n${phases}\n\n## Phase 3: User Story 1 - Export CSV (Priority: P1)\n\n### Implementation for User Story 1\n\n- [ ] T012 [P] [US1] Create Invoice model in src/models/invoice.py\n\n## Notes\n\n- Squash before merging\n`;
    const phases = '## Phase 1: Setup (Shared Infrastructure)\n\n- [ ] T001 Create the repo\n\n## Phase 2: Foundational (Blocking Prerequisites)\n\n- [ ] T004 Add the invoices table';
    expect(brief(mine(phases), tasks)).toEqual([]);
    // Phases written without the template's qualifier in parentheses are those phases, with another section gone beside them
    // (the section gone placed before them, where it belongs).
    const renamed = findings(mine('## Phase 1: Setup\n\n- [ ] T001 Create the repo\n\n## Phase 2: Foundational\n\n- [ ] T004 Add the invoices table', ''), tasks).map((f) => `${f.line} ${f.message.replace(/^.*?; /, '')}`);
    expect(renamed).toEqual(['5 missing section "Format: [ID] [P?] [Story] Description" (## Format: [ID] [P?] [Story] Description) from template tasks@1']);
    // Of two headings in a stand-in's place, the first is named.
    expect(findings(spec(['### US1 - Login (Priority: P1)', '### US2 - Logout (Priority: P2)']), kit).map((f) => f.message.replace(/^.*?; /, '')))
      .toEqual(['"US1 - Login (Priority: P1)" is in its place: if that is this section, start its heading with "User Story 1 -"']);
  });

  it('a title kept as the template\'s stand-in leaves the text under it judged as written: its markers are reported, its guidance kept is still empty', () => {
    const plain = buildTemplateModel(parseSpec('# Feature name\n\n## Introduction\n\n<!-- Describe it. -->\n'), 'swift@1');
    expect(brief('# Feature name\n\nOwner: TODO\n\n## Introduction\n\nWritten.\n', plain)).toEqual(['1:1 empty-section title', '3:8 leftover-marker title']);
    const guided = buildTemplateModel(parseSpec('# Feature name\n\n* Proposal: [SE-NNNN](NNNN-filename.md)\n* Status: **Awaiting implementation**\n\n## Introduction\n\n<!-- Describe it. -->\n'), 'swift@1');
    // Written under the kept title: the title alone is reported, and the marker there.
    expect(brief('# Feature name\n\n* Proposal: SE-0042\n* Status: TBD\n\n## Introduction\n\nWritten.\n', guided)).toEqual(['1:1 empty-section title', '4:11 leftover-marker title']);
    // The template's text kept under it too: both are reported, once each.
    // (broken-link reports the template's placeholder link as well.)
    // The title's finding is on the title, the kept text's on that text: two places to fix (blind QA, OTEP).
    expect(brief('# Feature name\n\n* Proposal: [SE-NNNN](NNNN-filename.md)\n* Status: **Awaiting implementation**\n\n## Introduction\n\nWritten.\n', guided).filter((f) => f.includes('empty-section'))).toEqual(['1:1 empty-section title', '3:1 empty-section title']);
  });

  it('reports the template title\'s stand-in for a number kept in a written title (three real KEPs keep `KEP-NNNN:`), once, and not in the title\'s own words', () => {
    const kep = buildTemplateModel(parseSpec('# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\n<!-- One paragraph. -->\n'), 'kep@1');
    expect(findings('# KEP-NNNN: Node lifecycle conditions\n\n## Summary\n\nWritten.\n', kep).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule} ${f.message}`))
      .toEqual(['1:7-11 leftover-marker the template\'s stand-in "NNNN" for a number is still in the title: write the number']);
    expect(brief('# KEP-5683: Node lifecycle conditions\n\n## Summary\n\nWritten.\n', kep)).toEqual([]);
    // Not in the title's own words, nor a longer word, nor where the title is kept whole (empty-section's).
    expect(brief('# KEP-5683: NNNN nodes\n\n## Summary\n\nWritten.\n', kep)).toEqual([]);
    expect(brief('# KEP-NNNNN: Nodes\n\n## Summary\n\nWritten.\n', kep)).toEqual([]);
    expect(brief('# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\nWritten.\n', kep)).toEqual(['1:1 empty-section title']);
    // With no colon after the label, as Flux's RFCs write it (`# RFC-NNNN Title`).
    const flux = buildTemplateModel(parseSpec('# RFC-NNNN Title\n\n## Summary\n\n<!-- One paragraph. -->\n'), 'flux@1');
    expect(brief('# RFC-NNNN Authenticate in-cluster HTTP\n\n## Summary\n\nWritten.\n', flux)).toEqual(['1:7 leftover-marker title']);
    expect(brief('# RFC-NNNN Title\n\n## Summary\n\nWritten.\n', flux)).toEqual(['1:1 empty-section title']);
    expect(brief('# RFC-0012 Authenticate in-cluster HTTP\n\n## Summary\n\nWritten.\n', flux)).toEqual([]);
    // `XXX` is a default marker: reported once.
    const rfc = buildTemplateModel(parseSpec('# RFC XXX: Title\n\n## Summary\n\n<!-- One paragraph. -->\n'), 'rfc@1');
    expect(brief('# RFC XXX: Forks\n\n## Summary\n\nWritten.\n', rfc)).toEqual(['1:7 leftover-marker title']);
  });

  it('what stays as it was (code review of the spec-kit work)', () => {
    // A path's parameter, a mark or a version in a heading is no slot: each such section is owed.
    const api = buildTemplateModel(parseSpec('# T\n\n## Endpoints\n\n### GET /users/{id}\n\n<!-- a -->\n\n### GET /users/{id}/posts\n\n<!-- b -->\n\n### Drawbacks [v2]\n\n<!-- c -->\n'), 'a@1');
    expect(api.sections.filter((t) => t.standIn !== null || t.optional).map((t) => t.id)).toEqual([]);
    expect(brief('# M\n\n## Endpoints\n\n### GET /users/{id}\n\nOne.\n', api).map((f) => f.replace(/^\S+ /, ''))).toEqual(['missing-section endpoints/get-usersidposts', 'missing-section endpoints/drawbacks-v2']);
    // A heading with subsections is no bare place: the guidance kept over it is still reported.
    const design = buildTemplateModel(parseSpec('# T\n\n## Design\n\nDescribe the design in detail here.\n\n### Part A\n\n#### Details\n\nWrite the details of part A.\n'), 'd@1');
    expect(brief('# M\n\n## Design\n\nDescribe the design in detail here.\n\n### Part A\n\n#### Details\n\nA cache.\n', design)).toEqual(['3:1 empty-section design']);
    // A comment over subsections with visible text that asks for text of its own is no note.
    const asks = buildTemplateModel(parseSpec('# T\n\n## Design Details\n\n<!-- Describe the design in enough detail that reviewers can understand it. -->\n\n### API\n\nList the endpoints.\n\n### Storage\n\nDescribe the schema.\n'), 'd@1');
    expect(brief('# M\n\n## Design Details\n\n### API\n\nGET /x.\n\n### Storage\n\nOne table.\n', asks)).toEqual(['3:1 empty-section design-details']);
    // A question keeps its marks aside; a heading that only describes a case is not optional.
    const marked = buildTemplateModel(parseSpec('# T\n\n### What are the risks? (mandatory)\n\n### Why is it safe? *(required)*\n\n## Error handling (if the request fails)\n\n<!-- e -->\n'), 'm@1');
    expect(marked.sections.map((t) => `${t.id} ${t.guided} ${t.optional}`)).toEqual(['what-are-the-risks-mandatory true false', 'why-is-it-safe-required true false', 'error-handling-if-the-request-fails true false']);
    // Only a sentence that says so of the section lets it stay empty.
    for (const says of ['List every field. Note that the labels map may be empty.', 'It is not acceptable to leave this section empty.', '<!-- None of these fields may be left empty. -->', '- Backup owner (leave blank if none):', 'You can leave this blank until the issue is filed.']) {
      expect(buildTemplateModel(parseSpec(`# T\n\n## S\n\n${says}\n`), 's@1').sections.find((t) => t.id === 's')!.mayStayEmpty, says).toBe(false);
    }
  });

  it('a "(mandatory)" mark is no part of a heading\'s name; a condition in a heading, or guidance that opens with one, makes a section optional', () => {
    expect(kit.sections.filter((t) => t.optional && t.standIn === null).map((t) => t.id)).toEqual(['requirements-mandatory/key-entities-include-if-feature-involves-data', 'complexity-tracking']);
    expect(brief(spec(['### User Story 1 - Login (Priority: P1)'], { entities: false }), kit)).toEqual([]);
    expect(brief(spec(['### User Story 1 - Login (Priority: P1)'], { requirements: '## Requirements *(mandatory)*', complexity: true }), kit)).toEqual([]);
    // A parent whose only guidance is a comment over subsections that all guide with visible text owes no text of its own:
    // the comment is a note on the text below it. One with a subsection guided by a comment alone (a KEP's Design Details) does.
    const noted = (second: string) => buildTemplateModel(parseSpec(`# F\n\n## Requirements *(mandatory)*\n\n<!--\n  ACTION REQUIRED: The content in this section represents placeholders.\n-->\n\n### Functional Requirements\n\n- **FR-001**: System MUST [capability]\n\n### Key Entities\n\n${second}\n`), 'n@1');
    const written = '# Mine\n\n## Requirements\n\n### Functional Requirements\n\n- **FR-001**: System MUST lock accounts.\n\n### Key Entities\n\n- **Account**: who signs in.\n';
    expect(brief(written, noted('- **[Entity 1]**: [What it represents]'))).toEqual([]);
    expect(checkSpec(parseSpec(written), { template: noted('- **[Entity 1]**: [What it represents]'), links: NO_FILES }).completeness).toBe(1);
    expect(brief(written, noted('<!-- The entities. -->'))).toEqual(['3:1 empty-section requirements']);
    // So does one over questions, or over such parents (a KEP's PRR questionnaire); its questions are judged each on its own.
    const prr = buildTemplateModel(parseSpec('# K\n\n## PRR Questionnaire\n\n<!-- Must be completed. -->\n\n### Scalability\n\n<!-- Reviewers must answer these questions. -->\n\n###### Will it add API calls?\n\n<!-- Describe them. -->\n\n###### Will it add <!-- new --> types?\n\n<!-- Describe them. -->\n\n## Design\n\n<!-- How. -->\n\n### Test Plan\n\n<!-- Tests. -->\n'), 'k@1');
    const answers = (second: string) => `# Mine\n\n## PRR Questionnaire\n\n### Scalability\n\n###### Will it add API calls?\n\nNo.\n\n###### Will it add types?\n\n${second}\n\n## Design\n\n### Test Plan\n\nUnit tests.\n`;
    expect(brief(answers('No.'), prr)).toEqual(['15:1 empty-section design']);
    expect(brief(answers('<!-- Describe them. -->'), prr)).toEqual(['11:1 empty-section prr-questionnaire/scalability/will-it-add-types', '15:1 empty-section design']);
    // The grouping heading between them given no comment at all groups the questions just the same (blind QA, KEP-like).
    const ungrouped = buildTemplateModel(parseSpec(prr.spec.source.replace('<!-- Reviewers must answer these questions. -->\n\n', '')), 'k@1');
    expect(brief(answers('No.'), ungrouped)).toEqual(['15:1 empty-section design']);
    // Text under the template's bare headings (a KEP's `#### Story 1`) is the parent's content, as under headings of the author's own (KEP review).
    const stories = buildTemplateModel(parseSpec('# K\n\n## Proposal\n\nSay what.\n\n### User Stories (Optional)\n\n<!-- Detail the things people will be able to do. -->\n\n#### Story 1\n\n#### Story 2\n\n### Risks\n\n<!-- What may go wrong. -->\n'), 'k@1');
    expect(stories.sections.filter((t) => t.bare).map((t) => t.id)).toEqual(['proposal/user-stories-optional/story-1', 'proposal/user-stories-optional/story-2']);
    const told = (story: string) => brief(`# Mine\n\n## Proposal\n\nA cache.\n\n### User Stories (Optional)\n\n#### Story 1\n\n${story}\n\n#### Story 2\n\n### Risks\n\nStale reads.\n`, stories);
    expect(told('As an operator I see hits.')).toEqual([]);
    expect(told('')).toEqual(['7:1 empty-section proposal/user-stories-optional']);
    // A question asks for its answer even with no guidance under it in the template (KEP review: "What are other known failure modes?").
    const bare = buildTemplateModel(parseSpec('# K\n\n## Troubleshooting\n\n###### What are other known failure modes?\n\n###### Notes\n'), 'k@1');
    expect(brief('# Mine\n\n## Troubleshooting\n\n###### What are other known failure modes?\n\n###### Notes\n', bare)).toEqual(['5:1 empty-section troubleshooting/what-are-other-known-failure-modes']);
    expect(brief('# Mine\n\n## Troubleshooting\n\n###### What are other known failure modes?\n\nNone known.\n\n###### Notes\n', bare)).toEqual([]);
    expect(brief(spec(['### User Story 1 - Login (Priority: P1)'], { requirements: '## Needs' }), kit).filter((f) => f.includes('missing-section')).map((f) => f.replace(/^\S+ /, ''))).toEqual(['missing-section requirements-mandatory']);
  });
});

describe('guidance the template quotes, or sets in emphasis (blind QA, PR/FAQ and Google design doc)', () => {
  it('a quoted paragraph of the template\'s guidance kept over the answer is reported; a quote of the author\'s is not', () => {
    const prfaq = buildTemplateModel(parseSpec('# PR/FAQ: Product Name\n\n## Press Release\n\n> Describe the product and its benefit for the customer in one paragraph.\n\n## FAQ\n\n_Start with an overview and then go into details._\n'), 'p@1');
    const spec = (press: string, faq = 'Q: Why? A: Because.') => brief(`# PR/FAQ: Snap\n\n## Press Release\n\n${press}\n\n## FAQ\n\n${faq}\n`, prfaq);
    expect(spec('> Describe the product and its benefit for the customer in one paragraph.\n\nSnap sorts photos for you.')).toEqual(['5:3 leftover-guidance press-release']);
    expect(spec('Snap sorts photos for you.', '_Start with an overview and then go into details._\n\nQ: Why? A: Because.')).toEqual(['9:1 leftover-guidance faq']);
    // A quote of someone else's words, or the guidance quoted where the template does not quote it, is left alone.
    expect(spec('> Describe the product, said the CEO.\n\nSnap sorts photos for you.')).toEqual([]);
    expect(spec('Snap sorts photos for you.', '> Start with an overview and then go into details.\n\nQ: Why? A: Because.')).toEqual([]);
  });
});

describe('prose templates (blind QA, React RFC and Nygard ADR)', () => {
  const rfc = buildTemplateModel(parseSpec([
    '# Summary', '', 'Brief explanation of the feature.', '',
    '# Basic example', '', 'If the proposal involves a new or changed API, include a basic code example.', 'Omit this section if it\'s not applicable.', '',
    '# Motivation', '', 'Why are we doing this?', '',
  ].join('\n')), 'rfc@1');

  it('a section whose guidance says, in any sentence, to leave it out when it does not apply may be left out; one that forbids it may not', () => {
    expect(rfc.sections.map((t) => `${t.id} ${t.optional}`)).toEqual(['summary false', 'basic-example true', 'motivation false']);
    expect(brief('# Summary\n\nHooks.\n\n# Motivation\n\nReuse.\n', rfc)).toEqual([]);
    for (const says of ['Show the API. This section can be removed if there is no API.', 'Show the API; remove this section when there is none.', 'Show the API. If there is none, delete this section.',
      // npm's RFC template (blind QA): a condition after "is optional", and a section that goes before the spec is done.
      'This section is optional if there are no prior examples.', '{{This section is optional.}}', '{{THIS SECTION SHOULD BE REMOVED BEFORE RATIFICATION}}',
      // Kotlin KEEP's appendix: no part of the proposal (blind QA).
      'These questions are not a part of the proposal,\nbut be prepared to provide the answers if they aren\'t trivial.']) {
      const t = buildTemplateModel(parseSpec(`# Summary\n\nSay it.\n\n# API\n\n${says}\n\n# Motivation\n\nWhy?\n`), 'a@1');
      expect([says, brief('# Summary\n\nHooks.\n\n# Motivation\n\nReuse.\n', t)]).toEqual([says, []]);
    }
    for (const says of ['Show the API. Do not remove this section.', 'Show the API. You must never delete this section, even when there is none.', 'Show the API. Remove the example below once written.', 'This section should not be removed before ratification.', 'Say which part of the proposal this section is.']) {
      const t = buildTemplateModel(parseSpec(`# Summary\n\nSay it.\n\n# API\n\n${says}\n\n# Motivation\n\nWhy?\n`), 'a@1');
      expect([says, brief('# Summary\n\nHooks.\n\n# Motivation\n\nReuse.\n', t)]).toEqual([says, ['5:1 missing-section api']]);
    }
  });

  it('a checklist kept with nothing ticked is told to be ticked, not rewritten (KEP audit: the Release Signoff Checklist)', () => {
    const kep = buildTemplateModel(parseSpec('# K\n\n## Release Signoff Checklist\n\n- [ ] (R) Design details are documented\n- [ ] (R) Test plan is in place\n\n## Summary\n\n<!-- s -->\n'), 'k@1');
    const said = (list: string) => findings(`# Mine\n\n## Release Signoff Checklist\n\n${list}\n\n## Summary\n\nS.\n`, kep).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('- [ ] (R) Design details are documented\n- [ ] (R) Test plan is in place')).toEqual([
      '3 empty-section section "Release Signoff Checklist" still holds only the template\'s checklist, nothing ticked: tick what is done (`- [x]`), or write its content',
    ]);
    expect(said('- [x] (R) Design details are documented\n- [ ] (R) Test plan is in place')).toEqual([]);
    // An item as an older template wrote it, the start of one of the template's now, is still the template's (blind QA: 72 KEPs passed so).
    const ga = buildTemplateModel(parseSpec('# K\n\n## Release Signoff Checklist\n\n- [ ] (R) Design details are documented\n- [ ] (R) All GA endpoints must be hit by conformance tests within one minor version of promotion to GA\n\n## Summary\n\n<!-- s -->\n'), 'k@1');
    const older = (list: string) => findings(`# Mine\n\n## Release Signoff Checklist\n\n${list}\n\n## Summary\n\nS.\n`, ga).map((f) => `${f.line} ${f.rule}`);
    expect(older('- [ ] (R) Design details are documented\n- [ ] (R) All GA endpoints must be hit by conformance tests')).toEqual(['3 empty-section']);
    // Ticked, or an item of the author's own, or fewer than six of the template's words: written.
    expect(older('- [ ] (R) Design details are documented\n- [x] (R) All GA endpoints must be hit by conformance tests')).toEqual([]);
    expect(older('- [ ] (R) Design details are documented\n- [ ] (R) All GA endpoints have owners')).toEqual([]);
    expect(older('- [ ] (R) Design details are documented\n- [ ] (R) All GA endpoints must')).toEqual([]);
  });

  it('a section at another level whose template parent the spec lacks (old KEPs without `## Design Details`) is told to add that parent (KEP audit)', () => {
    const kep = buildTemplateModel(parseSpec('# K\n\n## Proposal\n\n<!-- p -->\n\n## Design Details\n\n<!-- d -->\n\n### Test Plan\n\n<!-- t -->\n\n### Graduation Criteria\n\n<!-- g -->\n'), 'k@1');
    expect(findings('# Mine\n\n## Proposal\n\nP.\n\n## Test Plan\n\nT.\n\n## Graduation Criteria\n\nG.\n', kep).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      '7 missing-section missing section "Design Details" (## Design Details) from template k@1',
      '7 heading-level heading "Test Plan" is level 2; the template has it at level 3 (###) under "Design Details", which this spec does not have: add that heading above its sections, then make this one ###',
      '11 heading-level heading "Graduation Criteria" is level 2; the template has it at level 3 (###) under "Design Details", which this spec does not have: add that heading above its sections, then make this one ###',
    ]);
  });

  it('a title of the spec\'s own above a template that has none moves every section one level down: that is the template\'s structure, judged one level deeper', () => {
    const on = new Map([['unknown-section', ON]]);
    const titled = (motivation: string) => brief(`# RFC: Hooks\n\n## Summary\n\nHooks.\n\n${motivation}\n\nReuse.\n`, rfc, on);
    expect(titled('## Motivation')).toEqual([]);
    expect(findings('# RFC: Hooks\n\n## Summary\n\nHooks.\n\n### Motivation\n\nReuse.\n', rfc).map((f) => `${f.line} ${f.message}`))
      .toEqual(['7 heading "Motivation" is level 3; under the spec\'s own title the template\'s sections sit one level deeper, so it belongs at level 2 (##)']);
    // Of two, one left at the template's level 1 beside the title: no shift, each judged as written.
    expect(titled('# Motivation')).toEqual(['3:1 heading-level summary']);
    // Of three, the one left at level 1 is the one reported, not the two moved down (blind QA, Rust RFC).
    const three = buildTemplateModel(parseSpec('# Summary\n\nS.\n\n# Motivation\n\nM.\n\n# Drawbacks\n\nD.\n'), 'r3@1');
    expect(brief('# RFC: Hooks\n\n## Summary\n\nHooks.\n\n# Motivation\n\nReuse.\n\n## Drawbacks\n\nNew.\n', three, on)).toEqual(['7:1 heading-level motivation']);
    // Without a title, and no heading at level 1 at all, sections one level down are that structure too (a third of
    // the Rust RFCs, `## Summary` …, and RFC 3052's `## RFC: Make the authors field optional` over them); one two levels
    // down among them is reported, and said why.
    expect(brief('## Summary\n\nHooks.\n\n## Motivation\n\nReuse.\n', rfc)).toEqual([]);
    expect(brief('## RFC: Optional authors\n\n## Summary\n\nHooks.\n\n## Motivation\n\nReuse.\n', rfc)).toEqual([]);
    expect(findings('## Summary\n\nHooks.\n\n## Motivation\n\nReuse.\n\n### Drawbacks\n\nNew.\n', three).map((f) => `${f.line} ${f.message}`))
      .toEqual(['9 heading "Drawbacks" is level 3; the spec writes the template\'s sections one level deeper throughout, so it belongs at level 2 (##)']);
    // Of two, one at each level (no title: `## Summary`, then `# Motivation`): no shift, each judged as written.
    expect(brief('## Summary\n\nHooks.\n\n# Motivation\n\nReuse.\n', rfc)).toEqual(['1:1 heading-level summary']);
    // Of three, the one left at level 1 among them is the one reported, not the others (blind QA: one finding on each of them).
    expect(findings('## Summary\n\nHooks.\n\n# Motivation\n\nReuse.\n\n## Drawbacks\n\nNew.\n', three).map((f) => `${f.line} ${f.message}`))
      .toEqual(['5 heading "Motivation" is level 1; the spec writes the template\'s sections one level deeper throughout, so it belongs at level 2 (##); the template\'s "Drawbacks" after it sits under it now, as its subsection: fixing its level puts it back']);
    // A spec titled `# Title` over them: where it belongs it is in place, no move to tell (blind QA, linkerd: "move it to the top level").
    const dated = buildTemplateModel(parseSpec('* Start Date: (fill me in)\n\n# Summary\n\nS.\n\n# Motivation\n\nM.\n\n# Drawbacks\n\nD.\n'), 'r4@1');
    expect(findings('# Title\n\n* Start Date: 2020-01-01\n\n## Summary\n\nHooks.\n\n## Motivation\n\nReuse.\n\n### Drawbacks\n\nNew.\n', dated).map((f) => `${f.line} ${f.message}`))
      .toEqual(['13 heading "Drawbacks" is level 3; the spec writes the template\'s sections one level deeper throughout, so it belongs at level 2 (##)']);
  });

  it('under a template with no title, a first `#` heading with a subsection of the author\'s under it is the template\'s section of that name, not the title (blind QA: `# Summary` over `## Scope` was "missing")', () => {
    const ember = buildTemplateModel(parseSpec('# Summary\n\nOne paragraph explanation of the feature.\n\n# Motivation\n\nWhy are we doing this?\n'), 'ember@1');
    expect(brief('# Summary\n\nA build cache.\n\n## Scope\n\nAddon trees only.\n\n# Motivation\n\nCold builds take four minutes.\n', ember)).toEqual([]);
    expect(brief('# Summary\n\nOne paragraph explanation of the feature.\n\n# Motivation\n\nCold builds take four minutes.\n', ember)).toEqual(['1:1 empty-section summary']);
    // A placeholder there keeps the id every command gives it (`title`), and is in the section.
    const open = findings('# Summary\n\n<!-- AGENT_PLACEHOLDER: Say what it is -->\n\n## Scope\n\nAddons.\n\n# Motivation\n\nCold builds.\n', ember);
    expect(open.map((f) => [f.rule, f.placeholder, f.sectionId])).toEqual([['unfilled-placeholder', 'title', 'summary']]);
    // A title of the spec's own above the sections is still its title.
    expect(brief('# RFC: Build cache\n\n## Summary\n\nA cache.\n\n## Motivation\n\nCold builds.\n', ember)).toEqual([]);
  });

  it('no title heading under a template that has one, every section one level up (its front matter names the spec): the template\'s structure, judged one level up (blind QA, RFC template)', () => {
    const titled = buildTemplateModel(parseSpec('# RFC: Title\n\n## Summary\n\n<!-- s -->\n\n## Motivation\n\n<!-- m -->\n\n### Goals\n\n<!-- g -->\n\n## Design\n\n<!-- d -->\n'), 't@1');
    const spec = (design: string) => `---\ntitle: Hooks\n---\n# Summary\n\nHooks.\n\n# Motivation\n\nReuse.\n\n## Goals\n\nFewer classes.\n\n${design}\n\nA hook.\n`;
    expect(brief(spec('# Design'), titled)).toEqual([]);
    // With a subsection of the author's under the first, which the parse takes for a title: the same (blind QA: "missing" Summary).
    expect(brief(spec('# Design').replace('Hooks.\n', 'Hooks.\n\n## Background\n\nClasses.\n'), titled)).toEqual([]);
    // One left at the template's level among them is the one reported, and said why.
    expect(findings(spec('## Design'), titled).filter((f) => f.rule === 'heading-level').map((f) => `${f.line} ${f.message}`)).toEqual([
      '16 heading "Design" is level 2; with no title heading, the spec\'s sections sit one level up from the template\'s, so it belongs at level 1 (#)']);
  });

  it('leftover-guidance: an instruction or questions of the template kept beside the author\'s text; not a single question over its answer, a label, a list, an empty section or the author\'s own sentence', () => {
    const prose = buildTemplateModel(parseSpec([
      '# RFC', '', '## Motivation', '', 'Why are we doing this? What use cases does it support?', '',
      '## Design', '', 'This is the bulk of the RFC. Explain the design in enough detail.', '', '**Note:** Keep it short.', '',
      '## Drawbacks', '', 'Why should we *not* do this?', '', '- Describe each risk and its mitigation.', '',
      '## Notes', '', '<!-- Describe anything else. -->', '',
    ].join('\n')), 'p@1');
    const spec = (motivation: string, design: string, drawbacks: string, notes = 'None.') =>
      findings(`# Hooks\n\n## Motivation\n\n${motivation}\n\n## Design\n\n${design}\n\n## Drawbacks\n\n${drawbacks}\n\n## Notes\n\n${notes}\n`, prose)
        .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule} ${f.sectionId} ${f.message}`);
    expect(spec('Why are we doing this? What use cases does it support?\n\nReuse.', '*Explain the design* in enough detail.\n\nA hook.', 'Why should we *not* do this?\n\nOne more concept.')).toEqual([
      '5:1-5:55 leftover-guidance motivation the template\'s guidance "Why are we doing this? What use cases …" is still here beside the section\'s own text: delete it',
      '11:1-11:39 leftover-guidance design the template\'s guidance "Explain the design in enough detail." is still here beside the section\'s own text: delete it',
    ]);
    // A label, a list item, the author's sentence in the paragraph, a comment's words kept as a comment: written text.
    expect(spec('Reuse.', '**Note:** Keep it short.\n\nA hook.', '- Each risk, and its mitigation.\n- None known.', '<!-- Describe anything else. -->\n\nNone.')).toEqual([]);
    // (An instruction kept as a list item beside the author's is kept guidance, as a paragraph is.)
    expect(spec('Reuse.', 'A hook.', '- Describe each risk and its mitigation.\n- None known.').map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual(['13:3-13:41 leftover-guidance drawbacks']);
    expect(spec('Why are we doing this? Reuse.', 'A hook. Explain the design in enough detail.', 'None.')).toEqual([]);
    // A section of nothing but its guidance is empty-section's alone.
    expect(spec('Why are we doing this? What use cases does it support?', 'A hook.', 'None.')).toEqual(['3:1-3:14 empty-section motivation section "Motivation" still holds only the template\'s guidance: write its content']);
    // Paragraphs of guidance one after another are one leftover, when one of them tells what to write (blind QA, Ember RFC).
    const ember = buildTemplateModel(parseSpec('# RFC\n\n## Detailed design\n\nThis is the bulk of the RFC.\n\n<!-- note -->\n\nPlease keep in mind any implications within the ecosystem, such as:\n\n- Lint rules\n'), 'e@1');
    const design = (body: string) => findings(`# Tracked storage\n\n## Detailed design\n\n${body}\n\nA storage primitive.\n`, ember).map((f) => `${f.line}-${f.endLine} ${f.message}`);
    expect(design('This is the bulk of the RFC.\n\nPlease keep in mind any implications within the ecosystem, such as:\n- Lint rules'))
      .toEqual(['5-8 the template\'s guidance "This is the bulk of the RFC." is still here beside the section\'s own text: delete it']);
    expect(design('This is the bulk of the RFC.')).toEqual([]);
    // A placeholder's instruction kept as a line above the answer is guidance kept too (blind QA, LLM-written specs).
    const tested = BASE.replace('Done: outline the testing approach.', 'Outline the testing approach\n\nUnit tests and a load test.');
    expect(tested).toContain('Outline the testing approach\n');
    expect(brief(tested)).toEqual([`${lineOf(tested, 'Outline the testing approach')}:1 leftover-guidance testing-strategy`]);
    const marked = BASE.replace('Done: outline the testing approach.', 'AGENT_PLACEHOLDER: Outline the testing approach\n\nUnit tests and a load test.');
    expect(brief(marked)).toEqual([`${lineOf(marked, 'AGENT_PLACEHOLDER: Outline')}:1 leftover-guidance testing-strategy`]);
    // So is the placeholder kept in a fence with the answer an agent wrapped in it: the page shows both as code (blind QA, LLM-written specs).
    const fenced = BASE.replace('Done: outline the testing approach.', '```markdown\n<!-- AGENT_PLACEHOLDER: Outline the testing approach -->\nUnit tests and a load test.\n```');
    expect(findings(fenced).map((f) => `${f.line}-${f.endLine} ${f.rule} ${f.message}`)).toEqual([
      `${lineOf(fenced, '```markdown')}-${lineOf(fenced, '```markdown') + 3} leftover-guidance the template's placeholder is kept in a code block with the section's text, and the page shows both as code: take the text out of the code block, and delete the placeholder`]);
    // The instruction made a heading of the author's over the answer: reported on the heading; a heading of the author's own words is theirs.
    const echoed = BASE.replace('Done: outline the testing approach.', 'Tests.\n\n#### Outline the testing approach\n\nUnit tests and a load test.');
    expect(findings(echoed).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      `${lineOf(echoed, '#### Outline')} leftover-guidance the template's guidance "Outline the testing approach" is written as a heading: name the subsection for what it holds, or delete the heading`]);
    expect(brief(BASE.replace('Done: outline the testing approach.', 'Tests.\n\n#### Load testing approach\n\nA load test.'))).toEqual([]);
    // With an emoji or a number before its words, as agents write headings (blind QA, planted defects).
    for (const mark of ['📝 ', '1. ']) {
      const dressed = echoed.replace('#### Outline', `#### ${mark}Outline`);
      expect([mark, brief(dressed)]).toEqual([mark, [`${lineOf(dressed, '#### ')}:1 leftover-guidance testing-strategy/${mark === '1. ' ? '1-' : '-'}outline-the-testing-approach`]]);
    }
    // In a CRLF spec too.
    expect(brief(fenced.replaceAll('\n', '\r\n')).filter((f) => f.includes('leftover-guidance'))).toEqual([`${lineOf(fenced, '```markdown')}:1 leftover-guidance testing-strategy`]);
    // Another section's placeholder shown in a code sample is the author's sample.
    expect(brief(BASE.replace('Done: outline the testing approach.', 'Tests.\n\n```markdown\n<!-- AGENT_PLACEHOLDER: Describe the data model -->\n```'))).toEqual([]);
    // Off, or suppressed, it says nothing.
    expect(findings('# Hooks\n\n## Motivation\n\n<!-- specfill-disable-next-line leftover-guidance -->\nWhy are we doing this? What use cases does it support?\n\nReuse.\n\n## Design\n\nA.\n\n## Drawbacks\n\nB.\n\n## Notes\n\nC.\n', prose)).toEqual([]);
  });

  it('leftover-guidance: a comment\'s text shown beside the author\'s is reported whatever its verb; the template\'s visible prose, or a lead-in with its colon, only as before (blind QA, RFC template)', () => {
    const rfc = buildTemplateModel(parseSpec([
      '# RFC', '', '## Risks', '', '<!--', 'What are the risks of this proposal, and how do we mitigate them? Think broadly: security, user experience, operations.', '-->', '',
      '## Testing', '', '<!-- Be explicit about how the change is tested and who signs it off. -->', '',
      '## Size', '', '<!-- Estimated increase in size: -->', '',
      '## Notes', '', 'Reviewers read this section last.', '',
    ].join('\n')), 'c@1');
    const spec = (risks: string, testing: string, size: string, notes: string) =>
      findings(`# Hooks\n\n## Risks\n\n${risks}\n\n## Testing\n\n${testing}\n\n## Size\n\n${size}\n\n## Notes\n\n${notes}\n`, rfc).map((f) => `${f.line} ${f.rule}`);
    expect(spec('What are the risks of this proposal, and how do we mitigate them? Think broadly: security, user experience, operations.\n\nA noisy tenant.',
      'Be explicit about how the change is tested and who signs it off.\n\nCI and QA.', 'Estimated increase in size:\n- 10 bytes', 'Reviewers read this section last.\n\nNone.'))
      .toEqual(['5 leftover-guidance', '11 leftover-guidance']);
    // Written in the author's own words around them: nothing.
    expect(spec('A noisy tenant. Think broadly.', 'CI and QA.', '10 bytes.', 'None.')).toEqual([]);
    // An example the comment gives, written as the answer, is the author's (review).
    const example = buildTemplateModel(parseSpec('# RFC\n\n## Security\n\n<!-- Describe the threats and mitigations. For example:\n- All traffic is served over TLS.\n-->\n'), 'x@1');
    expect(findings('# Hooks\n\n## Security\n\nAll traffic is served over TLS.\n\nTokens expire after an hour.\n', example)).toEqual([]);
    // One question of the comment's over its answer is the Q&A form, as one of the prose's is.
    expect(findings('# Hooks\n\n## Drawbacks\n\n**Why should this RFC *not* be implemented?**\nIt adds a concept.\n',
      buildTemplateModel(parseSpec('# RFC\n\n## Drawbacks\n\n<!-- Why should this RFC *not* be implemented? -->\n'), 'q@1'))).toEqual([]);
  });

  it('leftover-guidance: the template\'s question or instruction bullets kept over the answer are reported as one; a task, or an item with its answer inside it, is not (blind QA, Rust RFC)', () => {
    const rust = buildTemplateModel(parseSpec('# RFC\n\n## Rationale and alternatives\n\n- Why is this design the best in the space of possible designs?\n- What other designs have been considered and what is the rationale for not choosing them?\n- What is the impact of not doing this?\n\n## Checklist\n\n- [ ] Describe the rollout plan in the issue.\n- [ ] Link the design document.\n\n## Failure modes\n\n<!--\n- Detection: How can it be detected via metrics?\n- Mitigations: What can be done to stop the bleeding?\n-->\n'), 'r@1');
    const spec = (rationale: string, checklist = '- [x] Done.', failures = 'None known.') => findings(`# Take if\n\n## Rationale and alternatives\n\n${rationale}\n\n## Checklist\n\n${checklist}\n\n## Failure modes\n\n${failures}\n`, rust).map((f) => `${f.line}:${f.column}-${f.endLine} ${f.rule}`);
    const questions = '- Why is this design the best in the space of possible designs?\n- What other designs have been considered and what is the rationale for not choosing them?\n- What is the impact of not doing this?';
    expect(spec(`${questions}\n\nA \`&T\` predicate was considered.`)).toEqual(['5:3-7 leftover-guidance']);
    // Ticked or not, a task is answered by its box; an item with its answer indented under it is the answer's label.
    expect(spec('Less powerful alternatives.', '- [ ] Describe the rollout plan in the issue.\n- [x] Link the design document.')).toEqual([]);
    expect(spec('Less powerful alternatives.', undefined, '- Detection: How can it be detected via metrics?\n\n      kubectl get events\n\n- Mitigations: What can be done to stop the bleeding?\n  - Remove the field.')).toEqual([]);
    // One question over its answer is the Q&A form.
    expect(spec('- Why is this design the best in the space of possible designs?\n\nIt is the smallest.')).toEqual([]);
    // A table of contents' entry, a link alone, is a heading's words; an item's question with its answer after it is the Q&A form (KEP corpus).
    expect(spec(`- [Why is this design the best in the space of possible designs?](#rationale-and-alternatives)\n- [What is the impact of not doing this?](#checklist)\n\nA \`&T\` predicate was considered.`)).toEqual([]);
    expect(spec('- Why is this design the best in the space of possible designs? What is the impact of not doing this?\n  **It is the smallest.**')).toEqual([]);
    // Indented, or nested under an item that is no task, it is judged too (second review).
    expect(spec(questions.replace(/^- /gm, '  - ') + '\n\nA `&T` predicate was considered.')).toEqual(['5:5-7 leftover-guidance']);
    // An item nested under a task is part of that task, a KEP's `- [ ] Other` with its `- Describe the mechanism:` (QA: 44 KEPs).
    expect(spec('Less powerful alternatives.', '- [x] Link the design document.\n- [ ] Other\n  - Describe the rollout plan in the issue.\n  - Why is this design the best in the space of possible designs?\n  - What is the impact of not doing this?')).toEqual([]);
  });

  it('leftover-guidance: a section\'s whole text in a ```markdown fence is reported on the fence; a sample beside the author\'s text, or the template\'s own, is not (blind QA, agent-written)', () => {
    const doc = buildTemplateModel(parseSpec('# Design\n\n## Decision\n\n<!-- Which option was chosen. -->\n\n### Consequences (Optional)\n\n<!-- c -->\n\n## Format\n\n<!-- How a note looks. -->\n\n```markdown\n# Title of the note\n```\n'), 'w@1');
    const said = (decision: string, format = 'Plain text.') => findings(`# Prefs\n\n## Decision\n\n${decision}\n\n## Format\n\n${format}\n`, doc).map((f) => `${f.line}-${f.endLine} ${f.rule} ${f.message}`);
    const message = "leftover-guidance the section's text is all in a ```markdown code block, which the page shows as code, not as text: delete the fence lines around it";
    expect(said('```markdown\nChosen option: a preferences service.\n\n### Consequences\n\n* Good, because it is fast.\n```')).toEqual([`5-11 ${message}`]);
    // The fence named as written (blind QA: `~~~md` was called a ```markdown block).
    expect(said('~~~md\n- `GET /prefs` returns the map of categories\n~~~')).toEqual([`5-7 ${message.replace('```markdown', '~~~md')}`]);
    // Where the template asks for code (a sample of its own, or Markdown named in its guidance), a fence is what it asks for (review).
    expect(said('Plain.', '```markdown\n# Quota notes for the finance team\n```')).toEqual([]);
    for (const fine of ['We chose a service:\n\n```markdown\nChosen option: a preferences service.\n```', '```yaml\nchosen: a preferences service for all\n```', '```markdown\n# Prefs\n```']) {
      expect([fine, said(fine)]).toEqual([fine, []]);
    }
    // The template's own sample kept is empty-section's, not this.
    expect(said('Plain.', '```markdown\n# Title of the note\n```').map((f) => f.split(' ')[1])).toEqual(['empty-section']);
  });

  it('leftover-guidance: the guidance\'s lines kept at the top of the author\'s paragraph, no blank line between, are reported on those lines (blind QA, design-doc template)', () => {
    const doc = buildTemplateModel(parseSpec('# Design Doc\n\n## Context and Scope\n\n*Describe the context and scope of the project: what is being built and why. Keep it short; this is not a requirements document.*\n\n## Motivation\n\nWhy are we doing this? What use cases does it support?\n'), 'dd@1');
    const said = (context: string, motivation = 'Renewals fail.') => findings(`# Retries\n\n## Context and Scope\n\n${context}\n\n## Motivation\n\n${motivation}\n`, doc)
      .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}`);
    const guidance = '*Describe the context and scope of the project: what is being built and why. Keep it short; this is not a requirements document.*';
    expect(said(`${guidance}\nSoft declines are retried; checkouts are out of scope.`)).toEqual([`5:1-5:${guidance.length + 1} leftover-guidance`]);
    // Wrapped over two lines, and the questions over their answer.
    const wrapped = guidance.replace(' Keep it', '\nKeep it');
    expect(said(`${wrapped}\nSoft declines are retried.`)).toEqual([`5:1-6:${wrapped.split('\n')[1]!.length + 1} leftover-guidance`]);
    expect(said('Soft declines are retried.', 'Why are we doing this? What use cases does it support?\nRenewals fail.')).toEqual(['9:1-9:55 leftover-guidance']);
    // The author's sentence that begins with the guidance's words and goes on, lower case, on the next line is the author's (second review).
    const rollback = buildTemplateModel(parseSpec('# T\n\n## Rollout\n\nInclude a rollback plan.\n'), 'rb@1');
    expect(findings('# Mine\n\n## Rollout\n\nInclude a rollback plan\nfor every schema change, reviewed by the DBA on call.\n', rollback)).toEqual([]);
    // A line with no stop, as a placeholder's instruction copied over the answer (QA: 7 probes), plain or emphasised.
    for (const line of ['Describe the context and scope of the project', '*Describe the context and scope of the project*']) {
      const doc2 = buildTemplateModel(parseSpec('# Design Doc\n\n## Context and Scope\n\n<!-- AGENT_PLACEHOLDER: Describe the context and scope of the project -->\n'), 'dd2@1');
      expect([line, findings(`# Retries\n\n## Context and Scope\n\n${line}\nSoft declines are retried.\n`, doc2).map((f) => `${f.line} ${f.rule}`)]).toEqual([line, ['5 leftover-guidance']]);
    }
    // The author's sentence going on from the guidance's line: written.
    expect(said('Describe the context and scope of the project: what is being built and why. Keep it short; this is not a\nrequirements document for retries, but a design.')).toEqual([]);
    // Kept at the bottom of the author's paragraph, on lines of their own, they are reported on those lines (real OTEP), in a list item too.
    expect(said(`Soft declines are retried.\n${guidance}`)).toEqual([`6:1-6:${guidance.length + 1} leftover-guidance`]);
    expect(said('Soft declines are retried.', '- Renewals fail.\nWhy are we doing this? What use cases does it support?')).toEqual(['10:1-10:55 leftover-guidance']);
    // Not between the author's lines, nor a line that goes on from the author's sentence, nor one question alone (the Q&A form).
    expect(said(`Soft declines are retried.\n${guidance}\nCheckouts are out of scope.`)).toEqual([]);
    expect(said('Soft declines are retried, and\nWhy are we doing this? What use cases does it support?')).toEqual([]);
    expect(said('Soft declines are retried.', 'Renewals fail.\nWhy are we doing this?')).toEqual([]);
  });

  it('a parent named by its subsections, each guided (Polkadot\'s `## Performance, Ergonomics, and Compatibility`), owes no text above them; a parent named otherwise does (blind QA)', () => {
    const rfc = (parent: string) => buildTemplateModel(parseSpec(`# RFC\n\n## ${parent}\n\nDescribe the impact of the proposal on the exposed functionality.\n\n### Performance\n\nIs this an optimization?\n\n### Ergonomics\n\nDoes it change the interface?\n\n### Compatibility\n\nDoes it break anything?\n`), 'p@1');
    const spec = (parent: string) => `# RFC-0062: Faster sync\n\n## ${parent}\n\n### Performance\n\nTwice as fast.\n\n### Ergonomics\n\nNo change.\n\n### Compatibility\n\nNone broken.\n`;
    expect(findings(spec('Performance, Ergonomics, and Compatibility'), rfc('Performance, Ergonomics, and Compatibility'))).toEqual([]);
    expect(findings(spec('Impact'), rfc('Impact')).map((f) => f.rule)).toEqual(['empty-section']);
  });

  it('a marker heading the template\'s own guidance sentence (Carbon\'s `TODO: What problem are you trying to solve?`) is that guidance, leftover-guidance\'s alone (blind QA)', () => {
    const carbon = buildTemplateModel(parseSpec('# TODO\n\n## Problem\n\nTODO: What problem are you trying to solve? Who is impacted by it?\n'), 'c@1');
    expect(findings('# Faster builds\n\n## Problem\n\nTODO: What problem are you trying to solve? Who is impacted by it?\n\nBuilds take four minutes.\n', carbon).map((f) => f.rule)).toEqual(['leftover-guidance']);
    // The author's own TODO note still is a marker.
    expect(findings('# Faster builds\n\n## Problem\n\nBuilds take four minutes. TODO: measure the cold cache.\n', carbon).map((f) => f.rule)).toEqual(['leftover-marker']);
    // Where leftover-guidance does not report it (a single question kept after the author's text, as a Q&A), the marker is the one sign left.
    const alternatives = buildTemplateModel(parseSpec('# TODO\n\n## Alternatives\n\nTODO: What alternative solutions have you considered?\n'), 'c@1');
    expect(findings('# Faster builds\n\n## Alternatives\n\nWe looked at Bazel.\n\nTODO: What alternative solutions have you considered?\n', alternatives).map((f) => `${f.line} ${f.rule}`)).toEqual(['7 leftover-marker']);
  });

  it('leftover-guidance: the template\'s note in `{{ }}` (npm\'s `{{THIS SECTION IS REQUIRED FOR RATIFICATION}}`) kept beside the author\'s text is told, whatever it says (blind QA, npm RFCs)', () => {
    const npm = buildTemplateModel(parseSpec('# {{TITLE}}\n\n## Implementation\n\n{{Give an overview of implementation.}}\n\n{{THIS SECTION IS REQUIRED FOR RATIFICATION}}\n'), 'npm@1');
    const said = (text: string) => findings(`# Tags\n\n## Implementation\n\n${text}\n`, npm).map((f) => `${f.line} ${f.rule}`);
    expect(said('Only the publish command changes.\n\n{{THIS SECTION IS REQUIRED FOR RATIFICATION}}')).toEqual(['7 leftover-guidance']);
    expect(said('Only the publish command changes.\n\n{{Give an overview of implementation.}}')).toEqual(['7 leftover-guidance']);
    expect(said('Only the publish command changes.\n\nThis section is required for ratification.')).toEqual([]);
  });

  it('leftover-guidance: guidance that speaks to the author, opens with a lead-in or names what goes here is told too; an aside under a label and a slot\'s words are not (blind QA, Swift, OTEP, KIP templates)', () => {
    const guided = [
      ['Introduction', 'A short description of what the feature is. Try to keep it to a single-paragraph "elevator pitch".'],
      ['Internal details', 'From a technical standpoint, how do you propose accomplishing the proposal? In particular, please explain:'],
      ['Public Interfaces', 'Briefly list any new interfaces that will be introduced as part of this proposal.'],
      ['Implications on adoption', 'In this section, describe issues that intentional adopters of the proposal should be aware of.'],
      ['Source compatibility', 'Focus on the most important parts of the proposal.'],
      ['Acknowledgments', 'Remove this paragraph before submitting.'],
      ['Risks', 'Think about the security and performance impact of this proposal on the ecosystem.'],
      ['Scope', 'Highlight what changes for existing users.'],
      // More lead-ins, and more names for what goes here (blind QA, Swift, Go templates).
      ['Fields', 'During the review process, add the following fields as needed:'],
      ['Keys', 'At a high level, explain how the cache is keyed.'],
      ['Cleanup', 'Before submitting, remove this paragraph and the one below.'],
      ['Tracking', 'Once the proposal is accepted, link the tracking issue here.'],
      ['Proposal', 'A precise statement of the proposed change.'],
      ['Background', 'An introduction of the necessary background and the problem being solved by the proposed change.'],
      ['Related', 'Links to related issues and prior discussions.'],
    ] as const;
    const template = buildTemplateModel(parseSpec(['# Feature name', '', 'When filling out this template, you should delete or replace all of the text except for the section headers.', '',
      ...guided.flatMap(([h, g]) => [`## ${h}`, '', g, '']), '## Status', '', '**Note:** This checklist is iterative.', '', '**JIRA**: *here [Change the link from KAFKA-1 to your own ticket]*', ''].join('\n')), 's@1');
    const kept = ['# Init accessors', '', 'When filling out this template, you should delete or replace all of the text except for the section headers.', '', 'Init accessors.', '',
      ...guided.flatMap(([h, g]) => [`## ${h}`, '', g, '', 'Our own words.', '']), '## Status', '', '**Note:** This checklist is iterative.', '', '**JIRA**: *here [Change the link from KAFKA-1 to your own ticket]*', '', 'Accepted.', ''].join('\n');
    const said = findings(kept, template).map((f) => `${f.line} ${f.rule} ${f.sectionId}`);
    expect(said).toEqual([
      '3 leftover-guidance title',
      ...guided.map(([h, g]) => `${lineOf(kept, g)} leftover-guidance ${slugify(h)}`),
      `${lineOf(kept, '**JIRA**')} leftover-marker status`,
    ]);
    // A question that speaks to the author, kept over its answer, is still the Q&A form.
    const qa = buildTemplateModel(parseSpec('# T\n\n## Motivation\n\nWhat problem are you solving?\n'), 'q@1');
    expect(findings('# Mine\n\n## Motivation\n\nWhat problem are you solving?\n\nSlow builds.\n', qa)).toEqual([]);
  });

  it('a section of nothing but a to-do word ("TBD", "TODO.", "To be determined") is empty, said once; a stand-in before written text is not (KEPs, blind QA)', () => {
    const kep = buildTemplateModel(parseSpec('# K\n\n## Summary\n\n<!-- One paragraph. -->\n\n## Drawbacks\n\n<!-- Why not. -->\n'), 'k@1');
    const said = (drawbacks: string, rules?: ReadonlyMap<string, RuleSetting>) => findings(`# Mine\n\n## Summary\n\nA cache.\n\n## Drawbacks\n\n${drawbacks}\n`, kep, rules).map((f) => `${f.line} ${f.rule} ${f.message}`);
    for (const [stub, shown] of [['TBD', 'TBD'], ['TODO.', 'TODO.'], ['*To be determined.*', 'To be determined.'], ['TBD — TODO', 'TBD — TODO'], ['tba', 'tba'], ['TBD\n\n<!-- later -->', 'TBD']] as const) {
      expect([stub, said(stub)]).toEqual([stub, [`7 empty-section section "Drawbacks" holds only "${shown}": write its content`]]);
    }
    for (const written of ['TBD: pick a region after the load test.', 'None.', 'N/A', 'TBD\n\nThe cache may serve stale reads.']) expect([written, said(written).filter((f) => f.includes('empty-section'))]).toEqual([written, []]);
    // So is a slot or a stand-in word for the whole text, as a model leaves them (blind QA, LLM-written specs).
    for (const [stub, shown] of [['{{drawbacks}}', '{{drawbacks}}'], ['${drawbacks}', '${drawbacks}'], ['[Insert the drawbacks here]', '[Insert the drawbacks here]'], ['<insert drawbacks here>', '<insert drawbacks here>'],
      ['*Placeholder*', 'Placeholder'], ['Lorem ipsum dolor sit amet.', 'Lorem ipsum dolor sit amet.']] as const) {
      expect([stub, said(stub)]).toEqual([stub, [`7 empty-section section "Drawbacks" holds only "${shown}": write its content`]]);
    }
    // Among words of the author's, a slot is leftover-marker's; an element of the author's is content.
    for (const written of ['Costs {{n}} more builds.', '[Insert the drawbacks here] Costs builds.', '<div>Costs builds.</div>', 'A placeholder value is stored.']) {
      expect([written, said(written).filter((f) => f.includes('empty-section'))]).toEqual([written, []]);
    }
    // With empty-section off, the word is leftover-marker's as anywhere else.
    expect(said('TBD', new Map([['empty-section', { severity: 'off', options: {} }]]))).toEqual(['9 leftover-marker leftover marker "TBD": replace it with the real content']);
    // Beside the template's guidance kept, a to-do word writes nothing either: the section holds only the guidance, one
    // finding (blind QA: a leftover-guidance and a leftover-marker warning, exit 0).
    const guided = buildTemplateModel(parseSpec('# R\n\n## Summary\n\nOne paragraph explanation.\n\n## Motivation\n\nWhy are we doing this? What use cases does it support?\n'), 'r@1');
    expect(findings('# Mine\n\n## Summary\n\nA cache.\n\n## Motivation\n\nWhy are we doing this? What use cases does it support?\n\nTBD\n', guided).map((f) => `${f.line} ${f.rule} ${f.message}`))
      .toEqual(['7 empty-section section "Motivation" still holds only the template\'s guidance: write its content']);
    // The to-do word as a task box of the author's, `- [ ] TBD`, is no checklist of the template's to tick (regression sweep).
    expect(findings('# Mine\n\n## Summary\n\nA cache.\n\n## Motivation\n\nWhy are we doing this? What use cases does it support?\n\n- [ ] TBD\n', guided).map((f) => `${f.line} ${f.rule} ${f.message}`))
      .toEqual(['7 empty-section section "Motivation" still holds only the template\'s guidance: write its content']);
    // Under prose guidance, a stand-in before the author's text is no empty section.
    const prose = buildTemplateModel(parseSpec('# T\n\n## Summary\n\nBrief explanation of the feature.\n'), 'p@1');
    expect(brief('# Mine\n\n## Summary\n\n...\n\nHooks hold state.\n', prose)).toEqual([]);
    expect(brief('# Mine\n\n## Summary\n\n...\n', prose)).toEqual(['3:1 empty-section summary']);
  });

  it('a section that shows nothing, or only its placeholder as text, is empty: zero-width spaces, a fold with no content, an escaped placeholder (blind QA)', () => {
    const t = buildTemplateModel(parseSpec('# T\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: Provide a high-level description of the feature -->\n\n## Design\n\n<!-- AGENT_PLACEHOLDER: How it works -->\n'), 'z@1');
    const said = (overview: string) => brief(`# Mine\n\n## Overview\n\n${overview}\n\n## Design\n\nA queue.\n`, t);
    for (const nothing of ['\u200b', '\u200b\u00a0\u2060', '<details><summary>Click to expand</summary></details>', '<details>\n<summary>More</summary>\n\n</details>',
      '\\<!-- AGENT_PLACEHOLDER: Provide a high-level description of the feature -->', '&lt;!-- AGENT_PLACEHOLDER: Provide a high-level description of the feature --&gt;',
      'AGENT_PLACEHOLDER: Provide a high-level description of the feature']) {
      expect([nothing, said(nothing)]).toEqual([nothing, ['3:1 empty-section overview']]);
    }
    // So is the placeholder kept inside a fence of an agent's (blind QA, LLM-written specs); code of the author's is content.
    expect(said('```markdown\n<!-- AGENT_PLACEHOLDER: Provide a high-level description of the feature -->\n```')).toEqual(['3:1 empty-section overview']);
    expect(said('```html\n<!-- a comment -->\n<p>Shown</p>\n```')).toEqual([]);
    for (const written of ['<details><summary>Schema</summary>\n\nOne table per tenant.\n\n</details>', 'A cache \u200b in front of the API.', 'Run it with --force --> then restart.']) {
      expect([written, said(written)]).toEqual([written, []]);
    }
  });

  it('text made a heading by `---` right under it, emptying its section, is one finding: the sections after it are not also out of place (blind QA, design doc)', () => {
    const gdoc = buildTemplateModel(parseSpec('# D\n\n## Concerns\n\n<!-- c -->\n\n### Security\n\n<!-- s -->\n\n### Privacy\n\n<!-- p -->\n\n### Observability\n\n<!-- o -->\n'), 'g@1');
    const spec = (privacy: string) => brief(`# Mine\n\n## Concerns\n\nAll three.\n\n### Security\n\nTLS.\n\n### Privacy\n\n${privacy}\n---\n\n### Observability\n\nMetrics.\n`, gdoc);
    expect(spec('Only tenant ids are stored.')).toEqual(['11:1 empty-section concerns/privacy']);
    // With text of its own before it, the section is written: where Observability stands is then the one sign.
    expect(spec('No user data.\n\nOnly tenant ids are stored.')).toEqual(['18:1 section-order only-tenant-ids-are-stored/observability']);
  });

  it('the text under the title kept as the template\'s names the slots it still holds (blind QA, spec-kit)', () => {
    const kit = buildTemplateModel(parseSpec('# Feature Specification: [FEATURE NAME]\n\n**Created**: [DATE]\n**Input**: User description: "$ARGUMENTS"\n\n## Scenarios\n\n<!-- s -->\n'), 'k@1');
    expect(findings('# Feature Specification: CSV Export\n\n**Created**: [DATE]\n**Input**: User description: "$ARGUMENTS"\n\n## Scenarios\n\nExport.\n', kit).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '1:1 the text under the title still holds only the template\'s guidance, its slots "[DATE]", "$ARGUMENTS" unfilled: write what the template asks for there']);
    // Slots with code in them, as the source writes them; one inside another is part of it (real Rust RFC metadata kept).
    const rfc = buildTemplateModel(parseSpec('- Feature Name: (fill me in with a unique ident, `my_awesome_feature`)\n- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n\n# Summary\n\nOne paragraph explanation of the feature.\n\n# Motivation\n\nWhy are we doing this?\n'), 'rfc@1');
    expect(findings('- Feature Name: (fill me in with a unique ident, `my_awesome_feature`)\n- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n\n# Summary\n\nAdd a lint.\n\n# Motivation\n\nBugs.\n', rfc).map((f) => f.message)).toEqual([
      'the text before the first section still holds only the template\'s guidance, its slots "(fill me in with a unique ident, `my_awesome_feature`)", "(fill me in with today\'s date, YYYY-MM-DD)" unfilled: write what the template asks for there']);
    // And its sample links never pointed at the real issue (real Backstage BEPs).
    const bep = buildTemplateModel(parseSpec('# BEP: <!-- Your short, descriptive title -->\n\n<!-- Before merging the initial BEP PR, create a feature issue and update the below link. -->\n\n[**Discussion Issue**](https://github.com/backstage/backstage/issues/NNNNN)\n\n## Summary\n\n<!-- A few paragraphs. -->\n'), 'bep@1');
    expect(findings('# BEP: Metadata on Relations\n\n<!-- Before merging the initial BEP PR, create a feature issue and update the below link. -->\n\n[**Discussion Issue**](https://github.com/backstage/backstage/issues/NNNNN)\n\n## Summary\n\nRelations get metadata.\n', bep).map((f) => f.message)).toEqual([
      'the text under the title still holds only the template\'s guidance, its sample link "[**Discussion Issue**](https://github.com/backstage/backstage/issues/NNNNN)" unchanged: write what the template asks for there']);
  });

  it('a title whose stand-in is replaced by a to-do word (`# Design Doc: TBD`) names nothing yet: said once, as the title (blind QA, design doc)', () => {
    const doc = buildTemplateModel(parseSpec('# Design Doc: Project Name\n\n## Context\n\n<!-- c -->\n'), 'd@1');
    const said = (title: string) => findings(`# ${title}\n\n## Context\n\nA cache.\n`, doc).map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(said('Design Doc: TBD')).toEqual(['1 empty-section the title "Design Doc: TBD" names nothing yet (the template\'s "Design Doc: Project Name"): write the spec\'s own title']);
    expect(said('design doc: *TODO*')).toEqual(['1 empty-section the title "design doc: TODO" names nothing yet (the template\'s "Design Doc: Project Name"): write the spec\'s own title']);
    expect(said('Design Doc: Edge rate limiter')).toEqual([]);
    expect(said('Design Doc: TBD rate limiter')).toEqual(['1 leftover-marker leftover marker "TBD": replace it with the real content']);
    // The label kept with its number written in, or dropped, the stand-in after it as it was (blind QA: KEP-1440, RFC-0042).
    const kep = buildTemplateModel(parseSpec('# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\n<!-- s -->\n'), 'kep@1');
    const kepSaid = (title: string) => findings(`# ${title}\n\n## Summary\n\nA cache.\n`, kep).map((f) => `${f.line} ${f.rule}`);
    for (const title of ['KEP-1440: Your short, descriptive title', 'Your short, descriptive title', 'KEP-1440: TBD', 'KEP-NNNN: TODO']) expect([title, kepSaid(title)]).toEqual([title, ['1 empty-section']]);
    expect(kepSaid('KEP-1440: Events in kubectl')).toEqual([]);
    // Dapr's `# Title of proposal` (no article), and Carbon's `# TODO`, kept: the title names nothing, an error (blind QA).
    for (const theirs of ['Title of proposal', 'TODO']) {
      const tpl = buildTemplateModel(parseSpec(`# ${theirs}\n\n## Overview\n\nA brief description.\n`), 't@1');
      expect([theirs, findings(`# ${theirs}\n\n## Overview\n\nWe add a cache.\n`, tpl).map((f) => `${f.line} ${f.rule}`)]).toEqual([theirs, ['1 empty-section']]);
    }
    // Its header's fields under that title ask for more than the title: left as the template's slots, the text under the title is empty (regression sweep).
    const dapr = buildTemplateModel(parseSpec('# Title of proposal\n\n* Author(s): [Author Name, Co-Author Name ...]\n* Updated: [Date]\n\n## Overview\n\nA brief description.\n'), 'dapr@1');
    const header = (fields: string) => findings(`# Disable sidecar requests\n\n${fields}\n\n## Overview\n\nWe add a flag.\n`, dapr).map((f) => `${f.line} ${f.rule} ${f.severity}`);
    expect(header('* Author(s): [Author Name, Co-Author Name ...]\n* Updated: [Date]')).toEqual(['1 empty-section error']);
    expect(header('* Author(s): Sam Lee\n* Updated: 2026-11-30')).toEqual([]);
    // adr-tools' `# NUMBER. TITLE` kept with its number dropped, or a number and a to-do word written in (regression sweep).
    const adr = buildTemplateModel(parseSpec('# NUMBER. TITLE\n\n## Context\n\nThe issue motivating this decision.\n'), 'adr@1');
    const adrSaid = (title: string) => findings(`# ${title}\n\n## Context\n\nWe need a database.\n`, adr).map((f) => `${f.line} ${f.rule}`);
    for (const title of ['TITLE', '12. TODO', '12. TBD', '7. Title']) expect([title, adrSaid(title)]).toEqual([title, ['1 empty-section']]);
    expect(adrSaid('12. Use Postgres')).toEqual([]);
    // After a name with no colon, SwiftPM's `# Package Manager Feature name` (blind QA); the name kept with the spec's words is written.
    const pm = buildTemplateModel(parseSpec('# Package Manager Feature name\n\n## Context\n\n<!-- c -->\n'), 'pm@1');
    const pmSaid = (title: string) => findings(`# ${title}\n\n## Context\n\nA cache.\n`, pm).map((f) => `${f.line} ${f.rule}`);
    expect([pmSaid('Package Manager Feature name'), pmSaid('Package Manager Collections')]).toEqual([['1 empty-section'], []]);
  });

  it('a title kept as the template\'s `# Title`, where the title is all it asks for, is reported as the title kept, not as empty text under it', () => {
    const adr = buildTemplateModel(parseSpec('# Title\n\nThese documents have names that are short noun phrases.\n\n## Context\n\n<!-- c -->\n'), 'n@1');
    const [finding, ...rest] = findings('# Title\n\n## Context\n\nC.\n', adr);
    expect(rest).toEqual([]);
    expect([finding!.line, finding!.rule, finding!.message]).toEqual([1, 'empty-section', 'the title is still the template\'s "Title": write the spec\'s own title']);
    // A template that asks for more under its title still says so of that text.
    const more = buildTemplateModel(parseSpec('# Title\n\nList its authors and the date it was decided.\n\n## Context\n\n<!-- c -->\n'), 'm@1');
    expect(findings('# Title\n\n## Context\n\nC.\n', more).map((f) => f.message)).toEqual(['the title is still the template\'s "Title": write the spec\'s own title', 'the text under the title is empty: write what the template asks for there']);
    // With the record's number before it, as ADRs are titled: `# 7. Title`, and adr-tools' `# NUMBER. TITLE` as `# 2. TITLE` (blind QA, ADRs).
    expect(findings('# 7. Title\n\n## Context\n\nC.\n', adr).map((f) => `${f.rule} ${f.message}`)).toEqual(['empty-section the title "7. Title" names nothing yet (the template\'s "Title"): write the spec\'s own title']);
    const tools = buildTemplateModel(parseSpec('# NUMBER. TITLE\n\nDate: DATE\n\n## Context\n\n<!-- c -->\n'), 't@1');
    expect(findings('# 2. TITLE\n\nDate: 2026-11-30\n\n## Context\n\nC.\n', tools).map((f) => f.rule)).toEqual(['empty-section']);
    expect(findings('# 2. Use Postgres\n\nDate: 2026-11-30\n\n## Context\n\nC.\n', tools)).toEqual([]);
  });

  it('guidance words left unfinished, an ellipsis after them (Nygard\'s "We will …" kept as `We will ...`), are a stub; a short answer of the author\'s is not', () => {
    const adr = buildTemplateModel(parseSpec('# Title\n\nA short noun phrase.\n\n## Decision\n\nThis section describes our response to these forces. It is stated in full sentences, with active voice. "We will …"\n\n## Consequences\n\nWhat follows.\n'), 'n@1');
    const spec = (decision: string) => brief(`# ADR 3: Use Postgres\n\n## Decision\n\n${decision}\n\n## Consequences\n\nBackups get easier.\n`, adr);
    for (const stub of ['We will ...', 'We will …', '"We will …"', '*We will...*']) expect([stub, spec(stub)]).toEqual([stub, ['3:1 empty-section decision']]);
    for (const written of ['We will use Postgres.', 'We will.', 'We will use Postgres ...']) expect([written, spec(written)]).toEqual([written, []]);
  });
});
