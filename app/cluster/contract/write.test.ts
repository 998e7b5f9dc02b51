// Contract: server-side apply dry-run (defaulting, nothing persisted), create,
// patch (merge, strategic, JSON) and delete, each also as a dry run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterRequestError } from '../../errors/index.js';
import type { KubeObject } from '../client/cluster-types.js';
import { eventually, startContractCluster, type ContractCluster } from './contract-cluster.js';

let cluster: ContractCluster;
beforeAll(async () => { cluster = await startContractCluster('write'); });
afterAll(async () => { await cluster?.close(); });

function deployment(name: string, image = 'nginx:1.27'): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, namespace: cluster.namespace, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 8080 }], env: [{ name: 'MODE', value: 'a' }] }] },
      },
    },
  };
}

async function notFound(ref: { apiVersion: string; kind: string; name: string }): Promise<boolean> {
  const error = await cluster.client.get({ ...ref, namespace: cluster.namespace }).then(() => undefined, (e) => e);
  return error instanceof ClusterRequestError && error.data.status === 404;
}

describe('server-side apply', () => {
  it('dry-run returns the object as the server would store it, with defaults, and persists nothing', async () => {
    const result: any = await cluster.client.apply(deployment('ssa-dry'), { dryRun: true });
    expect(result.metadata.name).toBe('ssa-dry');
    expect(result.metadata.managedFields.map((f: any) => [f.manager, f.operation])).toContainEqual(['paver', 'Apply']);
    expect(result.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(result.spec.revisionHistoryLimit).toBe(10);
    expect(result.spec.progressDeadlineSeconds).toBe(600);
    const pod = result.spec.template.spec;
    expect(pod).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {} });
    expect(pod.containers[0]).toMatchObject({
      terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
    });
    expect(await notFound({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'ssa-dry' })).toBe(true);
  });

  it('defaults imagePullPolicy to Always for :latest and untagged images', async () => {
    const latest: any = await cluster.client.apply(deployment('ssa-latest', 'nginx:latest'), { dryRun: true });
    expect(latest.spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
    const untagged: any = await cluster.client.apply(deployment('ssa-untagged', 'nginx'), { dryRun: true });
    expect(untagged.spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
  });

  it('applies for real, and a dry-run of a change shows it without storing it', async () => {
    await cluster.client.apply(deployment('ssa-real'));
    const changed = deployment('ssa-real');
    (changed.spec as any).replicas = 3;
    const preview: any = await cluster.client.apply(changed, { dryRun: true });
    expect(preview.spec.replicas).toBe(3);
    const stored: any = await cluster.client.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: cluster.namespace, name: 'ssa-real' });
    expect(stored.spec.replicas).toBe(1);
    expect(stored.metadata.managedFields.some((f: any) => f.manager === 'paver' && f.operation === 'Apply')).toBe(true);
  });
});

describe('create, patch and delete', () => {
  const ref = () => ({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: cluster.namespace, name: 'crud' });

  it('create dry-run persists nothing; create stores the defaulted object', async () => {
    const dry: any = await cluster.client.create(deployment('crud'), { dryRun: true });
    expect(dry.spec.revisionHistoryLimit).toBe(10);
    expect(await notFound(ref())).toBe(true);
    const created: any = await cluster.client.create(deployment('crud'));
    expect(created.metadata.uid).toMatch(/.+/);
    expect(created.spec.template.spec.containers[0].terminationMessagePolicy).toBe('File');
  });

  it('patches with merge, strategic merge (containers and env by name) and JSON patch', async () => {
    const merged: any = await cluster.client.patch(ref(), { metadata: { labels: { patched: 'merge' } } }, 'merge');
    expect(merged.metadata.labels).toEqual({ app: 'crud', patched: 'merge' });
    const strategic: any = await cluster.client.patch(ref(), {
      spec: { template: { spec: { containers: [{ name: 'web', env: [{ name: 'EXTRA', value: 'b' }] }] } } },
    }, 'strategic');
    const container = strategic.spec.template.spec.containers[0];
    expect(container.image).toBe('nginx:1.27');
    expect(container.env).toEqual(expect.arrayContaining([{ name: 'MODE', value: 'a' }, { name: 'EXTRA', value: 'b' }]));
    const json: any = await cluster.client.patch(ref(), [{ op: 'replace', path: '/spec/replicas', value: 2 }], 'json');
    expect(json.spec.replicas).toBe(2);
  });

  it('a dry-run patch returns the change and stores nothing', async () => {
    const dry: any = await cluster.client.patch(ref(), { spec: { replicas: 5 } }, 'merge', { dryRun: true });
    expect(dry.spec.replicas).toBe(5);
    const stored: any = await cluster.client.get(ref());
    expect(stored.spec.replicas).toBe(2);
  });

  it('a dry-run delete keeps the object; delete removes it', async () => {
    await cluster.client.delete(ref(), { dryRun: true });
    expect((await cluster.client.get(ref())).metadata.name).toBe('crud');
    await cluster.client.delete(ref(), { propagationPolicy: 'Background' });
    await eventually(async () => (await notFound(ref())) || undefined, 'the deployment to be gone');
  });
});
