// Client side of the cluster benchmarks (issue 6): list 50,000 pods with
// pagination and watch throughput, through @kubernetes/client-node, against a
// demo cluster in its own process. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { Agent, fetch } from 'undici';
import type { ResolvedContext } from '../kubeconfig/kubeconfig-types.js';
import { loadKubeconfig } from '../kubeconfig/load-kubeconfig.js';
import { resolveContext } from '../kubeconfig/resolve-context.js';
import { ClusterClient } from './cluster-client.js';
import { watchObjects } from './watch-objects.js';

const podCount = Number(process.env.PAVER_BENCH_PODS ?? 50_000);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'paver-cluster-bench-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  const server = spawn(process.execPath, ['--import', 'tsx', new URL('../testing/demo-cluster-process.ts', import.meta.url).pathname, kubeconfigPath, String(podCount)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const output = createInterface({ input: server.stdout! });
  const nextLine = () => new Promise<string>((resolve) => output.once('line', resolve));
  const seedStarted = performance.now();
  await nextLine();
  console.log(`demo cluster (separate process) seeded with ${podCount} pods in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const client = ClusterClient.fromContext(resolveContext(loadKubeconfig({ kubeconfigPath })), { requestTimeoutMs: 120_000 });
  const pods = { apiVersion: 'v1', kind: 'Pod' };
  try {
    await client.list(pods, { limit: 1 });
    // Client and plain-fetch runs alternate so server warm-up and machine noise hit both alike.
    for (let run = 1; run <= 3; run++) {
      for (const pageSize of [500, 5000]) {
        const started = performance.now();
        let pages = 0;
        let items = 0;
        for await (const page of client.listPages(pods, {}, pageSize)) { pages++; items += page.items.length; }
        const seconds = (performance.now() - started) / 1000;
        console.log(`run ${run}: list all pods through the client, limit=${pageSize}: ${items} pods in ${pages} pages, ${seconds.toFixed(2)} s (target <= 3 s: ${seconds <= 3 ? 'met' : 'MISSED'})`);
      }
      const raw = await rawList(client.context);
      console.log(`run ${run}: baseline, plain undici fetch + JSON.parse, limit=500: ${raw.items} pods in ${raw.seconds.toFixed(2)} s`);
    }
    {
      const started = performance.now();
      const { items } = await client.listAll(pods, { labelSelector: 'app=app-7' }, 500);
      console.log(`list with labelSelector app=app-7: ${items.length} pods in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    }
    // Watch throughput: a watch without resourceVersion first replays every pod as ADDED, then live changes.
    for (const phase of ['initial ADDED replay', 'live MODIFIED churn'] as const) {
      const target = phase === 'initial ADDED replay' ? podCount : 20_000;
      let seen = 0;
      let done!: () => void;
      const finished = new Promise<void>((resolve) => { done = resolve; });
      const { resourceVersion } = await client.list(pods, { limit: 1 });
      const started = performance.now();
      const stream = await watchObjects(client, pods, phase === 'initial ADDED replay' ? {} : { resourceVersion }, () => {
        if (++seen === target) done();
      }, (error) => { console.log(`watch failed: ${error.message}`); done(); });
      if (phase === 'live MODIFIED churn') server.stdin!.write(`churn ${target}\n`);
      await finished;
      const seconds = (performance.now() - started) / 1000;
      stream.stop();
      console.log(`watch, ${phase}: ${seen} events in ${seconds.toFixed(2)} s = ${Math.round(seen / seconds)} events/s`);
      if (phase === 'live MODIFIED churn') await nextLine();
    }
  } finally {
    await client.close();
    server.stdin!.end();
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

// The same paginated list without client-node, to separate server and transfer time from client overhead.
async function rawList(context: ResolvedContext): Promise<{ seconds: number; items: number }> {
  const agent = new Agent({ connect: { ca: Buffer.from(context.cluster.certificateAuthorityData ?? '', 'base64').toString() } });
  const started = performance.now();
  let items = 0;
  let token = '';
  do {
    const response = await fetch(`${context.cluster.server}/api/v1/pods?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`, {
      headers: { authorization: `Bearer ${context.user.token}` }, dispatcher: agent,
    });
    const list = JSON.parse(await response.text());
    items += list.items.length;
    token = list.metadata.continue ?? '';
  } while (token);
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return { seconds, items };
}

void main();
