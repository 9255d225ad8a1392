// How a template says a section it keeps may be left without text: a
// sentence of its guidance says so of the section ("Leave empty if no
// requirement changes.", as OpenSpec's proposal template writes under `###
// Modified Capabilities`; "Leave this section blank if …"; "This list may be
// left empty."). Unlike an optional section, the heading stays: the empty
// section is the answer. A remark about a field or a value ("the labels map
// may be empty", "- Owner (leave blank if none):") is no such sentence.

// A sentence that opens by saying so: "Leave (this section / it) empty|blank …",
// "This section / list / part / It may|can be left|stay|remain empty|blank …".
const SAYS_MAY_STAY_EMPTY = /^(?:leave\s+(?:(?:this|the)\s+(?:section|list|part)\s+|this\s+|it\s+)?(?:empty|blank)\b|(?:(?:this|the)\s+(?:section|list|part)|it)\s+(?:may|can|could)\s+(?:be\s+left|stay|remain|be\s+kept)\s+(?:empty|blank)\b)/i;

/**
 * Whether a template section's own text (its guidance: prose and the text of
 * its comments) says the section may be left empty, in a sentence that opens
 * by saying so.
 */
export function guidanceSaysMayStayEmpty(text: string): boolean {
  if (!/empty|blank/i.test(text)) return false;
  // The words of comments count as the prose's do: the markers go, the text stays.
  const words = text.replace(/<!--|-->/g, ' ').replace(/[*_`>]+/g, ' ');
  // Sentences end at a full stop, a question or exclamation mark, a semicolon, or a line that ends a list item.
  return words.split(/[.!?;]\s+|\n\s*(?:[-*+]|\d{1,9}[.)])\s+|\n\s*\n/).some((sentence) => SAYS_MAY_STAY_EMPTY.test(sentence.trim()));
}
