// Template headings that stand in, wholly or in part, for what the spec
// writes there: MADR's `### {title of option 1}`, spec-kit's `### User Story
// 1 - [Brief Title] (Priority: P1)`; and a series of them (option 1, 2, 3;
// story 1, 2, 3), which stands for as many as the spec needs.
import { PLACEHOLDER_MARKER } from './find-placeholders.js';
import { withoutClosedComments } from './markdown/inline-comments.js';
import { HTML_ELEMENTS } from './markdown/html-elements.js';
import { normalizedSentence } from './guidance-sentences.js';
import type { Section } from './spec-types.js';

/**
 * What a stand-in heading keeps of its own words: the spec's heading in its
 * place starts with `prefix` (normalised words: lower case, letters and
 * digits), or, when that is empty, ends with `suffix`; both empty for a
 * heading that is wholly a stand-in.
 */
export interface StandInWords {
  readonly prefix: string;
  readonly suffix: string;
  /** The heading's own words before its first slot, as written (`User Story 1 -`); empty when the whole heading stands in. */
  readonly lead: string;
  /**
   * The stand-in for a number among the heading's words (spec-kit's `## Phase
   * N: Polish & Cross-Cutting Concerns`): a spec's heading there is `prefix`,
   * a number, then `suffix`. Absent for other stand-ins.
   */
  readonly number?: string;
  /** With {@link number}: words of the spec's own may follow the number (Loki's `Proposal n: Title`, the title standing in too). */
  readonly named?: boolean;
}

// A heading that is wholly a slot: `{…}`, `{{…}}`, or `[…]` with a letter in it (shown with its brackets: no link).
const WHOLE_SLOT = /^(?:\{\{?[^{}]+\}\}?|\[[^[\]]*[A-Za-z][^[\]]*\])$/;
// A slot among a heading's own words says what to write: words (`[Brief
// Title]`, `{title of option 1}`, arc42's `<Runtime Scenario 1>`) or one
// capitalised word (`[Title]`, `[FEATURE]`); not a path's parameter (`GET
// /users/{id}`), a mark (`Drawbacks [optional]`), a version or a code (`API
// [v2]`, `[US1]`), a tag (`<br>`, `<a name="x">`). A comment among them is
// one too (OpenSpec's `### Requirement: <!-- requirement name -->`).
const SLOT = /\{\{?([^{}]+)\}\}?|\[([^[\]]+)\]|<(?!!--)([^<>]+)>/g;
const SAYS_WHAT = /^\s*[A-Za-z][\w'’.,/-]*(?:\s+[\w'’.,/-]+)+\s*$|^\s*[A-Z][A-Za-z]{2,}\s*$/;
const MARK = /^\s*(?:optional|required|mandatory|recommended|deprecated|experimental|draft|if applicable|if any)\s*$/i;
// A stand-in for a number among a heading's words, after a word that numbers things: `Phase N:`, `Step NN`, `Option X`
// (not `X.509`, `Mac OS X`).
// (`(?=[NX])` first: the look back over `[\s#-]+` from each space of a long run took quadratic time.)
const NUMBER = /(^|[\s(#-])(?=[NX])(?<=(?:phase|step|stage|part|option|alternative|proposal|approach|milestone|iteration|sprint|wave|round|level|tier|release|version|chapter|section|appendix|story|task|item|scenario|requirement|case|example|rfc|kep|adr)[\s#-]+)(N{1,4}|X{1,4})(?=$|[\s:.,)])/i;

// A label of words, its colon, then a word that stands for a name: `Proposal 1: Title`, `Option 2: Name`, `Alternative: Short title`.
const NAMED_AFTER_LABEL = /^([A-Za-z][\w -]{0,40}?[A-Za-z0-9][ \t]*:)[ \t]*(?:(?:your|the|a|short|proposal|option|feature)[ \t]+)?(?:title|name)[ \t]*$/i;
// A label's end before a slot: a colon or a dash (`Requirement:`, `Step 1 -`).
const LABEL_END = /[:\-\u2013\u2014]\s*$/;

/** A slot as {@link SLOT} finds it, or a comment: where it is and what it says. */
interface SlotMatch {
  readonly index: number;
  readonly length: number;
}

/**
 * The slots among a heading's words that say what to write (see {@link
 * SLOT}), in order; and a closed comment after a label (`Requirement:
 * <!-- requirement name -->`, the words before it ending in `:` or a dash),
 * or with words of the heading's after it (a comment at the end of the words,
 * `Step 1 <!-- preparation -->`, is a note on the heading, no slot).
 */
function slotsIn(words: string): SlotMatch[] {
  const found: SlotMatch[] = [];
  for (const m of words.matchAll(SLOT)) {
    const inner = m[1] ?? m[2] ?? m[3]!;
    // (One word of any case is a slot too where it ends the heading after a label: a runbook's `Step 1: <check>`.)
    const afterLabel = /^[\w-]+$/.test(inner.trim()) && LABEL_END.test(words.slice(0, m.index))
      && withoutClosedComments(words.slice(m.index + m[0].length)).trim() === '' && !(m[3] !== undefined && HTML_ELEMENTS.has(inner.trim().toLowerCase()));
    if ((SAYS_WHAT.test(inner) || afterLabel) && !MARK.test(inner)) found.push({ index: m.index, length: m[0].length });
  }
  // Comments by a plain search (a lazy pattern to `-->` would read to the end from each of thousands left open).
  for (let at = words.indexOf('<!--'); at !== -1; at = words.indexOf('<!--', at + 4)) {
    const close = words.indexOf('-->', at + 4);
    if (close === -1) break;
    const before = words.slice(0, at).trimEnd();
    const after = withoutClosedComments(words.slice(close + 3)).trim();
    if (LABEL_END.test(before) || (before !== '' && after !== '')) found.push({ index: at, length: close + 3 - at });
    at = close;
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * How a template's section heading stands in for a name the spec gives, or
 * null when it does not: it holds an `AGENT_PLACEHOLDER`, or it is nothing but
 * comments, or a slot (`{slot}`, `{{slot}}`, `[slot]`) and nothing else — the
 * whole heading is the spec's —, or it holds a slot that says what to write
 * among words of its own (`User Story 1 - [Brief Title] (Priority: P1)`):
 * the words before the first slot start the spec's heading (or, with none
 * before it, those after the last end it); a section number alone before it
 * (`6.1 <Runtime Scenario 1>`) is no words of its own. Or it holds a stand-in
 * for a number (`Phase N: Polish`): the spec's heading has a number there.
 */
export function standInWords(text: string): StandInWords | null {
  if (text.indexOf(PLACEHOLDER_MARKER) !== -1 && /<!--\s*AGENT_PLACEHOLDER:/.test(text)) return WHOLE;
  const words = withoutClosedComments(text).trim();
  if (words === '' || WHOLE_SLOT.test(words)) return WHOLE;
  const written = text.trim();
  // A label, then an ellipsis for the name, a number after it or not (Cilium's `### Impact: ... 1`, `### Key Question: ... 2`):
  // the spec's heading starts with the label's words (`Impact: performance`, `Impact 1: Multi-Homing`).
  // (Short headings only, read once: no pattern over a long run of spaces.)
  if (written.length <= 120) {
    const elided = ELIDED_NAME.exec(written);
    if (elided !== null) return { prefix: normalizedSentence(elided[1]!), suffix: '', lead: elided[1]!.trim() };
  }
  // A label, then a word that stands for the name (Grafana Loki's `### Proposal 1: Title`, `### Proposal n: Title`).
  const named = NAMED_AFTER_LABEL.exec(written);
  if (named !== null) {
    const lead = named[1]!.trim();
    const numbered = numberStandIn(lead);
    if (numbered !== null && numbered.suffix === '') return { ...numbered, lead, named: true };
    return { prefix: normalizedSentence(lead), suffix: '', lead };
  }
  if (written.indexOf('[') === -1 && written.indexOf('{') === -1 && written.indexOf('<') === -1) return numberStandIn(written);
  const slots = slotsIn(written);
  if (slots.length === 0) return numberStandIn(written);
  const first = slots[0]!;
  const last = slots[slots.length - 1]!;
  // (A stand-in for a number in the words before the slot, Grafana Alloy's `## Option N: <Title>`: the spec's `## Option 2:
  // Isolated deployments`, its number, then its own words; blind QA.)
  const lead = written.slice(0, first.index).trim();
  if (last === first && withoutClosedComments(written.slice(last.index + last.length)).trim() === '') {
    const numbered = numberStandIn(lead);
    if (numbered !== null && numbered.suffix === '') return { ...numbered, lead, named: true };
  }
  const prefix = normalizedSentence(written.slice(0, first.index));
  const suffix = normalizedSentence(withoutClosedComments(written.slice(last.index + last.length)));
  // Punctuation around a slot (`- [Title]`) is no word of the heading's own, nor is a section number.
  if (/^[\d ]*$/.test(prefix) && suffix === '') return WHOLE;
  return { prefix, suffix, lead: written.slice(0, first.index).trim() };
}

/** A heading with a stand-in for a number among words of its own (see {@link NUMBER}), or null. */
function numberStandIn(text: string): StandInWords | null {
  const m = NUMBER.exec(text);
  if (m === null) return null;
  const at = m.index + m[1]!.length;
  const prefix = normalizedSentence(text.slice(0, at));
  const suffix = normalizedSentence(text.slice(at + m[2]!.length));
  return prefix === '' && suffix === '' ? null : { prefix, suffix, lead: '', number: m[2]! };
}

const WHOLE: StandInWords = { prefix: '', suffix: '', lead: '' };
// A label's words, a colon or dash, an ellipsis, a number or not (see standInWords).
const ELIDED_NAME = /^([A-Za-z][\w /&'-]{0,60}?)[ \t]*[:\u2013\u2014-][ \t]*(?:\.{3}|\u2026)(?:[ \t]+\d{1,3})?[ \t]*$/;

/**
 * Whether a spec heading may be the one written in place of a stand-in with
 * these words; `words` gives its words normalised (asked once per heading).
 */
export function fitsStandIn(words: () => string, stand: StandInWords): boolean {
  if (stand.prefix === '' && stand.suffix === '') return true;
  const said = words();
  if (stand.number !== undefined) {
    const before = stand.prefix === '' ? '' : `${stand.prefix} `;
    const after = stand.suffix === '' ? '' : ` ${stand.suffix}`;
    // (Named: the number, then the spec's own words, `Proposal 2: Support Apache Arrow Flight RPC`.)
    if (stand.named === true) return said.startsWith(before) && /^\d+(?: |$)/.test(said.slice(before.length));
    return said.length > before.length + after.length && said.startsWith(before) && said.endsWith(after)
      && /^\d+$/.test(said.slice(before.length, said.length - after.length));
  }
  if (stand.prefix !== '') return said === stand.prefix || said.startsWith(`${stand.prefix} `);
  return said === stand.suffix || said.endsWith(` ${stand.suffix}`);
}

/** Whether a section's text is nothing, or an example that says it is one ("… (This is an example)", "Example: …"), no placeholder. */
export function nothingOrAnExample(body: string): boolean {
  return body.trim() === '' || (SAYS_IT_IS_AN_EXAMPLE.test(body) && !body.includes('AGENT_PLACEHOLDER'));
}

// "(This is an example)", "This is just an example.", or a text that opens with "Example:" / "For example,".
// (At the text's start only: a section with guidance of its own may give an example on a later line.)
const SAYS_IT_IS_AN_EXAMPLE = /\bthis is (?:just |only )?an example\b|^\s*(?:<!--\s*)?(?:[*_]*example[*_]*\s*:|for example,)/i;

/**
 * The kind a numbered heading names, its figures as `#` (`use case #` for
 * "Use case 1:", `story #` for "Story 2"): a few words and one number, no
 * other words after it; null for any other heading.
 */
export function numberedKind(text: string): string | null {
  const m = /^([A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,3}) (\d{1,3})[ \t]*:?[ \t]*$/.exec(text.trim());
  return m === null ? null : `${m[1]!.toLowerCase()} #`;
}

/**
 * What a numbered section holds, its figures aside: its text, spacing aside,
 * and its subsections' headings and text, in order (`Option 2:` over `Pros`
 * and `Cons` holds what `Option 1:` over theirs does).
 */
function heldBy(section: Section, source: string): string {
  const parts: string[] = [];
  const add = (s: Section, depth: number): void => {
    if (depth > 0) parts.push(`${s.heading.level} ${s.heading.text}`);
    parts.push(source.slice(s.bodySpan.start, s.bodySpan.end).trim().replace(/\s+/g, ' '));
    for (const c of s.children) add(c, depth + 1);
  };
  add(section, 0);
  return parts.join('\n').replace(/\d+/g, '#');
}

// A few words, then `n` or `N` for the number: `Sub-heading n`, `Phase N`.
const OPEN_END = /^[A-Za-z][\w-]{0,30}(?: [A-Za-z][\w-]{0,30}){0,3} [nN]$/;

/**
 * The ids of stand-in sections that follow the first of a series: siblings
 * whose headings differ in their figures only (`{title of option 2}` after
 * `{title of option 1}`, `User Story 2 - [Brief Title] (Priority: P2)`), or
 * bare numbered headings with nothing under them (`#### Story 2` after
 * `#### Story 1`) or holding what the first of them holds (`### Option 2:`
 * over the same `#### Pros` and `#### Cons` as `### Option 1:`; read in
 * `source`, when given). The template shows how many a spec may write: one
 * is owed, the others may go.
 */
export function standInSeriesFollowers(sections: readonly Section[], source?: string): Set<string> {
  const followers = new Set<string>();
  const visit = (siblings: readonly Section[]): void => {
    const seen = new Set<string>();
    // The first numbered heading of each kind, and what it holds (see sameAsFirst).
    const firsts = new Map<string, string>();
    for (const s of siblings) {
      const stand = standInWords(s.heading.text);
      // (So is a series of numbered headings that differ in their figures only, examples of one kind: cluster-api's
      // `#### Story 1`, `#### Story 2`, nothing under them; Argo CD's `#### Use case 1:`, `#### Use case 2:` over sample text;
      // Cilium's `### Option 1:`, `### Option 2:` each over the same `#### Pros` and `#### Cons`, or its `### Section 1`,
      // `### Section 2` each over the same line of guidance: the template shows the pattern, as many times as it likes.)
      // (Not numbered sections each asked for, `## Phase 1` and `## Phase 2` with guidance of their own: only ones with
      // nothing under them, an example said to be one, or what the first of them holds, word for word.)
      const kind = stand === null && source !== undefined ? numberedKind(s.heading.text) : null;
      if (kind !== null) {
        const shape = `${s.heading.level} ${kind}`;
        const held = heldBy(s, source!);
        const first = firsts.get(shape);
        if (first === undefined) firsts.set(shape, held);
        else if (first === held) followers.add(s.id);
        // (Bare after a first of its kind with text of its own, Cilium's `### Deferred Milestone 2` after a described
        // `### Deferred Milestone 1`: a place for another, which the spec may not need.)
        if (s.children.length === 0 && nothingOrAnExample(source!.slice(s.bodySpan.start, s.bodySpan.end))) {
          if (seen.has(shape) || first !== undefined) followers.add(s.id);
          else seen.add(shape);
        }
      }
      // (A letter for its number and nothing under it, Wagtail's `### Sub-heading n` after `### Sub-headings 1`: the open
      // end of a series, as many as the spec needs, none owed; blind QA.)
      if (source !== undefined && s.children.length === 0 && OPEN_END.test(s.heading.text.trim()) && source.slice(s.bodySpan.start, s.bodySpan.end).trim() === '') followers.add(s.id);
      if (stand !== null) {
        // By the words the spec's heading keeps (a mark after them, spec-kit's `🎯 MVP` on the first phase, aside).
        // (A number's stand-in by its words on both sides: `Step N: Build` and `Step N: Test` are two sections.)
        // (Named, `Proposal n: Title` after `Proposal 1: Title`: of the first's series.)
        const words = stand.number !== undefined && stand.named === true ? `^${stand.prefix} #`
          : stand.number !== undefined ? `^${stand.prefix}#${stand.suffix}`
          : stand.prefix !== '' ? `^${stand.prefix}` : stand.suffix !== '' ? `$${stand.suffix}` : s.heading.text.toLowerCase();
        const shape = `${s.heading.level} ${words.replace(/\d+/g, '#')}`;
        if (seen.has(shape)) followers.add(s.id);
        else seen.add(shape);
      }
      visit(s.children);
    }
  };
  visit(sections);
  return followers;
}
