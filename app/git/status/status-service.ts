import { deserializeError, type SerializedError } from '../../errors/index.js';
import { LazyWorker, workerUrl } from '../../workers/lazy-worker.js';
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

type RequestBody = StatusWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * Default worker location: `status-worker.ts` beside this file under tsx/vitest, `status-worker.js`
 * beside the bundle in a build (the build adds app/git/status/status-worker.ts as an entry point).
 */
export function defaultStatusWorkerUrl(): URL {
  return workerUrl(import.meta.url, 'status-worker');
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
    const worker = new LazyWorker<{ id: number; result?: unknown; error?: SerializedError }>(options.workerUrl ?? defaultStatusWorkerUrl(), 'status worker');
    let nextId = 1;
    call = (body) => new Promise((resolve, reject) => {
      const id = nextId++;
      worker.send(id, { ...body, id }, {
        settle: (reply) => {
          if (reply.error) reject(deserializeError(reply.error));
          else resolve(reply.result);
          return true;
        },
        fail: reject,
      });
    });
    close = () => worker.close();
  }
  return {
    status: (dir, statusOptions = {}) => call({ method: 'status', dir, full: statusOptions.full, useGitCli: statusOptions.useGitCli }),
    invalidate: (dir, paths) => call({ method: 'invalidate', dir, paths }),
    close,
  };
}
