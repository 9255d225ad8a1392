// Issue #2: beyond the spec examples and the corpus, random documents built
// from the block syntax that matters (containers, fences, HTML, tables,
// definitions, setext lines, tabs) must give the same headings and HTML blocks
// as micromark. A fixed seed keeps failures reproducible.
import { describe, expect, it } from 'vitest';
import { referenceFacts, type MarkdownFacts } from './helpers/reference-markdown.js';
import { scannerFacts } from './helpers/scanner-facts.js';
import { commonmarkFacts } from './helpers/commonmark-facts.js';
import { seededRandom } from './helpers/random.js';

// Each hostile input here runs in well under a second; one that took
// seconds to minutes before its fix must fail, not pass under the 60 s the
// config gives tests that start processes and browsers.
const LINEAR = { timeout: 5_000 };

const PREFIXES = ['', '', '', '', ' ', '  ', '   ', '    ', '\t', '> ', '>', '- ', '* ', '1. ', '2) ', '  - ', '> - ', '- > ', '   > '];
const BODIES = [
  '# Title', '## Section *one*', '### `code` heading ###', '#### [link](x) \\#', '####### seven', '#no space', '#', '## ',
  '===', '---', '- - -', '***', '___', 'Plain text', 'more *text* here', 'a `code <!-- x -->` span', 'Foo\\', 'bar  ',
  '```', '````md', '~~~', '``` `bad', '<div>', '</div>', '<br>', '<!-- comment -->', '<!-- AGENT_PLACEHOLDER: do it -->',
  '<!-- open', 'still open', '-->', 'text <!-- AGENT_PLACEHOLDER: inline --> more', '`<!-- AGENT_PLACEHOLDER: no -->`',
  '\\<!-- AGENT_PLACEHOLDER: escaped -->', '<!-- AGENT_PLACEHOLDER: open', '<!-- AGENT_PLACEHOLDER -->', '<script>', '</script>', '<pre x="1">', '<?php', '?>', '<![CDATA[', ']]>', '<!DOCTYPE html>',
  '| a | b |', '|---|---|', 'a | b', '--- | ---', ':-:|', '| x |', '[foo]: /url "title"', '[foo]', '[^1]: note', '[bar]:',
  '', '', '', '\t', '    indented', '1. one', '10) ten', '+ plus', '* star', '&amp; &copy; &#35;', '\\## escaped',
];

function randomDoc(next: () => number): string {
  const lines: string[] = [];
  const n = 3 + Math.floor(next() * 14);
  for (let i = 0; i < n; i++) {
    const prefix = PREFIXES[Math.floor(next() * PREFIXES.length)]!;
    const body = BODIES[Math.floor(next() * BODIES.length)]!;
    lines.push(prefix + body);
  }
  const eol = next() < 0.2 ? '\r\n' : '\n';
  return lines.join(eol) + (next() < 0.7 ? eol : '');
}

/**
 * Random documents (by index, for the seed below) where specfill agrees with
 * neither reference, each a reference parser's quirk rather than CommonMark:
 * - 1157: a first line `---` that opens no front matter makes
 *   micromark-extension-frontmatter read the next block quote and list
 *   markers as paragraph text;
 * - 1739, 2330: lazy continuation lines, indented code and ordered lists
 *   starting at 2 inside closing containers, where micromark departs from
 *   commonmark.js depending on its internal flow state (its source says
 *   "To do: handle lazy/pierce").
 * No real document seen so far (CommonMark examples, 657 KEPs) hits them.
 * A new index here is a regression.
 */
const KNOWN_DIVERGENCES: number[] = [1157, 1739, 2330];

/**
 * Columns after a tab are counted differently by each parser (code units,
 * tab stops, or something in between); compare only the line there.
 */
function withoutTabColumns(facts: MarkdownFacts, doc: string): MarkdownFacts {
  const lines = doc.split(/\r\n|\r|\n/);
  return {
    ...facts,
    placeholders: facts.placeholders.map((p) => (lines[p.line - 1]?.includes('\t') ? { line: p.line, column: -1 } : p)),
  };
}

describe('block scanner vs micromark on random documents', () => {
  it('agrees with micromark or commonmark.js on 3000 random documents', () => {
    const next = seededRandom(20261126);
    const mismatches: string[] = [];
    const divergent: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const doc = randomDoc(next);
      const ours = withoutTabColumns(scannerFacts(doc), doc);
      const theirs = withoutTabColumns(referenceFacts(doc), doc);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        const spec = withoutTabColumns(commonmarkFacts(doc), doc);
        // commonmark.js gives inline nodes no position: compare its placeholders by count.
        const sameAsSpec = JSON.stringify({ ...ours, placeholders: ours.placeholders.length }) === JSON.stringify({ ...spec, placeholders: spec.placeholders.length });
        if (sameAsSpec) continue;
        divergent.push(i);
        if (KNOWN_DIVERGENCES.includes(i)) continue;
        mismatches.push(`${JSON.stringify(doc)}\n  ours   ${JSON.stringify(ours)}\n  micromark ${JSON.stringify(theirs)}\n  commonmark.js ${JSON.stringify(spec)}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(divergent).toEqual(KNOWN_DIVERGENCES);
  });
});

// Input built to be slow: work that grows with the square of a line's length
// turns a 100 KB file into minutes of `check`, on every pull request. These
// finish well inside the test timeout only if the scanner stays linear.
describe('block scanner on hostile input', LINEAR, () => {
  it('a line of 100,000 nested list markers (each level once asked whether the rest is a rule)', async () => {
    const { scanBlocks } = await import('../src/core/markdown/block-scanner.js');
    const blocks = scanBlocks(`${'- '.repeat(100_000)}x\n`).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph']);
    // And a rule is still a rule at any depth, in any of its three characters.
    expect(scanBlocks(`${'- '.repeat(1000)}* * *\n`).blocks.map((b) => b.kind)).toEqual(['thematic-break']);
    expect(scanBlocks(`${'- '.repeat(1000)}_ _ x\n`).blocks.map((b) => b.kind)).toEqual(['paragraph']);
    expect(scanBlocks(`${'- '.repeat(3)}\t-\t- -  \n`).blocks.map((b) => b.kind)).toEqual(['thematic-break']);
  });
});

// Found by a differential fuzz against micromark (its cases, minimised): each
// changed which lines a check reads as headings, code or text.
describe('block scanner agrees with micromark where a fuzz found it did not', () => {
  // Each case: a document and the leaf blocks it holds (`line:kind`, a heading with its level), as micromark reads it.
  const cases: Array<[string, Array<[string, string[]]>]> = [
    ['only a space, a tab or the line\'s end after an HTML tag starts an HTML block (not a no-break space or a BOM)', [
      ['<b>\u00a0\n# Heading\n', ['1:paragraph', '2:heading1']],
      ['<div\u00a0class=x>\n# Heading\n', ['1:paragraph', '2:heading1']],
      ['<a\u00a0href=x>\n# Heading\n', ['1:paragraph', '2:heading1']],
      ['<pre\u00a0x\n# Heading\n\n```\nTODO\n```\n', ['1:paragraph', '2:heading1', '4:code']],
      ['<br/>\ufeff\n# Heading\n', ['1:paragraph', '2:heading1']],
      // A space, a tab, an attribute over two lines still do.
      ['<div class=x>\n# Heading\n', ['1:html']],
      ['<a\thref=x>\n# Heading\n', ['1:html']],
    ]],
    ['after a paragraph of link definitions alone, `---` is a rule, not a heading underline', [
      ['[a]: /u\n---\nFoo\n---\n', ['2:thematic-break', '3:heading2']],
      ['[a]: /u\n---\n---\n', ['2:thematic-break', '3:thematic-break']],
      ['[a]: /u\n---\n    TODO\n', ['2:thematic-break', '3:code']],
      ['[a]: /u\nText\n---\n', ['2:heading2']],
    ]],
    ['after a paragraph of link definitions alone, `-` is text and no table delimiter row', [
      ['[f]:l\n-\n', ['2:paragraph']],
      ['[f]:l\n-\n\ta\n', ['2:paragraph']],
      ['>>>[o]:a\n>>>-\n    a\n', ['2:paragraph']],
    ]],
    ['an empty list item that a blank line ended counts as closed where the next line starts, for the list-after-code rule', [
      ['-\n\n    code\n2. # H\n', ['3:code', '4:heading1']],
      ['1.\n\n    a\n0.     TODO\n', ['3:code', '4:code']],
      // Without a list before, or after a block quote (it ends at the blank line), `2.` does not interrupt the code.
      ['    code\n2. # H\n', ['1:code', '2:paragraph']],
      ['>\n\n    a\n2. a\n<x>\n', ['3:code', '4:paragraph']],
    ]],
    ['a lone pipe is no table header row', [
      ['|\n|-\n    TODO\n', ['1:paragraph']],
      ['|\n|-\nx\n=\n', ['1:heading1']],
      ['| \n| --- |\n    TODO\n', ['1:paragraph']],
      ['| |\n|-|\n', ['1:table']],
    ]],
  ];
  it.each(cases)('%s', async (_title, docs) => {
    const { scanBlocks } = await import('../src/core/markdown/block-scanner.js');
    for (const [doc, expected] of docs) {
      const kinds = scanBlocks(doc).blocks.map((b) => `${b.line}:${b.kind}${b.kind === 'heading' ? b.level : ''}`);
      expect([doc, kinds]).toEqual([doc, expected]);
    }
  });
});
