import { lineIndexOf } from '../line-index.js';
import { isSpaceOrTabCode, trimSpaceTab, withoutAtxClosing } from '../markdown/block-patterns.js';
import { headingText } from '../markdown/heading-text.js';
import { bareSlug, slugify } from '../slug.js';
import { countAtMost } from '../sorted-search.js';
import type { Block, ParsedSpec, Position, Section, Span } from '../spec-types.js';
import type { TemplateModel, TemplateSection } from '../template-model.js';
import { headingPosition, quote, templateShown } from './locate.js';
import { sectionUnderOldName } from '../declared-renames.js';
import type { CheckRule, FindingDraft } from './types.js';
import { likelyRenames } from '../likely-renames.js';

// A template's sections are missing from many of its specs (every spec of a
// large project, in the worst case): each message is made once per template.
const messages = new WeakMap<TemplateModel, Map<string, string>>();

function messageFor(template: TemplateModel, t: TemplateSection): string {
  let byId = messages.get(template);
  if (byId === undefined) messages.set(template, (byId = new Map()));
  let message = byId.get(t.id);
  if (message === undefined) {
    message = `missing section ${quote(templateShown(t))} (${'#'.repeat(t.level)} ${t.text}) from template ${template.ref}`;
    byId.set(t.id, message);
  }
  return message;
}

/**
 * A section of the template whose heading is absent from the spec: one
 * finding per absent section, subsections included, placed where it belongs
 * (at the next template section that is there, or at the end). Sections the
 * template marks optional may be left out.
 */
export const missingSection: CheckRule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  description: 'A section of the template is missing from the spec.',
  check: ({ spec, template, matching }) => {
    if (template === null || matching === null) return [];
    const findings: FindingDraft[] = [];
    const sections = template.sections.filter((t) => t.id !== 'title');
    // The last block's last line, but never past the document's last line (an
    // unclosed comment at the end runs to the end of the text, line break included).
    let last: number | undefined;
    const lastLine = (): number => {
      if (last === undefined) {
        const block = spec.blocks[spec.blocks.length - 1];
        // Only a comment left open to the end, or no block at all (front matter
        // only), needs the document's own line count.
        last = block !== undefined && !(block.kind === 'html' && block.closed === false)
          ? block.endLine
          : Math.min(block?.endLine ?? Number.MAX_SAFE_INTEGER, lineIndexOf(spec).lineCount);
      }
      return last;
    };
    // For each template section, the next one (in template order) that the spec has.
    const nextPresent = new Array<Section | undefined>(sections.length);
    for (let i = sections.length - 2; i >= 0; i--) {
      nextPresent[i] = matching.byTemplateId.get(sections[i + 1]!.id) ?? nextPresent[i + 1];
    }
    // And the last one before it that the spec has.
    const previousPresent = new Array<Section | undefined>(sections.length);
    for (let i = 1; i < sections.length; i++) {
      previousPresent[i] = matching.byTemplateId.get(sections[i - 1]!.id) ?? previousPresent[i - 1];
    }
    let renames: ReadonlyMap<string, Section> | null = null;
    let hidden: Set<string> | null = null;
    let fenced: ReturnType<typeof headingsInUnclosedCode> | null = null;
    let commented: Map<string, InComment> | null = null;
    let asText: Map<string, WrittenAsText[]> | null = null;
    let boxed: Map<string, Boxed[]> | null = null;
    // A line of text stands for one missing section at most.
    const claimed = new Set<number>();
    sections.forEach((t, i) => {
      if (t.optional || matching.byTemplateId.has(t.id)) return;
      // A heading inside a placeholder that lost its `-->` is hidden by it:
      // malformed-placeholder reports that one cause.
      hidden ??= headingsHiddenByUnclosedPlaceholders(spec);
      if (hidden.has(t.headingSlug)) return;
      // One inside another comment that lost its `-->` is hidden by it too:
      // said so, on that line, with where the comment opens (and what closes it).
      commented ??= headingsInBrokenComments(spec);
      const inComment = commented.get(t.headingSlug);
      if (inComment !== undefined) {
        findings.push({ ...inComment.at, sectionId: t.id, section: t.path, message: `${messageFor(template, t)}: ${hiddenByComment(inComment)}` });
        return;
      }
      // One inside a code block that is never closed is code: said so, on that line.
      fenced ??= headingsInUnclosedCode(spec);
      const inCode = fenced.get(t.headingSlug);
      if (inCode !== undefined) {
        findings.push({ ...inCode.at, sectionId: t.id, section: t.path,
          message: `${messageFor(template, t)}: its heading is inside the code block opened on line ${inCode.openLine} that is never closed, so it is code, not a heading; close that code block where its code ends` });
        return;
      }
      const from = previousPresent[i]?.span.start ?? 0;
      const to = nextPresent[i]?.span.start ?? spec.source.length;
      // A heading inside a block quote, a list item or an HTML block (`> ### UX`,
      // `- ## Alternatives`, `<details>` with no blank line after it) opens no
      // section: said so, on that line, where the section belongs.
      boxed ??= headingsInContainers(spec);
      const inBox = [t.headingSlug, t.bareSlug].map((slug) => (slug === null ? undefined : boxed!.get(slug)?.find((w) => w.offset >= from && w.offset < to && !claimed.has(w.offset))))
        .find((w) => w !== undefined);
      if (inBox !== undefined) {
        claimed.add(inBox.offset);
        findings.push({ ...inBox.at, sectionId: t.id, section: t.path,
          // The template's level, as for a heading written as text: moved out at another depth, heading-level would report it next.
          message: `${messageFor(template, t)}: its heading is inside ${inBox.container}, so it opens no section; ${inBox.fix ?? `move it out: a ${'#'.repeat(t.level)} heading on a line of its own, ${inBox.out}`}` });
        return;
      }
      // A heading written as a line of text (a KEP's PRR question as a bold
      // bullet) is placed on that line, and said so.
      // Only where the section belongs: after the template section before it
      // that the spec has, before the next one (a `**Dependencies:**` lead-in
      // under References is not the missing Dependencies).
      if (asText === null) {
        // Read only the stretches where some missing section belongs.
        const stretches: Span[] = [];
        const missing: TemplateSection[] = [];
        sections.forEach((s, k) => {
          if (s.optional || matching.byTemplateId.has(s.id)) return;
          missing.push(s);
          stretches.push({ start: previousPresent[k]?.span.start ?? 0, end: nextPresent[k]?.span.start ?? spec.source.length });
        });
        asText = headingsWrittenAsText(spec, missing, stretches);
      }
      const lines = asText;
      const inPlace = (slug: string | null): WrittenAsText | undefined =>
        slug === null ? undefined : lines.get(slug)?.find((w) => w.offset >= from && w.offset < to && !claimed.has(w.offset));
      // The heading's own words first, then without its number (`1.2 Quality Goals` written `**Quality Goals:**`).
      const written = inPlace(t.headingSlug) ?? inPlace(t.bareSlug);
      if (written !== undefined) {
        claimed.add(written.offset);
        // In a quote or a nested list, a heading stays in it: it must come out.
        const where = written.contained ? ', outside the list or quote it is in' : '';
        findings.push({ ...written.at, sectionId: t.id, section: t.path,
          message: `${messageFor(template, t)}: its heading is written here as text, not as a heading; make it a ${'#'.repeat(t.level)} heading on a line of its own${where}` });
        return;
      }
      // A section the template declares renamed, still under its old heading (a spec of an earlier version): `sync` renames it.
      const old = sectionUnderOldName(matching, template, t.id);
      if (old !== undefined) {
        findings.push({ ...headingPosition(old.heading), sectionId: t.id, section: t.path,
          message: `${messageFor(template, t)}: the template renamed ${quote(old.heading.shown, 300)} to it; run \`specfill sync\` to rename the heading` });
        return;
      }
      // Most specs rename nothing; the search runs only where a section that is not the template's stands.
      if (renames === null) renames = matching.unmatched.size === 0 ? new Map() : likelyRenames(spec, template, matching);
      const renamed = renames.get(t.id);
      // Where it belongs: on the heading that seems to be it renamed, else at
      // the next template section there, else at the end.
      const next = nextPresent[i];
      const at: Position = renamed !== undefined ? headingPosition(renamed.heading)
        : next !== undefined ? headingPosition(next.heading) : { line: lastLine(), column: 1, endLine: lastLine(), endColumn: 1 };
      // A heading standing for several sections side by side seems to merge them.
      const merged = renamed === undefined ? [] : [...renames.entries()].filter(([id, s]) => s === renamed && id !== t.id).map(([id]) => id);
      const message = renamed === undefined
        ? messageFor(template, t)
        // No line number in the message: SARIF fingerprints hash it, and must
        // survive edits above. Both headings whole: they may differ at the end.
        : merged.length === 0
          ? `${messageFor(template, t)}; ${quote(renamed.heading.shown, 300)} is in its place: if that is this section renamed, restore its heading`
          : `${messageFor(template, t)}; ${quote(renamed.heading.shown, 300)} is in its place and seems to hold it with ${merged.map((id) => quote(templateShown(template.sections.find((x) => x.id === id)!), 300)).join(' and ')}: give each section its own heading`;
      findings.push({ line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, sectionId: t.id, section: t.path, message });
    });
    return findings;
  },
};

// A line that would be an ATX heading (a block quote's `>` allowed before it).
const ATX_LINE = /^([ \t>]*)(#{1,6})[ \t]+(.*)$/gm;

/** The text of an ATX heading line after its `#`s, without its closing sequence. */
function headingWords(rest: string): string {
  return trimSpaceTab(withoutAtxClosing(rest));
}

/**
 * The ATX headings written inside a fenced code block that runs to the end
 * of the document because its fence is never closed (a closing fence
 * indented too far, or deleted), by anchor, with their places.
 */
function headingsInUnclosedCode(spec: ParsedSpec): Map<string, { readonly at: Position; readonly openLine: number }> {
  const found = new Map<string, { readonly at: Position; readonly openLine: number }>();
  const last = spec.blocks[spec.blocks.length - 1];
  if (last === undefined || last.kind !== 'code' || last.variant !== 'fenced' || last.closed === true) return found;
  const lines = lineIndexOf(spec);
  const text = spec.source.slice(last.start, last.end);
  for (const h of text.matchAll(ATX_LINE)) {
    const slug = slugify(headingWords(h[3]!));
    if (found.has(slug)) continue;
    found.set(slug, { at: lines.span(last.start + h.index + h[1]!.length, last.start + h.index + h[0].trimEnd().length), openLine: last.line });
  }
  return found;
}

/** A heading hidden in an HTML comment that lost its `-->`: its place, and the lines of the comment's `<!--` and of the `-->` that closes it. */
interface InComment {
  readonly at: Position;
  readonly openLine: number;
  /** Null when nothing closes the comment. */
  readonly closeLine: number | null;
}

/**
 * The ATX headings written inside an HTML comment block whose own `-->` is
 * gone, by anchor, with their places: a comment never closed (it runs to the
 * end of the document), or one closed only by a later comment's `-->` (a
 * `<!--` before that `-->` says the `-->` is the later comment's). CommonMark
 * reads everything in between as one comment, so the headings are hidden
 * while the author still sees them. A comment closed by its own `-->` is
 * left alone: hiding a section may be what it is for.
 */
function headingsInBrokenComments(spec: ParsedSpec): Map<string, InComment> {
  const found = new Map<string, InComment>();
  const source = spec.source;
  let lines: ReturnType<typeof lineIndexOf> | undefined;
  for (const block of spec.blocks) {
    // A comment on one line hides no heading line.
    if (block.kind !== 'html' || block.htmlKind !== 2 || block.endLine === block.line) continue;
    let end = block.end;
    let closeLine: number | null = null;
    if (block.closed !== false) {
      // The block ends on the line of the first `-->` (`<!-->` is one already).
      const close = source.indexOf('-->', block.start + 2);
      if (close === -1 || close >= block.end) continue;
      const nested = source.slice(block.start + 4, close).indexOf('<!--');
      if (nested === -1) continue;
      // `<!--` and then a heading is sections commented out on purpose (KEPs
      // hide questions not due yet so), the guidance comments inside them
      // closing it early: hidden as meant, the plain finding.
      if (OPENS_WITH_HEADING.test(source.slice(block.start + 4, close))) continue;
      // What follows the later comment's `<!--` is that comment's, hidden anyway.
      end = block.start + 4 + nested;
      closeLine = block.endLine;
    }
    for (const h of source.slice(block.start, end).matchAll(ATX_LINE)) {
      const slug = slugify(headingWords(h[3]!));
      if (found.has(slug)) continue;
      lines ??= lineIndexOf(spec);
      const at = lines.span(block.start + h.index + h[1]!.length, block.start + h.index + h[0].trimEnd().length);
      found.set(slug, { at, openLine: block.line, closeLine });
    }
  }
  return found;
}

const OPENS_WITH_HEADING = /^[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*[ ]{0,3}#{1,6}(?:[ \t]|\r|\n|$)/;

/**
 * Why a heading inside a broken comment is no heading, and what to do. The
 * lines are the comment's, which the author must find: the heading's own
 * line is where the finding sits.
 */
function hiddenByComment(c: InComment): string {
  const closed = c.closeLine === null
    ? 'that is never closed'
    : `that is closed only by a later comment's \`-->\` on line ${c.closeLine}`;
  return `its heading is inside the HTML comment opened on line ${c.openLine} ${closed}, so it is hidden, not a heading; close that comment with \`-->\` where its own text ends`;
}

/** A heading that a container keeps from opening a section: where it starts, its place, what holds it and how to get it out. */
interface Boxed {
  readonly offset: number;
  readonly at: Position;
  /** `a block quote`, `a list item in a block quote`, `the HTML block that starts on line 12 (<details>)`. */
  readonly container: string;
  /** For a quote, a list item or a footnote: what taking it out means (`without the \`>\``); the fix itself names the template's level. */
  readonly out?: string;
  /** For an HTML block: the whole fix. */
  readonly fix?: string;
}

// The container marks written before a heading on its own line: `>`, a list marker, a footnote label.
const CONTAINER_MARK = /[ \t]*(?:(>)|([-+*]|\d{1,9}[.)])(?=[ \t]|$)|(\[\^[^\]]+\]:))/y;

/**
 * What holds a heading that is not top-level, read from the marks before it
 * on its line, innermost first (`> - ### X` is a list item in a block quote).
 * A heading on a continuation line shows no marks: a list item, the usual case.
 */
function holders(prefix: string): { container: string; out: string } {
  const names: string[] = [];
  const outs: string[] = [];
  CONTAINER_MARK.lastIndex = 0;
  for (let m = CONTAINER_MARK.exec(prefix); m !== null && m[0] !== ''; m = CONTAINER_MARK.exec(prefix)) {
    const [name, out] = m[1] !== undefined ? ['a block quote', 'without the `>`'] : m[2] !== undefined ? ['a list item', 'not in the list'] : ['a footnote', 'not in the footnote'];
    names.unshift(name);
    if (!outs.includes(out)) outs.push(out);
  }
  if (names.length === 0) return { container: 'a list item', out: 'not in the list' };
  return { container: names.join(' in '), out: outs.join(' and ') };
}

/**
 * The headings that open no section because something holds them, by anchor
 * (and by anchor without a section number), in document order: a heading in a
 * block quote, a list item or a footnote (CommonMark reads it, GitHub renders
 * it with an anchor, but it is the container's), and an ATX heading line inside
 * an HTML block that a blank line ends (kinds 6 and 7: `<details>` with no blank
 * line after it; Markdown is not read there until a blank line). Kinds 1 and 3–5
 * (`<pre>`, `<script>`, `<?…?>`, …) run to their closing tag whatever blank lines
 * they hold: a `#` line there is text meant as written (a shell comment), not a heading.
 */
function headingsInContainers(spec: ParsedSpec): Map<string, Boxed[]> {
  const found = new Map<string, Boxed[]>();
  const add = (keys: ReadonlyArray<string | null>, entry: Boxed): void => {
    for (const key of new Set(keys)) {
      if (key === null || key === '') continue;
      const list = found.get(key);
      if (list === undefined) found.set(key, [entry]);
      else list.push(entry);
    }
  };
  const source = spec.source;
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const h of spec.headings) {
    if (h.topLevel) continue;
    // `span.start` is the start of the heading's line, and its column counts from there (a BOM aside):
    // what lies between is the container marks.
    const prefix = source.slice(h.span.start, h.span.start + (h.span.start === 0 ? bom : 0) + h.column - 1);
    // Its anchor, as sections are matched (`- ### Data Model <!-- later -->` is `data-model`).
    add([h.slug, bareSlug(h.text)], { offset: h.span.start, at: headingPosition(h), ...holders(prefix) });
  }
  let lines: ReturnType<typeof lineIndexOf> | undefined;
  for (const block of spec.blocks) {
    if (block.kind !== 'html' || (block.htmlKind !== 6 && block.htmlKind !== 7) || block.endLine === block.line) continue;
    const text = source.slice(block.start, block.end);
    if (text.indexOf('#') === -1) continue;
    const tag = /^[ \t]*<\/?([A-Za-z][\w-]*)/.exec(text)?.[1];
    for (const m of text.matchAll(/^( {0,3})(#{1,6})[ \t]+(.*)$/gm)) {
      lines ??= lineIndexOf(spec);
      const start = block.start + m.index + m[1]!.length;
      const words = headingWords(m[3]!);
      add([slugify(words), bareSlug(words)], {
        offset: start, at: lines.span(start, block.start + m.index + m[0].trimEnd().length),
        container: `the HTML block that starts on line ${block.line}${tag === undefined ? '' : ` (\`<${tag}>\`)`}, where Markdown is not read`,
        fix: 'leave a blank line after the HTML tag that opens it (and one before the tag that closes it)',
      });
    }
  }
  return found;
}

/** A line of text that says a missing heading: where it starts, and its place for the finding. */
interface WrittenAsText {
  readonly offset: number;
  readonly at: Position;
  /** In a block quote, or in a list item nested in another (a top-level bullet's line is simply replaced). */
  readonly contained: boolean;
}

/**
 * The paragraphs (list items' included) that open with the words of the
 * heading of one of the `missing` template sections, by the section's
 * anchor and by its anchor without a section number (`bareSlug`), in
 * document order; a number before the paragraph's words is no part of them
 * either, as in heading matching: in emphasis (`**Question?**`, its answer after
 * it or below; the emphasis may wrap onto the next line, or never close), or
 * alone on a line that ends as a question or a lead-in does (`?`, `:`).
 * Most of a spec's paragraphs are neither, and are passed over at once.
 */
function headingsWrittenAsText(spec: ParsedSpec, missing: readonly TemplateSection[], stretches: readonly Span[]): Map<string, WrittenAsText[]> {
  const found = new Map<string, WrittenAsText[]>();
  if (missing.length === 0) return found;
  const wanted = new Set<string>();
  for (const t of missing) {
    wanted.add(t.headingSlug);
    if (t.bareSlug !== null) wanted.add(t.bareSlug);
  }
  // A line is made an anchor only when its first letters and digits are a missing heading's
  // (a section number before them skipped on both sides, so the bare anchors need no entry).
  const openings = new Set(missing.map((t) => opening(t.headingSlug, 0, t.headingSlug.length)));
  let longest = 0;
  for (const t of missing) longest = Math.max(longest, t.text.length);
  const source = spec.source;
  // Raw text runs longer than the words it shows (a link keeps its address).
  const limit = longest * 2 + 120;
  const blocks = spec.blocks;
  // Stretches in order, overlaps merged: each block is looked at once.
  const sorted = [...stretches].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const stretch of sorted) {
    k = Math.max(k, countAtMost(blocks, (b) => b.start, stretch.start - 1));
    for (; k < blocks.length && blocks[k]!.start < stretch.end; k++) {
      const block = blocks[k]!;
      const segments = block.segments;
      if (block.kind !== 'paragraph' || segments === undefined) continue;
      const start = segments[0]!;
      let from = start;
      let to = segments[1]!;
      // Where the finding ends: the emphasis's close, or the line's end.
      let end = to;
      if (isEmphasisMark(source.charCodeAt(from))) {
        let run = 1;
        while (run < 3 && source.charCodeAt(from + run) === source.charCodeAt(from)) run++;
        const mark = source.slice(from, from + run);
        let close = -1;
        let lineEnd = to;
        for (let k = 0; k < segments.length && close === -1 && segments[k]! - start <= limit; k += 2) {
          const at = source.indexOf(mark, k === 0 ? from + run : segments[k]!);
          if (at !== -1 && at + run <= segments[k + 1]!) {
            close = at;
            lineEnd = segments[k + 1]!;
          }
        }
        if (close - start > limit) continue;
        // Words after it on its line are an answer only after a question or a
        // lead-in (`**Why?** Because…`, `**Notes:** …`, `**Risks** — …`); else
        // the emphasis is a sentence's (`**Motivation** for this is…`).
        // (A hard break, `<br>` or a comment after it is no answer.)
        const after = close === -1 ? '' : source.slice(close + run, lineEnd);
        if (after.trim() !== '' && after.replace(BESIDE_LEAD_IN, '').trim() !== '') {
          let last = close;
          // Closing marks after the question (`?!`, `?"`, `?)`) aside.
          while (last > from + run && CLOSERS.includes(source[last - 1]!)) last--;
          if (!isQuestionOrColon(source.charCodeAt(last - 1)) && !/^[ \t]*[:\u2013\u2014-]/.test(after)) continue;
        }
        from += run;
        // Never closed (`**Question?` and the answer below): its first line.
        if (close !== -1) {
          to = close;
          end = close + run;
        } else if (to - start > limit) {
          continue;
        }
      } else {
        // A hard break (two spaces, a backslash) is not the line's last word.
        while (to > from && (isSpaceOrTabCode(source.charCodeAt(to - 1)) || source.charCodeAt(to - 1) === 0x5c)) to--;
        if (to - from > limit || !isQuestionOrColon(source.charCodeAt(to - 1))) continue;
      }
      if (!openings.has(opening(source, from, to))) continue;
      // The words as shown (a link as its text), a closing colon aside, without
      // the prefixes of the lines they wrap onto (`>`, a list's indent).
      const words = segmentsText(source, segments, from, to).replace(/[\s:]+$/, '').replace(/\s+/g, ' ').trim();
      const shown = /[[`*_<&\\]/.test(words) ? headingText(words, { definitions: spec.definitions, dropHtml: true }).trim() : words;
      const slug = slugify(shown);
      // Without a number or emoji before the words (`**1.2 Quality Goals:**`), as headings are matched.
      const bare = bareSlug(shown);
      const bySlug = wanted.has(slug);
      const byBare = bare !== null && bare !== slug && wanted.has(bare);
      if (!bySlug && !byBare) continue;
      const entry = { offset: start, at: lineIndexOf(spec).span(start, end), contained: isContained(source, block) };
      if (bySlug) addTo(found, slug, entry);
      if (byBare) addTo(found, bare, entry);
    }
  }
  return found;
}

/** Appends a line to the list of its anchor. */
function addTo(found: Map<string, WrittenAsText[]>, slug: string, entry: WrittenAsText): void {
  const list = found.get(slug);
  if (list === undefined) found.set(slug, [entry]);
  else list.push(entry);
}

/** Whether a block is in a block quote, or in a list item below the first level (what is before it on its line says). */
function isContained(source: string, block: Block): boolean {
  const prefix = source.slice(block.lineStart, block.start);
  return prefix.includes('>') || /^[ \t]{2,}[-+*]|^[ \t]{2,}\d{1,9}[.)]|[-+*][ \t]+[-+*][ \t]/.test(prefix);
}

// What may follow a heading written as text on its line without being an answer.
const BESIDE_LEAD_IN = /<!--[\s\S]*?-->|<br\s*\/?>|\\$/gi;
// What may close a question: spaces, `!`, quotes, brackets.
const CLOSERS = ' \t!！"\'”’»」)';

/** The text of a paragraph's segments between two offsets, lines joined with a space. */
function segmentsText(source: string, segments: readonly number[], from: number, to: number): string {
  let out = '';
  for (let k = 0; k < segments.length && segments[k]! < to; k += 2) {
    const a = Math.max(segments[k]!, from);
    const b = Math.min(segments[k + 1]!, to);
    if (a < b) out = out === '' ? source.slice(a, b) : `${out} ${source.slice(a, b)}`;
  }
  return out;
}

/**
 * The first five ASCII letters and digits of a text, in lower case (what an
 * anchor keeps of them, in order), as a number: a cheap test that spares
 * making an anchor of every short paragraph. Digits before the first letter
 * are skipped: a section number (`1.2 Quality Goals`, `12-quality-goals`)
 * may be on either side, or on neither.
 */
function opening(text: string, from: number, to: number): number {
  let key = 0;
  let n = 0;
  for (let i = from; i < to && n < 5; i++) {
    const raw = text.charCodeAt(i);
    const c = raw | 0x20;
    if (c >= 0x61 && c <= 0x7a) key = key * 37 + (c - 0x60);
    else if (raw >= 0x30 && raw <= 0x39 && n > 0) key = key * 37 + (raw - 0x30 + 27);
    else continue;
    n++;
  }
  return key;
}

const isEmphasisMark = (c: number): boolean => c === 0x2a || c === 0x5f;
// `?` `:` and their full-width forms.
const isQuestionOrColon = (c: number): boolean => c === 0x3f || c === 0x3a || c === 0xff1f || c === 0xff1a;

/** The anchors of the ATX headings written inside placeholder comments that were never closed. */
function headingsHiddenByUnclosedPlaceholders(spec: ParsedSpec): Set<string> {
  const slugs = new Set<string>();
  for (const m of spec.malformed) {
    if (m.reason !== 'unterminated') continue;
    for (const h of spec.source.slice(m.span.start, m.span.end).matchAll(ATX_LINE)) slugs.add(slugify(headingWords(h[3]!)));
  }
  return slugs;
}


