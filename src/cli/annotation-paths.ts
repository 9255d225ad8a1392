import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReportFormat } from '../reporters/index.js';

/**
 * How a report format's paths must be written for the CI that reads it.
 * GitHub (`github`) and GitLab (`gitlab`) place an annotation by its path from
 * the checkout (`GITHUB_WORKSPACE`, `CI_PROJECT_DIR`), not from the folder the
 * job ran in: a `check` run in a subfolder (a monorepo's `docs/`) gives those
 * formats paths from the checkout, so that each annotation lands on its file.
 * Null when the paths stay as they are (relative to the working folder):
 * other formats, runs outside that CI, and files outside the checkout.
 */
export function annotationPaths(format: ReportFormat, cwd: string, env: Readonly<Record<string, string | undefined>>): ((path: string) => string) | null {
  const base = format === 'github' ? env.GITHUB_WORKSPACE : format === 'gitlab' ? env.CI_PROJECT_DIR : undefined;
  if (base === undefined || base === '') return null;
  const checkout = resolve(cwd, base);
  return (path) => {
    const rel = relative(checkout, resolve(cwd, path));
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return path;
    return rel.split(sep).join('/');
  };
}
