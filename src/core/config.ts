import { z } from 'zod';
import { configIssues, protoKeyIssue, unknownRuleIssues, type ConfigIssue } from './config-issues.js';
import { nearestWord } from './edit-distance.js';

const severity = z.enum(['error', 'warning', 'info', 'off']);

const ruleSetting = z.union([
  severity,
  z.object({
    severity: severity.optional().describe('error, warning, info or off'),
    options: z.record(z.string(), z.unknown()).optional().describe('rule options (see docs/checks/<rule>.md)'),
  }).strict(),
], { error: 'expected a severity (error, warning, info or off), or {severity, options}' });

const ruleSettings = z.record(z.string(), ruleSetting);

/** The schema of `specfill.config.{json,yaml,yml}`. Its JSON Schema ships as `schema/config.schema.json`. */
export const configSchema = z.object({
  $schema: z.string().optional().describe('JSON Schema of this file, for editors'),
  specs: z.array(z.string()).optional().describe('globs of the spec files that `check` and `status` read when given no paths'),
  ignore: z.array(z.string()).optional().describe('globs of files never checked'),
  templatesDir: z.string().optional().describe('folder of project templates, relative to the project root (default .specfill/templates)'),
  templates: z.record(z.string(), z.string()).optional()
    .describe('glob of spec files → template id or template file path, for documents without `template:` front matter'),
  statuses: z.array(z.string().min(1)).min(1).optional().describe('allowed values of the front matter `status`'),
  transitions: z.record(z.string(), z.array(z.string())).optional()
    .describe('status → the statuses `set-status` may move a spec to from it (default: draft → review → approved → implemented, see the README)'),
  gates: z.array(z.string()).optional().describe('statuses a spec may enter only while `check` reports no errors for it (default: review, approved)'),
  rules: ruleSettings.optional().describe('rule id → severity, or {severity, options}'),
  overrides: z.array(z.object({
    files: z.array(z.string()).min(1).describe('globs of spec files, from the project root (a folder name means everything below it)'),
    rules: ruleSettings.describe('rule id → severity, or {severity, options}, over the top-level `rules` for these files'),
  }).strict()).optional()
    .describe('rule settings for some of the specs: each entry whose `files` match a spec applies its `rules` over the top-level ones, a later entry over an earlier one; a severity alone keeps the options, and options alone keep the severity'),
  maxFileBytes: z.number().int().positive().optional().describe('largest file read, in bytes (default 10 MiB)'),
  agent: z.object({
    provider: z.enum(['openai-compatible', 'openai', 'anthropic']).optional().describe('model provider for fill --agent and draft'),
    model: z.string().min(1).optional().describe('model name'),
    baseURL: z.string().url().optional().describe('API base URL, e.g. http://127.0.0.1:11434/v1 for Ollama'),
    timeoutSeconds: z.number().int().positive().max(86_400).optional().describe('give up on one model call after this long, in seconds, at most a day (default 120)'),
    answerRetries: z.number().int().min(0).max(10).optional().describe('further attempts after a refused answer (default 2)'),
    httpRetries: z.number().int().min(0).max(10).optional().describe('further attempts, with backoff, after HTTP 429 or 5xx from the endpoint (default 3; 0 for a local server whose errors do not pass)'),
    prices: z.record(z.string(), z.tuple([z.number().min(0), z.number().min(0)])).optional()
      .describe('model → [US dollars per million input tokens, per million output tokens]; overrides the built-in table'),
  }).strict().optional().describe('LLM drafting; keys come from the environment only, never from this file'),
}).strict();

/** A validated configuration. */
export type Config = z.infer<typeof configSchema>;

export type { ConfigIssue } from './config-issues.js';

/**
 * Validates configuration data: the shape, known rule ids, and rule options
 * that must be regular expressions. Returns the config or the issues found.
 */
export function validateConfig(data: unknown): { config: Config; issues: [] } | { config: null; issues: ConfigIssue[] } {
  // (Before the validator, whose maps drop the key without a word.)
  const proto = protoKeyIssue(data);
  if (proto !== null) return { config: null, issues: [proto] };
  const parsed = configSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const shape = parsed.error.issues.flatMap((i): ConfigIssue[] => {
      const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // One issue per unknown key, at the key, with the keys allowed there.
      if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(key, keysAt(path)), atKey: true, shape: true }));
      return [{ path, message: plainMessage(i.message, path) + (holdsSeverity(path) ? severitySlip(valueAt(data, path)) : ''), shape: true }];
    });
    // A misspelt rule id is the mistake to name, whatever its value: its value's issues go.
    const unknownRules = rawRuleSettings(data).flatMap(([rules, at]) => unknownRuleIssues(rules, at));
    const under = (issue: ConfigIssue, rule: ConfigIssue): boolean => rule.path.every((segment, k) => issue.path[k] === segment);
    return { config: null, issues: [...unknownRules, ...shape.filter((issue) => !unknownRules.some((rule) => under(issue, rule)))] };
  }
  const issues = configIssues(parsed.data);
  return issues.length > 0 ? { config: null, issues } : { config: parsed.data, issues: [] };
}

/** The raw value at a key path of config data, or undefined. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[segment] : undefined;
  return value;
}

/** Whether a key path leads to a rule's severity: `rules.<rule>`, `rules.<rule>.severity` (an override's too). */
function holdsSeverity(path: readonly (string | number)[]): boolean {
  const n = path.length;
  return (n >= 2 && path[n - 2] === 'rules') || (n >= 3 && path[n - 1] === 'severity' && path[n - 3] === 'rules');
}

/** ` (did you mean \`error\`?)` for a severity written with a slip (`eror`, `Warning`), else nothing. */
function severitySlip(given: unknown): string {
  // `{severity: eror, options: …}` fails as a whole: its severity is the slip.
  const value = typeof given === 'object' && given !== null ? (given as { severity?: unknown }).severity : given;
  // `false`, `0`: what other linters take for "off".
  if (value === false || value === 0) return ' (did you mean `off`?)';
  if (typeof value !== 'string') return '';
  const lower = value.trim().toLowerCase();
  const near = SEVERITIES.includes(lower) ? lower : SEVERITY_WORDS[lower] ?? nearestWord(lower, SEVERITIES);
  return near === undefined || near === value ? '' : ` (did you mean \`${near}\`?)`;
}

// Other tools' words for the severities (ESLint's `warn`, markdownlint's `false`), which no edit distance finds.
const SEVERITY_WORDS: Readonly<Record<string, string>> = {
  warn: 'warning', warnings: 'warning', err: 'error', errors: 'error', fatal: 'error', information: 'info', note: 'info', notice: 'info', hint: 'info',
  no: 'off', none: 'off', false: 'off', disable: 'off', disabled: 'off', ignore: 'off', silent: 'off', skip: 'off',
};

const SEVERITIES: readonly string[] = severity.options;

/** The rule settings of raw config data, with their key paths: the top-level `rules` and each override's. */
function rawRuleSettings(data: unknown): Array<[unknown, ConfigIssue['path']]> {
  if (typeof data !== 'object' || data === null) return [];
  const { rules, overrides } = data as { rules?: unknown; overrides?: unknown };
  const found: Array<[unknown, ConfigIssue['path']]> = [[rules, ['rules']]];
  if (Array.isArray(overrides)) overrides.forEach((o, i) => found.push([(o as { rules?: unknown } | null)?.rules, ['overrides', i, 'rules']]));
  return found;
}

// What zod's own messages call the kinds of value, in the words of a config file.
const KINDS: Readonly<Record<string, string>> = {
  record: 'a mapping (key: value lines)', object: 'a mapping (key: value lines)', array: 'a list', tuple: 'a list',
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', null: 'nothing', undefined: 'nothing',
};

/**
 * zod's default messages ("Invalid input: expected record, received
 * undefined", "Too small: expected array to have >=1 items") in a config
 * author's words; the schema's own messages are kept as they are.
 */
function plainMessage(message: string, path: readonly (string | number)[]): string {
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (type !== null) {
    const key = path[path.length - 1];
    if (type[2] === 'undefined' && typeof key === 'string') return `missing: add \`${key}:\` with ${KINDS[type[1]!] ?? type[1]}`;
    // zod calls 1.5 "a number" that is not an int.
    if (type[1] === 'int' && type[2] === 'number') return 'expected a whole number, not a fraction';
    return `expected ${KINDS[type[1]!] ?? type[1]}, not ${KINDS[type[2]!] ?? type[2]}`;
  }
  const few = /^Too small: expected array to have >=(\d+) items?$/.exec(message);
  if (few !== null) return few[1] === '1' ? 'needs at least one entry' : `needs at least ${few[1]} entries`;
  const bound = /^Too (small|big): expected (?:number|int) to be ([<>]=?)(-?[\d.e+]+)$/.exec(message);
  if (bound !== null) {
    const words: Record<string, string> = { '>': 'more than', '>=': 'at least', '<': 'less than', '<=': 'at most' };
    return `expected a number ${words[bound[2]!]} ${bound[3]}`;
  }
  const choice = /^Invalid option: expected one of (.*)$/.exec(message);
  if (choice !== null) return `expected one of: ${choice[1]!.split('|').map((o) => o.replace(/^"|"$/g, '')).join(', ')}`;
  return message;
}

/** The keys the schema allows in the object at a path (empty when it does not say). */
function keysAt(path: readonly (string | number)[]): string[] {
  let schema: z.ZodType | undefined = configSchema;
  for (const segment of [...path, null]) {
    // Through optional wrappers and unions (a rule setting is a severity or an object) to an object.
    for (let k = 0; k < 8 && schema !== undefined; k++) {
      if (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
      else if (schema instanceof z.ZodUnion) schema = (schema.options as z.ZodType[]).find((o) => o instanceof z.ZodObject);
      else break;
    }
    if (segment === null) break;
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[segment];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return [];
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const near = nearestWord(key, known);
  const allowed = known.length === 0 ? '' : `; the keys here are ${known.join(', ')}`;
  return near !== undefined ? `unknown key: did you mean \`${near}\`?` : `unknown key${allowed}`;
}
