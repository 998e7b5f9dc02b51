// GET on a collection: selectors, then limit/continue over the ordered keys.
// Only the page is materialised; the store's objects are shared, not cloned.
import type { KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-types.js';
import { badRequest, StatusError } from '../api/status-error.js';
import type { Cluster } from '../cluster.js';
import { parseFieldSelector, type ObjectMatcher } from '../store/field-selector.js';
import { matcherFor, parseLabelSelector } from '../store/label-selector.js';

/** Query parameters of a list or watch. */
export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
}

/** One page of a list. */
export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

/** Builds the combined label + field predicate of a query. */
export function queryMatcher(type: ResourceType, query: ListQuery): ObjectMatcher {
  const labels = query.labelSelector ? matcherFor(parseLabelSelector(query.labelSelector)) : undefined;
  const fields = query.fieldSelector ? parseFieldSelector(query.fieldSelector, type.kind) : undefined;
  return (object) => (!labels || labels(object.metadata.labels)) && (!fields || fields(object));
}

function decodeContinue(token: string): { start: string; rv: number } {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v: string; rv: number; start: string };
    if (decoded.v !== 'meta.k8s.io/v1' || typeof decoded.start !== 'string') throw new Error('bad version');
    return { start: decoded.start, rv: decoded.rv };
  } catch (error) {
    throw badRequest(`continue key is not valid: ${(error as Error).message}`);
  }
}

function encodeContinue(start: string, rv: number): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

/** Lists one page of objects (all namespaces when `namespace` is undefined). */
export function listObjects(cluster: Cluster, type: ResourceType, namespace: string | undefined, query: ListQuery): ListPage {
  const matches = queryMatcher(type, query);
  const limit = query.limit && query.limit > 0 ? query.limit : Infinity;
  let after: string | undefined;
  let listRevision = cluster.store.currentRevision();
  if (query.continueToken) {
    const decoded = decodeContinue(query.continueToken);
    after = decoded.start;
    listRevision = decoded.rv;
    if (!cluster.store.hub.canResumeFrom(listRevision)) {
      throw new StatusError(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
    }
  }
  const items: KubeObject[] = [];
  let lastKey: string | undefined;
  let more = false;
  for (const [key, object] of cluster.store.scan(type, namespace, after)) {
    if (!matches(object)) continue;
    if (items.length >= limit) { more = true; break; }
    items.push(object);
    lastKey = key;
  }
  return {
    items,
    resourceVersion: String(listRevision),
    ...(more && lastKey !== undefined ? { continueToken: encodeContinue(lastKey, listRevision) } : {}),
  };
}
