import { stringify } from 'yaml';
import { findFrontMatter } from './markdown/front-matter.js';
import { detectTextFormat } from './text-format.js';

/** A front matter value to write; `null` removes the key. */
export type FrontMatterValue = string | number | readonly string[] | Readonly<Record<string, string | number>> | null;

/**
 * Sets top-level keys of a document's YAML front matter and changes nothing
 * else: each key's lines (the `key:` line and the indented or `- ` lines under
 * it) are replaced in place, a new key goes last, other keys, comments and
 * the document body keep every byte. A document without front matter gets
 * one. The document's line endings are kept. Pure.
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
  const yaml = source.slice(span.yamlStart, span.yamlEnd);
  const lines = yaml.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  const done = new Set<string>();
  for (let i = 0; i < lines.length;) {
    const key = /^([A-Za-z0-9_][\w.-]*|"[^"]*"|'[^']*')[ \t]*:(?=[ \t]|\r?\n|$)/.exec(lines[i]!)?.[1]?.replace(/^["']|["']$/g, '');
    // The key's extent: its line and the lines that continue its value.
    let j = i + 1;
    while (j < lines.length && /^([ \t]|-([ \t]|\r?\n|$)|\r?\n$)/.test(lines[j]!) && !/^\r?\n$/.test(lines[j]!)) j += 1;
    if (key !== undefined && Object.hasOwn(fields, key) && !done.has(key)) {
      done.add(key);
      const value = fields[key]!;
      if (value !== null) out.push(yamlLines(key, value, nl));
    } else {
      out.push(...lines.slice(i, j));
    }
    i = j;
  }
  let text = out.join('');
  if (text !== '' && !text.endsWith('\n')) text += nl;
  for (const [key, value] of Object.entries(fields)) {
    if (!done.has(key) && value !== null) text += yamlLines(key, value, nl);
  }
  return source.slice(0, span.yamlStart) + text + source.slice(span.yamlEnd);
}

function yamlLines(key: string, value: Exclude<FrontMatterValue, null>, nl: string): string {
  const text = stringify({ [key]: value }, { lineWidth: 0 });
  return nl === '\n' ? text : text.replace(/\n/g, nl);
}
