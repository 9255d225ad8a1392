import { z } from 'zod';
import { DEFAULT_STATUSES } from './check-spec.js';
import { RULES } from './checks/index.js';

const severity = z.enum(['error', 'warning', 'info', 'off']);

const ruleSetting = z.union([
  severity,
  z.object({
    severity: severity.optional().describe('error, warning, info or off'),
    options: z.record(z.string(), z.unknown()).optional().describe('rule options (see docs/checks/<rule>.md)'),
  }).strict(),
], { error: 'expected a severity (error, warning, info or off), or {severity, options}' });

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
  rules: z.record(z.string(), ruleSetting).optional().describe('rule id → severity, or {severity, options}'),
  maxFileBytes: z.number().int().positive().optional().describe('largest file read, in bytes (default 10 MiB)'),
  agent: z.object({
    provider: z.enum(['openai-compatible', 'openai', 'anthropic']).optional().describe('model provider for fill --agent and draft'),
    model: z.string().min(1).optional().describe('model name'),
    baseURL: z.string().url().optional().describe('API base URL, e.g. http://127.0.0.1:11434/v1 for Ollama'),
    timeoutSeconds: z.number().int().positive().optional().describe('give up on one model call after this long (default 120)'),
    answerRetries: z.number().int().min(0).max(10).optional().describe('further attempts after a refused answer (default 2)'),
    prices: z.record(z.string(), z.tuple([z.number().min(0), z.number().min(0)])).optional()
      .describe('model → [US dollars per million input tokens, per million output tokens]; overrides the built-in table'),
  }).strict().optional().describe('LLM drafting; keys come from the environment only, never from this file'),
}).strict();

/** A validated configuration. */
export type Config = z.infer<typeof configSchema>;

/** A problem in the configuration: the key path and what was expected. */
export interface ConfigIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Validates configuration data: the shape, known rule ids, and rule options
 * that must be regular expressions. Returns the config or the issues found.
 */
export function validateConfig(data: unknown): { config: Config; issues: [] } | { config: null; issues: ConfigIssue[] } {
  const parsed = configSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return {
      config: null,
      issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })),
    };
  }
  const issues: ConfigIssue[] = [];
  const statuses = parsed.data.statuses ?? DEFAULT_STATUSES;
  for (const [from, targets] of Object.entries(parsed.data.transitions ?? {})) {
    if (!statuses.includes(from)) issues.push({ path: ['transitions', from], message: `not a status; the statuses are: ${statuses.join(', ')}` });
    targets.forEach((to, i) => {
      if (!statuses.includes(to)) issues.push({ path: ['transitions', from, i], message: `\`${to}\` is not a status; the statuses are: ${statuses.join(', ')}` });
    });
  }
  (parsed.data.gates ?? []).forEach((gate, i) => {
    if (!statuses.includes(gate)) issues.push({ path: ['gates', i], message: `\`${gate}\` is not a status; the statuses are: ${statuses.join(', ')}` });
  });
  for (const [id, setting] of Object.entries(parsed.data.rules ?? {})) {
    const rule = RULES.find((r) => r.id === id);
    if (rule === undefined) {
      issues.push({ path: ['rules', id], message: `unknown rule; known rules: ${RULES.map((r) => r.id).join(', ')}` });
      continue;
    }
    const options = typeof setting === 'object' ? setting.options ?? {} : {};
    const known = Object.keys(rule.options ?? {});
    for (const [name, value] of Object.entries(options)) {
      const option = rule.options?.[name];
      if (option === undefined) {
        issues.push({ path: ['rules', id, 'options', name], message: known.length === 0 ? `${id} takes no options` : `unknown option; ${id} takes: ${known.join(', ')}` });
        continue;
      }
      issues.push(...patternIssues(value, ['rules', id, 'options', name]));
    }
  }
  return issues.length > 0 ? { config: null, issues } : { config: parsed.data, issues: [] };
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
    // A pattern that matches nothing at all would report every position of every line.
    if (regex.test('')) issues.push({ path: [...path, i], message: 'matches empty text: it must need at least one character' });
  });
  return issues;
}
