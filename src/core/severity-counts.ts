import type { Finding } from './checks/types.js';

/** The severity counts of some findings: errors, warnings, infos. */
export type SeverityCounts = readonly [number, number, number];

/** Errors, warnings and infos among findings. */
export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    // (A finding that stands for those not listed counts them all: `--max-warnings` holds past the cap.)
    const n = f.more ?? 1;
    if (f.severity === 'error') errors += n;
    else if (f.severity === 'warning') warnings += n;
    else infos += n;
  }
  return [errors, warnings, infos];
}
