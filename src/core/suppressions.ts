import { blockText } from './block-text.js';
import { findInlineComments } from './markdown/inline-comments.js';
import { blocksIn } from './section-prose.js';
import type { Block, ParsedSpec } from './spec-types.js';

interface Directive {
  readonly kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
  readonly line: number;
  readonly endLine: number;
}

const DIRECTIVE = /<!--\s*specfill-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

/**
 * Reads the inline suppression comments of a document
 * (`<!-- specfill-disable RULE -->`, `<!-- specfill-enable RULE -->`,
 * `<!-- specfill-disable-next-line RULE -->`; several rules separated by
 * spaces or commas, none meaning all) and returns whether a finding of a rule
 * on a line is suppressed. Comments inside code do not count.
 */
export function readSuppressions(spec: ParsedSpec): (rule: string, line: number) => boolean {
  const source = spec.source;
  if (source.indexOf('specfill-') === -1) return () => false;
  const directives: Directive[] = [];
  for (const m of source.matchAll(DIRECTIVE)) {
    const block = blocksIn(spec, { start: 0, end: m.index + 1 }).pop();
    if (block === undefined || m.index >= block.end || !(block.kind === 'paragraph' || (block.kind === 'html' && block.htmlKind === 2))) continue;
    if (block.kind === 'paragraph' && !isInlineComment(spec, block, m.index)) continue;
    const line = lineOf(source, m.index);
    directives.push({
      kind: m[1] as Directive['kind'],
      rules: m[2]!.split(/[\s,]+/).filter((r) => r !== ''),
      line,
      endLine: line + (m[0].match(/\r\n|\r|\n/g)?.length ?? 0),
    });
  }
  if (directives.length === 0) return () => false;
  return (rule, line) => {
    let disabled = false;
    for (const d of directives) {
      const applies = d.rules.length === 0 || d.rules.includes(rule);
      if (!applies) continue;
      if (d.kind === 'disable-next-line') {
        if (line === d.endLine + 1) return true;
      } else if (d.line <= line) {
        disabled = d.kind === 'disable';
      }
    }
    return disabled;
  };
}

/** Whether the comment at `offset` is HTML in a paragraph, not text inside a code span. */
function isInlineComment(spec: ParsedSpec, block: Block, offset: number): boolean {
  const { text, toSource } = blockText(spec.source, block);
  return findInlineComments(text).some(([from]) => toSource(from) === offset);
}

function lineOf(source: string, offset: number): number {
  // Lines end with LF, CRLF or a lone CR.
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
