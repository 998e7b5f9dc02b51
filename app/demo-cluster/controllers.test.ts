// Controllers through the real client: rollouts, jobs, cron jobs, the four
// reproducible failures, events and logs. Every wait polls state with a deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { Log } from '@kubernetes/client-node';
import { Writable } from 'node:stream';
import { startFixture, waitFor, type DemoClusterFixture } from './testing/demo-cluster-fixture.js';

let f: DemoClusterFixture;
const ns = 'ctl';
beforeAll(async () => {
  f = await startFixture({ tickMs: 40 });
  await f.core.createNamespace({ body: { metadata: { name: ns } } });
});
afterAll(async () => { await f.demo.close(); });

function pod(name: string, container: Record<string, unknown>): V1Pod {
  return { metadata: { name, namespace: ns }, spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0', ...container }] } };
}

async function podStatus(name: string) {
  return (await f.core.readNamespacedPod({ name, namespace: ns })).status!;
}

async function reasons(name: string): Promise<string[]> {
  const events = await f.core.listNamespacedEvent({ namespace: ns, fieldSelector: `involvedObject.name=${name}` });
  return events.items.map((e) => e.reason!);
}

describe('workload controllers', () => {
  it('rolls a Deployment out through a ReplicaSet to Running, Ready pods', async () => {
    await f.apps.createNamespacedDeployment({ namespace: ns, body: {
      metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } } });
    const done = await waitFor('deployment available', async () => {
      const d = await f.apps.readNamespacedDeployment({ name: 'web', namespace: ns });
      return d.status?.availableReplicas === 2 && d.status.conditions?.find((c) => c.type === 'Progressing')?.reason === 'NewReplicaSetAvailable' && d;
    });
    expect(done.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    expect(done.status!.conditions!.find((c) => c.type === 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    const sets = await f.apps.listNamespacedReplicaSet({ namespace: ns, labelSelector: 'app=web' });
    expect(sets.items[0]!.metadata!.labels!['pod-template-hash']).toMatch(/^[a-z0-9]{10}$/);
    const pods = await f.core.listNamespacedPod({ namespace: ns, labelSelector: 'app=web' });
    expect(pods.items.map((p) => p.status!.phase)).toEqual(['Running', 'Running']);
    expect(pods.items[0]!.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
    expect(pods.items[0]!.status!.containerStatuses![0]).toMatchObject({ ready: true, restartCount: 0, state: { running: {} } });
    expect(await reasons('web')).toContain('ScalingReplicaSet');
    expect(await reasons(pods.items[0]!.metadata!.name!)).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']));
  });

  it('starts a new revision on a template change and retires the old ReplicaSet', async () => {
    await f.apps.patchNamespacedDeployment({ name: 'web', namespace: ns, body: [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.28' }] });
    await waitFor('revision 2 complete', async () => {
      const d = await f.apps.readNamespacedDeployment({ name: 'web', namespace: ns });
      return d.metadata!.annotations!['deployment.kubernetes.io/revision'] === '2' && d.status?.updatedReplicas === 2 && d.status?.replicas === 2 && d.status.availableReplicas === 2;
    });
    const sets = await f.apps.listNamespacedReplicaSet({ namespace: ns, labelSelector: 'app=web' });
    expect(sets.items.map((s) => s.spec!.replicas).sort()).toEqual([0, 2]);
  });

  it('reports ProgressDeadlineExceeded for a rollout that cannot progress', async () => {
    await f.apps.createNamespacedDeployment({ namespace: ns, body: {
      metadata: { name: 'stuck' }, spec: { progressDeadlineSeconds: 1, selector: { matchLabels: { app: 'stuck' } },
        template: { metadata: { labels: { app: 'stuck' } }, spec: { containers: [{ name: 'app', image: 'nginx:does-not-exist' }] } } } } });
    await waitFor('deadline exceeded', async () => {
      const d = await f.apps.readNamespacedDeployment({ name: 'stuck', namespace: ns });
      return d.status?.conditions?.find((c) => c.type === 'Progressing')?.reason === 'ProgressDeadlineExceeded';
    });
  });

  it('deletes a Deployment with Foreground propagation down to its pods, with Killing events', async () => {
    const before = (await f.core.listNamespacedPod({ namespace: ns, labelSelector: 'app=web' })).items.map((p) => p.metadata!.name!);
    const response = await f.raw(`/apis/apps/v1/namespaces/${ns}/deployments/web`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ propagationPolicy: 'Foreground' }) });
    expect(response.json.metadata.deletionTimestamp).toBeTruthy();
    expect(response.json.metadata.finalizers).toEqual(['foregroundDeletion']);
    await waitFor('pods and replica sets gone', async () =>
      (await f.core.listNamespacedPod({ namespace: ns, labelSelector: 'app=web' })).items.length === 0 &&
      (await f.apps.listNamespacedReplicaSet({ namespace: ns, labelSelector: 'app=web' })).items.length === 0);
    expect(await reasons(before[0]!)).toContain('Killing');
  });

  it('keeps old pods serving when a rolling update cannot progress (maxSurge/maxUnavailable)', async () => {
    const spec = (image: string) => ({ replicas: 4, selector: { matchLabels: { app: 'roll' } },
      template: { metadata: { labels: { app: 'roll' } }, spec: { containers: [{ name: 'app', image }] } } });
    await f.apps.createNamespacedDeployment({ namespace: ns, body: { metadata: { name: 'roll' }, spec: spec('nginx:1.27') } });
    await waitFor('4 available', async () => (await f.apps.readNamespacedDeployment({ name: 'roll', namespace: ns })).status?.availableReplicas === 4);
    await f.apps.patchNamespacedDeployment({ name: 'roll', namespace: ns, body: [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:does-not-exist' }] });
    const sets = await waitFor('surge pods failing beside 3 old ones', async () => {
      const list = (await f.apps.listNamespacedReplicaSet({ namespace: ns, labelSelector: 'app=roll' })).items;
      const byRevision = Object.fromEntries(list.map((rs) => [rs.metadata!.annotations!['deployment.kubernetes.io/revision'], rs.spec!.replicas]));
      return byRevision['1'] === 3 && byRevision['2'] === 2 && byRevision;
    });
    expect(sets).toEqual({ '1': 3, '2': 2 });
    await waitFor('deployment status to follow', async () => {
      const status = (await f.apps.readNamespacedDeployment({ name: 'roll', namespace: ns })).status;
      return status?.availableReplicas === 3 && status.updatedReplicas === 2;
    });
  });

  it('runs StatefulSet pods in order with stable names, and one DaemonSet pod', async () => {
    const template = (app: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'redis:7.2' }] } });
    await f.apps.createNamespacedStatefulSet({ namespace: ns, body: { metadata: { name: 'db' }, spec: { replicas: 3, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template('db') } } });
    await f.apps.createNamespacedDaemonSet({ namespace: ns, body: { metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent') } } });
    await waitFor('3 ready replicas', async () => (await f.apps.readNamespacedStatefulSet({ name: 'db', namespace: ns })).status?.readyReplicas === 3);
    const names = (await f.core.listNamespacedPod({ namespace: ns, labelSelector: 'app=db' })).items.map((p) => p.metadata!.name);
    expect(names).toEqual(['db-0', 'db-1', 'db-2']);
    await waitFor('daemon ready', async () => (await f.apps.readNamespacedDaemonSet({ name: 'agent', namespace: ns })).status?.numberReady === 1);
  });

  it('runs a Job to completion', async () => {
    await f.batch.createNamespacedJob({ namespace: ns, body: { metadata: { name: 'once' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'job', image: 'busybox:1.36' }] } } } } });
    const job = await waitFor('job complete', async () => {
      const j = await f.batch.readNamespacedJob({ name: 'once', namespace: ns });
      return j.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True') && j;
    });
    expect(job.status!.succeeded).toBe(1);
    const pods = await f.core.listNamespacedPod({ namespace: ns, labelSelector: 'batch.kubernetes.io/job-name=once' });
    expect(pods.items[0]!.status!.phase).toBe('Succeeded');
  });

  it('creates a Job from a CronJob when asked to run now', async () => {
    await f.batch.createNamespacedCronJob({ namespace: ns, body: { metadata: { name: 'nightly', annotations: { 'paver.dev/run-now': '1' } },
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'job', image: 'busybox:1.36' }] } } } } } } });
    const jobs = await waitFor('cron job created a job', async () => {
      const list = await f.batch.listNamespacedJob({ namespace: ns });
      const owned = list.items.filter((j) => j.metadata!.ownerReferences?.[0]?.name === 'nightly');
      return owned.length > 0 && owned;
    });
    expect(jobs[0]!.metadata!.name).toMatch(/^nightly-/);
    expect(await reasons('nightly')).toContain('SuccessfulCreate');
  });
});

describe('reproducible failures', () => {
  it('turns image tag does-not-exist into ErrImagePull then ImagePullBackOff', async () => {
    await f.core.createNamespacedPod({ namespace: ns, body: pod('pull', { image: 'ghcr.io/acme/app:does-not-exist' }) });
    const seen = new Set<string>();
    await waitFor('ImagePullBackOff', async () => {
      const reason = (await podStatus('pull')).containerStatuses?.[0]?.state?.waiting?.reason;
      if (reason) seen.add(reason);
      return reason === 'ImagePullBackOff';
    });
    expect(await reasons('pull')).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Failed', 'BackOff']));
  });

  it('turns PAVER_DEMO_CRASH=1 into CrashLoopBackOff with rising restarts', async () => {
    await f.core.createNamespacedPod({ namespace: ns, body: pod('crash', { env: [{ name: 'PAVER_DEMO_CRASH', value: '1' }] }) });
    const status = await waitFor('two restarts in back-off', async () => {
      const s = (await podStatus('crash')).containerStatuses?.[0];
      return (s?.restartCount ?? 0) >= 2 && s?.state?.waiting?.reason === 'CrashLoopBackOff' && s;
    });
    expect(status.lastState!.terminated).toMatchObject({ reason: 'Error', exitCode: 1 });
    expect(await reasons('crash')).toContain('BackOff');
  });

  it('turns a memory limit below 16Mi into OOMKilled', async () => {
    await f.core.createNamespacedPod({ namespace: ns, body: pod('oom', { resources: { limits: { memory: '8Mi' } } }) });
    await waitFor('OOMKilled', async () => {
      const s = (await podStatus('oom')).containerStatuses?.[0];
      return s?.state?.terminated?.reason === 'OOMKilled' || s?.lastState?.terminated?.reason === 'OOMKilled';
    });
  });

  it('turns a missing ConfigMap key into CreateContainerConfigError until the key exists', async () => {
    await f.core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'settings' }, data: { other: 'x' } } });
    await f.core.createNamespacedPod({ namespace: ns, body: pod('config', { env: [{ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'settings', key: 'level' } } }] }) });
    const waiting = await waitFor('CreateContainerConfigError', async () => {
      const w = (await podStatus('config')).containerStatuses?.[0]?.state?.waiting;
      return w?.reason === 'CreateContainerConfigError' && w;
    });
    expect(waiting.message).toBe(`couldn't find key level in ConfigMap ${ns}/settings`);
    await f.core.patchNamespacedConfigMap({ name: 'settings', namespace: ns, body: [{ op: 'add', path: '/data/level', value: 'debug' }] });
    await waitFor('running after the key appears', async () => (await podStatus('config')).phase === 'Running');
  });
});

describe('pod logs', () => {
  it('returns generated lines with tailLines and timestamps', async () => {
    await f.core.createNamespacedPod({ namespace: ns, body: pod('logger', {}) });
    await waitFor('logger running', async () => (await podStatus('logger')).phase === 'Running');
    const all = await f.core.readNamespacedPodLog({ name: 'logger', namespace: ns });
    expect(all).toContain('msg="starting app"');
    const tail = await f.core.readNamespacedPodLog({ name: 'logger', namespace: ns, tailLines: 2, timestamps: true });
    const lines = tail.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /);
  });

  it('streams new lines with follow until the pod goes away', async () => {
    const chunks: string[] = [];
    let ended = false;
    const sink = new Writable({ write(chunk, _encoding, callback) { chunks.push(String(chunk)); callback(); } });
    sink.on('finish', () => { ended = true; });
    await new Log(f.kubeConfig).log(ns, 'logger', 'app', sink, { follow: true, tailLines: 1 });
    await waitFor('three streamed lines', () => chunks.join('').trim().split('\n').length >= 3);
    await f.core.deleteNamespacedPod({ name: 'logger', namespace: ns });
    await waitFor('the stream to end', () => ended);
  });

  it('explains why a waiting container has no logs', async () => {
    const response = await f.raw(`/api/v1/namespaces/${ns}/pods/pull/log`);
    expect(response.status).toBe(400);
    expect(response.json.message).toContain('is waiting to start');
  });
});
