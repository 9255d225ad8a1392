// Issue #2: the scanner must see exactly the headings and HTML blocks that a
// CommonMark parser sees, on every CommonMark spec example and every corpus file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tests as specExamples } from 'commonmark-spec';
import { referenceFacts } from './helpers/reference-markdown.js';
import { scannerFacts } from './helpers/scanner-facts.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}

describe('block scanner vs mdast-util-from-markdown', () => {
  it('agrees on every CommonMark spec example', () => {
    const mismatches: string[] = [];
    for (const example of specExamples) {
      const markdown = example.markdown.replace(/→/g, '\t');
      const ours = scannerFacts(markdown);
      const theirs = referenceFacts(markdown);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        mismatches.push(`example ${example.number} (${example.section}): ${JSON.stringify(markdown)}\n  ours   ${JSON.stringify(ours)}\n  theirs ${JSON.stringify(theirs)}`);
      }
    }
    expect(specExamples.length).toBeGreaterThan(600);
    expect(mismatches).toEqual([]);
  });

  it.skipIf(!existsSync(CORPUS))(existsSync(CORPUS) ? 'agrees on every corpus file' : 'corpus file agreement: skipped, ../shared/corpus is absent', () => {
    const files = markdownFiles(CORPUS);
    expect(files.length).toBeGreaterThan(600);
    const mismatches: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const ours = scannerFacts(source);
      const theirs = referenceFacts(source);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        const a = JSON.stringify(ours.headings) === JSON.stringify(theirs.headings) ? 'html' : 'headings';
        mismatches.push(`${file}: ${a} differ`);
      }
    }
    expect(mismatches).toEqual([]);
    // micromark alone takes 15–40 s over the 20 MB here, more on a loaded machine: a correctness test, not a timed one.
  }, 300_000);
});
