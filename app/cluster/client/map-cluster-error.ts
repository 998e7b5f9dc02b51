import { ApiException } from '@kubernetes/client-node';
import {
  ClusterForbiddenError, ClusterRequestError, ClusterTlsError, ClusterUnauthorizedError, ClusterUnreachableError, PaverError,
  type ClusterErrorCause,
} from '../../errors/index.js';
import type { ResolvedContext } from '../kubeconfig/kubeconfig-types.js';

/** What the failed call was doing, so 403 and 404 messages can name it. */
export interface ClusterOperation {
  verb: string;
  resource: string;
  namespace?: string;
  name?: string;
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET',
  'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED']);
const tlsCodes = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_SIGNATURE_FAILURE', 'CERT_UNTRUSTED',
  'HOSTNAME_MISMATCH', 'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO']);

/** Turns anything client-node, undici or the API server threw into the Paver error a user can act on. */
export function mapClusterError(error: unknown, context: ResolvedContext, operation: ClusterOperation): PaverError {
  if (error instanceof PaverError) return error;
  const server = context.cluster.server;
  const ctx = context.name;
  if (error instanceof ApiException || (typeof (error as any)?.statusCode === 'number')) {
    const status = error instanceof ApiException ? error.code : (error as any).statusCode as number;
    const body = error instanceof ApiException ? error.body as any : undefined;
    return fromStatus(status, typeof body === 'object' && body ? body : { message: typeof body === 'string' ? body : undefined }, context, operation);
  }
  const { code, message } = networkCause(error);
  if (code && tlsCodes.has(code)) {
    const what = code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH'
      ? `its certificate is not valid for this host name (${message}). Use the host name the certificate was issued for, or set tls-server-name on the cluster`
      : code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID'
        ? `its certificate is not currently valid (${message}). Check the cluster's certificates and this machine's clock`
        : `its certificate is not signed by a trusted authority (${message}). Set certificate-authority-data or certificate-authority for cluster '${context.cluster.name}' in ${context.cluster.sourceFile} to the cluster's CA`;
    return new ClusterTlsError(`Cannot trust cluster '${ctx}' at ${server}: ${what}.`, { context: ctx, server, reason: code });
  }
  if ((code && unreachableCodes.has(code)) || code === 'TimeoutError' || code === 'AbortError') {
    const reason = code === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' ? 'no answer before the timeout'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'the host name does not resolve'
        : code === 'ECONNREFUSED' ? 'connection refused' : message;
    return new ClusterUnreachableError(
      `Cannot reach cluster '${ctx}' at ${server}: ${reason}. Check the VPN / that the cluster is running${context.cluster.proxyUrl ? ` and that the proxy ${context.cluster.proxyUrl} is up` : ''}.`,
      { context: ctx, server, reason: code ?? message },
    );
  }
  if (message === 'bad port') {
    return new ClusterUnreachableError(
      `Cannot reach cluster '${ctx}' at ${server}: fetch refuses this port (it is on the WHATWG "bad ports" list). Serve the API on another port, such as 6443.`,
      { context: ctx, server, reason: 'bad port' },
    );
  }
  if (error instanceof Error && /^Unrecognized API version and kind: (.*)$/.test(error.message)) {
    const kind = error.message.replace('Unrecognized API version and kind: ', '');
    return new ClusterRequestError(`Cluster '${ctx}' does not serve ${kind}.`, { context: ctx, status: 404, reason: 'NotFound', causes: [] });
  }
  return new ClusterRequestError(`Request to cluster '${ctx}' at ${server} failed (${operation.verb} ${operation.resource}): ${message}`, { context: ctx, status: 0, reason: code ?? 'Unknown', causes: [] });
}

function fromStatus(status: number, body: any, context: ResolvedContext, operation: ClusterOperation): PaverError {
  const ctx = context.name;
  const server = context.cluster.server;
  const serverMessage = typeof body.message === 'string' && body.message ? body.message : undefined;
  if (status === 401) {
    const hint = context.authKind === 'exec' ? `The exec plugin '${context.user.exec?.command}' gave a token the server rejected: log in again with it`
      : context.authKind === 'token-file' ? `Refresh the token in ${context.user.tokenFile}`
        : context.authKind === 'client-certificate' ? 'The client certificate was not accepted: regenerate the kubeconfig'
          : 'The token is invalid or expired: log in again or regenerate the kubeconfig';
    return new ClusterUnauthorizedError(`Cluster '${ctx}' at ${server} rejected the credentials of user '${context.user.name}' (401 Unauthorized). ${hint}.`,
      { context: ctx, server, user: context.user.name, authKind: context.authKind });
  }
  if (status === 403) {
    const details = body.details ?? {};
    const resource = operation.resource || details.kind || 'resource';
    const where = operation.namespace ? ` in namespace '${operation.namespace}'` : '';
    return new ClusterForbiddenError(
      `User '${context.user.name}' may not ${operation.verb} ${resource}${operation.name ? ` '${operation.name}'` : ''}${where} on cluster '${ctx}' (403 Forbidden${serverMessage ? `: ${serverMessage}` : ''}). Ask a cluster admin for an RBAC Role granting '${operation.verb}' on '${resource}'.`,
      { context: ctx, user: context.user.name, verb: operation.verb, resource, namespace: operation.namespace, name: operation.name ?? details.name },
    );
  }
  const causes: ClusterErrorCause[] = Array.isArray(body.details?.causes)
    ? body.details.causes.map((c: any) => ({ reason: c.reason, message: c.message, field: c.field }))
    : [];
  const reason = typeof body.reason === 'string' && body.reason ? body.reason : statusReason(status);
  const target = `${operation.resource}${operation.name ? ` '${operation.name}'` : ''}${operation.namespace ? ` in namespace '${operation.namespace}'` : ''}`;
  const causeText = causes.length > 0 ? ` Fields: ${causes.map((c) => `${c.field ?? '?'}: ${c.message ?? c.reason}`).join('; ')}.` : '';
  const next = status === 404 ? ' Check the name and namespace.' : status === 409 ? ' Reload the object and retry, or use server-side apply with force.' : status === 422 ? ' Fix the fields above.' : '';
  return new ClusterRequestError(`Cluster '${ctx}' refused to ${operation.verb} ${target}: ${serverMessage ?? reason} (${status} ${reason}).${causeText}${next}`,
    { context: ctx, status, reason, causes, kind: body.details?.kind, name: body.details?.name ?? operation.name });
}

function statusReason(status: number): string {
  return ({ 400: 'BadRequest', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict', 410: 'Expired', 415: 'UnsupportedMediaType', 422: 'Invalid', 429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable', 504: 'Timeout' } as Record<number, string>)[status] ?? 'Unknown';
}

/** The innermost code and message of a fetch failure (undici wraps socket and TLS errors in `cause`). */
function networkCause(error: unknown): { code?: string; message: string } {
  let current: any = error;
  let coded: { code: string; message: string } | undefined;
  let innermost = error instanceof Error ? error.message : String(error);
  for (let depth = 0; current && depth < 5; depth++) {
    const code = typeof current.code === 'string' ? current.code : (current.name === 'TimeoutError' || current.name === 'AbortError') ? current.name : undefined;
    if (code) coded = { code, message: current.message ?? innermost };
    if (typeof current.message === 'string' && current.message) innermost = current.message;
    current = current.cause ?? (Array.isArray(current.errors) ? current.errors[0] : undefined);
  }
  return coded ?? { message: innermost };
}
