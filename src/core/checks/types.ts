import type { ParsedSpec } from '../spec-types.js';
import type { SectionMatching } from '../match-sections.js';
import type { SectionState } from '../section-states.js';
import type { TemplateModel } from '../template-model.js';

/** How much a finding matters. `error` fails a check run (exit 1). */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured severity; `off` disables it. */
export type SeveritySetting = Severity | 'off';

/**
 * One problem found in a document: data, never an exception. The shape is
 * part of the public contract (`check --format json`, MCP, web API).
 */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Slug-path id of the section concerned (the placeholder id scheme). */
  readonly sectionId?: string;
  /** Heading texts of the section concerned, outermost first. */
  readonly section?: readonly string[];
  /** Id of the placeholder concerned. */
  readonly placeholder?: string;
  /**
   * Only on the last finding of a rule in a file past {@link MAX_PER_RULE}:
   * how many findings it stands for, not listed. Counts count them all.
   */
  readonly more?: number;
  readonly message: string;
}

/**
 * The most findings of one rule listed for one file: past it, one finding says
 * how many more there are. A file of a million `TODO`s (under the size limit)
 * would otherwise make a report of hundreds of megabytes, and run out of memory.
 */
export const MAX_PER_RULE = 500;

/**
 * What a rule returns; the runner adds the rule id and the configured
 * severity. A rule that stops placing findings (a file of a million `TODO`s)
 * sets `more` on one draft: it stands for that many from its place on.
 */
export type FindingDraft = Omit<Finding, 'rule' | 'severity'>;

/** Answers about files other than the one checked, for rules that follow links. */
export interface LinkResolver {
  /** Whether a path (relative to the checked file, already decoded, no fragment) exists. */
  exists(relativePath: string): boolean;
  /** The heading anchors of a Markdown file (relative to the checked file), or null if it cannot be read. */
  anchorsOf(relativePath: string): ReadonlySet<string> | null;
  /**
   * Whether a path (relative to the checked file) leads above the root of
   * the repository the file is in, where a page on GitHub finds nothing; not
   * asked, or false, when the file is in no repository.
   */
  leavesRepository?(relativePath: string): boolean;
}

/** Everything a rule may look at. */
export interface CheckContext {
  readonly spec: ParsedSpec;
  /** The spec's template, or null when it has none (template rules then stay silent). */
  readonly template: TemplateModel | null;
  /** How the spec's sections line up with the template's (null without a template). */
  readonly matching: SectionMatching | null;
  /** The state of each guided template section (null without a template). */
  readonly states: readonly SectionState[] | null;
  /** Rule options from the config (`rules.<id>.options`), possibly empty. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Allowed values of the front matter `status`. */
  readonly statuses: readonly string[];
  readonly links: LinkResolver;
  /**
   * The index table `specfill index` would write into this document now
   * (for the `stale-index` rule); absent or null when not known.
   */
  readonly index?: () => string | null;
  /** The command that writes this document's index again (default `specfill index`). */
  readonly indexCommand?: string;
  /**
   * Why the template the front matter names cannot be used (an unknown id, a
   * template file that cannot be read); the spec is then checked without one.
   */
  readonly templateProblem?: string;
  /** The ids of every rule, for rules that read rule names written in a document. */
  readonly ruleIds: ReadonlySet<string>;
  /** Whether a rule runs on this spec (not `off`): a rule that leaves a case to another must not leave it to one that is off. */
  readonly ruleOn?: (ruleId: string) => boolean;
  /** Whether a `specfill-disable` comment silences this rule on a line (for a rule that counts rather than lists: see {@link FindingDraft.more}). */
  readonly suppressed?: (line: number) => boolean;
}

/** A check rule: one file under `src/core/checks/`, one page under `docs/checks/`. */
export interface CheckRule {
  readonly id: string;
  readonly defaultSeverity: SeveritySetting;
  /** One line, shown in SARIF rule metadata. */
  readonly description: string;
  /** The options the rule takes in the config (`rules.<id>.options`), by name; none when absent. */
  readonly options?: Readonly<Record<string, RuleOption>>;
  check(context: CheckContext): FindingDraft[];
}

/** An option a rule takes; the config's validation checks values against its kind. */
export interface RuleOption {
  /**
   * `patterns`: a non-empty list of regular expressions, none of which
   * matches empty text. `keys`: a list, possibly empty, of front matter key
   * names, each written once.
   */
  readonly kind: 'patterns' | 'keys';
  readonly description: string;
}

/** The check result of one file. */
export interface FileReport {
  /** Relative to the working directory, `/`-separated. */
  readonly path: string;
  /** `id@version` of the template checked against, or null. */
  readonly template: string | null;
  /** Share of guided template sections that hold content (0–1), or null without a template. */
  readonly completeness: number | null;
  readonly findings: readonly Finding[];
}

/** The whole result of `specfill check`, as `--format json` prints it. */
export interface CheckReport {
  readonly version: 1;
  readonly files: readonly FileReport[];
  readonly summary: {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
  };
}
