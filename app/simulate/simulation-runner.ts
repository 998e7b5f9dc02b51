// Runs simulations in a worker thread so the main process and the web server's
// event loop stay responsive; reports progress and supports cancel. Keeps the
// last result so a file change re-simulates only the services it affects.
import { Worker } from 'node:worker_threads';
import { deserializeError, SimulationCancelledError, type SerializedError } from '../errors/index.js';
import type { SimulationProgress, SimulationRequest, SimulationResult } from '../api/simulation-types.js';

/** A running simulation: its result, and a way to cancel it. */
export interface SimulationHandle {
  id: number;
  result: Promise<SimulationResult>;
  cancel(): void;
}

type WorkerReply =
  | { type: 'progress'; id: number; progress: SimulationProgress }
  | { type: 'result'; id: number; result: SimulationResult }
  | { type: 'error'; id: number; error: SerializedError; cancelled: boolean };

/** Where the worker's code is: the .ts file under tsx/vitest, the built .js file beside the bundle otherwise. */
export function defaultSimulationWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './simulation-worker-dev.mjs' : './simulation-worker.js', import.meta.url);
}

/**
 * Owns one simulation worker.
 * @example
 *   const runner = new SimulationRunner();
 *   const run = runner.start({ workspaceDir }, (p) => console.log(p.done, p.total));
 *   const result = await run.result;
 */
export class SimulationRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: SimulationResult) => void; reject: (e: unknown) => void; onProgress?: (p: SimulationProgress) => void }>();

  constructor(private readonly workerUrl: URL = defaultSimulationWorkerUrl()) {}

  /** Starts a run in the worker. */
  start(request: SimulationRequest, onProgress?: (progress: SimulationProgress) => void): SimulationHandle {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const result = new Promise<SimulationResult>((resolve, reject) => this.pending.set(id, { resolve, reject, onProgress }));
    worker.postMessage({ type: 'run', id, request });
    return { id, result, cancel: () => worker.postMessage({ type: 'cancel', id }) };
  }

  /** Tells the worker a template's draft changed, so its cached renders are dropped. */
  invalidateTemplate(template: string): void {
    this.worker?.postMessage({ type: 'invalidate-template', template });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const entry = this.pending.get(reply.id);
      if (!entry) return;
      if (reply.type === 'progress') {
        entry.onProgress?.(reply.progress);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.type === 'result') entry.resolve(reply.result);
      else entry.reject(reply.cancelled ? new SimulationCancelledError('The simulation was cancelled; start it again to see results.', { runId: reply.id }) : deserializeError(reply.error));
    });
    const failAll = (error: Error) => {
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => { if (this.pending.size) failAll(new Error(`The simulation worker stopped (exit code ${code}).`)); });
    this.worker = worker;
    return worker;
  }
}
