// PATCH in its four content types. Server-side apply may create the object.
import { parse as parseYaml } from 'yaml';
import { cloneObject, isPlainObject, type KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-types.js';
import { badRequest, conflict, notFound, StatusError } from '../api/status-error.js';
import { managerFromUserAgent, recordUpdate } from '../apply/managed-fields.js';
import { serverSideApply } from '../apply/server-side-apply.js';
import type { Cluster, WriteOptions } from '../cluster.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import { applyMergePatch } from '../patch/json-merge-patch.js';
import { applyStrategicMergePatch } from '../patch/strategic-merge-patch.js';
import { commitWrite } from './commit-write.js';
import { checkBodyIdentity, prepareCreate, requireNamespace } from './create-object.js';
import { carryServerFields } from './update-object.js';

/** The patch types the demo cluster accepts, by Content-Type. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** Maps a Content-Type header to a patch type, or throws 415. */
export function patchTypeOf(contentType: string | undefined): PatchType {
  const base = (contentType ?? '').split(';')[0]!.trim();
  switch (base) {
    case 'application/json-patch+json': return 'json';
    case 'application/merge-patch+json': return 'merge';
    case 'application/strategic-merge-patch+json': return 'strategic';
    case 'application/apply-patch+yaml': case 'application/apply-patch+cbor': return 'apply';
    default: throw new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
  }
}

/** Parses a patch body: JSON, or YAML for apply patches. */
export function parsePatchBody(patchType: PatchType, text: string): unknown {
  try {
    return patchType === 'apply' ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw badRequest(`error decoding patch: ${(error as Error).message}`);
  }
}

function apply(cluster: Cluster, type: ResourceType, namespace: string | undefined, name: string, patch: unknown,
  options: WriteOptions, subresource?: string): KubeObject {
  if (!options.fieldManager) throw badRequest('PATCH requests with apply content type require fieldManager query parameter');
  const applied = checkBodyIdentity(type, namespace, patch as KubeObject);
  if (applied.metadata.name && applied.metadata.name !== name) {
    throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
  }
  applied.metadata.name = name;
  delete applied.metadata.managedFields;
  const live = cluster.store.get(type, namespace, name);
  if (live && applied.metadata.resourceVersion && applied.metadata.resourceVersion !== live.metadata.resourceVersion) {
    throw conflict(type.group, type.plural, name);
  }
  if (!live && type.namespaced) requireNamespace(cluster, namespace!);
  const merged = serverSideApply({ live, applied, manager: options.fieldManager, force: options.force === true, time: cluster.now(), subresource });
  if (!live) {
    const object = prepareCreate(cluster, type, namespace, merged, options);
    object.metadata.managedFields = merged.metadata.managedFields;
    return commitWrite(cluster, type, object, undefined, options);
  }
  const object = carryServerFields(type, merged, live, subresource);
  object.metadata.managedFields = merged.metadata.managedFields;
  object.metadata.resourceVersion = live.metadata.resourceVersion;
  return commitWrite(cluster, type, object, live, options, subresource);
}

/** Applies a patch of the given type to an object and persists it (unless dry-run). */
export function patchObject(cluster: Cluster, type: ResourceType, namespace: string | undefined, name: string,
  patchType: PatchType, patch: unknown, options: WriteOptions, subresource?: string): KubeObject {
  if (patchType === 'apply') return apply(cluster, type, namespace, name, patch, options, subresource);
  const live = cluster.store.get(type, namespace, name);
  if (!live) throw notFound(type.group, type.plural, name);
  let patched: unknown;
  if (patchType === 'json') patched = applyJsonPatch(live, patch);
  else if (!isPlainObject(patch)) throw badRequest('a merge patch must be a JSON object');
  else if (patchType === 'merge') patched = applyMergePatch(live, patch);
  else {
    if (type.group === 'argoproj.io') {
      throw new StatusError(415, 'UnsupportedMediaType', `strategic merge patch is not supported for ${type.group}/${type.version}, Kind=${type.kind}`);
    }
    patched = applyStrategicMergePatch(live, patch);
  }
  if (!isPlainObject(patched)) throw badRequest('the patch did not produce an object');
  const next = cloneObject(patched) as KubeObject;
  next.metadata ??= {};
  if (next.metadata.resourceVersion && next.metadata.resourceVersion !== live.metadata.resourceVersion) {
    throw conflict(type.group, type.plural, name);
  }
  const object = carryServerFields(type, next, live, subresource);
  object.metadata.resourceVersion = live.metadata.resourceVersion;
  recordUpdate(object, live, options.fieldManager ?? managerFromUserAgent(options.userAgent), cluster.now(), subresource);
  return commitWrite(cluster, type, object, live, options, subresource);
}
