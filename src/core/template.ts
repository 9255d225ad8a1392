import { editDistanceAtMost, nearestWord, swapsTwoLetters } from './edit-distance.js';
import { SpecfillError } from './errors.js';
import { parseSpec } from './parse-spec.js';
import type { ParsedSpec } from './spec-types.js';
import { keyLocation, writtenValue } from './front-matter-key.js';
import { flattenSections } from './match-sections.js';
import { idAfterRenames } from './section-renames.js';
import { standInTitleAt } from './stand-in-titles.js';
import { buildTemplateModel, type TemplateModel } from './template-model.js';

/** A template: a Markdown file whose headings define sections and whose guidance says what to write. */
export interface Template {
  /** Id used in `template:` front matter and on the command line. */
  readonly id: string;
  readonly name: string;
  /** Version, `1` unless the template's front matter says otherwise. */
  readonly version: string;
  readonly description: string;
  /** `built-in` (shipped with specfill) or `project` (from the project's template folder). */
  readonly origin: 'built-in' | 'project';
  /** Where it was read from, for messages. */
  readonly path: string;
  /** The template parsed: its sections and placeholders. */
  readonly spec: ParsedSpec;
  /** The template text after its own front matter: what a new spec starts from. */
  readonly body: string;
  /** Its sections and their guidance, as `check` and `status` compare specs with them. */
  readonly model: TemplateModel;
  /**
   * Sections renamed since earlier versions, old id → new id (front matter
   * `renamed`), so that `sync` renames them in specs instead of adding new ones.
   */
  readonly renamed: Readonly<Record<string, string>>;
  /** The template this one extends (front matter `extends`), resolved; null for a template written out in full. */
  readonly extends: string | null;
  /** Section id → the template whose text it has (for `templates show`); empty for a template without `extends`. */
  readonly layers: Readonly<Record<string, string>>;
  /**
   * Lines (1-based) where the template's file closes a comment with `<!--`
   * instead of `-->`, over headings it would hide: read as `-->` (see
   * {@link closeMistypedComments}); `templates show` says so. None when absent.
   */
  readonly mistypedClosers?: readonly number[];
}

/** Where a template's text came from. */
export interface TemplateOrigin {
  /** File name, for the default id (`tech-spec.md` → `tech-spec`). */
  readonly fileName: string;
  readonly origin: 'built-in' | 'project';
  readonly path: string;
}

const ID = /^[a-z0-9][a-z0-9._-]*$/i;

/** The front matter keys a template's metadata is read from; other keys are the template's own business. */
export const TEMPLATE_KEYS: readonly string[] = ['id', 'name', 'version', 'description', 'optional', 'fixed', 'renamed', 'extends', 'remove', 'rename'];

/**
 * Whether a key of a template's front matter is one of specfill's template
 * keys ({@link TEMPLATE_KEYS}) as it is set there: an `extends` of words with
 * spaces between is no template's id but a sample of the specs' own key
 * (SIMD's `extends: (optional - fill this in if the SIMD extends the design of
 * a previous SIMD)`: every SIMD failed to check, its template's base "unknown").
 */
export function isTemplateKey(key: string, value: unknown): boolean {
  return TEMPLATE_KEYS.includes(key) && !(key === 'extends' && typeof value === 'string' && /\s/.test(value.trim()));
}

/** Whether a value has the shape a template key takes: text (or a number) for its names, a list of section ids, a mapping of renames. */
function fitsKey(key: string, value: unknown): boolean {
  if (key === 'optional' || key === 'fixed' || key === 'remove') return Array.isArray(value);
  if (key === 'renamed' || key === 'rename') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === 'string' || typeof value === 'number';
}

/**
 * Refuses a front matter key that is a slip for a template key (`versoin`,
 * `extend`, `Optional`): it would be taken for a key of the template's own,
 * and the version, base or optional sections it means silently ignored.
 * Only a near slip counts (one letter, two swapped, another case), so that a
 * process's own keys (`stage`, `date`, `teams`) stay its own.
 */
function misspeltKeyProblem(data: Readonly<Record<string, unknown>>, at: (key: string) => ReturnType<typeof keyLocation>): void {
  // Front matter of capitalised keys is a sample of the specs' own (NEAR's `NEP:`, `Title:`, `Status:`, `Version: 1.0.0`):
  // its capitalised keys are theirs, none a slip for a template key, which specfill writes in lower case.
  // (Capitalised keys that are no template key in lower case, two or more: `NEP`, `Title`; not `Name`, `Version`, `Optional` alone,
  // which mean the template's own and are said so: review.)
  const sample = Object.keys(data).filter((key) => /^[A-Z]/.test(key) && !TEMPLATE_KEYS.includes(key.toLowerCase())).length >= 2;
  for (const key of Object.keys(data)) {
    if (TEMPLATE_KEYS.includes(key) || (sample && /^[A-Z]/.test(key))) continue;
    // Only where the key it would be is not there too, and its value has that key's shape.
    const meant = TEMPLATE_KEYS.find((known) => !Object.hasOwn(data, known) && isSlipFor(key, known) && fitsKey(known, data[key]));
    if (meant !== undefined) {
      throw new SpecfillError('INVALID_TEMPLATE', `front matter \`${key}\` is no template key: did you mean \`${meant}\`?`, at(key),
        `write \`${meant}:\` (template keys: ${TEMPLATE_KEYS.join(', ')}; other keys are left alone)`);
    }
  }
}

function isSlipFor(word: string, known: string): boolean {
  const w = word.toLowerCase();
  if (w === known) return true;
  // A template key's other forms are words of their own (`versions`, `names`, `removed`, `fixes`).
  if ([`${known}s`, `${known}es`, `${known}d`, `${known}ed`].includes(w) || (known.endsWith('d') && w === `${known.slice(0, -1)}s`)) return false;
  if (Math.abs(w.length - known.length) > 1 || known.length < 4) return false;
  return editDistanceAtMost(w, known, 1) <= 1 || swapsTwoLetters(w, known);
}

const templateIds = new WeakMap<SpecfillError, string>();

/**
 * The id of the template an error of {@link templateFromSource} is about, when
 * its front matter was read that far (`id: bar` in `foo.md`): the id a spec
 * names it by, under which the registry keeps the error.
 */
export function templateIdOf(error: SpecfillError): string | undefined {
  return templateIds.get(error);
}

// A line of a template's front matter that sets one of specfill's keys.
const SETTING_KEY = /^(?:id|name|version|description|extends|optional|fixed|renamed|remove|rename)[ \t]*:/m;

/**
 * A template's id from its file (or folder) name: the name itself when it is
 * one, else the name with what an id cannot hold taken out (GitLab's
 * `_template.md` is `template`, `my template.md` is `my-template`): the file is
 * the project's, named as it likes, and a check must not stop at its name.
 * A name with nothing left is kept, and refused with a hint.
 */
function idFromName(name: string): string {
  if (ID.test(name)) return name;
  const cleaned = name.replace(/[^a-z0-9._-]+/gi, '-').replace(/^[^a-z0-9]+/i, '');
  return cleaned === '' ? name : cleaned;
}

/**
 * Reads a template's metadata from its optional front matter (`id`, `name`,
 * `version`, `description`), defaulting to its file name, and parses it.
 */
export function templateFromSource(source: string, from: TemplateOrigin): Template {
  const closers = closeMistypedComments(source);
  const spec = parseSpec(closers.source);
  const fm = spec.frontMatter;
  // Front matter that is no YAML and names none of specfill's keys is a sample of the specs' own
  // (MADR 3's `status: {proposed | rejected | accepted | …}`), not settings: read as none.
  const sample = fm?.error != null && !SETTING_KEY.test(spec.source.slice(fm.yamlSpan.start, fm.yamlSpan.end));
  if (fm?.error && !sample) {
    throw new SpecfillError('INVALID_TEMPLATE', fm.error.message, { path: from.path, line: fm.error.line, column: fm.error.column });
  }
  const given = sample ? {} : fm?.data ?? {};
  // (A sample `extends` of the specs' own is theirs to fill: no base of the template's.)
  const data = isTemplateKey('extends', given.extends) || given.extends === undefined ? given : Object.fromEntries(Object.entries(given).filter(([key]) => key !== 'extends'));
  const fallbackId = idFromName(from.fileName.replace(/\.(?:md|markdown)(?:\.(?:template|tmpl|tpl))?$/i, ''));
  const at = (key: string): ReturnType<typeof keyLocation> => keyLocation(spec, from.path, key);
  const field = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    throw new SpecfillError('INVALID_TEMPLATE', `front matter \`${key}\` must be a string`, at(key));
  };
  const id = field('id') ?? fallbackId;
  if (!ID.test(id)) {
    // A README.md or index.md is named by its folder.
    const named = /(?:^|[\\/])(?:readme|index)\.md$/i.test(from.path ?? '') ? 'folder' : 'file';
    throw new SpecfillError('INVALID_TEMPLATE', `template id \`${id}\` must start with a letter or digit, then letters, digits, '.', '_' or '-'`, data.id === undefined ? { path: from.path } : at('id'),
      data.id === undefined ? `rename the ${named}, or set \`id:\` in its front matter` : 'set `id:` in its front matter to a name of letters, digits, \'.\', \'_\' or \'-\', starting with a letter or digit');
  }
  // Known by its id from here on: a spec that names it gets the error, whatever the file is called.
  try {
    misspeltKeyProblem(data, at);
    const optional = data.optional;
    if (optional !== undefined && !(Array.isArray(optional) && optional.every((o) => typeof o === 'string'))) {
      throw new SpecfillError('INVALID_TEMPLATE', 'front matter `optional` must be a list of section ids', at('optional'));
    }
    const fixed = data.fixed;
    if (fixed !== undefined && !(Array.isArray(fixed) && fixed.every((o) => typeof o === 'string'))) {
      throw new SpecfillError('INVALID_TEMPLATE', 'front matter `fixed` must be a list of section ids', at('fixed'),
        'e.g. fixed: [copyright], for sections whose text every spec keeps as the template writes it');
    }
    const renamed = data.renamed ?? {};
    if (typeof renamed !== 'object' || renamed === null || Array.isArray(renamed) || !Object.values(renamed).every((v) => typeof v === 'string')) {
      throw new SpecfillError('INVALID_TEMPLATE', 'front matter `renamed` must map old section ids to new ones', at('renamed'),
        'e.g. renamed: { monitoring-and-logging: observability }');
    }
    // A rename must lead to a section the template has: a typo would make `sync` add a second copy.
    if (data.extends === undefined) renameProblem(Object.keys(renamed), renamed as Record<string, string>, new Set(flattenSections(spec.sections).map((s) => s.id)), at('renamed'));
    // A broken placeholder would be copied into every spec made from the template, and
    // one never closed hides the sections after it, so that no spec would be asked for them.
    const broken = spec.malformed[0];
    if (broken !== undefined) {
      throw new SpecfillError('INVALID_TEMPLATE', broken.message, { path: from.path, line: broken.line, column: broken.column });
    }
    // A number as written: YAML reads `version: 1.10` as 1.1, and versions compare dot by dot.
    const version = typeof data.version === 'number' ? writtenValue(spec, 'version') ?? String(data.version) : field('version') ?? '1';
    // Numbers dot by dot (`2`, `1.10`), or a name of the template's own kind (`v2`, `2024-05`): a negative number, or one
    // with spaces or marks around it, is none (qa: `version: -1` "moved" specs at 1 to it).
    if (!/^[A-Za-z0-9][\w.+-]*$/.test(version)) {
      throw new SpecfillError('INVALID_TEMPLATE', `front matter \`version: ${version}\` is no version: write a number, numbers joined by dots (\`2\`, \`1.10\`), or a name such as \`v2\``, at('version'));
    }
    // Built when first asked for: a project's run reads every template (the built-in ones too) and
    // most use one or two (another's model cost a one-file check a few milliseconds, cold).
    let built: TemplateModel | undefined;
    const model = (): TemplateModel => (built ??= buildTemplateModel(spec, `${id}@${version}`, (optional as string[] | undefined) ?? [], renamed as Record<string, string>, (fixed as string[] | undefined) ?? []));
    // A template that extends another may name the sections it takes from its base; those are known once it is resolved.
    for (const [key, list] of [['optional', optional], ['fixed', fixed]] as const) {
      const unknown = data.extends === undefined && list !== undefined ? unknownOptional(list as string[], model()) : [];
      if (unknown.length > 0) {
        const words = unknownOptionalWords(unknown, model());
        throw new SpecfillError('INVALID_TEMPLATE', `front matter \`${key}\` names ${words.names}, which ${unknown.length === 1 ? 'is no section' : 'are no sections'} of this template`, at(key),
          words.hint);
      }
    }
    return {
      id,
      name: field('name') ?? nameFromTitle(spec.title?.text, id),
      version,
      // (A sample of the specs' own front matter is no description of the template: an EIP's `description: <Description is one full (short) sentence>`.)
      description: sampleValue(field('description')) ? '' : field('description') ?? '',
      origin: from.origin,
      path: from.path,
      spec,
      body: fm === null ? spec.source.slice(spec.format.bom ? 1 : 0) : spec.source.slice(fm.span.end),
      get model() {
        return model();
      },
      renamed: renamed as Record<string, string>,
      extends: null,
      layers: {},
      ...(closers.lines.length > 0 ? { mistypedClosers: closers.lines } : {}),
    };
  } catch (error) {
    if (error instanceof SpecfillError) templateIds.set(error, id);
    throw error;
  }
}

/** Whether a front matter value is a slot for the specs to fill (`<…>`, `{…}`, `[…]`), not the template's own. */
function sampleValue(value: string | undefined): boolean {
  return value !== undefined && /^(?:<[^<>]*>|\{[^{}]*\}|\[[^[\]]*\])$/.test(value.trim());
}

/** Splits a `template:` reference `id` or `id@version`. */
export function parseTemplateRef(ref: string): { id: string; version: string | null } {
  const at = ref.lastIndexOf('@');
  if (at <= 0) return { id: ref.trim(), version: null };
  // `tech-spec@` names no version.
  const version = ref.slice(at + 1).trim();
  return { id: ref.slice(0, at).trim(), version: version === '' ? null : version };
}

/**
 * How two versions compare: numbers dot by dot (`1.9` before `1.10`; `1`,
 * `01` and `1.0` are one version), or, when either is not made of numbers,
 * equal only as the same text (null: no order known).
 */
function compareTemplateVersions(a: string, b: string): number | null {
  if (a === b) return 0;
  const x = versionNumbers(a);
  const y = versionNumbers(b);
  if (x === null || y === null) return null;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * Where a version a spec recorded stands against its template's: the same,
 * older (or another of the template's own kind: `v1` for `v2`, a date),
 * newer (one the template has not reached), or a typo (the template numbers
 * its versions and this is no number: `svc@x` for svc at 2). `sync` mends
 * only `older`.
 */
export function versionStanding(recorded: string, current: string): 'same' | 'older' | 'newer' | 'typo' {
  const order = compareTemplateVersions(recorded, current);
  if (order === 0) return 'same';
  if (order === 1) return 'newer';
  return order === null && versionNumbers(current) !== null && versionNumbers(recorded) === null ? 'typo' : 'older';
}

function versionNumbers(v: string): number[] | null {
  return /^\d+(?:\.\d+)*$/.test(v) ? v.split('.').map(Number) : null;
}

/**
 * The words for ids an `optional:` list names that are no section of the
 * template: each with the section meant when one is plain to see (`glossary`
 * for `## 9. Glossary` is `9-glossary`; a typo its nearest id), and a hint
 * listing the template's ids, since `templates show` cannot show a template
 * that is refused.
 */
export function unknownOptionalWords(unknown: readonly string[], model: TemplateModel): { names: string; hint: string } {
  const ids = model.sections.map((s) => s.id);
  const meant = (id: string): string | undefined => {
    const cut = id.lastIndexOf('/');
    const parent = cut === -1 ? null : id.slice(0, cut);
    const last = id.slice(cut + 1);
    const same = model.sections.find((s) => (s.parentId ?? null) === parent && [s.bareSlug, s.unmarkedHeadingSlug, s.bareUnmarkedSlug].includes(last));
    return same?.id ?? nearestWord(id, ids);
  };
  const names = unknown.map((o) => {
    const m = meant(o);
    return m === undefined ? `\`${o}\`` : `\`${o}\` (did you mean \`${m}\`?)`;
  }).join(', ');
  const shown = ids.slice(0, 12).join(', ') + (ids.length > 12 ? `, … (${ids.length} in all)` : '');
  return { names, hint: `its section ids: ${shown}; \`title\` is the part under the title` };
}

/**
 * The ids an `optional:` (or `fixed:`) list names that are no section of a template's
 * model: not a section's id, nor its id without the "(Optional)" marks of its
 * path (`user-stories` for "User Stories (Optional)"), nor `title`.
 */
export function unknownOptional(declared: readonly string[], model: TemplateModel): string[] {
  const ids = new Set(['title', ...model.sections.flatMap((s) => (s.unmarkedId === null ? [s.id] : [s.id, s.unmarkedId]))]);
  return declared.filter((id) => !ids.has(id));
}

/**
 * Throws, at `where`, when one of the renames declared under `keys` goes
 * round in a circle or leads, through any chain of `renamed` (the template's
 * own and those it inherits), to no section of the template
 * (`renamed: {monitoring: observabilty}`).
 */
export function renameProblem(keys: readonly string[], renamed: Readonly<Record<string, string>>, ids: ReadonlySet<string>, where: { path?: string; line?: number; column?: number }): void {
  for (const old of keys) {
    const seen = new Set<string>([old]);
    for (let id = renamed[old]; id !== undefined; id = renamed[id]) {
      if (seen.has(id)) throw new SpecfillError('INVALID_TEMPLATE', `front matter \`renamed\` goes round in a circle through ${[...seen, id].map((x) => `\`${x}\``).join(' → ')}`, where, 'keep each rename once, from the old id to the newest');
      seen.add(id);
    }
    const target = idAfterRenames(old, renamed);
    if (!ids.has(target)) {
      throw new SpecfillError('INVALID_TEMPLATE', `front matter \`renamed\` renames \`${old}\` to \`${target}\`, which is no section of this template`, where,
        'write the new id as `templates show` lists it');
    }
  }
}

/**
 * A template's name from its title heading: the title, but not one that is
 * all a stand-in for the spec's own (Nygard's `# Title`, MADR's `# {short
 * title, …}`): the id then. (One with a label before its stand-in, `#
 * KEP-NNNN: Your short, descriptive title`, says what the template is.)
 */
function nameFromTitle(title: string | undefined, id: string): string {
  return title === undefined || standInTitleAt(title) === 0 ? id : title;
}

/**
 * A template's source with each comment that a line of `<!--` alone "closes"
 * (a slip for `-->`) closed there, when the comment would otherwise run on
 * over a heading line to a later comment's `-->` (KubeVirt's VEP template: its
 * Non Goals comment ends in `<!--`, which hid `## Definition of Users`, so no
 * spec was asked for it and every one that wrote it was told to nest it). The
 * lines so read, 1-based; the source as it is when there are none.
 */
export function closeMistypedComments(source: string): { source: string; lines: number[] } {
  if (source.indexOf('<!--') === -1) return { source, lines: [] };
  const lines = source.split(/(?<=\n)/);
  // Whether a heading line comes after each line before any `-->` does (made once, from the end: linear).
  const headingAhead = new Array<boolean>(lines.length);
  let ahead = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    headingAhead[i] = ahead;
    if (lines[i]!.includes('-->')) ahead = false;
    if (HEADING_LINE.test(lines[i]!)) ahead = true;
  }
  const fixed: number[] = [];
  let open = false;
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!open) {
      // (Not in a fenced code block, which shows a comment's marks as they are.)
      const marks = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence !== null) {
        if (marks !== undefined && marks[0] === fence[0] && marks.length >= fence.length) fence = null;
        continue;
      }
      if (marks !== undefined) {
        fence = marks;
        continue;
      }
      const start = line.lastIndexOf('<!--');
      open = start !== -1 && line.indexOf('-->', start + 4) === -1;
      continue;
    }
    if (line.includes('-->')) {
      open = false;
    } else if (MISTYPED_CLOSER.test(line) && headingAhead[i]) {
      lines[i] = line.replace('<!--', '-->');
      fixed.push(i + 1);
      open = false;
    }
  }
  return fixed.length === 0 ? { source, lines: [] } : { source: lines.join(''), lines: fixed };
}

// An ATX heading line; a line of `<!--` alone.
const HEADING_LINE = /^[ \t]{0,3}#{1,6}(?:[ \t]|\r?\n|$)/;
const MISTYPED_CLOSER = /^[ \t]*<!--[ \t]*(?:\r?\n|\r)?$/;
