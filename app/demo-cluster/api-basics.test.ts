// Transport, auth, discovery and reads through the real client and raw HTTPS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiException, makeInformer, Watch } from '@kubernetes/client-node';
import { startFixture, waitFor, type DemoClusterFixture } from './testing/demo-cluster-fixture.js';

let f: DemoClusterFixture;
beforeAll(async () => { f = await startFixture({ tickMs: 0 }); });
afterAll(async () => { await f.demo.close(); });

function configMap(name: string, labels: Record<string, string>, namespace = 'default') {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, labels }, data: { k: name } };
}

describe('transport and discovery', () => {
  it('answers 401 with a Status when the token is missing or wrong', async () => {
    const missing = await f.raw('/api/v1/namespaces', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    expect((await f.raw('/version', { token: 'wrong' })).status).toBe(401);
  });

  it('serves version, groups and per-version resources with verbs and short names', async () => {
    expect((await f.raw('/version')).json.gitVersion).toMatch(/^v1\.32/);
    const groups = (await f.raw('/apis')).json.groups.map((g: any) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['apps', 'batch', 'networking.k8s.io', 'policy', 'autoscaling',
      'rbac.authorization.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'argoproj.io']));
    const core = (await f.raw('/api/v1')).json;
    const pods = core.resources.find((r: any) => r.name === 'pods');
    expect(pods).toMatchObject({ namespaced: true, kind: 'Pod', shortNames: ['po'], singularName: 'pod' });
    expect(pods.verbs).toContain('watch');
    expect(core.resources.map((r: any) => r.name)).toContain('pods/log');
    const argo = (await f.raw('/apis/argoproj.io/v1alpha1')).json;
    expect(argo.resources[0]).toMatchObject({ name: 'applications', kind: 'Application', namespaced: true });
  });

  it('answers aggregated discovery when asked for it', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const response = await f.raw('/apis', { headers: { accept } });
    expect(response.headers.get('content-type')).toContain('as=APIGroupDiscoveryList');
    const apps = response.json.items.find((i: any) => i.metadata.name === 'apps');
    expect(apps.versions[0].resources.find((r: any) => r.resource === 'deployments').scope).toBe('Namespaced');
  });
});

describe('reading', () => {
  beforeAll(async () => {
    await f.core.createNamespace({ body: { metadata: { name: 'reads' } } });
    for (let i = 0; i < 12; i++) {
      await f.core.createNamespacedConfigMap({ namespace: 'reads', body: configMap(`cm-${String(i).padStart(2, '0')}`, { tier: i % 3 === 0 ? 'web' : 'db', ...(i % 2 ? { odd: 'yes' } : {}) }, 'reads') });
    }
  });

  it('gets one object and 404s a missing one with a Status', async () => {
    expect((await f.core.readNamespacedConfigMap({ name: 'cm-03', namespace: 'reads' })).data).toEqual({ k: 'cm-03' });
    const error = await f.core.readNamespacedConfigMap({ name: 'nope', namespace: 'reads' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.code).toBe(404);
    expect(JSON.parse(error.body).message).toBe('configmaps "nope" not found');
  });

  it('filters with every label selector operator', async () => {
    const names = async (labelSelector: string) => (await f.core.listNamespacedConfigMap({ namespace: 'reads', labelSelector })).items.map((i) => i.metadata!.name);
    expect(await names('tier=web')).toEqual(['cm-00', 'cm-03', 'cm-06', 'cm-09']);
    expect((await names('tier!=web')).length).toBe(8);
    expect((await names('tier in (web,db),odd')).length).toBe(6);
    expect(await names('tier notin (db)')).toEqual(['cm-00', 'cm-03', 'cm-06', 'cm-09']);
    expect((await names('!odd')).length).toBe(6);
  });

  it('filters with field selectors and rejects unsupported fields', async () => {
    const list = await f.core.listConfigMapForAllNamespaces({ fieldSelector: 'metadata.namespace=reads,metadata.name!=cm-00' });
    expect(list.items.length).toBe(11);
    const bad = await f.raw('/api/v1/configmaps?fieldSelector=data.k%3Dx');
    expect(bad.status).toBe(400);
  });

  it('paginates with limit and continue', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await f.core.listNamespacedConfigMap({ namespace: 'reads', limit: 5, _continue: token });
      seen.push(...page.items.map((i) => i.metadata!.name!));
      token = page.metadata?._continue;
    } while (token);
    expect(seen.length).toBe(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('resumes a watch from a resourceVersion and delivers later changes', async () => {
    const start = (await f.core.listNamespacedConfigMap({ namespace: 'reads' })).metadata!.resourceVersion!;
    await f.core.createNamespacedConfigMap({ namespace: 'reads', body: configMap('late-1', {}, 'reads') });
    const events: string[] = [];
    const watch = new Watch(f.kubeConfig);
    let done!: () => void;
    const finished = new Promise<void>((resolve) => { done = resolve; });
    const controller = await watch.watch('/api/v1/namespaces/reads/configmaps', { resourceVersion: start, allowWatchBookmarks: true }, (type, object) => {
      if (type !== 'BOOKMARK') events.push(`${type} ${object.metadata.name}`);
      if (events.length === 3) done();
    }, () => undefined);
    await f.core.patchNamespacedConfigMap({ name: 'late-1', namespace: 'reads', body: [{ op: 'add', path: '/data/x', value: 'y' }] });
    await f.core.deleteNamespacedConfigMap({ name: 'late-1', namespace: 'reads' });
    await finished;
    controller.abort();
    expect(events).toEqual(['ADDED late-1', 'MODIFIED late-1', 'DELETED late-1']);
  });

  it('turns changes into and out of a label-filtered watch into ADDED and DELETED', async () => {
    const start = f.demo.cluster.store.currentRevision();
    await f.core.createNamespacedConfigMap({ namespace: 'reads', body: configMap('mover', { stage: 'a' }, 'reads') });
    await f.core.patchNamespacedConfigMap({ name: 'mover', namespace: 'reads', body: [{ op: 'replace', path: '/metadata/labels/stage', value: 'b' }] });
    await f.core.patchNamespacedConfigMap({ name: 'mover', namespace: 'reads', body: [{ op: 'replace', path: '/metadata/labels/stage', value: 'a' }] });
    const response = await f.raw(`/api/v1/namespaces/reads/configmaps?watch=true&labelSelector=stage%3Da&resourceVersion=${start}&timeoutSeconds=1`);
    const types = response.text.trim().split('\n').map((line) => JSON.parse(line).type);
    expect(types).toEqual(['ADDED', 'DELETED', 'ADDED']);
  });

  it('feeds a client-node informer (list, then watch) with adds, updates and deletes', async () => {
    const informer = makeInformer(f.kubeConfig, '/api/v1/namespaces/reads/configmaps', () => f.core.listNamespacedConfigMap({ namespace: 'reads' }));
    const seen: string[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata!.name}`));
    informer.on('update', (o) => seen.push(`update ${o.metadata!.name}`));
    informer.on('delete', (o) => seen.push(`delete ${o.metadata!.name}`));
    await informer.start();
    await f.core.createNamespacedConfigMap({ namespace: 'reads', body: configMap('informed', {}, 'reads') });
    await f.core.patchNamespacedConfigMap({ name: 'informed', namespace: 'reads', body: [{ op: 'add', path: '/data/more', value: '1' }] });
    await f.core.deleteNamespacedConfigMap({ name: 'informed', namespace: 'reads' });
    await waitFor('informer events', () => seen.includes('delete informed'));
    await informer.stop();
    expect(seen.filter((e) => e.endsWith(' informed'))).toEqual(['add informed', 'update informed', 'delete informed']);
    expect(seen.filter((e) => e.startsWith('add cm-')).length).toBe(12);
  });

  it('answers a watch from a compacted or invalid resourceVersion with a 410 ERROR event', async () => {
    const response = await f.raw('/api/v1/configmaps?watch=true&resourceVersion=-5&timeoutSeconds=1');
    expect(JSON.parse(response.text.split('\n')[0]!)).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
  });

  it('sends bookmarks and ends the stream after timeoutSeconds', async () => {
    const response = await f.raw('/api/v1/namespaces/reads/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=2&resourceVersion=' + f.demo.cluster.store.currentRevision());
    const types = response.text.trim().split('\n').map((l) => JSON.parse(l).type);
    expect(types).toContain('BOOKMARK');
  });

  it('prints a Table for kubectl-style requests', async () => {
    const response = await f.raw('/api/v1/namespaces/reads/configmaps', { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } });
    expect(response.json.kind).toBe('Table');
    expect(response.json.columnDefinitions.map((c: any) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(response.json.rows[0].cells[0]).toBe('cm-00');
    expect(response.json.rows[0].object.kind).toBe('PartialObjectMetadata');
    const sorted = await f.raw('/api/v1/namespaces/reads/configmaps?includeObject=Object', { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } });
    expect(sorted.json.rows[0].object.data).toEqual({ k: 'cm-00' });
  });
});
