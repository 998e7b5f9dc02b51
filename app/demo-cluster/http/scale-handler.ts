// The /scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets
// and StatefulSets, used by `kubectl scale` and HPAs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cloneObject, type KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-types.js';
import { badRequest, conflict, notFound } from '../api/status-error.js';
import type { Cluster, WriteOptions } from '../cluster.js';
import { parsePatchBody, patchTypeOf } from '../operations/patch-object.js';
import { updateObject } from '../operations/update-object.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import { applyMergePatch } from '../patch/json-merge-patch.js';
import { formatSelector } from '../store/label-selector.js';
import { readBody, sendJson } from './respond.js';

function scaleOf(object: KubeObject): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: object.spec?.replicas ?? 0 }, status: { replicas: object.status?.replicas ?? 0, selector: formatSelector(object.spec?.selector) },
  };
}

/** Serves GET, PUT and PATCH on `<object>/scale`. */
export async function handleScale(cluster: Cluster, req: IncomingMessage, res: ServerResponse, type: ResourceType,
  namespace: string | undefined, name: string, options: WriteOptions): Promise<void> {
  const object = cluster.store.get(type, namespace, name);
  if (!object) throw notFound(type.group, type.plural, name);
  const current = scaleOf(object);
  if (req.method === 'GET') { sendJson(res, 200, current); return; }
  const text = await readBody(req);
  let next: any;
  if (req.method === 'PUT') next = JSON.parse(text);
  else if (req.method === 'PATCH') {
    const patchType = patchTypeOf(req.headers['content-type']);
    const patch = parsePatchBody(patchType, text);
    next = patchType === 'json' ? applyJsonPatch(current, patch) : applyMergePatch(current, patch);
  } else throw badRequest(`method ${req.method} is not supported on scale`);
  const replicas = next?.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) throw badRequest('spec.replicas must be a non-negative integer');
  const wanted = next?.metadata?.resourceVersion;
  if (req.method === 'PUT' && wanted && wanted !== object.metadata.resourceVersion) throw conflict(type.group, type.plural, name);
  const updated = cloneObject(object);
  updated.spec = { ...updated.spec, replicas };
  const stored = updateObject(cluster, type, namespace, name, updated, options);
  sendJson(res, 200, scaleOf(stored), options.warnings);
}
