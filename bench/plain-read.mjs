// The baseline: read every *.md file below a folder, as plainly as Node can.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let bytes = 0;
let files = 0;
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.md')) {
      bytes += readFileSync(path, 'utf8').length;
      files += 1;
    }
  }
})(process.argv[2]);
process.stdout.write(JSON.stringify({ files, bytes }) + '\n');
