// Where a line starts and where the next begins, its end read as CommonMark
// reads it: at a LF, a CRLF or a lone CR.

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source.charCodeAt(i - 1) !== 10 && source.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** Offset just past the line ending at or after `offset` (the end of the text if none). */
export function afterLineEnding(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
  if (source.charCodeAt(i) === 13) i++;
  if (source.charCodeAt(i) === 10 && (i === offset || source.charCodeAt(i - 1) !== 10)) i++;
  return i;
}
