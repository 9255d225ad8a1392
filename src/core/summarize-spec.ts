import { asTemplateReads } from './as-template-reads.js';
import { completenessOf, sectionStates, type SectionState } from './section-states.js';
import type { ParsedSpec } from './spec-types.js';
import type { TemplateModel } from './template-model.js';

/** What `specfill status` reports for one spec; the `--json` shape. */
export interface SpecSummary {
  /** Path relative to the working directory, `/`-separated. */
  readonly path: string;
  readonly title: string;
  /** The template as the front matter names it, a bare id completed with the version (`rfc@3`); else as the config maps it (`id@version`); or null. */
  readonly template: string | null;
  readonly status: string | null;
  readonly owners: string[];
  /** Ids of the placeholders still open. */
  readonly openPlaceholders: string[];
  /** Number of malformed `AGENT_PLACEHOLDER` markers. */
  readonly malformedPlaceholders: number;
  /** Guided template sections that hold content, and all guided template sections. */
  readonly sectionsFilled: number | null;
  readonly sectionsGuided: number | null;
  /** sectionsFilled / sectionsGuided, from 0 to 1; null when the spec's template is unknown. */
  readonly completeness: number | null;
  readonly sections: SectionState[] | null;
  /** A front matter problem, if any. */
  readonly frontMatterError: string | null;
  /** Sections filled by a machine (an LLM agent, an MCP client) and not edited by a person since. */
  readonly machineFilled: number;
  /** The front matter's `updated` date, else its `created` date, else null. */
  readonly updated: string | null;
}

/**
 * The template a spec names, as `status` shows it: as its front matter
 * writes it (`tech-spec@1` even when the template is at version 2 now, which
 * is how specs left behind are found; a template file's path), completed with
 * the version when it names a bare id (`rfc` → `rfc@3`); from the config's
 * mapping (`id@version`) when it names none.
 */
function templateShown(written: string | null, template: TemplateModel | null): string | null {
  if (written === null) return template?.ref ?? null;
  if (template !== null && !written.includes('@') && template.ref.startsWith(`${written}@`)) return template.ref;
  return written;
}

/** Summarizes a parsed spec, against its template when known. */
export function summarizeSpec(path: string, spec: ParsedSpec, template: TemplateModel | null, fileName: string, machineFilled = 0): SpecSummary {
  const data = spec.frontMatter?.data ?? {};
  const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
  const owners = Array.isArray(data.owners) ? data.owners.map(String) : text(data.owners) !== null ? [String(data.owners)] : [];
  // (The sections as check reads them: see as-template-reads.ts.)
  const states = template === null ? null : sectionStates(asTemplateReads(spec, template), template);
  const filled = states === null ? null : states.filter((s) => s.state === 'filled').length;
  const guided = states === null ? null : states.length;
  return {
    path,
    // A setext title may run over lines; a title is one line wherever it is shown.
    title: (text(data.title) ?? spec.title?.shown ?? firstHeadingAsTitle(spec, template) ?? fileName).replace(/\s+/g, ' ').trim(),
    template: templateShown(text(data.template), template),
    status: text(data.status),
    owners,
    openPlaceholders: spec.placeholders.map((p) => p.id),
    malformedPlaceholders: spec.malformed.length,
    sectionsFilled: filled,
    sectionsGuided: guided,
    completeness: states === null ? null : completenessOf(states),
    sections: states,
    frontMatterError: spec.frontMatter?.error ? `${spec.frontMatter.error.line}:${spec.frontMatter.error.column} ${spec.frontMatter.error.message}` : null,
    machineFilled,
    updated: dateOf(data.updated) ?? dateOf(data.created),
  };
}

/**
 * The first heading, as the title of a spec that has no title heading, unless
 * it is one of its template's sections: a template without a title (a Rust
 * RFC opens with `# Summary`) would make every spec's title "Summary", and
 * the file's name says more.
 */
function firstHeadingAsTitle(spec: ParsedSpec, template: TemplateModel | null): string | null {
  const first = spec.headings[0];
  if (first === undefined) return null;
  if (template !== null && template.sections.some((t) => t.id === first.slug)) return null;
  // Nor is a table of contents a title.
  if (TOC_HEADING.test(first.shown.trim())) return null;
  return first.shown;
}

const TOC_HEADING = /^(?:table\s+of\s+contents?|contents|toc|index|outline|in\s+this\s+document)$/i;

function dateOf(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
