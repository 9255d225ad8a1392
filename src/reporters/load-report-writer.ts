import type { FormatReportOptions, ReportFormat } from './index.js';
import type { ReportWriter } from './report-writer.js';

/**
 * Loads only the report format asked for and makes its writer, so that
 * `check` does not pay for the five it does not use (the CLI's start-up time
 * matters on every commit).
 */
export async function loadReportWriter(format: ReportFormat, options: FormatReportOptions): Promise<ReportWriter> {
  switch (format) {
    case 'pretty':
      return (await import('./format-pretty.js')).createPrettyWriter(options);
    case 'json':
      return (await import('./format-json.js')).createJsonWriter();
    case 'sarif':
      return (await import('./format-sarif.js')).createSarifWriter(options);
    case 'github':
      return (await import('./format-github.js')).createGithubWriter();
    case 'gitlab':
      return (await import('./format-gitlab.js')).createGitlabWriter();
    case 'junit':
      return (await import('./format-junit.js')).createJunitWriter(options);
  }
}
