// How a template says a section it keeps may be left without text: a
// sentence of its guidance says so of the section ("Leave empty if no
// requirement changes.", as OpenSpec's proposal template writes under `###
// Modified Capabilities`; "Leave this section blank if …"; "This list may be
// left empty."). Unlike an optional section, the heading stays: the empty
// section is the answer. A remark about a field or a value ("the labels map
// may be empty", "- Owner (leave blank if none):") is no such sentence.

// A sentence that opens by saying so: "Leave (this section / it) empty|blank …",
// "This section / list / part / It may|can be left|stay|remain empty|blank …".
// (Or that it will be empty at first: a Scala SIP's FAQ, "This section will probably initially be empty.")
const SAYS_MAY_STAY_EMPTY = /^(?:leave\s+(?:(?:this|the)\s+(?:section|list|part)\s+|this\s+|it\s+)?(?:empty|blank)\b|(?:(?:this|the)\s+(?:section|list|part)|it)\s+(?:may|can|could)\s+(?:be\s+left|stay|remain|be\s+kept)\s+(?:empty|blank)\b|(?:(?:this|the)\s+(?:section|list|part)|it)\s+(?:will|would|is\s+likely\s+to)\s+(?:probably\s+|likely\s+|often\s+)?(?:(?:initially|at\s+first)\s+)?be\s+(?:(?:initially|at\s+first)\s+)?(?:empty|blank)\b)/i;

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
  return sentencesOf(words).some((sentence) => SAYS_MAY_STAY_EMPTY.test(sentence));
}

// How a template says the answer it shows may stay: "The current placeholder
// is acceptable for a draft." (the EIPs' `## Backwards Compatibility`, over
// "No backward compatibility issues found."), "The default text is fine if
// nothing changes.", "You may keep the sample text.", "Leave this text as is
// if …". Not when denied: "The current placeholder is not acceptable".
const SAYS_SAMPLE_MAY_STAY = /^(?:(?:the|this)\s+(?:(?:current|default|existing|sample|example|given)\s+(?:placeholder|text|value|answer|wording|line|sentence|statement)|placeholder(?:\s+text)?)\s+(?:is|are|may\s+be|can\s+be)\s+(?:acceptable|fine|ok(?:ay)?|kept|left\s+as\s+(?:it\s+)?is)(?:\s+(?:for|in|while|during)\s+(?:a\s+|the\s+)?drafts?)?(?:\s+(?:if|when|unless)\s[^.;]*)?\s*(?:[.;,!]|$)|(?:you\s+)?(?:may|can)\s+keep\s+(?:the|this)\s+(?:(?:current|default|existing|sample|example|given)\s+)?(?:placeholder|text|value|answer|wording|line|sentence|statement)\b|(?:keep|leave)\s+(?:the|this)\s+(?:(?:current|default|existing|sample|example)\s+)?(?:placeholder|text|value|answer|wording|line|sentence|statement)\s+as\s+(?:it\s+)?is\b)/i;
// …only while the spec is a draft: "acceptable for a draft", "in a draft", "while in draft", "for drafts".
const ONLY_IN_A_DRAFT = /\b(?:for|in|while(?:\s+in)?|during)\s+(?:a\s+|the\s+)?drafts?\b/i;

/**
 * Whether a template section's own text (its comments' words too) says the
 * text it shows is an answer that may stay, in a sentence that opens by
 * saying so: that text is then a default answer, not guidance, and a spec
 * that keeps it has written the section (every Draft EIP keeps "No backward
 * compatibility issues found.", which its template says "is acceptable for a
 * draft": blind QA on real EIPs). `'draft'` when that sentence says it may
 * stay only in a draft; null when no sentence says so.
 */
export function sampleMayStay(text: string): 'always' | 'draft' | null {
  if (!/acceptable|fine|\bok|kept|keep|leave|left/i.test(text)) return null;
  const words = text.replace(/<!--|-->/g, ' ').replace(/[*_`>]+/g, ' ');
  const said = sentencesOf(words).find((sentence) => SAYS_SAMPLE_MAY_STAY.test(sentence));
  return said === undefined ? null : ONLY_IN_A_DRAFT.test(said) ? 'draft' : 'always';
}

/** A guidance text's sentences, trimmed: they end at a full stop, a question or exclamation mark, a semicolon, or a line that ends a list item. */
function sentencesOf(words: string): string[] {
  return words.split(/[.!?;]\s+|\n\s*(?:[-*+]|\d{1,9}[.)])\s+|\n\s*\n/).map((sentence) => sentence.trim());
}
