import type { CheckReport, FileReport, Finding, SeveritySetting } from '../core/checks/types.js';
import { jsonAt, writeReport, type ReportWriter } from './report-writer.js';
import { fingerprintsOf, SARIF_FINGERPRINT_KEY } from './sarif-fingerprint.js';

/** What SARIF needs to know of a rule; a `CheckRule` fits as it is. */
export interface SarifRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: SeveritySetting;
}

/** Options of {@link formatSarif}. */
export interface SarifOptions {
  /** specfill's version, for `tool.driver.version`. */
  readonly toolVersion: string;
  /** Every rule that could have run, in a stable order; results point into it by index. */
  readonly rules: readonly SarifRule[];
  /** Where the rule pages live: a rule's `helpUri` is `${helpUriBase}/<rule>.md`. */
  readonly helpUriBase?: string;
  /** Absolute URI of the folder report paths are relative to (`%SRCROOT%`); left unstated when absent. */
  readonly srcRootUri?: string;
  /** `tool.driver.informationUri`; defaults to specfill's npm page. */
  readonly informationUri?: string;
}

/** The SARIF schema every consumer (GitHub code scanning included) validates against. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/specfill';
const SRCROOT = '%SRCROOT%';

const LEVELS: Record<SeveritySetting, 'error' | 'warning' | 'note' | 'none'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  off: 'none',
};

/** `unfilled-placeholder` → `UnfilledPlaceholder`: SARIF wants a rule's `name` to be an identifier-like word. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** A relative `/`-separated path as a URI reference: each segment percent-encoded, the slashes kept. */
export function pathToUriReference(path: string): string {
  // encodeURIComponent throws on a lone surrogate; such a name gets U+FFFD instead.
  const wellFormed = path.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return wellFormed.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(rule: SarifRule, helpUriBase: string | undefined): Record<string, unknown> {
  const helpUri = helpUriBase === undefined ? undefined : `${helpUriBase.replace(/\/+$/, '')}/${encodeURIComponent(rule.id)}.md`;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    ...(helpUri !== undefined && { helpUri }),
    help: helpUri === undefined
      ? { text: rule.description }
      : { text: `${rule.description}\n\nDocumentation: ${helpUri}`, markdown: `${rule.description}\n\n[Documentation](${helpUri})` },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
  };
}

/** The region of a finding, made valid for SARIF: numbers ≥ 1, end never before start. */
function regionOf(f: Finding): Record<string, number> {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  const endLine = Math.max(startLine, f.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, f.endColumn) : Math.max(1, f.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

/**
 * The SARIF log written result by result. The run lists its results before
 * its tool (key order means nothing in JSON), so that a rule first named by
 * a finding still gets its descriptor and `ruleIndex` stays valid.
 */
export function createSarifWriter(options: SarifOptions): ReportWriter {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (rule: SarifRule): number => {
    const known = ruleIndex.get(rule.id);
    if (known !== undefined) return known;
    ruleIndex.set(rule.id, rules.length);
    return rules.push(rule) - 1;
  };
  options.rules.forEach(addRule);
  let results = 0;

  const resultsOf = (file: FileReport): object[] => {
    const fingerprints = fingerprintsOf(file.path, file.findings);
    return file.findings.map((f, i) => {
      // A rule missing from the list still gets a descriptor, so ruleIndex stays valid.
      const index = addRule({ id: f.rule, description: `specfill rule ${f.rule}`, defaultSeverity: f.severity });
      const properties = {
        ...(f.sectionId !== undefined && { sectionId: f.sectionId }),
        ...(f.placeholder !== undefined && { placeholder: f.placeholder }),
      };
      return {
        ruleId: f.rule,
        ruleIndex: index,
        level: LEVELS[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: pathToUriReference(file.path), uriBaseId: SRCROOT },
              region: regionOf(f),
            },
          },
        ],
        partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprints[i]! },
        ...(Object.keys(properties).length > 0 && { properties }),
      };
    });
  };

  const srcRoot = options.srcRootUri === undefined
    ? { description: { text: 'The folder specfill check ran in; result paths are relative to it.' } }
    : { uri: options.srcRootUri.endsWith('/') ? options.srcRootUri : `${options.srcRootUri}/` };

  return {
    begin: () => [
      '{',
      `  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},`,
      '  "version": "2.1.0",',
      '  "runs": [',
      '    {',
      '      "columnKind": "utf16CodeUnits",',
      `      "originalUriBaseIds": ${jsonAt({ [SRCROOT]: srcRoot }, 6)},`,
      '      "results": [',
    ].join('\n'),
    file: (file) => resultsOf(file).map((result) => `${results++ === 0 ? '\n' : ',\n'}        ${jsonAt(result, 8)}`).join(''),
    end: (_summary, notes) => {
      // Files that could not be checked: tool execution notifications, and a run that did not succeed.
      const failures = notes?.failures ?? [];
      const invocations = failures.length === 0 ? '' : `\n      "invocations": ${jsonAt([{
        executionSuccessful: false,
        toolExecutionNotifications: failures.map((f) => ({
          level: 'error',
          message: { text: f.message },
          descriptor: { id: f.code },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: pathToUriReference(f.path), uriBaseId: SRCROOT },
              ...(f.line === undefined ? {} : { region: { startLine: f.line, ...(f.column === undefined ? {} : { startColumn: f.column }) } }),
            },
          }],
        })),
      }], 6)},`;
      const tool = {
        driver: {
          name: 'specfill',
          version: options.toolVersion,
          informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
          rules: rules.map((rule) => ruleDescriptor(rule, options.helpUriBase)),
        },
      };
      return `${results === 0 ? ']' : '\n      ]'},${invocations}\n      "tool": ${jsonAt(tool, 6)}\n    }\n  ]\n}\n`;
    },
  };
}

/**
 * Formats a check report as SARIF 2.1.0 for GitHub code scanning and other
 * SARIF viewers: one run of the `specfill` driver listing `options.rules`
 * (plus any rule a finding names that the list lacks), and one result per
 * finding with its level, message, location relative to `%SRCROOT%` and a
 * line-independent fingerprint so alerts survive edits above them.
 */
export function formatSarif(report: CheckReport, options: SarifOptions): string {
  return writeReport(createSarifWriter(options), report);
}
