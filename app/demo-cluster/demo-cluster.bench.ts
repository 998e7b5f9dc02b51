// `npm run bench demo-cluster`: 50,000 pods across 500 namespaces, listed
// with pagination (limit 500) through @kubernetes/client-node, and watch
// throughput in events per second. The server runs in its own process, as a
// real cluster would. Reports figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';

const podCount = Number(process.env.PAVER_BENCH_PODS ?? 50_000);
const watchEvents = 20_000;
const targetMs = 3000;

function rawGet(kubeConfig: KubeConfig, agent: Agent, path: string): Promise<string> {
  const cluster = kubeConfig.getCurrentCluster()!;
  const ca = Buffer.from(cluster.caData!, 'base64').toString('utf8');
  return new Promise((resolve, reject) => {
    const req = request(`${cluster.server}${path}`, { ca, agent, headers: { authorization: `Bearer ${kubeConfig.getCurrentUser()!.token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'paver-demo-bench-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  const server = spawn(process.execPath, ['--import', 'tsx', new URL('./testing/bench-server-process.ts', import.meta.url).pathname, kubeconfigPath, String(podCount)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: server.stdout });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const ready = await nextLine();
  console.log(`seed ${podCount} pods across 500 namespaces (server process): ${ready.split(' ')[1]} ms`);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  const core = kubeConfig.makeApiClient(CoreV1Api);

  for (const run of [1, 2, 3]) {
    const started = performance.now();
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
    console.log(`list run ${run}: ${total} pods in ${pages} pages via client-node: ${ms.toFixed(0)} ms (${(ms / targetMs).toFixed(2)}x the ${targetMs} ms target)`);
  }

  // The same pages over raw HTTPS with JSON.parse only: server and transport
  // without client-node's mapping into model classes.
  const agent = new Agent({ keepAlive: true });
  let started = performance.now();
  let rawTotal = 0;
  let rawToken: string | undefined;
  do {
    const body = JSON.parse(await rawGet(kubeConfig, agent, `/api/v1/pods?limit=500${rawToken ? `&continue=${encodeURIComponent(rawToken)}` : ''}`));
    rawTotal += body.items.length;
    rawToken = body.metadata.continue;
  } while (rawToken);
  console.log(`list over raw HTTPS + JSON.parse (no client-node): ${rawTotal} pods in ${(performance.now() - started).toFixed(0)} ms`);
  agent.destroy();

  let received = 0;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  const list = await core.listPodForAllNamespaces({ limit: 1 });
  const controller = await new Watch(kubeConfig).watch('/api/v1/pods', { resourceVersion: list.metadata!.resourceVersion }, (type) => {
    if (type === 'MODIFIED' && ++received === watchEvents) finish();
  }, () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 300));
  started = performance.now();
  server.stdin.write(`churn ${watchEvents}\n`);
  await done;
  const seconds = (performance.now() - started) / 1000;
  console.log(`watch: ${received} MODIFIED events delivered to client-node in ${(seconds * 1000).toFixed(0)} ms = ${(received / seconds).toFixed(0)} events/s`);
  controller.abort();
  server.stdin.end();
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
