import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPrompt } from '../src/core/build-prompt.js';
import { parseSpec } from '../src/core/parse-spec.js';
import { runCli, tempProject } from './helpers/run-cli.js';

const SEED = readFileSync(join(import.meta.dirname, '..', 'templates', 'tech-spec.md'), 'utf8');

describe('the drafting prompt', () => {
  it('holds the rules, the brief, the section, the instruction and the document with the place marked', () => {
    const spec = parseSpec(SEED);
    const p = buildPrompt({ spec, placeholderId: 'architecture/data-model', brief: 'A rate limiter for the public API.' });
    expect(p.system).toContain('Do not write headings of level 3 or above (###)');
    expect(p.system).toContain('Do not wrap the answer in a code fence');
    expect(p.system).toContain('specfill-disable');
    expect(p.user).toContain('# Brief\n\nA rate limiter for the public API.');
    expect(p.user).toContain('Section: Architecture › Data Model\nInstruction: Describe the data model, entities, and their relationships');
    expect(p.user).toContain('### Data Model\n\n<<<WRITE THIS PART>>>\n\n### API Design');
    expect(p.user).not.toContain('Describe the data model, entities, and their relationships -->');
    expect(p.omitted).toEqual([]);
  });

  it('asks for one line where the answer is a table cell\'s or a heading\'s text', () => {
    const spec = parseSpec('# T\n\n## Owners\n\n| Role | Team |\n|---|---|\n| On-call | <!-- AGENT_PLACEHOLDER: rotation name --> |\n');
    const p = buildPrompt({ spec, placeholderId: 'owners' });
    expect(p.system).toContain('Write one line only: this part is the text of a table cell.');
    expect(p.system).not.toContain('headings of level');
    const heading = buildPrompt({ spec: parseSpec('# T\n\n## <!-- AGENT_PLACEHOLDER: name it -->\n\nx\n'), placeholderId: 'section' });
    expect(heading.system).toContain('Write one line only: this part is the text of a heading.');
    expect(heading.user).toContain('Section: …\n');
  });

  it('keeps background files within the budget and says what was cut', () => {
    const spec = parseSpec(SEED);
    const p = buildPrompt({
      spec, placeholderId: 'overview', contextBudgetTokens: 10,
      context: [{ path: 'a.md', text: 'A'.repeat(30) }, { path: 'b.md', text: 'B'.repeat(30) }, { path: 'c.md', text: 'C' }],
    });
    expect(p.user).toContain(`## a.md\n\n${'A'.repeat(30)}`);
    expect(p.user).toContain(`## b.md (first 10 characters of 30)\n\n${'B'.repeat(10)}`);
    expect(p.omitted).toEqual(['b.md (cut after 10 of 30 characters)', 'c.md']);
    expect(p.user).toContain('(Left out for length: b.md (cut after 10 of 30 characters); c.md.)');
  });

  it('specfill prompt prints it, with the brief from a file', async () => {
    const dir = tempProject({ 'brief.md': 'Limit each client to 100 requests a minute.\n', 'docs/notes.md': '# Notes\n\nRedis is already deployed.\n' });
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const r = await runCli(dir, 'prompt', 'specs/rate-limiter.md', '--placeholder', 'overview', '--brief', '@brief.md', '--context', 'docs', '--json');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.user).toContain('Limit each client to 100 requests a minute.');
    expect(p.user).toContain('## docs/notes.md\n\n# Notes\n\nRedis is already deployed.');
    const bad = await runCli(dir, 'prompt', 'specs/rate-limiter.md', '--placeholder', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no open placeholder `nope`; open ids: overview,');
  });
});
