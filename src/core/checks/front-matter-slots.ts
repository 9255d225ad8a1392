// Front matter values never written: a template's slot kept as `new` copied
// it (`decision-makers: {list everyone involved in the decision}`), or a
// to-do word or a date's format where a value goes (`informed: TBD`).
// leftover-marker reports them on the value.
import { lineIndexOf } from '../line-index.js';
import { specStatus } from '../section-states.js';
import type { ParsedSpec, Span } from '../spec-types.js';
import type { TemplateModel } from '../template-model.js';
import type { FindingDraft } from './types.js';

// A value of the template's front matter that stands in for the author's: a
// `{slot}` of words (MADR 4's `date: {YYYY-MM-DD when the decision was last
// updated}`; a flow mapping of YAML's `{a: 1}` has a colon), an `<slot>`, or
// a date's format (`YYYY-MM-DD`).
// (Or an instruction in parentheses, NixOS RFCs' `feature: (fill me in with a unique ident, my_awesome_feature)`,
// `related-issues: (will contain links to implementation PRs)`: words with a space between.)
const FRONT_MATTER_SLOT = /^(?:\{[^{}:]*[A-Za-z][^{}:]*\s[^{}:]*\}|<[^<>]*[A-Za-z][^<>]*>|\([^()]*[A-Za-z][^()]*\s[^()]*\)|["']?(?:YYYY-MM-DD|DD-MMM-YYYY|YYYY\/MM\/DD|yyyy-mm-dd|dd-mmm-yyyy|yyyy\/mm\/dd)["']?)$/;
// A value that is nothing but a to-do word, a date's format or a `{{slot}}` (`informed: TBD`,
// `owners: [TODO]`, `created: YYYY-MM-DD`, `title: "{{title}}"`): the key is there, its value never written.
// (In lower case too, `tbd`, and as a tag, `<tba>`: an EIP's `discussions-to: <tba>`.)
// (Not `todo` in lower case, a value of its own: a board's `state: todo`.)
const FRONT_MATTER_STUB = /^\[?[ \t]*(["']?)(<(?:TBD|TODO|FIXME|TBA|XXX|[Tt]bd|[Tt]ba)>|TBD|TODO|FIXME|TBA|XXX|[Tt]bd|[Tt]ba|YYYY-MM-DD|yyyy-mm-dd|\{\{[ \t]*[\w.-]+[ \t]*\}\})\1[ \t]*\]?$/;
// (A key may carry a note in parentheses, Filecoin's `requires (*optional): <FIP number(s)>`.)
const FRONT_MATTER_LINE = /^([A-Za-z_][\w.-]*(?:[ \t]+\([^()\n:]{0,40}\))?)[ \t]*:[ \t]*(\S(?:.*\S)?)[ \t]*$/;

/** A `key: value` line of a front matter block: its key, its value as written, and where the value starts in the source. */
interface KeyLine {
  readonly key: string;
  readonly value: string;
  readonly valueAt: number;
  /** An item of a block list under the key, not its value. */
  readonly item?: boolean;
}

/**
 * The items of block lists right under top-level keys (`reviewers:` then
 * `  - TBD`), each with its key: one level of items, each a line of its own
 * at the first item's indent (not what a nested mapping or a block scalar holds).
 */
function* listItemLines(source: string, yaml: Span): Generator<KeyLine> {
  let offset = yaml.start;
  let key: string | null = null;
  let indent: number | null = null;
  for (const line of source.slice(yaml.start, yaml.end).split(/(?<=\r\n|\r|\n)/)) {
    const bare = line.replace(/\r?\n$|\r$/, '');
    const opens = /^([A-Za-z_][\w.-]*)[ \t]*:[ \t]*$/.exec(bare);
    if (opens !== null) {
      key = opens[1]!;
      indent = null;
    } else if (/^\S/.test(bare) && !(key !== null && /^-[ \t]/.test(bare))) {
      key = null;
    } else if (key !== null && bare.trim() !== '') {
      // (A YAML comment after the item is none of its value: Argo CD's `  - TBD        # List all interested parties here.`)
      const item = /^([ \t]*)-[ \t]+(\S(?:.*?\S)?)[ \t]*(?:[ \t]#.*)?$/.exec(bare);
      indent ??= item === null ? -1 : item[1]!.length;
      // (Another shape under the key, a mapping or a block scalar: nothing of it is read.)
      if (item === null || item[1]!.length !== indent) key = null;
      else yield { key, value: item[2]!, valueAt: offset + bare.lastIndexOf(item[2]!), item: true };
    }
    offset += line.length;
  }
}

/** The `key: value` lines of the YAML between front matter's fences (top-level keys, one line each). */
export function* keyLines(source: string, yaml: Span): Generator<KeyLine> {
  let offset = yaml.start;
  for (const line of source.slice(yaml.start, yaml.end).split(/(?<=\r\n|\r|\n)/)) {
    const m = FRONT_MATTER_LINE.exec(line.replace(/\r?\n$|\r$/, ''));
    if (m !== null) yield { key: m[1]!, value: m[2]!, valueAt: offset + line.indexOf(m[2]!, m[1]!.length) };
    offset += line.length;
  }
}

/**
 * The template's front matter slots a spec keeps as they are (`new` copies
 * the template's front matter for the author to fill, so a spec that never
 * did passed with `decision-makers: {list everyone involved in the
 * decision}`): one finding each, on the value. (A to-do word there is
 * {@link frontMatterStubs}'s.)
 */
export function frontMatterSlotsKept(spec: ParsedSpec, template: TemplateModel, findings: FindingDraft[]): void {
  const own = spec.frontMatter;
  const theirs = template.spec.frontMatter;
  if (own === null || theirs === null) return;
  const slots = new Map<string, string>();
  // (Quoted or not, on either side, a slot is the same text: MADR 4 quotes some of its values.)
  for (const { key, value } of keyLines(template.spec.source, theirs.yamlSpan)) if (FRONT_MATTER_SLOT.test(unquoted(value))) slots.set(key, unquoted(value));
  // (And the items of its block lists, Filecoin's `spec-sections:` then `  - <section-id>`.)
  const itemSlots = new Map<string, Set<string>>();
  for (const { key, value } of listItemLines(template.spec.source, theirs.yamlSpan)) {
    if (!FRONT_MATTER_SLOT.test(unquoted(value))) continue;
    const set = itemSlots.get(key) ?? new Set<string>();
    set.add(unquoted(value));
    itemSlots.set(key, set);
  }
  if (slots.size === 0 && itemSlots.size === 0) return;
  const index = lineIndexOf(spec);
  if (itemSlots.size > 0) {
    for (const { key, value, valueAt } of listItemLines(spec.source, own.yamlSpan)) {
      const text = unquoted(value);
      if (itemSlots.get(key)?.has(text) !== true || FRONT_MATTER_STUB.test(value)) continue;
      const at = valueAt + (text.length === value.length ? 0 : 1);
      findings.push({ ...index.span(at, at + text.length), message: `the template's slot ${JSON.stringify(text)} is still in the front matter's \`${key}\`: write its value` });
    }
  }
  for (const { key, value, valueAt } of keyLines(spec.source, own.yamlSpan)) {
    const text = unquoted(value);
    if (slots.get(key) !== text || FRONT_MATTER_STUB.test(value)) continue;
    // (One to fill once the spec is accepted, SIMD's `feature: (fill in with feature tracking issues once accepted)`,
    // is no blank before then: not reported until the spec's status says it is.)
    if (ONCE_ACCEPTED.test(text) && !ACCEPTED_OR_LATER.test(specStatus(spec) ?? '')) continue;
    const at = valueAt + (text.length === value.length ? 0 : 1);
    findings.push({ ...index.span(at, at + text.length), message: `the template's slot ${JSON.stringify(text)} is still the front matter's \`${key}\`: write its value` });
  }
}

// A slot to fill once the spec is accepted (or approved, merged, implemented).
const ONCE_ACCEPTED = /\b(?:once|when|after)\s+(?:(?:it|the\s+\w+)\s+is\s+)?(?:accepted|approved|merged|implemented|finali[sz]ed)\b/i;
// A status at or past acceptance.
const ACCEPTED_OR_LATER = /^(?:accepted|approved|implementable|implemented|activated|active|final|stable|merged|done|completed?|published|ratified|living)\b/i;

/** A value as written without the quotes around it, if any (`"{list everyone}"` is `{list everyone}`). */
function unquoted(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

/**
 * The front matter values of a spec that are to-do words or slots (see
 * {@link FRONT_MATTER_STUB}), one finding each; not `status`, which the
 * frontmatter rule judges against the project's statuses (a project may
 * have a `TODO` status), nor `tags`, whose words are the project's.
 */
export function frontMatterStubs(spec: ParsedSpec, statuses: readonly string[], findings: FindingDraft[]): void {
  const own = spec.frontMatter;
  if (own === null) return;
  const index = lineIndexOf(spec);
  // (A block list's items too: Argo CD's `reviewers:` then `  - TBD`.)
  for (const { key, value, valueAt, item } of [...keyLines(spec.source, own.yamlSpan), ...listItemLines(spec.source, own.yamlSpan)]) {
    if (key === 'status' || key === 'tags' || key === 'labels' || statuses.includes(value)) continue;
    const stub = FRONT_MATTER_STUB.exec(value);
    if (stub === null) continue;
    const at = valueAt + value.indexOf(stub[2]!);
    findings.push({ ...index.span(at, at + stub[2]!.length), message: item === true ? `the front matter's \`${key}\` still lists "${stub[2]}": write its value` : `the front matter's \`${key}\` is still "${stub[2]}": write its value` });
  }
}
