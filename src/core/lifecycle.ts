import type { Config } from './config.js';
import { DEFAULT_STATUSES } from './check-spec.js';

/** The lifecycle a project uses: its statuses, the moves between them, and the gated ones. */
export interface Lifecycle {
  readonly statuses: readonly string[];
  readonly transitions: Readonly<Record<string, readonly string[]>>;
  /** Statuses a spec may enter only while `check` reports no errors for it. */
  readonly gates: readonly string[];
}

/** The default moves: draft → review → approved → implemented, with ways back, out, and on. */
export const DEFAULT_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  draft: ['review', 'withdrawn', 'rejected', 'superseded'],
  review: ['draft', 'approved', 'rejected', 'withdrawn', 'superseded'],
  approved: ['implemented', 'review', 'superseded', 'withdrawn'],
  implemented: ['superseded'],
  rejected: ['draft'],
  withdrawn: ['draft'],
  superseded: [],
};

/** The default gated statuses. */
export const DEFAULT_GATES: readonly string[] = ['review', 'approved'];

/**
 * The lifecycle of a config: its statuses and transitions, or the defaults.
 * Custom statuses without transitions may move to any other status.
 */
export function lifecycleOf(config: Config): Lifecycle {
  const statuses = config.statuses ?? DEFAULT_STATUSES;
  const transitions = config.transitions ?? (config.statuses === undefined
    ? DEFAULT_TRANSITIONS
    : Object.fromEntries(statuses.map((s) => [s, statuses.filter((t) => t !== s)])));
  return { statuses, transitions, gates: config.gates ?? DEFAULT_GATES.filter((g) => statuses.includes(g)) };
}

/** Why a move is not allowed, or null when it is. A spec without a status counts as the first status. */
export function transitionProblem(lifecycle: Lifecycle, from: string | null, to: string): string | null {
  if (!lifecycle.statuses.includes(to)) return `\`${to}\` is not a status; the statuses are: ${lifecycle.statuses.join(', ')}`;
  const current = from ?? lifecycle.statuses[0]!;
  if (current === to) return null;
  const allowed = lifecycle.transitions[current] ?? [];
  if (!allowed.includes(to)) {
    return `a spec cannot go from ${current} to ${to}; from ${current} it can go to: ${allowed.join(', ') || '(nothing)'}`;
  }
  return null;
}
