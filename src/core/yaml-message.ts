/**
 * The first line of a `yaml` library error without the position it appends
 * (" at line 1, column 8:", counted from the start of the YAML text and
 * followed by a code frame): specfill reports the position in the file
 * itself, next to the message.
 */
export function yamlMessage(error: { readonly message: string }): string {
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // (The reader gave up on values nested hundreds deep: its own stack, said as what the text is.)
  return /Maximum call stack/.test(first) ? 'values nested too deeply to be read from here: flatten them' : first;
}

/**
 * A text for the YAML reader with each lone CR made an LF: a line break, as
 * everywhere in specfill, which the reader does not take inside a flow. One
 * character for one, so its offsets and positions stay the text's.
 */
export function yamlLineBreaks(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r(?!\n)/g, '\n');
}
