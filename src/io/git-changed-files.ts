import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SpecfillError } from '../core/errors.js';

function git(cwd: string, args: readonly string[]): string {
  return gitOutput(cwd, args).trim();
}

/** A list of paths from git, NUL-separated (`-z`): names with spaces, quotes or non-ASCII letters come as they are, unquoted. */
function gitPaths(cwd: string, args: readonly string[]): string[] {
  return gitOutput(cwd, [...args.slice(0, 1), '-z', ...args.slice(1)]).split('\0').filter((f) => f !== '');
}

function gitOutput(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new SpecfillError('GIT_FAILED', `git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`, {},
      '--changed needs a git repository and a ref that exists (fetch the base branch in CI: actions/checkout with fetch-depth: 0)');
  }
}

/** The default branch: origin's HEAD if known, else `main`, else `master`. */
function defaultBranch(cwd: string): string {
  try {
    return git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  } catch {
    for (const name of ['main', 'master', 'origin/main', 'origin/master']) {
      try {
        git(cwd, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
        return name;
      } catch {
        // try the next name
      }
    }
    throw new SpecfillError('GIT_FAILED', 'cannot tell the default branch (no origin/HEAD, main or master)', {}, 'name the base: --changed REF');
  }
}

/**
 * Absolute paths of the files changed against `ref` (default: the merge base
 * of HEAD and the default branch): committed, staged, unstaged and untracked
 * changes alike, deletions left out.
 */
export function gitChangedFiles(cwd: string, ref?: string): Set<string> {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (ref !== undefined) {
    try {
      git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    } catch {
      // `check --changed specs` takes `specs` for the ref: say so when it is a path.
      const isPath = existsSync(resolve(cwd, ref));
      throw new SpecfillError('GIT_FAILED', `--changed ${ref}: no such git ref${isPath ? ` (\`${ref}\` is a path here)` : ''}`, {},
        isPath
          ? `put the paths before --changed (specfill check ${ref} --changed), or name the ref with = (--changed=origin/main ${ref})`
          : 'name a branch, tag or commit that exists here (fetch the base branch in CI: actions/checkout with fetch-depth: 0)');
    }
  }
  const base = ref ?? git(cwd, ['merge-base', 'HEAD', defaultBranch(cwd)]);
  const changed = gitPaths(cwd, ['diff', '--name-only', '--diff-filter=ACMRT', base, '--']);
  const untracked = gitPaths(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name']);
  return new Set([...changed, ...untracked].map((f) => resolve(top, f)));
}
