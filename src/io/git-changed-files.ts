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
    // (The first git command a run makes is not one whose failure is expected, so this reaches the user.)
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new SpecfillError('GIT_FAILED', '--changed asks git what changed, and git is not installed here (or not on PATH)', {},
        'install git (Debian: apt-get install git), or name the files to check instead of --changed');
    }
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new SpecfillError('GIT_FAILED', `git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`, {},
      '--changed needs a git repository and a ref that exists (fetch the base branch in CI: actions/checkout with fetch-depth: 0)');
  }
}

/**
 * The default branch: origin's HEAD if known, else `origin/main`, `origin/master`
 * (what the remote has, which a local branch of that name may lag behind),
 * else a local `main` or `master` (a repository with no remote).
 */
function defaultBranch(cwd: string): string {
  try {
    return git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  } catch {
    for (const name of ['origin/main', 'origin/master', 'main', 'master']) {
      try {
        git(cwd, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
        return name;
      } catch {
        // try the next name
      }
    }
    throw new SpecfillError('GIT_FAILED', 'cannot tell the default branch (no origin/HEAD, main or master here)', {},
      'name the base (--changed origin/main), and in CI fetch it: actions/checkout with fetch-depth: 0, or git fetch origin main');
  }
}

/** Whether git answers this command without an error (its output unused). */
function succeeds(cwd: string, args: readonly string[]): boolean {
  try {
    git(cwd, args);
    return true;
  } catch {
    return false;
  }
}

/**
 * Absolute paths of the files changed against `ref` (default: the default
 * branch), counted from where HEAD and `ref` part (their merge base, as
 * `git diff ref...` does, so that what the base branch did since is not
 * taken for the branch's own work; `ref` itself when they share no history
 * here, a shallow clone say; for the default branch that is an error): committed, staged, unstaged and untracked
 * changes alike, deletions left out. In a repository with no commit yet
 * (`--changed HEAD` in a pre-commit hook on the first commit) every file is new.
 */
export function gitChangedFiles(cwd: string, ref?: string): Set<string> {
  return gitChanges(cwd, ref).changed;
}

/** What {@link gitChanges} finds: files there now that changed, and files gone (deleted, or renamed away). */
export interface GitChanges {
  readonly changed: Set<string>;
  readonly deleted: Set<string>;
  /** The repository has no commit yet: the base was the empty tree, so every file is new. */
  readonly noCommits: boolean;
}

/**
 * The files changed against `ref`, as {@link gitChangedFiles} finds them, and
 * the files deleted since the same base, renamed ones by their old names (a
 * spec that links to one, or a template that was one, is affected too).
 */
export function gitChanges(cwd: string, ref?: string): GitChanges {
  // (`--changed=${{ github.base_ref }}` on a push, where it is empty: no ref, not the default branch in silence.)
  if (ref !== undefined && ref.trim() === '') {
    throw new SpecfillError('USAGE', '--changed= names no ref: its value is empty', {},
      'name the base branch (in a pull request workflow: --changed=origin/${{ github.base_ref }}), or write --changed alone for the merge base with the default branch');
  }
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  const born = succeeds(top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  let base: string;
  if (!born && (ref === undefined || ref === 'HEAD')) {
    // The empty tree, whatever the repository's hash.
    base = git(top, ['hash-object', '-t', 'tree', '--stdin']);
  } else if (ref !== undefined) {
    if (!succeeds(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) {
      // `check --changed specs` takes `specs` for the ref: say so when it is a path.
      const isPath = existsSync(resolve(cwd, ref));
      throw new SpecfillError('GIT_FAILED', `--changed ${ref}: no such git ref${isPath ? ` (\`${ref}\` is a path here)` : ''}`, {},
        isPath
          ? `put the paths before --changed (specfill check ${ref} --changed), or name the ref with = (--changed=origin/main ${ref})`
          : 'name a branch, tag or commit that exists here (fetch the base branch in CI: actions/checkout with fetch-depth: 0)');
    }
    base = mergeBase(cwd, ref) ?? ref;
  } else {
    // Unlike a named ref, the default is not taken as the base itself when a
    // shallow clone does not reach the fork: the README asks for the history.
    const branch = defaultBranch(cwd);
    const fork = mergeBase(cwd, branch);
    if (fork === undefined) {
      throw new SpecfillError('GIT_FAILED', `--changed: HEAD and ${branch} share no commit here (a shallow clone?)`, {},
        `fetch the history (actions/checkout with fetch-depth: 0, or git fetch --unshallow), or name the base: --changed ${branch}`);
    }
    base = fork;
  }
  // Paths from the top of the working tree, wherever the command runs:
  // `ls-files` would list only the untracked files under the working folder.
  const changed = gitPaths(top, ['diff', '--name-only', '--diff-filter=ACMRT', base, '--']);
  const untracked = gitPaths(top, ['ls-files', '--others', '--exclude-standard', '--full-name']);
  const deleted = gitPaths(top, ['diff', '--name-only', '--no-renames', '--diff-filter=D', base, '--']);
  return { changed: new Set([...changed, ...untracked].map((f) => resolve(top, f))), deleted: new Set(deleted.map((f) => resolve(top, f))), noCommits: !born };
}

/** Where HEAD and `ref` part, or undefined when they share no history here. */
function mergeBase(cwd: string, ref: string): string | undefined {
  try {
    return git(cwd, ['merge-base', 'HEAD', ref]);
  } catch {
    return undefined;
  }
}
