import { ApiException, HttpMethod, RequestContext } from '@kubernetes/client-node';
import { fetch } from 'undici';
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
    method: 'GET', path: logPath(namespace, pod),
    query: { container, tailLines: options.tailLines, sinceSeconds: options.sinceSeconds, timestamps: options.timestamps, previous: options.previous, limitBytes: options.limitBytes },
  });
  return typeof text === 'string' ? text : JSON.stringify(text);
}

/**
 * Follows a pod's log (`kubectl logs -f`): `onText` gets chunks as they
 * arrive, `onEnd` runs when the stream ends (the pod went away) or fails.
 * Call stop() to close it. The request goes through client-node's
 * authentication; client-node's own Log helper is not used because in 2.0.1
 * it hides the server's error and leaves an unhandled AbortError on stop.
 */
export async function followPodLogs(
  client: ClusterClient, namespace: string, pod: string, options: PodLogOptions,
  onText: (text: string) => void, onEnd: (error?: PaverError) => void = () => undefined,
): Promise<ClusterStream> {
  const operation = { verb: 'get', resource: 'pods/log', namespace, name: pod };
  const container = await containerOf(client, namespace, pod, options.container);
  const url = new URL(`${client.config.getCurrentCluster()!.server}${logPath(namespace, pod)}`);
  const query = { container, follow: true, tailLines: options.tailLines, sinceSeconds: options.sinceSeconds, timestamps: options.timestamps, limitBytes: options.limitBytes };
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  const controller = new AbortController();
  let stopped = false;
  const response = await client.guard(operation, async () => {
    const context = new RequestContext(url.toString(), HttpMethod.GET);
    await client.config.applySecurityAuthentication(context);
    const answer = await fetch(url, { headers: context.getHeaders(), dispatcher: context.getDispatcher(), signal: controller.signal });
    if (answer.status !== 200) {
      const text = await answer.text();
      let body: unknown = text;
      try { body = JSON.parse(text); } catch { /* plain-text error body */ }
      throw new ApiException(answer.status, text, body, Object.fromEntries(answer.headers));
    }
    return answer;
  });
  (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        if (stopped) return;
        onText(decoder.decode(chunk, { stream: true }));
      }
      if (!stopped) onEnd();
    } catch (error) {
      if (!stopped) onEnd(client.mapError(error, operation));
    } finally {
      stopped = true;
    }
  })();
  return {
    stop() {
      stopped = true;
      controller.abort();
    },
  };
}

function logPath(namespace: string, pod: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`;
}
