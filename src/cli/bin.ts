#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

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
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Asked before anything else loads: the CLI (commander and every command's
  // definition) is most of what a bare `--version` would otherwise compile.
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./main.js');
  process.exitCode = await main({ argv, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
}
