import { relative, resolve } from 'node:path';
import { shownId } from '../../core/placeholder-id.js';
import { toPlaceholderJson } from '../../core/json-shapes.js';
import { readSpecFile } from '../../io/read-spec-file.js';
import { displayPath, writeJson, type CliContext } from '../context.js';
import { projectConfig } from '../project-config.js';
import { displayWidth, onOneLine, padCells, toVisibleText } from '../../reporters/terminal-text.js';

/** `specfill placeholders FILE`: the open placeholders of one spec. */
export async function runPlaceholders(ctx: CliContext, file: string, opts: { json?: boolean; maxFileBytes?: number }): Promise<number> {
  const absolute = resolve(ctx.cwd, file);
  const shown = displayPath(ctx, absolute, relative);
  const maxBytes = opts.maxFileBytes ?? (await projectConfig(ctx)).config.maxFileBytes;
  const spec = await readSpecFile(absolute, { displayPath: shown, maxBytes });
  for (const m of spec.malformed) {
    ctx.stderr.write(`${shown}:${m.line}:${m.column}: warning: ${m.message}\n`);
  }
  const list = spec.placeholders.map(toPlaceholderJson);
  if (opts.json) {
    writeJson(ctx, list);
    return 0;
  }
  if (list.length === 0) {
    ctx.stdout.write(`${toVisibleText(shown)}: no open placeholders\n`);
    return 0;
  }
  const c = ctx.color;
  // (Control characters shown as symbols, as check's pretty output does: an escape in a heading must not drive the terminal.)
  const rows = list.map((p) => [toVisibleText(shownId(p.id)), toVisibleText(p.section.join(' › ') || '(title)'), `${p.line}:${p.column}`, toVisibleText(onOneLine(p.instruction))] as const);
  // Columns in terminal cells: an emoji heading (`⚙️ Settings`) is wider, its variation selector narrower, than its length.
  const w0 = Math.max(...rows.map((r) => displayWidth(r[0])));
  const w1 = Math.max(...rows.map((r) => displayWidth(r[1])));
  const w2 = Math.max(...rows.map((r) => r[2].length));
  for (const [id, section, where, instruction] of rows) {
    ctx.stdout.write(`${c.bold(padCells(id, w0))}  ${padCells(section, w1)}  ${c.dim(where.padEnd(w2))}  ${instruction}\n`);
  }
  return 0;
}
