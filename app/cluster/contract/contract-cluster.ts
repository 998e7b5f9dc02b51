// The cluster the contract suite runs against: the demo cluster (started on
// port 0) by default, or the current context of PAVER_TEST_KUBECONFIG. Either
// way each test file works in its own fresh namespace, deleted at the end, so
// the suite makes no assumption that only the demo cluster satisfies.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../demo-cluster/start-demo-cluster.js';
import { ClusterClient } from '../client/cluster-client.js';
import type { Kubeconfig, ResolvedContext } from '../kubeconfig/kubeconfig-types.js';
import { loadKubeconfig } from '../kubeconfig/load-kubeconfig.js';
import { resolveContext } from '../kubeconfig/resolve-context.js';

/** A cluster under test and a namespace of its own. */
export interface ContractCluster {
  /** True against a real cluster (PAVER_TEST_KUBECONFIG). */
  real: boolean;
  kubeconfigPath: string;
  kubeconfig: Kubeconfig;
  context: ResolvedContext;
  client: ClusterClient;
  namespace: string;
  demo?: DemoCluster;
  /** A fresh kubeconfig file whose context differs by what `change` sets (bad token, wrong CA...). */
  variantKubeconfig(change: { token?: string; caPem?: string; server?: string; name?: string }): string;
  close(): Promise<void>;
}

/** Starts (or connects to) the cluster and creates the test namespace. */
export async function startContractCluster(label: string): Promise<ContractCluster> {
  const dir = mkdtempSync(join(tmpdir(), `paver-contract-${label}-`));
  const realPath = process.env.PAVER_TEST_KUBECONFIG;
  let demo: DemoCluster | undefined;
  let kubeconfigPath: string;
  if (realPath) {
    kubeconfigPath = realPath;
  } else {
    kubeconfigPath = join(dir, 'kubeconfig');
    demo = await startDemoCluster({ seed: 'empty', kubeconfigPath });
  }
  const kubeconfig = loadKubeconfig({ kubeconfigPath });
  // Absolute and ~-expanded, so kubectl gets the same file.
  kubeconfigPath = kubeconfig.files[0]!;
  const context = resolveContext(kubeconfig);
  const client = ClusterClient.fromContext(context, { requestTimeoutMs: 15_000 });
  const namespace = `paver-contract-${label}-${randomBytes(3).toString('hex')}`;
  await client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { 'paver.dev/contract-test': 'true' } } });
  let variants = 0;
  return {
    real: Boolean(realPath), kubeconfigPath, kubeconfig, context, client, namespace, demo,
    variantKubeconfig(change) {
      const cluster = { ...context.cluster, server: change.server ?? context.cluster.server };
      const name = change.name ?? 'variant';
      const lines = [
        'apiVersion: v1', 'kind: Config', `current-context: ${name}`,
        'clusters:', `  - name: ${name}`, '    cluster:', `      server: ${cluster.server}`,
      ];
      const caPem = change.caPem ?? (cluster.certificateAuthorityData ? Buffer.from(cluster.certificateAuthorityData, 'base64').toString() : undefined);
      if (caPem) lines.push(`      certificate-authority-data: ${Buffer.from(caPem).toString('base64')}`);
      else if (cluster.certificateAuthority) lines.push(`      certificate-authority: ${cluster.certificateAuthority}`);
      lines.push('users:', `  - name: ${name}`, `    user: { token: ${JSON.stringify(change.token ?? context.user.token ?? 'none')} }`,
        'contexts:', `  - name: ${name}`, `    context: { cluster: ${name}, user: ${name}, namespace: ${namespace} }`);
      const file = join(dir, `variant-${++variants}`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    },
    async close() {
      await client.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace }).catch(() => undefined);
      await client.close();
      await demo?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` returns a value (not undefined) or the deadline passes; real clusters are eventually consistent. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${lastError instanceof Error ? lastError.message : String(lastError)}` : ''}`);
}
