import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadChart } from './chart-loader.js';
import { renderChartWithFuncs, type RenderChartOptions } from './render-chart.js';
import { helmFunctions } from '../funcs/index.js';

const funcs = helmFunctions({ wrapWarnings: true });
import { nodeFileReader } from '../../template-host/node-file-reader.js';

const chartsDir = fileURLToPath(new URL('../testdata/charts', import.meta.url));
const load = (name: string) => loadChart(nodeFileReader(chartsDir), name);
const render = async (name: string, options: Partial<RenderChartOptions> = {}) =>
  renderChartWithFuncs(await load(name), { funcs, ...options });

describe('renderChart on the shop chart', () => {
  it('prints what helm template prints', async () => {
    const result = await render('shop');
    expect(result.manifests).toMatchInlineSnapshot(`
      "---
      # Source: shop/templates/configmap.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: release-name-shop-config
      data:
        big: "1e+06"
        kube: "v1.36.0"
        hasApps: "true"
        imported: "5432"
        defaultsImport: "postgres"
        template: shop/templates/configmap.yaml
        app.properties: |
          a=1
        greeting: "hello release-name"
        libLabel: from-lib-shop
      ---
      # Source: shop/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: release-name-shop
      spec:
        ports:
          - port: 8080
      ---
      # Source: shop/templates/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: release-name-shop
        labels:
          app: release-name-shop
          team: checkout
      spec:
        replicas: 2
        template:
          spec:
            containers:
              - name: web
                image: "shop:2.0"
                ports:
                  - containerPort: 8080
      ---
      # Source: shop/charts/orders-db/templates/statefulset.yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: release-name-orders-db
        labels:
          team: checkout
          region: eu
      spec:
        size: 10Gi
      ---
      # Source: shop/templates/test-pod.yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: release-name-shop-test
        annotations:
          helm.sh/hook: test
      "
    `);
  });
});

describe('helm template options', () => {
  it('adds CRDs first with --include-crds and drops test hooks with --skip-tests', async () => {
    const result = await render('shop', { includeCrds: true, skipTests: true });
    expect(result.manifests.startsWith('---\n# Source: shop/crds/widgets.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n\n---\n# Source: shop/templates/configmap.yaml\n')).toBe(true);
    expect(result.manifests).not.toContain('test-pod.yaml');
    expect(result.manifests.endsWith('  size: 10Gi\n')).toBe(true);
  });

  it('prints only the selected templates with --show-only, failing for unknown paths', async () => {
    const result = await render('shop', { showOnly: ['templates/service.yaml', 'charts/*/templates/*.yaml'] });
    expect(result.manifests).toBe('---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: release-name-shop\nspec:\n  ports:\n    - port: 8080\n'
      + '---\n# Source: shop/charts/orders-db/templates/statefulset.yaml\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: release-name-orders-db\n  labels:\n    team: checkout\n    region: eu\nspec:\n  size: 10Gi\n');
    await expect(render('shop', { showOnly: ['templates/nope.yaml'] })).rejects.toThrow('could not find template templates/nope.yaml in chart');
  });

  it('lays out --output-dir files like helm and prints only a newline', async () => {
    const result = await render('shop', { outputDir: 'out' });
    expect(result.manifests).toBe('\n');
    expect(result.outputFiles.map((f) => f.path)).toEqual([
      'shop/templates/configmap.yaml', 'shop/templates/service.yaml', 'shop/templates/deployment.yaml',
      'shop/charts/orders-db/templates/statefulset.yaml', 'shop/templates/test-pod.yaml',
    ]);
    expect(result.outputFiles[1]!.content).toBe('---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: release-name-shop\nspec:\n  ports:\n    - port: 8080\n');
  });

  it('renders NOTES.txt separately, with release name, namespace, revision and capabilities', async () => {
    const result = await render('shop', { releaseName: 'web', namespace: 'prod', kubeVersion: '1.31', apiVersions: ['example.com/v1'] });
    expect(result.notes).toBe('Thank you for installing shop as web.\n');
    expect(result.manifests).toContain('kube: "v1.31.0"');
    expect(result.manifests).not.toContain('NOTES');
  });

  it('lets user values override defaults, delete them with null, and switch subcharts by condition', async () => {
    const result = await render('shop', { values: { replicas: 5, ordersDb: { enabled: false }, image: { tag: null }, tags: { cache: true } } });
    expect(result.manifests).toContain('replicas: 5');
    expect(result.manifests).not.toContain('orders-db');
    expect(result.manifests).toContain('# Source: shop/charts/cache-db/templates/statefulset.yaml');
    expect(result.manifests).toContain('image: "shop:2.0"');
  });

  it('returns each object with its template and a source map pointing at template lines', async () => {
    const result = await render('shop');
    const deployment = result.objects.find((o) => o.kind === 'Deployment')!;
    expect(deployment).toMatchObject({ template: 'shop/templates/deployment.yaml', name: 'release-name-shop', documentIndex: 0, hookEvents: [] });
    const lines = result.manifests.split('\n');
    const at = (text: string) => result.sourceMap[lines.findIndex((l) => l === text)]!;
    expect(lines[deployment.outputLine - 1]).toBe('---');
    expect(at('  replicas: 2')).toMatchObject({ file: 'shop/templates/deployment.yaml', line: 8 });
    expect(at('kind: Deployment')).toMatchObject({ file: 'shop/templates/deployment.yaml', line: 2 });
    expect(at('            - containerPort: 8080')).toMatchObject({ file: 'shop/templates/deployment.yaml', line: 15 });
    expect(at('    team: checkout')).toEqual({ outputLine: lines.indexOf('    team: checkout') + 1, file: 'shop/templates/_helpers.tpl', line: 6,
      includeChain: [{ file: 'shop/templates/deployment.yaml', line: 6 }] });
    expect(at('    app: release-name-shop')).toMatchObject({ file: 'shop/templates/_helpers.tpl', line: 5 });
    expect(at('  size: 10Gi')).toMatchObject({ file: 'shop/charts/db/templates/statefulset.yaml'.replace('charts/db', 'charts/orders-db'), line: 9 });
    expect(result.sourceMap).toHaveLength(lines.length - 1);
  });

  it('builds the same source map lazily, on first read, when asked to', async () => {
    const eager = await render('shop');
    const lazy = await render('shop', { sourceMap: 'lazy' });
    expect(lazy.manifests).toBe(eager.manifests);
    expect(lazy.objects.map((o) => [o.template, o.outputLine])).toEqual(eager.objects.map((o) => [o.template, o.outputLine]));
    expect(lazy.sourceMap).toEqual(eager.sourceMap);
    expect(lazy.sourceMap).toBe(lazy.sourceMap);
    expect((await render('shop', { sourceMap: false })).sourceMap).toEqual([]);
  });
});
