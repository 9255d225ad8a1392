#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { ioReason } from '../io/io-reason.js';

// A `check` of hundreds of specs is over before V8's optimizing compiler has
// paid for itself: most of its code runs cold, while the compiler builds large
// functions with everything they call inlined (and again after each
// deoptimization) on the second core the garbage collector also wants. A
// smaller inlining budget makes each compile cheap: on the 657 KEPs a check
// takes ~11% less wall time and ~20% less CPU, and warm code runs as fast (see
// bench/README.md). Set before any of the CLI's code is loaded, so it holds for
// all of it (and for check workers: V8 flags are the process's).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');

// `specfill ... | head` closes the pipe early: the rest of the output goes
// nowhere, quietly, but the run goes on to its end, so that its exit code still
// says what it found (`set -o pipefail` in CI). Exiting at once gave 0 while
// check workers were still at it. Writes to the closed stream fail as destroyed.
// Any other failure to write stdout (a full disk, `> /dev/full`; an I/O error) is said once, on stderr, the rest
// of the output is dropped, and the run ends with exit 2, as for any runtime failure: not a stack trace.
let stdoutFailed: NodeJS.ErrnoException | null = null;
const stdoutFailure = (error: NodeJS.ErrnoException): void => {
  if (stdoutFailed !== null) return;
  stdoutFailed = error;
  // (It may come after the command has ended, from a write it left pending.)
  process.exitCode = 2;
  try {
    process.stderr.write(`specfill: stdout: could not be written: ${ioReason(error)}\n`);
  } catch {
    // stderr cannot be written either: the exit code alone says it.
  }
};
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    if (stream === process.stdout) return stdoutFailure(error);
    // (stderr that cannot be written: nothing more can be said, but the run failed: 2, not an uncaught exception's 1.)
    process.exitCode = 2;
  });
}
// (A file is written synchronously: its failure is thrown from the write itself.)
const writeOut = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
process.stdout.write = ((...args: unknown[]): boolean => {
  if (stdoutFailed !== null) return true;
  try {
    return writeOut(...args);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return true;
    stdoutFailure(error as NodeJS.ErrnoException);
    return true;
  }
}) as typeof process.stdout.write;

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Asked before anything else loads: the CLI (commander and every command's
  // definition) is most of what a bare `--version` would otherwise compile.
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./main.js');
  const code = await main({ argv, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
  process.exitCode = stdoutFailed !== null ? 2 : code;
}
if (stdoutFailed !== null) process.exitCode = 2;
