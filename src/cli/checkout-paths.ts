import { isAbsolute, relative, resolve, sep } from 'node:path';
import { realOrAsIs } from '../io/confine-path.js';
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
 * that CI. A file outside the checkout is written from it too (`../x.md`),
 * so that a SARIF path always reads against its `%SRCROOT%`. The checkout is
 * taken through any symbolic link to it, as the working folder is.
 */
export function checkoutPaths(format: ReportFormat, cwd: string, env: Readonly<Record<string, string | undefined>>): CheckoutPaths | null {
  const base = format === 'github' || format === 'sarif' ? env.GITHUB_WORKSPACE : format === 'gitlab' ? env.CI_PROJECT_DIR : undefined;
  if (base === undefined || base === '') return null;
  const checkout = realOrAsIs(resolve(cwd, base));
  const here = realOrAsIs(cwd);
  return {
    checkout,
    rebase: (path) => {
      const rel = relative(checkout, resolve(here, path));
      // On another drive (Windows) there is no way from the checkout.
      return rel === '' || isAbsolute(rel) ? path : rel.split(sep).join('/');
    },
  };
}
