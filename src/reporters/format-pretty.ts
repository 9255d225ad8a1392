import pc from 'picocolors';
import type { CheckReport, FileReport, Finding, Severity } from '../core/checks/types.js';
import { renderCodeFrame } from './code-frame.js';
import { writeReport, type ReportWriter, type RunNotes } from './report-writer.js';
import { displayWidth, padCells, splitLines, toVisibleText } from './terminal-text.js';
import { isLineEnd, trimEndWhile } from '../core/trim-end.js';

/** Options of {@link formatPretty}. */
export interface PrettyOptions {
  /** Colour the output with ANSI codes (the caller decides: a TTY, no `NO_COLOR`). */
  readonly color: boolean;
  /** File texts by report path; a finding in a file found here gets a code frame. */
  readonly sources?: ReadonlyMap<string, string>;
  /**
   * List each file that could not be checked, with why, above the summary:
   * for a report written to a file, which is read without the run's stderr
   * (where a terminal already shows them, with their hints).
   */
  readonly listFailures?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

const INDENT = '  ';
const FRAME_INDENT = '    ';
const GAP = '  ';

/** `1 error`, `2 errors`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function paintSeverity(colors: Colors, severity: Severity): (text: string) => string {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue;
}

/** The widest the message column is padded to; longer messages run past it. */
const MESSAGE_COLUMN = 80;

// Not Math.max(...xs): a file with very many findings would overflow the argument limit.
function maxOf(values: readonly number[]): number {
  return values.reduce((max, v) => (v > max ? v : max), 0);
}

// Findings read top to bottom, whatever order the rules produced them in.
function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column;
}

/** The lines of one file's block: header, one row per finding, code frames. */
function formatFile(file: FileReport, colors: Colors, source: string | undefined): string[] {
  const findings = [...file.findings].sort(byPosition);
  const path = toVisibleText(file.path);
  const locations = findings.map((f) => `${path}:${f.line}:${f.column}`);
  const messages = findings.map((f) => splitLines(trimEndWhile(f.message, isLineEnd)).map(toVisibleText));
  const locationWidth = maxOf(locations.map(displayWidth));
  const severityWidth = maxOf(findings.map((f) => f.severity.length));
  // Rule ids line up in a column, but one long message (a KEP's 100-character
  // question heading) does not push every other row's rule id off the screen.
  const messageWidth = Math.min(maxOf(messages.map((m) => displayWidth(m[0]!))), MESSAGE_COLUMN);
  const continuation = ' '.repeat(INDENT.length + locationWidth + GAP.length + severityWidth + GAP.length);

  const sourceLines = source === undefined ? null : splitLines(source.replace(/^\uFEFF/, ''));
  const gutterWidth = String(maxOf(findings.map((f) => f.line))).length;

  const out = [colors.bold(colors.underline(path))];
  findings.forEach((finding, i) => {
    const paint = paintSeverity(colors, finding.severity);
    const [first, ...rest] = messages[i]!;
    out.push(
      INDENT +
        padCells(locations[i]!, locationWidth) +
        GAP +
        paint(finding.severity.padEnd(severityWidth)) +
        GAP +
        padCells(first!, messageWidth) +
        GAP +
        colors.dim(toVisibleText(finding.rule)),
    );
    for (const line of rest) out.push(continuation + line);
    // Findings on the very same span (missing sections, all placed at the
    // next heading) share one frame, under the last of them, in the colour of
    // the most severe.
    const next = findings[i + 1];
    if (next !== undefined && sameSpan(next, finding)) return;
    let worst = finding.severity;
    for (let k = i - 1; k >= 0 && sameSpan(findings[k]!, finding); k--) if (RANK[findings[k]!.severity] < RANK[worst]) worst = findings[k]!.severity;
    const sourceLine = sourceLines?.[finding.line - 1];
    if (sourceLine !== undefined && finding.line >= 1) {
      const frame = renderCodeFrame(sourceLine, finding, { gutterWidth, paintMarker: paintSeverity(colors, worst), paintGutter: colors.dim });
      out.push(...frame.map((row) => FRAME_INDENT + row));
    }
  });
  return out;
}

const RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

function sameSpan(a: Finding, b: Finding): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

/**
 * `✖ 3 errors, 1 warning in 2 of 5 files` (the files with findings, of the
 * files checked and those that could not be, as the GitHub step summary
 * counts them) or `✔ no problems in 5 files`.
 */
function formatSummary(summary: CheckReport['summary'], withFindings: number, colors: Colors, notes: RunNotes = {}): string {
  const unchecked = notes.failures?.length ?? 0;
  const failed = unchecked > 0 ? `${plural(unchecked, 'file')} could not be checked` : '';
  if (summary.files === 0) {
    const none = notes.changedOnly === true ? 'no changed spec files to check' : 'no spec files to check';
    return failed === '' ? colors.green(`✔ ${none}`) : colors.bold(colors.red(`✖ ${failed}`));
  }
  const files = plural(summary.files, 'file');
  const infos = summary.infos > 0 ? ` (${plural(summary.infos, 'info')})` : '';
  if (summary.errors === 0 && summary.warnings === 0) {
    return failed === '' ? colors.green(`✔ no problems in ${files}${infos}`) : colors.bold(colors.red(`✖ ${failed}; no problems in ${files}${infos}`));
  }
  const parts = [];
  if (summary.errors > 0) parts.push(plural(summary.errors, 'error'));
  if (summary.warnings > 0) parts.push(plural(summary.warnings, 'warning'));
  if (summary.infos > 0) parts.push(plural(summary.infos, 'info'));
  const paint = summary.errors > 0 || failed !== '' ? colors.red : colors.yellow;
  // The files that could not be checked are counted in the whole, and named after it: `in 2 of 3 files; 1 file could not be checked`.
  return colors.bold(paint(`✖ ${parts.join(', ')} in ${withFindings} of ${plural(summary.files + unchecked, 'file')}${failed === '' ? '' : `; ${failed}`}`));
}

/**
 * The pretty report written file by file: a file's block as soon as it is
 * checked (files without findings print nothing), the summary at the end.
 */
export function createPrettyWriter(options: Pick<PrettyOptions, 'color' | 'listFailures'>): ReportWriter {
  const colors = pc.createColors(options.color);
  let withFindings = 0;
  return {
    begin: () => '',
    file: (file, source) => {
      if (file.findings.length === 0) return '';
      withFindings++;
      return `${formatFile(file, colors, source).join('\n')}\n\n`;
    },
    end: (summary, notes) => {
      const failures = options.listFailures === true ? notes?.failures ?? [] : [];
      const listed = failures.map((f) => `${colors.red('✖')} ${f.path}${f.line === undefined ? '' : `:${f.line}${f.column === undefined ? '' : `:${f.column}`}`} could not be checked: ${f.message} (${f.code})\n`).join('');
      return `${listed}${listed === '' ? '' : '\n'}${formatSummary(summary, withFindings, colors, notes)}\n`;
    },
  };
}

/**
 * Formats a check report for a person at a terminal: findings grouped by
 * file under a bold header, one aligned row per finding
 * (`path:line:col  severity  message  rule`), a code frame under each when
 * the file's text is in `sources`, and a closing summary line. Files
 * without findings are left out; the summary still counts them. Colour only
 * when `options.color`.
 */
export function formatPretty(report: CheckReport, options: PrettyOptions): string {
  return writeReport(createPrettyWriter(options), report, options.sources);
}
