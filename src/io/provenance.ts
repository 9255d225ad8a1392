import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { acquireLock } from './file-lock.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Who filled a placeholder. */
export type FillerKind = 'answers' | 'interactive' | 'web' | 'agent' | 'mcp';

/** Fillers that are machines: their fills count until a person edits them. */
export const MACHINE_FILLERS: readonly FillerKind[] = ['agent', 'mcp'];

/** One recorded fill. */
export interface ProvenanceEntry {
  readonly filler: FillerKind;
  readonly model?: string;
  /** ISO time of the fill. */
  readonly at: string;
  /** sha256 of the content written (line endings as `\n`, trimmed). */
  readonly sha256: string;
  /** Section id the placeholder was in (`title` before the first section). */
  readonly section: string;
  /** sha256 of that section's own body right after the fill: while it matches, no one has edited it. */
  readonly sectionSha256: string;
  /** For an LLM's fill: tokens in and out, and the estimated cost in US dollars (null when unknown). */
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd: number | null };
}

/** `.specfill/provenance.json`: spec path (relative to the project root, `/`) → placeholder id → entry. */
export interface Provenance {
  readonly version: 1;
  readonly specs: Record<string, Record<string, ProvenanceEntry>>;
}

/** Where the provenance file lives in a project. */
export const PROVENANCE_FILE = '.specfill/provenance.json';

/** The hash recorded for content, and compared with a section's content later. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim()).digest('hex');
}

/** Reads the provenance of a project; a missing or broken file is an empty one (it is a record, never a requirement). */
export function readProvenance(root: string): Provenance {
  try {
    const data = JSON.parse(readFileSync(join(root, PROVENANCE_FILE), 'utf8')) as Provenance;
    if (data.version === 1 && typeof data.specs === 'object' && data.specs !== null) return data;
  } catch {
    // none yet, or unreadable: start afresh
  }
  return { version: 1, specs: {} };
}

/** Adds fills to the provenance file. A failure to record is reported to the caller, never fatal to the fill. */
export async function recordFills(root: string, spec: string, fills: Record<string, ProvenanceEntry>): Promise<void> {
  mkdirSync(join(root, dirname(PROVENANCE_FILE)), { recursive: true });
  await updateFills(root, spec, (current) => ({ ...current, ...fills }));
}

/**
 * Changes the recorded fills of one spec: read, change and write under the
 * lock, since fills of different specs may run at once. `change` gets the
 * spec's fills (empty when none).
 */
async function updateFills(root: string, spec: string, change: (fills: Record<string, ProvenanceEntry>) => Record<string, ProvenanceEntry>): Promise<void> {
  const path = join(root, PROVENANCE_FILE);
  const release = await waitForLock(path, PROVENANCE_FILE);
  try {
    const current = readProvenance(root);
    const specs = { ...current.specs, [spec]: change(current.specs[spec] ?? {}) };
    await writeFileAtomic(path, `${JSON.stringify({ version: 1, specs }, null, 2)}\n`);
  } finally {
    release();
  }
}

async function waitForLock(path: string, shown: string): Promise<() => void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return acquireLock(path, shown);
    } catch (error) {
      if (attempt >= 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }
}

/**
 * Follows sections whose ids changed (a heading `sync` renamed, and the
 * subsections under it): their fills are re-keyed, so a machine's fill still
 * counts as one (the section's text, and so its hash, did not change).
 */
export async function moveProvenanceSections(root: string, spec: string, moved: Readonly<Record<string, string>>): Promise<void> {
  if (Object.keys(moved).length === 0 || readProvenance(root).specs[spec] === undefined) return;
  await updateFills(root, spec, (fills) => {
    const next: Record<string, ProvenanceEntry> = {};
    for (const [id, entry] of Object.entries(fills)) {
      const section = moved[entry.section];
      if (section === undefined) next[id] = entry;
      else next[id.startsWith(entry.section) ? section + id.slice(entry.section.length) : id] = { ...entry, section };
    }
    return next;
  });
}
