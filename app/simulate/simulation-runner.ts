// Runs simulations in worker threads so the main process and the web server's
// event loop stay responsive; reports progress and supports cancel. With
// several workers, services are sharded by a stable hash of their file's path:
// each worker reads only its shard's service files and keeps rendering the
// same services, so its render cache stays warm.
import { availableParallelism } from 'node:os';
import { deserializeError, SimulationCancelledError, type SerializedError } from '../errors/index.js';
import type { SimulationMatrix, SimulationProgress, SimulationRequest, SimulationResult } from '../api/simulation-types.js';
import { mergeIncrementalResult } from './merge-results.js';
import { LazyWorker, workerUrl } from '../workers/lazy-worker.js';

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
  return workerUrl(import.meta.url, 'simulation-worker');
}

export interface SimulationRunnerOptions {
  workerUrl?: URL;
  /** Worker threads to shard services over (default: the cores available, at most 4). */
  workers?: number;
}

/** One worker thread and its pending runs. */
class SimulationWorker {
  private readonly worker: LazyWorker<WorkerReply>;

  constructor(url: URL) {
    // Helm allows 1,000 nested includes; give the renderer the stack for them.
    this.worker = new LazyWorker<WorkerReply>(url, 'simulation worker', { resourceLimits: { stackSizeMb: 16 } });
  }

  run(id: number, request: SimulationRequest, onProgress?: (p: SimulationProgress) => void): Promise<SimulationResult> {
    return new Promise<SimulationResult>((resolve, reject) => {
      this.worker.send(id, { type: 'run', id, request }, {
        settle: (reply) => {
          if (reply.type === 'progress') {
            onProgress?.(reply.progress);
            return false;
          }
          if (reply.type === 'result') resolve(reply.result);
          else reject(reply.cancelled ? new SimulationCancelledError('The simulation was cancelled; start it again to see results.', { runId: reply.id }) : deserializeError(reply.error));
          return true;
        },
        fail: reject,
      });
    });
  }

  post(message: unknown): void {
    this.worker.post(message);
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}

/**
 * Owns the simulation workers.
 * @example
 *   const runner = new SimulationRunner();
 *   const run = runner.start({ workspaceDir }, (p) => console.log(p.done, p.total));
 *   const result = await run.result;
 */
export class SimulationRunner {
  private readonly workers: SimulationWorker[];
  private nextId = 1;

  constructor(options: SimulationRunnerOptions | URL = {}) {
    const settings = options instanceof URL ? { workerUrl: options } : options;
    const count = Math.max(1, settings.workers ?? Math.min(4, availableParallelism()));
    const url = settings.workerUrl ?? defaultSimulationWorkerUrl();
    this.workers = Array.from({ length: count }, () => new SimulationWorker(url));
  }

  /** Starts a run, sharded over the workers; progress is summed over the shards. */
  start(request: SimulationRequest, onProgress?: (progress: SimulationProgress) => void): SimulationHandle {
    const id = this.nextId++;
    const started = performance.now();
    // Each worker keeps the renders of its shard warm, so an incremental run sends each service to the worker that owns it.
    const count = this.workers.length;
    const requests: { worker: number; request: SimulationRequest }[] = [];
    if (count > 1) {
      // Every worker gets the run for its shard of the service files; named services (an
      // incremental run) are looked for in each shard, and a shard without them answers at once.
      for (let index = 0; index < count; index++) requests.push({ worker: index, request: { ...request, shard: { index, count } } });
    } else {
      requests.push({ worker: 0, request });
    }
    const progress: SimulationProgress[] = [];
    const report = (index: number, p: SimulationProgress) => {
      progress[index] = p;
      const all = progress.filter(Boolean);
      onProgress?.({
        phase: all.every((x) => x.phase === 'done') ? 'done' : all.find((x) => x.phase !== 'done')!.phase,
        done: all.reduce((n, x) => n + x.done, 0),
        total: all.reduce((n, x) => n + x.total, 0),
        message: p.message,
      });
    };
    const runs = requests.map((entry, index) => this.workers[entry.worker]!.run(id, entry.request, (p) => report(index, p)));
    const result = Promise.all(runs).then((parts) => {
      let merged = parts[0]!;
      for (const part of parts.slice(1)) merged = mergeIncrementalResult(merged, part, [...new Set(part.proposed.rows.map((r) => r.service))]);
      // Each shard read the shared files and its own service files: the problems are the union.
      const problemsOf = (pick: (part: SimulationResult) => SimulationMatrix | undefined) => [...new Set(parts.flatMap((part) => pick(part)?.problems ?? []))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      if (parts.length > 1) {
        merged.proposed = { ...merged.proposed, problems: problemsOf((part) => part.proposed) };
        if (merged.baseline) merged.baseline = { ...merged.baseline, problems: problemsOf((part) => part.baseline) };
      }
      merged.stats = {
        ...merged.stats,
        evaluations: parts.reduce((n, p) => n + p.stats.evaluations, 0),
        renders: parts.reduce((n, p) => n + p.stats.renders, 0),
        cachedRenders: parts.reduce((n, p) => n + p.stats.cachedRenders, 0),
        policies: merged.proposed.policies.length,
        environments: new Set(merged.proposed.rows.map((r) => r.environment)).size,
        ms: Math.round(performance.now() - started),
      };
      return merged;
    });
    return { id, result, cancel: () => { for (const worker of this.workers) worker.post({ type: 'cancel', id }); } };
  }

  /** Tells the workers a template's draft changed, so their cached renders are dropped. */
  invalidateTemplate(template: string): void {
    for (const worker of this.workers) worker.post({ type: 'invalidate-template', template });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
