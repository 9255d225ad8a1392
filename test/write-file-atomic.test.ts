// Links found in a project are replaced, never followed: only a path the user
// names on the command line (`check --output`) is written through, as a
// shell's `>` would (the review of the link change found a committed
// `.specfill-cache -> ~/.bashrc` overwritten).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecfillError } from '../src/core/errors.js';
import { AtomicFileWriter, editTarget, writeFileAtomic } from '../src/io/write-file-atomic.js';
import { runCli, tempProject } from './helpers/run-cli.js';

describe('writeFileAtomic and links', () => {
  it('replaces a link to a file outside, leaving that file alone; follows it only when told', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    const dir = tempProject({});
    symlinkSync(victim, join(dir, 'out.txt'));
    await writeFileAtomic(join(dir, 'out.txt'), 'new\n');
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(dir, 'out.txt')).isSymbolicLink()).toBe(false);
    symlinkSync(victim, join(dir, 'named.txt'));
    await writeFileAtomic(join(dir, 'named.txt'), 'through\n', { followLinks: true });
    expect([readFileSync(victim, 'utf8'), lstatSync(join(dir, 'named.txt')).isSymbolicLink()]).toEqual(['through\n', true]);
  });

  it('never creates a file where a dangling link points when it must not overwrite (new specs from MCP and the web form)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    const dir = tempProject({});
    symlinkSync(join(outside, 'pwned.md'), join(dir, 'new.md'));
    for (const followLinks of [false, true]) {
      const error = await writeFileAtomic(join(dir, 'new.md'), '# New\n', { overwrite: false, followLinks }).catch((e: unknown) => e);
      expect((error as SpecfillError).code).toBe('FILE_EXISTS');
      expect(existsSync(join(outside, 'pwned.md'))).toBe(false);
    }
  });

  it('writes through a link whose target is a file inside the given folder (an edit never reaches one that leads out: see editTarget)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    writeFileSync(join(outside, 'far.md'), 'far\n');
    const dir = tempProject({ 'specs/real.md': 'old\n' });
    symlinkSync('real.md', join(dir, 'specs', 'alias.md'));
    symlinkSync(join(outside, 'far.md'), join(dir, 'specs', 'away.md'));
    const edited = (path: string): string => editTarget(path, dir, path);
    await writeFileAtomic(edited(join(dir, 'specs', 'alias.md')), 'new\n');
    expect([readFileSync(join(dir, 'specs', 'real.md'), 'utf8'), lstatSync(join(dir, 'specs', 'alias.md')).isSymbolicLink()]).toEqual(['new\n', true]);
    expect(() => edited(join(dir, 'specs', 'away.md'))).toThrow(/is a symbolic link to a file outside the project root/);
  });

  it('set-status on a spec reached through a link inside the project changes the spec, not a copy', async () => {
    const dir = tempProject({ 'specs/real.md': '---\ntitle: R\ntemplate: x\nstatus: draft\n---\n# R\n' });
    symlinkSync('real.md', join(dir, 'specs', 'alias.md'));
    const r = await runCli(dir, 'set-status', 'specs/alias.md', 'withdrawn');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'specs', 'real.md'), 'utf8')).toContain('status: withdrawn');
    expect(lstatSync(join(dir, 'specs', 'alias.md')).isSymbolicLink()).toBe(true);
  });

  it('set-status, sync and fill refuse a spec that is a link leading out of the project: the link stays, the file it leads to is untouched', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    const far = '---\ntitle: F\ntemplate: tech-spec\nstatus: draft\n---\n# F\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: say it -->\n';
    writeFileSync(join(outside, 'far.md'), far);
    const dir = tempProject({ 'specs/.keep': '', 'answers.json': '{"overview": "Done."}' });
    symlinkSync(join(outside, 'far.md'), join(dir, 'specs', 'away.md'));
    // A folder link on the way out is no way round (code review).
    symlinkSync(outside, join(dir, 'specs', 'awaydir'));
    for (const [path, message] of [
      ['specs/away.md', 'specs/away.md: is a symbolic link to a file outside the project root; specfill neither writes through it nor replaces it, and nothing was written'],
      ['specs/awaydir/far.md', 'specs/awaydir/far.md: is reached through a symbolic link to a folder outside the project root; specfill does not write through it, and nothing was written'],
    ]) {
      const runs = [
        await runCli(dir, 'set-status', path!, 'withdrawn'),
        await runCli(dir, 'sync', path!),
        await runCli(dir, 'fill', path!, '--answers', 'answers.json'),
        // A dry run shows no change the real run refuses (code review).
        await runCli(dir, 'set-status', path!, 'withdrawn', '--dry-run'),
        await runCli(dir, 'sync', path!, '--dry-run'),
        await runCli(dir, 'fill', path!, '--answers', 'answers.json', '--dry-run'),
      ];
      for (const r of runs) {
        expect([path, r.code]).toEqual([path, 2]);
        expect(r.stderr).toContain(message);
      }
    }
    expect([readFileSync(join(outside, 'far.md'), 'utf8'), lstatSync(join(dir, 'specs', 'away.md')).isSymbolicLink()]).toEqual([far, true]);
    // A link named outside the project is not replaced by a copy either (code review); a plain file there is the user's to name.
    symlinkSync('far.md', join(outside, 'alias.md'));
    const named = await runCli(dir, 'fill', join(outside, 'alias.md'), '--answers', 'answers.json');
    expect([named.code, lstatSync(join(outside, 'alias.md')).isSymbolicLink(), readFileSync(join(outside, 'far.md'), 'utf8')]).toEqual([2, true, far]);
    expect((await runCli(dir, 'fill', join(outside, 'far.md'), '--answers', 'answers.json')).code).toBe(0);
  });

  it('an edit through a link inside the project takes the lock of the file it edits: one spec, one lock, whatever its name', async () => {
    const dir = tempProject({ 'specs/real.md': '---\ntitle: R\ntemplate: x\nstatus: draft\n---\n# R\n' });
    symlinkSync('real.md', join(dir, 'specs', 'alias.md'));
    // Another process (this one, alive) is writing the spec under its own name.
    writeFileSync(join(dir, 'specs', 'real.md.specfill-lock'), String(process.pid));
    const held = await runCli(dir, 'set-status', 'specs/alias.md', 'withdrawn');
    expect([held.code, held.stderr]).toEqual([1, 'specfill: specs/alias.md: is being written by another specfill process\n  hint: try again in a moment\n']);
    expect(readFileSync(join(dir, 'specs', 'real.md'), 'utf8')).toContain('status: draft');
    rmSync(join(dir, 'specs', 'real.md.specfill-lock'));
    expect((await runCli(dir, 'set-status', 'specs/alias.md', 'withdrawn')).code).toBe(0);
    expect(readdirSync(join(dir, 'specs')).sort()).toEqual(['alias.md', 'real.md']);
  });

  it('check --cache replaces a committed .specfill-cache link instead of writing through it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specfill-outside-'));
    const victim = join(outside, '.bashrc');
    writeFileSync(victim, 'export PATH\n');
    const dir = tempProject({ 'specs/a.md': '# A\n\n## Notes $(touch x)\n\nt\n\n## Notes $(touch x)\n\nt\n' });
    symlinkSync(victim, join(dir, '.specfill-cache'));
    expect((await runCli(dir, 'check', '--cache')).code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('export PATH\n');
    expect(lstatSync(join(dir, '.specfill-cache')).isFile()).toBe(true);
    // Even where the link's target is a file its user may not write: the link is replaced, its target's mode says nothing (code review).
    if (process.getuid?.() !== 0) {
      const locked = join(outside, 'locked');
      writeFileSync(locked, 'x\n');
      chmodSync(locked, 0o444);
      rmSync(join(dir, '.specfill-cache'));
      symlinkSync(locked, join(dir, '.specfill-cache'));
      const r = await runCli(dir, 'check', '--cache');
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(lstatSync(join(dir, '.specfill-cache')).isFile()).toBe(true);
    }
  });
});

describe('AtomicFileWriter on a disk that fills', () => {
  // A real small file system (tmpfs), where this machine lets the tests mount one (root in CI); else skipped.
  const mountable = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = mkdtempSync(join(tmpdir(), 'specfill-mount-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!mountable)('says the disk is full, for every write after the first failure and at commit, and leaves nothing behind (qa: "The fd argument must be of type number")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specfill-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir], { stdio: 'ignore' });
    try {
      const file = AtomicFileWriter.open(join(dir, 'report.json'), { displayPath: 'report.json', durable: false });
      const messages: string[] = [];
      for (let i = 0; i < 4; i++) {
        try {
          file.write('x'.repeat(64 * 1024));
        } catch (error) {
          messages.push((error as SpecfillError).message);
        }
      }
      try {
        file.commit();
      } catch (error) {
        messages.push((error as SpecfillError).message);
      }
      expect([...new Set(messages)]).toEqual(['could not be written: the disk is full; nothing was written']);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    }
  });
});
