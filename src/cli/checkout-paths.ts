import { resolve, sep } from 'node:path';
import { relativeWithin } from '../io/confine-path.js';
import type { ReportFormat } from '../reporters/index.js';

/** Report paths from a CI checkout: the checkout folder, and how a path from the working folder is written from it. */
export interface CheckoutPaths {
  readonly checkout: string;
  rebase(path: string): string;
}

/**
 * How a report format's paths must be written for the CI that reads it.
 * GitHub (`github` annotations, `sarif` for code scanning) and GitLab
 * (`gitlab`) place a finding by its path from the checkout
 * (`GITHUB_WORKSPACE`, `CI_PROJECT_DIR`), not from the folder the job ran in:
 * a `check` run in a subfolder (a monorepo's `docs/`) gives those formats
 * paths from the checkout, so that each finding lands on its file (and SARIF
 * fingerprints do not change with the job's folder). Null when paths stay as
 * they are (relative to the working folder): other formats, and runs outside
 * that CI. A file outside the checkout keeps its path.
 */
export function checkoutPaths(format: ReportFormat, cwd: string, env: Readonly<Record<string, string | undefined>>): CheckoutPaths | null {
  const base = format === 'github' || format === 'sarif' ? env.GITHUB_WORKSPACE : format === 'gitlab' ? env.CI_PROJECT_DIR : undefined;
  if (base === undefined || base === '') return null;
  const checkout = resolve(cwd, base);
  return {
    checkout,
    rebase: (path) => {
      const rel = relativeWithin(checkout, resolve(cwd, path));
      return rel === null || rel === '' ? path : rel.split(sep).join('/');
    },
  };
}
