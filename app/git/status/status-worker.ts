// Worker-thread entry for the stat-cache status: keeps one StatusEngine per
// repository so the event loop of the main process or web server never waits
// on thousands of stat calls. Bundled builds add this file as its own entry
// point (output `status-worker.js` next to the bundle that uses it).
import { parentPort } from 'node:worker_threads';
import { StatusEngine } from './status-engine.js';
import { serializeError } from '../../errors/index.js';
import { cliStatus } from './cli-status.js';
import { gitCliVersion } from '../git-cli.js';

/** A request from StatusService. */
export type StatusWorkerRequest =
  | { id: number; method: 'status'; dir: string; full?: boolean; useGitCli?: boolean }
  | { id: number; method: 'invalidate'; dir: string; paths: string[] }
  | { id: number; method: 'invalidateAll'; dir: string };

const engines = new Map<string, StatusEngine>();
const engineFor = (dir: string): StatusEngine => {
  let engine = engines.get(dir);
  if (!engine) { engine = new StatusEngine(dir); engines.set(dir, engine); }
  return engine;
};

/** Handles one request; exported so the in-process fallback runs the same code. */
export async function handleStatusRequest(request: StatusWorkerRequest): Promise<unknown> {
  const engine = engineFor(request.dir);
  if (request.method === 'status') {
    // The accelerator gives identical results (checked in status-engine.test.ts); used on request for huge trees.
    if (request.useGitCli && await gitCliVersion()) return cliStatus(engine.dir);
    return engine.status({ full: request.full });
  }
  if (request.method === 'invalidate') engine.invalidate(request.paths);
  else engine.invalidateAll();
  return undefined;
}

parentPort?.on('message', (request: StatusWorkerRequest) => {
  handleStatusRequest(request).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: serializeError(error) }),
  );
});
