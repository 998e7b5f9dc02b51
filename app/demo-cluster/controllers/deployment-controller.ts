// Deployments roll out through ReplicaSets: one ReplicaSet per pod template
// (pod-template-hash), revision annotations, old sets scaled down once the
// new one is available, and the Available/Progressing conditions.
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType } from '../api/resource-types.js';
import { systemWrite, type Cluster } from '../cluster.js';
import { createObject } from '../operations/create-object.js';
import { removeWithDependents } from '../operations/delete-object.js';
import { deploymentStatus } from './deployment-status.js';
import { recordEvent } from './events.js';
import { controllerRef, groupByController, templateHash, writeStatus } from './ownership.js';

const deployments = findResourceType('apps', 'v1', 'deployments')!;
const replicaSets = findResourceType('apps', 'v1', 'replicasets')!;
const revisionKey = 'deployment.kubernetes.io/revision';

function revisionOf(object: KubeObject): number {
  return Number(object.metadata.annotations?.[revisionKey] ?? 0);
}

function scale(cluster: Cluster, deployment: KubeObject, replicaSet: KubeObject, replicas: number): KubeObject {
  const from = replicaSet.spec?.replicas ?? 0;
  if (from === replicas) return replicaSet;
  const annotations = { ...replicaSet.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': String(deployment.spec.replicas), 'deployment.kubernetes.io/max-replicas': String(deployment.spec.replicas + 1) };
  const updated = cluster.store.put(replicaSets, { ...replicaSet, metadata: { ...replicaSet.metadata, annotations }, spec: { ...replicaSet.spec, replicas } });
  recordEvent(cluster, deployment, { type: 'Normal', reason: 'ScalingReplicaSet',
    message: `Scaled ${replicas > from ? 'up' : 'down'} replica set ${replicaSet.metadata.name} from ${from} to ${replicas}`, component: 'deployment-controller' });
  return updated;
}

function createReplicaSet(cluster: Cluster, deployment: KubeObject, hash: string, revision: number): KubeObject {
  const template = deployment.spec.template ?? {};
  const labels = { ...template.metadata?.labels, 'pod-template-hash': hash };
  const created = createObject(cluster, replicaSets, deployment.metadata.namespace, {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`, namespace: deployment.metadata.namespace, labels,
      annotations: { [revisionKey]: String(revision), 'deployment.kubernetes.io/desired-replicas': String(deployment.spec.replicas), 'deployment.kubernetes.io/max-replicas': String(deployment.spec.replicas + 1) },
      ownerReferences: [controllerRef(deployment)],
    },
    spec: {
      replicas: 0,
      selector: { ...deployment.spec.selector, matchLabels: { ...deployment.spec.selector?.matchLabels, 'pod-template-hash': hash } },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  }, systemWrite('kube-controller-manager'));
  return created;
}

function resolveIntOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(String(value ?? '25%'));
  const scaled = (Number(match?.[1] ?? 25) / 100) * total;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * One step of a RollingUpdate within maxSurge and maxUnavailable, as the
 * deployment controller does: grow the new ReplicaSet up to desired+surge
 * pods in total, then shrink old ones while enough pods stay available.
 * Unhealthy old pods may always go.
 */
function rollingUpdate(cluster: Cluster, deployment: KubeObject, current: KubeObject, old: KubeObject[], desired: number): KubeObject {
  const strategy = deployment.spec.strategy?.rollingUpdate ?? {};
  const surge = resolveIntOrPercent(strategy.maxSurge, desired, true);
  const unavailable = Math.max(resolveIntOrPercent(strategy.maxUnavailable, desired, false), surge === 0 ? 1 : 0);
  const replicas = (rs: KubeObject) => rs.spec?.replicas ?? 0;
  const available = (rs: KubeObject) => Math.min(rs.status?.availableReplicas ?? 0, replicas(rs));
  const sum = (sets: KubeObject[], f: (rs: KubeObject) => number) => sets.reduce((n, rs) => n + f(rs), 0);
  if (replicas(current) > desired) current = scale(cluster, deployment, current, desired);
  else if (replicas(current) < desired) {
    const up = Math.min(desired - replicas(current), desired + surge - replicas(current) - sum(old, replicas));
    if (up > 0) current = scale(cluster, deployment, current, replicas(current) + up);
  }
  // Bounded by spec counts (not only status, which lags a tick), as the real controller does.
  const minAvailable = desired - unavailable;
  let maxScaledDown = replicas(current) + sum(old, replicas) - minAvailable - (replicas(current) - available(current));
  const sets = [...old].sort((a, b) => revisionOf(a) - revisionOf(b));
  for (let i = 0; i < sets.length && maxScaledDown > 0; i++) {
    const unhealthy = replicas(sets[i]!) - available(sets[i]!);
    const down = Math.min(unhealthy, maxScaledDown);
    if (down > 0) { sets[i] = scale(cluster, deployment, sets[i]!, replicas(sets[i]!) - down); maxScaledDown -= down; }
  }
  let budget = Math.min(maxScaledDown, available(current) + sum(sets, available) - minAvailable);
  for (let i = 0; i < sets.length && budget > 0; i++) {
    const down = Math.min(replicas(sets[i]!), budget);
    if (down > 0) { sets[i] = scale(cluster, deployment, sets[i]!, replicas(sets[i]!) - down); budget -= down; }
  }
  return current;
}

function reconcile(cluster: Cluster, deployment: KubeObject, owned: KubeObject[]): void {
  const hash = templateHash(deployment.spec.template);
  const desired = deployment.spec.replicas ?? 1;
  let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
  const maxRevision = Math.max(0, ...owned.map(revisionOf));
  let createdNew = false;
  if (!current) {
    current = createReplicaSet(cluster, deployment, hash, maxRevision + 1);
    createdNew = true;
  } else if (revisionOf(current) < maxRevision) {
    // Rolling back to an older template makes its ReplicaSet the newest revision.
    current = cluster.store.put(replicaSets, { ...current, metadata: { ...current.metadata, annotations: { ...current.metadata.annotations, [revisionKey]: String(maxRevision + 1) } } });
  }
  const old = owned.filter((rs) => rs.metadata.uid !== current!.metadata.uid);
  if (!deployment.spec.paused) {
    if (deployment.spec.strategy?.type === 'Recreate') {
      for (const rs of old) scale(cluster, deployment, rs, 0);
      if (old.every((rs) => (rs.status?.replicas ?? 0) === 0)) current = scale(cluster, deployment, current, desired);
    } else current = rollingUpdate(cluster, deployment, current, old, desired);
  }
  const limit = deployment.spec.revisionHistoryLimit ?? 10;
  const retired = old.filter((rs) => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0).sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of retired.slice(0, Math.max(0, retired.length - limit))) removeWithDependents(cluster, replicaSets, rs, 'Background');
  const refreshed = cluster.store.get(deployments, deployment.metadata.namespace, deployment.metadata.name!) ?? deployment;
  const revision = String(revisionOf(current));
  let latest = refreshed;
  if (refreshed.metadata.annotations?.[revisionKey] !== revision) {
    latest = cluster.store.put(deployments, { ...refreshed, metadata: { ...refreshed.metadata, annotations: { ...refreshed.metadata.annotations, [revisionKey]: revision } } });
  }
  const sets = [current, ...old].map((rs) => cluster.store.get(replicaSets, rs.metadata.namespace, rs.metadata.name!) ?? rs);
  writeStatus(cluster, deployments, latest, deploymentStatus(latest, sets[0]!, sets.slice(1), createdNew, cluster.now(), cluster.nowMs()));
}

/** Reconciles every Deployment once. */
export function deploymentController(cluster: Cluster): void {
  const all = cluster.store.list(deployments);
  if (all.length === 0) return;
  const owned = groupByController(cluster.store.list(replicaSets));
  for (const deployment of all) {
    if (deployment.metadata.deletionTimestamp) continue;
    reconcile(cluster, deployment, owned.get(deployment.metadata.uid!) ?? []);
  }
}
