import { placeholderIdFor, shownId } from '../core/placeholder-id.js';
import { relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { SpecfillError } from '../core/errors.js';
import { isoDate } from '../core/create-spec.js';
import { fillPlaceholders, type Answer, type FillOutcome } from '../core/fill-placeholders.js';
import { setFrontMatterFields } from '../core/front-matter-edit.js';
import { flattenSections } from '../core/match-sections.js';
import { parseSpec } from '../core/parse-spec.js';
import { reconcileAnswers } from '../core/reconcile-answers.js';
import { sectionAt } from '../core/section-at.js';
import type { ParsedSpec } from '../core/spec-types.js';
import { preambleSpan } from '../core/template-model.js';
import type { FillRefusal } from '../core/validate-content.js';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { acquireLock } from './file-lock.js';
import { contentHash, recordFills, type FillerKind, type ProvenanceEntry } from './provenance.js';
import { readTextFileSync } from './read-text-file.js';
import { editTarget, writeFileAtomic } from './write-file-atomic.js';

/** Options of {@link fillFile}. */
export interface FillFileOptions {
  readonly answers: readonly Answer[];
  /** Who fills, for the provenance record. */
  readonly filler: FillerKind;
  readonly model?: string;
  /** Token use and cost of the answer, recorded with the fill (LLM fillers). */
  readonly usage?: ProvenanceEntry['usage'];
  /** Project root: where `.specfill/provenance.json` is. */
  readonly root: string;
  /** Path shown in messages and results. */
  readonly displayPath: string;
  /** Compute and return the diff; write nothing. */
  readonly dryRun?: boolean;
  /** Refuse unless the file's sha256 is this (the hash the caller read). */
  readonly expectedHash?: string;
  readonly maxContentBytes?: number;
  /** The largest spec file read (the config's `maxFileBytes`); default 10 MiB. */
  readonly maxFileBytes?: number;
  /**
   * Answers from a file that may have run before: answers already in place are
   * skipped and the ids after them move (see reconcileAnswers).
   */
  readonly rerunnable?: boolean;
  /** Of the answers, fill only those with these ids (as the answers name them; applied after a rerun is reconciled). */
  readonly only?: readonly string[];
  /** Ids that must all be open placeholders; one that is not is an error and nothing is written. */
  readonly requireOpen?: readonly string[];
  /** Today, for the front matter's `updated` date (default: now). */
  readonly now?: () => Date;
}

/** What `fill --json` prints, and what every filler gets back. */
export interface FillFileResult {
  readonly file: string;
  readonly filled: string[];
  /** Placeholders still open after the fill. */
  readonly remaining: string[];
  readonly refused: FillRefusal[];
  /** Answers skipped because an earlier run put them in place already (rerunnable answers only; absent when none). */
  readonly alreadyFilled?: string[];
  /** sha256 of the file now (after the write; unchanged on a dry run). */
  readonly hash: string;
  /** Unified diff of the change (dry run only). */
  readonly diff?: string;
  /** The text a dry run would write (dry run only). */
  readonly text?: string;
}

/**
 * The fill contract on a file: read it and remember its hash, splice the
 * answers (core), then — under a lock — check that the file has not changed
 * since it was read and replace it atomically. A file changed in between is a
 * conflict (exit 1) and nothing is written. Each fill is recorded in the
 * project's provenance file.
 */
export async function fillFile(path: string, options: FillFileOptions): Promise<FillFileResult> {
  const shown = options.displayPath;
  // Where the fill lands (a link inside the project: where it leads); refused, dry run or not, when a link leads out.
  const target = editTarget(path, options.root, shown);
  const source = readTextFileSync(path, { displayPath: shown, maxBytes: options.maxFileBytes });
  const hash = fileHash(source);
  if (options.expectedHash !== undefined && options.expectedHash !== hash) throw staleError(shown);
  const spec = parseSpec(source);
  const open = spec.placeholders.map((p) => p.id);
  // An id typed without a character that shows nothing (an emoji's U+FE0F) names the id that has it.
  // Filled already, it is no open id: its section's id names it then (`id#2` its second).
  const sectionIds = flattenSections(spec.sections).map((s) => s.id);
  const named = (id: string): string => {
    const found = placeholderIdFor(open, id);
    if (open.includes(found)) return found;
    const hash = id.lastIndexOf('#');
    const base = hash === -1 ? id : id.slice(0, hash);
    return `${placeholderIdFor(sectionIds, base)}${hash === -1 ? '' : id.slice(hash)}`;
  };
  const given = options.answers.map((a) => ({ ...a, id: named(a.id) }));
  const reconciled = options.rerunnable === true ? reconcileAnswers(spec, given) : null;
  // --only names ids as the answers do; a moved id is still chosen by its old name.
  const chosen = options.only === undefined ? null : new Set(options.only.map(named).map((id) => reconciled?.moved.get(id) ?? id));
  const answers = (reconciled?.answers ?? given).filter((a) => chosen === null || chosen.has(a.id));
  const required = (options.requireOpen ?? []).map(named)
    .filter((id) => !reconciled?.alreadyFilled.includes(id))
    .map((id) => reconciled?.moved.get(id) ?? id);
  const unknown = [...new Set(required.filter((id) => !open.includes(id)))];
  if (unknown.length > 0) {
    // An id that names a section of the spec was most likely filled already (with other text).
    const sections = new Set(sectionIds);
    const filled = unknown.filter((id) => sections.has(id));
    const why = filled.length === 0 ? '' : ` (${filled.map((u) => `\`${shownId(u)}\``).join(', ')} ${filled.length === 1 ? 'is a section' : 'are sections'} with no open placeholder, filled already or never given one: edit the text there)`;
    throw new SpecfillError('INVALID_ANSWERS', `no open placeholder has the id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `\`${shownId(u)}\``).join(', ')}${why}; open ids: ${open.map(shownId).join(', ') || '(none)'}`,
      { path: shown }, 'nothing was written; run `specfill placeholders FILE` for the ids');
  }
  const filledOutcome = fillPlaceholders(spec, answers, { maxContentBytes: options.maxContentBytes });
  // A spec that keeps an `updated:` date gets today's; one without keeps every other byte.
  const outcome = filledOutcome.filled.length > 0 && spec.frontMatter?.data !== null && spec.frontMatter?.data !== undefined && Object.hasOwn(spec.frontMatter.data, 'updated')
    ? { ...filledOutcome, source: setFrontMatterFields(filledOutcome.source, { updated: isoDate((options.now ?? (() => new Date()))()) }) }
    : filledOutcome;
  const skipped = reconciled !== null && reconciled.alreadyFilled.length > 0 ? { alreadyFilled: reconciled.alreadyFilled } : {};
  const remaining = (text: string): string[] => parseSpec(text).placeholders.map((p) => p.id);
  if (options.dryRun || outcome.filled.length === 0) {
    return {
      file: shown,
      filled: options.dryRun ? outcome.filled : [],
      remaining: remaining(options.dryRun ? outcome.source : source),
      refused: outcome.refused,
      ...skipped,
      hash,
      ...(options.dryRun ? { diff: createTwoFilesPatch(`a/${shown}`, `b/${shown}`, source, outcome.source, undefined, undefined, { context: 3 }), text: outcome.source } : {}),
    };
  }
  // Root may write anywhere; a file nobody may write is still not specfill's to change.
  if ((statSync(path).mode & 0o222) === 0) {
    throw new SpecfillError('WRITE_FAILED', 'is read-only; the file was left as it was', { path: shown }, 'make it writable (chmod u+w) if it should be filled');
  }
  // A link inside the project is edited at its target, and so locked, read again and written there.
  const release = acquireLock(target, shown);
  try {
    // The file may have changed while we were working: then nothing is written.
    if (fileHash(readTextFileSync(target, { displayPath: shown, maxBytes: options.maxFileBytes })) !== hash) throw staleError(shown);
    await writeFileAtomic(target, outcome.source, { displayPath: shown });
  } finally {
    release();
  }
  const fills = provenanceEntries(spec, outcome, { filler: options.filler, model: options.model, usage: options.usage, at: new Date().toISOString() });
  await recordFills(options.root, relative(options.root, path).split(sep).join('/'), fills).catch(() => undefined);
  return { file: shown, filled: outcome.filled, remaining: remaining(outcome.source), refused: outcome.refused, ...skipped, hash: fileHash(outcome.source) };
}

/**
 * The provenance records of a fill: for each id written, who wrote it, the
 * hash of what was written, and the hash of its section right after, which
 * tells later whether a person has edited it. `before` is the spec the ids
 * belong to; the sections are read from the filled text.
 */
export function provenanceEntries(
  before: ParsedSpec,
  outcome: FillOutcome,
  who: { filler: FillerKind; model?: string; usage?: ProvenanceEntry['usage']; at: string },
): Record<string, ProvenanceEntry> {
  const after = parseSpec(outcome.source);
  const entries: Record<string, ProvenanceEntry> = {};
  const sectionOf = sectionsAfter(before, after, outcome.written);
  for (const [id, text] of outcome.written) {
    const section = sectionOf.get(id) ?? 'title';
    entries[id] = {
      filler: who.filler,
      ...(who.model === undefined ? {} : { model: who.model }),
      at: who.at,
      sha256: contentHash(text),
      section,
      sectionSha256: contentHash(sectionBodyText(after, section)),
      ...(who.usage === undefined ? {} : { usage: who.usage }),
    };
  }
  return entries;
}

/**
 * The section each filled id's text stands in after the fill. Mostly the
 * placeholder's own section, but an answer to a placeholder in a heading is
 * that heading's text: it renames its section (`section` becomes
 * `rate-limiter`), and the sections below it. Found by where the text
 * landed: the placeholder's offset, moved by the earlier fills and by the
 * front matter's `updated:` date.
 */
function sectionsAfter(before: ParsedSpec, after: ParsedSpec, written: ReadonlyMap<string, string>): Map<string, string | null> {
  const fmEnd = (spec: ParsedSpec): number => spec.frontMatter?.span.end ?? 0;
  let shift = fmEnd(after) - fmEnd(before);
  const sections = new Map<string, string | null>();
  // Placeholders are in document order, as the fills were spliced.
  for (const p of before.placeholders) {
    const text = written.get(p.id);
    if (text === undefined) continue;
    // The character before the text: content that opens with a subsection's heading still belongs to this section.
    sections.set(p.id, sectionAt(after.sections, p.span.start + shift - 1)?.id ?? null);
    shift += text.length - (p.span.end - p.span.start);
  }
  return sections;
}

/** The own body of a section (or the part under the title), for provenance hashes. */
export function sectionBodyText(spec: ParsedSpec, sectionId: string): string {
  if (sectionId === 'title') {
    const span = preambleSpan(spec);
    return spec.source.slice(span.start, span.end);
  }
  const section = flattenSections(spec.sections).find((s) => s.id === sectionId);
  return section === undefined ? '' : spec.source.slice(section.bodySpan.start, section.bodySpan.end);
}

/** sha256 of a text's UTF-8 bytes: the `hash` fillers compare (`expectedHash`). */
export function fileHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function staleError(shown: string): SpecfillError {
  return new SpecfillError('CONFLICT', 'changed since it was read; nothing was written', { path: shown },
    'read it again (specfill placeholders) and retry the fill');
}
