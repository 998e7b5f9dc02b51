// DELETE with propagation (Foreground, Background, Orphan) and garbage
// collection of dependents through ownerReferences, plus finalizers.
import type { KubeObject } from '../api/kube-object.js';
import { resourceTypes, storageKeyOf, type ResourceType } from '../api/resource-types.js';
import { badRequest, conflict, notFound, StatusError } from '../api/status-error.js';
import type { Cluster, WriteOptions } from '../cluster.js';
import { admit } from './commit-write.js';
import { recordEvent } from '../controllers/events.js';

/** How dependents are treated. */
export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

/** Options of one delete call (query string and DeleteOptions body). */
export interface DeleteRequest {
  propagationPolicy?: PropagationPolicy;
  preconditions?: { uid?: string; resourceVersion?: string };
}

const storageTypes = [...new Map(resourceTypes.map((t) => [storageKeyOf(t), t])).values()];

/** Every object that lists `owner` in its ownerReferences, with its type. */
export function dependentsOf(cluster: Cluster, owner: KubeObject): Array<{ type: ResourceType; object: KubeObject }> {
  const found: Array<{ type: ResourceType; object: KubeObject }> = [];
  const uid = owner.metadata.uid;
  for (const type of storageTypes) {
    if (!type.namespaced && owner.metadata.namespace) continue;
    const scope = type.namespaced ? owner.metadata.namespace : undefined;
    for (const object of cluster.store.list(type, scope)) {
      if (object.metadata.ownerReferences?.some((ref) => ref.uid === uid)) found.push({ type, object });
    }
  }
  return found;
}

function orphan(cluster: Cluster, owner: KubeObject): void {
  for (const { type, object } of dependentsOf(cluster, owner)) {
    const ownerReferences = object.metadata.ownerReferences!.filter((ref) => ref.uid !== owner.metadata.uid);
    const metadata: KubeObject['metadata'] = { ...object.metadata, ownerReferences };
    if (ownerReferences.length === 0) delete metadata.ownerReferences;
    cluster.store.put(type, { ...object, metadata });
  }
}

/** Removes an object now, after garbage-collecting its dependents per policy. */
export function removeWithDependents(cluster: Cluster, type: ResourceType, object: KubeObject, policy: PropagationPolicy): KubeObject | undefined {
  if (policy === 'Orphan') orphan(cluster, object);
  else {
    for (const dependent of dependentsOf(cluster, object)) {
      removeWithDependents(cluster, dependent.type, dependent.object, 'Background');
    }
  }
  if (type.kind === 'Pod' && object.metadata.uid) {
    for (const container of object.spec?.containers ?? []) {
      if (!(object.status?.containerStatuses ?? []).some((s: any) => s.name === container.name && s.state?.running)) continue;
      recordEvent(cluster, object, { type: 'Normal', reason: 'Killing', message: `Stopping container ${container.name}`, component: 'kubelet', fieldPath: `spec.containers{${container.name}}` });
    }
  }
  return cluster.store.remove(type, object.metadata.namespace, object.metadata.name!);
}

/** Deletes one object; returns the object as the client should see it. */
export function deleteObject(cluster: Cluster, type: ResourceType, namespace: string | undefined, name: string,
  request: DeleteRequest, options: WriteOptions): KubeObject {
  const existing = cluster.store.get(type, namespace, name);
  if (!existing) throw notFound(type.group, type.plural, name);
  const policy = request.propagationPolicy ?? 'Background';
  if (!['Foreground', 'Background', 'Orphan'].includes(policy)) throw badRequest(`Unsupported propagationPolicy: ${policy}`);
  const pre = request.preconditions;
  if (pre?.uid && pre.uid !== existing.metadata.uid) {
    throw new StatusError(409, 'Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== existing.metadata.resourceVersion) throw conflict(type.group, type.plural, name);
  admit(cluster, 'DELETE', undefined, existing, options);
  const terminating: KubeObject = { ...existing, metadata: { ...existing.metadata, deletionTimestamp: existing.metadata.deletionTimestamp ?? cluster.now() } };
  if (type.kind === 'Namespace') {
    terminating.status = { ...existing.status, phase: 'Terminating' };
    // The namespace controller empties and removes it on its next tick.
    return options.dryRun ? terminating : cluster.store.put(type, terminating);
  }
  if (options.dryRun) return existing;
  const finalizers = existing.metadata.finalizers ?? [];
  if (finalizers.length > 0) return cluster.store.put(type, terminating);
  if (policy === 'Foreground') {
    const marked = cluster.store.put(type, { ...terminating, metadata: { ...terminating.metadata, finalizers: ['foregroundDeletion'] } });
    removeWithDependents(cluster, type, marked, 'Foreground');
    return marked;
  }
  return removeWithDependents(cluster, type, existing, policy) ?? existing;
}
