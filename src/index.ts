/**
 * specfill's library API: the whole surface at a glance. Pure functions from
 * `core` take strings and return data; `io` functions touch the file system.
 */
export { parseSpec } from './core/parse-spec.js';
export type {
  Block,
  FrontMatter,
  Heading,
  LocatedMessage,
  MalformedPlaceholder,
  ParsedSpec,
  Placeholder,
  Position,
  Section,
  Span,
  SpecPart,
  TextFormat,
} from './core/spec-types.js';
export { detectTextFormat } from './core/text-format.js';
export { PLACEHOLDER_MARKER } from './core/find-placeholders.js';
export { parseTemplateRef, templateFromSource, type Template, type TemplateOrigin } from './core/template.js';
export { templateOutline, type OutlineSectionJson, type TemplateOutlineJson } from './core/template-outline.js';
export { createSpecSource, type CreateSpecInput } from './core/create-spec.js';
export { completenessOf, sectionStates, type SectionState, type SectionStateName } from './core/section-states.js';
export { buildTemplateModel, type TemplateModel, type TemplateSection } from './core/template-model.js';
export { flattenSections, matchSections, type SectionMatching } from './core/match-sections.js';
export { summarizeSpec, type SpecSummary } from './core/summarize-spec.js';
export { toPlaceholderJson, type PlaceholderJson } from './core/json-shapes.js';
export { checkSpec, DEFAULT_STATUSES, type CheckSpecOptions, type RuleSetting, type SpecCheck } from './core/check-spec.js';
export { findRule, RULES } from './core/checks/index.js';
export type {
  CheckContext,
  CheckReport,
  CheckRule,
  FileReport,
  Finding,
  FindingDraft,
  LinkResolver,
  Severity,
  SeveritySetting,
} from './core/checks/types.js';
export { configSchema, validateConfig, type Config, type ConfigIssue } from './core/config.js';
export { resolveRuleSettings } from './core/rule-settings.js';
export { configJsonSchema } from './core/config-json-schema.js';
export { SpecfillError, type ErrorLocation, type SpecfillErrorCode } from './core/errors.js';
export { buildPrompt, estimateTokens, type BuiltPrompt, type ContextFile, type PromptInput } from './core/build-prompt.js';
export { guardAnswer, unwrapOuterFence, type GuardedAnswer } from './core/output-guard.js';
export { fillPlaceholders, type Answer, type FillOptions, type FillOutcome } from './core/fill-placeholders.js';
export { DEFAULT_MAX_CONTENT_BYTES, validateContent, type FillRefusal, type RefusalReason } from './core/validate-content.js';
export { formatReport, REPORT_FORMATS, type FormatReportOptions, type ReportFormat } from './reporters/index.js';
export {
  BUILT_IN_TEMPLATES_DIR,
  DEFAULT_PROJECT_TEMPLATES_DIR,
  loadTemplates,
  TemplateRegistry,
  type LoadTemplatesOptions,
} from './io/load-templates.js';
export { DEFAULT_MAX_FILE_BYTES, readTextFile, type ReadTextFileOptions } from './io/read-text-file.js';
export { readSpecFile } from './io/read-spec-file.js';
export { writeFileAtomic, type WriteFileAtomicOptions } from './io/write-file-atomic.js';
export { findSpecFiles, type FoundFiles } from './io/find-spec-files.js';
export { findProjectRoot } from './io/project-root.js';
export { CONFIG_FILES, loadConfig, type LoadedConfig } from './io/load-config.js';
export {
  buildReport,
  checkFiles,
  streamCheckFiles,
  type CheckFilesOptions,
  type CheckFilesResult,
  type CheckStreamResult,
  type StreamCheckOptions,
} from './io/check-files.js';
export { gitChangedFiles } from './io/git-changed-files.js';
export { fileHash, fillFile, type FillFileOptions, type FillFileResult } from './io/fill-file.js';
export { readAnswers } from './io/read-answers.js';
export { MACHINE_FILLERS, PROVENANCE_FILE, readProvenance, type FillerKind, type Provenance, type ProvenanceEntry } from './io/provenance.js';
export { main, type MainOptions } from './cli/main.js';
