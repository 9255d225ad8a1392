import type { CheckReport, FileReport } from '../core/checks/types.js';
import type { FileErrorJson } from '../core/json-shapes.js';

/** The counts that close a report. */
export type ReportSummary = CheckReport['summary'];

/** What a report says besides the files' findings. */
export interface RunNotes {
  /** Files that could not be checked (in the one JSON shape of a file's error): every format reports them, so a CI run does not look clean. */
  readonly failures?: readonly FileErrorJson[];
  /** Only files changed against a git ref were looked for (`--changed`). */
  readonly changedOnly?: boolean;
}

/**
 * A report format written piece by piece as files are checked, so that a
 * run over tens of thousands of files prints as it goes and holds no
 * finding longer than its file takes: `begin`, then `file` for each file in
 * report order, then `end` once the counts are known.
 */
export interface ReportWriter {
  /** The text before the first file. */
  begin(): string;
  /**
   * The text for one file; `source` is its text, for formats that quote it.
   * UTF-8 bytes instead of a string when the text is copied as stored (the
   * JSON format, from the cache).
   */
  file(file: FileReport, source: string | undefined): string | Uint8Array;
  /** The closing text; `notes` tell what the counts alone do not. */
  end(summary: ReportSummary, notes?: RunNotes): string;
}

/** The whole text of a report through a writer (what the `formatX` functions return). */
export function writeReport(writer: ReportWriter, report: CheckReport, sources?: ReadonlyMap<string, string>): string {
  let text = writer.begin();
  for (const file of report.files) text += textOf(writer.file(file, sources?.get(file.path)));
  return text + writer.end(report.summary);
}

/** `JSON.stringify(value, null, 2)` for a value nested `indent` spaces deep in a larger document. */
export function jsonAt(value: unknown, indent: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}

/** A writer's piece as a string. */
export function textOf(piece: string | Uint8Array): string {
  return typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8');
}
