// StatefulSets run pods named <name>-0, <name>-1, ... created in order (each
// waits for the previous to be Ready, as OrderedReady does), and DaemonSets
// run one pod on the demo cluster's single node.
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType } from '../api/resource-types.js';
import type { Cluster } from '../cluster.js';
import { removeWithDependents } from '../operations/delete-object.js';
import { demoNodeName } from '../seed/default-objects.js';
import { groupByController, templateHash, writeStatus } from './ownership.js';
import { createPodFor } from './replica-set-controller.js';

const pods = findResourceType('', 'v1', 'pods')!;
const statefulSets = findResourceType('apps', 'v1', 'statefulsets')!;
const daemonSets = findResourceType('apps', 'v1', 'daemonsets')!;

function isReady(pod: KubeObject): boolean {
  return pod.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function ownedPods(cluster: Cluster, owners: KubeObject[]): Map<string, KubeObject[]> {
  const byOwner = new Map<string, KubeObject[]>();
  for (const namespace of new Set(owners.map((o) => o.metadata.namespace))) {
    for (const [uid, list] of groupByController(cluster.store.list(pods, namespace))) byOwner.set(uid, list);
  }
  return byOwner;
}

function reconcileStatefulSet(cluster: Cluster, set: KubeObject, owned: KubeObject[]): void {
  const desired = set.spec?.replicas ?? 1;
  const name = set.metadata.name!;
  const revision = `${name}-${templateHash(set.spec?.template)}`;
  const byName = new Map(owned.map((p) => [p.metadata.name!, p]));
  const parallel = set.spec?.podManagementPolicy === 'Parallel';
  for (let ordinal = 0; ordinal < desired; ordinal++) {
    const podName = `${name}-${ordinal}`;
    const existing = byName.get(podName);
    if (existing) {
      if (!parallel && !isReady(existing)) break;
      continue;
    }
    const created = createPodFor(cluster, set, set.spec?.template, { 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(ordinal), 'controller-revision-hash': revision }, podName);
    if (created) byName.set(podName, created);
    if (!parallel) break;
  }
  for (const pod of owned) {
    const ordinal = Number(pod.metadata.name!.slice(name.length + 1));
    if (ordinal >= desired) removeWithDependents(cluster, pods, pod, 'Background');
  }
  const live = [...byName.values()].filter((p) => Number(p.metadata.name!.slice(name.length + 1)) < desired);
  const ready = live.filter(isReady).length;
  writeStatus(cluster, statefulSets, set, {
    observedGeneration: set.metadata.generation ?? 1, replicas: live.length, readyReplicas: ready, availableReplicas: ready,
    currentReplicas: live.length, updatedReplicas: live.length, currentRevision: revision, updateRevision: revision, collisionCount: 0,
  });
}

function reconcileDaemonSet(cluster: Cluster, set: KubeObject, owned: KubeObject[]): void {
  if (owned.length === 0) createPodFor(cluster, set, { ...set.spec?.template, spec: { ...set.spec?.template?.spec, nodeName: demoNodeName } });
  const ready = owned.filter(isReady).length;
  writeStatus(cluster, daemonSets, set, {
    observedGeneration: set.metadata.generation ?? 1, desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0,
    numberReady: ready, numberAvailable: ready, updatedNumberScheduled: 1, ...(ready < 1 ? { numberUnavailable: 1 } : {}),
  });
}

/** Reconciles every StatefulSet once. */
export function statefulSetController(cluster: Cluster): void {
  const all = cluster.store.list(statefulSets);
  if (all.length === 0) return;
  const owned = ownedPods(cluster, all);
  for (const set of all) if (!set.metadata.deletionTimestamp) reconcileStatefulSet(cluster, set, owned.get(set.metadata.uid!) ?? []);
}

/** Reconciles every DaemonSet once. */
export function daemonSetController(cluster: Cluster): void {
  const all = cluster.store.list(daemonSets);
  if (all.length === 0) return;
  const owned = ownedPods(cluster, all);
  for (const set of all) if (!set.metadata.deletionTimestamp) reconcileDaemonSet(cluster, set, owned.get(set.metadata.uid!) ?? []);
}
