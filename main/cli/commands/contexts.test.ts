import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCluster, type DemoCluster } from '../../../app/demo-cluster/start-demo-cluster.js';
import { runPaver } from '../testing/run-paver.js';

let demo: DemoCluster;
let dir: string;
let offline: string;
beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  offline = `https://127.0.0.1:${(probe.address() as { port: number }).port}`;
  await new Promise((resolve) => probe.close(resolve));
  dir = mkdtempSync(join(tmpdir(), 'paver-contexts-cli-'));
  demo = await startDemoCluster({ seed: 'empty', kubeconfigPath: join(dir, 'demo'), tickMs: 0 });
  writeFileSync(join(dir, 'extra'), `
clusters: [{ name: offline, cluster: { server: "${offline}" } }]
users: [{ name: ops, user: { token: secret-ops-token } }]
contexts:
  - { name: prod, context: { cluster: offline, user: ops, namespace: shop } }
`);
});
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(argv: string[], env: Record<string, string>) {
  return runPaver(argv, { cwd: dir, env });
}

describe('paver contexts', () => {
  it('prints a table with the current context marked, reachability and the failure reason, and exits 0', async () => {
    const { code, stdout, stderr } = await run(['contexts'], { KUBECONFIG: `${join(dir, 'demo')}:${join(dir, 'extra')}:${join(dir, 'gone')}` });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^CURRENT\s+NAME\s+SERVER\s+NAMESPACE\s+STATUS$/);
    expect(lines[1]).toMatch(new RegExp(`^\\*\\s+paver-demo\\s+${demo.url.replace(/\./g, '\\.')}\\s+default\\s+reachable \\(v1\\.\\d+`));
    expect(lines[2]).toMatch(/^\s+prod\s+https:\/\/127\.0\.0\.1:\d+\s+shop\s+unreachable: /);
    expect(lines[2]).toContain(`Cannot reach cluster 'prod' at ${offline}: connection refused. Check the VPN / that the cluster is running.`);
    expect(stderr).toContain(`${join(dir, 'gone')} (from KUBECONFIG) does not exist`);
  });

  it('--kubeconfig FILE with --output json gives the same facts without any secret', async () => {
    const { code, stdout } = await run(['contexts', '--kubeconfig', 'extra', '--output', 'json'], {});
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list.files).toEqual([join(dir, 'extra')]);
    expect(list.contexts).toEqual([expect.objectContaining({
      name: 'prod', current: false, server: offline, namespace: 'shop', authKind: 'token',
      check: { context: 'prod', reachable: false, error: { code: 'ClusterUnreachableError', message: expect.stringContaining('connection refused') } },
    })]);
    expect(stdout).not.toContain('secret-ops-token');
  });

  it('rejects an unknown --output and a missing --kubeconfig file', async () => {
    expect((await run(['contexts', '--output', 'yaml'], {})).code).toBe(2);
    const missing = await run(['contexts', '--kubeconfig', 'nope'], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  });
});
