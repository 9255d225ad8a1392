import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SpecfillError } from '../core/errors.js';
import type { WorkerRequest, WorkerResponse } from './check-worker.js';
import type { CheckedFile, FileCheckerSetup } from './file-checker.js';

/** Below this many files to parse, starting workers costs more than it saves (each warms its own JIT; measured on 2 cores). */
export const WORKER_THRESHOLD = 2000;

// From src/ (tests run the TypeScript sources) the worker is the built one.
function workerUrl(): URL {
  const here = new URL('./check-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/io/check-worker.js', import.meta.url);
}

/**
 * How many workers a run of `files` files gets: one per core, at most 4, none
 * for small runs. `SPECFILL_WORKERS=N` sets the number (0: none), for
 * benchmarks and constrained machines.
 */
export function workerCount(files: number): number {
  const forced = process.env.SPECFILL_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  if (files < WORKER_THRESHOLD) return 0;
  return Math.min(availableParallelism(), 4, Math.ceil(files / 100));
}

/**
 * Checks files on a pool of worker threads, each taking the next file when it
 * is done with one; `onResult` hears of each file (by its index in `files`)
 * as soon as it is done, in no particular order.
 */
export async function checkInWorkers(
  setup: FileCheckerSetup,
  files: ReadonlyArray<{ absolute: string; shown: string }>,
  count: number,
  onResult: (index: number, result: CheckedFile | SpecfillError) => void,
): Promise<void> {
  let next = 0;
  const url = workerUrl();
  const runWorker = (): Promise<void> => new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: setup });
    const send = (): void => {
      if (next >= files.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      const index = next++;
      worker.postMessage({ index, ...files[index]! } satisfies WorkerRequest);
    };
    worker.on('message', (response: WorkerResponse) => {
      try {
        onResult(response.index, 'checked' in response
          ? response.checked
          : new SpecfillError(response.error.code, response.error.message, response.error.location, response.error.hint));
      } catch (error) {
        next = files.length; // the other workers stop after their current file
        void worker.terminate();
        reject(error);
        return;
      }
      send();
    });
    worker.on('error', reject);
    worker.on('online', send);
  });
  await Promise.all(Array.from({ length: count }, runWorker));
}
