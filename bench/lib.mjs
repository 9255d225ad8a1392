// Shared by the benchmarks: run a command as its own process and measure it,
// copy the corpus, take medians.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');
export const corpus = join(root, '..', 'shared', 'corpus');
export const bin = join(root, 'dist', 'cli', 'specfill.js');

/** Exits with a message when the corpus or the build is missing. */
export function requireInputs() {
  if (!existsSync(corpus)) {
    console.error(`bench: ${corpus} is absent; nothing to measure`);
    process.exit(2);
  }
  if (!existsSync(bin)) {
    console.error('bench: dist/ is missing; run `npm install` (or `npm run build`) first');
    process.exit(2);
  }
}

/** A temporary project holding `copies` copies of the corpus's keps/ folder: `k0/`, `k1/`, … */
export function corpusCopies(copies) {
  const work = mkdtempSync(join(tmpdir(), 'specfill-bench-'));
  mkdirSync(join(work, '.git'));
  for (let i = 0; i < copies; i++) cpSync(join(corpus, 'keps'), join(work, `k${i}`), { recursive: true });
  return work;
}

/** The value of `--name N` on the command line, or a default. */
export function numberArg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const hasTime = existsSync('/usr/bin/time');

/** Runs `node ...args` in `cwd`; returns wall seconds, CPU seconds and peak RSS in MB. Exit codes in `ok` are fine. */
export function run(args, { cwd = root, ok = [0] } = {}) {
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-f', '%e %U %S %M', process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (!ok.includes(r.status)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  if (!hasTime) return { wall, cpu: NaN, rssMb: NaN };
  const [, user, sys, rss] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: rss / 1024 };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of a list of measurements. */
export function summarize(runs) {
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rssMb: median(runs.map((r) => r.rssMb)) };
}

export const fmt = (s) => `${s.wall.toFixed(3)} s wall, ${s.cpu.toFixed(2)} s CPU, ${s.rssMb.toFixed(0)} MB peak`;
