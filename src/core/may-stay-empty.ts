// How a template says a section it keeps may be left without text: its
// guidance says so ("Leave empty if no requirement changes.", as OpenSpec's
// proposal template writes under `### Modified Capabilities`; "Leave this
// section blank if …"; "May be left empty."). Unlike an optional section,
// the heading stays: the empty section is the answer.

// "leave (this section / it / the list) empty|blank", "may|can be (left) empty|blank", "it is fine to leave … empty".
const SAYS_MAY_STAY_EMPTY = /\b(?:leave|keep)\s+(?:(?:this|the|it)\s+)?(?:(?:section|part|list|field|heading)\s+)?(?:empty|blank)\b|\b(?:may|can|could)\s+(?:be\s+)?(?:left|kept|remain|stay)\s+(?:empty|blank)\b|\b(?:may|can)\s+be\s+(?:empty|blank)\b/i;

// A word that turns it round, in the words just before it ("Do not leave this empty", "never leave it blank").
const NEGATED = /\b(?:not|never|don'?t|doesn'?t|mustn'?t|shouldn'?t|cannot|can'?t|no)\s+(?:\w+\s+)?$/i;

/**
 * Whether a template section's own text (its guidance: prose and the text of
 * its comments) says the section may be left empty, in one of its sentences,
 * not turned round by a "not" or "never" just before.
 */
export function guidanceSaysMayStayEmpty(text: string): boolean {
  if (!/empty|blank/i.test(text)) return false;
  // The words of comments count as the prose's do: the markers go, the text stays.
  const words = text.replace(/<!--|-->/g, ' ').replace(/[*_`]+/g, '').replace(/\s+/g, ' ');
  for (let m = SAYS_MAY_STAY_EMPTY.exec(words), from = 0; m !== null; m = SAYS_MAY_STAY_EMPTY.exec(words.slice(from))) {
    const at = from + m.index;
    // The words before it in its sentence.
    const before = words.slice(Math.max(0, at - 40), at).split(/[.!?;:]\s/).pop()!;
    if (!NEGATED.test(before)) return true;
    from = at + m[0].length;
  }
  return false;
}
