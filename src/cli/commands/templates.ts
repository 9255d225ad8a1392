import { templateListing, templateOutline, type TemplateOutlineJson } from '../../core/template-outline.js';
import { loadTemplates } from '../../io/load-templates.js';
import { findProjectRoot } from '../../io/project-root.js';
import { writeJson, type CliContext } from '../context.js';

/** `specfill templates`: every template with its id, version, source and size. */
export async function runTemplatesList(ctx: CliContext, opts: { json?: boolean }): Promise<number> {
  const registry = await loadTemplates({ root: findProjectRoot(ctx.cwd), cwd: ctx.cwd });
  const rows = registry.list().map(templateListing);
  if (opts.json) {
    writeJson(ctx, rows);
    return 0;
  }
  const c = ctx.color;
  const table = [['ID', 'VERSION', 'SOURCE', 'SECTIONS', 'PLACEHOLDERS', 'NAME'], ...rows.map((r) => [r.id, r.version, r.path, String(r.sections), String(r.placeholders), r.name])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  table.forEach((row, i) => {
    const line = row.map((v, j) => v.padEnd(widths[j]!)).join('  ').trimEnd();
    ctx.stdout.write(`${i === 0 ? c.dim(line) : line}\n`);
  });
  return 0;
}

/** `specfill templates show ID`: the outline of one template. */
export async function runTemplatesShow(ctx: CliContext, id: string, opts: { json?: boolean }): Promise<number> {
  const registry = await loadTemplates({ root: findProjectRoot(ctx.cwd), cwd: ctx.cwd });
  const template = registry.get(id);
  const outline = templateOutline(template);
  if (opts.json) {
    writeJson(ctx, outline);
    return 0;
  }
  printOutline(ctx, outline);
  return 0;
}

function printOutline(ctx: CliContext, outline: TemplateOutlineJson): void {
  const c = ctx.color;
  ctx.stdout.write(`${c.bold(`${outline.id}@${outline.version}`)}  ${outline.name}  ${c.dim(`(${outline.path})`)}\n`);
  if (outline.extends !== null) ctx.stdout.write(`extends ${outline.extends}; each section says which template its text comes from\n`);
  if (outline.description) ctx.stdout.write(`${outline.description}\n`);
  ctx.stdout.write('\n');
  const line = (depth: number, text: string): void => {
    ctx.stdout.write(`${'  '.repeat(depth)}${text}\n`);
  };
  if (outline.title !== null) line(0, `${c.bold(outline.title)} ${c.dim('(title)')}`);
  for (const p of outline.titlePlaceholders) line(1, `${c.cyan(p.id)}  ${p.instruction}`);
  const walk = (sections: TemplateOutlineJson['sections'], depth: number): void => {
    for (const s of sections) {
      line(depth, `${c.bold(s.heading)}${outline.extends === null ? '' : c.dim(`  [${s.from}]`)}`);
      for (const p of s.placeholders) line(depth + 1, `${c.cyan(p.id)}  ${p.instruction.replace(/\s*\n\s*/g, ' ')}`);
      walk(s.children, depth + 1);
    }
  };
  walk(outline.sections, 0);
}
