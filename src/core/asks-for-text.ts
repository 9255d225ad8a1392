// Whether guidance opens by asking the author to write something: the one
// reading that tells a note (on the file, on a section's subsections) from an
// instruction, wherever a rule needs to tell them apart.

// An instruction's verb at the text's start, after a comment's `<!--`, emphasis or "please".
const ASKS_FIRST = /^\W*(?:please\s+)?(?:describe|explain|write|list|provide|give|state|outline|document|include|add|detail|summari[sz]e|define|specify|enumerate|identify|discuss|fill|enter|insert|name|note)\b/i;

/** Whether a text opens by asking for something to be written ("Describe what ships in phase 1 …", `<!-- Write the … -->`). */
export function opensAskingForText(text: string): boolean {
  return ASKS_FIRST.test(text);
}
