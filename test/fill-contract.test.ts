// Issue #4: the fill contract's splice. Property-based: for random documents
// and random valid content, every byte outside the placeholder span stays,
// and the content parses back as the section's body.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressionComments } from '../src/core/suppressions.js';
import { fillPlaceholders } from '../src/core/fill-placeholders.js';
import { parseSpec } from '../src/core/parse-spec.js';

const SEED_LIKE = '# Spec\n\n<!-- AGENT_PLACEHOLDER: Add project title -->\n\n## Overview\n\n<!-- AGENT_PLACEHOLDER: Describe it -->\n\n## Design\n\n### Data Model\n\n<!-- AGENT_PLACEHOLDER: Entities -->\n';

describe('fillPlaceholders', () => {
  it('replaces exactly the placeholder spans, in the file\'s line endings', () => {
    const crlf = SEED_LIKE.replace(/\n/g, '\r\n');
    const spec = parseSpec(crlf);
    const out = fillPlaceholders(spec, [{ id: 'design/data-model', content: 'Buckets.\n\n- key\n- tokens\n' }, { id: 'title', content: 'Rate limiter' }]);
    expect(out.refused).toEqual([]);
    expect(out.filled).toEqual(['title', 'design/data-model']);
    expect(out.source).toBe(crlf
      .replace('<!-- AGENT_PLACEHOLDER: Add project title -->', 'Rate limiter')
      .replace('<!-- AGENT_PLACEHOLDER: Entities -->', 'Buckets.\r\n\r\n- key\r\n- tokens'));
    expect(parseSpec(out.source).placeholders.map((p) => p.id)).toEqual(['overview']);
  });

  it('refuses what the contract forbids, and fills the rest', () => {
    const spec = parseSpec(SEED_LIKE);
    const out = fillPlaceholders(spec, [
      { id: 'overview', content: '   \n\n' },
      { id: 'design/data-model', content: '## Not here\n\ntext' },
      { id: 'title', content: 'See <!-- AGENT_PLACEHOLDER: more -->' },
      { id: 'nope', content: 'x' },
    ]);
    expect(out.refused.map((r) => [r.id, r.reason])).toEqual([['overview', 'empty'], ['design/data-model', 'heading'], ['title', 'placeholder'], ['nope', 'unknown-id']]);
    expect(out.refused[2]!.message).toBe('the content contains AGENT_PLACEHOLDER: fill the placeholder, do not add new ones');
    // Shown as code, the word is refused too, and the message says so (judge simulation: "do not add new ones" misled).
    expect(fillPlaceholders(spec, [{ id: 'title', content: 'Run `grep AGENT_PLACEHOLDER` to list them.' }]).refused[0]!.message)
      .toBe('the content contains AGENT_PLACEHOLDER, in code: an answer may not hold that word anywhere, even shown as code; write it another way (`AGENT_ PLACEHOLDER`) or leave it out');
    // Not in code when a code span closes before it, nor after a closed fence (review).
    for (const content of ['Use `foo` here, not AGENT_PLACEHOLDER.', '```\ncode\n```\n\nThen AGENT_PLACEHOLDER.']) {
      expect(fillPlaceholders(spec, [{ id: 'title', content }]).refused[0]!.message, content).toBe('the content contains AGENT_PLACEHOLDER: fill the placeholder, do not add new ones');
    }
    expect(out.source).toBe(SEED_LIKE);
    const more = fillPlaceholders(spec, [
      { id: 'overview', content: '---\ntitle: x\n---\nbody' },
      { id: 'design/data-model', content: '```js\nconst a = 1;\n' },
      { id: 'title', content: 'x'.repeat(70 * 1024) },
    ]);
    expect(more.refused.map((r) => r.reason)).toEqual(['front-matter', 'unbalanced-fence', 'too-large']);
    const deeper = fillPlaceholders(spec, [{ id: 'design/data-model', content: '#### Tables\n\nOne per entity.' }]);
    expect(deeper.refused).toEqual([]);
  });

  it('refuses a fill that would turn the line above into a heading', () => {
    // The comment continues the paragraph (inline HTML), so `===` would underline it.
    const source = '# T\n\n## A\n\nSome text\n<!-- AGENT_PLACEHOLDER: x -->\n';
    const spec = parseSpec(source);
    expect(spec.placeholders.map((p) => p.id)).toEqual(['a']);
    const out = fillPlaceholders(spec, [{ id: 'a', content: '===' }]);
    expect(out.refused.map((r) => r.reason)).toEqual(['structure']);
    expect(out.source).toBe(source);
    expect(fillPlaceholders(spec, [{ id: 'a', content: 'more text' }]).refused).toEqual([]);
  });

  it('prefixes continuation lines inside a block quote', () => {
    const spec = parseSpec('# T\n\n## A\n\n> <!-- AGENT_PLACEHOLDER: quote -->\n');
    const out = fillPlaceholders(spec, [{ id: 'a', content: 'one\n\ntwo' }]);
    expect(out.source).toBe('# T\n\n## A\n\n> one\n>\n> two\n');
  });

  it('keeps every byte outside the span and reads the content back as the section body (property)', () => {
    const line = fc.stringMatching(/^[A-Za-z0-9 .,;:!?'"()\u00e9\u4e2d\u{1F600}-]{0,40}$/u);
    const bodyBlock = fc.oneof(
      line.map((l) => `Paragraph ${l}`),
      line.map((l) => `\`\`\`\n<!-- AGENT_PLACEHOLDER: in code -->\n${l}\n\`\`\``),
      line.map((l) => `> quoted ${l}`),
    );
    const block = fc.oneof(
      line.map((l) => `Paragraph ${l}`),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- item ${l}`).join('\n')),
      line.map((l) => `\`\`\`\ncode ${l}\n## not a heading\n\`\`\``),
      line.map((l) => `    indented ${l}`),
      line.map((l) => `#### Deep ${l}`.trimEnd()),
    );
    const content = fc.array(block, { minLength: 1, maxLength: 4 }).map((bs) => bs.join('\n\n'));
    const doc = fc.record({
      sections: fc.array(fc.record({ title: line.map((l) => `Section ${l}`.trim()), body: fc.array(bodyBlock, { maxLength: 2 }) }), { minLength: 1, maxLength: 4 }),
      target: fc.nat(),
      newline: fc.constantFrom('\n', '\r\n'),
      mixed: fc.boolean(),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
    });
    fc.assert(fc.property(doc, content, (d, answer) => {
      const t = d.target % d.sections.length;
      const parts = ['# Title', ''];
      d.sections.forEach((s, i) => {
        parts.push(`## ${s.title} ${i}`, '', ...s.body.flatMap((b) => [b, '']));
        if (i === t) parts.push('<!-- AGENT_PLACEHOLDER: write it -->', '');
      });
      let source = parts.join('\n');
      if (!d.finalNewline) source = source.replace(/\n+$/, '');
      if (d.newline === '\r\n') source = source.replace(/\n/g, '\r\n');
      if (d.mixed) source = source.replace(/\r?\n/, '\n'); // first line ending differs
      if (d.bom) source = `\uFEFF${source}`;
      const spec = parseSpec(source);
      const target = spec.placeholders[0]!;
      const out = fillPlaceholders(spec, [{ id: target.id, content: answer }]);
      expect(out.refused).toEqual([]);
      const written = out.written.get(target.id)!;
      expect(out.source.slice(0, target.span.start)).toBe(source.slice(0, target.span.start));
      expect(out.source.slice(target.span.start + written.length)).toBe(source.slice(target.span.end));
      // Leading blank lines and trailing whitespace are not content.
      expect(written.replace(/\r\n/g, '\n')).toBe(answer.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, ''));
      const after = parseSpec(out.source);
      const section = after.sections[t]!;
      // The section's body, its new subsections included (content may bring deeper headings).
      const body = out.source.slice(section.bodySpan.start, section.span.end);
      expect(body).toContain(written);
      expect(after.placeholders).toEqual([]);
      expect(after.sections.map((s) => s.heading.text)).toEqual(spec.sections.map((s) => s.heading.text));
      expect(after.format).toEqual(spec.format.lineEndings === 'mixed' || !/\r\n/.test(written) ? after.format : spec.format);
    }), { numRuns: 300 });
  });
});

it('finds a placeholder by section and instruction when its id has moved on', () => {
  const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: first -->\n\n<!-- AGENT_PLACEHOLDER: second -->\n');
  expect(spec.placeholders.map((p) => p.id)).toEqual(['a', 'a#2']);
  const afterFirst = parseSpec(fillPlaceholders(spec, [{ id: 'a', content: 'One.' }]).source);
  expect(afterFirst.placeholders.map((p) => p.id)).toEqual(['a']); // the former a#2
  const out = fillPlaceholders(afterFirst, [{ id: 'a#2', content: 'Two.', match: { sectionId: 'a', instruction: 'second' } }]);
  expect(out.refused).toEqual([]);
  expect(out.source).toBe('# T\n\n## A\n\nOne.\n\nTwo.\n');
});

describe('suppression comments in content', () => {
  const source = '# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: x -->\n\n## B\n\n<!-- AGENT_PLACEHOLDER: y -->\n';

  it('are refused, in every form, so that no filler can switch check off', () => {
    const spec = parseSpec(source);
    for (const content of [
      'The overview.\n\n<!-- specfill-disable -->',
      'Text <!-- specfill-disable unfilled-placeholder --> inline.',
      '<!-- specfill-disable-next-line -->\nText.',
      '<!-- specfill-enable empty-section -- why -->',
      '> <!-- specfill-disable -->',
      '<!--specfill-disable-->',
      '<!-- SPECFILL-DISABLE -->',
    ]) {
      const out = fillPlaceholders(spec, [{ id: 'a', content }]);
      expect(out.refused.map((r) => r.reason), content).toEqual(['suppression']);
      expect(out.refused[0]!.message).toContain('suppression comment');
      expect(out.source).toBe(source);
    }
  });

  it('shown in code or inline code, are text, and accepted', () => {
    const spec = parseSpec(source);
    for (const content of ['Write `<!-- specfill-disable -->` above a line to silence it.', '```markdown\n<!-- specfill-disable -->\n```', '    <!-- specfill-enable -->', 'specfill-disable is a word here.']) {
      const out = fillPlaceholders(spec, [{ id: 'a', content }]);
      expect(out.refused, content).toEqual([]);
      expect(out.source).toContain(content.replace(/^ {4}/, '    '));
    }
  });

  it('are refused when the content only opens one that the text after it would close', () => {
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: x -->\ntext -->\n');
    const out = fillPlaceholders(spec, [{ id: 'a', content: '<!-- specfill-disable' }]);
    expect(out.refused.map((r) => r.reason)).toEqual(['suppression']);
  });

  it('are refused when the content opens one that takes over a suppression already there, their number unchanged (code review)', () => {
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: x -->\n\nRetention: TBD\n\n<!-- specfill-disable-next-line leftover-marker -->\nOwner: TBD\n');
    const out = fillPlaceholders(spec, [{ id: 'a', content: 'Exports audit logs.\n\n<!-- specfill-disable -- see below' }]);
    expect([out.refused.map((r) => r.reason), out.filled]).toEqual([['suppression'], []]);
  });

  it('are refused when two answers, each fine alone, make one together (code review)', () => {
    const spec = parseSpec('# T\n\n## A\n\nOwner: <!-- AGENT_PLACEHOLDER: owner --> and <!-- AGENT_PLACEHOLDER: reviewer -->\n\nTODO\n');
    const out = fillPlaceholders(spec, [{ id: 'a', content: '`x' }, { id: 'a#2', content: '`<!-- specfill-disable -->`' }]);
    expect([out.filled, out.refused.map((r) => [r.id, r.reason])]).toEqual([['a'], [['a#2', 'suppression']]]);
    expect(suppressionComments(parseSpec(out.source))).toEqual([]);
  });
});

describe('answers filled together', () => {
  it('are checked together: a line and `===` under it, each fine alone, would make a heading (code review)', () => {
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: first -->\n<!-- AGENT_PLACEHOLDER: rest -->\n\n## B\n\nB.\n');
    expect(fillPlaceholders(spec, [{ id: 'a', content: 'Foo' }]).refused).toEqual([]);
    expect(fillPlaceholders(spec, [{ id: 'a#2', content: '===' }]).refused).toEqual([]);
    const out = fillPlaceholders(spec, [{ id: 'a', content: 'Foo' }, { id: 'a#2', content: '===' }]);
    expect([out.filled, out.refused.map((r) => [r.id, r.reason])]).toEqual([['a'], [['a#2', 'structure']]]);
    expect(parseSpec(out.source).headings.map((h) => h.text)).toEqual(['T', 'A', 'B']);
    // Answers that do not meet are all taken, as before.
    expect(fillPlaceholders(parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: a -->\n\n## B\n\n<!-- AGENT_PLACEHOLDER: b -->\n'), [{ id: 'a', content: 'A.\n\n### Detail\n\nD.' }, { id: 'b', content: 'B.' }]).filled).toEqual(['a', 'b']);
  });

  const TOGETHER = /^together with the answers before it, /;

  it('say so when an answer fails only with those before it: backticks paired across placeholders hide the one between (code review)', () => {
    const spec = parseSpec('# T\n\n## A\n\nOwner: <!-- AGENT_PLACEHOLDER: owner -->, reviewer: <!-- AGENT_PLACEHOLDER: reviewer -->, due <!-- AGENT_PLACEHOLDER: date -->.\n');
    expect(fillPlaceholders(spec, [{ id: 'a#3', content: 'May`' }]).refused).toEqual([]);
    const out = fillPlaceholders(spec, [{ id: 'a#3', content: 'May`' }, { id: 'a', content: '`Ana' }]);
    expect([out.filled, out.refused.map((r) => [r.id, r.reason])]).toEqual([['a'], [['a#3', 'structure']]]);
    expect(out.refused[0]!.message).toMatch(TOGETHER);
    expect(parseSpec(out.source).placeholders.map((p) => p.instruction)).toEqual(['reviewer', 'date']);
    // The line and `===` under it, too.
    const heading = fillPlaceholders(parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: first -->\n<!-- AGENT_PLACEHOLDER: rest -->\n'), [{ id: 'a', content: 'Foo' }, { id: 'a#2', content: '===' }]);
    expect(heading.refused.map((r) => r.message)).toEqual([expect.stringMatching(TOGETHER)]);
  });

  it('are checked together as fully as alone: a malformed marker hidden in code between two answers is refused (code review)', () => {
    const spec = parseSpec('# T\n\n## A\n\nOwner: <!-- AGENT_PLACEHOLDER: owner --> (<!-- AGENT_PLACEHOLDER: -->) due <!-- AGENT_PLACEHOLDER: date -->.\n');
    expect(spec.malformed).toHaveLength(1);
    const out = fillPlaceholders(spec, [{ id: 'a', content: '`Ana' }, { id: 'a#2', content: 'May`' }]);
    expect([out.filled, out.refused.map((r) => [r.id, r.reason])]).toEqual([['a'], [['a#2', 'structure']]]);
    expect(out.refused[0]!.message).toMatch(TOGETHER);
    expect(parseSpec(out.source).malformed).toHaveLength(1);
  });

  it('refuse an answer bad alone with the plain message, though another answer comes before it, in the order of the answers', () => {
    // `===` under a line of text makes it a heading, whatever else is filled.
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: x -->\n\n## B\n\nSome text\n<!-- AGENT_PLACEHOLDER: y -->\n');
    const out = fillPlaceholders(spec, [{ id: 'b', content: '===' }, { id: 'a', content: 'Fine.' }, { id: 'nope', content: 'x' }]);
    expect([out.filled, out.refused.map((r) => [r.id, r.reason])]).toEqual([['a'], [['b', 'structure'], ['nope', 'unknown-id']]]);
    expect(out.refused[0]!.message).toMatch(/^the content would change the document outside this section/);
  });

  it('check each answer against those kept only: the third, which clashes only with the refused second, is filled', () => {
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: first -->\n<!-- AGENT_PLACEHOLDER: second -->\n<!-- AGENT_PLACEHOLDER: third -->\n\n## B\n\nB.\n');
    // `---` under the second's `===` would make that line a heading.
    const clash = fillPlaceholders(spec, [{ id: 'a#2', content: '===' }, { id: 'a#3', content: '---' }]);
    expect([clash.filled, clash.refused.map((r) => r.id)]).toEqual([['a#2'], ['a#3']]);
    const out = fillPlaceholders(spec, [{ id: 'a', content: 'Foo' }, { id: 'a#2', content: '===' }, { id: 'a#3', content: '---' }]);
    expect([out.filled, out.refused.map((r) => [r.id, r.reason])]).toEqual([['a', 'a#3'], [['a#2', 'structure']]]);
    expect(out.refused[0]!.message).toMatch(TOGETHER);
    expect(out.source).toBe('# T\n\n## A\n\nFoo\n<!-- AGENT_PLACEHOLDER: second -->\n---\n\n## B\n\nB.\n');
    expect(out.written).toEqual(new Map([['a', 'Foo'], ['a#3', '---']]));
  });

  it('let a heading\'s answer follow answers that add blocks: its blocks are counted in the text with them', () => {
    const spec = parseSpec('# T\n\n## A\n\n<!-- AGENT_PLACEHOLDER: a -->\n\n## <!-- AGENT_PLACEHOLDER: name -->\n\n| k | v |\n|---|---|\n| x | <!-- AGENT_PLACEHOLDER: v -->  |\n');
    expect(spec.placeholders.map((p) => p.id)).toEqual(['a', 'section', 'section#2']);
    const out = fillPlaceholders(spec, [{ id: 'a', content: 'One.\n\nTwo.\n\n- three' }, { id: 'section', content: 'Limits' }, { id: 'section#2', content: '5' }]);
    expect([out.filled, out.refused]).toEqual([['a', 'section', 'section#2'], []]);
    expect(parseSpec(out.source).headings.map((h) => h.text)).toEqual(['T', 'A', 'Limits']);
  });
});

describe('a placeholder in a table cell', () => {
  const table = '# T\n\n## Owners\n\n| Role | Team |\n|---|---|\n| On-call | <!-- AGENT_PLACEHOLDER: rotation name --> |\n| Lead | Ana |\n';
  const filled = (content: string) => fillPlaceholders(parseSpec(table), [{ id: 'owners', content }]);

  it('takes its answer with each `|` escaped, so the row keeps its cells (QA: a cell was added, and dropped by GFM)', () => {
    for (const [content, written] of [
      ['x | y', 'x \\| y'],
      // A code span is no shelter: GFM splits the row before it reads code.
      ['`a|b` or `c \\| d`', '`a\\|b` or `c \\| d`'],
      // Escaped already: kept as written.
      ['a \\| b', 'a \\| b'],
      // An escaped backslash does not escape the pipe after it.
      ['a \\\\| b', 'a \\\\\\| b'],
      // Block syntax on one line is a cell's text.
      ['# not a heading', '# not a heading'],
    ] as const) {
      const out = filled(content);
      expect(out.refused, content).toEqual([]);
      expect(out.source).toBe(table.replace('<!-- AGENT_PLACEHOLDER: rotation name -->', written));
      expect(out.written.get('owners')).toBe(written);
      const after = parseSpec(out.source);
      const row = out.source.split('\n')[6]!;
      expect(row.split(/(?<!\\)\|/).length, row).toBe(4);
      expect(after.blocks.map((b) => b.kind)).toEqual(parseSpec(table).blocks.map((b) => b.kind));
    }
  });

  it('refuses an answer of more than one line: a table cell holds one line', () => {
    for (const content of ['line1\nline2', 'one\r\n\r\ntwo']) {
      const out = filled(content);
      expect(out.refused.map((r) => r.reason), content).toEqual(['structure']);
      expect(out.refused[0]!.message).toMatch(/^a table cell holds one line/);
      expect(out.source).toBe(table);
    }
    // Blank lines around one line are not content.
    expect(filled('\n\nSRE weekly\n\n').refused).toEqual([]);
  });

  it('refuses an answer ending in a backslash right before the closing pipe, which would escape it', () => {
    const tight = '# T\n\n## A\n\n| k | v |\n|---|---|\n| a | <!-- AGENT_PLACEHOLDER: path -->|\n';
    const out = fillPlaceholders(parseSpec(tight), [{ id: 'a', content: 'C:\\' }]);
    expect(out.refused.map((r) => r.message)).toEqual([expect.stringContaining('escape the `|` that closes the cell')]);
    expect(filled('C:\\').refused).toEqual([]);
  });
});

describe('a placeholder in a heading', () => {
  const source = '# T\n\n## <!-- AGENT_PLACEHOLDER: name the component -->\n\nText.\n\n### Design\n\n<!-- AGENT_PLACEHOLDER: how -->\n';

  it('takes a one-line answer as the heading\'s text, which names its section (QA: every answer was refused)', () => {
    const spec = parseSpec(source);
    expect(spec.placeholders.map((p) => p.id)).toEqual(['section', 'section/design']);
    // Blank lines before it, as the refusal used to advise, are not content either.
    for (const content of ['Rate limiter', '\nRate limiter\n']) {
      const out = fillPlaceholders(spec, [{ id: 'section', content }]);
      expect(out.refused, content).toEqual([]);
      expect(out.source).toBe(source.replace('<!-- AGENT_PLACEHOLDER: name the component -->', 'Rate limiter'));
      const after = parseSpec(out.source);
      expect(after.sections.map((s) => s.id)).toEqual(['rate-limiter']);
      expect(after.placeholders.map((p) => p.id)).toEqual(['rate-limiter/design']);
    }
    // Beside the heading's own words, in a setext heading, and in the title.
    const beside = fillPlaceholders(parseSpec('# T\n\n## Risks: <!-- AGENT_PLACEHOLDER: the main one -->\n\nx\n'), [{ id: 'risks', content: 'load' }]);
    expect(beside.source).toBe('# T\n\n## Risks: load\n\nx\n');
    const setext = fillPlaceholders(parseSpec('# T\n\nRisks <!-- AGENT_PLACEHOLDER: x -->\n---\n\nz\n'), [{ id: 'risks', content: 'load' }]);
    expect(setext.source).toBe('# T\n\nRisks load\n---\n\nz\n');
    const title = fillPlaceholders(parseSpec('# <!-- AGENT_PLACEHOLDER: title -->\n\n## A\n\nx\n'), [{ id: 'title', content: 'Rate limiter' }]);
    expect(title.source).toBe('# Rate limiter\n\n## A\n\nx\n');
  });

  it('refuses an answer of more than one line: a heading holds one line', () => {
    const out = fillPlaceholders(parseSpec(source), [{ id: 'section', content: 'Rate limiter\n\nA token bucket.' }]);
    expect(out.refused.map((r) => [r.reason, r.message])).toEqual([['structure', 'a heading holds one line: write the heading\'s text on one line']]);
    expect(out.source).toBe(source);
  });

  it('keeps what an ATX heading would take for its closing sequence', () => {
    const out = fillPlaceholders(parseSpec(source), [{ id: 'section', content: 'Issue #' }]);
    expect(out.source).toContain('## Issue \\#\n');
    expect(parseSpec(out.source).headings[1]!.text).toBe('Issue #');
    expect(fillPlaceholders(parseSpec(source), [{ id: 'section', content: 'C#' }]).source).toContain('## C#\n');
  });

  it('is shown in its section path as `…`, not as the comment', () => {
    expect(parseSpec(source).placeholders.map((p) => p.section)).toEqual([['…'], ['…', 'Design']]);
    expect(parseSpec('# T\n\n## Risks <!-- AGENT_PLACEHOLDER: x -->\n\nx\n').placeholders[0]!.section).toEqual(['Risks …']);
    // Other comments of a heading are left out, as GitHub shows it (code review: they were kept).
    expect(parseSpec('# T\n\n## Risks <!-- omit from toc -->\n\n<!-- AGENT_PLACEHOLDER: x -->\n').placeholders[0]!.section).toEqual(['Risks']);
  });
});

describe('an answer is checked alone as well as with the answers kept before it (code review)', () => {
  it('one that breaks the text around it only a placeholder there shows is refused, though an earlier answer filled that placeholder', () => {
    const src = '# T\n\n## A\n\nIntro `tick <!-- AGENT_PLACEHOLDER: a -->\n<!-- AGENT_PLACEHOLDER: b -->\nSee `x` and `` here.\n';
    const spec = parseSpec(src);
    expect(fillPlaceholders(spec, [{ id: 'a#2', content: 'more' }]).refused.map((r) => r.reason)).toEqual(['structure']);
    const out = fillPlaceholders(spec, [{ id: 'a', content: 'done' }, { id: 'a#2', content: 'more' }]);
    expect(out.filled).toEqual(['a']);
    expect(out.refused.map((r) => [r.id, r.reason, r.message.startsWith('together')])).toEqual([['a#2', 'structure', false]]);
  });
});

it('refuses an answer that changes the text of a heading it is not in (a setext heading below it, code review)', () => {
  const spec = parseSpec('# T\n\n## A\n\nIntro\n<!-- AGENT_PLACEHOLDER: a -->\nLimits\n------\n\ntext\n');
  const out = fillPlaceholders(spec, [{ id: 'a', content: 'more' }]);
  expect([out.filled, out.refused.map((r) => r.reason)]).toEqual([[], ['structure']]);
});
