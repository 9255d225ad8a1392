import type { FileReport } from '../core/checks/types.js';

// A report taken from the cache carries its JSON body as stored, and a fresh
// one the body the cache has just rendered: the JSON writer copies those bytes
// instead of rendering the findings again (on a run with nothing changed, the
// findings are then never even parsed).
const bodies = new WeakMap<FileReport, () => Uint8Array>();

/** Gives a report its JSON body (`fileJsonBody` in format-json) as UTF-8 bytes, read when first asked for. */
export function attachJsonBody(report: FileReport, body: () => Uint8Array): void {
  bodies.set(report, body);
}

/** The JSON body attached to a report, if any. */
export function jsonBodyOf(report: FileReport): Uint8Array | undefined {
  return bodies.get(report)?.();
}
