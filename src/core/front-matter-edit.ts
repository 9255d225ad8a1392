import { createRequire } from 'node:module';
import { SpecfillError } from './errors.js';
import { findFrontMatter } from './markdown/front-matter.js';
import { detectTextFormat } from './text-format.js';
import { yamlMessage } from './yaml-message.js';

/** A front matter value to write; `null` removes the key. */
export type FrontMatterValue = string | number | readonly string[] | Readonly<Record<string, string | number>> | null;

// Loaded on first use: only commands that change front matter need it.
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/**
 * Sets top-level keys of a document's YAML front matter and changes nothing
 * else: each key's bytes — found by the YAML parser, so block scalars, blank
 * lines inside values and indented lists are whole — are replaced in place
 * (a comment on the key's line is kept when the new value fits on one line),
 * a new key goes last, other keys, comments and the body keep every byte. A
 * document without front matter gets one; front matter that is not a plain
 * block mapping (invalid, or a `{…}` flow map) is refused rather than
 * rewritten. The document's line endings are kept. Pure.
 */
export function setFrontMatterFields(source: string, fields: Readonly<Record<string, FrontMatterValue>>): string {
  const format = detectTextFormat(source);
  const nl = format.newline;
  const bom = format.bom ? 1 : 0;
  const span = findFrontMatter(source, bom);
  if (span === null) {
    const added = Object.entries(fields).filter(([, v]) => v !== null).map(([k, v]) => yamlLines(k, v!, nl)).join('');
    return added === '' ? source : `${source.slice(0, bom)}---${nl}${added}---${nl}${source.slice(bom)}`;
  }
  // Lone CRs (old Mac line endings) are edited as LFs, one character for one, and put back at the end.
  // Lines written in the front matter end as its own lines do (it may differ from the body's).
  const own = source.slice(span.yamlStart, span.yamlEnd);
  const fmNl = /\r\n/.test(own) ? '\r\n' : /\n/.test(own) ? '\n' : /\r/.test(own) ? '\r' : nl;
  // Only front matter of lone CRs alone is edited as LF: mixed line endings are left to the reader below.
  const lone = fmNl === '\r';
  const text = lone ? source.slice(span.yamlStart, span.yamlEnd).replace(/\r/g, '\n') : source.slice(span.yamlStart, span.yamlEnd);
  const lineBreak = lone ? '\n' : fmNl;
  const { parseDocument, isMap, isScalar } = yaml();
  const doc = parseDocument(text, { uniqueKeys: true });
  // The YAML starts on the line after the opening `---`.
  const firstLine = source.slice(0, span.yamlStart).split(/\r\n|\n|\r/).length;
  const refuse = (why: string, at: { line: number; col: number } = { line: 1, col: 1 }): never => {
    throw new SpecfillError('INVALID_FRONT_MATTER', `its front matter cannot be changed safely: ${why}`, { line: firstLine + at.line - 1, column: at.col },
      'fix the front matter (a plain `key: value` mapping), or make the change by hand');
  };
  if (doc.errors.length > 0) refuse(yamlMessage(doc.errors[0]!), doc.errors[0]!.linePos?.[0]);
  const contents = doc.contents;
  if (contents !== null && (!isMap(contents) || contents.flow)) refuse('it is not a block mapping of keys to values');

  const edits: Array<{ start: number; end: number; text: string }> = [];
  const done = new Set<string>();
  for (const pair of isMap(contents) ? contents.items : []) {
    const key = pair.key as { range?: [number, number, number]; value?: unknown } | null;
    if (key === null || !isScalar(key) || key.range === undefined) refuse('a key is not a plain scalar');
    const name = String(key!.value);
    if (!Object.hasOwn(fields, name)) continue;
    done.add(name);
    const value = pair.value as { range?: [number, number, number] } | null;
    const start = text.lastIndexOf('\n', key!.range![0] - 1) + 1;
    let end = (value?.range ?? key!.range!)[2];
    if (end > 0 && text[end - 1] !== '\n') {
      const lineEnd = text.indexOf('\n', end);
      end = lineEnd === -1 ? text.length : lineEnd + 1;
    }
    const next = fields[name]!;
    let replacement = next === null ? '' : yamlLines(name, next, lineBreak);
    // A comment on the key's own line stays with it.
    const valueEnd = (value?.range ?? key!.range!)[1];
    const tail = /^[ \t]+#[^\n]*/.exec(text.slice(valueEnd, end).replace(/\r?\n$/, ''))?.[0];
    if (tail !== undefined && replacement !== '' && replacement.split(lineBreak).length === 2 && !text.slice(key!.range![0], valueEnd).includes('\n')) {
      replacement = `${replacement.slice(0, -lineBreak.length)}${tail}${lineBreak}`;
    }
    edits.push({ start, end, text: replacement });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (out !== '' && !out.endsWith('\n')) out += lineBreak;
  for (const [key, value] of Object.entries(fields)) {
    if (!done.has(key) && value !== null) out += yamlLines(key, value, lineBreak);
  }
  return source.slice(0, span.yamlStart) + (lone ? out.replace(/\n/g, '\r') : out) + source.slice(span.yamlEnd);
}

function yamlLines(key: string, value: Exclude<FrontMatterValue, null>, nl: string): string {
  const text = yaml().stringify({ [key]: value }, { lineWidth: 0 });
  return nl === '\n' ? text : text.replace(/\n/g, nl);
}
