// Issue #2: real specs no one here wrote. Every corpus file parses, its parts
// give back its exact text, and its placeholders and headings are consistent.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../src/index.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const present = existsSync(CORPUS);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe.skipIf(!present)(present ? 'the KEP corpus' : 'the KEP corpus: skipped, ../shared/corpus is absent', () => {
  const files = present ? markdownFiles(CORPUS) : [];

  it('has the 657 KEPs and the template', () => {
    expect(files.length).toBeGreaterThanOrEqual(658);
  });

  it('gives back every file byte for byte from the parts of its model', () => {
    const bad: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(file);
      const source = bytes.toString('utf8');
      const spec = parseSpec(source);
      let at = 0;
      let contiguous = true;
      for (const part of spec.parts) {
        if (part.span.start !== at || part.span.end <= part.span.start) contiguous = false;
        at = part.span.end;
      }
      const rebuilt = Buffer.from(spec.parts.map((p) => source.slice(p.span.start, p.span.end)).join(''), 'utf8');
      if (!contiguous || at !== source.length || !rebuilt.equals(bytes)) bad.push(file);
    }
    expect(bad).toEqual([]);
  });

  it('places every heading span at a heading line and every section inside its parent', () => {
    for (const file of files.slice(0, 200)) {
      const source = readFileSync(file, 'utf8');
      const spec = parseSpec(source);
      for (const h of spec.headings.filter((x) => x.topLevel)) {
        expect(source.slice(h.span.start, h.span.end)).toMatch(h.kind === 'atx' ? /^ {0,3}#/ : /\n {0,3}(=+|-+)[ \t]*(\r?\n)?$/);
      }
      const check = (sections: typeof spec.sections, parent: { start: number; end: number } | null): void => {
        for (const s of sections) {
          if (parent !== null) expect(s.span.start >= parent.start && s.span.end <= parent.end).toBe(true);
          expect(s.bodySpan.start).toBe(s.heading.span.end);
          check(s.children, s.span);
        }
      };
      check(spec.sections, null);
    }
  });

  it('reads the KEP template: a title, its sections, and no AGENT_PLACEHOLDER', () => {
    const template = parseSpec(readFileSync(join(CORPUS, 'keps', 'NNNN-kep-template', 'README.md'), 'utf8'));
    expect(template.title?.text).toMatch(/KEP-NNNN/);
    const ids = template.sections.map((s) => s.id);
    expect(ids).toContain('summary');
    expect(ids).toContain('motivation');
    expect(ids).toContain('proposal');
    expect(template.placeholders).toEqual([]);
  });
});
