import type { CheckReport, Finding, Severity } from '../core/checks/types.js';
import { writeReport, type ReportWriter } from './report-writer.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escapes a workflow command's message, as the Actions runner decodes it.
 * Other control characters (an escape sequence in a heading) would reach the
 * log as they are: they are shown as U+FFFD.
 */
function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/** Escapes a workflow command's property value, where `:` and `,` are separators too. */
function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(path: string, finding: Finding): string {
  const properties: [string, string | number][] = [
    ['file', path],
    ['line', finding.line],
  ];
  // GitHub only accepts columns on a one-line annotation (the Checks API
  // rejects or drops start/end columns when start and end lines differ).
  const oneLine = finding.endLine === finding.line;
  if (oneLine) properties.push(['col', finding.column]);
  properties.push(['endLine', finding.endLine]);
  if (oneLine) properties.push(['endColumn', finding.endColumn]);
  properties.push(['title', `specfill ${finding.rule}`]);
  const props = properties.map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`).join(',');
  return `::${COMMANDS[finding.severity]} ${props}::${escapeGithubData(finding.message)}`;
}

/** The workflow commands written file by file. */
export function createGithubWriter(): ReportWriter {
  return {
    begin: () => '',
    file: (file) => file.findings.map((finding) => `${annotation(file.path, finding)}\n`).join(''),
    // A file that could not be checked is an error annotation too: the run must not look clean.
    end: (_summary, notes) => (notes?.failures ?? []).map((f) => {
      const properties: [string, string | number][] = [['file', f.path]];
      if (f.line !== undefined) properties.push(['line', f.line]);
      if (f.line !== undefined && f.column !== undefined) properties.push(['col', f.column]);
      properties.push(['title', `specfill could not check this file (${f.code})`]);
      return `::error ${properties.map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`).join(',')}::${escapeGithubData(f.message)}\n`;
    }).join(''),
  };
}

/**
 * Formats a check report as GitHub Actions workflow commands, one line per
 * finding (`::error file=…,line=…::message`; `warning`; `notice` for info),
 * which the runner turns into annotations on the pull request's files. An
 * empty string when there are no findings.
 */
export function formatGithub(report: CheckReport): string {
  return writeReport(createGithubWriter(), report);
}
