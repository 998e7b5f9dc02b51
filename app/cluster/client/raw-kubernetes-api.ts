import { ApiException, HttpMethod, KubernetesObjectApi, type KubernetesObject, type ResponseContext } from '@kubernetes/client-node';
import type { PaverKubeConfig } from './paver-kube-config.js';

/** One request through client-node's request pipeline. */
export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
}

/**
 * client-node's generic object API, returning the server's JSON untouched.
 * The stock class deserialises known kinds into model classes, which drops
 * fields it does not know and turns timestamps into Dates; previews and diffs
 * need exactly what the API server sent.
 */
export class RawKubernetesApi extends KubernetesObjectApi {
  /** Builds the API from Paver's KubeConfig (defaults the namespace from the context). */
  static fromConfig(config: PaverKubeConfig): RawKubernetesApi {
    const api = config.makeApiClient(RawKubernetesApi);
    api.setDefaultNamespace(config);
    return api;
  }

  /** Sends one request; JSON responses are parsed, others returned as text. Non-2xx throws ApiException with the Status body. */
  async send<T = any>(request: RawRequest): Promise<T> {
    const context = this.configuration.baseServer.makeRequestContext(request.path, request.method as HttpMethod);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) context.setQueryParam(name, String(value));
    }
    context.setHeaderParam('Accept', 'application/json, */*');
    if (request.body !== undefined) {
      context.setHeaderParam('Content-Type', request.contentType ?? 'application/json');
      context.setBody(typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
    }
    return this.requestPromise(context) as Promise<T>;
  }

  /** The REST path of an object or (with action 'list') of its collection, resolved through discovery. */
  async pathOf(object: { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } }, action: 'list' | 'read' | 'create'): Promise<string> {
    const spec = { apiVersion: object.apiVersion, kind: object.kind, metadata: { ...object.metadata } } as KubernetesObject;
    return this.specUriPath(spec, action);
  }

  /** The discovery entry of a kind (plural name, namespaced, verbs). */
  async resourceOf(apiVersion: string, kind: string) {
    return this.resource(apiVersion, kind);
  }

  /** The namespace of the context, used when an object names none. */
  get namespace(): string {
    return this.defaultNamespace;
  }

  protected override async processResponse<T extends KubernetesObject>(response: ResponseContext): Promise<T> {
    const text = await response.body.text();
    const contentType = response.headers['content-type'] ?? '';
    const isJson = contentType.includes('json');
    let body: any = text;
    if (isJson && text !== '') {
      try { body = JSON.parse(text); } catch { body = text; }
    }
    if (response.httpStatusCode >= 200 && response.httpStatusCode <= 299) return body as T;
    throw new ApiException(response.httpStatusCode, typeof body === 'object' && body?.message ? body.message : `HTTP ${response.httpStatusCode}`, body, response.headers);
  }
}
