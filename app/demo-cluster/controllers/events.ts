// core/v1 Events, recorded the way kubelet and controllers do: repeats of the
// same reason and message on the same object bump `count` instead of piling up.
import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType } from '../api/resource-types.js';
import type { Cluster } from '../cluster.js';
import { demoNodeName } from '../seed/default-objects.js';

const eventType = findResourceType('', 'v1', 'events')!;
const recent = new WeakMap<Cluster, Map<string, string>>();

/** One event to record against an object. */
export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  fieldPath?: string;
}

/** Records (or re-counts) an Event about `object`. */
export function recordEvent(cluster: Cluster, object: KubeObject, spec: EventSpec): void {
  const namespace = object.metadata.namespace ?? 'default';
  if (!cluster.store.get({ group: '', plural: 'namespaces' }, undefined, namespace)) return;
  let index = recent.get(cluster);
  if (!index) recent.set(cluster, index = new Map());
  const key = `${object.metadata.uid}|${spec.reason}|${spec.message}|${spec.fieldPath ?? ''}`;
  const now = cluster.now();
  const existingName = index.get(key);
  const existing = existingName ? cluster.store.get(eventType, namespace, existingName) : undefined;
  if (existing) {
    cluster.store.put(eventType, { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now });
    return;
  }
  const name = `${object.metadata.name}.${randomBytes(8).toString('hex')}`;
  index.set(key, name);
  cluster.store.put(eventType, {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name, namespace, uid: cluster.newUid(), creationTimestamp: now },
    involvedObject: {
      kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name, uid: object.metadata.uid,
      apiVersion: object.apiVersion, resourceVersion: object.metadata.resourceVersion, ...(spec.fieldPath ? { fieldPath: spec.fieldPath } : {}),
    },
    reason: spec.reason, message: spec.message,
    source: { component: spec.component, ...(spec.component === 'kubelet' ? { host: demoNodeName } : {}) },
    firstTimestamp: now, lastTimestamp: now, count: 1, type: spec.type, eventTime: null,
    reportingComponent: spec.component, reportingInstance: spec.component === 'kubelet' ? demoNodeName : '',
  });
}

/** How long Events live, as the apiserver's default --event-ttl. */
export const eventTtlMs = 60 * 60 * 1000;
const lastSweep = new WeakMap<Cluster, number>();

/** Deletes Events whose last occurrence is older than the TTL (checked once a minute). */
export function eventTtlController(cluster: Cluster): void {
  const now = cluster.nowMs();
  if (now - (lastSweep.get(cluster) ?? 0) < 60_000) return;
  lastSweep.set(cluster, now);
  const expired = new Set<string>();
  for (const event of cluster.store.list(eventType)) {
    if (now - Date.parse(event.lastTimestamp ?? event.metadata.creationTimestamp ?? '') <= eventTtlMs) continue;
    cluster.store.remove(eventType, event.metadata.namespace, event.metadata.name!);
    expired.add(event.metadata.name!);
  }
  const index = recent.get(cluster);
  if (index && expired.size > 0) for (const [key, name] of index) if (expired.has(name)) index.delete(key);
}
