// Renders services for publish checks and upgrade plans in a worker thread, so
// rendering dozens of services never blocks the app's main process.
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../../errors/index.js';
import type { ServiceDefinition } from '../model/workspace-model-types.js';
import { readTemplateAtVersion } from './read-template-at-version.js';
import { createEngineServiceRenderer } from './service-renderer.js';
import { readTemplateDraft, type TemplateSource } from './template-source.js';

export interface ServiceRenderWorkerRequest {
  id: number;
  /** One operation (a publish check, an upgrade plan): drafts are read once per operation. */
  operation: number;
  workspaceDir: string;
  template: string;
  /** 'draft' or a published version. */
  version: string;
  service: ServiceDefinition;
  environment: string | undefined;
  kubeVersion?: string;
}

const render = createEngineServiceRenderer();
const sources = new Map<string, Promise<TemplateSource>>();

function sourceFor(request: ServiceRenderWorkerRequest): Promise<TemplateSource> {
  // Published versions are immutable; a draft is read afresh for every operation.
  const key = `${request.workspaceDir}\0${request.template}\0${request.version}${request.version === 'draft' ? `\0${request.operation}` : ''}`;
  let source = sources.get(key);
  if (!source) {
    source = request.version === 'draft'
      ? readTemplateDraft(request.workspaceDir, request.template)
      : readTemplateAtVersion(request.workspaceDir, request.template, request.version);
    if (sources.size > 200) sources.clear();
    sources.set(key, source);
  }
  return source;
}

parentPort?.on('message', (request: ServiceRenderWorkerRequest) => {
  sourceFor(request)
    .then((source) => render({ source, service: request.service, environment: request.environment, kubeVersion: request.kubeVersion }))
    .then(
      (result) => parentPort!.postMessage({ id: request.id, manifests: result.manifests }),
      (error: unknown) => parentPort!.postMessage({ id: request.id, error: serializeError(error) }),
    );
});
