import type { TextFormat } from './spec-types.js';

/**
 * Reads the line endings, BOM and final newline of `source`, so that every
 * edit specfill makes can write new lines the way the file already does.
 */
export function detectTextFormat(source: string): TextFormat {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let first: TextFormat['newline'] | null = null;
  if (source.indexOf('\r') === -1) {
    // Fast path: only LF endings, if any; their count does not matter.
    const last = source.charCodeAt(source.length - 1);
    return {
      lineEndings: source.indexOf('\n') === -1 ? 'none' : 'lf',
      newline: '\n',
      bom: source.charCodeAt(0) === 0xfeff,
      finalNewline: last === 10,
    };
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      lf++;
      first ??= '\n';
    } else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
        first ??= '\r\n';
      } else {
        cr++;
        first ??= '\r';
      }
    }
  }
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  const lineEndings = kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : lf > 0 ? 'lf' : crlf > 0 ? 'crlf' : 'cr';
  const max = Math.max(lf, crlf, cr);
  const counts: Record<TextFormat['newline'], number> = { '\n': lf, '\r\n': crlf, '\r': cr };
  const newline = first === null ? '\n' : counts[first] === max ? first : lf === max ? '\n' : crlf === max ? '\r\n' : '\r';
  const last = source.charCodeAt(source.length - 1);
  return {
    lineEndings,
    newline,
    bom: source.charCodeAt(0) === 0xfeff,
    finalNewline: last === 10 || last === 13,
  };
}
