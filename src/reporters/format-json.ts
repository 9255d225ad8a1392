import type { CheckReport, FileReport, Finding } from '../core/checks/types.js';
import { jsonBodyOf } from './rendered-json.js';
import { jsonAt, writeReport, type ReportWriter } from './report-writer.js';

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters, and (when lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string's JSON, as JSON.stringify writes it. Most of a report's strings
 * (messages, section names) need no escape: quoted as they are, which is
 * about a third faster over tens of thousands of findings.
 */
function q(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}
const FILE = '    ';
const FILE_KEY = '      ';
const FINDING = '        ';
const KEY = '          ';
const ITEM = '            ';

// Written key by key rather than through JSON.stringify(value, null, 2) and
// re-indented: the same bytes (a property test holds them equal), in the
// documented key order whatever extra properties the objects carry, and a
// fraction of the time on reports with tens of thousands of findings.
function findingText(f: Finding): string {
  // Positions are integers, whose JSON is their decimal form.
  let out = `${FINDING}{\n${KEY}"rule": ${q(f.rule)},\n${KEY}"severity": "${f.severity}",\n${KEY}"line": ${f.line},\n${KEY}"column": ${f.column},\n${KEY}"endLine": ${f.endLine},\n${KEY}"endColumn": ${f.endColumn},\n`;
  if (f.sectionId !== undefined) out += `${KEY}"sectionId": ${q(f.sectionId)},\n`;
  if (f.section !== undefined) {
    if (f.section.length === 0) out += `${KEY}"section": [],\n`;
    else {
      out += `${KEY}"section": [\n${ITEM}${q(f.section[0]!)}`;
      for (let i = 1; i < f.section.length; i++) out += `,\n${ITEM}${q(f.section[i]!)}`;
      out += `\n${KEY}],\n`;
    }
  }
  if (f.placeholder !== undefined) out += `${KEY}"placeholder": ${q(f.placeholder)},\n`;
  if (f.more !== undefined) out += `${KEY}"more": ${f.more},\n`;
  return `${out}${KEY}"message": ${q(f.message)}\n${FINDING}}`;
}

/** The start of a file's object in the report, up to and including its path. */
function fileHead(file: FileReport): string {
  return `${FILE}{\n${FILE_KEY}"path": ${q(file.path)},\n`;
}

/**
 * The rest of a file's object in the `check --format json` report, after its
 * path: what the cache stores, since it does not depend on the working folder
 * the path is shown from. `{` and this text make a JSON object of the report's
 * other keys.
 */
export function fileJsonBody(file: FileReport): string {
  const head = `${FILE_KEY}"template": ${file.template === null ? 'null' : q(file.template)},\n${FILE_KEY}"completeness": ${JSON.stringify(file.completeness)},\n${FILE_KEY}"findings": `;
  const findings = file.findings;
  if (findings.length === 0) return `${head}[]\n${FILE}}`;
  let out = `${head}[\n${findingText(findings[0]!)}`;
  for (let i = 1; i < findings.length; i++) out += `,\n${findingText(findings[i]!)}`;
  return `${out}\n${FILE_KEY}]\n${FILE}}`;
}

/**
 * The `check --format json` document written file by file: byte for byte
 * what `JSON.stringify(report, null, 2)` gives for the documented shape.
 */
export function createJsonWriter(): ReportWriter {
  let files = 0;
  return {
    begin: () => '{\n  "version": 1,\n  "files": [',
    file: (file) => {
      const head = `${files++ === 0 ? '\n' : ',\n'}${fileHead(file)}`;
      // A body rendered already (by the cache) is copied as bytes.
      const body = jsonBodyOf(file);
      return body === undefined ? head + fileJsonBody(file) : Buffer.concat([Buffer.from(head, 'utf8'), body]);
    },
    end: (s, notes) => {
      const failures = notes?.failures ?? [];
      // Files that could not be checked are listed apart (only when there are some): not a report of findings.
      const failed = failures.length === 0 ? '' : `,\n  "failures": ${jsonAt(failures, 2)}`;
      return `${files === 0 ? ']' : '\n  ]'},\n  "summary": {\n    "files": ${JSON.stringify(s.files)},\n    "errors": ${JSON.stringify(s.errors)},\n    "warnings": ${JSON.stringify(s.warnings)},\n    "infos": ${JSON.stringify(s.infos)}\n  }${failed}\n}\n`;
    },
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
