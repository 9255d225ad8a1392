import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { isCancel, log, multiline, note, select } from '@clack/prompts';
import { SpecfillError } from '../core/errors.js';
import { parseSpec } from '../core/parse-spec.js';
import { fillFile } from '../io/fill-file.js';
import { readTextFileSync, rereadLimit } from '../io/read-text-file.js';

/** Options of {@link fillInteractively}. */
export interface InteractiveFillOptions {
  readonly path: string;
  readonly shown: string;
  readonly root: string;
  readonly input: Readable;
  readonly output: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Ask only for these ids. */
  readonly only?: readonly string[];
  /** The largest spec file read (the config's `maxFileBytes`); default 10 MiB. */
  readonly maxFileBytes?: number;
}

/** What an interactive session did. */
export interface InteractiveFillResult {
  readonly filled: string[];
  readonly skipped: number;
  readonly remaining: number;
  /** The session ended with Quit or Ctrl-C before the last placeholder. */
  readonly quit: boolean;
  /** The input ended (a pipe or file ran out) before the last placeholder. */
  readonly inputEnded?: boolean;
}

const EDITOR_NOTE = '<!-- specfill: write the content for this placeholder below; this comment is removed. -->';

/**
 * Asks for each open placeholder in turn, showing its section and
 * instruction: type the answer, open $EDITOR on a temporary file, skip, or
 * quit. Every accepted answer is saved at once through the fill contract, so
 * quitting or a crash loses nothing already answered, and a second run
 * starts at what is still open. Refused content is shown with its reason and
 * asked for again.
 */
export async function fillInteractively(options: InteractiveFillOptions): Promise<InteractiveFillResult> {
  const io = { input: options.input, output: options.output };
  // A prompt waits for keys forever: when the input runs out (stdin from a
  // pipe or /dev/null), the session ends instead of hanging or dying silently.
  const ended = inputEnd(options.input);
  const ask = <T>(prompt: Promise<T>): Promise<T | typeof ENDED> => Promise.race([prompt, ended]);
  const filled: string[] = [];
  // Placeholders skipped so far: they are the first open ones, in document order.
  let skipped = 0;
  // The file as given is held to the limit; read again after answers were saved, it may have grown past it.
  let maxBytes = options.maxFileBytes;
  for (;;) {
    const open = parseSpec(readTextFileSync(options.path, { displayPath: options.shown, maxBytes })).placeholders
      .filter((p) => options.only === undefined || options.only.includes(p.id));
    maxBytes = rereadLimit(options.maxFileBytes);
    const placeholder = open[skipped];
    if (placeholder === undefined) return { filled, skipped, remaining: open.length, quit: false };
    note(`${placeholder.instruction}`, `${placeholder.id}  ${placeholder.section.join(' › ') || '(title)'}  (${skipped + 1} of ${open.length} open)`, io);
    const action = await ask(select({
      message: 'How do you want to answer?',
      options: [
        { value: 'type', label: 'Type it here', hint: 'Enter on an empty line to finish' },
        { value: 'editor', label: 'Open my editor', hint: options.env.VISUAL ?? options.env.EDITOR ?? 'vi' },
        { value: 'skip', label: 'Skip this one' },
        { value: 'quit', label: 'Quit (what is saved stays saved)' },
      ],
      ...io,
    }));
    if (action === ENDED) return { filled, skipped, remaining: open.length, quit: true, inputEnded: true };
    if (isCancel(action) || action === 'quit') return { filled, skipped, remaining: open.length, quit: true };
    if (action === 'skip') {
      skipped += 1;
      continue;
    }
    let content: string | symbol;
    if (action === 'editor') {
      content = editInEditor(placeholder.instruction, options.env);
    } else {
      content = await ask(multiline({ message: 'Your answer (Markdown)', ...io }));
    }
    if (content === ENDED) return { filled, skipped, remaining: open.length, quit: true, inputEnded: true };
    if (typeof content !== 'string' || isCancel(content)) return { filled, skipped, remaining: open.length, quit: true };
    try {
      const result = await fillFile(options.path, { answers: [{ id: placeholder.id, content }], filler: 'interactive', root: options.root, displayPath: options.shown, maxFileBytes: maxBytes });
      if (result.refused.length > 0) {
        log.warn(`Not saved: ${result.refused[0]!.message}. Try again.`, io);
        continue;
      }
      filled.push(placeholder.id);
      log.success(`Saved ${placeholder.id} (${result.remaining.length} open).`, io);
    } catch (error) {
      if (error instanceof SpecfillError && error.code === 'CONFLICT') {
        log.warn(`${options.shown} changed on disk meanwhile; nothing was written. Asking again with the new version.`, io);
        continue;
      }
      throw error;
    }
  }
}

const ENDED = Symbol('input ended');

/** Resolves when a stream has no more to give. */
function inputEnd(input: Readable): Promise<typeof ENDED> {
  return new Promise((resolve) => {
    if (input.readableEnded) resolve(ENDED);
    input.once('end', () => resolve(ENDED));
    input.once('close', () => resolve(ENDED));
  });
}

/** Opens $VISUAL or $EDITOR (else vi) on a temporary file with the instruction at the top; returns what was written. */
function editInEditor(instruction: string, env: Readonly<Record<string, string | undefined>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'specfill-answer-'));
  const file = join(dir, 'answer.md');
  try {
    writeFileSync(file, `${EDITOR_NOTE}\n<!-- ${instruction.replace(/-->/g, '—>')} -->\n\n`);
    const editor = env.VISUAL ?? env.EDITOR ?? 'vi';
    // EDITOR may carry arguments ("code --wait"), so it goes through the shell; the path is quoted.
    const r = spawnSync(`${editor} '${file.replace(/'/g, `'\\''`)}'`, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } });
    if (r.status !== 0) throw new SpecfillError('USAGE', `the editor (${editor}) exited with status ${r.status ?? r.signal}`, {}, 'set EDITOR to an editor that waits until you close the file');
    return readFileSync(file, 'utf8').replace(EDITOR_NOTE, '').replace(/^\s*<!--[\s\S]*?-->\s*/, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
