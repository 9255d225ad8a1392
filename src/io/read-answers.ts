import { SpecfillError } from '../core/errors.js';
import { jsonSyntaxErrorAt } from '../core/json-error-offset.js';
import type { Answer } from '../core/fill-placeholders.js';
import { readTextFileSync } from './read-text-file.js';
import { yamlLineBreaks, yamlMessage } from '../core/yaml-message.js';

/**
 * Reads an answers file, YAML or JSON: a mapping of placeholder ids to
 * Markdown. Unreadable syntax, a duplicate id or a value that is not text is
 * an error at its line and column (exit 2).
 */
export async function readAnswers(path: string, shown: string): Promise<Answer[]> {
  const text = readTextFileSync(path, { displayPath: shown });
  // YAML reads JSON too, but forgives what JSON does not (a trailing comma): a .json file must be JSON.
  if (/\.json$/i.test(path)) checkJsonSyntax(text, shown);
  const { isMap, isScalar, LineCounter, parseDocument } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(yamlLineBreaks(text), { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error.linePos?.[0];
    const duplicate = /unique|duplicate/i.test(error.message);
    throw new SpecfillError('INVALID_ANSWERS', duplicate ? `an id appears twice: ${yamlMessage(error)}` : `cannot be read: ${yamlMessage(error)}`,
      { path: shown, line: pos?.line, column: pos?.col }, 'answers are a YAML or JSON mapping: `placeholder-id: |` followed by Markdown');
  }
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) {
    throw new SpecfillError('INVALID_ANSWERS', 'must be a mapping of placeholder ids to Markdown text', { path: shown, line: 1, column: 1 });
  }
  const answers: Answer[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const at = (node: unknown): { line?: number; column?: number } => {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (range === undefined) return {};
      const pos = lines.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    };
    if (typeof key !== 'string' && typeof key !== 'number') {
      throw new SpecfillError('INVALID_ANSWERS', 'a key is not a placeholder id', { path: shown, ...at(pair.key) });
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== 'string') {
      throw new SpecfillError('INVALID_ANSWERS', `the answer for \`${key}\` is not text`, { path: shown, ...at(pair.value ?? pair.key) },
        'write the Markdown as a string, e.g. with a block scalar `|`');
    }
    answers.push({ id: String(key), content: value });
  }
  return answers;
}

function checkJsonSyntax(text: string, shown: string): void {
  const problem = jsonSyntaxErrorAt(text);
  if (problem !== null) throw new SpecfillError('INVALID_ANSWERS', `cannot be read as JSON: ${problem.message}`, { path: shown, line: problem.line, column: problem.column });
}
