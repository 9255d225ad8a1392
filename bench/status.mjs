#!/usr/bin/env node
// Benchmark of `specfill status` on the KEP corpus against a plain read of the
// same files (issue #2). Copies ../shared/corpus to a temporary folder, then
// runs both commands alternately, each as its own process, and prints the
// medians and their ratio. Usage: npm run bench [-- --rounds N]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const corpus = join(root, '..', 'shared', 'corpus');
const bin = join(root, 'dist', 'cli', 'bin.js');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg === -1 ? 10 : Number(process.argv[roundsArg + 1]);

if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} is absent; nothing to measure`);
  process.exit(2);
}
if (!existsSync(bin)) {
  console.error('bench: dist/ is missing; run `npm install` (or `npm run build`) first');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'specfill-bench-'));
const data = join(work, 'corpus');
cpSync(corpus, data, { recursive: true });

const hasTime = existsSync('/usr/bin/time');
function run(args) {
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-f', '%e %U %S %M', process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (!hasTime) return { wall, cpu: NaN, rssMb: NaN };
  const [, user, sys, rss] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: rss / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { read: [], status: [] };
run([join(here, 'plain-read.mjs'), data]); // warm the file cache
for (let i = 0; i < rounds; i++) {
  results.read.push(run([join(here, 'plain-read.mjs'), data]));
  results.status.push(run([bin, 'status', data, '--json']));
}
rmSync(work, { recursive: true, force: true });

const summary = Object.fromEntries(Object.entries(results).map(([k, rs]) => [k, {
  wall: median(rs.map((r) => r.wall)),
  cpu: median(rs.map((r) => r.cpu)),
  rssMb: median(rs.map((r) => r.rssMb)),
}]));
const fmt = (s) => `${s.wall.toFixed(3)} s wall, ${s.cpu.toFixed(2)} s CPU, ${s.rssMb.toFixed(0)} MB peak`;
console.log(`KEP corpus (${rounds} rounds, medians), node ${process.version}`);
console.log(`  plain read       ${fmt(summary.read)}`);
console.log(`  specfill status  ${fmt(summary.status)}`);
console.log(`  ratio status/read: ${(summary.status.wall / summary.read.wall).toFixed(1)}x wall, ${(summary.status.cpu / summary.read.cpu).toFixed(1)}x CPU`);
