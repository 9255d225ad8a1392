import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../src/index.js';

const SEED = readFileSync(join(import.meta.dirname, '..', 'templates', 'tech-spec.md'), 'utf8');

/** The 21 ids issue #2 lists for the seed, in order. */
const SEED_IDS = [
  'title', 'overview', 'goals-and-non-goals/goals', 'goals-and-non-goals/non-goals',
  'architecture', 'architecture/system-components', 'architecture/data-model',
  'architecture/api-design', 'implementation-details', 'implementation-details/dependencies',
  'implementation-details/security-considerations', 'implementation-details/performance-considerations',
  'testing-strategy', 'testing-strategy/unit-tests', 'testing-strategy/integration-tests',
  'testing-strategy/end-to-end-tests', 'deployment-strategy', 'monitoring-and-logging',
  'future-considerations', 'alternative-approaches-considered', 'references',
];

/** An independent reading of the seed: each marker line with its instruction. */
function seedMarkers(source: string): { line: number; instruction: string }[] {
  return source.split('\n').flatMap((text, i) => {
    const m = /^<!-- AGENT_PLACEHOLDER: (.*) -->$/.exec(text);
    return m ? [{ line: i + 1, instruction: m[1]! }] : [];
  });
}

describe('parseSpec on the seed template', () => {
  const spec = parseSpec(SEED);

  it('gives exactly the placeholder ids of the design, in order', () => {
    expect(spec.placeholders.map((p) => p.id)).toEqual(SEED_IDS);
  });

  it('gives each placeholder its instruction, line and columns', () => {
    const markers = seedMarkers(SEED);
    expect(markers).toHaveLength(21);
    spec.placeholders.forEach((p, i) => {
      const marker = markers[i]!;
      expect(p.instruction).toBe(marker.instruction);
      expect(p.line).toBe(marker.line);
      expect(p.column).toBe(1);
      expect(p.endLine).toBe(marker.line);
      expect(p.endColumn).toBe(`<!-- AGENT_PLACEHOLDER: ${marker.instruction} -->`.length + 1);
      expect(SEED.slice(p.span.start, p.span.end)).toBe(`<!-- AGENT_PLACEHOLDER: ${marker.instruction} -->`);
    });
  });

  it('reads the title, the section tree and the section paths', () => {
    expect(spec.title?.text).toBe('Technical Specification');
    expect(spec.sections.map((s) => s.id)).toEqual([
      'overview', 'goals-and-non-goals', 'architecture', 'implementation-details', 'testing-strategy',
      'deployment-strategy', 'monitoring-and-logging', 'future-considerations',
      'alternative-approaches-considered', 'references',
    ]);
    const dataModel = spec.placeholders.find((p) => p.id === 'architecture/data-model')!;
    expect(dataModel.section).toEqual(['Architecture', 'Data Model']);
    expect(dataModel.sectionId).toBe('architecture/data-model');
    expect(spec.placeholders[0]!.sectionId).toBeNull();
    expect(spec.placeholders[0]!.section).toEqual([]);
  });

  it('records the seed format: LF, no BOM, no final newline', () => {
    expect(spec.format).toEqual({ lineEndings: 'lf', newline: '\n', bom: false, finalNewline: false });
  });
});

describe('parseSpec: what is and is not a placeholder', () => {
  const ids = (source: string): string[] => parseSpec(source).placeholders.map((p) => p.id);

  it('ignores markers in fenced code of any length and fence kind, even unclosed', () => {
    expect(ids('# T\n\n## A\n\n```\n<!-- AGENT_PLACEHOLDER: x -->\n```\n')).toEqual([]);
    expect(ids('# T\n\n## A\n\n~~~~ md\n<!-- AGENT_PLACEHOLDER: x -->\n~~~~\n<!-- AGENT_PLACEHOLDER: y -->\n')).toEqual(['a']);
    expect(ids('# T\n\n## A\n\n`````\n```\n<!-- AGENT_PLACEHOLDER: x -->\n```\n`````\n')).toEqual([]);
    expect(ids('# T\n\n## A\n\n```\n<!-- AGENT_PLACEHOLDER: x -->\n\n## B\n<!-- AGENT_PLACEHOLDER: y -->\n')).toEqual([]);
  });

  it('ignores markers in indented code, inline code and other HTML blocks', () => {
    expect(ids('# T\n\n## A\n\n    <!-- AGENT_PLACEHOLDER: x -->\n')).toEqual([]);
    expect(ids('# T\n\n## A\n\nUse `<!-- AGENT_PLACEHOLDER: x -->` like this.\n')).toEqual([]);
    expect(ids('# T\n\n## A\n\n<div>\n<!-- AGENT_PLACEHOLDER: x -->\n</div>\n')).toEqual([]);
  });

  it('does not take a heading in code for a section', () => {
    const spec = parseSpec('# T\n\n## A\n\n```\n## B\n```\n\n<!-- AGENT_PLACEHOLDER: x -->\n');
    expect(spec.placeholders.map((p) => p.id)).toEqual(['a']);
    expect(spec.headings.map((h) => h.text)).toEqual(['T', 'A']);
  });

  it('numbers further placeholders of one section #2, #3', () => {
    expect(ids('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: x -->\n\n<!-- AGENT_PLACEHOLDER: y -->\n<!-- AGENT_PLACEHOLDER: z -->\n'))
      .toEqual(['a', 'a#2', 'a#3']);
  });

  it('reads setext headings and multi-line instructions', () => {
    const spec = parseSpec('Title\n=====\n\nScope\n-----\n\n<!-- AGENT_PLACEHOLDER: first line\n  second line\n-->\n');
    expect(spec.title?.text).toBe('Title');
    expect(spec.placeholders).toHaveLength(1);
    expect(spec.placeholders[0]).toMatchObject({ id: 'scope', instruction: 'first line\n  second line', line: 7, column: 1, endLine: 9, endColumn: 4 });
  });

  it('finds placeholders in block quotes, without the quote markers in the instruction', () => {
    const spec = parseSpec('# T\n\n## A\n\n> <!-- AGENT_PLACEHOLDER: one\n> two -->\n');
    expect(spec.placeholders.map((p) => [p.id, p.instruction])).toEqual([['a', 'one\ntwo']]);
  });

  it('reports an unterminated marker as malformed, with its position', () => {
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: never closed\n\n## B\n');
    expect(spec.placeholders).toEqual([]);
    expect(spec.malformed).toHaveLength(1);
    expect(spec.malformed[0]).toMatchObject({ reason: 'unterminated', line: 5, column: 1, sectionId: 'a' });
  });

  it('reports an empty marker as malformed', () => {
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: -->\n<!--AGENT_PLACEHOLDER-->\n');
    expect(spec.malformed.map((m) => m.reason)).toEqual(['empty', 'empty']);
  });

  it('does not mistake look-alike markers for placeholders', () => {
    expect(ids('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDERS: x -->\n<!-- agent_placeholder: y -->\n<!-- note -->\n')).toEqual([]);
  });

  it('gives `title` to a placeholder between the title and the first section', () => {
    expect(ids('# T\n\n<!-- AGENT_PLACEHOLDER: t -->\n\n## A\n\n<!-- AGENT_PLACEHOLDER: a -->\n')).toEqual(['title', 'a']);
  });

  it('keeps all level-1 headings as sections when there is more than one', () => {
    expect(ids('# A\n\n<!-- AGENT_PLACEHOLDER: a -->\n\n# B\n\n## C\n\n<!-- AGENT_PLACEHOLDER: c -->\n')).toEqual(['a', 'b/c']);
  });

  it('reads list markers as CommonMark does: 1 to 9 digits, and only `1.` interrupts a paragraph (code review)', () => {
    const inList = (doc: string) => parseSpec(doc).blocks.filter((b) => b.kind === 'paragraph').map((b) => b.topLevel);
    expect(inList('123456789. nine digits\n')).toEqual([false]);
    expect(inList('1234567890. ten digits\n')).toEqual([true]);
    expect(inList('- a\n+ b\n* c\n7) d\n')).toEqual([false, false, false, false]);
    // Interrupting a paragraph: `1.` does, `2.` or `01.` does not (the line stays the paragraph's).
    expect(inList('Text\n1. one\n')).toEqual([true, false]);
    expect(inList('Text\n2. two\n')).toEqual([true]);
    expect(inList('Text\n01. one\n')).toEqual([true]);
    expect(inList('-not a bullet\n')).toEqual([true]);
  });

  it('reads link reference definitions only where one can open a paragraph, a table of contents passed over (speed review)', () => {
    const defs = (doc: string) => [...parseSpec(doc).definitions].sort();
    expect(defs('[foo\\]bar]: /u\n\n[multi\nline]: /v\n\n- [Summary](#summary)\n- [x]: /w\n')).toEqual(['FOO\\]BAR', 'MULTI LINE', 'X']);
    expect(defs('[a [b]]: /u\n\n[c]\n: /v\n\n[d](e): /f\n\n[^1]: note\n')).toEqual([]);
  });

  it('makes sibling ids unique like GitHub anchors', () => {
    expect(ids('# T\n\n## Notes\n\n<!-- AGENT_PLACEHOLDER: a -->\n\n## Notes\n\n<!-- AGENT_PLACEHOLDER: b -->\n')).toEqual(['notes', 'notes-1']);
  });
});

describe('parseSpec: line endings, BOM, front matter', () => {
  it('handles CRLF, a BOM and front matter with the same ids and lines', () => {
    const lf = `---\ntitle: X\n---\n${SEED}\n`;
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const a = parseSpec(lf);
    const b = parseSpec(crlf);
    expect(b.format).toEqual({ lineEndings: 'crlf', newline: '\r\n', bom: true, finalNewline: true });
    expect(b.placeholders.map((p) => [p.id, p.line, p.column, p.instruction]))
      .toEqual(a.placeholders.map((p) => [p.id, p.line, p.column, p.instruction]));
    expect(b.frontMatter?.data).toEqual({ title: 'X' });
    for (const p of b.placeholders) expect(crlf.slice(p.span.start, p.span.end)).toMatch(/^<!-- AGENT_PLACEHOLDER: .* -->$/);
  });

  it('records mixed line endings and the dominant one', () => {
    expect(parseSpec('a\r\nb\r\nc\nd').format).toEqual({ lineEndings: 'mixed', newline: '\r\n', bom: false, finalNewline: false });
    expect(parseSpec('a\rb\r').format).toMatchObject({ lineEndings: 'cr', newline: '\r', finalNewline: true });
    expect(parseSpec('one line').format.lineEndings).toBe('none');
  });

  it('reports unreadable YAML front matter with its line and column', () => {
    const spec = parseSpec('---\ntitle: ok\nowners: [a, b\n---\n# T\n');
    expect(spec.frontMatter?.data).toBeNull();
    expect(spec.frontMatter?.error?.message).toMatch(/invalid YAML front matter/);
    expect(spec.frontMatter?.error?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects front matter that is not a mapping', () => {
    const spec = parseSpec('---\n- a\n- b\n---\n# T\n');
    expect(spec.frontMatter?.error?.message).toMatch(/mapping/);
  });

  it('covers the source exactly with its parts, in order', () => {
    for (const source of [SEED, `\uFEFF---\na: 1\n---\nintro\n${SEED}`, 'no headings at all', '', '# Only\n']) {
      const spec = parseSpec(source);
      let at = 0;
      for (const part of spec.parts) {
        expect(part.span.start).toBe(at);
        at = part.span.end;
      }
      expect(at).toBe(source.length);
      expect(spec.parts.map((p) => source.slice(p.span.start, p.span.end)).join('')).toBe(source);
    }
  });
});

describe('slugs', () => {
  it('match github-slugger on ASCII and beyond', async () => {
    const { slug } = await import('github-slugger');
    const { slugify } = await import('../src/core/slug.js');
    let all = '';
    for (let c = 32; c < 127; c++) all += String.fromCharCode(c);
    for (const text of ['Goals and Non-Goals', 'API Design (v2)', `x${all}y`, 'Ünïcödé — “quotes”', 'tab\there', '`code` & <b>', '']) {
      expect(slugify(text)).toBe(slug(text));
    }
    // Printable ASCII takes a quick path of its own: the same anchors, whatever the text.
    const { default: fc } = await import('fast-check');
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }), (text) => slugify(text) === slug(text)), { numRuns: 2000 });
  });
});

describe('parseSpec: inline placeholders', () => {
  it('finds a placeholder comment inside a paragraph, not one in inline code or escaped', () => {
    const spec = parseSpec('# T\n\n## A\n\nSee <!-- AGENT_PLACEHOLDER: inline one --> here, `<!-- AGENT_PLACEHOLDER: code -->`,\nand \\<!-- AGENT_PLACEHOLDER: escaped -->.\n');
    expect(spec.placeholders.map((p) => [p.id, p.instruction, p.line, p.column])).toEqual([['a', 'inline one', 5, 5]]);
    expect(spec.source.slice(spec.placeholders[0]!.span.start, spec.placeholders[0]!.span.end)).toBe('<!-- AGENT_PLACEHOLDER: inline one -->');
  });

  it('reports an inline marker whose `-->` was deleted as malformed, up to the end of its paragraph or cell', () => {
    const source = '# T\n\n## A\n\nWe chose Redis. <!-- AGENT_PLACEHOLDER: What we decided\nand why.\n\n| k | v |\n|---|---|\n| 1 | <!-- AGENT_PLACEHOLDER: cell |\n\n`<!-- AGENT_PLACEHOLDER: code`\n';
    const spec = parseSpec(source);
    expect(spec.placeholders).toEqual([]);
    expect(spec.malformed.map((m) => [m.sectionId, m.reason, m.line, m.column, m.endLine, m.endColumn])).toEqual([
      ['a', 'unterminated', 5, 17, 6, 9],
      ['a', 'unterminated', 10, 7, 10, 36],
    ]);
    // A table's cells are each their own text: an unclosed comment ends with its cell, and a `-->` rows below closes nothing.
    const table = parseSpec('# T\n\n| a | b |\n| --- | --- |\n| x <!-- AGENT_PLACEHOLDER: fill | y |\n| z --> | w |\n| <!-- AGENT_PLACEHOLDER: ok --> | r |\n');
    expect(table.malformed.map((m) => [m.line, m.column, m.endLine, m.endColumn])).toEqual([[5, 5, 5, 34]]);
    expect(table.placeholders.map((p) => [p.line, p.instruction])).toEqual([[7, 'ok']]);
    // An unclosed `<!--` is text: it does not hide a later one.
    expect(parseSpec('# T\n\nUse a <!-- marker, see below. <!-- AGENT_PLACEHOLDER: describe it\n').malformed.map((m) => m.column)).toEqual([31]);
    // Two in a row: the first runs to the end of the paragraph, the second is inside it.
    expect(parseSpec('# T\n\nA <!-- AGENT_PLACEHOLDER: a <!-- AGENT_PLACEHOLDER: b\n').malformed.map((m) => m.column)).toEqual([3]);
    // A closed comment before it does not hide it; a comment after it closes it (one comment, as CommonMark reads it),
    // but the `<!--` inside says its own `-->` was lost: malformed, its instruction what comes before.
    expect(parseSpec('# T\n\nA <!-- x --> b <!-- AGENT_PLACEHOLDER: y\n').malformed).toHaveLength(1);
    const closedByNext = parseSpec('# T\n\nA <!-- AGENT_PLACEHOLDER: y and <!-- z -->\n');
    expect([closedByNext.placeholders, closedByNext.malformed.map((m) => [m.reason, m.column, m.endColumn])]).toEqual([[], [['unterminated', 3, 43]]]);
  });

  it('maps a comment over several paragraph lines back to the source', () => {
    const source = '# T\n\n## A\n\nText <!-- AGENT_PLACEHOLDER: one\n   two --> end\n';
    const [p] = parseSpec(source).placeholders;
    expect(p).toMatchObject({ instruction: 'one\ntwo', line: 5, column: 6, endLine: 6, endColumn: 11 });
    expect(source.slice(p!.span.start, p!.span.end)).toBe('<!-- AGENT_PLACEHOLDER: one\n   two -->');
  });
});

describe('parseSpec: headings holding HTML comments', () => {
  /** [id, heading slug, path] of every section, depth first. */
  const sections = (source: string): Array<[string, string, readonly string[]]> => {
    const out: Array<[string, string, readonly string[]]> = [];
    const walk = (list: ReturnType<typeof parseSpec>['sections']): void => {
      for (const s of list) {
        out.push([s.id, s.heading.slug, s.path]);
        walk(s.children);
      }
    };
    walk(parseSpec(source).sections);
    return out;
  };

  it('shows a heading without its comments in section paths; its id and slug are those of before', () => {
    const spec = parseSpec('# T\n\n## Goals <!-- note -->\n\nText.\n\n### Sub <!-- AGENT_PLACEHOLDER: name it -->\n\n<!-- AGENT_PLACEHOLDER: body -->\n');
    const goals = spec.sections[0]!;
    // The ids and slugs here are what parseSpec gave before shown texts were added: they must not move.
    expect([goals.id, goals.slug, goals.heading.slug, goals.path]).toEqual(['goals', 'goals', 'goals', ['Goals']]);
    // The text, by which headings are matched to a template's and edited, keeps the comment.
    expect([goals.heading.text, goals.heading.shown]).toEqual(['Goals <!-- note -->', 'Goals']);
    const sub = goals.children[0]!;
    expect([sub.id, sub.heading.slug, sub.path, sub.heading.text]).toEqual(['goals/sub', 'sub', ['Goals', 'Sub …'], 'Sub <!-- AGENT_PLACEHOLDER: name it -->']);
    expect(spec.placeholders.map((p) => [p.id, p.section])).toEqual([['goals/sub', ['Goals', 'Sub …']], ['goals/sub#2', ['Goals', 'Sub …']]]);
  });

  it('shows a placeholder as `…`, leaves other comments out, keeps a code span, and makes the whitespace left one space', () => {
    expect(sections('# T\n\n## <!-- AGENT_PLACEHOLDER: name the component -->\n\n### Design\n\nx\n\n## A <!-- x --> B  <!-- AGENT_PLACEHOLDER: y -->\n\n## `<!-- code -->` and <!-- c -->\n'))
      .toEqual([
        ['section', '', ['…']],
        ['section/design', 'design', ['…', 'Design']],
        ['a--b', 'a--b', ['A B …']],
        ['---code----and', '---code----and', ['<!-- code --> and']],
      ]);
    // The title shows the same way (status lists, the web page's title).
    expect(parseSpec('# Rate limiter <!-- omit in toc -->\n\n## A\n').title!.shown).toBe('Rate limiter');
  });

  it('shows a heading of nothing but other comments, or a broken placeholder, as written rather than as nothing', () => {
    expect(sections('# T\n\n## <!-- omit from toc -->\n\nx\n\n## <!-- AGENT_PLACEHOLDER:   -->\n\n## Risks <!-- AGENT_PLACEHOLDER: -->\n'))
      .toEqual([
        ['section', '', ['<!-- omit from toc -->']],
        ['section-1', '', ['<!-- AGENT_PLACEHOLDER:   -->']],
        // A placeholder with no instruction is no placeholder: left out like any comment.
        ['risks', 'risks', ['Risks']],
      ]);
  });

  it('gives a heading without a comment (an unclosed `<!--` is text) its text as it is', () => {
    const [a, b] = parseSpec('# T\n\n## Data  Model <b>x</b>\n\n## <!--unclosed\n').headings.slice(1);
    expect([a!.shown, b!.shown]).toEqual(['Data  Model <b>x</b>', '<!--unclosed']);
    expect(a!.shown).toBe(a!.text);
  });
});
