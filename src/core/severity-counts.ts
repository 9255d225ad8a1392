import type { Finding } from './checks/types.js';

/** The severity counts of some findings: errors, warnings, infos. */
export type SeverityCounts = readonly [number, number, number];

/** Errors, warnings and infos among findings. */
export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return [errors, warnings, infos];
}
