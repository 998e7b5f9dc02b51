// Contract: pod logs (tail, timestamps, follow) and the events about an object.
// The pod prints a line a second on a real cluster; the demo cluster generates lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterRequestError } from '../../errors/index.js';
import type { KubeObject } from '../client/cluster-types.js';
import { eventsFor } from '../client/object-events.js';
import { followPodLogs, podLogs } from '../client/pod-logs.js';
import { eventually, startContractCluster, type ContractCluster } from './contract-cluster.js';

let cluster: ContractCluster;
let pod: KubeObject;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

beforeAll(async () => {
  cluster = await startContractCluster('logs');
  await cluster.client.create({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'talker', namespace: cluster.namespace, labels: { app: 'talker' } },
    spec: {
      containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'i=0; while true; do echo "line $i"; i=$((i+1)); sleep 1; done'] }],
      terminationGracePeriodSeconds: 1,
    },
  });
  pod = await eventually(async () => {
    const current: any = await cluster.client.get({ apiVersion: 'v1', kind: 'Pod', namespace: cluster.namespace, name: 'talker' });
    return current.status?.containerStatuses?.[0]?.state?.running ? current : undefined;
  }, 'the pod to run', 120_000);
  await eventually(async () => (lines(await podLogs(cluster.client, cluster.namespace, 'talker')).length >= 3 ? true : undefined), 'three log lines', 30_000);
});
afterAll(async () => { await cluster?.close(); });

describe('pod logs', () => {
  it('returns the log, the last N lines with tailLines, and timestamps on request', async () => {
    const all = lines(await podLogs(cluster.client, cluster.namespace, 'talker'));
    expect(all.length).toBeGreaterThanOrEqual(3);
    const tail = lines(await podLogs(cluster.client, cluster.namespace, 'talker', { tailLines: 2, container: 'main' }));
    expect(tail).toHaveLength(2);
    const stamped = lines(await podLogs(cluster.client, cluster.namespace, 'talker', { tailLines: 1, timestamps: true }));
    expect(stamped[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z /);
  });

  it('follows the log as new lines arrive, until stopped', async () => {
    let received = '';
    const stream = await followPodLogs(cluster.client, cluster.namespace, 'talker', { tailLines: 1 }, (text) => { received += text; });
    try {
      await eventually(async () => (lines(received).length >= 3 ? true : undefined), 'followed lines', 20_000);
    } finally {
      stream.stop();
    }
    // What arrived live is the same log a plain read returns afterwards, in order.
    const followed = lines(received).slice(0, 3);
    const full = lines(await podLogs(cluster.client, cluster.namespace, 'talker'));
    const at = full.indexOf(followed[0]!);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(full.slice(at, at + 3)).toEqual(followed);
  });

  it('a missing pod is a 404 that names it', async () => {
    const error = await podLogs(cluster.client, cluster.namespace, 'no-such-pod').catch((e) => e);
    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.data.status).toBe(404);
    expect(error.message).toContain("'no-such-pod'");
  });
});

describe('events', () => {
  it('lists the events about an object, oldest first', async () => {
    const events = await eventually(async () => {
      const found = await eventsFor(cluster.client, pod);
      return found.some((e) => e.reason === 'Started') ? found : undefined;
    }, 'a Started event', 60_000);
    expect(events.every((e) => e.involvedObject?.name === 'talker' && e.involvedObject?.kind === 'Pod')).toBe(true);
    const reasons = events.map((e) => e.reason);
    expect(reasons).toContain('Created');
    expect(reasons.indexOf('Created')).toBeLessThan(reasons.lastIndexOf('Started'));
    const times = events.map((e) => e.lastTimestamp ?? e.eventTime ?? '');
    expect([...times].sort()).toEqual(times);
    expect(events.every((e) => e.type === 'Normal' || e.type === 'Warning')).toBe(true);
  });

  it('an object without events has none', async () => {
    const configMap = await cluster.client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'quiet', namespace: cluster.namespace } });
    expect(await eventsFor(cluster.client, configMap)).toEqual([]);
  });
});
