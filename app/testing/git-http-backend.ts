// A real Git remote for tests: `git http-backend` (ships with git) served as CGI
// by a small Node server on 127.0.0.1, port 0. Pushes persist, so push-then-fetch
// and stale-push rejection behave as on a real server (see GIT-NOTES.md).
// Git is always called asynchronously here: a synchronous spawn would deadlock
// against this in-process server.
import { execFile, spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A running remote. */
export interface GitHttpBackend {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Folder holding the bare repositories. */
  projectRoot: string;
  /** URL of one repository under the root, e.g. `repoUrl('acme.git')`. */
  repoUrl(name: string): string;
  /** Creates an empty bare repository that accepts pushes; returns its URL. */
  createRepository(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Options: users enable basic auth (username -> password); omit for an open remote. */
export interface GitHttpBackendOptions {
  users?: Record<string, string>;
  projectRoot?: string;
}

function authorize(request: http.IncomingMessage, users: Record<string, string> | undefined): string | false | undefined {
  if (!users) return undefined;
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = decoded.slice(0, colon);
  return colon > 0 && users[user] === decoded.slice(colon + 1) ? user : false;
}

function serveCgi(request: http.IncomingMessage, response: http.ServerResponse, projectRoot: string, user: string | undefined): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '', GIT_PROJECT_ROOT: projectRoot, GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname), QUERY_STRING: url.search.slice(1), REQUEST_METHOD: request.method ?? 'GET',
      CONTENT_TYPE: request.headers['content-type'] ?? '', CONTENT_LENGTH: request.headers['content-length'] ?? '',
      HTTP_CONTENT_ENCODING: request.headers['content-encoding'] ?? '', GIT_HTTP_MAX_REQUEST_BUFFER: '100M',
      ...(user ? { REMOTE_USER: user, REMOTE_ADDR: '127.0.0.1' } : {}),
    },
  });
  request.pipe(child.stdin);
  let buffer = Buffer.alloc(0);
  let headersSent = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) { response.write(chunk); return; }
    buffer = Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    let status = 200;
    for (const line of buffer.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else response.setHeader(name, value);
    }
    response.writeHead(status);
    headersSent = true;
    response.write(buffer.subarray(end + 4));
  });
  child.stdout.on('end', () => response.end());
  child.on('error', (error) => {
    if (!response.headersSent) response.writeHead(500);
    response.end(String(error));
  });
}

/**
 * Starts a remote serving every bare repository under `projectRoot` (a new temp folder by default).
 * @example const remote = await startGitHttpBackend({ users: { alice: 's3cret' } }); const url = await remote.createRepository('acme.git');
 */
export async function startGitHttpBackend(options: GitHttpBackendOptions = {}): Promise<GitHttpBackend> {
  const ownRoot = options.projectRoot === undefined;
  const projectRoot = options.projectRoot ?? await mkdtemp(path.join(os.tmpdir(), 'paver-remote-'));
  const server = http.createServer((request, response) => {
    const user = authorize(request, options.users);
    if (user === false) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="paver-test"' });
      response.end('Authentication required');
      return;
    }
    serveCgi(request, response, projectRoot, user ?? (options.users ? undefined : 'anonymous'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    projectRoot,
    repoUrl: (name) => `${url}/${name}`,
    async createRepository(name) {
      const dir = path.join(projectRoot, name);
      await execFileAsync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
      await execFileAsync('git', ['config', 'http.receivepack', 'true'], { cwd: dir });
      return `${url}/${name}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownRoot) await rm(projectRoot, { recursive: true, force: true });
    },
  };
}
