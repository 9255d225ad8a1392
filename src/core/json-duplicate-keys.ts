/**
 * Whether a JSON text has an object with the same
 * key twice, which `JSON.parse` silently resolves (the last one wins) and the
 * YAML reader reports. Keys are compared decoded (`"a"` and `"\u0061"` are
 * the same key). Text that is not JSON gets `false` (and `JSON.parse` then
 * says what is wrong). Pure.
 */
export function hasDuplicateKeys(text: string): boolean {
  // Each open object's keys so far; null for an open array.
  const open: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c /* \ */ ? 2 : 1;
      // An unclosed string: not JSON, which JSON.parse will say.
      if (end >= text.length) return false;
      const keys = open[open.length - 1];
      if (expectKey && keys != null) {
        const raw = text.slice(i, end + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      open.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      open.push(null);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = open[open.length - 1] != null;
    }
  }
  return false;
}
