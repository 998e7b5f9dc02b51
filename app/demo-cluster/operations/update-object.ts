// PUT: replace an object, with optimistic concurrency on resourceVersion and
// the status subresource split (the main resource cannot change status, and
// /status can change nothing else).
import type { KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-types.js';
import { badRequest, conflict, notFound } from '../api/status-error.js';
import { managerFromUserAgent, recordUpdate } from '../apply/managed-fields.js';
import type { Cluster, WriteOptions } from '../cluster.js';
import { commitWrite } from './commit-write.js';
import { checkBodyIdentity } from './create-object.js';

/** Merges the request's object onto the stored one according to the subresource. */
export function carryServerFields(type: ResourceType, next: KubeObject, old: KubeObject, subresource?: string): KubeObject {
  let object = next;
  if (subresource === 'status') object = { ...old, status: next.status, metadata: { ...old.metadata } };
  else if (type.subresources?.includes('status') && type.kind !== 'Namespace') {
    object = { ...next };
    if (old.status === undefined) delete object.status;
    else object.status = old.status;
  }
  object.metadata = {
    ...object.metadata,
    name: old.metadata.name, namespace: old.metadata.namespace, uid: old.metadata.uid,
    creationTimestamp: old.metadata.creationTimestamp,
    ...(old.metadata.deletionTimestamp ? { deletionTimestamp: old.metadata.deletionTimestamp } : {}),
    ...(object.metadata.managedFields === undefined && old.metadata.managedFields ? { managedFields: old.metadata.managedFields } : {}),
  };
  if (!object.metadata.namespace) delete object.metadata.namespace;
  return object;
}

/** Replaces an object; a stale resourceVersion is a 409 Conflict. */
export function updateObject(cluster: Cluster, type: ResourceType, namespace: string | undefined, name: string,
  body: KubeObject, options: WriteOptions, subresource?: string): KubeObject {
  const next = checkBodyIdentity(type, namespace, body);
  if (next.metadata.name && next.metadata.name !== name) {
    throw badRequest(`the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`);
  }
  const old = cluster.store.get(type, namespace, name);
  if (!old) throw notFound(type.group, type.plural, name);
  if (next.metadata.resourceVersion && next.metadata.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(type.group, type.plural, name);
  }
  const object = carryServerFields(type, next, old, subresource);
  object.metadata.resourceVersion = old.metadata.resourceVersion;
  recordUpdate(object, old, options.fieldManager ?? managerFromUserAgent(options.userAgent), cluster.now(), subresource);
  return commitWrite(cluster, type, object, old, options, subresource);
}
