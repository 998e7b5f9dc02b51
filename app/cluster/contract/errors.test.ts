// Contract: every failure a user meets comes back as the Paver error that says
// what to do: 401, 404, 409, 422 with causes, unreachable, TLS trust, unknown context.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterRequestError, ClusterTlsError, ClusterUnauthorizedError, ClusterUnreachableError, UnknownContextError } from '../../errors/index.js';
import { checkContexts } from '../client/check-contexts.js';
import { ClusterClient } from '../client/cluster-client.js';
import { serverVersion } from '../client/discover-api.js';
import { watchObjects } from '../client/watch-objects.js';
import { loadKubeconfig } from '../kubeconfig/load-kubeconfig.js';
import { resolveContext } from '../kubeconfig/resolve-context.js';
import { createTestCa } from '../testing/test-certificates.js';
import { startContractCluster, type ContractCluster } from './contract-cluster.js';

let cluster: ContractCluster;
let closedPort: number;
beforeAll(async () => {
  cluster = await startContractCluster('errors');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => { await cluster?.close(); });

function clientFor(file: string): ClusterClient {
  return ClusterClient.fromContext(resolveContext(loadKubeconfig({ kubeconfigPath: file })), { requestTimeoutMs: 5000 });
}

const configMapRef = () => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: cluster.namespace });

describe('cluster errors', () => {
  it('401 with a bad token: ClusterUnauthorizedError with a re-login hint', async () => {
    const client = clientFor(cluster.variantKubeconfig({ token: 'not-a-valid-token' }));
    const error = await client.list(configMapRef()).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterUnauthorizedError);
    expect(error.data).toMatchObject({ context: 'variant', user: 'variant', authKind: 'token' });
    expect(error.message).toContain('401 Unauthorized');
    expect(error.message).toContain('log in again');
    const watchError = await watchObjects(client, configMapRef(), {}, () => undefined).catch((e) => e);
    expect(watchError).toBeInstanceOf(ClusterUnauthorizedError);
    await client.close();
  });

  it('404 for a missing object names it', async () => {
    const error = await cluster.client.get({ ...configMapRef(), name: 'does-not-exist' }).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.data).toMatchObject({ status: 404, reason: 'NotFound' });
    expect(error.message).toContain("'does-not-exist'");
  });

  it('a kind the cluster does not serve is named, with the CRD hint', async () => {
    for (const ref of [{ apiVersion: 'widgets.example.com/v1', kind: 'Widget' }, { apiVersion: 'apps/v1', kind: 'Widget' }]) {
      const error = await cluster.client.list({ ...ref, namespace: cluster.namespace }).catch((e) => e);
      expect(error).toBeInstanceOf(ClusterRequestError);
      expect(error.data.status).toBe(404);
      expect(error.message).toBe(`Cluster '${cluster.context.name}' does not serve ${ref.apiVersion} Widget. Check the apiVersion and kind, or install the CRD that defines it.`);
    }
  });

  it('409 when the object already exists', async () => {
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'twice', namespace: cluster.namespace } };
    await cluster.client.create(object);
    const error = await cluster.client.create(object).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.data).toMatchObject({ status: 409, reason: 'AlreadyExists' });
  });

  it('422 keeps the causes with their fields', async () => {
    const error = await cluster.client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Not_A_Valid_Name', namespace: cluster.namespace } }).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.data.status).toBe(422);
    expect(error.data.reason).toBe('Invalid');
    expect(error.data.causes).toContainEqual(expect.objectContaining({ field: 'metadata.name', reason: 'FieldValueInvalid' }));
    expect(error.message).toContain('metadata.name');
    const deployment = await cluster.client.apply({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'no-selector', namespace: cluster.namespace },
      spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } },
    }, { dryRun: true }).catch((e) => e);
    expect(deployment).toBeInstanceOf(ClusterRequestError);
    expect(deployment.data.status).toBe(422);
    expect(deployment.data.causes.map((c: any) => c.field)).toContain('spec.selector');
  });

  it('a port nobody listens on: ClusterUnreachableError naming the context and URL', async () => {
    const server = `https://127.0.0.1:${closedPort}`;
    const client = clientFor(cluster.variantKubeconfig({ server }));
    const error = await serverVersion(client).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterUnreachableError);
    expect(error.data).toMatchObject({ context: 'variant', server, reason: 'ECONNREFUSED' });
    expect(error.message).toBe(`Cannot reach cluster 'variant' at ${server}: connection refused. Check the VPN / that the cluster is running.`);
    await client.close();
  });

  it('a CA that did not sign the server certificate: ClusterTlsError', async () => {
    const client = clientFor(cluster.variantKubeconfig({ caPem: createTestCa('unrelated-ca').certPem }));
    const error = await serverVersion(client).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterTlsError);
    expect(error.message).toContain('not signed by a trusted authority');
    await client.close();
  });

  it('an unknown context lists the ones that exist', () => {
    const error = (() => { try { resolveContext(cluster.kubeconfig, 'no-such-context'); } catch (e) { return e; } })() as UnknownContextError;
    expect(error).toBeInstanceOf(UnknownContextError);
    expect(error.data.available).toContain(cluster.context.name);
  });

  it('checkContexts reports every context with its reason, concurrently', async () => {
    const files = [
      cluster.kubeconfigPath,
      cluster.variantKubeconfig({ name: 'switched-off', server: `https://127.0.0.1:${closedPort}` }),
      cluster.variantKubeconfig({ name: 'stale-token', token: 'expired-token' }),
    ];
    const checks = await checkContexts(loadKubeconfig({ env: { KUBECONFIG: files.join(':') } }), { contexts: [cluster.context.name, 'switched-off', 'stale-token'] });
    expect(checks.map((c) => [c.context, c.reachable, c.error?.code])).toEqual([
      [cluster.context.name, true, undefined], ['switched-off', false, 'ClusterUnreachableError'], ['stale-token', false, 'ClusterUnauthorizedError'],
    ]);
    expect(checks[0]).toMatchObject({ serverVersion: expect.stringMatching(/^v1\./), latencyMs: expect.any(Number) });
    expect(checks[1]!.error!.message).toContain('connection refused');
  });
});
