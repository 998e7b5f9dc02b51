// `npm run bench demo-cluster`: 50,000 pods across 500 namespaces, listed
// with pagination (limit 500) through @kubernetes/client-node, and watch
// throughput in events per second. Reports figures; asserts nothing.
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { findResourceType } from './api/resource-types.js';
import { startDemoCluster } from './start-demo-cluster.js';

const podCount = Number(process.env.PAVER_BENCH_PODS ?? 50_000);
const watchEvents = 20_000;

async function main(): Promise<void> {
  let started = performance.now();
  const demo = await startDemoCluster({ seed: 'empty', pods: podCount, tickMs: 0, admission: null });
  console.log(`seed ${podCount} pods across 500 namespaces: ${(performance.now() - started).toFixed(0)} ms`);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(demo.kubeconfigYaml);
  const core = kubeConfig.makeApiClient(CoreV1Api);

  for (const run of [1, 2, 3]) {
    started = performance.now();
    let total = 0;
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await core.listPodForAllNamespaces({ limit: 500, _continue: token });
      total += page.items.length;
      pages++;
      token = page.metadata?._continue;
    } while (token);
    const ms = performance.now() - started;
    console.log(`list run ${run}: ${total} pods in ${pages} pages via client-node: ${ms.toFixed(0)} ms (target <= 3000 ms, ${(ms / 3000).toFixed(2)}x of target)`);
  }

  // Watch throughput: one client watch on all pods, store writes in batches.
  const pods = findResourceType('', 'v1', 'pods')!;
  const objects = demo.cluster.store.list(pods).slice(0, watchEvents);
  let received = 0;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  const controller = await new Watch(kubeConfig).watch('/api/v1/pods', { resourceVersion: String(demo.cluster.store.currentRevision()) }, (type) => {
    if (type === 'MODIFIED' && ++received === objects.length) finish();
  }, () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
  started = performance.now();
  for (let i = 0; i < objects.length; i += 500) {
    for (const pod of objects.slice(i, i + 500)) {
      demo.cluster.store.put(pods, { ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, touched: 'yes' } } });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await done;
  const seconds = (performance.now() - started) / 1000;
  console.log(`watch: ${received} MODIFIED events delivered to client-node in ${(seconds * 1000).toFixed(0)} ms = ${(received / seconds).toFixed(0)} events/s`);
  controller.abort();
  await demo.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
