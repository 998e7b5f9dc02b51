// Jobs run pods until `completions` succeed or `backoffLimit` failures pile up.
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType } from '../api/resource-types.js';
import type { Cluster } from '../cluster.js';
import { recordEvent } from './events.js';
import { groupByController, writeStatus } from './ownership.js';
import { createPodFor } from './replica-set-controller.js';

const pods = findResourceType('', 'v1', 'pods')!;
const jobs = findResourceType('batch', 'v1', 'jobs')!;

function finishedCondition(type: string, reason: string, message: string, now: string): object {
  return { type, status: 'True', reason, message, lastProbeTime: now, lastTransitionTime: now };
}

function reconcile(cluster: Cluster, job: KubeObject, owned: KubeObject[]): void {
  const conditions: any[] = job.status?.conditions ?? [];
  if (conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')) return;
  const now = cluster.now();
  const completions = job.spec.completions ?? 1;
  const parallelism = job.spec.parallelism ?? 1;
  const succeeded = owned.filter((p) => p.status?.phase === 'Succeeded').length;
  // Restarts of OnFailure pods count as failures, as the job controller counts them.
  const failed = owned.filter((p) => p.status?.phase === 'Failed').length +
    owned.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m: number, s: any) => m + (s.restartCount ?? 0), 0), 0);
  let active = owned.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const status: Record<string, unknown> = { startTime: job.status?.startTime ?? now, uncountedTerminatedPods: {} };
  if (succeeded >= completions) {
    recordEvent(cluster, job, { type: 'Normal', reason: 'Completed', message: 'Job completed', component: 'job-controller' });
    Object.assign(status, { succeeded, ...(failed ? { failed } : {}), ready: 0, completionTime: now,
      conditions: [finishedCondition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', now),
        finishedCondition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', now)] });
  } else if (failed > (job.spec.backoffLimit ?? 6)) {
    recordEvent(cluster, job, { type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', component: 'job-controller' });
    Object.assign(status, { failed, ...(succeeded ? { succeeded } : {}), ready: 0,
      conditions: [finishedCondition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now),
        finishedCondition('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now)] });
  } else {
    if (!job.spec.suspend) {
      const wanted = Math.min(parallelism, completions - succeeded);
      while (active.length < wanted) {
        const pod = createPodFor(cluster, job, job.spec.template, { 'batch.kubernetes.io/job-name': job.metadata.name!, 'job-name': job.metadata.name!, 'batch.kubernetes.io/controller-uid': job.metadata.uid!, 'controller-uid': job.metadata.uid! });
        if (!pod) break;
        active = [...active, pod];
      }
    }
    const ready = active.filter((p) => p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True')).length;
    Object.assign(status, { active: active.length, ready, ...(succeeded ? { succeeded } : {}), ...(failed ? { failed } : {}), terminating: 0 });
  }
  writeStatus(cluster, jobs, job, status);
}

/** Reconciles every Job once. */
export function jobController(cluster: Cluster): void {
  const all = cluster.store.list(jobs);
  if (all.length === 0) return;
  const byOwner = new Map<string, KubeObject[]>();
  for (const namespace of new Set(all.map((j) => j.metadata.namespace))) {
    for (const [uid, list] of groupByController(cluster.store.list(pods, namespace))) byOwner.set(uid, list);
  }
  for (const job of all) if (!job.metadata.deletionTimestamp) reconcile(cluster, job, byOwner.get(job.metadata.uid!) ?? []);
}
