// One worker thread started on first use, with requests matched to replies by
// id. The simulation runner, the service renderer and other long work share it
// instead of each repeating the plumbing.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A request waiting for its replies. `settle` returns true when the request is finished. */
export interface PendingRequest<Reply> {
  settle(reply: Reply): boolean;
  fail(error: Error): void;
}

/**
 * The URL of a worker's code beside the calling module: `<name>-dev.mjs` (which
 * registers tsx) under tsx/vitest, `<name>.js` (a build entry) in a bundle.
 */
export function workerUrl(callerUrl: string, name: string): URL {
  return new URL(callerUrl.endsWith('.ts') ? `./${name}-dev.mjs` : `./${name}.js`, callerUrl);
}

/**
 * A worker thread that starts when first asked, restarts after it dies, and
 * fails every pending request (never leaves one hanging) when it stops.
 * @example
 *   const worker = new LazyWorker<{ id: number; value: string }>(workerUrl(import.meta.url, 'my-worker'), 'my worker');
 *   worker.send(1, { id: 1, job: 'x' }, { settle: (reply) => { console.log(reply.value); return true; }, fail: console.error });
 */
export class LazyWorker<Reply extends { id: number }> {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, PendingRequest<Reply>>();

  constructor(private readonly url: URL, private readonly description: string, private readonly options: WorkerOptions = {}) {}

  /** Posts a request; replies with its id go to `pending` until it settles. */
  send(id: number, message: unknown, pending: PendingRequest<Reply>): void {
    const worker = this.ensure();
    // Keep the process alive only while a request is in flight: a CLI awaiting a reply must not exit,
    // and an idle worker must not hold the app open.
    if (this.pending.size === 0) worker.ref();
    this.pending.set(id, pending);
    worker.postMessage(message);
  }

  /** Posts a message that expects no reply (a cancellation, a cache invalidation); dropped when the worker is not running. */
  post(message: unknown): void {
    this.worker?.postMessage(message);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.url, this.options);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const entry = this.pending.get(reply.id);
      if (entry?.settle(reply)) this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const entry of this.pending.values()) entry.fail(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => { if (this.pending.size) failAll(new Error(`The ${this.description} stopped (exit code ${code}).`)); });
    this.worker = worker;
    return worker;
  }
}
