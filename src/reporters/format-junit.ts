import type { CheckReport, FileReport, Finding } from '../core/checks/types.js';
import { writeReport, type ReportWriter } from './report-writer.js';

// Characters XML 1.0 forbids anywhere, even as references: C0 controls other
// than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Written as references so parsers keep them: a raw CR is normalised to LF
  // everywhere, and raw tab/LF become spaces in attribute values.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** `text` escaped for an XML attribute value. */
function escapeAttribute(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"'\r\n\t]/g, (c) => ENTITIES[c]!);
}

/** `text` escaped for XML character data (line breaks and tabs kept as they are, but CR). */
function escapeText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c]!);
}

/** Errors fail a file's test case, as they fail the run; warnings and infos are only reported in its output. */
function isFailure(finding: Finding): boolean {
  return finding.severity === 'error';
}

function describe(path: string, f: Finding): string {
  return `${path}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.rule})`;
}

/**
 * A file's test case: at most one `<failure>` (JUnit's schema allows one, and
 * dashboards show only the first), naming the rules broken and listing every
 * error, one per line.
 */
function testCase(file: FileReport): string {
  const path = escapeAttribute(file.path);
  const open = `    <testcase classname="${path}" name="${path}"`;
  const failures = file.findings.filter(isFailure);
  const others = file.findings.filter((f) => !isFailure(f));
  if (failures.length === 0 && others.length === 0) return `${open}/>`;
  const lines = [`${open}>`];
  if (failures.length > 0) {
    const first = failures[0]!;
    const type = [...new Set(failures.map((f) => f.rule))].join(', ');
    // (Past the 500 listed, one finding stands for the rest: counted whole.)
    const count = failures.reduce((n, f) => n + (f.more ?? 1), 0);
    const message = count === 1 ? first.message : `${count} errors; the first: ${first.message}`;
    const text = failures.map((f) => describe(file.path, f)).join('\n');
    lines.push(`      <failure type="${escapeAttribute(type)}" message="${escapeAttribute(message)}">${escapeText(text)}</failure>`);
  }
  if (others.length > 0) {
    lines.push(`      <system-out>${escapeText(others.map((f) => describe(file.path, f)).join('\n'))}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

/** How the JUnit report is written. */
export interface JunitOptions {
  /** `--max-warnings`: more warnings than this fail the run, and a test case of the report. */
  readonly maxWarnings?: number;
}

/**
 * The JUnit report, file by file. Its opening tags carry the totals, so this
 * one format keeps each file's test case (as text, not findings) until the end.
 */
export function createJunitWriter(options: JunitOptions = {}): ReportWriter {
  const cases: string[] = [];
  let failures = 0;
  return {
    begin: () => '',
    file: (file) => {
      if (file.findings.some(isFailure)) failures++;
      cases.push(testCase(file));
      return '';
    },
    end: (summary, notes) => {
      // A file that could not be checked is a test case in error (not a failure: nothing was judged).
      const errors = notes?.failures ?? [];
      for (const f of errors) {
        const path = escapeAttribute(f.path);
        const where = f.line === undefined ? f.path : `${f.path}:${f.line}${f.column === undefined ? '' : `:${f.column}`}`;
        cases.push(`    <testcase classname="${path}" name="${path}">\n      <error type="${escapeAttribute(f.code)}" message="${escapeAttribute(f.message)}">${escapeText(`${where} ${f.message}`)}</error>\n    </testcase>`);
      }
      // More warnings than --max-warnings fail the run: a test case of their own says so, as the exit code does.
      // (There whenever the limit is set, passed or failed, so that a dashboard counts the same tests from run to run.)
      const { maxWarnings } = options;
      if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
        const message = `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`;
        cases.push(`    <testcase classname="specfill" name="--max-warnings ${maxWarnings}">\n      <failure type="max-warnings" message="${escapeAttribute(message)}">${escapeText(message)}</failure>\n    </testcase>`);
        failures++;
      } else if (maxWarnings !== undefined) {
        cases.push(`    <testcase classname="specfill" name="--max-warnings ${maxWarnings}">\n      <system-out>${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, at most ${maxWarnings}</system-out>\n    </testcase>`);
      }
      const counts = `tests="${cases.length}" failures="${failures}" errors="${errors.length}"`;
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="specfill" ${counts}>`,
        `  <testsuite name="specfill check" ${counts} skipped="0">`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n');
    },
  };
}

/**
 * Formats a check report as JUnit XML for CI test dashboards: one
 * `<testsuite name="specfill check">` with one `<testcase>` per checked
 * file (`classname` and `name` are its path). A file with errors fails: one
 * `<failure>` whose `type` names the rules, `message` the error (or how many,
 * and the first), and text one `path:line:col severity message (rule)` line
 * per error. Warnings and infos go to the test case's `<system-out>`, as they
 * do not fail the run either, unless there are more than `--max-warnings`: then
 * a test case of its own fails. `tests` counts the test cases, `failures` the failed ones.
 */
export function formatJunit(report: CheckReport, options: JunitOptions = {}): string {
  return writeReport(createJunitWriter(options), report);
}
