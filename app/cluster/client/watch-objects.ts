import { Watch } from '@kubernetes/client-node';
import { ClusterRequestError, type PaverError } from '../../errors/index.js';
import type { ClusterClient } from './cluster-client.js';
import type { ClusterStream, KubeObject, ListOptions, ObjectRef, WatchEvent } from './cluster-types.js';

/** Options of a watch. Pass the resourceVersion of a list to see only what changed after it. */
export interface WatchOptions extends Pick<ListOptions, 'labelSelector' | 'fieldSelector'> {
  resourceVersion?: string;
}

/**
 * Watches objects of a kind through client-node's Watch. Connections that the
 * server or client-node's 30 s idle timer close are resumed from the last
 * resourceVersion seen; a 410 Gone (history compacted) is reported through
 * onError so the caller re-lists, and the watch stops.
 *
 * @example
 *   const page = await client.list(ref);
 *   const stream = await watchObjects(client, ref, { resourceVersion: page.resourceVersion }, (e) => apply(e));
 */
export async function watchObjects<T extends KubeObject = KubeObject>(
  client: ClusterClient, ref: ObjectRef, options: WatchOptions,
  onEvent: (event: WatchEvent<T>) => void, onError: (error: PaverError) => void = () => undefined,
): Promise<ClusterStream> {
  const { path, operation } = await client.target({ ...ref, name: undefined }, 'watch', 'list');
  const watch = new Watch(client.config);
  let resourceVersion = options.resourceVersion;
  let stopped = false;
  let controller: AbortController | undefined;
  let restarts = 0;

  const fail = (error: PaverError) => {
    if (stopped) return;
    stopped = true;
    controller?.abort();
    onError(error);
  };
  let startupError: unknown;
  let starting = false;
  const start = async (first = false): Promise<void> => {
    starting = first;
    const query = { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, resourceVersion, allowWatchBookmarks: true };
    const started = Date.now();
    controller = await watch.watch(path, query, (type, object: any) => {
      if (stopped) return;
      restarts = 0;
      if (type === 'ERROR') {
        const code = typeof object?.code === 'number' ? object.code : 500;
        fail(code === 410
          ? new ClusterRequestError(`The watch of ${operation.resource} on cluster '${client.context.name}' expired (410 Gone: ${object?.message ?? 'too old resource version'}). List again and watch from the new resourceVersion.`,
            { context: client.context.name, status: 410, reason: 'Expired', causes: [] })
          : client.mapError(Object.assign(new Error(object?.message ?? 'watch error'), { statusCode: code }), operation));
        return;
      }
      const version = object?.metadata?.resourceVersion;
      if (typeof version === 'string' && version) resourceVersion = version;
      if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') onEvent({ type, object });
    }, (error: any) => {
      if (stopped) return;
      if (starting && error && startupError === undefined) {
        startupError = error;
        return;
      }
      const idleOrClosed = !error || error?.name === 'TimeoutError' || error?.name === 'AbortError';
      // Resume quietly after a normal close; give up after repeated immediate failures.
      if (idleOrClosed && restarts < 5) {
        restarts = Date.now() - started < 1000 ? restarts + 1 : 0;
        start().catch((startError) => fail(client.mapError(startError, operation)));
        return;
      }
      fail(client.mapError(error ?? new Error('watch closed repeatedly'), operation));
    });
    starting = false;
    if (stopped) controller.abort();
  };
  try {
    await start(true);
  } catch (error) {
    throw client.mapError(error, operation);
  }
  // client-node reports a refused watch (401, 403, unreachable) through its done callback before returning.
  if (startupError !== undefined) throw client.mapError(startupError, operation);
  return {
    stop() {
      stopped = true;
      controller?.abort();
    },
  };
}
