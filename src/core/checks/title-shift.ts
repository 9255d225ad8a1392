// How many levels a spec writes the template's sections deeper (or higher)
// because of its title: heading-level judges each section so, and
// empty-section leaves a section moved off that level to it.
import type { SectionMatching } from '../match-sections.js';
import type { ParsedSpec } from '../spec-types.js';
import type { TemplateModel } from '../template-model.js';

/**
 * 1 when the template has no title, its sections starting at level 1 (React's
 * RFC template: `# Summary`, `# Motivation`), and the spec puts a title of its
 * own above them (`# RFC: Hooks`), with most of the template's level-1
 * sections it has at level 2 or deeper: the whole structure one level down
 * is the template's, and each section is judged one level deeper (one left
 * at level 1 among them is the one reported); so too when the spec has no
 * title and most of those sections are at level 2. -1 the other way round: the
 * template has a title over `##` sections, and the spec none (its front
 * matter's `title` names it), most of them written `#`. 0 otherwise.
 */
export function titleShift(spec: ParsedSpec, template: TemplateModel, matching: SectionMatching): number {
  // The other way round: no title heading, the front matter's `title` naming the spec, the template's `##` sections written `#`.
  // (Not where the first chapter stands for the title, `# Payment Gateway` then `# Overview`: the title written at the chapters' level.)
  if (spec.title === null && titledInFrontMatter(spec) && template.spec.title !== null && template.spec.title.level === 1
    && spec.sections[0] !== undefined && !matching.unmatched.has(spec.sections[0])) return -movedFrom(2, 1, template, matching);
  if (template.spec.title !== null) return 0;
  // (Or no title, most of the template's sections at `##`, as a third of the Rust RFCs write the template's
  // `# Summary` …: the same structure, one level down, where one left at `#` among them is the one off.)
  if (spec.title !== null && spec.title.level !== 1) return 0;
  return movedFrom(1, 2, template, matching);
}

/**
 * Whether the front matter has a `title`: its string, or, where its YAML
 * could not be read (a JEP's `issue-number: [#117](…)`, reported on its own),
 * a `title:` line in it with a value, so that one error is not read as a
 * spec with no title and every section a level off too.
 */
function titledInFrontMatter(spec: ParsedSpec): boolean {
  const front = spec.frontMatter;
  if (front === null) return false;
  if (front.data !== null) return typeof front.data.title === 'string';
  return front.error !== null && /^title[ \t]*:[ \t]*\S/m.test(spec.source.slice(front.yamlSpan.start, front.yamlSpan.end));
}

/** 1 when most of the template's sections at level `from` that the spec has are at level `to` (or beyond it, away from `from`); else 0. */
function movedFrom(from: number, to: number, template: TemplateModel, matching: SectionMatching): number {
  let moved = 0;
  let kept = 0;
  for (const t of template.sections) {
    if (t.level !== from) continue;
    const section = matching.byTemplateId.get(t.id);
    if (section === undefined) continue;
    if (section.heading.level === from) kept++;
    else if ((to > from) === (section.heading.level > from)) moved++;
  }
  return moved > kept ? 1 : 0;
}

