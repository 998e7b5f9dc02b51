// kubectl, a client we did not write, against the same cluster as the contract
// suite (the demo cluster by default): get, server-side apply dry-run and diff.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContractCluster, type ContractCluster } from './contract-cluster.js';

const kubectlPath = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

let cluster: ContractCluster;
let dir: string;

// Asynchronous on purpose: the demo cluster serves from this very process, so a blocking spawn would deadlock.
function kubectl(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(kubectlPath!, ['--kubeconfig', cluster.kubeconfigPath, '--cache-dir', join(dir, 'cache'), ...args], {
      encoding: 'utf8', timeout: 30_000, env: { ...process.env, HOME: dir, KUBECTL_EXTERNAL_DIFF: '' },
    }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
  });
}

function manifest(replicas: number): string {
  const file = join(dir, `manifest-${replicas}.yaml`);
  writeFileSync(file, `apiVersion: v1
kind: ConfigMap
metadata: { name: kubectl-config, namespace: ${cluster.namespace} }
data: { mode: "blue" }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: kubectl-web, namespace: ${cluster.namespace}, labels: { app: kubectl-web } }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: kubectl-web } }
  template:
    metadata: { labels: { app: kubectl-web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{ containerPort: 8080 }]
`);
  return file;
}

// Skipped only when no kubectl binary is installed (CI images without it); the reason shows in the test name.
describe.skipIf(!kubectlPath)(`kubectl against the cluster${kubectlPath ? '' : ' (skipped: kubectl is not installed)'}`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paver-kubectl-'));
    cluster = await startContractCluster('kubectl');
  });
  afterAll(async () => {
    await cluster?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kubectl get lists namespaces and objects, as a table and as JSON', async () => {
    const namespaces = await kubectl('get', 'namespaces');
    expect(namespaces.stderr).toBe('');
    expect(namespaces.code).toBe(0);
    expect(namespaces.stdout).toMatch(/^NAME\s+STATUS\s+AGE/);
    expect(namespaces.stdout).toMatch(new RegExp(`^${cluster.namespace}\\s+Active`, 'm'));
    const json = await kubectl('get', 'namespace', cluster.namespace, '-o', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'Namespace', metadata: { name: cluster.namespace } });
    const empty = await kubectl('get', 'configmaps', '-n', cluster.namespace, '-l', 'app=none');
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('No resources found');
  });

  it('kubectl apply --server-side --dry-run=server validates and stores nothing', async () => {
    const applied = await kubectl('apply', '--server-side', '--dry-run=server', '-f', manifest(2));
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('configmap/kubectl-config serverside-applied (server dry run)');
    expect(applied.stdout).toContain('deployment.apps/kubectl-web serverside-applied (server dry run)');
    const missing = await kubectl('get', 'deployment', 'kubectl-web', '-n', cluster.namespace);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NotFound');
  });

  it('kubectl diff shows new objects with the server defaults', async () => {
    const before = await kubectl('diff', '-f', manifest(2));
    expect(before.stderr).toBe('');
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('+  replicas: 2');
    expect(before.stdout).toContain('+  revisionHistoryLimit: 10');
    expect(before.stdout).toContain('+        terminationMessagePolicy: File');
    expect(before.stdout).toContain('+          protocol: TCP');
  });

  it('kubectl diff is empty right after kubectl apply --server-side', async () => {
    const applied = await kubectl('apply', '--server-side', '-f', manifest(2));
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('deployment.apps/kubectl-web serverside-applied');
    // Let the rollout settle: a controller's status update between kubectl's read and its dry-run patch would show as a change.
    expect((await kubectl('rollout', 'status', 'deployment/kubectl-web', '-n', cluster.namespace, '--timeout=120s')).code).toBe(0);
    const same = await kubectl('diff', '-f', manifest(2));
    expect(same.stderr).toBe('');
    expect(same.stdout).toBe('');
    expect(same.code).toBe(0);
  });

  it('kubectl diff of a changed manifest shows only the change', async () => {
    await kubectl('apply', '--server-side', '-f', manifest(2));
    const changed = await kubectl('diff', '-f', manifest(3));
    expect(changed.code).toBe(1);
    const edits = changed.stdout.split('\n').filter((l) => /^[-+]\s/.test(l)).map((l) => l.replace(/\s+/g, ' '));
    expect(edits).toContain('- replicas: 2');
    expect(edits).toContain('+ replicas: 3');
    // Only replicas (and the generation the server bumps) differ: defaulted fields must not show up as changes.
    expect(edits.filter((l) => !/replicas|generation/.test(l))).toEqual([]);
  });
});
