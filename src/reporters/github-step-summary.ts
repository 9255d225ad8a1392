import type { CheckReport, FileReport } from '../core/checks/types.js';
import { countSeverities } from '../core/severity-counts.js';

/** The most files the summary's table lists: a step summary is read, not searched. */
const MOST_ROWS = 50;

/** One file's counts in the summary. */
interface SummaryRow {
  readonly path: string;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/**
 * The Markdown a `check --format github` run appends to the job's step
 * summary (`$GITHUB_STEP_SUMMARY`): the totals, and the files with findings,
 * most errors first. GitHub shows only the first ten annotations of each kind
 * of a step on a pull request, so a run with more would otherwise look
 * smaller than it is. Collects the files as they are reported; pure.
 */
export class GithubStepSummary {
  private readonly rows: SummaryRow[] = [];

  /** Counts one file's findings (a file without any is only counted in the totals). */
  add(file: FileReport): void {
    if (file.findings.length === 0) return;
    const [errors, warnings, infos] = countSeverities(file.findings);
    this.rows.push({ path: file.path, errors, warnings, infos });
  }

  /**
   * The summary's Markdown, given the run's totals, how many files could not
   * be checked, and whether only changed files were (`--changed`: "no changed
   * spec files to check", as the pretty reporter says, not "no problems in 0 files").
   */
  markdown(summary: CheckReport['summary'], failures: number, changedOnly = false): string {
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const lines = ['### specfill check', ''];
    if (this.rows.length === 0 && failures === 0) {
      lines.push(summary.files > 0 ? `✔ no problems in ${plural(summary.files, 'file')}` : `✔ ${changedOnly ? 'no changed spec files to check' : 'no spec files to check'}`);
      return `${lines.join('\n')}\n`;
    }
    const counts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), ...(summary.infos > 0 ? [plural(summary.infos, 'notice')] : [])];
    lines.push(`${summary.errors > 0 || failures > 0 ? '✖' : '⚠'} ${counts.join(', ')} in ${this.rows.length} of ${plural(summary.files + failures, 'file')}${failures > 0 ? `; ${plural(failures, 'file')} could not be checked` : ''}`, '');
    if (this.rows.length > 0) {
      const sorted = [...this.rows].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.infos - a.infos || (a.path < b.path ? -1 : 1));
      lines.push('| File | Errors | Warnings | Notices |', '| --- | ---: | ---: | ---: |');
      for (const r of sorted.slice(0, MOST_ROWS)) lines.push(`| ${codeCell(r.path)} | ${r.errors} | ${r.warnings} | ${r.infos} |`);
      if (sorted.length > MOST_ROWS) lines.push('', `… and ${plural(sorted.length - MOST_ROWS, 'file')} more with findings.`);
      lines.push('', 'Every finding is an annotation in the step\'s log; a pull request shows the first ten of each kind.');
    }
    return `${lines.join('\n')}\n`;
  }
}

/** A path as a table cell in code: `|` escaped (it would end the cell), a backtick run longer than any in the path around it. */
function codeCell(path: string): string {
  const text = path.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}
