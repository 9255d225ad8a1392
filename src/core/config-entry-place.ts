import { LineIndex } from './line-index.js';

/**
 * Where the value of one entry of a config's `templates` mapping is written
 * (the glob `pattern` as its key), in the config file's text, JSON or YAML:
 * so that an error found when a spec is checked against that entry (a
 * template file that does not exist, an unknown template id) names the line
 * to fix, not only the spec. Null when the text does not show it plainly
 * (an anchor, a flow mapping split oddly): the message then names the entry
 * by its glob alone.
 */
export function configEntryPlace(text: string, pattern: string): { line: number; column: number } | null {
  const templates = /(?:^|[\s{,])["']?templates["']?\s*:/m.exec(text);
  if (templates === null) return null;
  // The key as JSON writes it, as YAML quotes it, or bare.
  const keys = [JSON.stringify(pattern), `'${pattern.replaceAll("'", "''")}'`, pattern];
  let best = -1;
  for (const key of keys) {
    for (let from = templates.index + templates[0].length; ;) {
      const at = text.indexOf(key, from);
      if (at === -1) break;
      from = at + 1;
      // A key: at a line's start or after `{` or `,`, and followed by its colon.
      const before = text.slice(Math.max(0, text.lastIndexOf('\n', at - 1) + 1), at);
      const after = /^\s*:[ \t]*/.exec(text.slice(at + key.length));
      if (after === null || !/(?:^[ \t]*|[{,][ \t]*)$/.test(before)) continue;
      const value = at + key.length + after[0].length;
      if (best === -1 || value < best) best = value;
      break;
    }
  }
  return best === -1 ? null : new LineIndex(text).locate(best);
}
