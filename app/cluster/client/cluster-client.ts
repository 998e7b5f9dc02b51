import { ApiException } from '@kubernetes/client-node';
import { ClusterRequestError, type PaverError } from '../../errors/index.js';
import type { ResolvedContext } from '../kubeconfig/kubeconfig-types.js';
import type { ExecPluginOptions } from '../kubeconfig/run-exec-plugin.js';
import type { KubeObject, ListOptions, ListPage, ObjectRef, WriteOptions } from './cluster-types.js';
import { mapClusterError, type ClusterOperation } from './map-cluster-error.js';
import { PaverKubeConfig } from './paver-kube-config.js';
import { RawKubernetesApi, type RawRequest } from './raw-kubernetes-api.js';

/** How a client is built. */
export interface ClusterClientOptions {
  /** Deadline of each non-streaming request (default 30 s). */
  requestTimeoutMs?: number;
  exec?: ExecPluginOptions;
}

/** Paver's field manager for server-side apply, so managedFields name Paver. */
export const paverFieldManager = 'paver';

/** Patch formats the API server accepts. */
export type PatchType = 'merge' | 'strategic' | 'json';
const patchContentTypes: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

/**
 * Every call Paver makes to a cluster, through @kubernetes/client-node, for one
 * kubeconfig context. Errors are Paver errors (unreachable, TLS, 401, 403 ...).
 * Discovery, watch, logs and events live in their own files and take this client.
 *
 * @example
 *   const client = ClusterClient.fromContext(resolveContext(loadKubeconfig(), 'kind-dev'));
 *   const pods = await client.list({ apiVersion: 'v1', kind: 'Pod', namespace: 'default' });
 */
export class ClusterClient {
  readonly config: PaverKubeConfig;
  readonly api: RawKubernetesApi;

  /** `context` holds the user's credentials: use it in the core, never send it to a UI (use ContextSummary). */
  private constructor(readonly context: ResolvedContext, options: ClusterClientOptions) {
    this.config = new PaverKubeConfig(context, options.requestTimeoutMs ?? 30_000, options.exec);
    this.api = RawKubernetesApi.fromConfig(this.config);
  }

  /** Builds a client for a resolved context (see resolveContext). */
  static fromContext(context: ResolvedContext, options: ClusterClientOptions = {}): ClusterClient {
    return new ClusterClient(context, options);
  }

  /** The context's default namespace. */
  get namespace(): string {
    return this.context.namespace;
  }

  /** Sends one request, retrying once after a 401 when an exec plugin or token file can give fresh credentials. */
  async request<T = any>(operation: ClusterOperation, request: RawRequest): Promise<T> {
    return this.guard(operation, () => this.api.send<T>(request));
  }

  /** Runs a client-node call and maps whatever it throws to a Paver error. */
  async guard<T>(operation: ClusterOperation, call: () => Promise<T>): Promise<T> {
    try {
      try {
        return await call();
      } catch (error) {
        if (error instanceof ApiException && error.code === 401 && this.config.credentials.invalidate()) return await call();
        throw error;
      }
    } catch (error) {
      throw this.mapError(error, operation);
    }
  }

  /** Maps an error from this context to the Paver error class a user can act on. */
  mapError(error: unknown, operation: ClusterOperation): PaverError {
    return mapClusterError(error, this.context, operation);
  }

  /** The REST path of an object or collection, with the operation it describes (for error messages). */
  async target(ref: ObjectRef, verb: string, action: 'list' | 'read' | 'create'): Promise<{ path: string; operation: ClusterOperation }> {
    const operation: ClusterOperation = { verb, resource: ref.kind, namespace: ref.namespace, name: ref.name };
    try {
      return await this.guard(operation, async () => {
        const path = await this.api.pathOf({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } }, action);
        const resource = await this.api.resourceOf(ref.apiVersion, ref.kind);
        const namespace = resource?.namespaced ? ref.namespace ?? this.api.namespace : undefined;
        return { path, operation: { ...operation, resource: resource?.name ?? ref.kind, namespace } };
      });
    } catch (error) {
      // A 404 here comes from discovery: the API group/version itself is not served.
      if (error instanceof ClusterRequestError && error.data.status === 404) {
        throw new ClusterRequestError(
          `Cluster '${this.context.name}' does not serve ${ref.apiVersion} ${ref.kind}. Check the apiVersion and kind, or install the CRD that defines it.`,
          { ...error.data, kind: ref.kind, name: ref.name },
        );
      }
      throw error;
    }
  }

  /** One page of objects of a kind; without namespace, across all namespaces. */
  async list<T = KubeObject>(ref: ObjectRef, options: ListOptions = {}): Promise<ListPage<T>> {
    const { path, operation } = await this.target({ ...ref, name: undefined }, 'list', 'list');
    const list = await this.request<any>(operation, {
      method: 'GET', path,
      query: { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, limit: options.limit, continue: options.continue },
    });
    return {
      items: list.items ?? [],
      resourceVersion: list.metadata?.resourceVersion ?? '',
      ...(list.metadata?.continue ? { continue: list.metadata.continue } : {}),
      ...(typeof list.metadata?.remainingItemCount === 'number' ? { remainingItemCount: list.metadata.remainingItemCount } : {}),
    };
  }

  /** Every page of a list, fetched `pageSize` at a time with `limit`/`continue`, so huge lists do not arrive as one response. */
  async *listPages<T = KubeObject>(ref: ObjectRef, options: Omit<ListOptions, 'limit' | 'continue'> = {}, pageSize = 500): AsyncGenerator<ListPage<T>> {
    let token: string | undefined;
    do {
      const page = await this.list<T>(ref, { ...options, limit: pageSize, continue: token });
      yield page;
      token = page.continue;
    } while (token);
  }

  /** All objects of a list, paginated under the hood. */
  async listAll<T = KubeObject>(ref: ObjectRef, options: Omit<ListOptions, 'limit' | 'continue'> = {}, pageSize = 500): Promise<{ items: T[]; resourceVersion: string }> {
    const items: T[] = [];
    let resourceVersion = '';
    for await (const page of this.listPages<T>(ref, options, pageSize)) {
      items.push(...page.items);
      resourceVersion = page.resourceVersion;
    }
    return { items, resourceVersion };
  }

  /** One object by name. */
  async get<T = KubeObject>(ref: ObjectRef & { name: string }): Promise<T> {
    const { path, operation } = await this.target(ref, 'get', 'read');
    return this.request<T>(operation, { method: 'GET', path });
  }

  /**
   * Server-side apply as field manager "paver". With dryRun the server returns
   * the object as it would be stored (defaulted, admitted) and persists nothing.
   */
  async apply<T = KubeObject>(object: KubeObject, options: WriteOptions & { force?: boolean } = {}): Promise<T> {
    const { path, operation } = await this.target(refOf(object), 'patch', 'read');
    return this.request<T>(operation, {
      method: 'PATCH', path, body: object, contentType: 'application/apply-patch+yaml',
      query: { fieldManager: paverFieldManager, dryRun: options.dryRun ? 'All' : undefined, force: options.force ? true : undefined },
    });
  }

  /** Creates an object. */
  async create<T = KubeObject>(object: KubeObject, options: WriteOptions = {}): Promise<T> {
    const { path, operation } = await this.target({ ...refOf(object), name: undefined }, 'create', 'create');
    return this.request<T>({ ...operation, name: object.metadata.name }, {
      method: 'POST', path, body: object, query: { fieldManager: paverFieldManager, dryRun: options.dryRun ? 'All' : undefined },
    });
  }

  /** Patches an object with a merge, strategic-merge or JSON patch. */
  async patch<T = KubeObject>(ref: ObjectRef & { name: string }, patch: unknown, type: PatchType, options: WriteOptions = {}): Promise<T> {
    const { path, operation } = await this.target(ref, 'patch', 'read');
    return this.request<T>(operation, {
      method: 'PATCH', path, body: patch, contentType: patchContentTypes[type],
      query: { fieldManager: paverFieldManager, dryRun: options.dryRun ? 'All' : undefined },
    });
  }

  /** Deletes an object; returns what the server returned (the object being deleted, or a Status). */
  async delete(ref: ObjectRef & { name: string }, options: WriteOptions & { propagationPolicy?: 'Foreground' | 'Background' | 'Orphan' } = {}): Promise<KubeObject> {
    const { path, operation } = await this.target(ref, 'delete', 'read');
    return this.request<KubeObject>(operation, {
      method: 'DELETE', path, query: { dryRun: options.dryRun ? 'All' : undefined, propagationPolicy: options.propagationPolicy },
    });
  }

  /** Closes the client's kept-alive connections. */
  async close(): Promise<void> {
    await this.config.close();
  }
}

/** The reference of an object (its apiVersion, kind, namespace and name). */
export function refOf(object: KubeObject): ObjectRef & { name: string } {
  return { apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata?.namespace, name: object.metadata?.name ?? '' };
}
