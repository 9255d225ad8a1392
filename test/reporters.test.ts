import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { runCli, tempProject } from './helpers/run-cli.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckReport, Finding } from '../src/core/checks/types.js';
import { renderCodeFrame } from '../src/reporters/code-frame.js';
import { GithubStepSummary } from '../src/reporters/github-step-summary.js';
import { toVisibleChars } from '../src/reporters/terminal-text.js';
import {
  formatGithub,
  formatGitlab,
  formatJson,
  formatJunit,
  formatPretty,
  formatReport,
  formatSarif,
  isReportFormat,
  REPORT_FORMATS,
  SARIF_FINGERPRINT_KEY,
} from '../src/reporters/index.js';
import { PAYMENTS, RESUME, SAMPLE_REPORT, SAMPLE_RULES } from './fixtures/reporters/sample-report.js';

const EMPTY_REPORT: CheckReport = { version: 1, files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } };
const SARIF_OPTIONS = { toolVersion: '0.1.0', rules: SAMPLE_RULES };

/** A report of one file holding `findings`, its summary counted from them. */
function reportOf(path: string, findings: Finding[]): CheckReport {
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  return {
    version: 1,
    files: [{ path, template: null, completeness: null, findings }],
    summary: { files: 1, errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}

function finding(line: number, column: number, endLine: number, endColumn: number, extra: Partial<Finding> = {}): Finding {
  return { rule: 'unfilled-placeholder', severity: 'error', line, column, endLine, endColumn, message: 'Placeholder is still open', ...extra };
}

const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('formatJson', () => {
  const golden = readFileSync(new URL('./fixtures/reporters/sample-report.json', import.meta.url), 'utf8');

  it('prints the report exactly as documented, 2-space indent and a final newline', () => {
    expect(formatJson(SAMPLE_REPORT)).toBe(golden);
  });

  it('puts keys in the documented order and drops properties the shape does not have', () => {
    const scrambled = JSON.parse(JSON.stringify(SAMPLE_REPORT), (key, value: unknown) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const entries = Object.entries(value).reverse();
      return Object.fromEntries(key === '' ? [['extra', true], ...entries] : [...entries, ['cacheHit', 1]]);
    }) as CheckReport;
    expect(Object.keys(scrambled)[0]).toBe('extra');
    expect(formatJson(scrambled)).toBe(golden);
  });

  it('writes the same bytes as JSON.stringify(report, null, 2) for any report', () => {
    const text = fc.string({ unit: 'grapheme' });
    const position = fc.integer({ min: 0, max: 100000 });
    const findingArb = fc.record({
      rule: text,
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
      line: position,
      column: position,
      endLine: position,
      endColumn: position,
      sectionId: fc.option(text, { nil: undefined }),
      section: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
      placeholder: fc.option(text, { nil: undefined }),
      message: fc.oneof(text, fc.string({ unit: 'binary' })),
    }, { requiredKeys: ['rule', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message'] });
    const fileArb = fc.record({
      path: text,
      template: fc.option(text, { nil: null }),
      completeness: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      findings: fc.array(findingArb, { maxLength: 4 }),
    });
    const reportArb = fc.record({
      version: fc.constant(1 as const),
      files: fc.array(fileArb, { maxLength: 4 }),
      summary: fc.record({ files: position, errors: position, warnings: position, infos: position }),
    });
    fc.assert(fc.property(reportArb, (report) => {
      expect(formatJson(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
    }), { numRuns: 500 });
  });

  it('parses back to the same report', () => {
    expect(JSON.parse(formatJson(SAMPLE_REPORT))).toEqual(SAMPLE_REPORT);
    expect(formatJson(EMPTY_REPORT)).toBe('{\n  "version": 1,\n  "files": [],\n  "summary": {\n    "files": 0,\n    "errors": 0,\n    "warnings": 0,\n    "infos": 0\n  }\n}\n');
  });
});

/** Decodes one workflow command the way the Actions runner does (`%25` last). */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (match === null) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string): string =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    match[2]!.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), unescape(pair.slice(at + 1))];
    }),
  );
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

describe('formatGitlab', () => {
  type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number; end: number } } };
  const issuesOf = (report: CheckReport): Issue[] => JSON.parse(formatGitlab(report)) as Issue[];

  it('prints a Code Quality issue per finding: message, rule, severity, path and line', () => {
    const issues = issuesOf(SAMPLE_REPORT);
    expect(issues.map((i) => i.location.lines.end)).toEqual(SAMPLE_REPORT.files.flatMap((f) => f.findings.map((x) => x.endLine)));
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.description.split(/\r?\n/)[0]])).toEqual([
      ['unfilled-placeholder', 'major', 'specs/payments api.md', 12, 'Placeholder "architecture/data-model" is still open: entities & <relationships>'],
      ['empty-section', 'minor', 'specs/payments api.md', 20, 'Section "Risks, Mitigations" is empty'],
      ['template-drift', 'info', 'specs/payments api.md', 1, 'Template tech-spec@1 is 50% behind: run `specfill sync`'],
      ['front-matter-status', 'major', 'docs/über/résumé, v2: 100%.md', 3, 'Status \'draft\' isn\'t one of: "proposed", "accepted"'],
    ]);
    for (const issue of issues) expect(Object.keys(issue)).toEqual(['description', 'check_name', 'fingerprint', 'severity', 'location']);
  });

  it('gives each issue its own hex fingerprint, which survives lines added above it', () => {
    const twins = reportOf('a.md', [finding(2, 1, 2, 5), finding(9, 1, 9, 5)]);
    const [a, b] = issuesOf(twins);
    expect(a!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
    const moved = issuesOf(reportOf('a.md', [finding(5, 1, 5, 5), finding(12, 1, 12, 5)]));
    expect(moved.map((i) => i.fingerprint)).toEqual([a!.fingerprint, b!.fingerprint]);
    expect(issuesOf(reportOf('b.md', [finding(2, 1, 2, 5)]))[0]!.fingerprint).not.toBe(a!.fingerprint);
  });

  it('prints an empty list for a clean report', () => {
    expect(formatGitlab(EMPTY_REPORT)).toBe('[]\n');
  });
});

describe('formatGithub', () => {
  it('prints one escaped workflow command per finding', () => {
    expect(formatGithub(SAMPLE_REPORT)).toBe(
      [
        '::error file=specs/payments api.md,line=12,col=1,endLine=12,endColumn=41,title=specfill unfilled-placeholder::Placeholder "architecture/data-model" is still open: entities & <relationships>',
        "::warning file=specs/payments api.md,line=20,endLine=22,title=specfill empty-section::Section \"Risks, Mitigations\" is empty%0AWrite at least one sentence; 'TBD' doesn't count.",
        '::notice file=specs/payments api.md,line=1,col=1,endLine=1,endColumn=4,title=specfill template-drift::Template tech-spec@1 is 50%25 behind: run `specfill sync`',
        "::error file=docs/über/résumé%2C v2%3A 100%25.md,line=3,col=9,endLine=3,endColumn=14,title=specfill front-matter-status::Status 'draft' isn't one of: \"proposed\", \"accepted\"%0D%0A100%25 sure.",
        '',
      ].join('\n'),
    );
  });

  it('round-trips paths and messages through the runner decoding, even escape-like text', () => {
    const tricky = reportOf('a/%0A,b:%2C.md', [finding(2, 3, 2, 5, { message: 'literal %0A and %25 stay\nnew line', rule: 'r:1,x' })]);
    const lines = formatGithub(tricky).split('\n');
    expect(lines).toHaveLength(2);
    const parsed = parseWorkflowCommand(lines[0]!);
    expect(parsed).toEqual({
      command: 'error',
      properties: { file: 'a/%0A,b:%2C.md', line: '2', col: '3', endLine: '2', endColumn: '5', title: 'specfill r:1,x' },
      message: 'literal %0A and %25 stay\nnew line',
    });
  });

  it('shows control characters from a document (an escape sequence in a heading) as U+FFFD, not raw in the log', () => {
    const hostile = reportOf('a.md', [finding(1, 1, 1, 2, { message: 'duplicate heading "\u001b[31mRed\u001b[0m\u0007": tab\tkept' })]);
    expect(parseWorkflowCommand(formatGithub(hostile).split('\n')[0]!).message).toBe('duplicate heading "\uFFFD[31mRed\uFFFD[0m\uFFFD": tab\tkept');
  });

  it('prints nothing for a clean report', () => {
    expect(formatGithub(EMPTY_REPORT)).toBe('');
  });
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A small strict XML 1.0 parser, enough to prove the JUnit output is
 * well-formed: allowed characters only, balanced and matching tags, quoted
 * unique attributes, no `<` in attribute values, only known references.
 * Applies the normalisation real parsers do (CR LF → LF; raw whitespace in
 * attribute values → space), so the test sees what a CI dashboard sees.
 */
function parseXml(xml: string): XmlElement {
  const bad = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (bad) throw new Error(`character XML forbids: U+${bad[0].codePointAt(0)!.toString(16)}`);
  const decode = (raw: string, attribute: boolean): string => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`bad reference in ${raw}`);
    let text = raw.replace(/\r\n?/g, '\n');
    if (attribute) text = text.replace(/[\t\n]/g, ' ');
    return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, ref: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (named[ref] !== undefined) return named[ref];
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const char = String.fromCodePoint(code);
      if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(char)) throw new Error(`reference to forbidden character ${ref}`);
      return char;
    });
  };
  let at = 0;
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(xml);
  if (declaration) at = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < xml.length) {
    if (xml[at] !== '<') {
      const end = xml.indexOf('<', at) === -1 ? xml.length : xml.indexOf('<', at);
      const raw = xml.slice(at, end);
      if (raw.includes(']]>')) throw new Error(']]> in text');
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (raw.trim() !== '') throw new Error(`text outside the root: ${raw}`);
      } else parent.text += decode(raw, false);
      at = end;
      continue;
    }
    const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(xml.slice(at));
    if (close) {
      const open = stack.pop();
      if (open?.name !== close[1]) throw new Error(`</${close[1]}> closes <${open?.name}>`);
      at += close[0].length;
      continue;
    }
    const tag = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(at));
    if (tag === null) throw new Error(`malformed markup at ${at}: ${xml.slice(at, at + 40)}`);
    const element: XmlElement = { name: tag[1]!, attributes: {}, children: [], text: '' };
    for (const [, name, value] of tag[2]!.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*("[^"]*"|'[^']*')/g)) {
      if (name! in element.attributes) throw new Error(`duplicate attribute ${name}`);
      element.attributes[name!] = decode(value!.slice(1, -1), true);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root === null) root = element;
    else throw new Error('two root elements');
    if (tag[3] !== '/') stack.push(element);
    at += tag[0].length;
  }
  if (stack.length > 0 || root === null) throw new Error('unclosed elements or no root');
  return root;
}

describe('formatJunit', () => {
  it('is well-formed XML with one test case per file, failed by its errors in one failure; warnings and infos in its output', () => {
    const xml = formatJunit(SAMPLE_REPORT);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '3', failures: '2', errors: '0' });
    expect(root.children).toHaveLength(1);
    const suite = root.children[0]!;
    expect(suite.name).toBe('testsuite');
    expect(suite.attributes).toMatchObject({ name: 'specfill check', tests: '3', failures: '2', errors: '0' });
    expect(suite.children.map((c) => [c.name, c.attributes.classname, c.attributes.name])).toEqual([
      ['testcase', PAYMENTS, PAYMENTS],
      ['testcase', RESUME, RESUME],
      ['testcase', 'specs/clean.md', 'specs/clean.md'],
    ]);
    const [payments, resume, clean] = suite.children;
    const failures = (c: XmlElement | undefined): XmlElement[] => c!.children.filter((e) => e.name === 'failure');
    expect(failures(payments).map((f) => f.attributes)).toEqual([
      { type: 'unfilled-placeholder', message: 'Placeholder "architecture/data-model" is still open: entities & <relationships>' },
    ]);
    expect(failures(payments)[0]!.text).toBe(
      'specs/payments api.md:12:1 error Placeholder "architecture/data-model" is still open: entities & <relationships> (unfilled-placeholder)',
    );
    // The warning and the info are reported, but do not fail the file: they do not fail the run.
    expect(payments!.children.find((e) => e.name === 'system-out')?.text).toBe([
      "specs/payments api.md:20:1 warning Section \"Risks, Mitigations\" is empty\nWrite at least one sentence; 'TBD' doesn't count. (empty-section)",
      'specs/payments api.md:1:1 info Template tech-spec@1 is 50% behind: run `specfill sync` (template-drift)',
    ].join('\n'));
    // CR LF inside a message survives as written, in the attribute and in the text.
    expect(failures(resume)[0]!.attributes.message).toBe("Status 'draft' isn't one of: \"proposed\", \"accepted\"\r\n100% sure.");
    expect(failures(resume)[0]!.text).toBe(`${RESUME}:3:9 error Status 'draft' isn't one of: "proposed", "accepted"\r\n100% sure. (front-matter-status)`);
    expect(clean!.children).toEqual([]);
  });

  it('gives a file of several errors one failure naming its rules and listing every error (JUnit allows one per test case)', () => {
    const report = reportOf('a.md', [
      finding(3, 1, 3, 5, { rule: 'missing-section', message: 'section "Goals" is missing' }),
      finding(9, 1, 9, 5, { rule: 'empty-section', message: 'section "Risks" is empty' }),
      finding(12, 1, 12, 5, { rule: 'missing-section', message: 'section "Notes" is missing' }),
    ]);
    const testcase = parseXml(formatJunit(report)).children[0]!.children[0]!;
    expect(testcase.children.map((e) => [e.name, e.attributes])).toEqual([
      ['failure', { type: 'missing-section, empty-section', message: '3 errors; the first: section "Goals" is missing' }],
    ]);
    expect(testcase.children[0]!.text.split('\n')).toEqual([
      'a.md:3:1 error section "Goals" is missing (missing-section)',
      'a.md:9:1 error section "Risks" is empty (empty-section)',
      'a.md:12:1 error section "Notes" is missing (missing-section)',
    ]);
  });

  it('with --max-warnings, more warnings than that fail a test case of their own, as they fail the run (code review)', () => {
    const report = reportOf('a.md', [finding(3, 1, 3, 5, { rule: 'broken-link', severity: 'warning', message: 'link to nope.md: no such file' })]);
    const within = parseXml(formatJunit(report, { maxWarnings: 1 }));
    // The test case is there when the limit holds too: a dashboard counts the same tests from run to run (reporters QA).
    expect(within.attributes).toMatchObject({ tests: '2', failures: '0' });
    const passed = within.children[0]!.children[1]!;
    expect([passed.attributes, passed.children.map((c) => c.name)]).toEqual([{ classname: 'specfill', name: '--max-warnings 1' }, ['system-out']]);
    expect(parseXml(formatJunit(report)).attributes).toMatchObject({ tests: '1' });
    const over = parseXml(formatJunit(report, { maxWarnings: 0 }));
    expect(over.attributes).toMatchObject({ tests: '2', failures: '1', errors: '0' });
    const gate = over.children[0]!.children[1]!;
    expect([gate.attributes, gate.children.map((c) => [c.name, c.attributes])]).toEqual([
      { classname: 'specfill', name: '--max-warnings 0' },
      [['failure', { type: 'max-warnings', message: '1 warning, more than --max-warnings 0' }]],
    ]);
  });

  it('removes characters XML 1.0 forbids and escapes markup everywhere', () => {
    const nasty = reportOf('a&b<c>"\'.md', [
      finding(1, 1, 1, 2, { rule: 'x<y', message: 'nul\u0000 esc\u001b ff\uFFFF lone\uD800 ok\u{1F600} </failure><x>' }),
    ]);
    const xml = formatJunit(nasty);
    const failure = parseXml(xml).children[0]!.children[0]!.children[0]!;
    expect(failure.attributes).toEqual({ type: 'x<y', message: 'nul esc ff lone ok\u{1F600} </failure><x>' });
    expect(parseXml(xml).children[0]!.children[0]!.attributes.name).toBe('a&b<c>"\'.md');
  });

  it('reports an empty run as zero tests', () => {
    const root = parseXml(formatJunit(EMPTY_REPORT));
    expect(root.attributes).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(root.children[0]!.children).toEqual([]);
  });
});

/** The official SARIF 2.1.0 schema from `@microsoft/jest-sarif`, compiled with Ajv. */
function sarifValidator(): (data: unknown) => { valid: boolean; errors: unknown } {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // The file is written as draft-04 (`id`, `$schema` draft-04), which Ajv 8
  // does not load; every keyword it uses means the same in draft-07, once
  // the draft-04-only boolean `exclusiveMinimum`/`exclusiveMaximum` are
  // known to be absent, so it is validated as draft-07.
  expect(JSON.stringify(schema)).not.toMatch(/"exclusive(Minimum|Maximum)"/);
  const { $schema, id, ...rest } = schema;
  expect($schema).toBe('http://json-schema.org/draft-04/schema#');
  // unicodeRegExp off: the schema's `language` pattern has a stray `]`,
  // a syntax error under the `u` flag but a literal `]` without it.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile({ ...rest, $id: id as string });
  return (data) => ({ valid: validate(data), errors: validate.errors });
}

describe('formatSarif', () => {
  const validate = sarifValidator();

  it('validates against the SARIF 2.1.0 schema, with findings and empty', () => {
    for (const report of [SAMPLE_REPORT, EMPTY_REPORT]) {
      for (const options of [SARIF_OPTIONS, { ...SARIF_OPTIONS, helpUriBase: 'https://example.org/docs/checks/', srcRootUri: 'file:///repo' }]) {
        const result = validate(JSON.parse(formatSarif(report, options)));
        expect(result.errors).toBeNull();
        expect(result.valid).toBe(true);
      }
    }
  });

  it('every format reports the files that could not be checked, so CI does not look clean', async () => {
    const dir = tempProject({
      'specs/ok.md': '# Ok\n\nTODO\n',
      'specs/bin.md': new Uint8Array([0x23, 0x20, 0x00]),
      'specs/utf.md': new Uint8Array([0x23, 0x20, 0x54, 0x0a, 0x0a, 0x61, 0xff, 0x0a]),
    });
    const run = async (format: string) => {
      const r = await runCli(dir, 'check', '--format', format);
      expect(r.code, format).toBe(2);
      return r.stdout;
    };
    const json = JSON.parse(await run('json'));
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['specs/ok.md']);
    expect(json.failures).toEqual([
      { path: 'specs/bin.md', code: 'BINARY_FILE', message: 'is a binary file (it contains a NUL byte), not Markdown text', line: 1, column: 3 },
      { path: 'specs/utf.md', code: 'INVALID_UTF8', message: 'is not valid UTF-8 (bad byte 0xff)', line: 3, column: 2 },
    ]);
    const sarif = JSON.parse(await run('sarif'));
    expect(validate(sarif).errors).toBeNull();
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { descriptor: { id: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [n.descriptor.id, n.locations[0]!.physicalLocation.artifactLocation.uri]))
      .toEqual([['BINARY_FILE', 'specs/bin.md'], ['INVALID_UTF8', 'specs/utf.md']]);
    const github = await run('github');
    expect(github).toContain('::error file=specs/bin.md,line=1,col=3,title=specfill could not check this file (BINARY_FILE)::is a binary file');
    expect(github).toContain('::error file=specs/utf.md,line=3,col=2,title=specfill could not check this file (INVALID_UTF8)::is not valid UTF-8 (bad byte 0xff)');
    const junit = parseXml(await run('junit'));
    expect(junit.attributes).toMatchObject({ tests: '3', failures: '0', errors: '2' });
    const gitlab = JSON.parse(await run('gitlab')) as Array<{ check_name: string; severity: string; location: { path: string; lines: { begin: number } } }>;
    expect(gitlab.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['leftover-marker', 'minor', 'specs/ok.md', 3], ['file-error', 'critical', 'specs/bin.md', 1], ['file-error', 'critical', 'specs/utf.md', 3],
    ]);
    // Without failures, the JSON report has no failures key at all (the documented contract).
    const clean = JSON.parse((await runCli(dir, 'check', 'specs/ok.md', '--format', 'json')).stdout);
    expect(Object.keys(clean)).toEqual(['version', 'files', 'summary']);
  });

  it('the validator does reject broken SARIF', () => {
    const sarif = JSON.parse(formatSarif(SAMPLE_REPORT, SARIF_OPTIONS));
    sarif.runs[0].results[0].level = 'fatal';
    expect(validate(sarif).valid).toBe(false);
    const noMessage = JSON.parse(formatSarif(SAMPLE_REPORT, SARIF_OPTIONS));
    delete noMessage.runs[0].results[0].message;
    expect(validate(noMessage).valid).toBe(false);
  });

  it('describes the tool and its rules', () => {
    const sarif = JSON.parse(formatSarif(SAMPLE_REPORT, { ...SARIF_OPTIONS, helpUriBase: 'https://example.org/docs/checks' }));
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%']).toBeDefined();
    expect(run.tool.driver).toMatchObject({ name: 'specfill', version: '0.1.0' });
    expect(typeof run.tool.driver.informationUri).toBe('string');
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'unfilled-placeholder',
      name: 'UnfilledPlaceholder',
      shortDescription: { text: 'Every AGENT_PLACEHOLDER must be replaced.' },
      helpUri: 'https://example.org/docs/checks/unfilled-placeholder.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(run.tool.driver.rules.map((r: { defaultConfiguration: { level: string } }) => r.defaultConfiguration.level)).toEqual([
      'error',
      'warning',
      'note',
      'error',
      'none',
    ]);
    expect(JSON.parse(formatSarif(SAMPLE_REPORT, SARIF_OPTIONS)).runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
  });

  it('gives each result its rule index, level, message and an encoded location', () => {
    const run = JSON.parse(formatSarif(SAMPLE_REPORT, SARIF_OPTIONS)).runs[0];
    const results = run.results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: object } }[];
    }[];
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['unfilled-placeholder', 'error'],
      ['empty-section', 'warning'],
      ['template-drift', 'note'],
      ['front-matter-status', 'error'],
    ]);
    for (const r of results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(results.map((r) => r.ruleIndex)).toEqual([0, 1, 2, 3]);
    expect(results[1]!.message.text).toBe(SAMPLE_REPORT.files[0]!.findings[1]!.message);
    expect(results[1]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'specs/payments%20api.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 20, startColumn: 1, endLine: 22, endColumn: 1 },
    });
    expect(results[3]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/%C3%BCber/r%C3%A9sum%C3%A9%2C%20v2%3A%20100%25.md');
  });

  it('adds a descriptor for a rule missing from the list, so ruleIndex stays valid', () => {
    const report = reportOf('a.md', [finding(1, 1, 1, 2, { rule: 'custom-rule' }), finding(2, 1, 2, 2, { rule: 'empty-section' })]);
    const sarif = JSON.parse(formatSarif(report, SARIF_OPTIONS));
    const rules = sarif.runs[0].tool.driver.rules as { id: string }[];
    expect(rules.map((r) => r.id)).toEqual([...SAMPLE_RULES.map((r) => r.id), 'custom-rule']);
    expect(sarif.runs[0].results.map((r: { ruleIndex: number }) => r.ruleIndex)).toEqual([5, 1]);
    expect(validate(sarif).valid).toBe(true);
  });

  it('keeps fingerprints when lines move, and tells different findings apart', () => {
    const at = (line: number, extra: Partial<Finding> = {}): Finding =>
      finding(line, 1, line, 30, { sectionId: 'architecture/data-model', placeholder: 'architecture/data-model', ...extra });
    const prints = (report: CheckReport): string[] =>
      JSON.parse(formatSarif(report, SARIF_OPTIONS)).runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[SARIF_FINGERPRINT_KEY],
      );
    const before = prints(reportOf('specs/a.md', [at(10), at(14, { sectionId: 'api', placeholder: 'api' })]));
    const after = prints(reportOf('specs/a.md', [at(17), at(21, { sectionId: 'api', placeholder: 'api' })]));
    expect(after).toEqual(before);
    expect(before[0]).toMatch(/^[0-9a-f]{32}:1$/);
    expect(before[0]).not.toBe(before[1]);
    expect(prints(reportOf('specs/b.md', [at(10)]))[0]).not.toBe(before[0]);
    expect(prints(reportOf('specs/a.md', [at(10, { rule: 'other' })]))[0]).not.toBe(before[0]);
    expect(prints(reportOf('specs/a.md', [at(10, { message: 'other' })]))[0]).not.toBe(before[0]);
    // A message that names a place moves with it: the same alert (qa: duplicate-heading's "the same as line 3").
    const named = (line: number, place: string) => prints(reportOf('specs/a.md', [at(line, { rule: 'duplicate-heading', message: `duplicate heading "Notes": the same as ${place}` })]))[0];
    expect([named(7, 'line 3'), named(9, 'line 5 (the code block on lines 9–95, at 12:3)')]).toEqual([named(7, 'line 3'), named(9, 'line 3 (the code block on lines 1–2, at 1:1)')]);
    expect(named(7, 'line 3')).not.toBe(named(7, 'heading 3'));
    // Two identical findings in one file stay two alerts.
    const twins = prints(reportOf('specs/a.md', [at(3), at(9)]));
    expect(twins[0]!.replace(/:1$/, ':2')).toBe(twins[1]);
  });

  it('states the source root when it is known', () => {
    const run = JSON.parse(formatSarif(EMPTY_REPORT, { ...SARIF_OPTIONS, srcRootUri: 'file:///home/ci/repo' })).runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/ci/repo/' } });
    expect(run.results).toEqual([]);
  });
});

describe('formatPretty', () => {
  const small = reportOf('specs/a.md', [
    finding(4, 1, 5, 1, { rule: 'empty-section', severity: 'warning', message: 'Section is empty' }),
    finding(2, 2, 2, 12),
  ]);
  // CRLF endings and a tab before the placeholder.
  const sources = new Map([['specs/a.md', '# Title\r\n\t<!-- x -->\r\n\r\n## Risks\r\n\r\n']]);
  const expected = [
    'specs/a.md',
    '  specs/a.md:2:2  error    Placeholder is still open  unfilled-placeholder',
    '    2 |     <!-- x -->',
    '      |     ^~~~~~~~~~',
    '  specs/a.md:4:1  warning  Section is empty           empty-section',
    '    4 | ## Risks',
    '      | ^~~~~~~~',
    '',
    '✖ 1 error, 1 warning in 1 of 1 file',
    '',
  ].join('\n');

  it('prints aligned rows, code frames and a summary, without colour', () => {
    expect(formatPretty(small, { color: false, sources })).toBe(expected);
  });

  it('colours severities, rule ids and the header when asked, and only then', () => {
    const colored = formatPretty(small, { color: true, sources });
    expect(colored).toContain('\x1b[31merror  \x1b[39m');
    expect(colored).toContain('\x1b[33mwarning\x1b[39m');
    expect(colored).toContain('\x1b[2munfilled-placeholder\x1b[22m');
    expect(colored).toContain('\x1b[1m');
    expect(stripAnsi(colored)).toBe(expected);
    const info = formatPretty(reportOf('a.md', [finding(1, 1, 1, 2, { severity: 'info' })]), { color: true });
    expect(info).toContain('\x1b[34minfo\x1b[39m');
    expect(formatPretty(SAMPLE_REPORT, { color: false })).not.toContain('\x1b');
  });

  it('groups the sample by file, continues multi-line messages and counts every severity', () => {
    expect(formatPretty(SAMPLE_REPORT, { color: false })).toBe(
      [
        'specs/payments api.md',
        '  specs/payments api.md:1:1   info     Template tech-spec@1 is 50% behind: run `specfill sync`                          template-drift',
        '  specs/payments api.md:12:1  error    Placeholder "architecture/data-model" is still open: entities & <relationships>  unfilled-placeholder',
        '  specs/payments api.md:20:1  warning  Section "Risks, Mitigations" is empty                                            empty-section',
        "                                       Write at least one sentence; 'TBD' doesn't count.",
        '',
        'docs/über/résumé, v2: 100%.md',
        `  docs/über/résumé, v2: 100%.md:3:9  error  Status 'draft' isn't one of: "proposed", "accepted"  front-matter-status`,
        '                                            100% sure.',
        '',
        '✖ 2 errors, 1 warning, 1 info in 2 of 3 files',
        '',
      ].join('\n'),
    );
  });

  it('gives findings on the very same span one code frame, under the last, in the colour of the most severe', () => {
    const at = { rule: 'missing-section' } as const;
    const report = reportOf('a.md', [
      finding(3, 1, 3, 8, { ...at, severity: 'warning', message: 'missing A' }),
      finding(3, 1, 3, 8, { ...at, message: 'missing B' }),
      finding(3, 1, 3, 5, { message: 'other span' }),
    ]);
    const sources = new Map([['a.md', '# T\n\n## Next\n']]);
    expect(formatPretty(report, { color: false, sources }).split('\n').slice(1, 8)).toEqual([
      '  a.md:3:1  warning  missing A   missing-section',
      '  a.md:3:1  error    missing B   missing-section',
      '    3 | ## Next',
      '      | ^~~~~~~',
      '  a.md:3:1  error    other span  unfilled-placeholder',
      '    3 | ## Next',
      '      | ^~~~',
    ]);
    expect(formatPretty(report, { color: true, sources }).split('\n')[4]).toContain('\x1b[31m^~~~~~~');
  });

  it('pads the message column to 80 cells at most: one long message does not widen every row', () => {
    const long = `missing section "${'Will enabling this feature result in more calls? '.repeat(3).trim()}" from template kep@1`;
    const rows = formatPretty(reportOf('a.md', [finding(1, 1, 1, 2, { message: 'short', rule: 'r1' }), finding(2, 1, 2, 2, { message: long, rule: 'r2' })]), { color: false }).split('\n');
    expect(rows[1]).toBe(`  a.md:1:1  error  ${'short'.padEnd(80)}  r1`);
    expect(rows[2]).toBe(`  a.md:2:1  error  ${long}  r2`);
  });

  it('counts the files with findings of the files checked, as the GitHub step summary does (blind QA: "1 error in 2 files" when one of two had it)', () => {
    const oneOfTwo: CheckReport = { version: 1, files: [reportOf('a.md', [finding(1, 1, 1, 2)]).files[0]!, reportOf('clean.md', []).files[0]!], summary: { files: 2, errors: 1, warnings: 0, infos: 0 } };
    expect(formatPretty(oneOfTwo, { color: false }).split('\n').at(-2)).toBe('✖ 1 error in 1 of 2 files');
    const step = new GithubStepSummary();
    for (const file of oneOfTwo.files) step.add(file);
    expect(step.markdown(oneOfTwo.summary, 0).split('\n')[2]).toBe('✖ 1 error, 0 warnings in 1 of 2 files');
    // A file with only infos has findings too, in both.
    const withInfo: CheckReport = { ...oneOfTwo, files: [...oneOfTwo.files, reportOf('b.md', [finding(1, 1, 1, 2, { severity: 'info' })]).files[0]!], summary: { files: 3, errors: 1, warnings: 0, infos: 1 } };
    const both = new GithubStepSummary();
    for (const file of withInfo.files) both.add(file);
    expect([formatPretty(withInfo, { color: false }).split('\n').at(-2), both.markdown(withInfo.summary, 0).split('\n')[2]]).toEqual([
      '✖ 1 error, 1 info in 2 of 3 files', '✖ 1 error, 0 warnings, 1 notice in 2 of 3 files',
    ]);
  });

  it('says so when there is nothing to fix', () => {
    expect(formatPretty({ ...EMPTY_REPORT, summary: { files: 5, errors: 0, warnings: 0, infos: 0 } }, { color: false })).toBe(
      '✔ no problems in 5 files\n',
    );
    const onlyInfo = reportOf('a.md', [finding(1, 1, 1, 2, { severity: 'info', message: 'fyi' })]);
    expect(formatPretty(onlyInfo, { color: false }).split('\n').at(-2)).toBe('✔ no problems in 1 file (1 info)');
  });

  it('frames a BOM file, lone-CR endings, and leaves out lines the source does not have', () => {
    const bom = reportOf('b.md', [finding(1, 1, 1, 3), finding(3, 2, 3, 3), finding(9, 1, 9, 2)]);
    const out = formatPretty(bom, { color: false, sources: new Map([['b.md', '\uFEFFab\rcd\rxyz']]) }).split('\n');
    expect(out.slice(1, 10)).toEqual([
      '  b.md:1:1  error  Placeholder is still open  unfilled-placeholder',
      '    1 | ab',
      '      | ^~',
      '  b.md:3:2  error  Placeholder is still open  unfilled-placeholder',
      '    3 | xyz',
      '      |  ^',
      '  b.md:9:1  error  Placeholder is still open  unfilled-placeholder',
      '',
      '✖ 3 errors in 1 of 1 file',
    ]);
  });

  it('shows control characters in files and messages as visible stand-ins', () => {
    const report = reportOf('c.md', [finding(1, 1, 1, 5, { message: 'bad \x1b[2J heading' })]);
    const out = formatPretty(report, { color: false, sources: new Map([['c.md', '\x1b[31mred\u202Eevil']]) });
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\u202E');
    expect(out).toContain('bad ␛[2J heading');
    expect(out).toContain('    1 | ␛[31mred�evil\n      | ^~~~\n');
  });
});

describe('renderCodeFrame', () => {
  it('frames a span in a line of megabytes from the text around it, the same frame as ever (blind QA: a 10 MB line took gigabytes)', () => {
    const line = `${'a'.repeat(2_999_999)}TODO${'b'.repeat(3_000_000)}`;
    const frame = renderCodeFrame(line, { line: 1, column: 3_000_000, endLine: 1, endColumn: 3_000_004 }, { gutterWidth: 1 });
    expect(frame).toEqual([`1 | …${'a'.repeat(19)}TODO${'b'.repeat(75)}…`, `  | ${' '.repeat(20)}^~~~`]);
    // At either end, and over a line break, as before.
    expect(renderCodeFrame(line, { line: 1, column: 1, endLine: 2, endColumn: 1 }, { gutterWidth: 1 })).toEqual([`1 | ${'a'.repeat(99)}…`, `  | ^${'~'.repeat(98)}`]);
    expect(renderCodeFrame(`${line}🚀`, { line: 1, column: line.length + 1, endLine: 1, endColumn: line.length + 3 }, { gutterWidth: 1 })[0]).toBe(`1 | …${'b'.repeat(97)}🚀`);
    // Prepared whole, each such line took over a second (and a gigabyte at 10 MB): four of them pass the limit below.
    for (const end of ['c', 'd', 'e', 'f']) {
      expect(renderCodeFrame(`${line}${end}`, { line: 1, column: 3_000_000, endLine: 1, endColumn: 3_000_004 }, { gutterWidth: 1 })[1]).toBe(`  | ${' '.repeat(20)}^~~~`);
    }
  }, 2_000);

  it('puts the marker under the span after emoji and wide characters, each two cells (blind QA: 🚀)', () => {
    for (const lead of ['🚀🚀 ', '✅ ', '漢字 ', '⌚ ']) {
      const line = `${lead}TODO here`;
      const column = lead.length + 1;
      const [source, marker] = renderCodeFrame(line, { line: 1, column, endLine: 1, endColumn: column + 4 }, { gutterWidth: 1 });
      const cells = [...lead].length * 2 - 1;
      expect(source, lead).toBe(`1 | ${line}`);
      expect(marker, lead).toBe(`  | ${' '.repeat(cells)}^~~~`);
    }
    // A flag is two cells, as is an emoji with a skin tone (code review).
    for (const lead of ['🇺🇸 ', '👍🏽 ']) {
      const column = lead.length + 1;
      expect(renderCodeFrame(`${lead}TODO`, { line: 1, column, endLine: 1, endColumn: column + 4 }, { gutterWidth: 1 })[1], lead).toBe('  |    ^~~~');
    }
    // Text-style symbols stay one cell.
    expect(renderCodeFrame('❤ TODO', { line: 1, column: 3, endLine: 1, endColumn: 7 }, { gutterWidth: 1 })[1]).toBe('  |   ^~~~');
    // With the emoji variation selector they are emoji, two cells: `⚠️`, `❤️`, a keycap `1️⃣` (LLM QA: one column short).
    for (const lead of ['⚠️ ', '❤️ ', '1️⃣ ']) {
      const column = lead.length + 1;
      expect(renderCodeFrame(`${lead}TODO`, { line: 1, column, endLine: 1, endColumn: column + 4 }, { gutterWidth: 1 })[1], lead).toBe('  |    ^~~~');
    }
    // A selector after a character that is no emoji, or after a wide one, adds nothing.
    expect(renderCodeFrame('a\uFE0F TODO', { line: 1, column: 4, endLine: 1, endColumn: 8 }, { gutterWidth: 1 })[1]).toBe('  |   ^~~~');
    expect(renderCodeFrame('🚀\uFE0F TODO', { line: 1, column: 5, endLine: 1, endColumn: 9 }, { gutterWidth: 1 })[1]).toBe('  |    ^~~~');
  });

  it('frames 20,000 findings on one 160 KB line without walking the line for each (hostile input)', () => {
    const line = '[x](#a) '.repeat(20_000);
    const findings = Array.from({ length: 20_000 }, (_, k) => finding(1, k * 8 + 1, 1, k * 8 + 8, { rule: 'broken-link', severity: 'warning', message: 'link to #a: no heading in this document has that anchor' }));
    const out = formatPretty(reportOf('a.md', findings), { color: false, sources: new Map([['a.md', line]]) }).split('\n');
    expect(out).toHaveLength(1 + 3 * 20_000 + 3);
    // The last finding's frame: the end of the line, cropped, the marker under its link.
    expect(out[3 * 20_000 - 1]).toMatch(/^ {4}1 \| ….*\[x\]\(#a\) $/);
    expect(out[3 * 20_000]).toMatch(/^ {4} {2}\| +\^~{6}$/);
  });

  it('draws the window the same as walking the whole line would, on any line (wide, zero-width, tabs, controls)', () => {
    // The straightforward whole-line walk the window walk replaced, kept as the reference.
    const reference = (line: string, span: Parameters<typeof renderCodeFrame>[1], maxWidth: number): string => {
      const chars = toVisibleChars(line);
      const offsets: number[] = [];
      let total = 0;
      for (const c of chars) {
        for (let i = 0; i < c.units; i++) offsets.push(total);
        total += c.width;
      }
      offsets.push(total);
      const start = offsets[Math.min(Math.max(span.column - 1, 0), line.length)]!;
      let from = 0;
      let to = total;
      if (total > maxWidth) {
        from = Math.max(0, Math.min(start - 20, total - maxWidth));
        to = from + maxWidth;
        if (from > 0) from += 1;
        if (to < total) to -= 1;
      }
      let text = from > 0 ? '…' : '';
      let cell = 0;
      for (const c of chars) {
        const after = cell + c.width;
        if (cell >= from && after <= to) text += c.text;
        else if (cell < from && after > from) text += ' '.repeat(Math.min(after, to) - from);
        else if (cell < to && after > to) text += ' '.repeat(to - cell);
        cell = after;
      }
      return to < total ? `${text}…` : text;
    };
    const piece = fc.constantFrom('a', 'b', ' ', '\t', '漢', '\u0301', '\u200b', '\u0007', '😀', '\u202e', 'é');
    fc.assert(fc.property(fc.array(piece, { maxLength: 120 }), fc.nat(130), fc.nat(20), fc.integer({ min: 5, max: 60 }), (pieces, column, length, maxWidth) => {
      const line = pieces.join('');
      const span = { line: 1, column: column + 1, endLine: 1, endColumn: column + 1 + length };
      const text = renderCodeFrame(line, span, { gutterWidth: 1, maxWidth })[0].replace(/^1 \| ?/, '');
      expect(text).toBe(reference(line, span, maxWidth));
    }), { numRuns: 2000 });
  });

  const frame = (line: string, span: Parameters<typeof renderCodeFrame>[1], maxWidth?: number): [string, string] =>
    renderCodeFrame(line, span, { gutterWidth: 2, maxWidth });
  /** Cell where the marker starts must be the cell where `needle` starts in the text row. */
  const markerUnder = ([text, marker]: [string, string], needle: string): void => {
    const cells = (s: string): number => [...s].reduce((n, c) => n + (/[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(cells(text.slice(0, text.indexOf(needle)))).toBe(cells(marker.slice(0, marker.indexOf('^'))));
  };

  it('crops a long line around the span, with ellipses, keeping the marker under it', () => {
    const line = 'a'.repeat(150) + 'TARGET' + 'b'.repeat(144);
    const rows = frame(line, { line: 7, column: 151, endLine: 7, endColumn: 157 }, 60);
    expect(rows[0]).toBe(` 7 | …${'a'.repeat(19)}TARGET${'b'.repeat(33)}…`);
    expect(rows[1]).toBe(`   | ${' '.repeat(20)}^~~~~~`);
    markerUnder(rows, 'TARGET');
  });

  it('crops only the end when the span is near the start, and only the start near the end', () => {
    const line = 'x'.repeat(200);
    expect(frame(line, { line: 1, column: 3, endLine: 1, endColumn: 4 }, 50)[0]).toBe(` 1 | ${'x'.repeat(49)}…`);
    const tail = frame(line, { line: 1, column: 200, endLine: 1, endColumn: 201 }, 50);
    expect(tail[0]).toBe(` 1 | …${'x'.repeat(49)}`);
    expect(tail[1]).toBe(`   | ${' '.repeat(49)}^`);
  });

  it('marks a span over several lines to the end of its first line, and a cropped one to the edge', () => {
    expect(frame('## Data Model', { line: 3, column: 4, endLine: 6, endColumn: 1 })[1]).toBe(`   |    ^${'~'.repeat(9)}`);
    const long = frame('y'.repeat(10) + 'z'.repeat(100), { line: 3, column: 11, endLine: 4, endColumn: 1 }, 40);
    expect(long[1]).toBe(`   | ${' '.repeat(10)}^${'~'.repeat(28)}`);
  });

  it('counts columns in UTF-16 units and places the marker by terminal cells', () => {
    const rows = frame('日本語 \t<!-- x --> 😀', { line: 1, column: 6, endLine: 1, endColumn: 16 });
    expect(rows[0]).toBe(' 1 | 日本語  <!-- x --> 😀');
    expect(rows[1]).toBe(`   | ${' '.repeat(8)}^~~~~~~~~~`);
  });

  it('points after the last character for an empty or out-of-range span', () => {
    expect(frame('abc', { line: 1, column: 2, endLine: 1, endColumn: 2 })[1]).toBe('   |  ^');
    expect(frame('abc', { line: 1, column: 9, endLine: 1, endColumn: 12 })[1]).toBe('   |    ^');
    expect(frame('', { line: 1, column: 1, endLine: 2, endColumn: 1 })).toEqual([' 1 |', '   | ^']);
  });
});

describe('formatReport', () => {
  const options = { color: false, ...SARIF_OPTIONS };

  it('lists the formats, pretty first, and recognises only them', () => {
    expect(REPORT_FORMATS).toEqual(['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit']);
    expect(REPORT_FORMATS.every(isReportFormat)).toBe(true);
    expect(isReportFormat('xml')).toBe(false);
  });

  it('dispatches each format to its reporter', () => {
    expect(formatReport('pretty', SAMPLE_REPORT, options)).toBe(formatPretty(SAMPLE_REPORT, options));
    expect(formatReport('json', SAMPLE_REPORT, options)).toBe(formatJson(SAMPLE_REPORT));
    expect(formatReport('sarif', SAMPLE_REPORT, options)).toBe(formatSarif(SAMPLE_REPORT, options));
    expect(formatReport('github', SAMPLE_REPORT, options)).toBe(formatGithub(SAMPLE_REPORT));
    expect(formatReport('junit', SAMPLE_REPORT, options)).toBe(formatJunit(SAMPLE_REPORT));
  });
});

describe('colour', () => {
  it('follows FORCE_COLOR, then a non-empty NO_COLOR, then whether the output is a terminal', async () => {
    const { wantsColor } = await import('../src/cli/context.js');
    expect(wantsColor(true, {})).toBe(true);
    expect(wantsColor(false, {})).toBe(false);
    expect(wantsColor(true, { TERM: 'dumb' })).toBe(false);
    expect(wantsColor(true, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: an empty NO_COLOR is as if unset.
    expect(wantsColor(true, { NO_COLOR: '' })).toBe(true);
    for (const off of ['0', 'false']) expect(wantsColor(true, { FORCE_COLOR: off })).toBe(false);
    for (const on of ['1', '2', '3', 'true', '']) expect(wantsColor(false, { FORCE_COLOR: on, NO_COLOR: '1' })).toBe(true);
  });

  it('colours the pretty report through a pipe when FORCE_COLOR asks, and not otherwise', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('./helpers/run-cli.js');
    const dir = tempProject({ 'specs/a.md': '# A\n\nTODO\n' });
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [BIN, 'check'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } }).stdout;
    expect(run({ FORCE_COLOR: '1' })).toContain('\u001b[');
    expect(run({})).not.toContain('\u001b[');
    expect(run({ FORCE_COLOR: '0' })).not.toContain('\u001b[');
  });
});
