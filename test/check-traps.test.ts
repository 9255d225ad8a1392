// Traps found by an adversarial review of `check` (none missed, none extra):
// each case is a spec with one planted defect or one trap, and its exact findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTemplateModel, parseSpec } from '../src/index.js';
import { checkSpec } from '../src/core/check-spec.js';
import type { LinkResolver } from '../src/core/checks/types.js';
import type { RuleSetting } from '../src/core/check-spec.js';
import type { TemplateModel } from '../src/core/template-model.js';

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
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
const ON: RuleSetting = { severity: 'warning', options: {} };

describe('section matching', () => {
  it('a base spec has no findings', () => {
    expect(brief(BASE)).toEqual([]);
  });

  it('a renamed heading ending in a number is missing under its old name, not matched', () => {
    const spec = BASE.replace('## Future Considerations', '## Future Considerations 2027');
    const renamed = lineOf(spec, '## Future Considerations 2027');
    const next = lineOf(spec, '## Alternative Approaches Considered');
    expect(brief(spec)).toEqual([`${next}:1 missing-section future-considerations`]);
    expect(brief(spec, TECH_SPEC, new Map([['unknown-section', ON]]))).toEqual([
      `${renamed}:1 unknown-section future-considerations-2027`,
      `${next}:1 missing-section future-considerations`,
    ]);
    // Numbered template sections are told apart.
    const phases = buildTemplateModel(parseSpec('# P\n\n## Phase 1\n\n<!-- AGENT_PLACEHOLDER: One -->\n\n## Phase 2\n\n<!-- AGENT_PLACEHOLDER: Two -->\n'), 'p@1');
    expect(brief('# P\n\n## Phase 1\n\nDone.\n\n## Phase 3\n\nDone.\n', phases)).toEqual(['9:1 missing-section phase-2']);
  });

  it('a heading with an HTML comment after it keeps its id (`<!-- omit from toc -->`)', () => {
    const spec = BASE.replace('## Overview\n', '## Overview <!-- omit from toc -->\n');
    expect(brief(spec, TECH_SPEC, new Map([['unknown-section', ON]]))).toEqual([]);
    expect(parseSpec(spec).sections[0]!.id).toBe('overview');
  });
});
