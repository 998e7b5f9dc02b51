import { Worker } from 'node:worker_threads';
import { deserializeError, type SerializedError } from '../../errors/index.js';
import type { WorkingTreeStatus } from './status-types.js';
import type { StatusWorkerRequest } from './status-worker.js';

/** Status of any number of repositories, computed off the main thread. */
export interface StatusService {
  /**
   * Status of the repository at `dir`; `full` re-stats everything (use without a watcher);
   * `useGitCli` asks the git CLI instead when installed (same results; for very large trees).
   */
  status(dir: string, options?: { full?: boolean; useGitCli?: boolean }): Promise<WorkingTreeStatus>;
  /** Feeds watcher events (paths relative to `dir`) so the next status re-checks only those. */
  invalidate(dir: string, paths: string[]): Promise<void>;
  close(): Promise<void>;
}

type Pending = { resolve: (value: any) => void; reject: (error: unknown) => void };
type RequestBody = StatusWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * Default worker location: `status-worker.ts` beside this file under tsx/vitest, `status-worker.js`
 * beside the bundle in a build (the build adds app/git/status/status-worker.ts as an entry point).
 */
export function defaultStatusWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './status-worker-dev.mjs' : './status-worker.js', import.meta.url);
}

/**
 * Starts the status worker. `inProcess` runs the same engine on this thread (CLI, tests of callers).
 * @example const service = await createStatusService(); const status = await service.status('/ws'); await service.close();
 */
export async function createStatusService(options: { workerUrl?: URL; inProcess?: boolean } = {}): Promise<StatusService> {
  let call: (body: RequestBody) => Promise<any>;
  let close: () => Promise<void>;
  if (options.inProcess) {
    const { handleStatusRequest } = await import('./status-worker.js');
    call = (body) => handleStatusRequest({ ...body, id: 0 } as StatusWorkerRequest);
    close = async () => undefined;
  } else {
    const url = options.workerUrl ?? defaultStatusWorkerUrl();
    const worker = new Worker(url);
    worker.unref();
    let exited: Error | undefined;
    const pending = new Map<number, Pending>();
    let nextId = 1;
    worker.on('message', (message: { id: number; result?: unknown; error?: SerializedError }) => {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (pending.size === 0) worker.unref();
      if (message.error) entry?.reject(deserializeError(message.error));
      else entry?.resolve(message.result);
    });
    const failAll = (error: Error): void => { exited = error; for (const entry of pending.values()) entry.reject(error); pending.clear(); };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The status worker stopped (exit code ${code}).`)));
    call = (body) => new Promise((resolve, reject) => {
      if (exited) { reject(exited); return; }
      const id = nextId++;
      // Keep the process alive only while a request is in flight (a CLI awaiting status must not exit).
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id });
    });
    close = async () => { await worker.terminate(); };
  }
  return {
    status: (dir, statusOptions = {}) => call({ method: 'status', dir, full: statusOptions.full, useGitCli: statusOptions.useGitCli }),
    invalidate: (dir, paths) => call({ method: 'invalidate', dir, paths }),
    close,
  };
}
