// Defaults of the apps and batch workloads (Deployment, ReplicaSet,
// StatefulSet, DaemonSet, Job, CronJob), as the apiserver applies them.
import { defaultPodSpec } from './pod-defaults.js';

function defaultTemplate(template: any): void {
  if (!template || typeof template !== 'object') return;
  template.metadata ??= {};
  template.metadata.creationTimestamp ??= null;
  template.spec ??= {};
  defaultPodSpec(template.spec);
}

/** Deployment defaults: replicas, RollingUpdate 25%/25%, history 10, deadline 600. */
export function defaultDeployment(deployment: any): void {
  const spec = deployment.spec ??= {};
  spec.replicas ??= 1;
  spec.strategy ??= { type: 'RollingUpdate' };
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
}

/** ReplicaSet defaults. */
export function defaultReplicaSet(replicaSet: any): void {
  const spec = replicaSet.spec ??= {};
  spec.replicas ??= 1;
  defaultTemplate(spec.template);
}

/** StatefulSet defaults. */
export function defaultStatefulSet(statefulSet: any): void {
  const spec = statefulSet.spec ??= {};
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
  spec.revisionHistoryLimit ??= 10;
  spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
  defaultTemplate(spec.template);
}

/** DaemonSet defaults. */
export function defaultDaemonSet(daemonSet: any): void {
  const spec = daemonSet.spec ??= {};
  spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
}

/** Job defaults: backoffLimit 6, NonIndexed completion, template restartPolicy stays as given. */
export function defaultJob(job: any): void {
  const spec = job.spec ??= {};
  spec.parallelism ??= 1;
  spec.completions ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultTemplate(spec.template);
}

/** CronJob defaults: Allow concurrency, history 3/1, not suspended. */
export function defaultCronJob(cronJob: any): void {
  const spec = cronJob.spec ??= {};
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jobSpec = (spec.jobTemplate ??= {}).spec ??= {};
  jobSpec.backoffLimit ??= 6;
  jobSpec.completionMode ??= 'NonIndexed';
  defaultTemplate(jobSpec.template);
  spec.jobTemplate.metadata ??= { creationTimestamp: null };
}
