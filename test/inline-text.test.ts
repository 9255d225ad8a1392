/**
 * Differential test: `inlineText` must return exactly what
 * `mdast-util-to-string` gives for the heading that `mdast-util-from-markdown`
 * + GFM parses from the same content. The reference parser is the oracle for
 * every case; nothing here states an expected string by hand.
 */
import { createRequire } from 'node:module';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { inlineText, normalizeLabel, type InlineContext } from '../src/core/markdown/inline-text.js';
import { seededRandom } from './helpers/random.js';

type Tree = ReturnType<typeof fromMarkdown>;

interface Case {
  /** Inline content as a block parser would hand it over. */
  readonly content: string;
  /** Definition blocks appended after the heading. */
  readonly definitionSource: string;
  readonly context: InlineContext;
  /** Where the case comes from, for failure messages. */
  readonly origin: string;
}

interface Mismatch {
  readonly origin: string;
  readonly content: string;
  readonly expected: string;
  readonly actual: string;
}

const parse = (doc: string): Tree =>
  fromMarkdown(doc, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/**
 * ATX for one line, setext for several. A line ending in ` #` would lose that
 * to the ATX closing sequence, so it goes setext too; one starting with `#`
 * would open an ATX heading either way and cannot be represented.
 */
function headingDocument(content: string, definitionSource: string): string | undefined {
  const tail = definitionSource === '' ? '' : '\n\n' + definitionSource;
  if (content.startsWith('#')) return undefined;
  if (content.includes('\n') || /[ \t]#+$/.test(content)) return content + '\n===\n' + tail;
  return '# ' + content + '\n' + tail;
}

/**
 * What the reference pipeline says, or undefined when the document is not one
 * depth-1 heading followed by definitions only (the content then holds block
 * structure, which no heading can).
 */
function oracle(content: string, definitionSource: string): string | undefined {
  const doc = headingDocument(content, definitionSource);
  if (doc === undefined) return undefined;
  const tree = parse(doc);
  const [heading, ...rest] = tree.children;
  if (heading?.type !== 'heading' || heading.depth !== 1) return undefined;
  if (rest.some((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition')) return undefined;
  return toString(heading);
}

function makeCase(origin: string, content: string, links: readonly string[], footnotes: readonly string[]): Case {
  const definitionSource = [
    ...links.map((label) => `[${label}]: /url`),
    ...footnotes.map((label) => `[^${label}]: note`),
  ].join('\n\n');
  return {
    origin,
    content,
    definitionSource,
    context: { definitions: new Set(links.map(normalizeLabel)), footnotes: new Set(footnotes.map(normalizeLabel)) },
  };
}

/** Runs every case; returns how many were compared and the mismatches. */
function compare(cases: readonly Case[]): { compared: number; skipped: Case[]; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  const skipped: Case[] = [];
  let compared = 0;
  for (const entry of cases) {
    const expected = oracle(entry.content, entry.definitionSource);
    if (expected === undefined) {
      skipped.push(entry);
      continue;
    }
    compared++;
    const actual = inlineText(entry.content, entry.context);
    if (actual !== expected) mismatches.push({ origin: entry.origin, content: entry.content, expected, actual });
  }
  return { compared, skipped, mismatches };
}

// Hand-written cases, one group per feature. They all see the same definitions.
const HAND_LINKS = ['foo', 'bar', 'baz', 'ref', 'link label', 'ẞ', 'a\\]b', '*emph* x', 'foo bar'];
const HAND_FOOTNOTES = ['1', 'note', 'a*b'];

const HAND: Record<string, readonly string[]> = {
  plain: [
    'Goals and Non-Goals',
    'Design Details',
    'C# and F#',
    'a > b',
    '100% done, x = y + z?',
    'über Ünïcödé 🎉',
    'tab\there',
    'Story 1: *foo* [bar](x)',
    '`kubectl` changes',
    'Risks & Mitigations',
  ],
  escapes: [
    '\\*not emphasis\\*',
    '\\_x\\_',
    '\\[not link\\]',
    '\\`code\\`',
    '\\\\',
    '\\a\\b\\ \\é',
    'ends with backslash \\',
    '\\#',
    '\\&amp;',
    '\\<br>',
    '\\~\\~x\\~\\~',
    '\\~~x~',
    '\\~~~x~~',
    '\\\\*emph*',
    '\\\\\\*',
    '\\!\\"\\$\\%\\\'\\(\\)\\+\\,\\-\\.\\/\\:\\;\\=\\?\\@\\^\\{\\|\\}',
    '*\\**',
    '[\\]](u) [a\\]b]',
  ],
  entities: [
    '&amp; &lt; &gt; &quot;',
    '&nbsp;x &copy;2024 &auml;&Auml;',
    '&#35; &#x23; &#X23; &#65;&#x42;',
    '&#0; &#1234567; &#12345678; &#xD800; &#x110000; &#xFFFF; &#x10FFFE; &#127; &#159; &#11;',
    '&foo; &amp &#; &#x; &#xg;',
    '&ThisIsNotDefined; &CounterClockwiseContourIntegral;',
    '&MadeUpEntityThatIsLongerThanThirtyOneCharacters;',
    '*&#42;* &#42;foo&#42;',
    '&#x2a;a&#x2a; &#10;x',
    '&amp;*a*&amp;',
    '[a](&amp;) [&amp;](u)',
  ],
  code: [
    '`code`',
    '``a`b``',
    '` a `',
    '`  `',
    '` `',
    '``` ``',
    '`a',
    'a``b`',
    '`*no emph*`',
    '`[no](link)`',
    '`<b>`',
    '`\\`',
    '*a `*` b*',
    '`a`b`',
    '` `` `',
    '`` ` ``',
    'x ```y``` z',
    '`\ta\t`',
    '[a `]` b](u)',
    '`a  b`',
    '\\``a`',
  ],
  emphasis: [
    '*a*',
    '_a_',
    '**a**',
    '__a__',
    '***a***',
    '___a___',
    '*a **b** c*',
    '**a *b* c**',
    'a*b*c',
    'a_b_c',
    'snake_case_name',
    '__init__',
    '*a',
    'a*',
    '* a *',
    '*(a)*',
    '_(a)_',
    'foo*bar*',
    'foo_bar_',
    '**a*',
    '*a**',
    '***a**',
    '**a***',
    '*a _b* c_',
    '_a *b_ c*',
    'a **b** c **d**',
    '*****',
    '_____',
    '* * *',
    '*a*b*c*',
    '**foo*bar**baz*',
    '*foo**bar**baz*',
    '***a*b**',
    '*a **b*',
    '****a*b*c**',
    'a ***b* c**',
    '_a__b_',
    '*"a"*',
    '"*a*"',
    'пр*и*вет _мир_',
    '*a*🎉*b*',
    '**a**b',
    '__a__b',
  ],
  strikethrough: [
    '~a~',
    '~~a~~',
    '~~~a~~~',
    '~a~~',
    '~~a~',
    'a~b~c',
    '~ a ~',
    '~~a ~~ b~~',
    '~*a*~',
    '*~a~*',
    'x*~a~*y',
    '~a *b~ c*',
    '*a ~b* c~',
    '~~*a*~~',
    'a ~~b~~ ~c~',
    '~a~b~',
    '**a ~b** c~',
    '~a **b~ c**',
    '[~a *b~ c*](u)',
    '~a [b~](u) c~',
  ],
  links: [
    '[foo](/url)',
    '[foo](/url "title")',
    "[foo](/url 'title')",
    '[foo](/url (title))',
    '[foo](<a b>)',
    '[foo]()',
    '[foo](  /url  )',
    '[a](b c)',
    '[a](<b)c>)',
    '[a](b(c)d)',
    '[a](b(c)',
    '[a](b\\)c)',
    '[a](<b>c)',
    '[a](b "c" d)',
    '[a](b "c)',
    '[*em*](u)',
    '[a [b](c) d](e)',
    '[a](b) [c](d)',
    '[foo][bar]',
    '[foo][]',
    '[foo]',
    '[Foo]',
    '[FOO][]',
    '[nope]',
    '[nope][]',
    '[nope][foo]',
    '[foo][nope]',
    '[foo][ ]',
    '[foo][x',
    '[foo] [bar]',
    '[foo][bar][baz]',
    '[link label]',
    '[link   label]',
    '[ss]',
    '[a\\]b]',
    '[*emph* x]',
    '[[foo]]',
    '[foo[bar]]',
    '[foo](url)[bar]',
    '[![img](i)](u)',
    '[`code`](u)',
    '[a <b>](u)',
    '[<a href="](u)">]',
    '*[a*](u)',
    '[a *b](u)*',
    '[foo](not a link',
    '[foo] (/u)',
    '[a](((((((((((((((((((((((((((((((((x))))))))))))))))))))))))))))))))))',
    '[a]([[b]])',
    '[a](#x)[b](?y)',
    '[a [b [c](d)](e)](f)',
    '[[a](b)](c)',
    '[foo [bar](u)][baz]',
  ],
  images: [
    '![img](i)',
    '![*a* b](i)',
    '![a ![b](c)](d)',
    '![a [b](c)](d)',
    '![foo]',
    '![foo][]',
    '![foo][bar]',
    '![nope]',
    '! [foo]',
    '!![foo](u)',
    '![](u)',
    '![`x`](u)',
    '![a](<u> "t")',
    '!',
    '![',
    'a!b',
  ],
  footnotes: [
    '[^1]',
    '[^note]',
    '[^Note]',
    '[^nope]',
    'a[^1]b',
    '[^1][^note]',
    '![^1]',
    'x ![^note] y',
    '![ ^1]',
    '[^1](u)',
    '![^1](u)',
    '[x [^1]](u)',
    '[^ 1]',
    '[^1 ]',
    '[^]',
    '^1',
    '[^a*b]',
    '![^a*b]',
    '[^1]]',
    '[[^1]]',
  ],
  autolinks: [
    '<http://a.b/c>',
    '<https://x.y/a?b=c&d>',
    '<mailto:a@b.c>',
    '<a@b.co>',
    '<foo.bar@baz.example.com>',
    '<a b>',
    '<http://a b>',
    '<irc://x>',
    '<a:b>',
    '<ab:c>',
    '<made-up-scheme://x>',
    '<@a.b>',
    '<a@b>',
    '<a@-b.c>',
    '<a@b-.c>',
    '<http://a*b*c>',
    '<http://a_b_>',
    '*<http://a*b>*',
    '<a+b@c.d>',
    '<abcdefghijabcdefghijabcdefghijabc:x>',
    '<http://&amp;>',
  ],
  html: [
    '<b>bold</b>',
    '<a href="x">*y*</a>',
    '<!-- c -->',
    '<!---->',
    '<!-->',
    '<!--->',
    '<!-- a -- b -->',
    '<!-- *a* -->',
    '<?php x ?>',
    '<?>',
    '<!DOCTYPE html>',
    '<![CDATA[ *a* ]]>',
    '<a/>',
    '<a />',
    '<a b=c>',
    '<a b=c/d>',
    "<a b='c'>",
    '<a b="c">',
    '<a b = "c" >',
    '<a b>',
    '<a 1b>',
    '<a b="c"d>',
    '</a>',
    '</a b>',
    '< a>',
    '<33>',
    '<a_b>',
    '<a-b>',
    '<a b=`c`>',
    '<a :b _c>',
    '<a b=c>*d*<e>',
    '*<a b="*">*',
    '<!a>',
    '<![CDATA[x]>',
  ],
  literals: [
    'see www.example.com/*a*',
    '*www.example.com/*a*',
    'http://a.com/_x_',
    '_http://a.com_',
    'a_b@c.com',
    '_a@b.co_',
    '*a@b.co*',
    'foo@bar.baz.',
    'x www.a.com). y',
    'www.a.com/(b)*c*',
    '[www.a.com/*a*](u)',
    'https://a.b/~~x~~',
    'www.x.com/&amp;y',
    'www.x.com/&amp;',
    'mailto@x',
    'www.a_b.c/*x*',
    'www.a.b_c/*x*',
    'HTTP://A.B/*C*',
    '(www.a.com/x*)*',
    '*x www.example.com/*a*',
    '[foo](u) *www.example.com/*a*',
    '[x *www.example.com/*a*',
    'https://a.b/`c`',
    'www.a.com/<b>',
    'www.a.com]/*x*',
    'www.a.com/]x*',
    'a.b-c_d@a.b',
    'a@b.c_',
    'a@b.c-',
    '/a@b.co *x*',
    'x_y@a.co_',
    'ftp://a.b/*x*',
    'www.',
    'www.*a*',
  ],
  multiline: [
    'a\nb',
    'a \nb',
    'a  \nb',
    'a\\\nb',
    'a\t\nb',
    'a \t\nb',
    'a *b\nc* d',
    '*a\nb*',
    '`a\nb`',
    '` a\nb `',
    '`\na`',
    '<a\nb>',
    '<a b="\nc">',
    '[a\nb](u)',
    'a  \\\nb',
    '*a*  \nb',
    '~a\nb~',
    'a\n`b`  \nc',
    '[foo\nbar]',
    '&amp;  \nb',
    '&#32; \nb',
    '[a](\nu\n"t"\n)',
    '![a  \nb](u)',
    '**[a\nb](u)**',
    'a <!--\nx\n-->',
    'a\\\n*b*',
    '*a\\\nb*',
  ],
};

function handCases(): Case[] {
  return Object.entries(HAND).flatMap(([group, contents]) =>
    contents.map((content) => makeCase(`hand/${group}`, content, HAND_LINKS, HAND_FOOTNOTES)),
  );
}

// CommonMark spec examples of the inline sections.
const SPEC_SECTIONS = new Set([
  'Backslash escapes',
  'Entity and numeric character references',
  'Code spans',
  'Emphasis and strong emphasis',
  'Links',
  'Images',
  'Autolinks',
  'Raw HTML',
  'Hard line breaks',
  'Soft line breaks',
  'Textual content',
]);

interface SpecExample {
  readonly markdown: string;
  readonly section: string;
  readonly number: number;
}

/** Raw label of a definition's source (`[label]: …` or `[^label]: …`). */
function rawLabel(source: string, footnote: boolean): string {
  const start = source.indexOf('[') + (footnote ? 2 : 1);
  let end = start;
  while (source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
  return source.slice(start, end);
}

/**
 * Examples of the sections above that hold block structure, which no heading
 * can contain, so they are not compared:
 * - 18, 36: indented code blocks;
 * - 19, 24, 34: fenced code blocks;
 * - 21, 31: HTML blocks (a lone tag on its line);
 * - 38: a bullet list after the paragraph;
 * - 646, 647: ATX headings (they test that headings have no hard breaks).
 */
const SPEC_BLOCK_EXAMPLES = [18, 19, 21, 24, 31, 34, 36, 38, 646, 647];

/**
 * Paragraphs of the spec examples, as heading content, each with the
 * example's link reference definitions. Most examples are one paragraph
 * (plus definitions); the few with several paragraphs (e.g. 354, 501, 626)
 * contribute each of them.
 */
function specCases(): { cases: Case[]; blockStructure: number[] } {
  const require = createRequire(import.meta.url);
  const spec = require('commonmark-spec') as { tests: SpecExample[] };
  const cases: Case[] = [];
  const blockStructure: number[] = [];
  for (const example of spec.tests) {
    if (!SPEC_SECTIONS.has(example.section)) continue;
    const markdown = example.markdown.replaceAll('→', '\t');
    const tree = parse(markdown);
    const paragraphs = tree.children.filter((node) => node.type === 'paragraph');
    const definitions = tree.children.filter((node) => node.type === 'definition' || node.type === 'footnoteDefinition');
    if (paragraphs.length === 0 || paragraphs.length + definitions.length !== tree.children.length) {
      blockStructure.push(example.number);
      continue;
    }
    const slice = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string =>
      markdown.slice(node.position?.start.offset, node.position?.end.offset);
    const links: string[] = [];
    const footnotes: string[] = [];
    for (const node of definitions) {
      const footnote = node.type === 'footnoteDefinition';
      const label = rawLabel(slice(node), footnote);
      // normalizeLabel must agree with micromark's identifier for the same label.
      expect(normalizeLabel(label).toLowerCase(), `example ${example.number}`).toBe(
        'identifier' in node ? node.identifier : undefined,
      );
      (footnote ? footnotes : links).push(label);
    }
    const context: InlineContext = {
      definitions: new Set(links.map(normalizeLabel)),
      footnotes: new Set(footnotes.map(normalizeLabel)),
    };
    const definitionSource = definitions.map(slice).join('\n\n');
    paragraphs.forEach((paragraph, index) => {
      // What a block parser hands over: lines without their indentation, end trimmed.
      const content = slice(paragraph)
        .split('\n')
        .map((line) => line.replace(/^[ \t]+/, ''))
        .join('\n')
        .replace(/[ \t]+$/, '');
      const origin = `spec/${example.number}${paragraphs.length > 1 ? `#${index + 1}` : ''} (${example.section})`;
      cases.push({ origin, content, definitionSource, context });
    });
  }
  return { cases, blockStructure };
}

const random = seededRandom;

// Weighted alphabet: single characters that start or end constructs, letters,
// spaces, and a few snippets so longer constructs occur at all.
const ATOMS: readonly (readonly [string, number])[] = [
  ['*', 10], ['_', 8], ['~', 6], ['[', 8], [']', 8], ['(', 4], [')', 4], ['!', 4], ['<', 4], ['>', 3],
  ['`', 6], ['&', 3], ['#', 2], ['\\', 5], [' ', 12], ['"', 1], ['^', 1], ['/', 1],
  ['a', 6], ['b', 4], ['c', 2], ['foo', 2], ['x', 2], ['é', 1], ['.', 1],
  ['](u)', 3], ['](<u> "t")', 1], ['[a]', 2], ['[^1]', 1], ['&amp;', 1], ['&#42;', 1], ['<b>', 1], ['</b>', 1],
  ['<!--', 1], ['-->', 1], ['http://x.y/', 1], ['www.a.b/', 1], ['a@b.co', 1], ['<http://q.r>', 1], ['  ', 1],
  ['\t', 1], ['\u00a0', 1], ['“', 1], ['🎉', 1], ['-', 1], [':', 1], ["'", 1], ['=', 1], ['<a b="c">', 1],
];
const ATOM_TOTAL = ATOMS.reduce((sum, [, weight]) => sum + weight, 0);

function randomLine(next: () => number): string {
  const size = 1 + Math.floor(next() * 24);
  let out = '';
  for (let index = 0; index < size; index++) {
    let pick = next() * ATOM_TOTAL;
    for (const [atom, weight] of ATOMS) {
      pick -= weight;
      if (pick < 0) {
        out += atom;
        break;
      }
    }
  }
  return out;
}

const RANDOM_LINKS = ['a', 'b', 'foo', 'a b'];
const RANDOM_FOOTNOTES = ['1', 'a'];

function randomCases(count: number, multiline: boolean): Case[] {
  const next = random(multiline ? 0x5eed2 : 0x5eed1);
  const cases: Case[] = [];
  for (let index = 0; index < count; index++) {
    const lines = multiline ? 2 + Math.floor(next() * 3) : 1;
    const content = Array.from({ length: lines }, () => randomLine(next).replace(/^[ \t]+/, ''))
      .filter((line) => line.trim() !== '')
      .join('\n')
      .trim();
    if (content === '') continue;
    cases.push(makeCase(`random/${multiline ? 'multi' : 'single'}/${index}`, content, RANDOM_LINKS, RANDOM_FOOTNOTES));
  }
  return cases;
}

function report(mismatches: readonly Mismatch[]): string {
  return mismatches
    .slice(0, 20)
    .map((m) => `${m.origin}: ${JSON.stringify(m.content)}\n  expected ${JSON.stringify(m.expected)}\n  actual   ${JSON.stringify(m.actual)}`)
    .join('\n');
}

describe('inlineText matches mdast-util-to-string over mdast-util-from-markdown + GFM', () => {
  it('on hand-written cases for every construct', () => {
    const cases = handCases();
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const { compared, skipped, mismatches } = compare(cases);
    // Every hand-written case is a valid heading; a skip would hide a typo.
    expect(skipped.map((entry) => entry.content)).toEqual([]);
    expect(compared).toBe(cases.length);
    expect(mismatches, report(mismatches)).toEqual([]);
  });

  it('on the paragraph examples of the inline sections of the CommonMark spec', () => {
    const { cases, blockStructure } = specCases();
    expect(blockStructure).toEqual(SPEC_BLOCK_EXAMPLES);
    const { compared, skipped, mismatches } = compare(cases);
    // No example paragraph starts with `#`, so every one is compared.
    expect(skipped.map((entry) => entry.origin)).toEqual([]);
    expect(compared).toBe(cases.length);
    expect(compared).toBeGreaterThan(330);
    expect(mismatches, report(mismatches)).toEqual([]);
  });

  it('on random single-line content', () => {
    const { compared, mismatches } = compare(randomCases(4000, false));
    expect(compared).toBeGreaterThan(3500);
    expect(mismatches, report(mismatches)).toEqual([]);
  });

  it('on random multi-line content', () => {
    // Random lines may start block constructs (lists, block quotes, fences);
    // those documents are not a single heading and are skipped by the oracle.
    const { compared, mismatches } = compare(randomCases(2500, true));
    expect(compared).toBeGreaterThan(1500);
    expect(mismatches, report(mismatches)).toEqual([]);
  });
});

describe('normalizeLabel', () => {
  it('collapses whitespace, trims and case-folds like micromark', () => {
    expect(normalizeLabel('  Foo \t\n Bar  ')).toBe('FOO BAR');
    expect(normalizeLabel('ẞ')).toBe(normalizeLabel('SS'));
  });
});

describe('fast path', () => {
  it('is only taken where the reference parser leaves the text as written', () => {
    // Autolink literals and parentheses need no parsing for their text.
    const plain = ['Goals and Non-Goals', 'see www.example.com/a_b?', 'mail a@b.co', 'x = (y) # z', 'tab\tand\u00a0nbsp'];
    const context: InlineContext = { definitions: new Set() };
    for (const content of plain) {
      expect(inlineText(content, context)).toBe(content);
      expect(oracle(content, '')).toBe(content);
    }
  });
});
