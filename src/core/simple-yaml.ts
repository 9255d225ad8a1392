/**
 * Reads the plain YAML most front matter is made of — `key: value` lines,
 * block lists of scalars under a key, `[a, b]` lists, comments — without
 * loading a YAML library (a third of a one-file check's start-up), and
 * returns null for anything else, which the `yaml` package then reads. Values
 * are typed by YAML 1.2's core schema, as the `yaml` package types them; a
 * property test holds the two equal wherever this one answers. Pure.
 */
export function readSimpleYaml(text: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  let openKey: string | null = null;
  let items: unknown[] = [];
  // The items of one list share their indentation; another one nests, which is not simple.
  let indent = -1;
  const close = (): void => {
    if (openKey !== null) data[openKey] = items.length > 0 ? items : null;
    openKey = null;
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^[ ]*(#.*)?$/.test(line)) continue;
    const item = /^([ ]*)- (.*)$/.exec(line);
    if (item !== null) {
      if (openKey === null || (indent !== -1 && item[1]!.length !== indent)) return null;
      indent = item[1]!.length;
      const value = scalar(item[2]!);
      if (value === INVALID) return null;
      items.push(value);
      continue;
    }
    const entry = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*))?$/.exec(line);
    if (entry === null) return null;
    close();
    const key = entry[1]!;
    if (Object.hasOwn(data, key) || RESERVED_KEY.test(key)) return null;
    const rest = entry[2] ?? '';
    data[key] = null;
    if (rest === '' || rest.startsWith('#')) {
      openKey = key;
      items = [];
      indent = -1;
      continue;
    }
    const flow = /^\[([^[\]{}"'#]*)\](?:[ ]+#.*)?$/.exec(rest);
    if (flow !== null) {
      const inner = flow[1]!.trim();
      const values = inner === '' ? [] : inner.split(',').map((v) => scalar(v.trim()));
      if (values.some((v) => v === INVALID || v === null)) return null;
      data[key] = values;
      continue;
    }
    const value = scalar(rest);
    if (value === INVALID) return null;
    data[key] = value;
  }
  close();
  return data;
}

const INVALID = Symbol('not simple YAML');
// Keys the core schema reads as something other than a string.
const RESERVED_KEY = /^(null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const NUMBER = /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * A value's text without its leading spaces, a ` # comment` after it and its
 * trailing spaces, by hand: patterns for the last two backtrack over a long
 * run of spaces (14 s for 100 KB).
 */
function withoutCommentAndSpaces(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 0x20) start++;
  let end = text.length;
  // The first `#` after a space starts the comment, and the spaces before it go with it.
  for (let i = start + 1; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x23 && text.charCodeAt(i - 1) === 0x20) {
      end = i;
      break;
    }
  }
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(start, end);
}

/** One scalar of the simple subset, typed by the core schema; INVALID when outside the subset. */
function scalar(text: string): unknown {
  const value = withoutCommentAndSpaces(text);
  if (value === '' || value === '~' || /^(null|Null|NULL)$/.test(value)) return null;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  if (NUMBER.test(value)) {
    const n = Number(value);
    return Object.is(n, -0) ? INVALID : n;
  }
  const quoted = /^"([^"\\]*)"$/.exec(value) ?? /^'([^']*)'$/.exec(value);
  if (quoted !== null) return quoted[1];
  // Indicators, specials and anything with `: ` or a tab are left to the full reader.
  if (/^[?:,[\]{}#&*!|>'"%@`]|^-( |$)|^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$|: |:$|\t/.test(value)) return INVALID;
  return value;
}
