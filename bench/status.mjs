#!/usr/bin/env node
// Benchmark of `specfill status` on the KEP corpus against a plain read of the
// same files (issue #2), each as its own process, alternately.
// Usage: npm run bench:status [-- --rounds N]
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, corpusCopies, fmt, here, numberArg, requireInputs, run, summarize } from './lib.mjs';

requireInputs();
const rounds = numberArg('--rounds', 10);
const work = corpusCopies(1);
const data = join(work, 'k0');
const results = { read: [], status: [] };
run([join(here, 'plain-read.mjs'), data]); // warm the file cache
for (let i = 0; i < rounds; i++) {
  results.read.push(run([join(here, 'plain-read.mjs'), data]));
  results.status.push(run([bin, 'status', data, '--json']));
}
rmSync(work, { recursive: true, force: true });
const read = summarize(results.read);
const status = summarize(results.status);
console.log(`KEP corpus (${rounds} rounds, medians), node ${process.version}`);
console.log(`  plain read       ${fmt(read)}`);
console.log(`  specfill status  ${fmt(status)}`);
console.log(`  ratio status/read: ${(status.wall / read.wall).toFixed(1)}x wall, ${(status.cpu / read.cpu).toFixed(1)}x CPU`);
