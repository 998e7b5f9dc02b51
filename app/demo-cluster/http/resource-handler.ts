// Dispatches a resource request (verb from method + path + query) to the
// store operations and writes the response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../api/kube-object.js';
import { apiVersionOf } from '../api/resource-types.js';
import { badRequest, notFound, StatusError } from '../api/status-error.js';
import type { Cluster, WriteOptions } from '../cluster.js';
import { createObject } from '../operations/create-object.js';
import { deleteObject, type DeleteRequest, type PropagationPolicy } from '../operations/delete-object.js';
import { listObjects, type ListQuery } from '../operations/list-objects.js';
import { parsePatchBody, patchObject, patchTypeOf } from '../operations/patch-object.js';
import { updateObject } from '../operations/update-object.js';
import type { ResourcePath } from './parse-path.js';
import { readBody, sendJson } from './respond.js';
import { includeObjectOf, toTable, wantsTable } from './table.js';
import { serveWatch } from './watch-handler.js';
import { handleScale } from './scale-handler.js';

/** Hooks the router hands in for subresources it serves elsewhere (logs, scale). */
export interface ResourceHandlerContext {
  cluster: Cluster;
  bookmarkIntervalMs: number;
  serveLogs(req: IncomingMessage, res: ServerResponse, pod: KubeObject, query: URLSearchParams): void;
}

function parseObjectBody(text: string): any {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYaml(text);
    } catch (error) {
      throw badRequest(`error decoding request body: ${(error as Error).message}`);
    }
  }
}

function listQuery(query: URLSearchParams): ListQuery {
  const limit = query.get('limit');
  return {
    labelSelector: query.get('labelSelector') ?? undefined,
    fieldSelector: query.get('fieldSelector') ?? undefined,
    limit: limit ? Number(limit) : undefined,
    continueToken: query.get('continue') ?? undefined,
    resourceVersion: query.get('resourceVersion') ?? undefined,
  };
}

function fieldValidationOf(value: string | null): WriteOptions['fieldValidation'] {
  if (value === null || value === '') return 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  throw badRequest(`fieldValidation must be one of Ignore, Warn or Strict, not "${value}"`);
}

function writeOptions(req: IncomingMessage, query: URLSearchParams, body?: any): WriteOptions {
  const dryRun = query.getAll('dryRun').includes('All') || (Array.isArray(body?.dryRun) && body.dryRun.includes('All'));
  const unknown = query.getAll('dryRun').find((v) => v !== 'All');
  if (unknown) throw badRequest(`Invalid dry run value: ${unknown}: valid values are: All`);
  return {
    dryRun,
    fieldManager: query.get('fieldManager') ?? undefined,
    force: query.get('force') === 'true',
    fieldValidation: fieldValidationOf(query.get('fieldValidation')),
    userAgent: req.headers['user-agent'],
    warnings: [],
  };
}

function respondObjects(ctx: ResourceHandlerContext, req: IncomingMessage, res: ServerResponse, path: ResourcePath, query: URLSearchParams): void {
  const { cluster } = ctx;
  const { type, namespace, name } = path;
  if (name) {
    const object = cluster.store.get(type, namespace, name);
    if (!object) throw notFound(type.group, type.plural, name);
    if (wantsTable(req.headers.accept)) {
      sendJson(res, 200, toTable(type.kind, [object], cluster.nowMs(), { resourceVersion: object.metadata.resourceVersion }, includeObjectOf(query.get('includeObject'))));
    } else sendJson(res, 200, object.apiVersion === apiVersionOf(type) ? cluster.store.json(object) : { ...object, apiVersion: apiVersionOf(type) });
    return;
  }
  const page = listObjects(cluster, type, namespace, listQuery(query));
  const listMeta = { resourceVersion: page.resourceVersion, ...(page.continueToken ? { continue: page.continueToken } : {}) };
  if (wantsTable(req.headers.accept)) {
    sendJson(res, 200, toTable(type.kind, page.items, cluster.nowMs(), listMeta, includeObjectOf(query.get('includeObject'))));
    return;
  }
  // Serialise the page only: the items are shared references into the store.
  const head = JSON.stringify({ kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: listMeta });
  // Versions of one group share storage (autoscaling v1/v2): label items with the version asked for.
  const apiVersion = apiVersionOf(type);
  const items = page.items.map((item) => item.apiVersion === apiVersion ? cluster.store.json(item) : JSON.stringify({ ...item, apiVersion }));
  sendJson(res, 200, `${head.slice(0, -1)},"items":[${items.join(',')}]}`);
}

/** Handles one request to a resource path. */
export async function handleResource(ctx: ResourceHandlerContext, req: IncomingMessage, res: ServerResponse, path: ResourcePath, query: URLSearchParams): Promise<void> {
  const { cluster } = ctx;
  const { type, namespace, name, subresource } = path;
  const method = req.method ?? 'GET';
  if (subresource && !(type.subresources ?? []).includes(subresource)) throw notFound(type.group, `${type.plural}/${subresource}`, name ?? '');
  if (subresource === 'log') {
    const pod = cluster.store.get(type, namespace, name!);
    if (!pod) throw notFound('', 'pods', name!);
    ctx.serveLogs(req, res, pod, query);
    return;
  }
  if (subresource === 'scale') {
    await handleScale(cluster, req, res, type, namespace, name!, writeOptions(req, query));
    return;
  }
  if (method === 'GET') {
    if (query.get('watch') === 'true' || query.get('watch') === '1') {
      const timeout = query.get('timeoutSeconds');
      const fieldSelector = [query.get('fieldSelector'), name ? `metadata.name=${name}` : undefined].filter(Boolean).join(',');
      serveWatch(cluster, res, {
        type, namespace, query: { ...listQuery(query), fieldSelector: fieldSelector || undefined },
        allowBookmarks: query.get('allowWatchBookmarks') === 'true', sendInitialEvents: query.get('sendInitialEvents') === 'true',
        timeoutSeconds: timeout ? Number(timeout) : undefined, asTable: wantsTable(req.headers.accept), bookmarkIntervalMs: ctx.bookmarkIntervalMs,
      });
      return;
    }
    respondObjects(ctx, req, res, path, query);
    return;
  }
  const text = await readBody(req);
  if ((req.headers['content-type'] ?? '').includes('protobuf')) {
    // kubectl's imperative generators (create deployment/job) send protobuf; the demo cluster only decodes JSON and YAML.
    throw new StatusError(415, 'UnsupportedMediaType', 'the demo cluster accepts JSON and YAML bodies only (application/vnd.kubernetes.protobuf is not supported); use kubectl apply -f or kubectl create -f with a manifest');
  }
  if (method === 'POST' && !name) {
    const body = parseObjectBody(text);
    const options = writeOptions(req, query);
    const created = createObject(cluster, type, namespace, body, options);
    sendJson(res, 201, created, options.warnings);
  } else if (method === 'PUT' && name) {
    const options = writeOptions(req, query);
    const updated = updateObject(cluster, type, namespace, name, parseObjectBody(text), options, subresource);
    sendJson(res, 200, updated, options.warnings);
  } else if (method === 'PATCH' && name) {
    const patchType = patchTypeOf(req.headers['content-type']);
    const options = writeOptions(req, query);
    const existed = !!cluster.store.get(type, namespace, name);
    const patched = patchObject(cluster, type, namespace, name, patchType, parsePatchBody(patchType, text), options, subresource);
    sendJson(res, existed ? 200 : 201, patched, options.warnings);
  } else if (method === 'DELETE') {
    const body = parseObjectBody(text) ?? {};
    const options = writeOptions(req, query, body);
    const request: DeleteRequest = {
      propagationPolicy: (query.get('propagationPolicy') ?? body.propagationPolicy ?? (body.orphanDependents === true ? 'Orphan' : undefined)) as PropagationPolicy | undefined,
      preconditions: body.preconditions,
    };
    if (name) {
      const deleted = deleteObject(cluster, type, namespace, name, request, options);
      const stillThere = !options.dryRun && !!cluster.store.get(type, namespace, name);
      sendJson(res, stillThere ? 202 : 200, deleted, options.warnings);
    } else {
      const page = listObjects(cluster, type, namespace, listQuery(query));
      const items = page.items.map((item) => deleteObject(cluster, type, item.metadata.namespace, item.metadata.name!, request, options));
      sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: { resourceVersion: String(cluster.store.currentRevision()) }, items }, options.warnings);
    }
  } else {
    throw new StatusError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }
}
