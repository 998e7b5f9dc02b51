// Watch resume and expiry against a small real HTTP server that behaves as an
// API server does at the edges the demo cluster cannot force: it closes the
// watch connection (real servers do after timeoutSeconds) and answers 410 Gone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ClusterRequestError, type PaverError } from '../../errors/index.js';
import { loadKubeconfig } from '../kubeconfig/load-kubeconfig.js';
import { resolveContext } from '../kubeconfig/resolve-context.js';
import { eventually } from '../contract/contract-cluster.js';
import { ClusterClient } from './cluster-client.js';
import type { WatchEvent } from './cluster-types.js';
import { watchObjects } from './watch-objects.js';

let server: Server;
let dir: string;
let client: ClusterClient;
const watchRequests: string[] = [];

const configMap = (name: string, rv: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'apps', resourceVersion: rv } });

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    response.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/v1') {
      response.end(JSON.stringify({ kind: 'APIResourceList', groupVersion: 'v1', resources: [{ name: 'configmaps', namespaced: true, kind: 'ConfigMap', verbs: ['list', 'watch'] }] }));
      return;
    }
    watchRequests.push(`${url.pathname}?rv=${url.searchParams.get('resourceVersion')}&selector=${url.searchParams.get('labelSelector')}`);
    const rv = url.searchParams.get('resourceVersion');
    if (rv === '100') {
      // First connection: one event, then the server ends the watch as real API servers do.
      response.end(`${JSON.stringify({ type: 'ADDED', object: configMap('first', '101') })}\n`);
    } else if (rv === '101') {
      response.write(`${JSON.stringify({ type: 'MODIFIED', object: configMap('first', '102') })}\n`);
    } else {
      response.end(`${JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 410, reason: 'Expired', message: 'too old resource version: 5 (90)' } })}\n`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = mkdtempSync(join(tmpdir(), 'paver-watch-'));
  writeFileSync(join(dir, 'config'), `
current-context: w
clusters: [{ name: w, cluster: { server: "http://127.0.0.1:${(server.address() as { port: number }).port}", insecure-skip-tls-verify: true } }]
contexts: [{ name: w, context: { cluster: w, user: w, namespace: apps } }]
users: [{ name: w, user: { token: t } }]
`);
  client = ClusterClient.fromContext(resolveContext(loadKubeconfig({ kubeconfigPath: join(dir, 'config') })));
});
afterAll(async () => {
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

it('resumes a watch the server closed from the last resourceVersion it saw, with the same selector', async () => {
  const events: WatchEvent[] = [];
  const stream = await watchObjects(client, { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'apps' }, { resourceVersion: '100', labelSelector: 'app=web' }, (e) => events.push(e));
  await eventually(async () => (events.length === 2 ? true : undefined), 'two events');
  stream.stop();
  expect(events.map((e) => `${e.type} ${e.object.metadata.resourceVersion}`)).toEqual(['ADDED 101', 'MODIFIED 102']);
  expect(watchRequests.slice(0, 2)).toEqual(['/api/v1/namespaces/apps/configmaps?rv=100&selector=app=web', '/api/v1/namespaces/apps/configmaps?rv=101&selector=app=web']);
});

it('reports 410 Gone as an expired watch to re-list, and stops', async () => {
  const errors: PaverError[] = [];
  const events: WatchEvent[] = [];
  await watchObjects(client, { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'apps' }, { resourceVersion: '5' }, (e) => events.push(e), (error) => errors.push(error));
  const error = await eventually(async () => errors[0], 'the expiry');
  expect(error).toBeInstanceOf(ClusterRequestError);
  expect((error as ClusterRequestError).data).toMatchObject({ status: 410, reason: 'Expired' });
  expect(error.message).toContain('List again');
  expect(events).toEqual([]);
});
