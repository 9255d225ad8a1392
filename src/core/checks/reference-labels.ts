// Reference links by their labels: `[text][label]` whose label nothing
// defines, `[label]` whose definition the template has and the spec lost, and
// which definitions some link uses. broken-link reports them.
import { editDistanceAtMost } from '../edit-distance.js';
import { escapeRegExp } from '../escape-regexp.js';
import { normalizeLabel } from '../markdown/inline-text.js';
import type { ParsedSpec, Position } from '../spec-types.js';
import type { TemplateModel } from '../template-model.js';
import { proseBlocks } from './text-blocks.js';
import type { FindingDraft } from './types.js';

/**
 * A full or collapsed reference link whose label nothing defines
 * (`[prior art][prior-art]` with no `[prior-art]: …`): shown as its
 * brackets, linking nowhere. Not a footnote, a test tag, numbered citations
 * or commit tags side by side, nor bracketed words in a row (a notation).
 */
export function undefinedReferences(spec: ParsedSpec): FindingDraft[] {
  const found: FindingDraft[] = [];
  for (const block of proseBlocks(spec, REFERENCE_START, (text) => text.includes(']['))) {
    for (const m of block.text.matchAll(REFERENCE)) {
      const label = m[3] === '' ? m[2]! : m[3]!;
      if (label.startsWith('^') || spec.definitions.has(normalizeLabel(label)) || !LABEL_WORD.test(label) || TAG_LABEL.test(label) || TAG_LABEL.test(m[2]!)) continue;
      // Numbered citations side by side (`[1][2]`, listed as `[1] https://…` below) are a notation, not a link.
      if (/^\s*\d{1,3}\s*$/.test(m[2]!) && /^\s*\d{1,3}\s*$/.test(label)) continue;
      // So are a capitalised word and a tag in capitals side by side, as commit messages write them (`like [BugFix][CI].`:
      // a TVM RFC on commit messages); a reference's label is seldom one word in capitals.
      if (m[3] !== '' && CAPITALISED_WORD.test(m[2]!) && TAG_WORD.test(label)) continue;
      const start = m.index + m[1]!.length;
      const end = m.index + m[0].length;
      // Bracketed words in a row are tags or a notation, not a link (`[Slow] [Serial] [Disruptive][NodeFeature:Eviction]`,
      // `--system-reserved=[cpu=100m][,][memory=100Mi]`): the brackets are meant to show. (Not beside a link that works,
      // `[RFC 6585][rfc6585] [RFC 9110][rfc9110]`: links in a row, whose brackets are not meant to show.)
      if ((/\]\s*$/.test(block.text.slice(Math.max(0, start - 20), start)) && !linksBefore(block.text, start, spec.definitions))
        || (/^\s*\[/.test(block.text.slice(end, end + 20)) && !linksAfter(block.text, end, spec.definitions))) continue;
      const shown = oneLine(label);
      found.push({ ...block.locate(start, end),
        message: DESTINATION_LIKE.test(shown) && !/\s/.test(shown)
          // `[proposal][#proposal]`: a destination in the brackets a destination's parentheses belong in.
          ? `reference link to [${shown}]: no link reference definition has that label, and it reads as a destination; write the link inline: \`[${oneLine(m[2]!)}](${shown})\``
          : `reference link to [${shown}]: no link reference definition has that label; add \`[${shown}]: <destination>\` or write the link inline${guessLabel(label, spec.definitions)}` });
    }
  }
  return found;
}

/** Whether the brackets right before `at` are a reference link that works (`[RFC 6585][rfc6585]`, `[rfc6585]`, `[RFC 6585][]`). */
function linksBefore(text: string, at: number, definitions: ReadonlySet<string>): boolean {
  const m = /\[([^[\]]{1,200})\](?:\[\])?\s*$/.exec(text.slice(Math.max(0, at - 210), at));
  return m !== null && definitions.has(normalizeLabel(m[1]!));
}

/** Whether the brackets right after `at` are a reference link that works (`[RFC 9110][rfc9110]`, `[rfc9110]`, `[RFC 9110][]`). */
function linksAfter(text: string, at: number, definitions: ReadonlySet<string>): boolean {
  const m = /^\s*\[([^[\]]{1,200})\](?:\[([^[\]]{0,200})\])?/.exec(text.slice(at, at + 420));
  return m !== null && definitions.has(normalizeLabel(m[2] === undefined || m[2] === '' ? m[1]! : m[2]));
}

/**
 * A shortcut reference to a definition the template has and the spec lost
 * (cluster-api's `[community meeting]`, its `[community meeting]: https://…`
 * gone): shown as its brackets, linking nowhere; once per label, at its
 * first use (one line to add back mends them all). Any other `[text]` alone
 * is a word; so is a numbered citation, `[1]`, or an IETF-style key,
 * `[RFC2119]`; and a template of hundreds of definitions is a reference
 * list, not links for its specs: not looked at.
 */
export function lostTemplateDefinitions(spec: ParsedSpec, template: TemplateModel): FindingDraft[] {
  if (template.spec.definitions.size > 200) return [];
  const lost = [...template.spec.definitions].filter((label) => !spec.definitions.has(label) && !/^\d{1,3}$/.test(label) && !/^[A-Z]+[- ]?\d+$/.test(label));
  if (lost.length === 0) return [];
  // (Looked for in the source first, by the labels' words: most specs that lost a definition lost its uses too.)
  const uses = new RegExp(`\\[(?:${lost.map((label) => label.split(' ').map(escapeRegExp).join('\\s+')).join('|')})\\]`, 'i');
  if (!uses.test(spec.source)) return [];
  const gone = new Map<string, { at: Position | null; shown: string; uses: number }>(lost.map((label) => [label, { at: null, shown: '', uses: 0 }]));
  for (const block of proseBlocks(spec, uses, (text) => uses.test(text))) {
    for (const m of block.text.matchAll(SHORTCUT_REFERENCE)) {
      const use = gone.get(normalizeLabel(m[2]!));
      if (use === undefined) continue;
      if (use.uses++ === 0) {
        use.at = block.locate(m.index + m[1]!.length, m.index + m[0].length);
        use.shown = oneLine(m[2]!);
      }
    }
  }
  const found: FindingDraft[] = [];
  for (const { at, shown, uses: count } of gone.values()) {
    if (at === null) continue;
    found.push({ ...at, message: `reference link to [${shown}]${count > 1 ? ` (and ${count - 1} more use${count > 2 ? 's' : ''})` : ''}: its definition, which the template has, is gone, so the page shows the brackets and links nowhere; add the template's \`[${shown}]: <destination>\` line back, or write the link inline` });
  }
  return found;
}

/** The label of the link reference definition whose destination starts at `at`, normalised; '' when it cannot be read. */
export function definitionLabel(source: string, at: number): string {
  const m = /\[((?:[^\\[\]]|\\.){1,999})\]:[ \t]*(?:\r\n|\r|\n)?[ \t]*$/.exec(source.slice(Math.max(0, at - 1100), at));
  return m === null ? '' : normalizeLabel(m[1]!);
}

/**
 * The labels links use, normalised: every bracketed text of the document
 * that a definition does not open (`[text][label]`'s label, `[label][]`,
 * a shortcut `[label]`), nor an inline link's (`[interpolation](#x)` uses
 * no definition `[interpolation]: …`: a Rust RFC's unused one was reported
 * as a broken link). A label of one of these is a definition in use.
 */
export function usedLabels(spec: ParsedSpec): Set<string> {
  const used = new Set<string>();
  // (A label may wrap onto the next line: `[the rollout\nplan]`.)
  for (const m of spec.source.matchAll(/\[((?:[^\\[\]]|\\.){1,999})\](?![:(])/g)) used.add(normalizeLabel(m[1]!));
  return used;
}

const REFERENCE_START = /\]\[/g;
// `[text][label]` or `[text][]` (an image's `![alt][label]` too), not after a
// backslash or a word's letter (`matrix[i][j]`), brackets in the text or
// label escaped only. (What CommonMark calls a shortcut reference, `[text]`
// alone, is left alone: `[optional]` and `[NEEDS CLARIFICATION]` are words.)
const REFERENCE = /(^|[^\\\p{L}\p{N}_\]])!?\[((?:[^\\[\]]|\\.){1,999})\]\[((?:[^\\[\]]|\\.){0,999})\]/gu;

// `[label]` alone: not after `]`, `!` or `\`, nor before `(`, `[` or `:` (a link, a reference, a definition).
const SHORTCUT_REFERENCE = /(^|[^\\\]!])\[([^[\]\n^][^[\]\n]{0,200})\](?![([:])/g;

// One word that starts with a capital (`BugFix`, `CI`), a tag's form.
const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{N}]*$/u;
// A tag's word in capitals, as commit messages write them (`CI`, `TOPI`), not a reference's label (`K8s`).
const TAG_WORD = /^\p{Lu}{2,10}$/u;
// A label says something: a letter or a figure in it.
const LABEL_WORD = /[\p{L}\p{N}]/u;
// A test tag as Kubernetes writes them (`[Feature:SCTPConnectivity]`), not an address (`https://…`).
const TAG_LABEL = /^[\p{L}\p{N}_-]+:[\p{L}\p{N}]/u;

// A label that is an anchor, a path or an address.
const DESTINATION_LIKE = /^(?:#(?!\d+$)|\.{0,2}\/|[a-zA-Z][a-zA-Z0-9+.-]*:\/\/)|\.md(?:#|$)/;

/** A label on one line, whitespace runs as one space, for a message. */
export function oneLine(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

/** `; did you mean [x]?` for the defined label nearest to one that is not defined, or nothing. */
function guessLabel(label: string, defined: ReadonlySet<string>): string {
  const wanted = normalizeLabel(label);
  // Two slips in a label of six letters (`desing` for `design`).
  const most = Math.min(3, Math.floor(wanted.length / 3));
  if (most === 0 || wanted.length > 200) return '';
  let checked = 0;
  for (const d of defined) {
    if (checked++ > 1000) break;
    if (Math.abs(d.length - wanted.length) <= most && editDistanceAtMost(d, wanted, most) <= most) return `; did you mean [${d.toLowerCase()}]?`;
  }
  return '';
}
