import type { Config } from '../core/config.js';
import { isoDate } from '../core/create-spec.js';
import { SpecfillError } from '../core/errors.js';
import { setFrontMatterFields, type FrontMatterValue } from '../core/front-matter-edit.js';
import { lifecycleOf, transitionProblem } from '../core/lifecycle.js';
import { editSpecFile } from './edit-spec-file.js';
import { FileChecker } from './file-checker.js';
import { fileHash } from './fill-file.js';
import { readTextFileSync } from './read-text-file.js';
import { parseSpec } from '../core/parse-spec.js';

/** Options of {@link setSpecStatus}. */
export interface SetSpecStatusOptions {
  readonly root: string;
  readonly cwd: string;
  readonly config: Config;
  /** The spec, absolute, and as shown in messages. */
  readonly path: string;
  readonly displayPath: string;
  readonly status: string;
  /** Move even though the transition or the gate says no; needs a reason, recorded in the front matter. */
  readonly force?: boolean;
  readonly reason?: string;
  readonly now: Date;
  readonly dryRun?: boolean;
}

/** What `set-status --json` prints. */
export interface SetSpecStatusResult {
  readonly file: string;
  readonly from: string | null;
  readonly to: string;
  readonly changed: boolean;
  /** The move was forced past a transition rule or a gate. */
  readonly forced: boolean;
  /** Errors `check` reports for the spec (counted for gated statuses, else 0). */
  readonly errors: number;
  readonly hash: string;
  readonly diff?: string;
}

/**
 * Moves a spec to another status: refused (REFUSED, exit 1) when the
 * lifecycle does not allow the move, or when the status is gated and `check`
 * reports errors for the spec; `force` with a `reason` overrides both and
 * records the override (`status-override`) in the front matter. `updated` is
 * set to today. Written through the same locked, atomic edit as every change.
 */
export async function setSpecStatus(options: SetSpecStatusOptions): Promise<SetSpecStatusResult> {
  const shown = options.displayPath;
  const lifecycle = lifecycleOf(options.config);
  if (!lifecycle.statuses.includes(options.status)) {
    throw new SpecfillError('USAGE', `\`${options.status}\` is not a status; the statuses are: ${lifecycle.statuses.join(', ')}`, {},
      'statuses and their transitions are set in specfill.config.* (`statuses`, `transitions`)');
  }
  if (options.force && (options.reason === undefined || options.reason.trim() === '')) {
    throw new SpecfillError('USAGE', '--force needs --reason TEXT: the reason is recorded in the spec', {});
  }
  const source = readTextFileSync(options.path, { displayPath: shown, maxBytes: options.config.maxFileBytes });
  const spec = parseSpec(source);
  const current = spec.frontMatter?.data?.status;
  const from = typeof current === 'string' ? current : null;
  // Already there: nothing moves, so there is nothing to allow or to gate.
  if (from === options.status) {
    return { file: shown, from, to: options.status, changed: false, forced: false, errors: 0, hash: fileHash(source) };
  }
  const refusals: string[] = [];
  const moveProblem = transitionProblem(lifecycle, from, options.status);
  if (moveProblem !== null) refusals.push(moveProblem);

  let errors = 0;
  if (lifecycle.gates.includes(options.status)) {
    const checker = await FileChecker.create({ root: options.root, cwd: options.cwd, config: options.config });
    const found = checker.check(options.path, shown, source).report.findings.filter((f) => f.severity === 'error');
    errors = found.length;
    if (errors > 0) {
      const first = found.slice(0, 3).map((f) => `${f.line}:${f.column} ${f.message} (${f.rule})`).join('; ');
      refusals.push(`${options.status} needs a spec that passes \`specfill check\`, and it reports ${errors} error${errors === 1 ? '' : 's'} (${first}${errors > 3 ? '; …' : ''})`);
    }
  }
  if (refusals.length > 0 && !options.force) {
    throw new SpecfillError('REFUSED', `stays ${from ?? '(no status)'}: ${refusals.join('; and ')}`, { path: shown },
      'fix what is reported, or override with --force --reason "why" (recorded in the spec)');
  }
  const forced = refusals.length > 0;
  const date = isoDate(options.now);
  const fields: Record<string, FrontMatterValue> = { status: options.status, updated: date };
  if (forced) {
    // `from` is left out for a spec that had no status (rather than a made-up word in its place).
    fields['status-override'] = { status: options.status, ...(from === null ? {} : { from }), reason: options.reason!.trim(), date, ...(errors > 0 ? { errors } : {}) };
  }
  // The text the gate checked is the text changed: an edit in between is a conflict, not an unchecked approval.
  const edit = await editSpecFile(options.path, { displayPath: shown, dryRun: options.dryRun, expectedHash: fileHash(source), root: options.root, maxBytes: options.config.maxFileBytes }, (text) => setFrontMatterFields(text, fields));
  return { file: shown, from, to: options.status, changed: edit.changed, forced, errors, hash: edit.hash, ...(options.dryRun ? { diff: edit.diff } : {}) };
}
