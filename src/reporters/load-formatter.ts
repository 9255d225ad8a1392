import type { CheckReport } from '../core/checks/types.js';
import type { FormatReportOptions, ReportFormat } from './index.js';

/** A formatter ready to use. */
export type Formatter = (report: CheckReport, options: FormatReportOptions) => string;

/**
 * Loads only the formatter asked for, so that `check` does not pay for the
 * four it does not use (the CLI's start-up time matters on every commit).
 */
export async function loadFormatter(format: ReportFormat): Promise<Formatter> {
  switch (format) {
    case 'pretty':
      return (await import('./format-pretty.js')).formatPretty;
    case 'json':
      return (await import('./format-json.js')).formatJson;
    case 'sarif':
      return (await import('./format-sarif.js')).formatSarif;
    case 'github':
      return (await import('./format-github.js')).formatGithub;
    case 'junit':
      return (await import('./format-junit.js')).formatJunit;
  }
}
