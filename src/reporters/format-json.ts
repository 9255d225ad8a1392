import type { CheckReport, FileReport, Finding } from '../core/checks/types.js';
import { jsonAt, writeReport, type ReportSummary, type ReportWriter } from './report-writer.js';

// Rebuilt field by field so the output has the documented key order and
// nothing else, whatever extra properties the object carried at run time.
function findingJson(f: Finding): Finding {
  return {
    rule: f.rule,
    severity: f.severity,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.sectionId !== undefined && { sectionId: f.sectionId }),
    ...(f.section !== undefined && { section: [...f.section] }),
    ...(f.placeholder !== undefined && { placeholder: f.placeholder }),
    message: f.message,
  };
}

function fileJson(file: FileReport): FileReport {
  return {
    path: file.path,
    template: file.template,
    completeness: file.completeness,
    findings: file.findings.map(findingJson),
  };
}

function summaryJson(summary: ReportSummary): ReportSummary {
  return { files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos };
}

/**
 * The `check --format json` document written file by file: byte for byte
 * what `JSON.stringify(report, null, 2)` gives, one file at a time.
 */
export function createJsonWriter(): ReportWriter {
  let files = 0;
  return {
    begin: () => '{\n  "version": 1,\n  "files": [',
    file: (file) => `${files++ === 0 ? '\n' : ',\n'}    ${jsonAt(fileJson(file), 4)}`,
    end: (summary) => `${files === 0 ? ']' : '\n  ]'},\n  "summary": ${jsonAt(summaryJson(summary), 2)}\n}\n`,
  };
}

/**
 * Formats a check report as the `check --format json` document: exactly the
 * {@link CheckReport} shape, keys in their documented order, 2-space indent,
 * trailing newline.
 */
export function formatJson(report: CheckReport): string {
  return writeReport(createJsonWriter(), report);
}
