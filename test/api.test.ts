// The library API is a contract: this pins what `import ... from 'specfill'`
// exposes, so that removing or renaming an export is a visible decision.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exposes exactly these runtime exports', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BUILT_IN_TEMPLATES_DIR',
      'CONFIG_FILES',
      'DEFAULT_MAX_CONTENT_BYTES',
      'DEFAULT_MAX_FILE_BYTES',
      'DEFAULT_PROJECT_TEMPLATES_DIR',
      'DEFAULT_STATUSES',
      'MACHINE_FILLERS',
      'PLACEHOLDER_MARKER',
      'PROVENANCE_FILE',
      'REPORT_FORMATS',
      'RULES',
      'SpecfillError',
      'TemplateRegistry',
      'buildPrompt',
      'buildReport',
      'buildTemplateModel',
      'checkFiles',
      'checkSpec',
      'completenessOf',
      'configJsonSchema',
      'configSchema',
      'createSpecSource',
      'detectTextFormat',
      'estimateTokens',
      'fileHash',
      'fillFile',
      'fillPlaceholders',
      'findProjectRoot',
      'findRule',
      'findSpecFiles',
      'flattenSections',
      'formatReport',
      'gitChangedFiles',
      'guardAnswer',
      'loadConfig',
      'loadTemplates',
      'main',
      'matchSections',
      'parseSpec',
      'parseTemplateRef',
      'readAnswers',
      'readProvenance',
      'readSpecFile',
      'readTextFile',
      'resolveRuleSettings',
      'sectionStates',
      'streamCheckFiles',
      'summarizeSpec',
      'templateFromSource',
      'templateOutline',
      'toPlaceholderJson',
      'unwrapOuterFence',
      'validateConfig',
      'validateContent',
      'writeFileAtomic',
    ]);
  });

  it('is what the package entry point resolves to once built', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { exports: { '.': { import: string } } };
    expect(pkg.exports['.'].import).toBe('./dist/index.js');
    const built = await import('../dist/index.js');
    expect(Object.keys(built).sort()).toEqual(Object.keys(api).sort());
  });

  it('parses with the documented shape', () => {
    const spec = api.parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: x -->\n');
    expect(Object.keys(spec).sort()).toEqual(['blocks', 'definitionTargets', 'definitions', 'format', 'frontMatter', 'headings', 'malformed', 'parts', 'placeholders', 'sections', 'source', 'title']);
    expect(Object.keys(spec.placeholders[0]!).sort()).toEqual(['column', 'endColumn', 'endLine', 'id', 'instruction', 'line', 'section', 'sectionId', 'span']);
  });
});
