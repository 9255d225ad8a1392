// A spec read as its template reads: the level-1 heading that parseSpec takes
// for a title may be one of the template's sections.
import { parseSpec } from './parse-spec.js';
import { bareSlug } from './slug.js';
import type { ParsedSpec } from './spec-types.js';
import type { TemplateModel } from './template-model.js';

/**
 * The spec, read again with no title heading when the one parseSpec took for
 * its title is one of its template's level-1 sections, in a template of
 * level-1 chapters with no title of its own: a Rust RFC draft whose only `#`
 * heading so far is `# Summary` (a title, when nothing follows at level 1)
 * had its Summary reported missing and was titled "Summary" (real RFCs).
 * Else the spec as it is.
 */
export function readForTemplate(spec: ParsedSpec, model: TemplateModel | null): ParsedSpec {
  const title = spec.title;
  if (model === null || title === null || model.spec.title !== null) return spec;
  const bare = bareSlug(title.text);
  const isSection = model.sections.some((t) => t.level === 1 && t.parentId === null && t.id !== 'title'
    && (t.headingSlug === title.slug || (bare !== null && t.bareSlug === bare)));
  return isSection ? parseSpec(spec.source, { title: false }) : spec;
}
