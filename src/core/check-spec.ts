import { RULES } from './checks/index.js';
import { sectionFieldsAt } from './checks/locate.js';
import { MAX_PER_RULE, type Finding, type FindingDraft, type LinkResolver, type SeveritySetting } from './checks/types.js';
import { asTemplateReads } from './as-template-reads.js';
import { matchSections } from './match-sections.js';
import { completenessOf, sectionStates } from './section-states.js';
import type { ParsedSpec } from './spec-types.js';
import { readSuppressions } from './suppressions.js';
import type { TemplateModel } from './template-model.js';

/** A rule's effective setting. */
export interface RuleSetting {
  readonly severity: SeveritySetting;
  readonly options: Readonly<Record<string, unknown>>;
}

// (In a module of its own: the frontmatter rule reads it, and this module reads the rules.)
import { DEFAULT_STATUSES } from './default-statuses.js';
import { clipped } from './clip-text.js';
export { DEFAULT_STATUSES };

/** Options of {@link checkSpec}. */
export interface CheckSpecOptions {
  readonly template: TemplateModel | null;
  /** Settings by rule id; rules not listed use their default severity. */
  readonly rules?: ReadonlyMap<string, RuleSetting>;
  readonly statuses?: readonly string[];
  /** Answers about other files; without it, links to files are not checked. */
  readonly links?: LinkResolver;
  /** The index table `specfill index` would write into this document (the `stale-index` rule). */
  readonly index?: () => string | null;
  /** The command that writes this document's index again, for the `stale-index` message (default `specfill index`). */
  readonly indexCommand?: string;
  /** Why the template the front matter names cannot be used; `template` is then null (the `frontmatter` rule reports it). */
  readonly templateProblem?: string;
}

/** The findings and completeness of one spec. */
export interface SpecCheck {
  readonly findings: Finding[];
  readonly completeness: number | null;
}

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** Findings at the same place come in the rules' order. */
const RULE_ORDER: ReadonlyMap<string, number> = new Map(RULES.map((r, i) => [r.id, i]));


const NO_LINKS: LinkResolver = { exists: () => true, anchorsOf: () => null };

/**
 * Runs every enabled rule on a parsed spec and returns its findings, sorted by
 * place, without those suppressed by `specfill-disable` comments. Pure: file
 * questions go through `links`.
 */
export function checkSpec(parsed: ParsedSpec, options: CheckSpecOptions): SpecCheck {
  const template = options.template;
  const spec = template === null ? parsed : asTemplateReads(parsed, template);
  const matching = template === null ? null : matchSections(spec, template);
  const states = template === null ? null : sectionStates(spec, template, matching!);
  const suppressed = readSuppressions(spec);
  const findings: Finding[] = [];
  const ruleOn = (id: string): boolean => {
    const rule = RULES.find((r) => r.id === id);
    return rule !== undefined && (options.rules?.get(id)?.severity ?? rule.defaultSeverity) !== 'off';
  };
  RULES.forEach((rule) => {
    const setting = options.rules?.get(rule.id);
    const severity = setting?.severity ?? rule.defaultSeverity;
    if (severity === 'off') return;
    const drafts = rule.check({
      spec,
      template,
      matching,
      states,
      options: setting?.options ?? {},
      statuses: options.statuses ?? DEFAULT_STATUSES,
      links: options.links ?? NO_LINKS,
      index: options.index,
      indexCommand: options.indexCommand,
      templateProblem: options.templateProblem,
      ruleIds: RULE_IDS,
      ruleOn,
      suppressed: (line) => suppressed(rule.id, line),
    });
    // Past the cap, those listed are the first in the document (a rule may find its kinds one after another).
    if (drafts.length > MAX_PER_RULE) drafts.sort((a, b) => a.line - b.line || a.column - b.column);
    let listed = 0;
    let unlisted = 0;
    let firstUnlisted: FindingDraft | undefined;
    for (const d of drafts) {
      if (suppressed(rule.id, d.line)) continue;
      if (listed === MAX_PER_RULE || d.more !== undefined) {
        firstUnlisted ??= d;
        unlisted += d.more ?? 1;
        continue;
      }
      listed++;
      // Every finding in the body names its section, as the JSON contract has it
      // (a marker or a link is found in text, not by section); the front
      // matter's do not, even one left unclosed and so read as Markdown.
      const where = d.sectionId === undefined && rule.id !== 'frontmatter' ? sectionFieldsAt(spec, d.line, d.column) : null;
      findings.push(findingOf(rule.id, severity, d, where));
    }
    if (firstUnlisted !== undefined) {
      const { line, column } = firstUnlisted;
      findings.push(findingOf(rule.id, severity, {
        line, column, endLine: line, endColumn: column, more: unlisted,
        message: `${unlisted} more ${rule.id} finding${unlisted === 1 ? '' : 's'} from here on, not listed (${MAX_PER_RULE} are listed per rule and file); fix those listed, then check again`,
      }, sectionFieldsAt(spec, line, column)));
    }
  });
  findings.sort((a, b) => a.line - b.line || a.column - b.column || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
  const completeness = states === null ? null : completenessOf(states);
  return { findings, completeness };
}

/**
 * A rule's draft as a finding: its fields in the documented order, optional
 * ones only when set, and nothing else a draft carries. Built field by field
 * rather than by spreading the draft: drafts come in many shapes, and a
 * spread of each (thousands per run) was a tenth of the time the rules took.
 */
function findingOf(rule: string, severity: Finding['severity'], d: FindingDraft, where: { sectionId: string; section: readonly string[] } | null): Finding {
  // (`message` is set last, below.)
  const f = { rule, severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn } as Mutable<Finding>;
  const sectionId = where === null ? d.sectionId : where.sectionId;
  if (sectionId !== undefined) f.sectionId = sectionId;
  const section = where === null ? d.section : where.section;
  if (section !== undefined) f.section = section;
  if (d.placeholder !== undefined) f.placeholder = d.placeholder;
  if (d.more !== undefined) f.more = d.more;
  // Last, as the JSON contract lists it.
  f.message = clipped(d.message, MAX_MESSAGE);
  return f;
}

// Longer than this, a message is cut, with `…` (see clip-text.ts; a section's
// names and id are cut where they are made: build-sections.ts, idSegment). A
// heading of megabytes (the file may hold 10 MiB) was written into every finding
// under it, and the report of a 2 MB spec could not be built ("Invalid string
// length"). Real ones are far shorter (on the KEPs: messages up to 630).
const MAX_MESSAGE = 2000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
