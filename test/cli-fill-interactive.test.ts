// Issue #4: the interactive filler, driven as a person drives it: a spawned
// specfill reading keys from its stdin, answered when each prompt appears.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempProject } from './helpers/run-cli.js';

const DOWN = '\x1b[B';
const ENTER = '\r';

class Session {
  private err = '';

  /** Everything written to stderr (prompts and messages). */
  get errors(): string {
    return this.err;
  }
  private seen = 0;
  readonly done: Promise<number>;
  readonly child: ChildProcessWithoutNullStreams;
  out = '';

  constructor(cwd: string, args: string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    this.child.stderr.on('data', (d: Buffer) => (this.err += d.toString()));
    this.child.stdout.on('data', (d: Buffer) => (this.out += d.toString()));
    this.done = new Promise((resolve) => this.child.on('close', (code) => resolve(code ?? -1)));
  }

  /** Waits until `text` appears in what the prompts printed since the last wait, then types `keys`. */
  async answer(text: string, ...keys: string[]): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const at = this.err.indexOf(text, this.seen);
      if (at !== -1) {
        this.seen = at + text.length;
        break;
      }
      if (Date.now() > deadline) throw new Error(`prompt "${text}" never came; got:\n${this.err.slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // Let the prompt start listening before the first key.
    await new Promise((r) => setTimeout(r, 150));
    for (const k of keys) {
      this.child.stdin.write(k);
      await new Promise((r) => setTimeout(r, 30));
    }
  }
}

/** A project with a new spec, and `fill --interactive` started on it (`args` added). */
async function sessionOnNewSpec(...args: string[]): Promise<{ s: Session; file: string }> {
  const dir = tempProject();
  await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
  return { s: new Session(dir, ['fill', 'specs/rate-limiter.md', '--interactive', ...args]), file: join(dir, 'specs', 'rate-limiter.md') };
}

/** Chooses "Type it here" and types `text` (or, with `end`, the keys given instead of the closing Enters). */
async function typeAnswer(s: Session, text: string, ...end: string[]): Promise<void> {
  await s.answer('How do you want to answer?', ENTER);
  await s.answer('Your answer', ...text, ...(end.length > 0 ? end : [ENTER, ENTER]));
}

describe('specfill fill --interactive', () => {
  it('types, skips, uses $EDITOR and quits; each answer saved at once; a second run resumes', async () => {
    const dir = tempProject();
    await runCli(dir, 'new', 'tech-spec', '--title', 'Rate limiter');
    const file = join(dir, 'specs', 'rate-limiter.md');
    const editor = join(dir, 'fake-editor.mjs');
    writeFileSync(editor, "import { appendFileSync } from 'node:fs';\nappendFileSync(process.argv[2], 'Written in the editor.\\n');\n");
    const s = new Session(dir, ['fill', 'specs/rate-limiter.md', '--interactive'], { EDITOR: `${process.execPath} ${editor}` });
    await s.answer('Provide a high-level description');
    await s.answer('How do you want to answer?', ENTER);
    await s.answer('Your answer', ...'Typed at the prompt.', ENTER, ENTER);
    await s.answer('List specific goals');
    await s.answer('How do you want to answer?', DOWN, DOWN, ENTER);
    await s.answer('List what is explicitly out of scope');
    await s.answer('How do you want to answer?', DOWN, ENTER);
    await s.answer('Describe the architecture');
    await s.answer('How do you want to answer?', DOWN, DOWN, DOWN, ENTER);
    expect(await s.done).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('## Overview\n\nTyped at the prompt.\n');
    expect(text).toContain('### Non-Goals\n\nWritten in the editor.\n');
    expect(text).toContain('<!-- AGENT_PLACEHOLDER: List specific goals this component/feature aims to achieve -->');
    expect(s.out).toContain('filled 2, skipped 1, 18 still open (quit; run again to go on)');
    const provenance = JSON.parse(readFileSync(join(dir, '.specfill', 'provenance.json'), 'utf8')).specs['specs/rate-limiter.md'];
    expect(provenance.overview.filler).toBe('interactive');

    // A second run starts with what is still open: the skipped goals.
    const again = new Session(dir, ['fill', 'specs/rate-limiter.md', '--interactive']);
    await again.answer('List specific goals');
    await again.answer('How do you want to answer?', '\x03');
    expect(await again.done).toBe(0);
  }, 60_000);

  it('shows why content is refused and asks again', async () => {
    const { s, file } = await sessionOnNewSpec('--only', 'overview');
    await s.answer('Provide a high-level description');
    await typeAnswer(s, '# A heading');
    await s.answer('Not saved');
    await typeAnswer(s, 'Fine now.');
    expect(await s.done).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('## Overview\n\nFine now.\n');
  }, 60_000);

  it('Ctrl-C keeps what was saved', async () => {
    const { s, file } = await sessionOnNewSpec();
    await s.answer('Provide a high-level description');
    await typeAnswer(s, 'Saved first.');
    await s.answer('List specific goals');
    await typeAnswer(s, 'half typed', '\x03');
    expect(await s.done).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Saved first.');
    expect(text).not.toContain('half typed');
  }, 60_000);

  it('ends with a message (exit 2), not a hang or a silent exit, when its input runs out', async () => {
    const { s, file } = await sessionOnNewSpec();
    await s.answer('Provide a high-level description');
    await typeAnswer(s, 'Saved before the end.');
    await s.answer('List specific goals');
    s.child.stdin.end();
    expect(await s.done).toBe(2);
    expect(s.out).toContain('specs/rate-limiter.md: filled 1, skipped 0, 19 still open (the input ended)');
    expect(s.errors).toContain('specfill: the input ended before every open placeholder was answered; what was answered is saved');
    expect(readFileSync(file, 'utf8')).toContain('Saved before the end.');
  }, 60_000);
});
