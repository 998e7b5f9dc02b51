// Watch streams: newline-delimited JSON events over a chunked response,
// resumable from a resourceVersion, with optional BOOKMARKs and timeout.
import type { ServerResponse } from 'node:http';
import type { KubeObject } from '../api/kube-object.js';
import { apiVersionOf, storageKeyOf, type ResourceType } from '../api/resource-types.js';
import type { Cluster } from '../cluster.js';
import { queryMatcher, type ListQuery } from '../operations/list-objects.js';
import type { StoreEvent } from '../store/watch-hub.js';
import { toTable } from './table.js';

/** Options of one watch request. */
export interface WatchRequest {
  type: ResourceType;
  namespace?: string;
  query: ListQuery;
  allowBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
  asTable: boolean;
  bookmarkIntervalMs: number;
}

/** Serves a watch until the client disconnects or the timeout elapses. */
export function serveWatch(cluster: Cluster, res: ServerResponse, request: WatchRequest): void {
  const { type, namespace } = request;
  const matches = queryMatcher(type, request.query);
  const inScope = (object: KubeObject) => (!namespace || object.metadata.namespace === namespace) && matches(object);
  const apiVersion = apiVersionOf(type);
  let lastRevision = cluster.store.currentRevision();

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const write = (eventType: string, object: KubeObject) => {
    if (request.asTable) {
      res.write(`${JSON.stringify({ type: eventType, object: toTable(type.kind, [object], cluster.nowMs()) })}\n`);
    } else if (object.apiVersion === apiVersion) {
      res.write(`{"type":"${eventType}","object":${cluster.store.json(object)}}\n`);
    } else {
      res.write(`${JSON.stringify({ type: eventType, object: { ...object, apiVersion } })}\n`);
    }
  };
  const bookmark = (annotations?: Record<string, string>) => {
    res.write(`${JSON.stringify({ type: 'BOOKMARK', object: { kind: type.kind, apiVersion, metadata: { resourceVersion: String(lastRevision), ...(annotations ? { annotations } : {}) } } })}\n`);
  };

  const rv = request.query.resourceVersion;
  const fromRevision = rv && rv !== '0' ? Number(rv) : undefined;
  if (fromRevision !== undefined && (!Number.isFinite(fromRevision) || !cluster.store.hub.canResumeFrom(fromRevision))) {
    res.write(`${JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${rv} (${cluster.store.currentRevision()})`, reason: 'Expired', code: 410 } })}\n`);
    res.end();
    return;
  }
  // As in the apiserver, a change that moves an object into or out of a
  // filtered watch arrives as ADDED or DELETED, so informers stay correct.
  const deliver = (event: StoreEvent) => {
    const now = inScope(event.object);
    if (event.type !== 'MODIFIED' || !event.previous) { if (now) write(event.type, event.object); return; }
    const before = inScope(event.previous);
    if (now) write(before ? 'MODIFIED' : 'ADDED', event.object);
    else if (before) write('DELETED', event.object);
  };
  const subscription = cluster.store.hub.subscribe(storageKeyOf(type), (event) => {
    lastRevision = event.revision;
    deliver(event);
  });
  if (fromRevision === undefined || request.sendInitialEvents) {
    for (const [, object] of cluster.store.scan(type, namespace)) if (inScope(object)) write('ADDED', object);
    if (request.sendInitialEvents && request.allowBookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
  } else {
    for (const event of cluster.store.hub.eventsAfter(storageKeyOf(type), fromRevision)) deliver(event);
  }
  const timers: NodeJS.Timeout[] = [];
  if (request.allowBookmarks) timers.push(setInterval(() => bookmark(), request.bookmarkIntervalMs));
  const stop = () => {
    subscription.close();
    timers.forEach((t) => clearInterval(t));
    if (!res.writableEnded) res.end();
  };
  if (request.timeoutSeconds && request.timeoutSeconds > 0) {
    timers.push(setTimeout(stop, request.timeoutSeconds * 1000));
  }
  res.on('close', stop);
}
