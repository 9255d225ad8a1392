import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, Node, visit as yamlVisit } from 'yaml';
import type { Config } from '../core/config.js';
import { configIssues, type ConfigIssue } from '../core/config-issues.js';
import { hasDuplicateKeys } from '../core/json-duplicate-keys.js';
import { surelyAccepts } from '../core/json-schema-accepts.js';
import { SpecfillError } from '../core/errors.js';
import { jsonSyntaxErrorAt } from '../core/json-error-offset.js';
import { readTextFileSync } from './read-text-file.js';
import { yamlLineBreaks, yamlMessage } from '../core/yaml-message.js';

/** The config's JSON Schema, generated from the zod schema (a test keeps the two equal). */
const SCHEMA_FILE = fileURLToPath(new URL('../../schema/config.schema.json', import.meta.url));

/** Config file names, in the order they are looked for at the project root. */
export const CONFIG_FILES = ['specfill.config.json', 'specfill.config.yaml', 'specfill.config.yml'] as const;

/** A loaded configuration and where it came from. */
export interface LoadedConfig {
  readonly config: Config;
  /** The config file, or null when the project has none (defaults apply). */
  readonly file: string | null;
  /** The config file's text, or null. */
  readonly text: string | null;
}

/**
 * Reads the project's config file, if any, and validates it. An invalid one
 * is one error naming the file, the line and column, the key and what was
 * expected (exit 2).
 */
export async function loadConfig(root: string, cwd: string = root): Promise<LoadedConfig> {
  // (A link that leads nowhere is found too, and said so: taken for no config, the run used the default rules and passed.)
  const found = CONFIG_FILES.map((name) => join(root, name)).filter((path) => existsSync(path) || isLink(path));
  if (found.length === 0) return { config: {}, file: null, text: null };
  const shown = (p: string): string => relative(cwd, p).split(sep).join('/') || p;
  if (found.length > 1) {
    throw new SpecfillError('INVALID_CONFIG', `more than one config file: ${found.map(shown).join(', ')}`, { path: shown(found[0]!) },
      'keep one of them');
  }
  const file = found[0]!;
  if (!existsSync(file)) {
    throw new SpecfillError('INVALID_CONFIG', 'is a link that leads to no file (its target is missing, or it is a loop of links)', { path: shown(file) },
      'restore the file it links to (a submodule not checked out?), or remove the link');
  }
  let text: string;
  try {
    text = readTextFileSync(file, { displayPath: shown(file) });
  } catch (error) {
    // The reader's hints speak of Markdown files.
    if (error instanceof SpecfillError && error.code === 'IS_DIRECTORY') {
      throw new SpecfillError('INVALID_CONFIG', 'is a folder, not a config file', { path: shown(file) }, 'remove or rename it: specfill reads its config from this name');
    }
    throw error;
  }
  // A config the shipped JSON Schema surely accepts, with nothing else wrong,
  // is valid without loading zod (nor, for JSON, the YAML reader): most runs.
  const quick = await quickRead(file, text);
  // An empty YAML file (or one of comments only) is an empty config; JSON `null` is no config.
  if (quick !== undefined && !(quick === null && file.endsWith('.json'))) {
    const data = quick ?? {};
    const schema = shippedSchema();
    if (schema !== null && surelyAccepts(schema, data) && configIssues(data as Config).length === 0 && templatesDirIssue(root, data) === null) return { config: data as Config, file, text };
  }
  // Otherwise the full reading, with positions for the message.
  const [{ isMap, isScalar, isSeq, LineCounter, parseDocument, visit }, { validateConfig }] = await Promise.all([import('yaml'), import('../core/config.js')]);
  const nodeAt = makeNodeAt(isMap, isScalar, isSeq);
  const lineCounter = new LineCounter();
  // JSON is read as JSON, before the YAML reader (which takes what JSON does not, and words its errors as YAML's).
  if (file.endsWith('.json')) strictJson(text, shown(file));
  // Columns count from the line's start, a byte order mark aside (as everywhere); the YAML reader counts it.
  const bom = text.length - withoutBom(text).length;
  const column = (pos: { line: number; col: number } | undefined): number | undefined => (pos === undefined ? undefined : pos.line === 1 ? pos.col - bom : pos.col);
  let doc;
  let data: unknown;
  // `merge`: `<<: *defaults`, YAML 1.1's merge key, as CI configs write it.
  try {
    doc = parseDocument(yamlLineBreaks(text), { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
    data = doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  } catch (thrown) {
    // Too many aliases or too deep: the library throws rather than reporting.
    if (thrown instanceof RangeError) throw new SpecfillError('INVALID_CONFIG', `is nested too deeply to be read: a config is a few levels of keys`, { path: shown(file) });
    // An alias that names no anchor (`specs: *nope`): said at it, as the reader does not place it.
    const unresolved = /Unresolved alias[^:]*: (\S+)/.exec((thrown as Error).message);
    if (unresolved !== null && doc !== undefined) {
      let at = -1;
      visit(doc, { Alias: (_key, node) => {
        if (node.source !== unresolved[1]) return undefined;
        at = node.range?.[0] ?? -1;
        return visit.BREAK;
      } });
      const pos = at === -1 ? undefined : lineCounter.linePos(at);
      throw new SpecfillError('INVALID_CONFIG', `\`*${unresolved[1]}\` names no anchor: write \`&${unresolved[1]}\` on the value it stands for, above it`, { path: shown(file), line: pos?.line, column: column(pos) });
    }
    throw new SpecfillError('INVALID_CONFIG', `cannot be read: ${(thrown as Error).message}`, { path: shown(file) });
  }
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const pos = yamlError.linePos?.[0];
    // A repeated key is named: the library only says that keys must be unique.
    const repeated = yamlError.code === 'DUPLICATE_KEY' ? repeatedKey(text, yamlError.pos[0]) : null;
    // A `[` or `{` never closed is reported where the reader gave up (the next line): the message says where it opens.
    const unclosed = yamlError.code === 'BAD_INDENT' && /end with a [\]}]/.test(yamlError.message) ? unclosedBracket(text, yamlError.pos[0]) : null;
    if (unclosed !== null) {
      const at = lineCounter.linePos(unclosed.offset);
      throw new SpecfillError('INVALID_CONFIG', `the \`${unclosed.opener}\` here is never closed: end it with \`${unclosed.opener === '[' ? ']' : '}'}\` (on this line, or on an indented line below)`,
        { path: shown(file), line: at.line, column: column(at) });
    }
    const message = repeated !== null ? `\`${repeated}\` is given twice: keep one`
      // The library's words name its own API.
      : yamlError.code === 'MULTIPLE_DOCS' ? 'holds a second YAML document from here: a config is one mapping, so remove this `---` line (and any after it)'
      : `cannot be read: ${yamlMessage(yamlError)}`;
    throw new SpecfillError('INVALID_CONFIG', message, { path: shown(file), line: pos?.line, column: column(pos) });
  }
  // An alias inside the value it names (`a: &x [*x]`) makes a value with no end, and one nested hundreds deep
  // is no config either: said at the place, not a stack overflow.
  const shape = data === undefined ? null : loopOrDepth(data);
  if (shape !== null) {
    let at = 0;
    if (shape === 'loop') visit(doc, { Alias: (_key, node) => { at = node.range?.[0] ?? 0; return visit.BREAK; } });
    const pos = lineCounter.linePos(at);
    throw new SpecfillError('INVALID_CONFIG', shape === 'loop'
      ? 'an alias here names the value it is part of, which makes a value with no end: write the value out, or name another anchor'
      : `is nested more than ${MAX_DEPTH} levels deep: a config is a few levels of keys`, { path: shown(file), line: pos.line, column: column(pos) });
  }
  // A tag the reader does not know leaves the value as plain text (`leftover-marker: !custom off` turned the rule
  // off, silently), and one it knows may make something no config holds (`!!binary`, `!!timestamp`): neither is a
  // config's. The core tags that give what JSON has (`!!str 1`) are harmless.
  const tagged = unplainTag(doc, visit, yamlLineBreaks(text));
  if (tagged !== null) {
    const at = lineCounter.linePos(tagged.offset);
    throw new SpecfillError('INVALID_CONFIG', `the YAML tag \`${tagged.tag}\` ${tagged.known ? 'makes this value something a config does not hold' : 'is not one YAML knows, and would leave this value as plain text'}: a config's values are text, numbers, true or false, lists and mappings; remove the tag`,
      { path: shown(file), line: at.line, column: column(at) });
  }
  if (file.endsWith('.json')) {
    if (data === null) {
      const at = lineCounter.linePos(withoutBom(text).search(/\S/) + bom);
      throw new SpecfillError('INVALID_CONFIG', 'is `null`: a JSON config is an object, `{}` at least', { path: shown(file), line: at.line, column: column(at) });
    }
  }
  const result = validateConfig(data);
  const ioIssue = result.config === null ? null : templatesDirIssue(root, result.config);
  if (result.config === null || ioIssue !== null) {
    // The issue that comes first in the file is the one shown.
    const located = (ioIssue === null ? result.issues : [ioIssue]).map((issue) => {
      const node = nodeAt(doc.contents, issue.path);
      // An unknown key is shown at the key itself, other issues at the value.
      const parent = issue.atKey === true ? nodeAt(doc.contents, issue.path.slice(0, -1)) : undefined;
      const keyNode = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(issue.path[issue.path.length - 1]))?.key as Node | undefined : undefined;
      const range = (keyNode ?? node)?.range;
      return { issue, pos: range ? lineCounter.linePos(range[0]) : undefined, offset: range?.[0] ?? Number.MAX_SAFE_INTEGER };
    }).sort((a, b) => a.offset - b.offset);
    const { issue, pos } = located[0]!;
    const keyOf = (i: typeof issue): string => (i.path.length === 0 ? '(top level)' : i.path.join('.'));
    // The others follow, each on a line of its own where it is: all can be fixed in one go.
    const SHOWN = 5;
    const others = located.slice(1, 1 + SHOWN).map((o) => `\n  also ${shown(file)}${o.pos === undefined ? '' : `:${o.pos.line}:${column(o.pos)}`}: ${keyOf(o.issue)}: ${o.issue.message}`).join('');
    const more = located.length > 1 + SHOWN ? `\n  (and ${located.length - 1 - SHOWN} more)` : '';
    // The other issues' messages say what to do; a wrong key or type is best seen against every key and its type.
    throw new SpecfillError('INVALID_CONFIG', `${keyOf(issue)}: ${issue.message}${others}${more}`, { path: shown(file), line: pos?.line, column: column(pos) },
      issue.shape === true ? 'every key and its type: schema/config.schema.json in the specfill package (node_modules/specfill/schema/ where it is installed; name it as `$schema` for completion in an editor)' : undefined);
  }
  return { config: result.config, file, text };
}

/**
 * A `templatesDir` that names a file: said at its key, as the config's other
 * mistakes are (a folder that does not exist is only warned about: it may
 * be made later).
 */
function templatesDirIssue(root: string, data: unknown): ConfigIssue | null {
  const dir = typeof data === 'object' && data !== null ? (data as { templatesDir?: unknown }).templatesDir : undefined;
  if (typeof dir !== 'string' || dir === '') return null;
  try {
    if (statSync(resolve(root, dir)).isDirectory()) return null;
  } catch {
    return null;
  }
  return { path: ['templatesDir'], message: `\`${dir}\` is a file, not a folder: point \`templatesDir\` at the folder of the project's template files (default .specfill/templates)` };
}

/**
 * The config's data read the quick way — `JSON.parse` for JSON, the YAML
 * reader's plain parse for YAML — or undefined when the full reading must
 * say what is wrong (a syntax error, a repeated key, too many aliases).
 */
async function quickRead(file: string, text: string): Promise<unknown> {
  try {
    if (file.endsWith('.json')) return hasDuplicateKeys(text) ? undefined : JSON.parse(withoutBom(text)) as unknown;
    const yaml = await import('yaml');
    const doc = yaml.parseDocument(yamlLineBreaks(text), { uniqueKeys: true, merge: true });
    if (doc.errors.length > 0 || unplainTag(doc, yaml.visit) !== null) return undefined;
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return loopOrDepth(data) === null ? data : undefined;
  } catch {
    return undefined;
  }
}

let schemaCache: unknown;

/** The config's JSON Schema as shipped (`schema/config.schema.json`), or null if it cannot be read. */
function shippedSchema(): unknown {
  if (schemaCache === undefined) {
    try {
      schemaCache = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as unknown;
    } catch {
      schemaCache = null;
    }
  }
  return schemaCache;
}

/**
 * The last `[` or `{` before `offset` that is not closed before it, quoted
 * strings and comments aside, or null: where an unclosed flow list or
 * mapping of YAML opens.
 */
function unclosedBracket(text: string, offset: number): { opener: '[' | '{'; offset: number } | null {
  const open: number[] = [];
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i]!;
    // A quote opens a quoted scalar only where a scalar starts (`bob's.md` is plain text).
    if ((c === '"' || c === "'") && /(?:^|[\s:[{,-])$/.test(text.slice(Math.max(0, i - 1), i))) {
      // To the quote's end (a double-quoted string may escape its quote).
      for (i++; i < text.length && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      open.push(i);
    } else if ((c === ']' || c === '}') && open.length > 0) {
      open.pop();
    }
  }
  const at = open[open.length - 1];
  return at === undefined ? null : { opener: text[at] as '[' | '{', offset: at };
}

/** The key at a repeated key's offset, without its quotes. */
function repeatedKey(text: string, offset: number): string | null {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^:\s,{}[\]]+))/.exec(text.slice(offset));
  return m === null ? null : (m[1] ?? m[2] ?? m[3]!);
}

/** How deep a config's values may nest. */
const MAX_DEPTH = 64;

/** Whether a value read from YAML holds itself (an alias inside its anchor's value) or nests past {@link MAX_DEPTH}; null when neither. */
function loopOrDepth(value: unknown): 'loop' | 'deep' | null {
  const path = new Set<object>();
  const walk = (v: unknown, depth: number): 'loop' | 'deep' | null => {
    if (v === null || typeof v !== 'object') return null;
    if (path.has(v)) return 'loop';
    if (depth > MAX_DEPTH) return 'deep';
    path.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      const found = walk(child, depth + 1);
      if (found !== null) return found;
    }
    path.delete(v);
    return null;
  };
  return walk(value, 0);
}

/** The YAML core tags whose values are JSON's: a config may write them, to no effect on what it means. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** The first value of a YAML document tagged otherwise than with {@link PLAIN_TAGS}: the tag as written, where, and whether the reader knew it. */
function unplainTag(doc: Document, visit: typeof yamlVisit, source = ''): { tag: string; offset: number; known: boolean } | null {
  let found: { tag: string; offset: number; known: boolean } | null = null;
  const unknown = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  visit(doc, (_key, node) => {
    // (A document of comments only has no contents: null.)
    const tagged = (node ?? {}) as { tag?: string; range?: [number, number, number] };
    // (`!`, the non-specific tag, says plain text: nothing a config cannot hold.)
    if (typeof tagged.tag !== 'string' || PLAIN_TAGS.has(tagged.tag) || tagged.tag === '!') return undefined;
    const value = tagged.range?.[0] ?? 0;
    // (As written: `!!binary` for the resolved name, the unknown one as the source has it; placed on the tag.)
    const tag = tagged.tag.replace(/^tag:yaml\.org,2002:/, '!!');
    const at = source.lastIndexOf(tag, value);
    found = { tag, offset: at !== -1 && value - at <= tag.length + 2 ? at : value, known: !unknown.some((w) => w.message.startsWith(`Unresolved tag: ${tag} `)) };
    return visit.BREAK;
  });
  return found;
}

/** The text without a byte order mark, which JSON.parse refuses (editors on Windows write one). */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Refuses a `.json` config that is not JSON (empty, or YAML), saying where. */
function strictJson(text: string, shownPath: string): void {
  if (withoutBom(text).trim() === '') {
    throw new SpecfillError('INVALID_CONFIG', 'is empty: a JSON config is an object, `{}` at least', { path: shownPath, line: 1, column: 1 });
  }
  const problem = jsonSyntaxErrorAt(text);
  if (problem !== null) {
    throw new SpecfillError('INVALID_CONFIG', `is not valid JSON: ${problem.message}`,
      { path: shownPath, line: problem.line, column: problem.column }, 'a .json config is plain JSON (no comments, no trailing commas); for YAML, name it specfill.config.yaml');
  }
}

/** The node at a key path, or the deepest one found on the way (for a located message). */
function makeNodeAt(
  isMap: typeof import('yaml').isMap,
  isScalar: typeof import('yaml').isScalar,
  isSeq: typeof import('yaml').isSeq,
): (root: unknown, path: readonly (string | number)[]) => Node | undefined {
  return (root, path) => {
    let node = root as Node | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (pair === undefined) return node;
        node = (pair.value as Node | null) ?? (pair.key as Node);
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (item === undefined) return node;
        node = item;
      } else {
        return node;
      }
    }
    return node;
  };
}

/** Whether a path is a link (leading anywhere or nowhere); false where it cannot be looked at. */
function isLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    return false;
  }
}
