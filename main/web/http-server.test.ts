// Browser mode's guards: token, Host and Origin checks, 127.0.0.1 only.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../services/create-core.js';
import { startHttpServer, type PaverHttpServer } from './http-server.js';

function raw(port: number, path: string, headers: Record<string, string>, method = 'POST', body = '{"args":[]}'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

describe('browser-mode HTTP server', () => {
  let server: PaverHttpServer;
  let dataDir: string;
  let core: Core;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'paver-http-'));
    core = createCore({ userDataDir: dataDir, mode: 'browser' });
    server = await startHttpServer({ dispatcher: core.dispatcher });
  });
  afterAll(async () => {
    await server.close();
    await core.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  const host = () => `127.0.0.1:${server.port}`;

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a call that carries the token', async () => {
    const response = await raw(server.port, '/rpc/app/getAppInfo', { Host: host(), Authorization: `Bearer ${server.token}` });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('rejects a call without the token with 401', async () => {
    expect((await raw(server.port, '/rpc/app/getAppInfo', { Host: host() })).status).toBe(401);
    expect((await raw(server.port, '/rpc/app/getAppInfo', { Host: host(), Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await raw(server.port, '/events', { Host: host() }, 'GET')).status).toBe(401);
  });

  it('rejects a foreign Origin with 403, even with the token', async () => {
    const response = await raw(server.port, '/rpc/app/getAppInfo', { Host: host(), Origin: 'https://evil.example', Authorization: `Bearer ${server.token}` });
    expect(response.status).toBe(403);
  });

  it('rejects a foreign Host (DNS rebinding) with 403', async () => {
    const response = await raw(server.port, '/rpc/app/getAppInfo', { Host: `evil.example:${server.port}`, Authorization: `Bearer ${server.token}` });
    expect(response.status).toBe(403);
  });

  it('rejects a body that is not JSON with a clear error', async () => {
    const response = await raw(server.port, '/rpc/app/getAppInfo', { Host: host(), Authorization: `Bearer ${server.token}` }, 'POST', '{oops');
    expect(response.status).toBe(400);
    expect(response.body).toContain('must be JSON');
  });
});
