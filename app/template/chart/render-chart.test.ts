import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadChart } from './chart-loader.js';
import { renderChartWithFuncs, type RenderChartOptions } from './render-chart.js';
import { minimalHelmFuncs } from './testing/minimal-helm-funcs.js';
import { nodeFileReader } from '../../template-host/node-file-reader.js';

const chartsDir = fileURLToPath(new URL('../testdata/charts', import.meta.url));
const load = (name: string) => loadChart(nodeFileReader(chartsDir), name);
const render = async (name: string, options: Partial<RenderChartOptions> = {}) =>
  renderChartWithFuncs(await load(name), { funcs: minimalHelmFuncs, ...options });

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
