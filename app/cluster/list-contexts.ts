import { checkContexts, type CheckContextsOptions, type ContextCheck } from './client/check-contexts.js';
import type { ContextSummary } from './kubeconfig/kubeconfig-types.js';
import { loadKubeconfig, type LoadKubeconfigOptions } from './kubeconfig/load-kubeconfig.js';
import { listContextSummaries } from './kubeconfig/resolve-context.js';

/** A context as a cluster picker shows it: summary plus reachability, no secrets. */
export interface ContextStatus extends ContextSummary {
  check: ContextCheck;
}

/** The kubeconfig contexts with their reachability, for `paver contexts` and the UI's cluster picker. */
export interface ContextList {
  files: string[];
  notes: string[];
  currentContext?: string;
  contexts: ContextStatus[];
}

/**
 * Loads the kubeconfig (as kubectl would) and checks every context concurrently.
 *
 * @example
 *   const { contexts } = await listContexts({ kubeconfigPath: '~/.kube/config' });
 *   contexts.map((c) => `${c.name}: ${c.check.reachable ? 'ok' : c.check.error?.message}`);
 */
export async function listContexts(options: LoadKubeconfigOptions & Omit<CheckContextsOptions, 'contexts' | 'env'> = {}): Promise<ContextList> {
  const config = loadKubeconfig(options);
  const summaries = listContextSummaries(config);
  const checks = await checkContexts(config, { ...options, env: options.env });
  return {
    files: config.files,
    notes: config.notes,
    currentContext: config.currentContext,
    contexts: summaries.map((summary, index) => ({ ...summary, check: checks[index]! })),
  };
}
