import { displayWidth, onOneLine, padCells } from '../../reporters/terminal-text.js';
import { templateListing, templateOutline, type TemplateOutlineJson } from '../../core/template-outline.js';
import { loadConfig } from '../../io/load-config.js';
import { loadTemplates, type TemplateRegistry } from '../../io/load-templates.js';
import { findProjectRoot } from '../../io/project-root.js';
import { templateByRef } from '../../io/template-by-ref.js';
import { writeJson, type CliContext } from '../context.js';
import { warnMissingTemplatesDir } from '../templates-dir-warning.js';
import { headOf } from '../../core/clip-text.js';

/** The project's templates, from the config's `templatesDir`, and the project root. */
async function projectTemplates(ctx: CliContext): Promise<{ readonly registry: TemplateRegistry; readonly root: string }> {
  const root = findProjectRoot(ctx.cwd);
  const { config } = await loadConfig(root, ctx.cwd);
  warnMissingTemplatesDir(ctx, root, config.templatesDir);
  return { registry: await loadTemplates({ root, cwd: ctx.cwd, templatesDir: config.templatesDir, mapped: config.templates }), root };
}

/**
 * `specfill templates`: every template with its id, version, source and
 * size; a project template that cannot be used is reported (exit 2) after
 * the others are listed.
 */
export async function runTemplatesList(ctx: CliContext, opts: { json?: boolean }): Promise<number> {
  const { registry } = await projectTemplates(ctx);
  const rows = registry.list().map(templateListing);
  const problems = [...registry.problems().values()];
  const reportProblems = (): number => {
    for (const problem of problems) ctx.stderr.write(`specfill: ${problem.format()}\n`);
    return problems.length > 0 ? 2 : 0;
  };
  if (opts.json) {
    writeJson(ctx, rows);
    return reportProblems();
  }
  const c = ctx.color;
  const table = [['ID', 'VERSION', 'SOURCE', 'SECTIONS', 'PLACEHOLDERS', 'NAME'], ...rows.map((r) => [r.id, r.version, r.path, String(r.sections), String(r.placeholders), r.name])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => displayWidth(row[i]!))));
  table.forEach((row, i) => {
    const line = row.map((v, j) => padCells(v, widths[j]!)).join('  ').trimEnd();
    ctx.stdout.write(`${i === 0 ? c.dim(line) : line}\n`);
  });
  return reportProblems();
}

/** `specfill templates show ID`: the outline of one template, named by its id or its file. */
export async function runTemplatesShow(ctx: CliContext, id: string, opts: { json?: boolean }): Promise<number> {
  const { registry, root } = await projectTemplates(ctx);
  const template = templateByRef(registry, id, root, ctx.cwd);
  const outline = templateOutline(template);
  // The template's own slips, read as meant: said, so that its file gets fixed.
  for (const line of template.mistypedClosers ?? []) {
    ctx.stderr.write(`specfill: ${template.path}:${line}: a comment is closed with "<!--", not "-->"; read as "-->", so the headings after it are sections; fix the template\n`);
  }
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
  // Guidance other than placeholders: comments (KEP style) and prose the spec must replace, shortened.
  const guidance = (depth: number, prose: string, comments: readonly string[]): void => {
    for (const comment of comments) line(depth, c.dim(`<!-- ${shorten(comment)} -->`));
    if (prose !== '') line(depth, c.dim(`“${shorten(prose)}”`));
  };
  if (outline.title !== null) line(0, `${c.bold(outline.title)} ${c.dim('(title)')}`);
  for (const p of outline.titlePlaceholders) line(1, `${c.cyan(p.id)}  ${p.instruction}`);
  guidance(1, outline.titleGuidance, outline.titleComments);
  const walk = (sections: TemplateOutlineJson['sections'], depth: number): void => {
    for (const s of sections) {
      line(depth, `${c.bold(s.heading)}${s.optional && !/\(optional\)|\[optional\]/i.test(s.heading) ? c.dim('  (optional)') : ''}${outline.extends === null ? '' : c.dim(`  [${s.from}]`)}`);
      for (const p of s.placeholders) line(depth + 1, `${c.cyan(p.id)}  ${onOneLine(p.instruction)}`);
      guidance(depth + 1, s.guidance, s.comments);
      walk(s.children, depth + 1);
    }
  };
  walk(outline.sections, 0);
}

/** One line of guidance, cut at about 100 characters. */
function shorten(text: string, max = 100): string {
  return text.length > max ? `${headOf(text, max - 1).trimEnd()}…` : text;
}
