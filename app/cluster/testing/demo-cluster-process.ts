// Runs a demo cluster in its own process for benchmarks, so the server's work
// does not share the client's event loop. Usage:
//   node --import tsx app/cluster/testing/demo-cluster-process.ts KUBECONFIG_PATH PODS
// Prints "ready" once serving; a line "churn N" on stdin rewrites N pods in the
// store (N watch events); it exits when stdin closes.
import { createInterface } from 'node:readline';
import { findResourceType } from '../../demo-cluster/api/resource-types.js';
import { startDemoCluster } from '../../demo-cluster/start-demo-cluster.js';

async function main(): Promise<void> {
  const [kubeconfigPath, pods] = process.argv.slice(2);
  const demo = await startDemoCluster({ seed: 'empty', pods: Number(pods ?? 0), kubeconfigPath, tickMs: 0 });
  const podType = findResourceType('', 'v1', 'pods')!;
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const churn = /^churn (\d+)$/.exec(line.trim());
    if (!churn) return;
    const all = demo.cluster.store.list(podType);
    for (let i = 0; i < Number(churn[1]); i++) {
      const pod = all[i % all.length]!;
      demo.cluster.store.put(podType, { ...pod, metadata: { ...pod.metadata, annotations: { 'paver.dev/churn': String(i) } } });
    }
    process.stdout.write('churned\n');
  });
  lines.on('close', () => { void demo.close().then(() => process.exit(0)); });
}

void main();
