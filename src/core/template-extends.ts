import { SpecfillError } from './errors.js';
import { headingMarkdown, parentSectionId, renamedHeadingLines } from './heading-edit.js';
import { keyLocation } from './front-matter-key.js';
import { flattenSections } from './match-sections.js';
import { parseSpec } from './parse-spec.js';
import type { ParsedSpec, Section } from './spec-types.js';
import { idAfterRenames } from './section-renames.js';
import { renameProblem, templateFromSource, unknownOptional, unknownOptionalWords, type Template, type TemplateOrigin } from './template.js';
import { buildTemplateModel } from './template-model.js';

/**
 * A template that `extends` another, resolved: the base's text with the
 * extending template's changes applied, in this order —
 * 1. `remove: [section ids]` drops those sections with their subsections;
 * 2. `rename: {section id: New heading}` renames headings (and declares the
 *    rename, so that `sync` renames them in specs written from the base);
 * 3. each section of the extending template's own text either replaces the
 *    text under the base section with the same id (when it has any), or only
 *    places what follows (when it is empty), or — a section the base lacks —
 *    is inserted after the section written before it (at the end of its
 *    parent, or of the document, when none is).
 * `layers` says which template each resolved section's text comes from.
 */
export function resolveExtends(child: Template, base: Template, from: TemplateOrigin): Template {
  const data = child.spec.frontMatter?.data ?? {};
  // Each error is placed on the front matter key it is about.
  const fail = (message: string, key: string, hint?: string): never => {
    throw new SpecfillError('INVALID_TEMPLATE', message, keyLocation(child.spec, from.path, key), hint);
  };
  const remove = data.remove ?? [];
  if (!Array.isArray(remove) || !remove.every((r) => typeof r === 'string')) fail('front matter `remove` must be a list of section ids', 'remove');
  const rename = data.rename ?? {};
  if (typeof rename !== 'object' || rename === null || Array.isArray(rename) || !Object.values(rename).every((v) => typeof v === 'string')) {
    fail('front matter `rename` must map section ids to new heading texts', 'rename');
  }
  // A heading's text is one line of words: not empty, no line break, no `#` marks of its own (fuzzing: a rename to
  // "Ov\n## Injected\n\n<!-- AGENT_PLACEHOLDER: … -->" put a heading and a placeholder into every spec).
  for (const [id, heading] of Object.entries(rename as Record<string, string>)) {
    if (heading.trim() === '' || /[\r\n]/.test(heading) || /^\s*#/.test(heading)) {
      fail(`\`rename\`: the new heading for \`${id}\` must be one line of words${heading.trim() === '' ? ', not empty' : /[\r\n]/.test(heading) ? ', not several lines' : ', without `#` marks (the level stays the section\'s)'}`, 'rename', 'e.g. rename: { overview: Summary }');
    }
  }

  const layers = new Map<string, string>(flattenSections(base.spec.sections).map((s) => [s.id, base.layers[s.id] ?? base.id]));
  let text = base.body;
  let spec = parseSpec(text);
  const find = (id: string): Section | undefined => flattenSections(spec.sections).find((s) => s.id === id);
  const replace = (start: number, end: number, insert: string): void => {
    text = text.slice(0, start) + insert + text.slice(end);
    spec = parseSpec(text);
  };

  for (const id of remove as string[]) {
    const section = find(id) ?? fail(`\`remove\`: ${base.id} has no section \`${id}\``, 'remove', `its sections are listed by \`specfill templates show ${base.id}\``);
    replace(section.span.start, section.span.end, '');
  }
  const renamed: Record<string, string> = {};
  for (const [id, heading] of Object.entries(rename as Record<string, string>)) {
    const section = find(id) ?? fail(`\`rename\`: ${base.id} has no section \`${id}\``, 'rename', `its sections are listed by \`specfill templates show ${base.id}\``);
    const at = section.heading.span.start;
    replace(at, section.heading.span.end, renamedHeadingLines(section, heading, text));
    // The id the renamed heading has in the resolved text: its words as shown (`Ticket \\#` is
    // `ticket`), `-1` when a sibling has them already.
    const newId = flattenSections(spec.sections).find((s) => s.heading.span.start === at)?.id ?? id;
    renamed[id] = newId;
    layers.set(newId, `${layers.get(id) ?? base.id} (renamed by ${child.id})`);
  }

  const own = parseSpec(child.body);
  const nl = spec.format.newline;
  let previous: string | null = null;
  for (const c of flattenSections(own.sections)) {
    const body = own.source.slice(c.bodySpan.start, c.bodySpan.end);
    // A base section named by its id before the base renamed it (or a new one under it) goes by its new id.
    const id = find(c.id) !== undefined ? c.id : idAfterRenames(c.id, base.renamed);
    const existing = find(id);
    if (existing !== undefined) {
      if (body.trim() !== '') {
        replace(existing.bodySpan.start, existing.bodySpan.end, body.replace(/\r?\n/g, nl));
        layers.set(id, child.id);
      }
    } else {
      const at = insertionPoint(spec, id, previous);
      // A blank line before the heading: a comment right above a heading is that heading's (MADR's optional-element note).
      const upTo = text.slice(0, at);
      const before = at === 0 || /\n[ \t]*\r?\n$/.test(upTo) ? '' : upTo.endsWith('\n') ? nl : nl + nl;
      let block = `${'#'.repeat(c.heading.level)} ${headingMarkdown(c.heading, own.source)}${nl}${body.replace(/\r?\n/g, nl)}`;
      if (!block.endsWith(nl + nl)) block += block.endsWith(nl) ? nl : nl + nl;
      replace(at, at, before + block);
      layers.set(id, child.id);
    }
    previous = id;
  }

  const frontMatter = child.spec.frontMatter === null ? '' : child.spec.source.slice(child.spec.frontMatter.span.start, child.spec.frontMatter.span.end);
  const resolved = templateFromSource(frontMatter + text, from);
  const ids = new Set(flattenSections(resolved.spec.sections).map((s) => s.id));
  // Its own declared renames lead to sections of the resolved template.
  renameProblem(Object.keys(resolved.renamed), { ...base.renamed, ...renamed, ...resolved.renamed }, ids, keyLocation(child.spec, from.path, 'renamed'));
  const unknownFixed = unknownOptional(Array.isArray(data.fixed) ? (data.fixed as string[]) : [], resolved.model);
  if (unknownFixed.length > 0) {
    const words = unknownOptionalWords(unknownFixed, resolved.model);
    fail(`front matter \`fixed\` names ${words.names}, which ${unknownFixed.length === 1 ? 'is no section' : 'are no sections'} of this template or of ${base.id}`, 'fixed', words.hint);
  }
  const unknown = unknownOptional(Array.isArray(data.optional) ? (data.optional as string[]) : [], resolved.model);
  // A base section this template removed or renamed is named so.
  const gone = unknown.find((id) => (remove as string[]).includes(id) || renamed[id] !== undefined);
  if (gone !== undefined) {
    fail(renamed[gone] !== undefined
      ? `front matter \`optional\` names \`${gone}\`, which its \`rename\` renames to \`${renamed[gone]}\`: name it so`
      : `front matter \`optional\` names \`${gone}\`, which its \`remove\` removes`, 'optional');
  }
  if (unknown.length > 0) {
    const words = unknownOptionalWords(unknown, resolved.model);
    fail(`front matter \`optional\` names ${words.names}, which ${unknown.length === 1 ? 'is no section' : 'are no sections'} of this template or of ${base.id}`, 'optional', words.hint);
  }
  const optional = [...(base.model.sections.filter((s) => s.optional).map((s) => renamed[s.id] ?? s.id)), ...resolved.model.sections.filter((s) => s.optional).map((s) => s.id)]
    .filter((id) => ids.has(id) || id === 'title');
  const fixed = [...(base.model.sections.filter((s) => s.fixed).map((s) => renamed[s.id] ?? s.id)), ...resolved.model.sections.filter((s) => s.fixed).map((s) => s.id)]
    .filter((id) => ids.has(id));
  return {
    ...resolved,
    extends: base.id,
    renamed: { ...base.renamed, ...renamed, ...resolved.renamed },
    layers: Object.fromEntries([...layers].filter(([id]) => ids.has(id))),
    model: buildTemplateModel(resolved.spec, `${resolved.id}@${resolved.version}`, optional, { ...base.renamed, ...renamed, ...resolved.renamed }, fixed),
  };
}

/** After the section written before it when there is one in the text, else at the end of its parent, else at the end. */
function insertionPoint(spec: ParsedSpec, id: string, previous: string | null): number {
  const all = flattenSections(spec.sections);
  const parent = parentSectionId(id);
  const parentSection = all.find((s) => s.id === parent);
  if (previous !== null) {
    if (previous === parent && parentSection !== undefined) return parentSection.bodySpan.end;
    // The previous section, or its ancestor at this section's level.
    let anchor = previous;
    while (anchor !== '' && parentSectionId(anchor) !== parent) anchor = parentSectionId(anchor);
    const section = all.find((s) => s.id === anchor);
    if (anchor !== '' && section !== undefined) return section.span.end;
  }
  return parentSection !== undefined ? parentSection.span.end : spec.source.length;
}
