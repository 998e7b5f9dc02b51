// The ClusterApi: the user's kubeconfig merged (as kubectl would merge a
// KUBECONFIG list) with the demo cluster's, every context checked concurrently.
// Only summaries leave this file; credentials stay in the core.
import type { ClusterApi, ClusterContextInfo, ClusterContexts, DemoClusterStatus } from '../api/index.js';
import { UnknownContextError } from '../errors/index.js';
import { listContexts } from './list-contexts.js';

export const demoContextName = 'paver-demo';

export interface ClusterServiceOptions {
  env: Record<string, string | undefined>;
  /** The demo cluster's state; its kubeconfig joins the list once it runs. */
  demoStatus: () => DemoClusterStatus;
  /** The remembered choice, and where to remember a new one. */
  loadSelection: () => Promise<string>;
  saveSelection: (name: string) => Promise<void>;
}

export class ClusterService implements ClusterApi {
  constructor(private readonly options: ClusterServiceOptions) {}

  async listClusterContexts(): Promise<ClusterContexts> {
    const demo = this.options.demoStatus();
    const additionalFiles = demo.state === 'running' && demo.kubeconfigPath ? [demo.kubeconfigPath] : [];
    const list = await listContexts({ env: this.options.env, additionalFiles, timeoutMs: 3000 });
    const contexts: ClusterContextInfo[] = list.contexts.map((c) => ({
      name: c.name,
      server: c.server,
      namespace: c.namespace,
      user: c.user,
      authKind: c.authKind,
      demo: c.name === demoContextName,
      reachable: c.check.reachable,
      serverVersion: c.check.serverVersion,
      latencyMs: c.check.latencyMs,
      error: c.check.error ?? (c.problem ? { code: 'InvalidFileError', message: c.problem } : undefined),
    }));
    if (!contexts.some((c) => c.demo) && demo.state !== 'running') {
      contexts.push({
        name: demoContextName, server: demo.url ?? '', namespace: 'default', user: demoContextName, authKind: 'token', demo: true, reachable: false,
        error: { code: 'ClusterUnreachableError', message: demo.state === 'failed' ? `The demo cluster failed to start: ${demo.error}` : 'The demo cluster is starting…' },
      });
    }
    const remembered = await this.options.loadSelection();
    const selected = contexts.some((c) => c.name === remembered) ? remembered
      : list.currentContext && contexts.some((c) => c.name === list.currentContext) ? list.currentContext
        : contexts.find((c) => c.demo)?.name ?? contexts[0]?.name ?? null;
    return { contexts, selected, files: list.files, notes: list.notes };
  }

  async selectClusterContext({ name }: { name: string }): Promise<ClusterContexts> {
    const current = await this.listClusterContexts();
    if (!current.contexts.some((c) => c.name === name)) {
      throw new UnknownContextError(`There is no kubeconfig context '${name}'. Known contexts: ${current.contexts.map((c) => c.name).join(', ') || 'none'}.`, { context: name, available: current.contexts.map((c) => c.name), files: current.files });
    }
    await this.options.saveSelection(name);
    return { ...current, selected: name };
  }

  async getDemoClusterStatus(): Promise<DemoClusterStatus> {
    return this.options.demoStatus();
  }
}
