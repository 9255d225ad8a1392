import type { CheckReport, FileReport, Finding } from '../core/checks/types.js';

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

/**
 * Formats a check report as the `check --format json` document: exactly the
 * {@link CheckReport} shape, keys in their documented order, 2-space indent,
 * trailing newline.
 */
export function formatJson(report: CheckReport): string {
  const json: CheckReport = {
    version: report.version,
    files: report.files.map(fileJson),
    summary: {
      files: report.summary.files,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      infos: report.summary.infos,
    },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
