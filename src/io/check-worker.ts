// A worker of a large check run: checks the files it is sent, one at a time,
// and sends back each report (or the failure, as plain data).
import { parentPort, workerData } from 'node:worker_threads';
import { SpecfillError } from '../core/errors.js';
import { FileChecker, type FileCheckerSetup } from './file-checker.js';

/** A file to check. */
export interface WorkerRequest {
  readonly index: number;
  readonly absolute: string;
  readonly shown: string;
}

/** What comes back for it. */
export type WorkerResponse =
  | { readonly index: number; readonly checked: import('./file-checker.js').CheckedFile }
  | { readonly index: number; readonly error: { code: SpecfillError['code']; message: string; location: SpecfillError['location']; hint?: string } };

const checker = await FileChecker.create(workerData as FileCheckerSetup);
parentPort!.on('message', (request: WorkerRequest) => {
  try {
    const source = checker.read(request.absolute, request.shown);
    parentPort!.postMessage({ index: request.index, checked: checker.check(request.absolute, request.shown, source) } satisfies WorkerResponse);
  } catch (error) {
    if (!(error instanceof SpecfillError)) throw error;
    parentPort!.postMessage({
      index: request.index,
      error: { code: error.code, message: error.message, location: error.location, hint: error.hint },
    } satisfies WorkerResponse);
  }
});
