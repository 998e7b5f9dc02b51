// CronJobs create Jobs on their schedule. The annotation
// `paver.dev/run-now: "<token>"` creates one Job immediately per new token,
// so demos and tests need not wait for the next minute.
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType } from '../api/resource-types.js';
import { systemWrite, type Cluster } from '../cluster.js';
import { createObject } from '../operations/create-object.js';
import { removeWithDependents } from '../operations/delete-object.js';
import { lastScheduledBetween, parseCron } from './cron-schedule.js';
import { recordEvent } from './events.js';
import { controllerRef, groupByController, writeStatus } from './ownership.js';

const cronJobs = findResourceType('batch', 'v1', 'cronjobs')!;
const jobs = findResourceType('batch', 'v1', 'jobs')!;

/** The annotation that triggers an immediate run. */
export const runNowAnnotation = 'paver.dev/run-now';
const handledAnnotation = 'paver.dev/run-now-handled';

function finished(job: KubeObject, type: string): boolean {
  return (job.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
}

function createJob(cluster: Cluster, cronJob: KubeObject, name: string, scheduled: string): KubeObject | undefined {
  if (cluster.store.get(jobs, cronJob.metadata.namespace, name)) return undefined;
  const template = cronJob.spec.jobTemplate ?? {};
  const job = createObject(cluster, jobs, cronJob.metadata.namespace, {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, namespace: cronJob.metadata.namespace, labels: template.metadata?.labels,
      annotations: { ...template.metadata?.annotations, 'batch.kubernetes.io/cronjob-scheduled-timestamp': scheduled },
      ownerReferences: [controllerRef(cronJob)] },
    spec: template.spec,
  }, systemWrite('cronjob-controller'));
  recordEvent(cluster, cronJob, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${name}`, component: 'cronjob-controller' });
  return job;
}

function reconcile(cluster: Cluster, cronJob: KubeObject, owned: KubeObject[]): void {
  let current = cronJob;
  const now = cluster.nowMs();
  let lastSchedule: string | undefined = cronJob.status?.lastScheduleTime;
  const token = cronJob.metadata.annotations?.[runNowAnnotation];
  if (token && cronJob.metadata.annotations?.[handledAnnotation] !== token) {
    const job = createJob(cluster, cronJob, `${cronJob.metadata.name}-manual-${Math.floor(now / 1000) % 100000}`, cluster.now());
    if (job) owned = [...owned, job];
    current = cluster.store.put(cronJobs, { ...cronJob, metadata: { ...cronJob.metadata, annotations: { ...cronJob.metadata.annotations, [handledAnnotation]: token } } });
  }
  if (!cronJob.spec.suspend) {
    const since = Date.parse(lastSchedule ?? cronJob.metadata.creationTimestamp ?? cluster.now());
    let due: Date | undefined;
    try {
      due = lastScheduledBetween(parseCron(cronJob.spec.schedule), since, now);
    } catch (error) {
      recordEvent(cluster, cronJob, { type: 'Warning', reason: 'InvalidSchedule', message: `invalid schedule: ${(error as Error).message}`, component: 'cronjob-controller' });
    }
    const blocked = cronJob.spec.concurrencyPolicy === 'Forbid' && owned.some((j) => !finished(j, 'Complete') && !finished(j, 'Failed'));
    if (due && !blocked) {
      const scheduled = due.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const job = createJob(cluster, cronJob, `${cronJob.metadata.name}-${Math.floor(due.getTime() / 60_000)}`, scheduled);
      if (job) owned = [...owned, job];
      lastSchedule = scheduled;
    }
  }
  const succeeded = owned.filter((j) => finished(j, 'Complete')).sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  const failedJobs = owned.filter((j) => finished(j, 'Failed'));
  for (const job of succeeded.slice(0, Math.max(0, succeeded.length - (cronJob.spec.successfulJobsHistoryLimit ?? 3)))) removeWithDependents(cluster, jobs, job, 'Background');
  for (const job of failedJobs.slice(0, Math.max(0, failedJobs.length - (cronJob.spec.failedJobsHistoryLimit ?? 1)))) removeWithDependents(cluster, jobs, job, 'Background');
  const active = owned.filter((j) => !finished(j, 'Complete') && !finished(j, 'Failed'))
    .map((j) => ({ kind: 'Job', namespace: j.metadata.namespace, name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata.resourceVersion }));
  const lastSuccess = succeeded.at(-1)?.status?.completionTime;
  writeStatus(cluster, cronJobs, current, {
    ...(active.length ? { active: active.map(({ resourceVersion: _rv, ...ref }) => ref) } : {}),
    ...(lastSchedule ? { lastScheduleTime: lastSchedule } : {}),
    ...(lastSuccess ? { lastSuccessfulTime: lastSuccess } : {}),
  });
}

/** Reconciles every CronJob once. */
export function cronJobController(cluster: Cluster): void {
  const all = cluster.store.list(cronJobs);
  if (all.length === 0) return;
  const owned = groupByController(cluster.store.list(jobs));
  for (const cronJob of all) if (!cronJob.metadata.deletionTimestamp) reconcile(cluster, cronJob, owned.get(cronJob.metadata.uid!) ?? []);
}
