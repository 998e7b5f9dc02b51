import { ClusterClient, type ClusterClientOptions } from './client/cluster-client.js';
import type { Kubeconfig } from './kubeconfig/kubeconfig-types.js';
import { loadKubeconfig, type LoadKubeconfigOptions } from './kubeconfig/load-kubeconfig.js';
import { resolveContext } from './kubeconfig/resolve-context.js';

/**
 * The core process's long-lived cluster clients, one per context, so repeated
 * UI calls reuse kept-alive TLS connections and cached exec credentials.
 * Credentials stay inside; a ClusterApi service hands out plain data only.
 *
 * @example
 *   const connections = new ClusterConnections({ additionalFiles: [demoKubeconfigPath] });
 *   const pods = await connections.client('paver-demo').list({ apiVersion: 'v1', kind: 'Pod' });
 */
export class ClusterConnections {
  private config: Kubeconfig | undefined;
  private readonly clients = new Map<string, ClusterClient>();

  constructor(private readonly options: LoadKubeconfigOptions & { client?: ClusterClientOptions } = {}) {}

  /** The merged kubeconfig, loaded on first use. */
  get kubeconfig(): Kubeconfig {
    this.config ??= loadKubeconfig(this.options);
    return this.config;
  }

  /** The client of a context (default: current-context); throws UnknownContextError. */
  client(context?: string): ClusterClient {
    const resolved = resolveContext(this.kubeconfig, context);
    let client = this.clients.get(resolved.name);
    if (!client) {
      client = ClusterClient.fromContext(resolved, this.options.client);
      this.clients.set(resolved.name, client);
    }
    return client;
  }

  /** Re-reads the kubeconfig files (after the user edited them) and drops the old clients. */
  async reload(): Promise<Kubeconfig> {
    await this.close();
    this.config = loadKubeconfig(this.options);
    return this.config;
  }

  /** Closes every client's connections. */
  async close(): Promise<void> {
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map((client) => client.close()));
  }
}
