// jsonErrorOffset says where a text stops being JSON, for messages that must
// say where (JSON.parse names no position for some errors).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, jsonSyntaxError } from '../src/core/json-error-offset.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is JSON, for any JSON value and for any mangling of one', () => {
    fc.assert(fc.property(fc.json(), (text) => jsonErrorOffset(text) === null), { numRuns: 500 });
    const mangled = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '{', '[', '"', ':', ' ', '1', '\\', '\n', 'x', '-', '.e'))
      .map(([text, at, piece]) => { const k = at % (text.length + 1); return text.slice(0, k) + piece + text.slice(k + (at % 2)); });
    fc.assert(fc.property(mangled, (text) => (jsonErrorOffset(text) === null) === parses(text)), { numRuns: 3000 });
  });

  it('points at the character in the way, where JSON.parse gives no position', () => {
    const text = '{\n  "a": "ok",\n  "x": \n}\n';
    expect(jsonSyntaxError(text)).toEqual({ message: "Unexpected token '}'", offset: text.indexOf('}') });
    expect(jsonErrorOffset('[1,2,]')).toBe(5);
    expect(jsonErrorOffset('{"a":1}x')).toBe(7);
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
    expect(jsonErrorOffset(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeNull();
  });
});
