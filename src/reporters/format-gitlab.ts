import { createHash } from 'node:crypto';
import type { CheckReport, FileReport, Severity } from '../core/checks/types.js';
import { writeReport, type ReportWriter } from './report-writer.js';
import { fingerprintsOf } from './sarif-fingerprint.js';

// GitLab ranks `info`, `minor`, `major`, `critical`, `blocker`; an error is
// `major` so that it ranks above warnings in the merge request widget.
const SEVERITIES: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/** A hex fingerprint, unique in the report and blind to line numbers (as SARIF's), which GitLab compares between branches. */
function hexFingerprint(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

function issues(file: FileReport): string[] {
  const fingerprints = fingerprintsOf(file.path, file.findings);
  return file.findings.map((f, i) => JSON.stringify({
    description: f.message,
    check_name: f.rule,
    fingerprint: hexFingerprint(fingerprints[i]!),
    severity: SEVERITIES[f.severity],
    // (`end` as the Code Climate format has it: a finding over several lines is shown whole.)
    location: { path: file.path, lines: { begin: f.line, end: f.endLine } },
  }));
}

/**
 * The GitLab Code Quality report (the Code Climate subset GitLab reads from
 * `artifacts: reports: codequality`), written file by file: a JSON array,
 * one issue per line. A file that could not be checked is a `critical`
 * issue, so the merge request does not look clean.
 */
export function createGitlabWriter(): ReportWriter {
  let first = true;
  const item = (json: string): string => {
    const piece = `${first ? '\n' : ',\n'}  ${json}`;
    first = false;
    return piece;
  };
  return {
    begin: () => '[',
    file: (file) => issues(file).map(item).join(''),
    end: (_summary, notes) => {
      const failed = (notes?.failures ?? []).map((f) => item(JSON.stringify({
        description: `specfill could not check this file: ${f.message}`,
        check_name: 'file-error',
        fingerprint: hexFingerprint(`file-error\0${f.path}\0${f.code}`),
        severity: 'critical',
        location: { path: f.path, lines: { begin: f.line ?? 1, end: f.line ?? 1 } },
      }))).join('');
      return `${failed}${first ? ']' : '\n]'}\n`;
    },
  };
}

/** Formats a check report as a GitLab Code Quality report. */
export function formatGitlab(report: CheckReport): string {
  return writeReport(createGitlabWriter(), report);
}
