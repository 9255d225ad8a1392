// Every check rule has a page in docs/checks/, and the page's examples are
// what the rule really does: the failing example makes it report exactly the
// findings the page quotes, the passing example makes it report nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkSpec, type RuleSetting } from '../src/core/check-spec.js';
import { RULES } from '../src/core/checks/index.js';
import type { CheckRule, Finding, LinkResolver } from '../src/core/checks/types.js';
import { validateConfig } from '../src/core/config.js';
import { resolveRuleSettings } from '../src/core/rule-settings.js';
import { parseSpec } from '../src/core/parse-spec.js';
import { buildTemplateModel, type TemplateModel } from '../src/core/template-model.js';

const DOCS = join(import.meta.dirname, '..', 'docs', 'checks');

/** Rules whose page has an `## Options` section. */
const WITH_OPTIONS = new Set(['leftover-marker', 'frontmatter']);

/** Rules whose findings sit in the front matter, out of reach of inline comments (their pages say so). */
const IN_FRONT_MATTER = new Set(['frontmatter', 'template-version']);

/** No file exists beside an example: links to files are broken, links to anchors are checked in the document. */
const NO_FILES: LinkResolver = { exists: () => false, anchorsOf: () => null };

interface Fence {
  readonly info: string;
  readonly body: string;
}

interface PageSection {
  readonly heading: string;
  /** The lines of the section, fenced blocks included, outside any fence only for headings. */
  readonly lines: string[];
  readonly fences: Fence[];
}

/**
 * Splits a doc page into its `## ` sections, with the fenced blocks of each.
 * Headings inside fences (the examples are full of them) are not sections.
 */
function readPage(source: string): { intro: string[]; sections: PageSection[] } {
  const intro: string[] = [];
  const sections: { heading: string; lines: string[]; fences: Fence[] }[] = [];
  let fence: { marker: string; info: string; body: string[] } | null = null;
  for (const line of source.split('\n')) {
    const current = sections[sections.length - 1];
    if (fence !== null) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close !== null && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length) {
        current?.fences.push({ info: fence.info, body: fence.body.map((l) => `${l}\n`).join('') });
        fence = null;
      } else {
        fence.body.push(line);
      }
      current?.lines.push(line);
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(line);
    if (open !== null) {
      fence = { marker: open[1]!, info: open[2]!, body: [] };
      (current?.lines ?? intro).push(line);
      continue;
    }
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading !== null) {
      sections.push({ heading: heading[1]!, lines: [], fences: [] });
      continue;
    }
    (current?.lines ?? intro).push(line);
  }
  if (fence !== null) throw new Error('a fenced block is never closed');
  return { intro, sections };
}

/** The fenced ```markdown block that follows a `## heading`, or null when the page has no such heading. */
function markdownBlock(sections: readonly PageSection[], heading: string): string | null {
  const section = sections.find((s) => s.heading === heading);
  if (section === undefined) return null;
  const block = section.fences.find((f) => f.info === 'markdown');
  if (block === undefined) throw new Error(`## ${heading} has no \`\`\`markdown block`);
  return block.body;
}

/** The contents of the code spans of a line, as CommonMark reads them (`` `a` ``, ``` `` a`b `` ```). */
function codeSpans(line: string): string[] {
  return [...line.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)].map((m) => {
    const text = m[2]!;
    return text.length > 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '' ? text.slice(1, -1) : text;
  });
}

/** Runs the checks on an example with `rule` on at `setting` (default: error), other rules at their defaults. */
function findingsOf(rule: CheckRule, example: string, template: TemplateModel | null, setting?: RuleSetting, index: string | null = null): Finding[] {
  const rules = new Map<string, RuleSetting>([[rule.id, setting ?? { severity: 'error', options: {} }]]);
  return checkSpec(parseSpec(example), { template, rules, links: NO_FILES, index: () => index }).findings.filter((f) => f.rule === rule.id);
}

const shown = (f: Finding): string => `${f.line}:${f.column} ${f.message}`;

describe('docs/checks', () => {
  it('has one page per rule and no page for anything else', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const entry of readdirSync(DOCS)) {
      expect(entry, `docs/checks/${entry}`).toMatch(/\.md$/);
      expect(ids.has(entry.replace(/\.md$/, '')), `docs/checks/${entry} names no rule`).toBe(true);
    }
    for (const id of ids) expect(existsSync(join(DOCS, `${id}.md`)), `docs/checks/${id}.md`).toBe(true);
  });

  describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const path = join(DOCS, `${id}.md`);
    const source = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const { intro, sections } = readPage(source);
    const needsTemplate = /\*\*Needs a template:\*\* yes/.test(source);
    const templateBlock = markdownBlock(sections, 'Template');
    const templateSpec = templateBlock === null ? null : parseSpec(templateBlock);
    const version = templateSpec?.frontMatter?.data?.version ?? 1;
    const template = templateSpec === null ? null : buildTemplateModel(templateSpec, `example@${String(version)}`);
    // A rule that compares with the project's specs (stale-index) shows what `specfill index` would write.
    const index = markdownBlock(sections, 'Index of the project');
    const failing = markdownBlock(sections, 'Failing example');
    const passing = markdownBlock(sections, 'Passing example');

    it('starts with the rule id, its real default severity and whether it needs a template', () => {
      expect(source.startsWith(`# ${id}\n\n`)).toBe(true);
      expect(intro[2]).toMatch(/^\*\*Default severity:\*\* (error|warning|info|off) · \*\*Needs a template:\*\* (yes|no)$/);
      expect(intro[2]!.match(/severity:\*\* (\w+)/)![1]).toBe(rule.defaultSeverity);
      expect(intro.slice(3).join(' ').trim(), 'a description under the severity line').not.toBe('');
    });

    it('has the sections of a rule page, in order', () => {
      expect(sections.map((s) => s.heading)).toEqual([
        ...(needsTemplate ? ['Template'] : []),
        ...(index === null ? [] : ['Index of the project']),
        'Failing example',
        'Passing example',
        ...(WITH_OPTIONS.has(id) ? ['Options'] : []),
        'Turning it off or down',
      ]);
      expect(templateBlock === null).toBe(!needsTemplate);
    });

    it('has a failing example that reports exactly the findings the page quotes', () => {
      expect(failing).not.toBeNull();
      const findings = findingsOf(rule, failing!, template, undefined, index);
      expect(findings.length, 'findings of the failing example').toBeGreaterThanOrEqual(1);
      const reports = sections.find((s) => s.heading === 'Failing example')!.lines.filter((l) => l.startsWith('Reports: '));
      expect(reports, 'one `Reports:` line').toHaveLength(1);
      const quoted = codeSpans(reports[0]!);
      expect(quoted[0]).toBe(shown(findings[0]!));
      expect(quoted).toEqual(findings.map(shown));
    });

    it('has a passing example that this rule does not report', () => {
      expect(passing).not.toBeNull();
      expect(findingsOf(rule, passing!, template, undefined, index).map(shown)).toEqual([]);
    });

    it.runIf(needsTemplate)('says truly that it needs a template: without one, the failing example passes', () => {
      expect(findingsOf(rule, failing!, null, undefined, index)).toEqual([]);
    });

    it('shows config snippets that are valid and set this rule', () => {
      const snippets = sections.flatMap((s) => s.fences.filter((f) => f.info === 'yaml').map((f) => f.body));
      expect(snippets.length).toBeGreaterThanOrEqual(1);
      for (const snippet of snippets) {
        const result = validateConfig(parseYaml(snippet));
        expect(result.issues, snippet).toEqual([]);
        const config = result.config!;
        // An override sets the rule for the specs its globs match: its setting is the one shown.
        const overrides = config.overrides?.map((_, i) => i) ?? [];
        const rules = config.rules ?? config.overrides?.[0]?.rules;
        if (rules === undefined) {
          expect(config.statuses, `${snippet} sets neither this rule nor statuses`).toBeDefined();
          continue;
        }
        expect(Object.keys(rules)).toEqual([id]);
        const setting = resolveRuleSettings(config, overrides).get(id)!;
        expect(setting.severity).not.toBe(rule.defaultSeverity);
        // The documented setting changes how much the findings matter, not which ones there are.
        const findings = findingsOf(rule, failing!, template, setting, index);
        if (setting.severity === 'off') expect(findings).toEqual([]);
        else expect(findings.map((f) => `${f.severity} ${shown(f)}`)).toEqual(findingsOf(rule, failing!, template, undefined, index).map((f) => `${setting.severity} ${shown(f)}`));
      }
    });

    it('shows the inline suppression comment, and it works as the page says', () => {
      const turning = sections.find((s) => s.heading === 'Turning it off or down')!.lines.join('\n');
      expect(turning).toContain(`<!-- specfill-disable ${id} -->`);
      const spec = parseSpec(failing!);
      const bodyStart = spec.frontMatter?.span.end ?? 0;
      const suppressed = `${failing!.slice(0, bodyStart)}<!-- specfill-disable ${id} -->\n\n${failing!.slice(bodyStart)}`;
      // Front matter findings sit above any comment, so only the config can turn them off (the page says so).
      if (IN_FRONT_MATTER.has(id)) expect(findingsOf(rule, suppressed, template, undefined, index)).not.toEqual([]);
      else expect(findingsOf(rule, suppressed, template, undefined, index)).toEqual([]);
    });
  });
});
