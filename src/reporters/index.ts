/**
 * Reporters: pure functions from a {@link CheckReport} to the text one
 * output format prints. `specfill check --format NAME` picks one by name.
 */
import type { CheckReport } from '../core/checks/types.js';
import { formatGithub } from './format-github.js';
import { formatGitlab } from './format-gitlab.js';
import { formatJson } from './format-json.js';
import { formatJunit, type JunitOptions } from './format-junit.js';
import { formatPretty, type PrettyOptions } from './format-pretty.js';
import { formatSarif, type SarifOptions } from './format-sarif.js';

export { formatGithub } from './format-github.js';
export { formatGitlab } from './format-gitlab.js';
export { formatJson } from './format-json.js';
export { formatJunit } from './format-junit.js';
export { formatPretty, type PrettyOptions } from './format-pretty.js';
export { formatSarif, pathToUriReference, SARIF_SCHEMA_URI, type SarifOptions, type SarifRule } from './format-sarif.js';
export { SARIF_FINGERPRINT_KEY } from './sarif-fingerprint.js';

/** The names `check --format` accepts, the default first. */
export const REPORT_FORMATS = ['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Everything any reporter may need; each format reads only its own part. */
export type FormatReportOptions = PrettyOptions & SarifOptions & JunitOptions;

/** Whether `name` is a known report format (for validating `--format`). */
export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

/** Formats `report` in `format`: the exact text to write to stdout. */
export function formatReport(format: ReportFormat, report: CheckReport, options: FormatReportOptions): string {
  switch (format) {
    case 'pretty':
      return formatPretty(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options);
    case 'github':
      return formatGithub(report);
    case 'gitlab':
      return formatGitlab(report);
    case 'junit':
      return formatJunit(report, options);
    default: {
      const unknown: never = format;
      throw new Error(`unknown report format: ${String(unknown)}`);
    }
  }
}
