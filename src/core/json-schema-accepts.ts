/**
 * Whether data surely satisfies a JSON Schema (draft 2020-12), for the
 * keywords the config's generated schema uses. It answers `true` only when
 * every keyword it met is one it checks exactly; anything else — a keyword or
 * a format it does not know, a value it is unsure of — is `false`, and the
 * caller then asks the real validator (zod), which also gives the message.
 * So a valid config is accepted without loading zod, which is a third of a
 * one-file `check`'s start-up. Pure.
 */
export function surelyAccepts(schema: unknown, data: unknown): boolean {
  if (schema === true) return true;
  if (schema === false || !isObject(schema)) return false;
  for (const key of Object.keys(schema)) {
    if (!Object.hasOwn(KEYWORDS, key) && !ANNOTATIONS.has(key)) return false;
  }
  for (const key of Object.keys(schema)) {
    const check = KEYWORDS[key];
    if (check !== undefined && !check(schema[key], data, schema)) return false;
  }
  return true;
}

type Keyword = (value: unknown, data: unknown, schema: Record<string, unknown>) => boolean;

// Words that say nothing about validity.
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'default', 'examples']);

const KEYWORDS: Record<string, Keyword> = {
  type: (type, data) => (Array.isArray(type) ? type.some((t) => hasType(t, data)) : hasType(type, data)),
  enum: (values, data) => Array.isArray(values) && values.some((v) => v === data && (v === null || typeof v !== 'object')),
  anyOf: (schemas, data) => Array.isArray(schemas) && schemas.some((s) => surelyAccepts(s, data)),
  // A pattern matches anywhere in the text, as JSON Schema says (ECMA-262 syntax, read as Unicode).
  pattern: (source, data) => typeof data !== 'string' || (typeof source === 'string' && new RegExp(source, 'u').test(data)),
  minLength: (n, data) => typeof data !== 'string' || (typeof n === 'number' && [...data].length >= n),
  minimum: (n, data) => typeof data !== 'number' || (typeof n === 'number' && data >= n),
  maximum: (n, data) => typeof data !== 'number' || (typeof n === 'number' && data <= n),
  exclusiveMinimum: (n, data) => typeof data !== 'number' || (typeof n === 'number' && data > n),
  minItems: (n, data) => !Array.isArray(data) || (typeof n === 'number' && data.length >= n),
  maxItems: (n, data) => !Array.isArray(data) || (typeof n === 'number' && data.length <= n),
  // Sure only for a list of plain values, whose equality is JavaScript's.
  uniqueItems: (unique, data) => unique === false || !Array.isArray(data)
    || (unique === true && data.every((item) => item === null || typeof item !== 'object') && new Set(data).size === data.length),
  items: (items, data, schema) => {
    if (!Array.isArray(data)) return true;
    const first = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
    return data.slice(first).every((item) => surelyAccepts(items, item));
  },
  prefixItems: (schemas, data) => !Array.isArray(data) || (Array.isArray(schemas) && schemas.every((s, i) => i >= data.length || surelyAccepts(s, data[i]))),
  properties: (properties, data) => {
    if (!isObject(data)) return true;
    if (!isObject(properties)) return false;
    return Object.keys(properties).every((key) => !Object.hasOwn(data, key) || surelyAccepts(properties[key], data[key]));
  },
  additionalProperties: (extra, data, schema) => {
    if (!isObject(data)) return true;
    if (Object.hasOwn(data, '__proto__')) return false;
    const named = isObject(schema.properties) ? schema.properties : {};
    return Object.keys(data).every((key) => Object.hasOwn(named, key) || surelyAccepts(extra, data[key]));
  },
  // zod's `url()` is the only source of `uri`: what `new URL` parses, taken
  // as it is only when zod would not trim it or drop tabs and line breaks.
  format: (format, data) => typeof data !== 'string'
    || (format === 'uri' && data === data.trim() && !/[\t\n\r]/.test(data) && URL.canParse(data)),
  required: (keys, data) => !isObject(data) || (Array.isArray(keys) && keys.every((key) => typeof key === 'string' && Object.hasOwn(data, key))),
  // zod drops a `__proto__` key from records; rather than copy that, be unsure.
  propertyNames: (names, data) => !isObject(data) || Object.keys(data).every((key) => key !== '__proto__' && surelyAccepts(names, key)),
};

function hasType(type: unknown, data: unknown): boolean {
  switch (type) {
    case 'string': return typeof data === 'string';
    // Finite only: YAML's `.inf` is a number that no schema of ours accepts.
    case 'number': return typeof data === 'number' && Number.isFinite(data);
    case 'integer': return typeof data === 'number' && Number.isSafeInteger(data);
    case 'boolean': return typeof data === 'boolean';
    case 'null': return data === null;
    case 'array': return Array.isArray(data);
    case 'object': return isObject(data);
    default: return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
