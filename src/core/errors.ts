/** Stable codes of the failures specfill reports (exit code 2). */
export type SpecfillErrorCode =
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'IS_DIRECTORY'
  | 'NOT_A_FILE'
  | 'FILE_TOO_LARGE'
  | 'BINARY_FILE'
  | 'INVALID_UTF8'
  | 'INVALID_FRONT_MATTER'
  | 'UNKNOWN_TEMPLATE'
  | 'INVALID_TEMPLATE'
  | 'INVALID_CONFIG'
  | 'GIT_FAILED'
  | 'CONFLICT'
  | 'INVALID_ANSWERS'
  | 'FILE_EXISTS'
  | 'WRITE_FAILED'
  | 'READ_FAILED'
  | 'OUTSIDE_ROOT'
  | 'NOT_MARKDOWN'
  | 'NOT_A_SPEC'
  | 'REFUSED'
  | 'UNREACHABLE';

/** Where a failure happened: a file, and a line and column in it when known. */
export interface ErrorLocation {
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * A failure (not a finding): bad usage, a file that cannot be used, an I/O
 * error. It carries a stable `code`, its location and a hint saying what to
 * do. Problems found in a document are data, never exceptions.
 */
export class SpecfillError extends Error {
  readonly code: SpecfillErrorCode;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;

  constructor(code: SpecfillErrorCode, message: string, location: ErrorLocation = {}, hint?: string) {
    super(message);
    this.name = 'SpecfillError';
    this.code = code;
    this.location = location;
    this.hint = hint;
  }

  /** `path:line:column: message` followed by the hint, as printed on stderr. */
  format(): string {
    return `${this.placed()}${this.hint === undefined ? '' : `\n  hint: ${this.hint}`}`;
  }

  /** `path:line:column: message`, one line: what another error quotes of this one (its hint is the quoting error's to give). */
  placed(): string {
    const { path, line, column } = this.location;
    const where = path === undefined ? '' : `${path}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: `;
    return `${where}${this.message}`;
  }
}
