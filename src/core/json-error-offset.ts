import { LineIndex } from './line-index.js';

/**
 * Where a text stops being JSON: the offset of the first character that
 * RFC 8259 does not allow there (the text's length when it ends too soon),
 * or null when it is JSON. `JSON.parse` names the position of some errors
 * only ("Unexpected token '}', ... is not valid JSON" has none), and a
 * message about a file must say where. Pure, one pass.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const n = text.length;
  const space = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return false;
    return true;
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            while (i < n && /[0-9a-fA-F]/.test(text[i]!)) i++;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (/[1-9]/.test(text[i] ?? '')) while (/[0-9]/.test(text[i] ?? '')) i++;
    else return false;
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) return false;
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) return false;
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    return true;
  };
  // Iterative over nesting: a deep document must not overflow the stack.
  const stack: Array<'object' | 'array'> = [];
  /** A scalar read whole, a container opened (at its bracket), or null where none can start. */
  const value = (): 'scalar' | 'open' | null => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') return 'open';
    const ok = c === '"' ? string() : c === 't' ? literal('true') : c === 'f' ? literal('false') : c === 'n' ? literal('null') : number();
    return ok ? 'scalar' : null;
  };
  for (;;) {
    const kind = value();
    if (kind === null) return Math.min(i, n);
    // Open containers push; the loop below closes them and moves to the next value.
    let c = text[i];
    if (kind === 'open') {
      stack.push(c === '{' ? 'object' : 'array');
      i++;
      space();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        if (c === '{' && !objectKey()) return Math.min(i, n);
        continue;
      }
    }
    for (;;) {
      space();
      if (stack.length === 0) return i === n ? null : i;
      const top = stack[stack.length - 1]!;
      c = text[i];
      if (c === ',') {
        i++;
        if (top === 'object' && !objectKey()) return Math.min(i, n);
        break;
      }
      if (c === (top === 'object' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      return Math.min(i, n);
    }
  }

  /** A key and its colon, before an object's value. */
  function objectKey(): boolean {
    space();
    if (text[i] !== '"' || !string()) return false;
    space();
    if (text[i] !== ':') return false;
    i++;
    return true;
  }
}

/**
 * Why and where a text is not JSON, or null when it is: `JSON.parse`'s own
 * words without the copy of the text some of them carry, and the offset of
 * the first character in the way.
 */
export function jsonSyntaxError(text: string): { readonly message: string; readonly offset: number } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const raw = (error as Error).message;
    const stated = /at position (\d+)/.exec(raw);
    const message = raw.replace(/,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '').replace(/ in JSON at position \d+[\s\S]*$/, '').replace(/ at position \d+[\s\S]*$/, '');
    return { message, offset: jsonErrorOffset(text) ?? (stated === null ? 0 : Number(stated[1])) };
  }
}

/**
 * {@link jsonSyntaxError} of a file's text, placed: a byte order mark is no
 * error and no column, and lines end at `\n`, `\r\n` or a lone `\r`.
 */
export function jsonSyntaxErrorAt(text: string): { readonly message: string; readonly line: number; readonly column: number } | null {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const problem = jsonSyntaxError(text.slice(bom));
  if (problem === null) return null;
  const { line, column } = new LineIndex(text).locate(problem.offset + bom);
  return { message: problem.message, line, column };
}
