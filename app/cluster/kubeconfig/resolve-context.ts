import { UnknownContextError } from '../../errors/index.js';
import type { AuthKind, ContextSummary, Kubeconfig, KubeUser, ResolvedContext } from './kubeconfig-types.js';

/** The way a kubeconfig user authenticates, by kubectl's precedence. */
export function authKindOf(user: KubeUser | undefined): AuthKind {
  if (!user) return 'none';
  if (user.exec) return 'exec';
  if (user.clientCertificate || user.clientCertificateData) return 'client-certificate';
  if (user.token) return 'token';
  if (user.tokenFile) return 'token-file';
  if (user.username) return 'basic';
  if (user.authProvider) return 'auth-provider';
  return 'none';
}

/**
 * Looks up a context (default: current-context) with its cluster and user.
 * Throws UnknownContextError naming the available contexts and the files read.
 *
 * @example
 *   const context = resolveContext(loadKubeconfig(), 'kind-dev');
 */
export function resolveContext(config: Kubeconfig, name?: string): ResolvedContext {
  const available = config.contexts.map((c) => c.name);
  const wanted = name ?? config.currentContext;
  const fileList = config.files.length > 0 ? config.files.join(', ') : 'no kubeconfig file';
  const data = (context: string) => ({ context, available, files: config.files });
  if (!wanted) {
    throw new UnknownContextError(`No current-context is set in ${fileList}. Pick a context (${available.join(', ') || 'none defined'}) or run 'kubectl config use-context NAME'.`, data(''));
  }
  const context = config.contexts.find((c) => c.name === wanted);
  if (!context) {
    throw new UnknownContextError(`Context '${wanted}' is not defined in ${fileList}. Available contexts: ${available.join(', ') || 'none'}.`, data(wanted));
  }
  const cluster = config.clusters.find((c) => c.name === context.cluster);
  if (!cluster) {
    throw new UnknownContextError(`Context '${wanted}' (${context.sourceFile}) names cluster '${context.cluster}', which no kubeconfig file defines. Add the cluster or fix the context.`, data(wanted));
  }
  if (!cluster.server) {
    throw new UnknownContextError(`Cluster '${cluster.name}' (${cluster.sourceFile}) has no server URL; set clusters[].cluster.server.`, data(wanted));
  }
  const user = config.users.find((u) => u.name === context.user) ?? { name: context.user, sourceFile: context.sourceFile };
  return { name: context.name, namespace: context.namespace ?? 'default', cluster, user, authKind: authKindOf(user) };
}

/** Every context as the UI may see it: names, server URL, namespace, auth kind; never a secret. */
export function listContextSummaries(config: Kubeconfig): ContextSummary[] {
  return config.contexts.map((context) => {
    const cluster = config.clusters.find((c) => c.name === context.cluster);
    const user = config.users.find((u) => u.name === context.user);
    const problem = !cluster ? `cluster '${context.cluster}' is not defined`
      : !cluster.server ? `cluster '${cluster.name}' has no server URL` : undefined;
    return {
      name: context.name,
      current: context.name === config.currentContext,
      cluster: context.cluster,
      server: cluster?.server ?? '',
      namespace: context.namespace ?? 'default',
      user: context.user,
      authKind: authKindOf(user),
      ...(problem ? { problem } : {}),
    };
  });
}
