import { DEFAULT_STATUSES } from '../default-statuses.js';
import { nearestWord } from '../edit-distance.js';
import { keyPosition } from '../front-matter-key.js';
import { keyLines } from './front-matter-slots.js';
import { invisibleBeforeFrontMatter, lateFrontMatterLine, misplacedFrontMatter } from '../misplaced-front-matter.js';
import type { ParsedSpec, Position } from '../spec-types.js';
import { isTemplateKey } from '../template.js';
import type { CheckRule, FindingDraft } from './types.js';
import { headOf } from '../clip-text.js';

/**
 * The front matter of a spec: readable YAML, a `status` among the configured
 * statuses, a `title`, and a `template` unless the config maps the spec to one,
 * naming a template that exists. A document without front matter
 * (an existing RFC or KEP matched to a template by the config) is left alone,
 * unless it opens front matter that it never closes.
 */
export const frontmatter: CheckRule = {
  id: 'frontmatter',
  defaultSeverity: 'error',
  description: 'Front matter is invalid YAML, lacks title or template, names an unknown template, or has an unknown status.',
  options: { required: { kind: 'keys', description: 'the keys front matter must have, in place of title and template (template only where the config maps no template); [] for none' } },
  check: ({ spec, statuses, template, templateProblem, options }) => {
    const fm = spec.frontMatter;
    const firstLine: Position = { line: 1, column: 1, endLine: 1, endColumn: 4 };
    if (fm === null) {
      if (opensUnclosedFrontMatter(spec.source)) {
        return [{ ...firstLine, message: 'front matter is never closed: add a line `---` after its last key (until then its lines are Markdown, and its title, template and status are not read)' }];
      }
      // TOML front matter (Hugo's `+++`) that sets specfill's keys: none of it is read.
      if (tomlFrontMatterSetsKeys(spec.source)) {
        return [{ ...firstLine, message: 'front matter in TOML (between `+++` lines) is not read: specfill reads YAML front matter between `---` lines, so its template and status are not read; write it as YAML (`template: …`, `status: …`)' }];
      }
      // Behind a character that shows nothing (a second byte order mark, a zero-width space pasted in): as lost, and unseen.
      const invisible = invisibleBeforeFrontMatter(spec.source);
      if (invisible !== null) {
        const names = [...new Set([...invisible].map(invisibleName))].join(', ');
        return [{ ...firstLine, endColumn: 1 + invisible.length,
          message: `front matter must open the file: its \`---\` comes after ${names}, which the page does not show, so its lines are Markdown, and its title, template and status are not read; delete ${invisible.length === 1 ? 'that character' : 'those characters'}` }];
      }
      const late = lateFrontMatterLine(spec.source);
      if (late !== null) {
        return [{
          line: late.line, column: 1, endLine: late.line, endColumn: 4,
          message: `front matter must start on the first line of the file: after the ${late.after} above it, its lines are Markdown, and its title, template and status are not read; move it to the top (a comment such as a licence header can go below it)`,
        }];
      }
      // After a model's preamble, or inside a code block: the spec would pass unchecked by its template.
      const misplaced = misplacedFrontMatter(spec.source);
      if (misplaced === null) return [];
      // (Matched to a template by the config, it is still checked against that one.)
      const unread = template === null ? 'its title, template and status are not read, and the spec is checked without its template' : 'its title, template and status are not read';
      return [{
        line: misplaced.line, column: 1, endLine: misplaced.line, endColumn: 4,
        message: misplaced.indented === true
          ? `front matter is indented four spaces or more, which makes it an indented code block: ${unread}; remove the indentation (of the whole document, if it is all indented) so that this \`---\` starts the file's first line`
          : misplaced.yamlBlock === true
          ? `front matter is written as a YAML code block, so it is code: ${unread}; replace its fence lines with lines of \`---\`, at the top of the file`
          : misplaced.fenceLine !== null
          ? `front matter is inside the code block opened on line ${misplaced.fenceLine}, so it is code: ${unread}; take the document out of the code block (delete its fence lines${
            // (And the text above the fence, a model's "Sure! Here is the spec:": else the next run says that.)
            misplaced.preamble !== null && misplaced.preamble.line < misplaced.fenceLine ? `, and the text above it, on line ${misplaced.preamble.line} (${quoteStart(misplaced.preamble.text)})` : ''}) so that this \`---\` is the file's first line`
          : `front matter must start on the first line of the file: after the text on line ${misplaced.preamble!.line} (${quoteStart(misplaced.preamble!.text)}), its lines are Markdown: ${unread}; delete that text, or move it below the front matter`,
      }];
    }
    if (fm.error !== null) {
      const { line, column } = fm.error;
      // Its `template:` cannot be read either: the template's rules wait for the fix, and the message says so.
      const unchecked = template === null && /^[ \t]*template[ \t]*:/m.test(spec.source.slice(fm.yamlSpan.start, fm.yamlSpan.end))
        ? ' (until it is fixed, its `template:` is not read and the spec is checked without its template)' : '';
      return [{ line, column, endLine: line, endColumn: column + 1, message: `${fm.error.message}${unchecked}` }];
    }
    const data = fm.data ?? {};
    const findings: FindingDraft[] = [];
    const required: readonly string[] = Array.isArray(options.required) ? options.required.map(String) : DEFAULT_REQUIRED;
    for (const key of required) {
      // A spec matched to its template by the config need not name it; one it names as no text (`template: [mini]`,
      // `template: 5`) is still a mistake: the config's template is used, not the one the author meant.
      // (Nor one over several lines, `template: |`: it names no template, whatever the first line says.)
      if (key === 'template' && template !== null && (data.template == null || (typeof data.template === 'string' && !/[\r\n]/.test(data.template.trim())))) continue;
      const value = data[key];
      // Nor a title by default where the spec's front matter follows its template's, which has none (spec-kit's
      // `tasks.md`, `description:` only, kept as the spec's). A template's own metadata (`id`, `version`) is no
      // sample of its specs': one with `status:` of its own owes a title (blind QA). (`template:` names the template, as the config's mapping does.)
      const theirs = template === null ? undefined : sampleKeys(template.spec);
      // (A key or two of the spec's that the template lacks, from a later version of it — NixOS RFCs' `shepherd-leader:` —
      // leave it following the template's sample: most of its keys are the sample's.)
      if (key === 'title' && value === undefined && options.required === undefined && theirs != null && !('title' in theirs)
        && followsSample(Object.keys(data).filter((k) => k !== 'template'), theirs)) continue;
      const at = keyPosition(spec, key) ?? firstLine;
      if (value === undefined) {
        // `Title:` (a PEP's header) is another key: keys are read as written.
        const cased = Object.keys(data).find((k) => k !== key && k.toLowerCase() === key.toLowerCase());
        // Many templates keep the title in the `#` heading and no `title:` (MADR, Ember's RFCs): the option says so.
        const ownHeading = key === 'title' && options.required === undefined && spec.title !== null
          ? ", or, if your specs keep their title in the `#` heading, set this rule's `required` option in the config to the keys to ask for instead (e.g. `required: [template]`)" : '';
        findings.push(cased === undefined
          ? { ...at, message: `front matter has no \`${key}\`: add \`${key}: ...\`${ownHeading}` }
          : { ...(keyPosition(spec, cased) ?? at), message: `front matter has no \`${key}\`: keys are read as written, so \`${cased}:\` is another key; write \`${key}:\`` });
      } else if (value === null || (typeof value === 'string' && value.trim() === '')) {
        // `title:` with nothing after it is YAML's null: the key is there, empty.
        findings.push({ ...at, message: `front matter \`${key}\` is empty: write ${key === 'title' ? "the spec's title" : key === 'template' ? 'the id of its template' : 'its value'} after \`${key}:\`` });
      } else if (!TEXT_KEYS.has(key)) {
        // A key of the project's own (`owners`, `stage`) may hold anything but nothing.
        if ((Array.isArray(value) && value.length === 0) || (isMapping(value) && Object.keys(value).length === 0)) {
          findings.push({ ...at, message: `front matter \`${key}\` is empty: give it a value` });
        }
      } else if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') {
        // `template: [pep]`: quoting it would keep the brackets.
        findings.push({ ...at, message: `front matter \`${key}\` must be text, not a list: write \`${key}: ${value[0]}\`, without the brackets` });
      } else if (Array.isArray(value) || (typeof value === 'object' && !(value instanceof Date))) {
        // (YAML's `!!binary` reads as bytes, which are no mapping either.)
        const kind = Array.isArray(value) ? 'a list' : value instanceof Uint8Array ? 'binary data (`!!binary`)' : value instanceof Set ? 'a set (`!!set`)' : 'a mapping';
        findings.push({ ...at, message: `front matter \`${key}\` must be text, not ${kind}: write one line of text after \`${key}:\`` });
      } else if (typeof value !== 'string') {
        // `title: 42` is there, but is not text: quoting makes it text.
        findings.push({ ...at, message: `front matter \`${key}\` must be text, not the ${value instanceof Date ? 'date' : typeof value} ${value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value)}: put it in quotes` });
      } else if (/[\r\n]/.test(value.trim())) {
        // `title: |` over two lines: a title is shown on one line, and an id with a line break in it names no template.
        findings.push({ ...at, message: `front matter \`${key}\` runs over ${value.trim().split(/\r\n|\r|\n/).length} lines: write it on one line after \`${key}:\`` });
      }
    }
    // Whether or not the config maps the spec, a `template:` it writes is read.
    const written = data.template;
    if (typeof written === 'string' && /\S\s*@\s*$/.test(written)) {
      findings.push({ ...(keyPosition(spec, 'template') ?? firstLine), message: `front matter \`template: ${written.trim()}\` names no version after \`@\`: write \`${written.trim().slice(0, -1).trim()}\` or \`${written.trim()}N\`` });
    }
    if (templateProblem !== undefined) {
      findings.push({
        ...(keyPosition(spec, 'template') ?? firstLine),
        // A template file in the wrong folder is said so in the problem: then `template:` is not what to fix.
        message: templateProblem.includes(' is not read: ') ? `${templateProblem}; until then this spec is checked without a template` : `${templateProblem}; fix \`template:\` (until then this spec is checked without a template)`,
      });
    }
    const status = data.status;
    if (status !== undefined && (typeof status !== 'string' || !statuses.includes(status))) {
      findings.push({
        ...(keyPosition(spec, 'status') ?? firstLine),
        // `status:` with nothing after it is YAML's null: say it is empty, not "null".
        message: status === null || status === '' ? `front matter \`status\` is empty: use one of: ${statuses.join(', ')}, or remove the key`
          : `status ${JSON.stringify(status)} is not one of: ${statuses.join(', ')}${typeof status === 'string' ? `${statusMeant(status, statuses)}${ownStatuses(statuses)}` : ''}`,
      });
    }
    return findings;
  },
};

/** The keys front matter must have when the config's `required` option does not say. */
const DEFAULT_REQUIRED: readonly string[] = ['title', 'template'];

/**
 * Whether a spec's front matter keys follow its template's front matter as
 * a sample of its specs': all of them are the template's, or most are and
 * the template's has keys of the specs' own (not only its metadata, `id`,
 * `version`: a spec with `status:` of its own then owes a title).
 */
/**
 * A template's front matter as a spec's sample: its data, or, where it is no
 * YAML (Cardano's `CIP: ?`, `Title: ?`: a `?` there opens a YAML key), its
 * keys as its lines write them, each with its text.
 */
function sampleKeys(spec: ParsedSpec): Readonly<Record<string, unknown>> | null | undefined {
  const fm = spec.frontMatter;
  if (fm === null || fm.data !== null) return fm?.data;
  const keys: Record<string, unknown> = {};
  for (const { key, value } of keyLines(spec.source, fm.yamlSpan)) keys[key] = value;
  return keys;
}

function followsSample(keys: readonly string[], theirs: Readonly<Record<string, unknown>>): boolean {
  const shared = keys.filter((k) => k in theirs).length;
  if (shared === keys.length) return true;
  const sample = Object.keys(theirs).filter((k) => !isTemplateKey(k, theirs[k]));
  return sample.length > 0 && keys.some((k) => sample.includes(k)) && shared * 2 > keys.length;
}

/** Keys whose value must be one line of text. */
const TEXT_KEYS: ReadonlySet<string> = new Set(['title', 'template']);

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// A `---` line, then what can only be meant as a YAML key (`title: …`; keys
// are lower case, so a rule followed by "Note: …" is left alone).
const UNCLOSED_START = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)[a-z_][\w-]*[ \t]*:(?:[ \t]|\r|\n|$)/;

/**
 * Whether a document without front matter begins as if it had some: a `---`
 * line and a `key:` line, with no closing `---`. CommonMark then reads a
 * thematic break and a paragraph, and every key is silently lost.
 */
function opensUnclosedFrontMatter(source: string): boolean {
  return UNCLOSED_START.test(source);
}

/** A name for an invisible character, for a message. */
function invisibleName(c: string): string {
  switch (c) {
    case '\uFEFF': return 'a second byte order mark (U+FEFF)';
    case '\u00A0': return 'a no-break space (U+00A0)';
    case '\u2060': return 'a word joiner (U+2060)';
    default: return `a zero-width ${c === '\u200B' ? 'space' : c === '\u200C' ? 'non-joiner' : 'joiner'} (U+${c.charCodeAt(0).toString(16).toUpperCase()})`;
  }
}


/** ` (did you mean \`draft\`?)` for a status written in other case or with a slip (`Draft`, `in-reveiw`), else nothing. */
/** `; if it is …, list it under \`statuses\`` while the statuses are specfill's defaults: a project with its own (MADR's `accepted`) says so in its config. */
// (Said beside a near one too: every EIP writes `status: Draft`, its project's own statuses, not a slip for `draft`.)
function ownStatuses(statuses: readonly string[]): string {
  return statuses === DEFAULT_STATUSES ? "; if it is one of your project's statuses, list them under `statuses` in the config" : '';
}

function statusMeant(status: string, statuses: readonly string[]): string {
  const key = (s: string): string => s.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const wanted = key(status);
  // "In Review" for `review`, "in-progress" for `progress`: the state, with "in" before it.
  const near = statuses.find((s) => key(s) === wanted) ?? statuses.find((s) => `in-${key(s)}` === wanted) ?? nearestWord(status.trim(), statuses);
  return near === undefined ? '' : ` (did you mean \`${near}\`?)`;
}

/** The start of a line of text, quoted for a message. */
function quoteStart(text: string): string {
  return JSON.stringify(text.length > 60 ? `${headOf(text, 57)}…` : text);
}

/** Whether a file opens with TOML front matter (`+++` … `+++`) that sets `template` or `status`, specfill's own keys. */
function tomlFrontMatterSetsKeys(source: string): boolean {
  if (!source.startsWith('+++') && !source.startsWith('\uFEFF+++')) return false;
  // Its closing line found by a plain search: the block may be long.
  const close = /(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)/.exec(source.slice(3));
  return close !== null && /^[ \t]*(?:template|status)[ \t]*=/m.test(source.slice(3, 3 + close.index));
}
