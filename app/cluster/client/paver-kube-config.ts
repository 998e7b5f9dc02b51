import { createHash } from 'node:crypto';
import { KubeConfig, type RequestContext } from '@kubernetes/client-node';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { ClusterUnreachableError } from '../../errors/index.js';
import { clusterCaPem, ContextCredentials } from '../kubeconfig/context-credentials.js';
import type { ResolvedContext } from '../kubeconfig/kubeconfig-types.js';
import type { ExecPluginOptions } from '../kubeconfig/run-exec-plugin.js';

/**
 * A client-node KubeConfig for one resolved context whose authentication is
 * Paver's: exec plugins with the login-shell PATH and a shared cache, token
 * files re-read as kubectl does, and one long-lived TLS dispatcher per
 * identity (client-node 2.0.1 builds a new undici Agent per request, which
 * costs a TLS handshake on every call).
 */
export class PaverKubeConfig extends KubeConfig {
  readonly credentials: ContextCredentials;
  private readonly caPem: string | undefined;
  private readonly dispatchers = new Map<string, Dispatcher>();

  constructor(readonly resolved: ResolvedContext, readonly requestTimeoutMs: number, execOptions: ExecPluginOptions = {}) {
    super();
    const { cluster, user } = resolved;
    this.loadFromOptions({
      clusters: [{ name: cluster.name, server: cluster.server.replace(/\/+$/, ''), skipTLSVerify: cluster.insecureSkipTlsVerify, tlsServerName: cluster.tlsServerName, proxyUrl: cluster.proxyUrl }],
      users: [{ name: user.name }],
      contexts: [{ name: resolved.name, cluster: cluster.name, user: user.name, namespace: resolved.namespace }],
      currentContext: resolved.name,
    });
    this.caPem = clusterCaPem(cluster);
    this.credentials = new ContextCredentials(resolved, execOptions);
  }

  /** Called by client-node before every request, watch and log stream. */
  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    const credentials = await this.credentials.current();
    if (credentials.authorization) context.setHeaderParam('Authorization', credentials.authorization);
    context.setDispatcher(this.dispatcherFor(credentials.cert, credentials.key));
    // Watch and Log pass their own abort signal to fetch; plain calls get a deadline here.
    if (!context.getSignal()) context.setSignal(AbortSignal.timeout(this.requestTimeoutMs));
  }

  /** Closes the kept-alive connections. */
  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.close().catch(() => undefined)));
  }

  private dispatcherFor(cert: string | undefined, key: string | undefined): Dispatcher {
    const id = cert ? createHash('sha256').update(cert).digest('hex') : '';
    let dispatcher = this.dispatchers.get(id);
    if (dispatcher) return dispatcher;
    const { cluster } = this.resolved;
    const tls = {
      ...(this.caPem ? { ca: this.caPem } : {}),
      ...(cert ? { cert, key } : {}),
      ...(cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}),
      rejectUnauthorized: !cluster.insecureSkipTlsVerify,
    };
    if (cluster.proxyUrl) {
      if (!/^https?:\/\//i.test(cluster.proxyUrl)) {
        throw new ClusterUnreachableError(
          `Cluster '${cluster.name}' uses proxy-url ${cluster.proxyUrl}; Paver supports http:// and https:// proxies only. Use an HTTP proxy, or open a tunnel and point the server URL at it.`,
          { context: this.resolved.name, server: cluster.server, reason: 'unsupported proxy scheme' },
        );
      }
      dispatcher = new ProxyAgent({ uri: cluster.proxyUrl, requestTls: tls, connect: { keepAlive: true } });
    } else {
      dispatcher = new Agent({ connect: tls, keepAliveTimeout: 30_000 });
    }
    this.dispatchers.set(id, dispatcher);
    return dispatcher;
  }
}
