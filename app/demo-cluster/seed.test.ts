// The sample scenario (resources/demo-cluster) and the empty seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, waitFor, type DemoClusterFixture } from './testing/demo-cluster-fixture.js';

describe('sample seed', () => {
  let f: DemoClusterFixture;
  beforeAll(async () => { f = await startFixture({ seed: 'sample', tickMs: 40 }); });
  afterAll(async () => { await f.demo.close(); });

  it('deploys the sample services at several template versions with Paver labels', async () => {
    const list = await f.apps.listDeploymentForAllNamespaces({ labelSelector: 'app.kubernetes.io/managed-by=paver' });
    const versions = new Set(list.items.map((d) => `${d.metadata!.labels!['paver.dev/template']}@${d.metadata!.labels!['paver.dev/template-version']}`));
    expect(versions.size).toBeGreaterThanOrEqual(5);
    expect(list.items.map((d) => d.metadata!.namespace)).toEqual(expect.arrayContaining(['payments-dev', 'payments-prod', 'search-dev', 'platform-dev']));
    expect(list.items.every((d) => d.metadata!.labels!['paver.dev/service'])).toBe(true);
  });

  it('contains the drifted checkout in payments-prod', async () => {
    const live = await f.apps.readNamespacedDeployment({ name: 'checkout', namespace: 'payments-prod' });
    expect(live.spec!.replicas).toBe(6);
    expect(live.spec!.template.spec!.containers[0]!.env).toEqual([{ name: 'FEATURE_FAST_CHECKOUT', value: 'true' }]);
  });

  it('has a failing rollout and a crash loop that reach their states', async () => {
    await waitFor('search-indexer: revision 1 serving, revision 2 in ImagePullBackOff', async () => {
      const pods = (await f.core.listNamespacedPod({ namespace: 'search-dev', labelSelector: 'paver.dev/service=search-indexer' })).items;
      const byVersion = (version: string) => pods.filter((p) => p.metadata!.labels!['paver.dev/template-version'] === version);
      return byVersion('1.0.1').some((p) => p.status?.containerStatuses?.[0]?.ready) &&
        byVersion('1.0.2').some((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff');
    });
    const indexer = await f.apps.readNamespacedDeployment({ name: 'search-indexer', namespace: 'search-dev' });
    expect(indexer.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    await waitFor('log-shipper CrashLoopBackOff', async () => {
      const pods = await f.core.listNamespacedPod({ namespace: 'platform-dev', labelSelector: 'paver.dev/service=log-shipper' });
      return pods.items[0]?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff';
    });
    await waitFor('healthy checkout', async () => (await f.apps.readNamespacedDeployment({ name: 'checkout', namespace: 'payments-dev' })).status?.availableReplicas === 1);
  });

  it('serves Argo CD Applications with sync and health status, and their CRD', async () => {
    const response = await f.raw('/apis/argoproj.io/v1alpha1/namespaces/argocd/applications');
    const states = response.json.items.map((a: any) => `${a.metadata.name}:${a.status.sync.status}/${a.status.health.status}`);
    expect(states).toEqual(expect.arrayContaining(['checkout-prod:OutOfSync/Healthy', 'search-indexer-dev:Synced/Degraded', 'payments-api-dev:Synced/Progressing', 'checkout-dev:Synced/Healthy']));
    const crd = await f.raw('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/applications.argoproj.io');
    expect(crd.json.spec.names.kind).toBe('Application');
  });
});

describe('empty seed', () => {
  it('holds only the default namespaces', async () => {
    const f = await startFixture({ seed: 'empty', tickMs: 0 });
    try {
      const names = (await f.core.listNamespace()).items.map((n) => n.metadata!.name).sort();
      expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
      expect((await f.core.listPodForAllNamespaces()).items).toEqual([]);
    } finally {
      await f.demo.close();
    }
  });
});
