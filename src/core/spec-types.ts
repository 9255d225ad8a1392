import type { ScannedBlock } from './markdown/block-scanner.js';

/**
 * The document model: what {@link parseSpec} returns. Offsets are indexes into
 * the source string (UTF-16 code units, as in unist/mdast and editors), so
 * `source.slice(span.start, span.end)` is the spanned text. Lines and columns
 * are 1-based; a column counts code units from the start of its line, and the
 * BOM, if any, is not counted. `end`, `endLine` and `endColumn` point just past
 * the last character.
 */

/** A half-open range `[start, end)` of the source. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where something is, in lines and columns. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The line-ending conventions of a file, kept so that edits preserve them. */
export interface TextFormat {
  /** `lf`, `crlf`, `cr`, `mixed`, or `none` for a single line without ending. */
  readonly lineEndings: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  /** The line ending new lines should use: the most frequent one, else `\n`. */
  readonly newline: '\n' | '\r\n' | '\r';
  /** The file starts with a UTF-8 byte order mark (U+FEFF). */
  readonly bom: boolean;
  /** The file ends with a line ending. */
  readonly finalNewline: boolean;
}

/** A problem located in a file. */
export interface LocatedMessage {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** The YAML front matter block. */
export interface FrontMatter {
  /** The whole block, both `---` fences and the closing line ending included. */
  readonly span: Span;
  /** The YAML text between the fences. */
  readonly yamlSpan: Span;
  /** Parsed YAML mapping; `null` when it could not be parsed. */
  readonly data: Readonly<Record<string, unknown>> | null;
  /** Why the YAML could not be used, located in the file. */
  readonly error: LocatedMessage | null;
}

/** A heading, ATX (`## Text`) or setext (`Text` over `---`). */
export interface Heading extends Position {
  readonly level: number;
  readonly kind: 'atx' | 'setext';
  /**
   * Plain text of the heading's inline content (as mdast-util-to-string gives
   * it), HTML comments included: what headings are matched and edited by.
   */
  readonly text: string;
  /**
   * The heading's text as a reader sees it, for display (section paths,
   * outlines, messages): `text` itself, unless the heading holds an HTML
   * comment. Then the comments are left out, as GitHub renders them, each
   * well-formed `AGENT_PLACEHOLDER` shown as `…` (the text yet to be
   * written), whitespace runs made one space and the ends trimmed:
   * `## Goals <!-- keep it short -->` shows `Goals`,
   * `## <!-- AGENT_PLACEHOLDER: name it -->` shows `…`. A heading of nothing
   * but other comments shows `text`, the comments as written: an empty path
   * element would name nothing. Never used for ids or matching (see `slug`).
   */
  readonly shown: string;
  /**
   * GitHub-style anchor slug of the heading's visible text (`text` with its
   * raw HTML left out, placeholders too: `## Goals <!-- x -->` is `goals`).
   */
  readonly slug: string;
  /** From the start of the heading's first line to past the line ending of its last line. */
  readonly span: Span;
  /** False for a heading inside a block quote or list item: it opens no section. */
  readonly topLevel: boolean;
}

/** A section: a top-level heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  /** Slug path of the section and its ancestors, `/`-joined, title excluded: `architecture/data-model`. */
  readonly id: string;
  /** This section's own slug, made unique among its siblings with `-1`, `-2`, … like GitHub anchors. */
  readonly slug: string;
  /** The headings' shown texts ({@link Heading.shown}) from the outermost section down to this one. */
  readonly path: readonly string[];
  readonly heading: Heading;
  /** The heading and the whole body, subsections included. */
  readonly span: Span;
  /** The section's own body: after the heading, up to its first subsection or its end. */
  readonly bodySpan: Span;
  readonly children: readonly Section[];
}

/** One open `<!-- AGENT_PLACEHOLDER: instruction -->` slot. */
export interface Placeholder extends Position {
  /** Stable address: the enclosing section's id, `#2`, `#3`… for further ones in a section; `title` before the first section. */
  readonly id: string;
  /** Id of the enclosing section, or `null` before the first section. */
  readonly sectionId: string | null;
  /** The enclosing section's path ({@link Section.path}): shown heading texts, outermost first. */
  readonly section: readonly string[];
  /** The instruction, trimmed; may span lines. */
  readonly instruction: string;
  /** From `<!--` to past `-->`. */
  readonly span: Span;
}

/** An `AGENT_PLACEHOLDER` marker that is not a usable placeholder. */
export interface MalformedPlaceholder extends Position {
  readonly reason: 'unterminated' | 'empty';
  readonly message: string;
  readonly sectionId: string | null;
  readonly span: Span;
}

/** A consecutive piece of the document; the parts of a spec cover its source exactly, in order. */
export interface SpecPart {
  readonly kind: 'bom' | 'front-matter' | 'text' | 'heading' | 'body';
  readonly span: Span;
}

/** A leaf block of the document (heading, paragraph, code, HTML block, table, thematic break). */
export type { ScannedBlock as Block } from './markdown/block-scanner.js';

/** A parsed specification or template. */
export interface ParsedSpec {
  readonly source: string;
  readonly format: TextFormat;
  readonly frontMatter: FrontMatter | null;
  /** The single top-level level-1 heading that opens the document, if there is one. */
  readonly title: Heading | null;
  /** Every heading, in document order, those inside containers included. */
  readonly headings: readonly Heading[];
  /** The section tree: top-level sections (below the title). */
  readonly sections: readonly Section[];
  readonly placeholders: readonly Placeholder[];
  readonly malformed: readonly MalformedPlaceholder[];
  readonly parts: readonly SpecPart[];
  /** Leaf blocks in document order, with their lines and offsets. */
  readonly blocks: readonly ScannedBlock[];
  /** Labels of the link reference definitions (`[label]: url`), normalized as CommonMark matches them. */
  readonly definitions: ReadonlySet<string>;
  /** Where each link reference definition's destination is (`url` of `[label]: url`, `<…>` included), in document order. */
  readonly definitionTargets: readonly Span[];
}
