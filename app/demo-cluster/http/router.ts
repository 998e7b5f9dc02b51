// The request entry point: bearer-token auth, then discovery, health,
// OpenAPI, and resource routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { StatusError } from '../api/status-error.js';
import { aggregatedDiscovery, coreVersions, groupInfo, groupList, resourceList, serverVersion, wantsAggregatedDiscovery } from '../api/discovery.js';
import { parseResourcePath } from './parse-path.js';
import { handleResource, type ResourceHandlerContext } from './resource-handler.js';
import { sendError, sendJson } from './respond.js';

/** What the router needs besides the resource handlers. */
export interface RouterContext extends ResourceHandlerContext {
  token: string;
  serverAddress(): string;
  openApi(path: string): object | undefined;
}

function authorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]!.trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function discovery(ctx: RouterContext, req: IncomingMessage, pathname: string): { body: object; contentType?: string } | undefined {
  const parts = pathname.split('/').filter(Boolean);
  if (pathname === '/version') return { body: serverVersion };
  const aggregated = wantsAggregatedDiscovery(req.headers.accept);
  if (pathname === '/api') return aggregated ? { body: aggregatedDiscovery(true), contentType: aggregated } : { body: coreVersions(ctx.serverAddress()) };
  if (pathname === '/apis') return aggregated ? { body: aggregatedDiscovery(false), contentType: aggregated } : { body: groupList() };
  if (parts[0] === 'api' && parts.length === 2) return wrap(resourceList('', parts[1]!));
  if (parts[0] === 'apis' && parts.length === 2) return wrap(groupInfo(parts[1]!));
  if (parts[0] === 'apis' && parts.length === 3) return wrap(resourceList(parts[1]!, parts[2]!));
  return undefined;
}

function wrap(body: object | undefined): { body: object } | undefined {
  return body ? { body } : undefined;
}

/** Builds the HTTP request handler of a demo cluster. */
export function createRouter(ctx: RouterContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const pathname = url.pathname.replace(/\/+$/, '') || '/';
    const handle = async () => {
      if (!authorized(req, ctx.token)) throw new StatusError(401, 'Unauthorized', 'Unauthorized');
      if (['/healthz', '/livez', '/readyz'].includes(pathname)) {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
        return;
      }
      const found = discovery(ctx, req, pathname);
      if (found) { sendJson(res, 200, found.body, [], found.contentType); return; }
      if (pathname.startsWith('/openapi/')) {
        const document = ctx.openApi(pathname);
        if (!document) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
        sendJson(res, 200, document);
        return;
      }
      const path = parseResourcePath(pathname);
      if (!path) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
      await handleResource(ctx, req, res, path, url.searchParams);
    };
    handle().catch((error: unknown) => sendError(res, error));
  };
}
