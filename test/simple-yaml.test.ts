// The YAML fast path for front matter must read exactly what the `yaml`
// package reads, wherever it answers at all.
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readSimpleYaml } from '../src/core/simple-yaml.js';

const scalarText = fc.oneof(
  fc.constantFrom('', '~', 'null', 'Null', 'true', 'False', 'TRUE', '0', '-0', '007', '-12', '+3', '1.5', '.5', '5.', '1e3', '-2.5E-3', '0x1F', '0o17', '.inf', '-.inf', '.NaN',
    '2026-11-27', '1.2.3', 'a: b', 'a:b', 'http://x.y/z', 'x # comment', 'x#y', '"quoted"', "'single'", '"a\\"b"', "'it''s'", '- x', '-x', '? x', '[a]', '{a: 1}',
    '&anchor', '*alias', '!tag x', '|', '>', '%x', '@x', '`x`', 'tab\there', 'Rate limiter', 'ana, ben', 'a  b', 'trailing   '),
  fc.stringMatching(/^[A-Za-z0-9 .,:#'"_@/-]{0,12}$/),
);
const key = fc.oneof(fc.constantFrom('title', 'status', 'owners', 'null', 'true', 'a-b', 'a_b', 'A1', '1a', 'a.b', 'a b'), fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/));
const line = fc.oneof(
  fc.tuple(key, scalarText).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key).map(([k]) => `${k}:`),
  fc.tuple(key, fc.array(scalarText, { maxLength: 3 })).map(([k, vs]) => `${k}: [${vs.join(', ')}]`),
  fc.tuple(fc.constantFrom('', '  ', '    '), scalarText).map(([indent, v]) => `${indent}- ${v}`),
  fc.constantFrom('# comment', '', '   ', '  nested: map', 'key: |', '  continued'),
);

describe('readSimpleYaml', () => {
  it('reads what the yaml package reads, or leaves the text to it', () => {
    let answered = 0;
    fc.assert(fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), (lines, crlf) => {
      const text = lines.map((l) => `${l}${crlf ? '\r\n' : '\n'}`).join('');
      const simple = readSimpleYaml(text);
      if (simple === null) return;
      answered += 1;
      let full: unknown;
      try {
        full = parse(text, { uniqueKeys: true });
      } catch (error) {
        throw new Error(`the fast path read ${JSON.stringify(text)}, which yaml refuses: ${(error as Error).message}`);
      }
      expect(simple, JSON.stringify(text)).toEqual(full ?? {});
    }), { numRuns: 5000 });
    // The fast path must answer often enough to matter.
    expect(answered).toBeGreaterThan(300);
  });

  it('reads the front matter specfill writes', () => {
    const text = 'title: Rate limiter\ntemplate: tech-spec@1\nstatus: draft\nowners:\n  - alice\n  - bob\ncreated: 2026-11-26\nupdated: 2026-11-26\n';
    expect(readSimpleYaml(text)).toEqual(parse(text));
    expect(readSimpleYaml('owners: []\nsupersedes: specs/a.md\n')).toEqual({ owners: [], supersedes: 'specs/a.md' });
    expect(readSimpleYaml('status-override:\n  status: review\n')).toBeNull();
  });
});
