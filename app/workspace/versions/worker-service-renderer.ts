// A ServiceRenderer whose renders run in a worker thread: publish checks and
// upgrade plans keep the main process and the web server responsive.
import { Worker } from 'node:worker_threads';
import { deserializeError, type SerializedError } from '../../errors/index.js';
import type { ServiceRenderer } from './service-renderer.js';

/** Where the worker's code is: the .ts file under tsx/vitest, the built .js file beside the bundle otherwise. */
export function defaultServiceRenderWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './service-render-worker-dev.mjs' : './service-render-worker.js', import.meta.url);
}

/**
 * Owns the render worker; `renderer(dir)` gives a ServiceRenderer for one
 * operation (drafts are read from disk once per operation).
 * @example const renders = new WorkerServiceRenderers(); const render = renders.renderer('/ws'); await render({ source, service, environment });
 */
export class WorkerServiceRenderers {
  private worker: Worker | undefined;
  private nextId = 1;
  private nextOperation = 1;
  private readonly pending = new Map<number, { resolve: (manifests: string) => void; reject: (error: unknown) => void }>();

  constructor(private readonly url: URL = defaultServiceRenderWorkerUrl()) {}

  /** A renderer for one publish check or upgrade plan in the workspace at `workspaceDir`. */
  renderer(workspaceDir: string): ServiceRenderer {
    const operation = this.nextOperation++;
    return async ({ source, service, environment, kubeVersion }) => {
      const worker = this.ensure();
      const id = this.nextId++;
      const manifests = await new Promise<string>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        worker.postMessage({ id, operation, workspaceDir, template: source.template, version: source.version, service, environment, kubeVersion });
      });
      return { manifests };
    };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    // Helm allows 1,000 nested includes; give the renderer the stack for them.
    const worker = new Worker(this.url, { resourceLimits: { stackSizeMb: 16 } });
    worker.unref();
    worker.on('message', (reply: { id: number; manifests?: string; error?: SerializedError }) => {
      const entry = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error) entry?.reject(deserializeError(reply.error));
      else entry?.resolve(reply.manifests ?? '');
    });
    const failAll = (error: Error) => {
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => { if (this.pending.size) failAll(new Error(`The render worker stopped (exit code ${code}).`)); });
    this.worker = worker;
    return worker;
  }
}
