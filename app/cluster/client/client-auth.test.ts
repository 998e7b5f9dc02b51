// Client authentication and transport against a real HTTPS server on 127.0.0.1:
// client certificates (file and data), token files, proxy-url, TLS trust.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createNetServer, connect, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterForbiddenError, ClusterTlsError, ClusterUnreachableError } from '../../errors/index.js';
import { loadKubeconfig } from '../kubeconfig/load-kubeconfig.js';
import { resolveContext } from '../kubeconfig/resolve-context.js';
import { createTestCa } from '../testing/test-certificates.js';
import { ClusterClient } from './cluster-client.js';
import { serverVersion } from './discover-api.js';

const ca = createTestCa();
const serverCert = ca.server();
let server: Server;
let url: string;
let acceptedToken = 'fresh';
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paver-client-auth-'));
  server = createHttpsServer({ key: serverCert.keyPem, cert: serverCert.certPem, ca: ca.certPem, requestCert: true, rejectUnauthorized: false }, (request, response) => {
    if (request.url?.startsWith('/api/v1/namespaces/payments/secrets')) {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({
        kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403,
        message: 'secrets is forbidden: User "dev" cannot list resource "secrets" in API group "" in the namespace "payments"',
        details: { kind: 'secrets' },
      }));
      return;
    }
    const peer = (request.socket as TLSSocket).getPeerCertificate();
    const authorization = request.headers.authorization ?? '';
    const viaCert = (request.socket as TLSSocket).authorized && peer?.subject?.CN;
    if (!viaCert && authorization !== `Bearer ${acceptedToken}`) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Unauthorized', code: 401, message: 'Unauthorized' }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.0', platform: viaCert ? `cert:${peer.subject.CN}` : `token:${authorization.slice(7)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function clientFor(userYaml: string, clusterExtra = '', caLine = `certificate-authority: ca.pem`) {
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  const file = join(dir, 'config');
  writeFileSync(file, `
current-context: test
clusters: [{ name: c, cluster: { server: "${url}", ${caLine} ${clusterExtra} } }]
contexts: [{ name: test, context: { cluster: c, user: u } }]
users: [{ name: u, user: ${userYaml} }]
`);
  return ClusterClient.fromContext(resolveContext(loadKubeconfig({ kubeconfigPath: file, homeDir: dir })), { requestTimeoutMs: 5000 });
}

describe('cluster client authentication', () => {
  it('presents a client certificate from files named relative to the kubeconfig', async () => {
    const alice = ca.client('alice');
    writeFileSync(join(dir, 'alice.crt'), alice.certPem);
    writeFileSync(join(dir, 'alice.key'), alice.keyPem);
    const client = clientFor('{ client-certificate: alice.crt, client-key: alice.key }');
    expect((await serverVersion(client)).platform).toBe('cert:alice');
    await client.close();
  });

  it('presents a client certificate from inline data', async () => {
    const bob = ca.client('bob');
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const client = clientFor(`{ client-certificate-data: ${b64(bob.certPem)}, client-key-data: ${b64(bob.keyPem)} }`, '', `certificate-authority-data: ${b64(ca.certPem)}`);
    expect((await serverVersion(client)).platform).toBe('cert:bob');
    await client.close();
  });

  it('sends the token of a tokenFile and re-reads a rotated file after a 401', async () => {
    acceptedToken = 'fresh';
    writeFileSync(join(dir, 'token'), 'fresh\n');
    const client = clientFor('{ tokenFile: token }');
    expect((await serverVersion(client)).platform).toBe('token:fresh');
    acceptedToken = 'rotated';
    writeFileSync(join(dir, 'token'), 'rotated\n');
    expect((await serverVersion(client)).platform).toBe('token:rotated');
    await client.close();
  });

  it('goes through an HTTP CONNECT proxy named by proxy-url', async () => {
    acceptedToken = 'fresh';
    const tunnels: string[] = [];
    const proxy: NetServer = createNetServer((socket) => {
      socket.once('data', (head) => {
        const target = /^CONNECT (\S+) /.exec(head.toString())?.[1] ?? '';
        tunnels.push(target);
        const [host, port] = target.split(':');
        const upstream = connect(Number(port), host!, () => {
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(socket);
          socket.pipe(upstream);
        });
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const client = clientFor('{ token: fresh }', `, proxy-url: "${proxyUrl}"`);
    expect((await serverVersion(client)).gitVersion).toBe('v1.32.0');
    expect(tunnels).toEqual([url.replace('https://', '')]);
    await client.close();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('explains that a SOCKS proxy-url is not supported', async () => {
    const client = clientFor('{ token: fresh }', ', proxy-url: "socks5://127.0.0.1:1080"');
    const error = await serverVersion(client).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterUnreachableError);
    expect(error.message).toContain('supports http:// and https:// proxies only');
  });

  it('refuses a server whose certificate the kubeconfig CA did not sign, and says what to set', async () => {
    writeFileSync(join(dir, 'other-ca.pem'), createTestCa('other-ca').certPem);
    const client = clientFor('{ token: fresh }', '', 'certificate-authority: other-ca.pem');
    const error = await serverVersion(client).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterTlsError);
    expect(error.message).toContain("Cannot trust cluster 'test'");
    expect(error.message).toContain('certificate-authority');
    // insecure-skip-tls-verify accepts it anyway, as kubectl does.
    const insecure = clientFor('{ token: fresh }', ', insecure-skip-tls-verify: true', 'certificate-authority: ""');
    expect((await serverVersion(insecure)).gitVersion).toBe('v1.32.0');
    await insecure.close();
  });

  it('403 names the verb, resource and namespace and points at RBAC', async () => {
    const client = clientFor('{ token: fresh }');
    const error = await client.request({ verb: 'list', resource: 'secrets', namespace: 'payments' }, { method: 'GET', path: '/api/v1/namespaces/payments/secrets' }).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterForbiddenError);
    expect(error.data).toEqual({ context: 'test', user: 'u', verb: 'list', resource: 'secrets', namespace: 'payments' });
    expect(error.message).toContain("User 'u' may not list secrets in namespace 'payments'");
    expect(error.message).toContain('RBAC');
    await client.close();
  });

  it('checks the certificate against tls-server-name, and explains a host name mismatch', async () => {
    const matching = clientFor('{ token: fresh }', ', tls-server-name: localhost');
    expect((await serverVersion(matching)).gitVersion).toBe('v1.32.0');
    await matching.close();
    const wrong = clientFor('{ token: fresh }', ', tls-server-name: api.other.example');
    const error = await serverVersion(wrong).catch((e) => e);
    expect(error).toBeInstanceOf(ClusterTlsError);
    expect(error.data.reason).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(error.message).toContain('not valid for this host name');
    expect(error.message).toContain('tls-server-name');
    await wrong.close();
  });
});
