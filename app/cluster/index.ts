// The cluster side of Paver: kubeconfig loading, credentials and a client over
// @kubernetes/client-node. Everything here runs in the core process; only
// ContextSummary and ContextCheck (no secrets) are meant for UIs.
export { loadKubeconfig, kubeconfigFileList, type LoadKubeconfigOptions } from './kubeconfig/load-kubeconfig.js';
export { resolveContext, listContextSummaries, authKindOf } from './kubeconfig/resolve-context.js';
export { loginShellPath } from './kubeconfig/login-shell-path.js';
export type { ExecPluginOptions } from './kubeconfig/run-exec-plugin.js';
export type { Kubeconfig, KubeCluster, KubeUser, KubeContext, ResolvedContext, ContextSummary, AuthKind } from './kubeconfig/kubeconfig-types.js';
export { ClusterClient, refOf, paverFieldManager, type ClusterClientOptions, type PatchType } from './client/cluster-client.js';
export type { KubeObject, ObjectRef, ListOptions, ListPage, ServerVersion, ApiGroupInfo, ApiResourceInfo, WriteOptions, WatchEvent, ClusterStream } from './client/cluster-types.js';
export { serverVersion, apiGroups, apiResources } from './client/discover-api.js';
export { watchObjects, type WatchOptions } from './client/watch-objects.js';
export { podLogs, followPodLogs, type PodLogOptions } from './client/pod-logs.js';
export { eventsFor, eventTime, type ClusterEvent } from './client/object-events.js';
export { checkContexts, type ContextCheck, type CheckContextsOptions } from './client/check-contexts.js';
export { listContexts, type ContextList, type ContextStatus } from './list-contexts.js';
export { ClusterConnections } from './cluster-connections.js';
