import { Writable } from 'node:stream';
import { Log } from '@kubernetes/client-node';
import type { PaverError } from '../../errors/index.js';
import type { ClusterClient } from './cluster-client.js';
import type { ClusterStream, KubeObject } from './cluster-types.js';

/** Which log lines to fetch. */
export interface PodLogOptions {
  /** Defaults to the pod's `kubectl.kubernetes.io/default-container` annotation, else its first container (as kubectl). */
  container?: string;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  /** The previous (crashed) instance of the container. */
  previous?: boolean;
  limitBytes?: number;
}

async function containerOf(client: ClusterClient, namespace: string, pod: string, container: string | undefined): Promise<string> {
  if (container) return container;
  const object = await client.get<KubeObject & { spec?: { containers?: { name: string }[] } }>({ apiVersion: 'v1', kind: 'Pod', namespace, name: pod });
  return object.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? object.spec?.containers?.[0]?.name ?? '';
}

/** The log of a pod's container as text (`kubectl logs --tail`). */
export async function podLogs(client: ClusterClient, namespace: string, pod: string, options: PodLogOptions = {}): Promise<string> {
  const container = await containerOf(client, namespace, pod, options.container);
  const text = await client.request<unknown>({ verb: 'get', resource: 'pods/log', namespace, name: pod }, {
    method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
    query: { container, tailLines: options.tailLines, sinceSeconds: options.sinceSeconds, timestamps: options.timestamps, previous: options.previous, limitBytes: options.limitBytes },
  });
  return typeof text === 'string' ? text : JSON.stringify(text);
}

/**
 * Follows a pod's log (`kubectl logs -f`) through client-node's Log: `onText`
 * gets chunks as they arrive, `onEnd` runs when the stream ends (the pod
 * stopped) or fails. Call stop() to close it.
 */
export async function followPodLogs(
  client: ClusterClient, namespace: string, pod: string, options: PodLogOptions,
  onText: (text: string) => void, onEnd: (error?: PaverError) => void = () => undefined,
): Promise<ClusterStream> {
  const operation = { verb: 'get', resource: 'pods/log', namespace, name: pod };
  const container = await containerOf(client, namespace, pod, options.container);
  let stopped = false;
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      if (!stopped) onText(chunk.toString());
      callback();
    },
  });
  sink.on('finish', () => { if (!stopped) { stopped = true; onEnd(); } });
  let controller: AbortController;
  try {
    controller = await new Log(client.config).log(namespace, pod, container, sink, {
      follow: true, tailLines: options.tailLines, sinceSeconds: options.sinceSeconds, timestamps: options.timestamps, previous: options.previous,
    });
  } catch (error) {
    // client-node 2.0.1 turns network failures and non-500 errors into a bare "500 Error occurred in log request";
    // a plain request for the same log reports the real cause.
    await podLogs(client, namespace, pod, { ...options, container, tailLines: 1 });
    throw client.mapError(error, operation);
  }
  return {
    stop() {
      stopped = true;
      controller.abort();
      sink.destroy();
    },
  };
}
