// POST: create an object (generateName, uid, timestamps, namespace checks).
import { cloneObject, type KubeObject } from '../api/kube-object.js';
import { apiVersionOf, type ResourceType } from '../api/resource-types.js';
import { alreadyExists, badRequest, notFound, StatusError } from '../api/status-error.js';
import { recordUpdate, managerFromUserAgent } from '../apply/managed-fields.js';
import type { Cluster, WriteOptions } from '../cluster.js';
import { commitWrite } from './commit-write.js';

const nameAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** Five random characters, the suffix the apiserver gives generateName. */
export function randomSuffix(length = 5): string {
  let suffix = '';
  for (let i = 0; i < length; i++) suffix += nameAlphabet[Math.floor(Math.random() * nameAlphabet.length)];
  return suffix;
}

/** Checks the target namespace exists and is not terminating. */
export function requireNamespace(cluster: Cluster, namespace: string): void {
  const found = cluster.store.get({ group: '', plural: 'namespaces' }, undefined, namespace);
  if (!found) throw notFound('', 'namespaces', namespace);
  if (found.status?.phase === 'Terminating' || found.metadata.deletionTimestamp) {
    throw new StatusError(403, 'Forbidden', `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
}

/** Normalises identity fields of a request body against the URL. */
export function checkBodyIdentity(type: ResourceType, namespace: string | undefined, body: KubeObject): KubeObject {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the request body must be a JSON object');
  const object = cloneObject(body);
  object.metadata = object.metadata && typeof object.metadata === 'object' ? object.metadata : {};
  if (object.apiVersion && object.apiVersion !== apiVersionOf(type)) {
    throw badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersionOf(type)})`);
  }
  if (object.kind && object.kind !== type.kind) {
    throw badRequest(`the kind in the data (${object.kind}) does not match the expected kind (${type.kind})`);
  }
  if (type.namespaced) {
    if (object.metadata.namespace && namespace && object.metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    object.metadata.namespace = namespace ?? object.metadata.namespace;
  } else delete object.metadata.namespace;
  return object;
}

/** Validates identity and stamps uid, name and timestamps on a new object (not yet stored). */
export function prepareCreate(cluster: Cluster, type: ResourceType, namespace: string | undefined, body: KubeObject, options: WriteOptions): KubeObject {
  const object = checkBodyIdentity(type, namespace, body);
  if (type.namespaced) {
    if (!object.metadata.namespace) throw badRequest('the server could not find the requested resource: a namespace is required');
    requireNamespace(cluster, object.metadata.namespace);
  }
  const meta = object.metadata;
  if (!meta.name) {
    if (!meta.generateName) {
      throw new StatusError(422, 'Invalid', `${type.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
        { kind: type.kind, group: type.group, causes: [{ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' }] });
    }
    meta.name = `${meta.generateName}${randomSuffix()}`;
  }
  if (cluster.store.get(type, meta.namespace, meta.name)) throw alreadyExists(type.group, type.plural, meta.name);
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  // Seed manifests may fix a uid so their ownerReferences can point at it.
  meta.uid = options.preserveStatus && typeof meta.uid === 'string' ? meta.uid : cluster.newUid();
  meta.creationTimestamp = cluster.now();
  delete meta.managedFields;
  // The status subresource belongs to controllers: a create cannot set it.
  if (type.subresources?.includes('status') && !options.preserveStatus && type.kind !== 'Namespace') delete object.status;
  object.apiVersion = apiVersionOf(type);
  object.kind = type.kind;
  return object;
}

/** Creates an object; `body` is never modified. */
export function createObject(cluster: Cluster, type: ResourceType, namespace: string | undefined, body: KubeObject, options: WriteOptions): KubeObject {
  const object = prepareCreate(cluster, type, namespace, body, options);
  recordUpdate(object, undefined, options.fieldManager ?? managerFromUserAgent(options.userAgent), cluster.now());
  return commitWrite(cluster, type, object, undefined, options);
}
