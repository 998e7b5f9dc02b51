// Contract: discovery, list (selectors, pagination), get and watch, against the
// demo cluster or PAVER_TEST_KUBECONFIG's current context.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGroups, apiResources, serverVersion } from '../client/discover-api.js';
import { watchObjects } from '../client/watch-objects.js';
import type { KubeObject, WatchEvent } from '../client/cluster-types.js';
import { eventually, startContractCluster, type ContractCluster } from './contract-cluster.js';

let cluster: ContractCluster;
beforeAll(async () => { cluster = await startContractCluster('read'); });
afterAll(async () => { await cluster?.close(); });

const configMap = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: cluster.namespace, labels }, data: { key: name },
});

describe('discovery', () => {
  it('reports the server version', async () => {
    const version = await serverVersion(cluster.client);
    expect(version.major).toMatch(/^\d+$/);
    expect(version.minor).toMatch(/^\d+/);
    expect(version.gitVersion).toMatch(/^v\d+\.\d+\.\d+/);
  });

  it('lists the API groups Paver relies on, the core group first', async () => {
    const groups = await apiGroups(cluster.client);
    expect(groups[0]).toEqual({ name: '', versions: ['v1'], preferredVersion: 'v1' });
    const names = groups.map((g) => g.name);
    for (const group of ['apps', 'batch', 'networking.k8s.io', 'policy', 'autoscaling', 'rbac.authorization.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io']) {
      expect(names).toContain(group);
    }
    expect(groups.find((g) => g.name === 'apps')!.preferredVersion).toBe('v1');
  });

  it('lists resources with kind, plural name, scope, verbs and short names', async () => {
    const { resources, failed } = await apiResources(cluster.client);
    const find = (group: string, name: string) => resources.find((r) => r.group === group && r.name === name);
    expect(find('apps', 'deployments')).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', namespaced: true, shortNames: ['deploy'] });
    expect(find('apps', 'deployments')!.verbs).toEqual(expect.arrayContaining(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']));
    expect(find('', 'namespaces')).toMatchObject({ kind: 'Namespace', namespaced: false, shortNames: ['ns'] });
    expect(find('', 'pods')).toMatchObject({ kind: 'Pod', namespaced: true });
    expect(resources.some((r) => r.name.includes('/'))).toBe(false);
    if (!cluster.real) expect(failed).toEqual([]);
  });
});

describe('list and get', () => {
  beforeAll(async () => {
    for (let i = 0; i < 5; i++) await cluster.client.create(configMap(`item-${i}`, { tier: i < 3 ? 'front' : 'back', index: String(i) }));
  });

  it('gets one object as the server stored it', async () => {
    const object = await cluster.client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: cluster.namespace, name: 'item-1' });
    expect(object.metadata.name).toBe('item-1');
    expect(object.metadata.uid).toMatch(/.+/);
    expect(object.metadata.resourceVersion).toMatch(/.+/);
    expect(typeof object.metadata.creationTimestamp).toBe('string');
    expect(object.data).toEqual({ key: 'item-1' });
  });

  it('filters with label and field selectors', async () => {
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: cluster.namespace };
    const front = await cluster.client.list(ref, { labelSelector: 'tier=front' });
    expect(front.items.map((o) => o.metadata.name).sort()).toEqual(['item-0', 'item-1', 'item-2']);
    const notFront = await cluster.client.list(ref, { labelSelector: 'tier!=front,index' });
    expect(notFront.items.map((o) => o.metadata.name).sort()).toEqual(['item-3', 'item-4']);
    const set = await cluster.client.list(ref, { labelSelector: 'index in (1,4)' });
    expect(set.items.map((o) => o.metadata.name).sort()).toEqual(['item-1', 'item-4']);
    const byName = await cluster.client.list(ref, { fieldSelector: 'metadata.name=item-2' });
    expect(byName.items.map((o) => o.metadata.name)).toEqual(['item-2']);
    expect(front.resourceVersion).toMatch(/.+/);
  });

  it('paginates with limit and continue', async () => {
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: cluster.namespace };
    const first = await cluster.client.list(ref, { labelSelector: 'index', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.continue).toMatch(/.+/);
    const pages: number[] = [];
    const names: string[] = [];
    for await (const page of cluster.client.listPages(ref, { labelSelector: 'index' }, 2)) {
      pages.push(page.items.length);
      names.push(...page.items.map((o) => o.metadata.name!));
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(names.sort()).toEqual(['item-0', 'item-1', 'item-2', 'item-3', 'item-4']);
    const all = await cluster.client.listAll(ref, { labelSelector: 'index' }, 3);
    expect(all.items).toHaveLength(5);
  });

  it('lists across all namespaces when no namespace is given', async () => {
    const all = await cluster.client.list({ apiVersion: 'v1', kind: 'ConfigMap' }, { labelSelector: 'tier=back' });
    expect(all.items.filter((o) => o.metadata.namespace === cluster.namespace)).toHaveLength(2);
  });
});

describe('watch', () => {
  it('sees objects created, changed and deleted after it started', async () => {
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: cluster.namespace };
    const start = await cluster.client.list(ref);
    const events: WatchEvent[] = [];
    const stream = await watchObjects(cluster.client, ref, { resourceVersion: start.resourceVersion, labelSelector: 'watched=yes' }, (event) => events.push(event));
    try {
      await cluster.client.create(configMap('watched', { watched: 'yes' }));
      await cluster.client.create(configMap('not-watched', { watched: 'no' }));
      await eventually(async () => events.find((e) => e.type === 'ADDED') ?? undefined, 'the ADDED event');
      await cluster.client.patch({ ...ref, name: 'watched' }, { data: { key: 'changed' } }, 'merge');
      await eventually(async () => events.find((e) => e.type === 'MODIFIED') ?? undefined, 'the MODIFIED event');
      await cluster.client.delete({ ...ref, name: 'watched' });
      await eventually(async () => events.find((e) => e.type === 'DELETED') ?? undefined, 'the DELETED event');
      expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED watched', 'MODIFIED watched', 'DELETED watched']);
      expect((events[1]!.object as any).data.key).toBe('changed');
    } finally {
      stream.stop();
    }
  });
});
