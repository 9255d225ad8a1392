#!/usr/bin/env node
// Benchmark of `specfill check` on the KEP corpus against its KEP template
// (issue #3), side by side with markdownlint-cli2 (default rules) and a plain
// read of the same files, each as its own process, alternately.
// Usage: npm run bench:check [-- --rounds N] [-- --copies N] [-- --no-markdownlint]
//   --copies 30 makes a ~20,000-file set (markdownlint is then skipped: minutes per run).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, corpusCopies, fmt, here, numberArg, requireInputs, root, run, summarize } from './lib.mjs';

requireInputs();
const rounds = numberArg('--rounds', 3);
const copies = numberArg('--copies', 1);
const withMarkdownlint = !process.argv.includes('--no-markdownlint') && copies === 1;
const work = corpusCopies(copies);
writeFileSync(join(work, 'specfill.config.json'), JSON.stringify({
  specs: ['k*/**/README.md'],
  templates: { 'k*/**/README.md': 'k0/NNNN-kep-template/README.md' },
}));
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const findingsExit = [0, 1];

const commands = {
  read: () => run([join(here, 'plain-read.mjs'), work]),
  check: () => run([bin, 'check', '--format', 'json', '--output', join(work, '.report.json')], { cwd: work, ok: findingsExit }),
  cached: () => run([bin, 'check', '--cache', '--format', 'json', '--output', join(work, '.report.json')], { cwd: work, ok: findingsExit }),
  ...(withMarkdownlint ? { markdownlint: () => run([markdownlint, 'k*/**/*.md'], { cwd: work, ok: findingsExit }) } : {}),
};
commands.read(); // warm the file cache
commands.cached(); // fill the check cache
const results = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) for (const [name, command] of Object.entries(commands)) results[name].push(command());
rmSync(work, { recursive: true, force: true });

const s = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, summarize(v)]));
console.log(`KEP corpus x${copies} (${657 * copies} files; specfill checks all but the template), ${rounds} rounds, medians; node ${process.version}`);
console.log(`  plain read               ${fmt(s.read)}`);
console.log(`  specfill check           ${fmt(s.check)}   ${(s.check.wall / s.read.wall).toFixed(1)}x the read`);
console.log(`  specfill check --cache   ${fmt(s.cached)}   ${(s.cached.wall / s.read.wall).toFixed(1)}x the read`);
if (s.markdownlint) {
  console.log(`  markdownlint-cli2        ${fmt(s.markdownlint)}`);
  console.log(`  specfill check is ${(s.markdownlint.wall / s.check.wall).toFixed(1)}x faster than markdownlint-cli2`);
}
