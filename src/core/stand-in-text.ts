// What stands in for a section's text and says nothing yet: dots, dashes and
// other marks with no word (`…`, `?`), invisible characters, or a to-do word
// that is all the text ("TBD", "To be determined"). Read by section-prose
// (whether a section says nothing) and by the checks that say which it is.
import { normalizeLabel } from './markdown/inline-text.js';
import { headOf } from './clip-text.js';

/**
 * Text that stands in for text and says nothing: dots, an ellipsis, a
 * question mark, dashes, emphasis marks (`…`, `...`, `* ...`, `?`, `—`), no
 * letter, digit or other sign.
 */
// (Zero-width spaces and joiners, and a byte order mark, show nothing either.)
const FILLER_ONLY = /^[\s.\u2026?!\-\u2013\u2014*_~\u200b-\u200d\u2060\ufeff]+$/;

/**
 * A to-do word standing for the whole text ("TBD", "TODO.", "*To be
 * determined*", "TBD — TODO", `<TODO>`, a tag the page does not show): a section that holds only that says nothing
 * yet, whatever leftover-marker makes of the word elsewhere.
 */
// One to-do word or phrase, in English and the languages teams write specs in most (`À compléter`, `Por determinar`, `Noch offen`, `待补充`).
const STUB_WORD = '(?:t\\.?b\\.?d\\.?|t\\.?b\\.?c\\.?|tba|todo(?:\\([\\w.@-]{1,40}\\))?|to[- ]do|fixme|xxx|coming soon|to be (?:determined|decided|defined|done|written|added|completed|confirmed|filled(?: in)?|announced)(?: later| soon)?'
  + '|will (?:fill|write|add|complete|update)(?: (?:this|it))?(?: in)?(?: later| soon)?|fill(?: this)? in(?: later)?'
  + '|[àa] (?:définir|definir|compléter|completer|déterminer|determiner|préciser|preciser|venir)|por (?:definir|determinar|completar)|a ser definido'
  + '|da (?:definire|completare|determinare)|em aberto|noch offen|folgt|wird nachgereicht|nog te bepalen|待定|未定|待补充|待完善|待確認|待确认)';
const STUB = new RegExp(`^[\\s.\u2026?!\\-\u2013\u2014*_~:()[\\]<>/\`]*${STUB_WORD}(?:[ \\t]*[:\\-\u2013\u2014][ \\t]*(?:write|fill|add|complete|describe|document)\\b[^.\\n]{0,40})?`
  + `(?:[\\s.\u2026?!\\-\u2013\u2014*_~:()[\\],;/<>\`]+${STUB_WORD})*[\\s.\u2026?!\\-\u2013\u2014*_~:()[\\]<>/\`]*$`, 'i');

/**
 * A slot or a stand-in word for the whole text: a template variable never
 * filled (`{{overview}}`, `${summary}`), an instruction in brackets
 * (`[Insert a high-level description here]`, `<describe the API>`), a name in
 * capitals in brackets (`[Project Name]`, `<Service Name>`, which a page does not show),
 * "Placeholder", or lorem ipsum: a section of nothing else says nothing yet.
 */
const SLOT_STUB = /^[\s*_]*(?:\{\{[ \t]*[\w.-]+[ \t]*\}\}|\$\{[\w.-]+\}|\[[ \t]*(?:insert|add|describe|write|enter|fill|provide|your)\b[^\]\n]{0,80}\]|<[ \t]*(?:insert|add|describe|write|enter|fill|provide|your)\b[^>\n]{0,80}>|placeholder(?: text)?|lorem ipsum(?:[ \t]+dolor\b[^\n]{0,600})?)[\s.*_]*$/i;
// (Two words or more in capitals: `[Project Name]`, `<Service Name>`; `[see below]`, `[Kafka]`, `[Yes]` or `<a href>` is no name.
// A bracketed name is a link where the document defines it: see isStandIn's `definitions`.)
const NAME_STUB = /^[\s*_]*(?:\[([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,5})\]|<[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){1,5}>)[\s.*_]*$/;

// A label with nothing after it (`Decision:`, `**Overview:**`), or a note that the text is to come (`Overview goes here.`).
// (One word: `Three layers:` or `Key decisions:` leads into what follows; a section's name goes before "goes here".
// No `i` flag: the letter classes hold both cases, isLabelOnly lets in only a lowercase "goes here", and
// folding case over `\p{L}` doubles what the pattern costs to compile, in every run.)
const LABEL_ONLY = /^[\s*_]*[\p{L}][\p{L}\p{N}'’/&-]*:[\s*_]*$|^[\s*_]*[\p{L}][\p{L}\p{N}'’/&-]*(?: [\p{L}\p{N}'’/&-]+){0,2} goes here[.!]?[\s*_]*$/u;

// (Its colon or its "here" first: most texts have neither, and the pattern reads letters of any script.)
const isLabelOnly = (text: string): boolean => (endsWithColon(text) || text.indexOf(' goes here') !== -1) && LABEL_ONLY.test(text);

/** Whether a text's last character, emphasis marks and spaces aside, is a colon (read from the end: asked of every paragraph's first line). */
function endsWithColon(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x2a && c !== 0x5f && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return false;
}

/**
 * Whether a text shows nothing to read: {@link FILLER_ONLY}, {@link STUB}, {@link LABEL_ONLY},
 * {@link SLOT_STUB} or {@link NAME_STUB} — not a name in brackets that
 * `definitions` (normalised labels) make a link.
 */
export function isStandIn(text: string, definitions?: ReadonlySet<string>): boolean {
  return FILLER_ONLY.test(text) || (text.length < 80 && (STUB.test(text) || isLabelOnly(text))) || (text.length < 700 && (SLOT_STUB.test(text) || isNameStub(text, definitions)));
}

function isNameStub(text: string, definitions?: ReadonlySet<string>): boolean {
  const m = NAME_STUB.exec(text);
  return m !== null && (m[1] === undefined || definitions === undefined || !definitions.has(normalizeLabel(m[1])));
}

/** Whether a section's prose (see sectionProse) is empty or only a stand-in for text (`…`, `?`): it shows nothing to read. */
export function isFillerOrEmpty(prose: string): boolean {
  return prose === '' || FILLER_ONLY.test(prose);
}

/** Whether a section's prose is nothing but a to-do word ("TBD", "TODO.", "To be determined") or a slot (`{{overview}}`, `[Insert … here]`): the word, when it is, else null. */
export function stubWord(prose: string): string | null {
  if (!((prose.length < 80 && (STUB.test(prose) || isLabelOnly(prose))) || (prose.length < 700 && (SLOT_STUB.test(prose) || NAME_STUB.test(prose))))) return null;
  const word = prose.trim().replace(/^[*_]+|[*_]+$/g, '');
  return word.length > 60 ? `${headOf(word, 57)}…` : word;
}
