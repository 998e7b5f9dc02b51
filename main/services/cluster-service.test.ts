// The cluster picker's data, through the real composition root: the user's
// kubeconfig merged with the demo cluster's, which starts in the background.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnknownContextError } from '../../app/api/index.js';
import { createCore, type Core } from './create-core.js';

describe('cluster contexts for the picker', () => {
  let dir: string;
  let core: Core;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'paver-clusters-'));
    const kubeconfig = join(dir, 'kubeconfig');
    await writeFile(kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: staging',
      'clusters:', '- name: staging', '  cluster:', '    server: https://127.0.0.1:1', '    insecure-skip-tls-verify: true',
      'users:', '- name: alice', '  user:', '    token: s3cr3t-token',
      'contexts:', '- name: staging', '  context:', '    cluster: staging', '    user: alice',
    ].join('\n'));
    core = createCore({ userDataDir: join(dir, 'data'), mode: 'browser', startDemoCluster: true, env: { HOME: dir, KUBECONFIG: kubeconfig } });
    await core.demoCluster.start();
  });
  afterAll(async () => {
    await core.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the demo cluster as reachable and says why another context is not', async () => {
    const list = await core.services.cluster.listClusterContexts();
    const demo = list.contexts.find((c) => c.name === 'paver-demo');
    expect(demo).toMatchObject({ demo: true, reachable: true });
    expect(demo?.serverVersion).toMatch(/^v1\./);
    const staging = list.contexts.find((c) => c.name === 'staging');
    expect(staging?.reachable).toBe(false);
    expect(staging?.error?.code).toBe('ClusterUnreachableError');
    expect(staging?.error?.message).toContain('staging');
    // The kubeconfig's current context is the default choice.
    expect(list.selected).toBe('staging');
  });

  it('never hands credentials to the UI', async () => {
    const list = await core.services.cluster.listClusterContexts();
    expect(JSON.stringify(list)).not.toContain('s3cr3t-token');
    const { kubeconfigPath } = await core.services.cluster.getDemoClusterStatus();
    const demoToken = /token: (\S+)/.exec(await readFile(kubeconfigPath!, 'utf8'))![1]!;
    expect(JSON.stringify(list)).not.toContain(demoToken);
  });

  it('remembers the chosen context and refuses an unknown one', async () => {
    const chosen = await core.services.cluster.selectClusterContext({ name: 'paver-demo' });
    expect(chosen.selected).toBe('paver-demo');
    expect((await core.services.cluster.listClusterContexts()).selected).toBe('paver-demo');
    await expect(core.services.cluster.selectClusterContext({ name: 'prod-eu-9' })).rejects.toBeInstanceOf(UnknownContextError);
  });
});
