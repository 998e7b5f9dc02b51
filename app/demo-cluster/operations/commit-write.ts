// The tail every write shares: defaulting, generation, validation,
// admission, then persist unless dry-run. A no-op update is not persisted,
// so it bumps no resourceVersion and wakes no watcher, as in the apiserver.
import { jsonEqual, type KubeObject } from '../api/kube-object.js';
import { apiVersionOf, type ResourceType } from '../api/resource-types.js';
import { StatusError } from '../api/status-error.js';
import type { Cluster, WriteOptions } from '../cluster.js';
import { applyDefaults } from '../defaulting/apply-defaults.js';
import { validateObject } from '../validation/validate-object.js';
import { unknownFields } from '../validation/known-fields.js';

const notSpec = new Set(['metadata', 'status', 'apiVersion', 'kind']);
// Kinds whose metadata.generation the apiserver maintains (Pods, Services and
// ConfigMaps have none in 1.32).
const generationKinds = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler',
  'PodDisruptionBudget', 'Ingress', 'NetworkPolicy', 'Application', 'CustomResourceDefinition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);

function specOf(object: KubeObject | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object ?? {}).filter(([k]) => !notSpec.has(k)));
}

function withoutVolatile(object: KubeObject): unknown {
  const { resourceVersion: _rv, managedFields, ...meta } = object.metadata;
  return { ...object, metadata: { ...meta, managedFields: managedFields?.map(({ time: _t, ...rest }) => rest) } };
}

function checkUnknownFields(object: KubeObject, options: WriteOptions): void {
  const mode = options.fieldValidation ?? 'Ignore';
  if (mode === 'Ignore') return;
  const unknown = unknownFields(object);
  if (unknown.length === 0) return;
  const described = unknown.map((path) => `unknown field "${path}"`);
  if (mode === 'Strict') throw new StatusError(400, 'BadRequest', `strict decoding error: ${described.join(', ')}`);
  options.warnings.push(...described);
}

/** Runs admission and turns a denial into the Status error clients expect. */
export function admit(cluster: Cluster, operation: 'CREATE' | 'UPDATE' | 'DELETE', object: KubeObject | undefined,
  old: KubeObject | undefined, options: WriteOptions): void {
  if (!cluster.admission) return;
  const namespace = (object ?? old)?.metadata.namespace;
  const namespaceObject = namespace ? cluster.store.get({ group: '', plural: 'namespaces' }, undefined, namespace) : undefined;
  const outcome = cluster.admission.admit({ operation, object, oldObject: old, namespaceObject, dryRun: options.dryRun, userName: 'paver-demo-admin' }, cluster);
  options.warnings.push(...outcome.warnings);
  if (outcome.denied) {
    throw new StatusError(outcome.denied.code, outcome.denied.code === 403 ? 'Forbidden' : 'Invalid', outcome.denied.message);
  }
}

/** Finishes a create or update of `object`; returns what the client sees. */
export function commitWrite(cluster: Cluster, type: ResourceType, object: KubeObject, old: KubeObject | undefined,
  options: WriteOptions, subresource?: string): KubeObject {
  object.apiVersion = apiVersionOf(type);
  object.kind = type.kind;
  checkUnknownFields(object, options);
  applyDefaults(object);
  if (!generationKinds.has(type.kind)) delete object.metadata.generation;
  else if (old) {
    const changedSpec = !jsonEqual(specOf(object), specOf(old));
    object.metadata.generation = (old.metadata.generation ?? 1) + (changedSpec && subresource !== 'status' ? 1 : 0);
  } else object.metadata.generation = 1;
  validateObject(type, object, old);
  admit(cluster, old ? 'UPDATE' : 'CREATE', object, old, options);
  if (old && jsonEqual(withoutVolatile(object), withoutVolatile(old))) return old;
  if (options.dryRun) return object;
  if (old && object.metadata.deletionTimestamp && !object.metadata.finalizers?.length) {
    // The last finalizer is gone: the pending deletion completes now.
    return cluster.store.remove(type, object.metadata.namespace, object.metadata.name!) ?? object;
  }
  return cluster.store.put(type, object);
}
