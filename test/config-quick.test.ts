// A valid config is accepted without loading zod (issue #3: a one-file
// `check` under 150 ms). The quick check may say "unsure" as often as it
// likes, but must never accept what zod refuses, nor hide a repeated key.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configSchema, validateConfig } from '../src/core/config.js';
import { hasDuplicateKeys } from '../src/core/json-duplicate-keys.js';
import { surelyAccepts } from '../src/core/json-schema-accepts.js';
import type { SpecfillError } from '../src/core/errors.js';
import { loadConfig } from '../src/io/load-config.js';
import { findProjectRoot } from '../src/io/project-root.js';
import { RULES } from '../src/core/checks/index.js';
import { runCli, tempProject } from './helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schema', 'config.schema.json'), 'utf8')) as unknown;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

// Values near the schema: its keys, its enum words, and the edges of its numbers and strings.
const KEYS = ['specs', 'ignore', 'templatesDir', 'templates', 'statuses', 'transitions', 'gates', 'rules', 'maxFileBytes', 'agent',
  'provider', 'model', 'baseURL', 'timeoutSeconds', 'answerRetries', 'prices', 'severity', 'options', 'markers', '$schema', 'x',
  'leftover-marker', 'broken-link', 'draft', 'review', 'gpt-4o', 'overrides', 'files'];
const WORDS = ['', 'error', 'warning', 'info', 'off', 'loud', 'openai', 'anthropic', 'openai-compatible', 'draft', 'review',
  'approved', 'http://127.0.0.1:11434/v1', ' http://x', 'http://a\nb', 'not a url', 'specs/**/*.md', '\\bTODO\\b', '(', 'x*'];
const NUMBERS = [0, 1, 2, 10, 11, -1, 1.5, 2 ** 53, 1e21, Number.POSITIVE_INFINITY, Number.NaN];
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...WORDS),
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(true, false, null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const config = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 5 });

describe('the quick config check', () => {
  it('never accepts what zod refuses, and accepts data as zod returns it', () => {
    let accepted = 0;
    fc.assert(fc.property(config, (data) => {
      if (!surelyAccepts(SCHEMA, data)) return;
      accepted++;
      const parsed = configSchema.safeParse(data);
      expect(parsed.success, JSON.stringify(data)).toBe(true);
      expect(parsed.data).toEqual(data);
    }), { numRuns: 4000 });
    // Not a vacuous pass: plenty of generated configs take the quick way.
    expect(accepted).toBeGreaterThan(200);
  });

  it('accepts the README\'s config example and the usual small configs, so they load no validator', () => {
    const example = parse(/#### Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(README)![1]!) as unknown;
    for (const data of [example, {}, { specs: ['specs/**/*.md'], rules: { 'leftover-marker': 'off' } },
      { templates: { 'keps/**/README.md': 'keps/NNNN-kep-template/README.md' }, statuses: ['draft', 'done'] },
      { agent: { provider: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.2', prices: { m: [0.5, 1] } } }]) {
      expect(surelyAccepts(SCHEMA, data), JSON.stringify(data)).toBe(true);
      expect(validateConfig(data).issues).toEqual([]);
    }
  });

  it('is unsure of a keyword or format it does not know', () => {
    expect(surelyAccepts({ type: 'string', minContains: 1 }, 'a')).toBe(false);
    expect(surelyAccepts({ type: 'string', format: 'email' }, 'a@b.c')).toBe(false);
    // A pattern is checked, anywhere in the text (the frontmatter rule's `required` keys must hold more than spaces).
    expect([surelyAccepts({ type: 'string', pattern: '\\S' }, ' x '), surelyAccepts({ type: 'string', pattern: '\\S' }, '  '), surelyAccepts({ type: 'string', pattern: '^a' }, 'ba')]).toEqual([true, false, false]);
    expect(surelyAccepts(SCHEMA, { rules: { frontmatter: { options: { required: [' '] } } } })).toBe(false);
    expect(surelyAccepts({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, {})).toBe(false);
    expect(surelyAccepts({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { a: 'x' })).toBe(true);
    expect(surelyAccepts({ type: 'object', minProperties: 1 }, { a: 1 })).toBe(false);
    expect(surelyAccepts({ type: 'object', constructor: 1 }, {})).toBe(false);
    // YAML's `.inf` is a number to YAML, not to zod.
    expect(surelyAccepts(SCHEMA, { agent: { prices: { m: [Number.POSITIVE_INFINITY, 1] } } })).toBe(false);
    expect(configSchema.safeParse({ agent: { prices: { m: [Number.POSITIVE_INFINITY, 1] } } }).success).toBe(false);
    // zod drops a `__proto__` key from a record; the quick check does not pretend to know that.
    expect(surelyAccepts(SCHEMA, JSON.parse('{"templates": {"__proto__": "rfc"}}'))).toBe(false);
    expect(surelyAccepts(SCHEMA, JSON.parse('{"agent": {"prices": {"__proto__": [1, 2]}}}'))).toBe(false);
  });

  it('finds a repeated key at any depth, decoded, and only then', () => {
    expect(hasDuplicateKeys('{"a": 1, "b": {"c": 2, "d": [ {"c": 3}, "c" ]}}')).toBe(false);
    expect(hasDuplicateKeys('{"a": 1, "b": 2, "a": 3}')).toBe(true);
    expect(hasDuplicateKeys('{"r": {"x": "1", "y": {"x": 2}, "x": "\\"}"}}')).toBe(true);
    expect(hasDuplicateKeys('{"a": 1, "\\u0061": 2}')).toBe(true);
    expect(hasDuplicateKeys('[{"a": 1}, {"a": 2}]')).toBe(false);
    expect(hasDuplicateKeys('{"a": "{\\"a\\": 1}", "b": "a"}')).toBe(false);
    // Not JSON at all (an unclosed string, a trailing backslash): no answer to hang on, JSON.parse says what is wrong.
    expect(hasDuplicateKeys('{"specs": ["specs/**/*.md]}\n')).toBe(false);
    expect(hasDuplicateKeys('{"a": "abc\\')).toBe(false);
  });
});

describe('loadConfig', () => {
  it('refuses a `__proto__` key at any depth, JSON or YAML, which the validator\'s maps dropped without a word (blind QA)', async () => {
    const dir = tempProject({});
    const said = async (file: string, text: string): Promise<[number, string]> => {
      rmSync(join(dir, 'specfill.config.json'), { force: true });
      rmSync(join(dir, 'specfill.config.yaml'), { force: true });
      writeFileSync(join(dir, file), text);
      const r = await runCli(dir, 'check');
      return [r.code, r.stderr.split('\n')[0]!];
    };
    const refused = (file: string, place: string, path: string) => [2, `specfill: ${file}:${place}: ${path}: is no key of specfill's config (nor may a rule, option, status or model be named so)`];
    expect(await said('specfill.config.json', '{"rules":{"__proto__":"off"}}')).toEqual(refused('specfill.config.json', '1:11', 'rules.__proto__'));
    expect(await said('specfill.config.json', '{"transitions":{"__proto__":["draft"]}}')).toEqual(refused('specfill.config.json', '1:17', 'transitions.__proto__'));
    expect(await said('specfill.config.json', '{"llm":{"prices":{"__proto__":[1,2]}}}')).toEqual(refused('specfill.config.json', '1:19', 'llm.prices.__proto__'));
    expect(await said('specfill.config.yaml', 'rules:\n  leftover-marker:\n    options:\n      __proto__: {}\n')).toEqual(refused('specfill.config.yaml', '4:7', 'rules.leftover-marker.options.__proto__'));
    expect(validateConfig({ overrides: [{ files: ['specs'], rules: JSON.parse('{"__proto__":{}}') }] }).issues.map((i) => i.path.join('.'))).toEqual(['overrides.0.rules.__proto__']);
  });

  it('refuses an alias inside the value it names, at its place, and values nested too deeply, without a stack overflow (fuzzing: a stack trace)', async () => {
    const dir = tempProject({ 'a.md': '# A\n' });
    const said = async (file: string, text: string): Promise<[number, string]> => {
      rmSync(join(dir, 'specfill.config.yaml'), { force: true });
      rmSync(join(dir, 'specfill.config.json'), { force: true });
      writeFileSync(join(dir, file), text);
      const r = await runCli(dir, 'check', 'a.md');
      return [r.code, r.stderr.split('\n')[0]!];
    };
    expect(await said('specfill.config.yaml', 'a: &x [*x]\n')).toEqual([2, 'specfill: specfill.config.yaml:1:8: an alias here names the value it is part of, which makes a value with no end: write the value out, or name another anchor']);
    expect(await said('specfill.config.yaml', 'rules: &x {leftover-marker: *x}\n')).toEqual([2, expect.stringContaining('an alias here names the value it is part of')]);
    // An alias that names no anchor is placed at it (qa: no line or column).
    expect(await said('specfill.config.yaml', 'a: &x 1\nspecs: *nope\n')).toEqual([2, 'specfill: specfill.config.yaml:2:8: `*nope` names no anchor: write `&nope` on the value it stands for, above it']);
    const [code, message] = await said('specfill.config.json', `{"x": ${'['.repeat(1000)}${']'.repeat(1000)}}`);
    expect([code, message.includes('nested too deeply'), message.includes('Maximum call stack')]).toEqual([2, true, false]);
  });

  it('refuses a YAML tag that is unknown or gives what no config holds, at the tag; the core tags of JSON\'s types pass (blind QA: `!custom off` turned a rule off silently)', async () => {
    const dir = tempProject({ 'a.md': '# A\n\nTODO\n' });
    const said = async (value: string): Promise<[number, string]> => {
      writeFileSync(join(dir, 'specfill.config.yaml'), `rules:\n  leftover-marker: ${value}\n`);
      const r = await runCli(dir, 'check', 'a.md', '--format', 'json');
      return [r.code, r.stderr.split('\n')[0]!];
    };
    expect(await said('!custom off')).toEqual([2, 'specfill: specfill.config.yaml:2:20: the YAML tag `!custom` is not one YAML knows, and would leave this value as plain text: a config\'s values are text, numbers, true or false, lists and mappings; remove the tag']);
    expect(await said('!!binary off')).toEqual([2, 'specfill: specfill.config.yaml:2:20: the YAML tag `!!binary` makes this value something a config does not hold: a config\'s values are text, numbers, true or false, lists and mappings; remove the tag']);
    expect(await said('!!str error')).toEqual([1, '']);
    // `!`, the non-specific tag, is plain text (review).
    expect(await said('! off')).toEqual([0, '']);
    // A `!` in a quoted glob is no tag.
    writeFileSync(join(dir, 'specfill.config.yaml'), 'specs: ["*.md", "!drafts/**"]\n');
    expect((await loadConfig(dir)).config).toEqual({ specs: ['*.md', '!drafts/**'] });
  });

  it('gives the same config either way, and refuses what only the full reading catches', async () => {
    const dir = tempProject({ 'specfill.config.json': JSON.stringify({ rules: { 'leftover-marker': 'error' }, statuses: ['draft', 'done'] }) });
    expect((await loadConfig(dir)).config).toEqual({ rules: { 'leftover-marker': 'error' }, statuses: ['draft', 'done'] });
    // JSON.parse keeps the last of two equal keys; the config reader refuses them, with the place.
    writeFileSync(join(dir, 'specfill.config.json'), '{\n  "rules": {"leftover-marker": "error"},\n  "rules": {}\n}\n');
    await expect(loadConfig(dir)).rejects.toThrow('`rules` is given twice: keep one');
    const r = await runCli(dir, 'check');
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('specfill.config.json:3:3: `rules` is given twice: keep one')]);
    // A JSON config cut short is an error with its place, not a hang.
    writeFileSync(join(dir, 'specfill.config.json'), '{"specs": ["specs/**/*.md]}\n');
    await expect(loadConfig(dir)).rejects.toThrow(/is not valid JSON: Bad control character in string literal/);
    // Lone CR line endings: the quick way leaves the answer to the full reading, which takes them as line breaks (code review).
    writeFileSync(join(dir, 'specfill.config.json'), '{\r"specs": ["a.md"]\r}');
    expect((await loadConfig(dir)).config).toEqual({ specs: ['a.md'] });
    writeFileSync(join(dir, 'specfill.config.json'), '{\r"specs": ["a.md"],\r"speks": 1\r}');
    await expect(loadConfig(dir)).rejects.toThrow(expect.objectContaining({ location: expect.objectContaining({ line: 3, column: 1 }) }));
    // Checks beyond the shape (a gate that is not a status) still run on the quick way.
    writeFileSync(join(dir, 'specfill.config.json'), JSON.stringify({ statuses: ['draft', 'done'], gates: ['review'] }));
    await expect(loadConfig(dir)).rejects.toThrow('gates.0: `review` is not a status; the statuses are: draft, done');
  });

  it('names an unknown key at its own place, with the keys allowed there, and shows the first problem in the file', async () => {
    const dir = tempProject({});
    const refused = async (name: string, text: string): Promise<string> => {
      writeFileSync(join(dir, name), text);
      try {
        await loadConfig(dir);
      } catch (error) {
        return (error as SpecfillError).format();
      } finally {
        rmSync(join(dir, name));
      }
      return 'accepted';
    };
    const json = 'specfill.config.json';
    expect(await refused(json, '{\n  "specs": ["specs/*.md"],\n  "speks": ["x"]\n}\n')).toBe('specfill.config.json:3:3: speks: unknown key: did you mean `specs`?\n  hint: every key and its type: schema/config.schema.json in the specfill package (node_modules/specfill/schema/ where it is installed; name it as `$schema` for completion in an editor)');
    expect(await refused('specfill.config.yaml', 'agent:\n  model: x\n  foo: 1\nrules:\n  leftover-marker: loud\n'))
      .toBe('specfill.config.yaml:3:3: agent.foo: unknown key; the keys here are provider, model, baseURL, timeoutSeconds, answerRetries, httpRetries, prices\n  also specfill.config.yaml:5:20: rules.leftover-marker: expected a severity (error, warning, info or off), or {severity, options}\n  hint: every key and its type: schema/config.schema.json in the specfill package (node_modules/specfill/schema/ where it is installed; name it as `$schema` for completion in an editor)');
    expect(await refused(json, '{"overrides": [{"files": ["a"], "rules": {}, "rule": {}}]}')).toContain('1:46: overrides.0.rule: unknown key: did you mean `rules`?');
    expect(await refused(json, '{"rules": {"leftover-marker": {"severity": "off", "option": {}}}}')).toContain('1:51: rules.leftover-marker.option: unknown key: did you mean `options`?');
    // What was expected, in a config author's words rather than the validator's (docs QA).
    const yaml = 'specfill.config.yaml';
    expect(await refused(yaml, 'rules: [leftover-marker]\n')).toContain('1:8: rules: expected a mapping (key: value lines), not a list');
    expect(await refused(yaml, 'overrides:\n  - files: [a]\n')).toContain('2:5: overrides.0.rules: missing: add `rules:` with a mapping (key: value lines)');
    expect(await refused(yaml, 'statuses: [1]\n')).toContain('1:12: statuses.0: expected text, not a number');
    expect(await refused(yaml, 'statuses: []\n')).toContain('1:11: statuses: needs at least one entry');
    // Every problem is shown, each where it is, so that all are fixed in one go; a severity's slip is named (blind QA).
    expect((await refused(yaml, 'rules:\n  empty-section: eror\n  heading-level: {severity: Warning}\n  bogus-rule: error\nfoo: 1\nstatuses: eror\n')).split('\n').slice(0, 5)).toEqual([
      'specfill.config.yaml:2:18: rules.empty-section: expected a severity (error, warning, info or off), or {severity, options} (did you mean `error`?)',
      '  also specfill.config.yaml:3:18: rules.heading-level: expected a severity (error, warning, info or off), or {severity, options} (did you mean `warning`?)',
      '  also specfill.config.yaml:4:3: rules.bogus-rule: unknown rule; the rules are: ' + RULES.map((r) => r.id).join(', '),
      '  also specfill.config.yaml:5:1: foo: unknown key; the keys here are $schema, specs, ignore, templatesDir, templates, statuses, transitions, gates, rules, overrides, maxFileBytes, agent',
      '  also specfill.config.yaml:6:11: statuses: expected a list, not text',
    ]);
    // Other linters' words for a severity are named too: ESLint's `warn`, "off" as `no` or `false` (blind QA).
    expect((await refused(yaml, 'rules:\n  empty-section: warn\n  heading-level: no\n  broken-link: false\n')).split('\n').slice(0, 3).map((l) => l.replace(/^.*\(did/, '(did'))).toEqual([
      '(did you mean `warning`?)', '(did you mean `off`?)', '(did you mean `off`?)',
    ]);
    // A `[` or `{` never closed is shown where it opens, not at the next line where the reader gave up (blind QA).
    expect(await refused(yaml, 'specs: ["specs/*.md"]\nrules:\n  empty-section: [error\nfoo: 1\n')).toBe('specfill.config.yaml:3:18: the `[` here is never closed: end it with `]` (on this line, or on an indented line below)');
    expect(await refused(yaml, 'specs: ["a[b"] # [\nrules: {x: "}", y: error\nfoo: 1\n')).toBe('specfill.config.yaml:2:8: the `{` here is never closed: end it with `}` (on this line, or on an indented line below)');
    // An apostrophe inside plain text opens no quote (code review).
    expect(await refused(yaml, 'specs: [a.md, bob\'s.md]\nignore: {x\nfoo: 1\n')).toBe('specfill.config.yaml:2:9: the `{` here is never closed: end it with `}` (on this line, or on an indented line below)');
    const many = await refused(yaml, `${Array.from({ length: 8 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
    expect(many.split('\n').filter((l) => l.startsWith('  also')).length).toBe(5);
    expect(many).toContain('\n  (and 2 more)\n  hint:');
    // JSON is read as JSON first: its errors in JSON's words, lone CRs as line breaks, a BOM no column (code review).
    expect(await refused(json, '{"a" 1}')).toBe('specfill.config.json:1:6: is not valid JSON: Expected \':\' after property name in JSON at position 5 (line 1 column 6)'.replace(/ in JSON at position.*$/, '') + '\n  hint: a .json config is plain JSON (no comments, no trailing commas); for YAML, name it specfill.config.yaml');
    expect(await refused(json, '{\r  "ignore":\r  ["x"]\r}\r')).toBe('accepted');
    expect(await refused(json, '\uFEFF{\r  "specs": [\r}')).toMatch(/^specfill\.config\.json:3:1: is not valid JSON: /);
    expect(await refused(yaml, 'specs: [a]\n---\nrules: {}\n')).toBe('specfill.config.yaml:2:1: holds a second YAML document from here: a config is one mapping, so remove this `---` line (and any after it)');
    // A .json config is JSON: not empty, not YAML, no trailing comma.
    expect(await refused(json, '')).toBe('specfill.config.json:1:1: is empty: a JSON config is an object, `{}` at least');
    expect(await refused(json, '\n  null\n')).toBe('specfill.config.json:2:3: is `null`: a JSON config is an object, `{}` at least');
    expect(await refused(json, '\uFEFFnull')).toBe('specfill.config.json:1:1: is `null`: a JSON config is an object, `{}` at least');
    // A YAML config of comments only is an empty one.
    expect(await refused('specfill.config.yaml', '# nothing set yet\n')).toBe('accepted');
    expect(await refused(json, 'specs: [specs]\n')).toMatch(/^specfill\.config\.json:1:1: is not valid JSON: .*\n  hint: a \.json config is plain JSON/);
    expect(await refused(json, '{\n  "specs": ["a"],\n}\n')).toMatch(/^specfill\.config\.json:3:1: is not valid JSON: /);
    // Columns count from the line's start, a byte order mark aside.
    expect(await refused(json, '\uFEFF{"specs": ["a"],}')).toMatch(/^specfill\.config\.json:1:17: is not valid JSON: /);
    // A folder by the config's name is not a Markdown file to fix.
    mkdirSync(join(dir, 'specfill.config.yml'));
    await expect(loadConfig(dir)).rejects.toThrow(expect.objectContaining({ message: 'is a folder, not a config file', hint: 'remove or rename it: specfill reads its config from this name' }));
    rmSync(join(dir, 'specfill.config.yml'), { recursive: true });
    // A link that leads nowhere (a submodule not checked out, a loop) is an error, not no config (blind QA: the default rules passed).
    rmSync(join(dir, json), { force: true });
    symlinkSync('shared/specfill.config.yaml', join(dir, 'specfill.config.yaml'));
    await expect(loadConfig(dir)).rejects.toThrow(expect.objectContaining({ code: 'INVALID_CONFIG', message: 'is a link that leads to no file (its target is missing, or it is a loop of links)' }));
    expect(findProjectRoot(join(dir, 'specs'))).toBe(dir);
    rmSync(join(dir, 'specfill.config.yaml'));
    symlinkSync('specfill.config.yaml', join(dir, 'specfill.config.yaml'));
    await expect(loadConfig(dir)).rejects.toThrow(expect.objectContaining({ message: expect.stringContaining('is a link that leads to no file') }));
    rmSync(join(dir, 'specfill.config.yaml'));
    // A byte order mark is no reason to refuse JSON, in any of the ways a config is read.
    writeFileSync(join(dir, json), '\uFEFF{"specs": ["*.md"]}');
    expect((await loadConfig(dir)).config).toEqual({ specs: ['*.md'] });
  });
});
