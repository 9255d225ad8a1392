#!/usr/bin/env node
// A real MCP session with `specfill mcp`, driven by the official SDK client
// over stdio: the transcript in docs/mcp.md is this script's output, and a
// test keeps the two the same. Run after `npm install`:
//   node examples/mcp-session.mjs            print the transcript
//   node examples/mcp-session.mjs --write    also update docs/mcp.md
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const project = mkdtempSync(join(tmpdir(), 'specfill-mcp-session-'));
mkdirSync(join(project, 'specs'));
for (const name of readdirSync(join(root, 'examples')).filter((n) => n.endsWith('.md'))) {
  cpSync(join(root, 'examples', name), join(project, 'specs', name));
}

const client = new Client({ name: 'transcript', version: '1.0.0' });
await client.connect(new StdioClientTransport({
  command: process.execPath,
  args: [join(root, 'dist', 'cli', 'bin.js'), 'mcp', '--root', project],
  stderr: 'ignore',
}));

const out = [];
const show = (value) => JSON.stringify(value, null, 2);
// Long strings (file contents, diffs) are cut so the transcript stays readable.
const cut = (value, max = 400) => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > max ? `${v.slice(0, max)}… (${v.length} characters)` : v)));
async function call(name, args, pick = (data) => data) {
  const result = await client.callTool({ name, arguments: args });
  out.push(`→ ${name} ${JSON.stringify(args)}`, '', '```json', show(cut(pick(result.structuredContent))), '```', '');
  return result.structuredContent;
}

const { tools } = await client.listTools();
const listJson = JSON.stringify({ tools });
out.push(`→ tools/list: ${tools.length} tools (${tools.map((t) => t.name).join(', ')}), ${listJson.length} characters of JSON, about ${Math.ceil(listJson.length / 4)} tokens`, '');

await call('list_specs', { status: 'draft' });
const path = 'specs/audit-log-export.md';
const { hash, placeholders } = await call('list_placeholders', { path }, (d) => ({ ...d, placeholders: [...d.placeholders.slice(0, 2), `… ${d.placeholders.length - 2} more`] }));
const id = placeholders[0].id;
await call('get_placeholder_context', { path, id });
await call('fill_placeholder', { path, id, content: 'Exports run as a background job.', expectedHash: '0'.repeat(64) });
const filled = await call('fill_placeholder', { path, id, content: 'Exports run as a background job; each export is a signed, gzipped JSON Lines file.', expectedHash: hash },
  (d) => ({ ...d, remaining: [...d.remaining.slice(0, 1), `… ${d.remaining.length - 1} more`] }));
await call('fill_placeholder', { path, id: filled.remaining[0].id, content: '# Audit\n\nText.', expectedHash: filled.hash });
await call('check_spec', { path }, (d) => ({ ...d, findings: [...d.findings.slice(0, 1), `… ${d.findings.length - 1} more`] }));
await client.close();
rmSync(project, { recursive: true, force: true });

const transcript = out.join('\n').trimEnd();
process.stdout.write(`${transcript}\n`);
if (process.argv.includes('--write')) {
  const doc = join(root, 'docs', 'mcp.md');
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- transcript:start -->\n';
  const end = '<!-- transcript:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  writeFileSync(doc, `${text.slice(0, a + start.length)}${transcript}\n${text.slice(b)}`);
}
