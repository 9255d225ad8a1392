import { DEFAULT_STATUSES } from './check-spec.js';
import { RULES } from './checks/index.js';
import type { Config } from './config.js';
import { nearestWord } from './edit-distance.js';

/** A problem in the configuration: the key path and what was expected. */
export interface ConfigIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The issue is the key itself (an unknown one), not its value: shown at the key. */
  readonly atKey?: boolean;
  /** A matter of the file's shape (a key or type the schema does not allow), which the JSON Schema shows in full. */
  readonly shape?: boolean;
}

/**
 * What the config's shape cannot say: transitions and gates name statuses
 * that exist, rules are known, and rule options are what each rule takes (in
 * `rules` and in each of `overrides`).
 * Kept apart from the schema (and from zod) so that a config the schema
 * surely accepts is checked without loading the validator.
 */
export function configIssues(config: Config): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const proto = protoKeyIssue(config);
  if (proto !== null) issues.push(proto);
  const statuses = config.statuses ?? DEFAULT_STATUSES;
  (config.statuses ?? []).forEach((status, i) => {
    if (config.statuses!.indexOf(status) < i) issues.push({ path: ['statuses', i], message: `\`${status}\` is listed twice` });
  });
  for (const [from, targets] of Object.entries(config.transitions ?? {})) {
    if (!statuses.includes(from)) issues.push({ path: ['transitions', from], message: `not a status; the statuses are: ${statuses.join(', ')}` });
    targets.forEach((to, i) => {
      if (!statuses.includes(to)) issues.push({ path: ['transitions', from, i], message: `\`${to}\` is not a status; the statuses are: ${statuses.join(', ')}` });
    });
  }
  (config.gates ?? []).forEach((gate, i) => {
    if (!statuses.includes(gate)) issues.push({ path: ['gates', i], message: `\`${gate}\` is not a status; the statuses are: ${statuses.join(', ')}` });
  });
  // Specs are shown, served and edited (web UI, MCP): a committed config must not reach outside the project.
  (config.specs ?? []).forEach((glob, i) => {
    if (leavesRoot(glob)) issues.push({ path: ['specs', i], message: `\`${glob}\` reaches outside the project root: spec globs are read from the root, and must stay inside it` });
  });
  for (const [glob, ref] of Object.entries(config.templates ?? {})) {
    if (ref.trim() === '') issues.push({ path: ['templates', glob], message: 'maps the glob to no template: write a template id (`tech-spec`) or a template file path from the project root' });
    // A template file is shown and copied into new specs: from inside the project only.
    if ((/\.md$/i.test(ref) || ref.includes('/')) && leavesRoot(ref)) issues.push({ path: ['templates', glob], message: `\`${ref}\` is outside the project root: keep template files in the project` });
  }
  if (config.templatesDir !== undefined && leavesRoot(config.templatesDir)) {
    issues.push({ path: ['templatesDir'], message: `\`${config.templatesDir}\` is outside the project root: keep project templates in a folder of the project, e.g. .specfill/templates` });
  }
  // A glob whose `[` or `{` is never closed is read as plain text, and matches nothing: a typo that switches checks off.
  const globs: Array<[string, ConfigIssue['path']]> = [
    ...(config.specs ?? []).map((g, i): [string, ConfigIssue['path']] => [g, ['specs', i]]),
    ...(config.ignore ?? []).map((g, i): [string, ConfigIssue['path']] => [g, ['ignore', i]]),
    ...Object.keys(config.templates ?? {}).map((g): [string, ConfigIssue['path']] => [g, ['templates', g]]),
    ...(config.overrides ?? []).flatMap((o, i) => o.files.map((g, k): [string, ConfigIssue['path']] => [g, ['overrides', i, 'files', k]])),
  ];
  for (const [glob, path] of globs) {
    // A `templates` glob is a key: shown there, not at the template it maps to.
    const atKey = path[0] === 'templates' ? { atKey: true } : {};
    // An empty glob, or one of nothing but a root `/` or a negating `!`, names no file (and the glob matcher refuses it).
    if (glob.replace(/^[!/\s]+/, '').trim() === '') {
      issues.push({ path, ...atKey, message: `${glob === '' ? 'an empty glob' : `\`${glob}\``} names no file: write a glob of files, e.g. \`specs/**/*.md\`, or delete the entry` });
      continue;
    }
    const open = unclosedGlobBracket(glob);
    if (open !== null) issues.push({ path, ...atKey, message: `\`${glob}\`: its \`${open}\` is never closed, so the glob matches nothing; close it with \`${CLOSER[open]}\`, or write \`\\${open}\` for the character itself` });
  }
  issues.push(...ruleIssues(config.rules ?? {}, ['rules']));
  (config.overrides ?? []).forEach((override, i) => issues.push(...ruleIssues(override.rules, ['overrides', i, 'rules'])));
  return issues;
}

const CLOSER = { '[': ']', '{': '}', '(': ')' } as const;

/** The `[`, `{` or extglob `(` (`+(a|b)`) of a glob that is never closed (backslash escapes aside), or null. */
function unclosedGlobBracket(glob: string): '[' | '{' | '(' | null {
  let braces = 0;
  let groups = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      // A class: `]` right after `[` or `[!`/`[^` is a member, not its end.
      let k = i + 1;
      if (glob[k] === '!' || glob[k] === '^') k++;
      if (glob[k] === ']') k++;
      while (k < glob.length && glob[k] !== ']') k += glob[k] === '\\' ? 2 : 1;
      if (k >= glob.length) return '[';
      i = k;
    } else if (c === '{') {
      braces++;
    } else if (c === '}' && braces > 0) {
      braces--;
    } else if (c === '(' && i > 0 && '?*+@!'.includes(glob[i - 1]!)) {
      groups++;
    } else if (c === ')' && groups > 0) {
      groups--;
    }
  }
  return braces > 0 ? '{' : groups > 0 ? '(' : null;
}

/**
 * A `__proto__` key anywhere in config data (JSON and the YAML reader keep it
 * as a key of its own), as an issue at its path; null when there is none. The
 * validator's maps drop such a key without a word (`rules: {__proto__: off}`
 * passed), and no key of specfill's is named so.
 */
export function protoKeyIssue(data: unknown, at: ConfigIssue['path'] = []): ConfigIssue | null {
  if (typeof data !== 'object' || data === null) return null;
  const entries: Array<[string | number, unknown]> = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  for (const [key, value] of entries) {
    if (key === '__proto__') return { path: [...at, key], message: 'is no key of specfill\'s config (nor may a rule, option, status or model be named so)', atKey: true };
    const below = protoKeyIssue(value, [...at, key]);
    if (below !== null) return below;
  }
  return null;
}

/**
 * Whether a glob climbs above the project root (`../x/*.md`, `a/../../b`) or
 * names a drive (`C:`). A leading `/` means the root itself, as in .gitignore.
 */
function leavesRoot(glob: string): boolean {
  if (/^[a-zA-Z]:/.test(glob)) return true;
  // A `..` among brace alternatives (`{specs,../x}`) is taken as leaving: no need to follow each expansion.
  if (glob.includes('{') && glob.split(/[\\/{},]+/).includes('..')) return true;
  let depth = 0;
  for (const part of glob.split(/[\\/]+/)) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** Unknown rules and options among rule settings (the top-level `rules`, or an override's), with their key paths. */
function ruleIssues(rules: NonNullable<Config['rules']>, at: ConfigIssue['path']): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [id, setting] of Object.entries(rules)) {
    const rule = RULES.find((r) => r.id === id);
    if (rule === undefined) {
      issues.push(unknownRuleIssue(id, at));
      continue;
    }
    const options = typeof setting === 'object' ? setting.options ?? {} : {};
    const known = Object.keys(rule.options ?? {});
    for (const [name, value] of Object.entries(options)) {
      const option = rule.options?.[name];
      if (option === undefined) {
        const near = nearestWord(name, known);
        issues.push({ path: [...at, id, 'options', name], message: known.length === 0 ? `${id} takes no options` : near !== undefined ? `unknown option: did you mean \`${near}\`?` : `unknown option; ${id} takes: ${known.join(', ')}`, atKey: true });
        continue;
      }
      const path = [...at, id, 'options', name];
      issues.push(...(option.kind === 'patterns' ? patternIssues(value, path) : keyIssues(value, path)));
    }
  }
  return issues;
}

/**
 * The unknown rule ids among raw rule settings (`rules`, or an override's
 * `rules`, at `at`), read before the shape is known to be right: a misspelt
 * rule with a wrong value is first of all a misspelt rule.
 */
export function unknownRuleIssues(rules: unknown, at: ConfigIssue['path']): ConfigIssue[] {
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return [];
  return Object.keys(rules).filter((id) => !RULES.some((r) => r.id === id)).map((id) => unknownRuleIssue(id, at));
}

function unknownRuleIssue(id: string, at: ConfigIssue['path']): ConfigIssue {
  const near = nearestWord(id, RULES.map((r) => r.id));
  return { path: [...at, id], message: near === undefined ? `unknown rule; the rules are: ${RULES.map((r) => r.id).join(', ')}` : `unknown rule: did you mean \`${near}\`?`, atKey: true };
}

/** What is wrong with a `keys` option: not a list of key names, or one named twice. */
function keyIssues(value: unknown, path: ConfigIssue['path']): ConfigIssue[] {
  if (!Array.isArray(value)) return [{ path, message: 'expected a list of front matter keys (strings), possibly empty' }];
  const issues: ConfigIssue[] = [];
  value.forEach((key: unknown, i) => {
    if (typeof key !== 'string' || key.trim() === '') issues.push({ path: [...path, i], message: 'expected a front matter key: text, not empty' });
    else if (value.indexOf(key) !== i) issues.push({ path: [...path, i], message: `\`${key}\` is listed twice` });
  });
  return issues;
}

/** What is wrong with a `patterns` option: not a non-empty list of valid regular expressions that each need some text to match. */
function patternIssues(value: unknown, path: ConfigIssue['path']): ConfigIssue[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((m) => typeof m === 'string')) {
    return [{ path, message: 'expected a non-empty list of regular expressions (strings)' }];
  }
  const issues: ConfigIssue[] = [];
  value.forEach((pattern: string, i) => {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern);
    } catch (error) {
      issues.push({ path: [...path, i], message: `not a valid regular expression: ${(error as Error).message}` });
      return;
    }
    // A pattern that matches nothing at all would report every position of every line
    // (`x*`, `^`; `\b` or `(?=a)` only beside some characters, which a probe of them all shows).
    if (regex.test('') || matchesEmptyInProbe(pattern)) issues.push({ path: [...path, i], message: 'matches empty text: it must need at least one character' });
  });
  return issues;
}

// Every printable ASCII character, spaced out, a line
// break, and a few words and letters from outside ASCII: where a lookaround
// or a word boundary finds an empty match, if anywhere.
const PROBE = `${Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k)).join(' ')}\nTODO TBD todo Lorem ipsum é ß 東京 😀\t`;

/** Whether a pattern matches empty text somewhere in {@link PROBE}. */
function matchesEmptyInProbe(pattern: string): boolean {
  // The flags the rule compiles it with.
  const regex = new RegExp(pattern, 'g');
  for (const m of PROBE.matchAll(regex)) if (m[0] === '') return true;
  return false;
}
