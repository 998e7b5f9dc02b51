// Deployment status and its rollout conditions, with the controller's reasons:
// NewReplicaSetCreated, ReplicaSetUpdated, NewReplicaSetAvailable,
// ProgressDeadlineExceeded; MinimumReplicasAvailable/Unavailable.
import type { KubeObject } from '../api/kube-object.js';

interface Condition { type: string; status: string; reason: string; message: string; lastUpdateTime?: string; lastTransitionTime?: string }

function maxUnavailableOf(value: unknown, total: number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(String(value ?? '25%'));
  return Math.floor((Number(match?.[1] ?? 25) / 100) * total);
}

function stamp(previous: Condition | undefined, next: Condition, now: string, updateTime?: string): Condition {
  const same = previous && previous.status === next.status && previous.reason === next.reason && previous.message === next.message;
  return {
    ...next,
    lastUpdateTime: updateTime ?? (same ? previous.lastUpdateTime : now),
    lastTransitionTime: previous && previous.status === next.status ? previous.lastTransitionTime : now,
  };
}

function progressingCondition(deployment: KubeObject, current: KubeObject, complete: boolean, createdNew: boolean, now: string, nowMs: number): Condition {
  const name = current.metadata.name;
  const prior: Condition | undefined = (deployment.status?.conditions ?? []).find((c: Condition) => c.type === 'Progressing');
  if (complete) return stamp(prior, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.` }, now);
  const sameRollout = prior && prior.message.includes(`"${name}"`) && prior.reason !== 'NewReplicaSetAvailable';
  if (sameRollout && prior.reason === 'ProgressDeadlineExceeded') return prior;
  const started = sameRollout && !createdNew ? prior.lastUpdateTime ?? now : now;
  const deadlineMs = (deployment.spec.progressDeadlineSeconds ?? 600) * 1000;
  if (nowMs - Date.parse(started) > deadlineMs) {
    return stamp(prior, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${name}" has timed out progressing.` }, now);
  }
  const next = createdNew || (sameRollout && prior.reason === 'NewReplicaSetCreated')
    ? { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${name}"` }
    : { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}" is progressing.` };
  return stamp(prior, next, now, started);
}

/** Computes a Deployment's status from its new and old ReplicaSets. */
export function deploymentStatus(deployment: KubeObject, current: KubeObject, old: KubeObject[], createdNew: boolean, now: string, nowMs: number): Record<string, unknown> {
  const desired = deployment.spec.replicas ?? 1;
  const all = [current, ...old];
  const sum = (f: (rs: KubeObject) => number) => all.reduce((n, rs) => n + f(rs), 0);
  const replicas = sum((rs) => rs.status?.replicas ?? 0);
  const available = sum((rs) => rs.status?.availableReplicas ?? 0);
  const ready = sum((rs) => rs.status?.readyReplicas ?? 0);
  const updated = current.status?.replicas ?? 0;
  const complete = (current.status?.availableReplicas ?? 0) >= desired && updated === desired && old.every((rs) => (rs.status?.replicas ?? 0) === 0);
  const minimum = desired - maxUnavailableOf(deployment.spec.strategy?.rollingUpdate?.maxUnavailable, desired);
  const availableCondition = available >= minimum
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
  const prior = (deployment.status?.conditions ?? []).find((c: Condition) => c.type === 'Available');
  return {
    observedGeneration: deployment.metadata.generation ?? 1,
    replicas, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available,
    ...(replicas - available > 0 ? { unavailableReplicas: replicas - available } : {}),
    conditions: [stamp(prior, availableCondition, now), progressingCondition(deployment, current, complete, createdNew, now, nowMs)],
  };
}
