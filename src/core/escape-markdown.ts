/**
 * Escapes a one-line plain text so that, written as a paragraph, it stays
 * that text: a leading block marker (`#`, `>`, `-`, `1.`, a fence…) or a `<`
 * that would open raw HTML (or a comment) is backslash-escaped; everything
 * else is left as typed, so "Rate limiter" is written as "Rate limiter".
 */
export function escapeParagraphText(text: string): string {
  let out = text.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/</g, '\\<');
  const ordered = /^(\d{1,9})([.)])/.exec(out);
  if (ordered !== null) out = `${ordered[1]}\\${out.slice(ordered[1]!.length)}`;
  else if (/^(?:[#>+*=|_~`-])/.test(out)) out = `\\${out}`;
  return out;
}
