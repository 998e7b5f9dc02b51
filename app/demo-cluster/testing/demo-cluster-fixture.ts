// Test support: start a demo cluster and build real @kubernetes/client-node
// clients against it. Used by this folder's tests and by app/cluster's.
import { AppsV1Api, BatchV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import { request } from 'node:https';
import { startDemoCluster, type DemoCluster, type DemoClusterOptions } from '../start-demo-cluster.js';

/** A started cluster plus ready-made clients. */
export interface DemoClusterFixture {
  demo: DemoCluster;
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  objects: KubernetesObjectApi;
  /** fetch() against the cluster with the bearer token and its CA. */
  raw(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string; token?: string | null }): Promise<{ status: number; headers: Headers; text: string; json: any }>;
}

/** Starts a demo cluster (empty seed unless told otherwise) and returns clients. */
export async function startFixture(options: DemoClusterOptions = {}): Promise<DemoClusterFixture> {
  const demo = await startDemoCluster({ seed: 'empty', tickMs: 50, ...options });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(demo.kubeconfigYaml);
  return {
    demo, kubeConfig,
    core: kubeConfig.makeApiClient(CoreV1Api),
    apps: kubeConfig.makeApiClient(AppsV1Api),
    batch: kubeConfig.makeApiClient(BatchV1Api),
    objects: KubernetesObjectApi.makeApiClient(kubeConfig),
    async raw(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token !== null) headers.authorization = `Bearer ${init.token ?? demo.token}`;
      // Node only chunks bodies of POST/PUT/PATCH by default; a DELETE body needs its length.
      if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
      const { status, responseHeaders, text } = await new Promise<{ status: number; responseHeaders: Headers; text: string }>((resolve, reject) => {
        const req = request(`${demo.url}${path}`, { method: init.method ?? 'GET', headers, ca: demo.caPem }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [k, v] of Object.entries(res.headers)) for (const one of [v].flat()) if (one !== undefined) responseHeaders.append(k, one);
            resolve({ status: res.statusCode ?? 0, responseHeaders, text: Buffer.concat(chunks).toString('utf8') });
          });
        });
        req.on('error', reject);
        req.end(init.body);
      });
      let json: any;
      try { json = JSON.parse(text); } catch { json = undefined; }
      return { status, headers: responseHeaders, text, json };
    },
  };
}

/** Polls `probe` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(description: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${description}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
