// A ServiceRenderer whose renders run in a worker thread: publish checks and
// upgrade plans keep the main process and the web server responsive.
import { deserializeError, type SerializedError } from '../../errors/index.js';
import { LazyWorker, workerUrl } from '../../workers/lazy-worker.js';
import type { ServiceRenderer } from './service-renderer.js';

/** Where the worker's code is: the .ts file under tsx/vitest, the built .js file beside the bundle otherwise. */
export function defaultServiceRenderWorkerUrl(): URL {
  return workerUrl(import.meta.url, 'service-render-worker');
}

/**
 * Owns the render worker; `renderer(dir)` gives a ServiceRenderer for one
 * operation (drafts are read from disk once per operation).
 * @example const renders = new WorkerServiceRenderers(); const render = renders.renderer('/ws'); await render({ source, service, environment });
 */
export class WorkerServiceRenderers {
  private readonly worker: LazyWorker<{ id: number; manifests?: string; error?: SerializedError }>;
  private nextId = 1;
  private nextOperation = 1;

  constructor(url: URL = defaultServiceRenderWorkerUrl()) {
    // Helm allows 1,000 nested includes; give the renderer the stack for them.
    this.worker = new LazyWorker(url, 'render worker', { resourceLimits: { stackSizeMb: 16 } });
  }

  /** A renderer for one publish check or upgrade plan in the workspace at `workspaceDir`. */
  renderer(workspaceDir: string): ServiceRenderer {
    const operation = this.nextOperation++;
    return async ({ source, service, environment, kubeVersion }) => {
      const id = this.nextId++;
      const manifests = await new Promise<string>((resolve, reject) => {
        this.worker.send(id, { id, operation, workspaceDir, template: source.template, version: source.version, service, environment, kubeVersion }, {
          settle: (reply) => {
            if (reply.error) reject(deserializeError(reply.error));
            else resolve(reply.manifests ?? '');
            return true;
          },
          fail: reject,
        });
      });
      return { manifests };
    };
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
