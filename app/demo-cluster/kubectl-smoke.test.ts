// A client we did not write: real kubectl 1.32 against the demo cluster.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCluster, type DemoCluster } from './start-demo-cluster.js';

const kubectlPath = '/usr/bin/kubectl';

function kubectl(kubeconfig: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(kubectlPath, ['--kubeconfig', kubeconfig, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const manifest = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: smoke
  namespace: default
  labels: {app: smoke}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: smoke}}
  template:
    metadata: {labels: {app: smoke}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: smoke, namespace: default}
spec:
  selector: {app: smoke}
  ports: [{port: 80}]
`;

// CI machines without kubectl skip this suite: it needs the real binary at /usr/bin/kubectl.
describe.skipIf(!existsSync(kubectlPath))('kubectl against the demo cluster', () => {
  let demo: DemoCluster;
  let dir: string;
  let kubeconfig: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'paver-kubectl-'));
    kubeconfig = join(dir, 'kubeconfig');
    demo = await startDemoCluster({ seed: 'sample', kubeconfigPath: kubeconfig, tickMs: 50 });
    await writeFile(join(dir, 'v1.yaml'), manifest(2));
    await writeFile(join(dir, 'v2.yaml'), manifest(3));
  });
  afterAll(async () => {
    await demo.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('kubectl get pods -A prints the seeded pods', async () => {
    const result = await kubectl(kubeconfig, ['get', 'pods', '-A']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(result.stdout).toMatch(/payments-dev\s+checkout-/);
  });

  it('kubectl apply --server-side --dry-run=server validates without persisting', async () => {
    const result = await kubectl(kubeconfig, ['apply', '--server-side', '--dry-run=server', '-f', join(dir, 'v1.yaml')]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('deployment.apps/smoke serverside-applied (server dry run)');
    expect(result.stdout).toContain('service/smoke serverside-applied (server dry run)');
    const get = await kubectl(kubeconfig, ['get', 'deployment', 'smoke']);
    expect(get.stderr).toContain('not found');
  });

  it('kubectl diff shows the change against the live, defaulted object', async () => {
    expect((await kubectl(kubeconfig, ['apply', '--server-side', '-f', join(dir, 'v1.yaml')])).code).toBe(0);
    // Let the controllers finish the rollout first: a status update landing between kubectl's read and its
    // dry-run patch would show up as a difference (on a real cluster too).
    expect((await kubectl(kubeconfig, ['rollout', 'status', 'deployment/smoke', '--timeout=60s'])).code).toBe(0);
    const unchanged = await kubectl(kubeconfig, ['diff', '--server-side', '-f', join(dir, 'v1.yaml')]);
    expect(unchanged.code).toBe(0);
    const changed = await kubectl(kubeconfig, ['diff', '-f', join(dir, 'v2.yaml')]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('-  replicas: 2');
    expect(changed.stdout).toContain('+  replicas: 3');
  });
});
