#!/usr/bin/env node
// Bundles the CLI that `tsc` built (dist/cli/bin.js) into dist/cli/specfill.js
// and its lazily loaded chunks (dist/cli/specfill-*.js), the `specfill` bin.
// Why: Node loads one module per file, and a one-file `check` spent a quarter
// of its time resolving and compiling ~100 small modules (ours, commander's,
// yaml's, zod's); bundled, it starts about 25 ms sooner. The chunks stay in
// dist/cli/ beside the modules tsc wrote, so every path they resolve from
// import.meta.url (templates/, schema/, web-assets/, package.json, the check
// worker in dist/io/) is the same as from those modules. Packages that only
// one command loads (the AI SDK, the MCP SDK, hono, markdown-it, the prompt
// library, diff) stay outside, loaded from node_modules as before.
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli');
for (const name of readdirSync(cli)) if (/^specfill(-.*)?\.js$/.test(name)) rmSync(join(cli, name));

await build({
  input: { specfill: join(cli, 'bin.js') },
  platform: 'node',
  external: [/^node:/, /^ai$/, /^@ai-sdk\//, /^@modelcontextprotocol\//, /^hono(\/|$)/, /^@hono\//, /^markdown-it(\/|$)/, /^@clack\//, /^diff$/],
  logLevel: 'warn',
  output: { dir: cli, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'specfill-[name]-[hash].js' },
});
chmodSync(join(cli, 'specfill.js'), 0o755);

// The build's id, for `check --cache` (see cacheVersion in src/cli/version.ts):
// a hash of every JavaScript file of dist/ (the bundle, and the modules tsc
// wrote, which the check workers and the library run), in path order, so any
// change of the code that checks makes another id.
const dist = dirname(cli);
const hash = createHash('sha256');
for (const path of readdirSync(dist, { recursive: true }).map(String).filter((p) => p.endsWith('.js')).sort()) {
  hash.update(path).update('\0').update(readFileSync(join(dist, path))).update('\0');
}
writeFileSync(join(cli, 'build-id.txt'), `${hash.digest('hex').slice(0, 16)}\n`);
