// ReplicaSets keep `spec.replicas` pods of their template alive.
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType } from '../api/resource-types.js';
import { StatusError } from '../api/status-error.js';
import { systemWrite, type Cluster } from '../cluster.js';
import { createObject } from '../operations/create-object.js';
import { removeWithDependents } from '../operations/delete-object.js';
import { recordEvent } from './events.js';
import { controllerRef, groupByController, writeStatus } from './ownership.js';

const pods = findResourceType('', 'v1', 'pods')!;
const replicaSets = findResourceType('apps', 'v1', 'replicasets')!;

function isReady(pod: KubeObject): boolean {
  return pod.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/**
 * Creates a pod from a template owned by `owner` (shared with the Job
 * controller). A rejected pod (admission, validation) becomes a FailedCreate
 * event, as in the real controllers, and undefined.
 */
export function createPodFor(cluster: Cluster, owner: KubeObject, template: any, extraLabels: Record<string, string> = {}, name?: string): KubeObject | undefined {
  const component = `${owner.kind.toLowerCase()}-controller`;
  try {
    return createPodOrThrow(cluster, owner, template, extraLabels, component, name);
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    recordEvent(cluster, owner, { type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${error.message}`, component });
    return undefined;
  }
}

function createPodOrThrow(cluster: Cluster, owner: KubeObject, template: any, extraLabels: Record<string, string>, component: string, name?: string): KubeObject {
  const pod = createObject(cluster, pods, owner.metadata.namespace, {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      ...(name ? { name } : { generateName: `${owner.metadata.name}-` }), namespace: owner.metadata.namespace,
      labels: { ...template?.metadata?.labels, ...extraLabels }, annotations: template?.metadata?.annotations,
      ownerReferences: [controllerRef(owner)],
    },
    spec: template?.spec,
  }, systemWrite('kube-controller-manager'));
  const message = owner.kind === 'StatefulSet' ? `create Pod ${pod.metadata.name} in StatefulSet ${owner.metadata.name} successful` : `Created pod: ${pod.metadata.name}`;
  recordEvent(cluster, owner, { type: 'Normal', reason: 'SuccessfulCreate', message, component });
  return pod;
}

function reconcile(cluster: Cluster, replicaSet: KubeObject, owned: KubeObject[]): void {
  const desired = replicaSet.spec?.replicas ?? 1;
  const active = owned.filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
  // Create at most a few per tick, like the controller's slow-start batches.
  for (let created = 0; active.length < desired && created < 10; created++) {
    const pod = createPodFor(cluster, replicaSet, replicaSet.spec?.template);
    if (!pod) break;
    active.push(pod);
  }
  if (active.length > desired) {
    const victims = [...active].sort((a, b) => Number(isReady(a)) - Number(isReady(b)) || (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''))
      .slice(0, active.length - desired);
    for (const pod of victims) {
      removeWithDependents(cluster, pods, pod, 'Background');
      recordEvent(cluster, replicaSet, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, component: 'replicaset-controller' });
    }
    const gone = new Set(victims.map((v) => v.metadata.uid));
    active.splice(0, active.length, ...active.filter((p) => !gone.has(p.metadata.uid)));
  }
  const ready = active.filter(isReady).length;
  writeStatus(cluster, replicaSets, replicaSet, {
    replicas: active.length, fullyLabeledReplicas: active.length, readyReplicas: ready, availableReplicas: ready,
    observedGeneration: replicaSet.metadata.generation ?? 1,
  });
}

/** Reconciles every ReplicaSet once. */
export function replicaSetController(cluster: Cluster): void {
  const sets = cluster.store.list(replicaSets);
  if (sets.length === 0) return;
  const namespaces = new Set(sets.map((s) => s.metadata.namespace));
  const podsByOwner = new Map<string, KubeObject[]>();
  for (const namespace of namespaces) {
    for (const [uid, list] of groupByController(cluster.store.list(pods, namespace))) podsByOwner.set(uid, list);
  }
  for (const replicaSet of sets) {
    if (replicaSet.metadata.deletionTimestamp) continue;
    reconcile(cluster, replicaSet, podsByOwner.get(replicaSet.metadata.uid!) ?? []);
  }
}
