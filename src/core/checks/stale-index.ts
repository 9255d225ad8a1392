import { findIndexBlock, hasIndexMarker, INDEX_END, INDEX_START } from '../spec-index.js';
import type { CheckRule } from './types.js';

/**
 * A specs index (the table `specfill index` keeps between its markers) that
 * no longer matches the specs: one was added, retitled, moved on in its
 * lifecycle, filled further, or removed.
 */
export const staleIndex: CheckRule = {
  id: 'stale-index',
  defaultSeverity: 'warning',
  description: 'The specs index written by `specfill index` no longer matches the specs.',
  check: ({ spec, index, indexCommand = 'specfill index' }) => {
    if (!hasIndexMarker(spec)) return [];
    const block = findIndexBlock(spec.source, spec);
    if (block === null) {
      const start = spec.blocks.find((b) => b.kind === 'html' && spec.source.startsWith(INDEX_START, b.start))!;
      const line = start.line;
      return [{ line, column: 1, endLine: line, endColumn: INDEX_START.length + 1, message: `the specs index has no ${INDEX_END} marker: run \`${indexCommand}\` to write it again` }];
    }
    const expected = index?.();
    if (expected === undefined || expected === null || block.table === expected) return [];
    return [{
      line: block.line, column: 1, endLine: block.endLine, endColumn: INDEX_END.length + 1,
      message: `the specs index is out of date: run \`${indexCommand}\` to write it again`,
    }];
  },
};
