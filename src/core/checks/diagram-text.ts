// The text of the diagrams a page draws from code: a ```mermaid block is
// code to Markdown, but GitHub (and most Markdown viewers) draws it, and
// the words of its labels are on the page, a `TODO` node as plain as any.
import { lineIndexOf } from '../line-index.js';
import type { ParsedSpec } from '../spec-types.js';
import type { TemplateModel } from '../template-model.js';
import type { FindingDraft } from './types.js';

/** A diagram's source as it shows: its comment and style lines (`%% …`, `style …`, `click …`) blanked, offsets kept. */
export interface DiagramText {
  readonly text: string;
  /** Offset in the spec's source of the text's first character. */
  readonly offset: number;
}

// Lines that draw no words: comments, and lines that style or link nodes.
const UNDRAWN = /^[ \t]*(?:%%|(?:style|classDef|class|click|linkStyle)[ \t]).*$/gm;
const CLASS_DIAGRAM_UNDRAWN = /^[ \t]*(?:%%|(?:style|classDef|click|linkStyle|cssClass)[ \t]).*$/gm;

// The opening fence of a Mermaid diagram, as GitHub recognises it (the info string's first word).
const MERMAID_FENCE = /^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*mermaid(?:[ \t]|$)/i;

/** The Mermaid diagrams of a spec (fenced code blocks, outside containers), each as its shown text. */
function diagramTexts(spec: ParsedSpec): DiagramText[] {
  const out: DiagramText[] = [];
  for (const block of spec.blocks) {
    if (block.kind !== 'code' || block.variant !== 'fenced' || !block.topLevel) continue;
    // (A line ends at a LF, a CRLF or a lone CR, an old Mac's.)
    const firstLineEnd = lineEndAfter(spec.source, block.lineStart, block.end);
    const opening = spec.source.slice(block.lineStart, firstLineEnd === -1 ? block.end : firstLineEnd).replace(/\r$/, '');
    if (!MERMAID_FENCE.test(opening) || firstLineEnd === -1 || firstLineEnd >= block.end) continue;
    const offset = firstLineEnd + 1;
    // Up to the closing fence's line (not the fence itself), when there is one.
    let lastLine = block.end - 1;
    while (lastLine >= offset && spec.source[lastLine] !== '\n' && spec.source[lastLine] !== '\r') lastLine--;
    const end = block.closed === false || lastLine < offset ? block.end : lastLine;
    // Comments, and lines that style or link nodes (`style TODO fill:#eee`, `click A "https://…"`), draw no words.
    // (In a class diagram, `class Retry {` declares a class, and its body's lines are drawn.)
    const source = spec.source.slice(offset, end);
    const text = source.replace(/^\s*classDiagram/.test(source) ? CLASS_DIAGRAM_UNDRAWN : UNDRAWN, (m) => ' '.repeat(m.length));
    out.push({ text, offset });
  }
  return out;
}

/** The offset of the last character of the line break after `from`, before `to` (a LF, a CRLF's LF, a lone CR), or -1. */
function lineEndAfter(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return i;
    if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? i + 1 : i;
  }
  return -1;
}

/**
 * The states of a workflow beside `TODO` (a board's columns): text or a
 * diagram that names them speaks of a `TODO` state, not a leftover.
 */
export const WORKFLOW_STATES = /\b(?:IN_PROGRESS|IN PROGRESS|DOING|DONE|BLOCKED|BACKLOG|IN_REVIEW|CLOSED|In [Pp]rogress|Doing|Done|Backlog)\b/;
// A diagram whose bare words are names of states, entities or classes (its first statement says which).
const NAMES_DIAGRAM = /^\s*(?:stateDiagram(?:-v2)?|erDiagram|classDiagram(?:-v2)?)\b/;
// A Mermaid node id named as an alias (participant/actor X as …, … as X); those before a shape are idsBeforeShapes'.
const ALIAS_ID = /\b(?:participant|actor)[ \t]+([A-Za-z_][\w-]*)[ \t]+as\b|\bas[ \t]+([A-Za-z_][\w-]*)/g;
// A run of the characters an id is made of: letters, digits, `_` and single `-`s (two or more are a link, `A---B`).
const ID_RUN = /(?:\w|-(?!-))+/g;
const ID_START = /[A-Za-z_]/;

/**
 * The markers (`words`, a global pattern) in the labels of a spec's
 * diagrams — not in a node's id, which is not drawn (`TODO[To do]`,
 * `participant TODO as Tasks`, the id named again), and not in a diagram
 * the template holds as it is (a sample, its guidance).
 */
export function diagramMarkers(spec: ParsedSpec, template: TemplateModel | null, words: RegExp): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const diagram of diagramTexts(spec)) {
    if (template !== null && template.spec.source.includes(spec.source.slice(diagram.offset, diagram.offset + diagram.text.length).trim())) continue;
    // A board's workflow drawn (`T[TODO] --> P[In progress] --> D[Done]`): its `TODO` is a state's name.
    const board = WORKFLOW_STATES.test(diagram.text);
    const ids = idsBeforeShapes(diagram.text);
    for (const alias of diagram.text.matchAll(ALIAS_ID)) ids.add((alias[1] ?? alias[2])!);
    // In a state, entity or class diagram a bare word is a name (a board's `TODO` state): only labels are read
    // (a state's after its `:`; in a class or entity diagram what follows a `:` is a member or a relation's name).
    const named = NAMES_DIAGRAM.test(diagram.text);
    // A sequence diagram's messages and notes are drawn after their `:` (`Note over TODO: TODO ask legal`), an id before it or not.
    const sequence = /^\s*sequenceDiagram\b/.test(diagram.text);
    // The lines of a class's or an entity's body (`class Retry {` … `}`): its members and attributes, each drawn.
    const bodies = named ? bodyLines(diagram.text) : [];
    const line = new LineReader(diagram.text);
    for (const m of diagram.text.matchAll(words)) {
      line.readTo(m.index);
      if (board && m[0] === 'TODO') continue;
      // (Inside a label — brackets, an edge's `|…|`, quotes — the word is drawn, id or not.)
      // (There, a label is what follows a `:` on its line — `Doing : TBD trigger`, `note right of A : TODO`, a relation's
      // `A --> B : TODO relation`, a member's `Retry : +TBD policy` —, what is quoted, or a line of a body;
      // braces are an entity's cardinality, `||--o{`, or a class's body, no label.)
      if (named ? !line.colon && !line.quoted && !bodies.some(([from, to]) => m.index >= from && m.index < to)
        : !line.inLabel() && !(sequence && line.colon) && (ids.has(m[0]) || /[[({>]/.test(diagram.text[m.index + m[0].length] ?? ''))) continue;
      const at = lineIndexOf(spec).span(diagram.offset + m.index, diagram.offset + m.index + m[0].length);
      findings.push({ ...at, message: `leftover marker "${m[0]}" in a diagram the page draws: replace it with the real content` });
    }
  }
  return findings;
}

/**
 * The ids a diagram's source writes before a node's shape (`A[`, `B(`, `C{`,
 * `D>`): in each run of letters, digits, `_` and single `-`s, from its
 * first letter or `_` at its start or after a `-` (`A-.-B[label]`: `B`;
 * `A-->B[x]` and `A---B[x]`: `B`, as Mermaid reads a link of two dashes or
 * more; `x-y[`: `x-y`), to its end, when a shape follows. Read run by run: a pattern
 * tried from each letter after a `-` read `a-a-a-…` to its end from each of
 * them, in quadratic time.
 */
function idsBeforeShapes(text: string): Set<string> {
  const ids = new Set<string>();
  for (const run of text.matchAll(ID_RUN)) {
    const word = run[0];
    let start = -1;
    for (let i = 0; i < word.length && start === -1; i++) if (ID_START.test(word[i]!) && (i === 0 || word[i - 1] === '-')) start = i;
    if (start === -1) continue;
    let after = run.index + word.length;
    while (text[after] === ' ' || text[after] === '\t') after++;
    const shape = text[after];
    if (shape === '[' || shape === '(' || shape === '{' || shape === '>') ids.add(word.slice(start));
  }
  return ids;
}

/**
 * The stretches of a class or entity diagram's source that are bodies: from
 * the line after one that opens with a name and `{` (`class Retry {`,
 * `RETRY {`; not a relation's cardinality, `||--o{`) to a line of `}`.
 */
function bodyLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const close = /^[ \t]*\}/gm;
  let closedAt = -1;
  for (const open of text.matchAll(/^[ \t]*(?:class[ \t]+)?[\w-]+(?:~[^~\n]*~)?(?:[ \t]*\["[^"\n]*"\])?[ \t]*\{[ \t]*$/gm)) {
    const from = open.index + open[0].length;
    // (The next `}` line, found once for all the openings before it: many bodies never closed are read in one walk.)
    if (closedAt < from && closedAt !== text.length) {
      close.lastIndex = from;
      closedAt = close.exec(text)?.index ?? text.length;
    }
    out.push([from, closedAt]);
  }
  return out;
}

/**
 * A diagram's source read line by line up to a place, for the words found in
 * it: whether a `:` comes before the place on its line (a state diagram's or
 * a note's label), and whether the place is inside a label there (an unclosed
 * `[`, `(`, `{` or `"`, or between an edge's `|`s; a quote alone where
 * brackets are no labels). Read on from the last place asked, not again from
 * the line's start for each word: a line of thousands of words took
 * quadratic time.
 */
class LineReader {
  /** A `:` comes before the place on its line. */
  colon = false;
  /** Inside a quoted label. */
  quoted = false;
  private depth = 0;
  private piped = false;
  private at = 0;

  constructor(private readonly text: string) {}

  /** Reads on to `to` (from its line's start, when `to` comes before the place read last). */
  readTo(to: number): void {
    if (to < this.at) {
      this.at = this.text.lastIndexOf('\n', to - 1) + 1;
      this.newLine();
    }
    for (; this.at < to; this.at++) {
      const c = this.text[this.at];
      if (c === '\n') this.newLine();
      else if (c === '"') this.quoted = !this.quoted;
      else if (c === ':') this.colon = true;
      else if (this.quoted) continue;
      else if (c === '[' || c === '(' || c === '{') this.depth++;
      else if ((c === ']' || c === ')' || c === '}') && this.depth > 0) this.depth--;
      else if (c === '|' && this.depth === 0) this.piped = !this.piped;
    }
  }

  /** Inside a label: an unclosed bracket or quote, or between an edge's `|`s. */
  inLabel(): boolean {
    return this.depth > 0 || this.quoted || this.piped;
  }

  private newLine(): void {
    this.colon = false;
    this.quoted = false;
    this.depth = 0;
    this.piped = false;
  }
}
