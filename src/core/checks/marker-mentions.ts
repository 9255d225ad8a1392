// Whether a marker word is named rather than left: quoted as a status, a
// kind of thing (`all TODO comments`), a noun, spelt out, masked digits,
// a name in a heading. leftover-marker asks before reporting one.
import { WORKFLOW_STATES } from './diagram-text.js';

// A hyphen and a word that, after a marker, says how many there are (`FIXME-free`, `TODO-laden`, `XXX-ridden`).
const HOW_MANY_AFTER = /^-(?:free|less|laden|ridden|heavy|filled|littered|riddled)\b/;

/**
 * Whether a default marker at `at` is named rather than left (false-positive
 * hunts): in quotation marks with a word that names it (`the status
 * "TODO"`), a file's name (`TODO.md`), spelt out after it (`TBD (to be
 * decided)`, an acronym's words), a kind of thing after a determiner (`all
 * TODO comments`), a noun (`each TODO has an owner`), several named
 * together, said of the past, or inside someone's words quoted in a block
 * quote (`quoteBlock`). One with a colon after it (`TODO: decide`) is a note
 * left, whatever is before it. (An image's alt text is read: it shows where
 * the image cannot, and is read out.)
 */
export function isMention(text: string, at: number, length: number, quoteBlock: () => boolean): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at + length] ?? '';
  const word = text.slice(at, at + length);
  // Quoted after a word that names it: `the status "TODO"`, `a column called 'TBD'` (`timeout is "TBD"` is a blank).
  // (French quotes too, a space inside them or not: `le statut « TODO »`.)
  const quoted = (before === '"' && after === '"') || (before === '\'' && after === '\'') || (before === '\u201c' && after === '\u201d') || (before === '\u2018' && after === '\u2019')
    || (/\u00ab[ \u00a0\u202f]?$/.test(text.slice(Math.max(0, at - 2), at)) && /^[ \u00a0\u202f]?\u00bb/.test(text.slice(at + length, at + length + 2)));
  if (quoted && (NAMING.test(text.slice(Math.max(0, at - 40), at - 1)) || NAMED_AFTER.test(text.slice(at + length + 1, at + length + 40))
    || BOARD.test(text.slice(Math.max(0, at - 40), at + length + 40)))) return true;
  // A prefix named: `comments that start with TODO: or FIXME:` (a linter's rule).
  // (Or a list of them: `start with TODO: or FIXME:`.)
  // (Written as a prefix is, with its colon: `starts with TBD customers` is a blank.)
  if (after === ':' && /\b(?:(?:starts?|starting|begins?|beginning)[ \t]+with|prefixed[ \t]+(?:with|by))[ \t]+(?:(?:TODO|FIXME|XXX|TBD|HACK):?,?[ \t]+(?:(?:or|and)[ \t]+)?)*$/i.test(text.slice(Math.max(0, at - 48), at))) return true;
  // An acronym's words after a colon, a glossary's (`**TBD**: trunk-based development`).
  // (The term set in bold or italics, as glossaries write it: `TBD: tune batch defaults` is a note.)
  const glossed = before === '*' || before === '_' ? /^[*_]+:[ \t]*([A-Za-z]+(?:[ -][A-Za-z]+){1,6})/.exec(text.slice(at + length, at + length + 72))?.[1] : undefined;
  if (glossed !== undefined && !/^(?:to|the|a|an)\b/i.test(glossed) && initials(glossed).slice(0, word.length) === word) return true;
  // `TODO: decide the quota`, `TODO & FIXME: fix the numbers`: a note left.
  if (/^(?:[ \t]*(?:,|and|or|&)[ \t]*(?:TODO|FIXME|XXX|TBD|HACK))*[ \t]*:/.test(text.slice(at + length, at + length + 40))) return false;
  const after12 = text.slice(at + length, at + length + 16);
  // Named in prose as a kind of thing, after a determiner: `all TODO comments`, `a TODO app`, `no FIXME markers`
  // (`TODO list the dependencies`, with none before it, is a note still to act on; TBD and XXX stand for a word
  // to write, `a TBD column`, `the XXX team`).
  if ((word === 'TODO' || word === 'FIXME') && DETERMINER_BEFORE.test(wordsBefore(text, at, 12)) && THING_AFTER.test(after12)) return true;
  // A to-do word used as a noun, after a determiner, a verb or a stop after it: `a new TODO is added`,
  // `each TODO has an owner`, `remove the FIXME once fixed` (not `the TODO service`, a name still to write).
  if ((word === 'TODO' || word === 'FIXME') && NOUN_DETERMINER_BEFORE.test(wordsBefore(text, at, 24)) && AS_A_NOUN_AFTER.test(after12)) return true;
  // Half of a word made with a hyphen that says how many markers there are: `keep the module FIXME-free`, `TODO-laden code`.
  if ((word === 'TODO' || word === 'FIXME' || word === 'XXX') && HOW_MANY_AFTER.test(after12)) return true;
  // Things markers are, right after: `TODO comments per team`, `[NEEDS CLARIFICATION] markers`, a `TODO tracker`
  // (one comment or tag, `TODO comment on why …`, is a note to write one).
  if (MARKER_THING_AFTER.test(after12)) return true;
  // Markers named together: `TODO, FIXME and XXX comments`, `no TODO or FIXME remains`, `markers such as TODO and TBD`.
  // (Not the same blank twice, `Owners: TBD and TBD`, nor blanks joined with nothing that names them: `The quota is TODO and TBD.`)
  for (const m of text.slice(Math.max(0, at - 40), at + length + 40).matchAll(LISTED_MARKERS)) {
    const from = Math.max(0, at - 40) + m.index;
    if (from > at || at >= from + m[0].length) continue;
    const words = new Set(m[0].match(/TODO|FIXME|XXX|TBD|HACK/g));
    const end = from + m[0].length;
    if (words.size > 1 && (THING_AFTER.test(text.slice(end, end + 16)) || MARKER_THING_AFTER.test(text.slice(end, end + 16))
      || DETERMINER_BEFORE.test(wordsBefore(text, from, 12)) || LIST_NAMED_BEFORE.test(wordsBefore(text, from, 24)))) return true;
  }
  // Said of the past, in parentheses: `Retention 13 months (was TBD in draft 1)`.
  if (/\((?:it |this |that )?(?:was|were|had been)[ \t]+$/i.test(text.slice(Math.max(0, at - 20), at))) return true;
  // An acronym spelt out, its words capitalised, in parentheses or the next cell: `TBD (Trunk Based Development)`,
  // `| TBD | Trunk-based development |` (not `TBD (the board decides)`, `TBD (to be discussed)`: the blank explained).
  const expansion = /^[ \t]*(?:\(|\|[ \t]*)([A-Z][A-Za-z]*(?:[ -][A-Za-z]+){1,6})[ \t]*(?:\)|\|)/.exec(text.slice(at + length, at + length + 72))?.[1];
  if (expansion !== undefined && !/^to\b/i.test(expansion) && initials(expansion) === word) return true;
  // A state or a label a tracker gives: `an item marked TODO`, `tickets in TODO status`, `the TODO count`.
  // (TODO only: `the image tagged XXX` is a blank; and a state after a word before it: `TODO state the retention …` is a note.)
  if (word === 'TODO' && /\b(?:marked|labell?ed|tagged|flagged)(?:[ \t]+as)?[ \t]+$/i.test(wordsBefore(text, at, 20))) return true;
  if (word === 'TODO' && /\b(?:in|the|a|an|its|their|to|from|per)[ \t]+$/i.test(wordsBefore(text, at, 12)) && /^[ \t]+(?:status|state|column|lane|count|counts|bucket)\b/i.test(after12)) return true;
  // A header's name, `XXX-Forwarded-Tenant`.
  if (word === 'XXX' && /^-[A-Z][a-z]+-[A-Z]/.test(after12)) return true;
  // Inside someone's words quoted, in a block quote or after a word that says someone said them:
  // `> "Half the items say TBD because nobody knows."`, `a user quote from the survey: "…"`
  // (UI copy in quotes, `"Ship faster with TODO"`, is a blank in the product's words).
  const opened = quotationAround(text, at);
  if (opened !== -1 && (quoteBlock() || SPEECH_BEFORE.test(text.slice(Math.max(0, opened - 48), opened)))) return true;
  // Spelt out in the next cell of its table row: `| TBD | to be decided |`.
  if (/^[ \t]*\|[ \t]*to be (?:decided|determined|defined|announced|confirmed)\b/i.test(text.slice(at + length, at + length + 30))) return true;
  if (after === '.' && /^\.[A-Za-z]{1,5}\b/.test(text.slice(at + length, at + length + 7))) return true;
  // Spelt out, and nothing else in the parentheses: `TBD (to be decided)`, a glossary's; not `TBD (to be agreed with legal)`.
  if (/^[ \t]*\((?:to be (?:decided|determined|defined|done|announced|confirmed)|to do)\)/i.test(text.slice(at + length, at + length + 24))) return true;
  // A workflow's states named together: `TODO, IN_PROGRESS and DONE`.
  return WORKFLOW_STATES.test(text.slice(Math.max(0, at - 40), at + length + 40));
}

/**
 * The text before `at`, at most about `most` characters, starting at a word's
 * start: a window cut inside a word would take its end for a word of its own.
 */
function wordsBefore(text: string, at: number, most: number): string {
  let from = Math.max(0, at - most);
  if (from > 0 && /[\w-]/.test(text[from - 1]!)) while (from < at && /[\w-]/.test(text[from]!)) from++;
  return text.slice(from, at);
}

// Words before a quoted marker that say it is named: a status, a state, a label, a column, a keyword.
const NAMING = /\b(?:statut|estado|etiqueta|colonne|columna|spalte|zustand|status|state|states|label|labels|tag|tags|column|columns|keyword|keywords|marker|markers|word|called|named|value|enum|for|greps?|searches|search|flags?|rejects?|forbids?|bans?)\W*$/i;
// Or after it, or a verb that looks for it: `"TODO" comments`, `greps for 'FIXME'`.
const NAMED_AFTER = /^\W*(?:comments?|markers?|labels?|tags?|status|state|items?|entries|lines?|keyword)\b/i;
// A word that makes what follows a thing spoken of, right before the marker; and the things a marker names.
// (A possessive too: `the team's TODO file`.)
const DETERMINER_BEFORE = /(?:^|[^\w-])(?:a|an|the|all|any|no|every|each|these|those|our|their|its|your|my|[A-Za-z]+['\u2019]s)[ \t]+$/i;
// (Not one used as a verb, a determiner after it: `Legal's TODO file the DPA …`.)
const THING_AFTER = /^[ \t]+(?:comments?|markers?|items?|lists?|apps?|application|entries|tags?|notes?|columns?|lanes?|files?|pages?|docs?|documents?|boards?)\b(?![ \t]+(?:the|a|an|this|that|these|those|all|every|each|our|their|its|your|my)\b)/i;
// A determiner before a to-do word used as a noun, an adjective or so between (`a new TODO`, `the last FIXME`).
const NOUN_DETERMINER_BEFORE = /(?:^|[^\w-])(?:a|an|the|each|every|this|that|another|any|no|some)(?:[ \t]+(?:new|single|open|old|stale|existing|remaining|last|first|lone|next))?[ \t]+$/i;
// What follows a to-do word used as a noun: a verb, a preposition, a stop (`each TODO has`, `the FIXME once`, `a TODO.`).
const AS_A_NOUN_AFTER = /^(?:[ \t]*(?:[.,;)!?]|$)|[ \t]+(?:is|are|was|were|has|have|had|gets?|got|goes|stays|means|remains|in|as|on|once|from|with|per|to|that|which|and|or|for|by|at|into|before|after|until|older|newer|left|found|without|across|over|under|since)\b)/i;
// Things markers are, named right after one (not a list's or a note's: `TODO list the dependencies` is a note;
// one comment, tag or marker, `TODO comment on why …`, is a note to write one).
// (`keeps TODO items in a store`, `TODO lists`, `the TODO lanes`: plural things, no note's object; but a label
// over the work left, `Open TODO items: retries.`, is a note.)
const MARKER_THING_AFTER = /^\]?[ \t]+(?:comments|markers|tags|trackers?|apps?|application|(?:items|entries|lists|lanes|boards)(?![ \t]*:))\b/i;
// Words before a list of to-do words that say they are named (`markers such as TODO and TBD`, `we grep for TODO or FIXME`).
const LIST_NAMED_BEFORE = /\b(?:such as|like|e\.g\.,?|i\.e\.,?|including|namely|counts?|counting|finds?|flags?|greps?(?: for)?|search(?:es)? for|looks? for|markers?|words?|keywords?|either|both|neither)[ \t:]*$/i;
// Two or more to-do words joined by "and", "or" or "&": markers named, not left (see isMention).
const LISTED_MARKERS = /\b(?:TODO|FIXME|XXX|TBD|HACK)s?(?:,[ \t]*(?:TODO|FIXME|XXX|TBD|HACK)s?)*,?[ \t]+(?:and|or|&)[ \t]+(?:TODO|FIXME|XXX|TBD|HACK)s?\b/g;

/**
 * Where the quotation a place is inside opens (straight, curly or French
 * quotes around four words or more, within a few lines of it), or -1: a
 * user's or a colleague's words keep theirs. (A marker quoted alone,
 * `"TBD"`, is no one's words.) Only the text around the place is read: a
 * long paragraph of markers is read once, not again for each.
 */
function quotationAround(text: string, at: number): number {
  const from = Math.max(0, at - QUOTE_REACH);
  const before = text.slice(from, at);
  const after = text.slice(at, at + QUOTE_REACH);
  for (const [open, close] of QUOTES) {
    const start = before.lastIndexOf(open);
    if (start === -1) continue;
    // A straight quote opens a quotation where no word runs into it from before (`say "…`), and closes one where none runs on after it.
    if (open === close && start > 0 && /[\p{L}\p{N}]/u.test(before[start - 1]!)) continue;
    if (open !== close && before.lastIndexOf(close) > start) continue;
    const end = after.indexOf(close);
    if (end === -1 || (open === close && /[\p{L}\p{N}]/u.test(after[end + 1] ?? ''))) continue;
    const quoted = before.slice(start + 1) + after.slice(0, end);
    if (quoted.indexOf('\n\n') === -1 && quoted.trim().split(/\s+/).length >= 4) return from + start;
  }
  return -1;
}

/** The first letters of a phrase's words, in capitals (`trunk-based development` → `TBD`). */
function initials(phrase: string): string {
  return phrase.split(/[ -]+/).filter((w) => w !== '').map((w) => w[0]!.toUpperCase()).join('');
}

// Words before a quotation that say someone said it.
// (Not "says": UI copy, `the banner says "Paused until TBD"`, is a blank in the product's words.)
const SPEECH_BEFORE = /\b(?:said|wrote|asked|told us|quotes?|quoted|feedback|complained|commented|reported|survey|interview)\b[^"\u201c\u00ab]{0,40}$/i;

// How far from a marker its quotation's marks are looked for.
const QUOTE_REACH = 300;
const QUOTES: ReadonlyArray<readonly [string, string]> = [['"', '"'], ['\u201c', '\u201d'], ['\u00ab', '\u00bb']];

// Words of a board or a workflow around a quoted marker: `the "TODO" lane`, `set the status to "TODO"`.
const BOARD = /\b(?:status|state|column|lane|board|workflow|kanban)\b/i;


/**
 * Whether the `XXX` at `at` is part of a masked number: joined by `-` to
 * digits or other X's, or in parentheses, with a digit shown near it (`XX-XXX
 * bytes` is a number still to write).
 */
export function isMask(text: string, at: number): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at + 3] ?? '';
  const joined = (after === '-' && /[X\d]/.test(text[at + 4] ?? '')) || (before === '-' && /[X\d]/.test(text[at - 2] ?? '')) || (before === '(' && after === ')');
  return joined && /\d/.test(text.slice(Math.max(0, at - 8), at + 11));
}

/** Whether the line holding a source offset is an ATX heading's. */
function inHeadingLine(source: string, offset: number): boolean {
  let lineStart = offset;
  while (lineStart > 0 && offset - lineStart < 300 && source[lineStart - 1] !== '\n' && source[lineStart - 1] !== '\r') lineStart--;
  return /^[ \t]{0,3}#{1,6}[ \t]/.test(source.slice(lineStart, offset + 1));
}

/**
 * Whether a to-do word in a heading names a thing (`# KEP-1440: TODO list
 * support`, `## TODO app sync`): a heading is no place for a note to act
 * on, so the word needs no determiner before it there.
 */
export function namesAThingInHeading(source: string, offset: number, text: string, at: number, word: string): boolean {
  return (word === 'TODO' || word === 'FIXME') && THING_AFTER.test(text.slice(at + word.length, at + word.length + 16)) && inHeadingLine(source, offset);
}

