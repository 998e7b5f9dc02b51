import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelRequest, EventMessage } from '../../app/api/index.js';
import { ChannelSession } from '../rpc/channel-session.js';
import type { RpcDispatcher } from '../rpc/dispatcher.js';
import { serveStaticFile } from './static-files.js';

export interface PaverHttpServerOptions {
  dispatcher: RpcDispatcher;
  /** Built renderer files (index.html and assets); omit to serve the API only. */
  staticDir?: string;
  port?: number;
  /** Fixed token for tests; by default a random one is minted per launch. */
  token?: string;
}

export interface PaverHttpServer {
  url: string;
  /** The address to open in a browser, carrying the token. */
  appUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const maxBodyBytes = 32 * 1024 * 1024;

/**
 * Browser mode's transport: `POST /rpc/<service>/<method>` for calls and a
 * Server-Sent Events stream for events. It listens on 127.0.0.1 only, needs
 * the per-launch token on every API request, and refuses foreign Host and
 * Origin headers (DNS rebinding, cross-site requests).
 */
export async function startHttpServer(options: PaverHttpServerOptions): Promise<PaverHttpServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Map<string, { session: ChannelSession; response: ServerResponse }>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'InternalError', message: error instanceof Error ? error.message : String(error) } });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(request.headers.host ?? '')) {
      return sendJson(response, 403, { error: { code: 'ForbiddenHost', message: 'Paver only answers requests addressed to 127.0.0.1 or localhost.' } });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendJson(response, 403, { error: { code: 'ForbiddenOrigin', message: `Requests from ${origin} are not allowed.` } });
    }
    const isApi = url.pathname.startsWith('/rpc/') || url.pathname === '/events';
    if (!isApi) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: { code: 'MethodNotAllowed', message: 'Only GET is served here.' } });
      if (!options.staticDir) return sendJson(response, 404, { error: { code: 'NotFound', message: 'No renderer build is served.' } });
      return serveStaticFile(options.staticDir, url.pathname, response);
    }
    if (!hasToken(request, url, token)) {
      return sendJson(response, 401, { error: { code: 'Unauthorized', message: 'Missing or wrong Paver token. Open the URL that `npm run web` printed.' } });
    }
    if (url.pathname === '/events') return openEventStream(response);
    if (request.method !== 'POST') return sendJson(response, 405, { error: { code: 'MethodNotAllowed', message: 'API calls use POST.' } });
    const body = await readJsonBody(request);
    if (body === undefined) return sendJson(response, 400, { error: { code: 'InvalidRequestError', message: 'The request body must be JSON.' } });
    const [, , first, second] = url.pathname.split('/');
    if (first === 'subscribe' || first === 'unsubscribe') {
      const stream = streams.get(String((body as { streamId?: unknown }).streamId));
      if (!stream) return sendJson(response, 404, { error: { code: 'InvalidRequestError', message: 'Unknown event stream; reconnect.' } });
      return sendJson(response, 200, await stream.session.handle({ ...(body as object), type: first } as ChannelRequest));
    }
    const result = await options.dispatcher.call(decodeURIComponent(first ?? ''), decodeURIComponent(second ?? ''), (body as { args?: unknown }).args ?? []);
    sendJson(response, 200, result);
  }

  function openEventStream(response: ServerResponse): void {
    const streamId = randomBytes(12).toString('base64url');
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const session = new ChannelSession(options.dispatcher, (message: EventMessage) => {
      response.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
    });
    streams.set(streamId, { session, response });
    response.write(`event: hello\ndata: ${JSON.stringify({ streamId })}\n\n`);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    response.on('close', () => {
      clearInterval(keepAlive);
      session.dispose();
      streams.delete(streamId);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appUrl: `${url}/?token=${encodeURIComponent(token)}`,
    token,
    port,
    close: async () => {
      for (const { session, response } of streams.values()) {
        session.dispose();
        response.end();
      }
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function hasToken(request: IncomingMessage, url: URL, token: string): boolean {
  const header = request.headers.authorization;
  const presented = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token');
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  } catch {
    return undefined;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
