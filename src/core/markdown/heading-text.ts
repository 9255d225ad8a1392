import { inlineText, type InlineContext } from './inline-text.js';

/**
 * The plain text of a heading's raw content. A setext heading over CRLF (or
 * CR) lines keeps those line endings in its text, as mdast does; the inline
 * pass itself works on `\n`.
 */
export function headingText(content: string, context: InlineContext): string {
  if (content.indexOf('\r') === -1) return inlineText(content, context);
  const text = inlineText(content.replace(/\r\n?/g, '\n'), context);
  const endings = content.match(/\r\n|\r|\n/g) ?? [];
  const uniform = endings.every((e) => e === endings[0]);
  return uniform && endings[0] !== undefined ? text.replace(/\n/g, endings[0]) : text;
}
