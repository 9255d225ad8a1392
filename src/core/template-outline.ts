import { toPlaceholderJson, type PlaceholderJson } from './json-shapes.js';
import { PLACEHOLDER_MARKER } from './find-placeholders.js';
import { blocksIn } from './section-prose.js';
import type { Block, ParsedSpec, Section, Span } from './spec-types.js';
import { preambleSpan } from './template-model.js';
import type { Template } from './template.js';

/** One section of a template outline. */
export interface OutlineSectionJson {
  readonly id: string;
  readonly heading: string;
  readonly level: number;
  readonly placeholders: PlaceholderJson[];
  readonly children: OutlineSectionJson[];
  /** The template whose text the section has: this one, or (for a template that extends another) a base. */
  readonly from: string;
  /** A spec may leave the section out (the template's `optional:`, or "(Optional)" in the heading). */
  readonly optional: boolean;
  /** The template's own prose in the section, which a spec must replace (whitespace collapsed; empty when none). */
  readonly guidance: string;
  /** The other HTML comments in the section's own text (KEP-style guidance), each on one line. */
  readonly comments: string[];
}

/** What `templates show ID --json` prints: the template's section tree with its placeholders. */
export interface TemplateOutlineJson {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly origin: Template['origin'];
  readonly path: string;
  readonly title: string | null;
  /** Placeholders before the first section (id `title`). */
  readonly titlePlaceholders: PlaceholderJson[];
  /** Prose guidance and other comments before the first section, as in a section. */
  readonly titleGuidance: string;
  readonly titleComments: string[];
  readonly sections: OutlineSectionJson[];
  /** Number of placeholders in all. */
  readonly placeholders: number;
  /** The template this one extends, or null. */
  readonly extends: string | null;
}

/** The outline of a template: sections, and each placeholder's id and instruction, with the section's other guidance. */
export function templateOutline(template: Template): TemplateOutlineJson {
  const { spec } = template;
  const placeholdersOf = (sectionId: string | null): PlaceholderJson[] =>
    spec.placeholders.filter((p) => p.sectionId === sectionId).map(toPlaceholderJson);
  // The part under the title has the id `title` too, as a `## Title` section would: told apart by their paths.
  const modelOf = new Map(template.model.sections.filter((m) => m.path.length > 0).map((m) => [m.id, m]));
  const preamble = template.model.sections.find((m) => m.id === 'title' && m.path.length === 0);
  const toJson = (s: Section): OutlineSectionJson => ({
    id: s.id,
    heading: s.heading.shown,
    level: s.heading.level,
    placeholders: placeholdersOf(s.id),
    children: s.children.map(toJson),
    from: template.extends === null ? template.id : template.layers[s.id] ?? template.extends,
    optional: modelOf.get(s.id)?.optional ?? false,
    guidance: shownGuidance(modelOf.get(s.id)?.guidance ?? ''),
    comments: [...commentAbove(spec, s), ...commentsIn(spec, s.bodySpan)],
  });
  return {
    id: template.id,
    name: template.name,
    version: template.version,
    description: template.description,
    origin: template.origin,
    path: template.path,
    title: spec.title?.shown ?? null,
    titlePlaceholders: placeholdersOf(null),
    titleGuidance: shownGuidance(preamble?.guidance ?? ''),
    titleComments: commentsIn(spec, preambleSpan(spec)),
    sections: spec.sections.map(toJson),
    placeholders: spec.placeholders.length,
    extends: template.extends,
  };
}

/**
 * The text of each HTML comment block in a span that is not a placeholder, on
 * one line; not one on the line right above a heading (MADR's `<!-- This is an
 * optional element. Feel free to remove. -->` over `## Decision Drivers`),
 * which is about that heading's section (see {@link commentAbove}).
 */
function commentsIn(spec: ParsedSpec, span: Span): string[] {
  const out: string[] = [];
  for (const block of blocksIn(spec, span)) {
    if (block.kind === 'html' && block.htmlKind === 2 && !isRightAboveHeading(spec, block)) out.push(...commentTexts(spec, block));
  }
  return out;
}

/** The comments of a comment block right above a section's heading: that section's. */
function commentAbove(spec: ParsedSpec, section: Section): string[] {
  const start = section.heading.span.start;
  const k = spec.blocks.findIndex((b) => b.start === start);
  const above = k > 0 ? spec.blocks[k - 1]! : undefined;
  return above !== undefined && above.kind === 'html' && above.htmlKind === 2 && isRightAboveHeading(spec, above) ? commentTexts(spec, above) : [];
}

/** Whether a block ends on the line right before a heading's (no blank line between). */
function isRightAboveHeading(spec: ParsedSpec, block: Block): boolean {
  const k = spec.blocks.indexOf(block);
  const next = spec.blocks[k + 1];
  return next !== undefined && next.kind === 'heading' && /^[ \t]*(?:\r\n|\r|\n)$/.test(spec.source.slice(block.end, next.lineStart));
}

/** The comments of a comment block other than placeholders, each on one line. */
function commentTexts(spec: ParsedSpec, block: Block): string[] {
  const out: string[] = [];
  for (const m of spec.source.slice(block.start, block.end).matchAll(/<!--([\s\S]*?)(?:-->|$)/g)) {
    const text = m[1]!.replace(/\s+/g, ' ').trim();
    if (text !== '' && !text.startsWith(PLACEHOLDER_MARKER)) out.push(text);
  }
  return out;
}

/** One row of `templates --json` and of the MCP `list_templates` tool. */
export interface TemplateListingJson {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly origin: Template['origin'];
  readonly path: string;
  readonly description: string;
  /** Number of sections, subsections included. */
  readonly sections: number;
  readonly placeholders: number;
}

/** A template's row in a listing. */
export function templateListing(t: Template): TemplateListingJson {
  return {
    id: t.id,
    name: t.name,
    version: t.version,
    origin: t.origin,
    path: t.path,
    description: t.description,
    sections: countSections(t.spec.sections),
    placeholders: t.spec.placeholders.length,
  };
}

function countSections(sections: readonly Section[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

/**
 * Guidance as a reader would quote it: the sentence marks the model puts
 * after each table row (` ;`, so rows compare as sentences) taken out.
 */
function shownGuidance(guidance: string): string {
  return guidance.indexOf('|') === -1 ? guidance : guidance.replace(/\|[ \t]*;(?:[ \t]*;)*/g, '|');
}
