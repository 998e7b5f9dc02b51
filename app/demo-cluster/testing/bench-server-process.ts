// The demo cluster in its own process for the benchmark, so the server and
// the measured client do not share one event loop. Usage:
//   node --import tsx app/demo-cluster/testing/bench-server-process.ts KUBECONFIG PODS
// Prints "ready <seed ms>"; stdin "churn N" modifies N pods (N watch events)
// and prints "churned"; closing stdin stops it.
import { createInterface } from 'node:readline';
import { findResourceType } from '../api/resource-types.js';
import { startDemoCluster } from '../start-demo-cluster.js';

async function main(): Promise<void> {
  const [kubeconfigPath, pods] = process.argv.slice(2);
  const started = performance.now();
  const demo = await startDemoCluster({ seed: 'empty', pods: Number(pods ?? 0), kubeconfigPath, tickMs: 0, admission: null });
  const podType = findResourceType('', 'v1', 'pods')!;
  process.stdout.write(`ready ${(performance.now() - started).toFixed(0)}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', async (line) => {
    const churn = /^churn (\d+)$/.exec(line.trim());
    if (!churn) return;
    const all = demo.cluster.store.list(podType);
    for (let i = 0; i < Number(churn[1]); i++) {
      const pod = all[i % all.length]!;
      demo.cluster.store.put(podType, { ...pod, metadata: { ...pod.metadata, annotations: { 'paver.dev/churn': String(i) } } });
      // Yield now and then so the sockets drain as they would under real load.
      if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    }
    process.stdout.write('churned\n');
  });
  lines.on('close', () => { void demo.close().then(() => process.exit(0)); });
}

void main();
