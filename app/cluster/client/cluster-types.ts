// JSON shapes the cluster client returns. Objects are what the API server sent,
// untouched, so previews and diffs see the real defaulted fields.

/** Any Kubernetes object. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name?: string;
    generateName?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** Names a kind, and optionally a namespace and an object of it. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name?: string;
}

/** Options of a list or watch. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

/** One page of a list. */
export interface ListPage<T = KubeObject> {
  items: T[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** `GET /version`. */
export interface ServerVersion {
  major: string;
  minor: string;
  gitVersion: string;
  platform?: string;
  [field: string]: unknown;
}

/** An API group as discovery lists it; the core group has name ''. */
export interface ApiGroupInfo {
  name: string;
  versions: string[];
  preferredVersion: string;
}

/** One resource type as discovery lists it. */
export interface ApiResourceInfo {
  group: string;
  version: string;
  apiVersion: string;
  kind: string;
  /** The plural resource name used in URLs, such as `deployments`. */
  name: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
}

/** Options of a write. `dryRun: true` sends dryRun=All: the server validates, defaults and admits, and persists nothing. */
export interface WriteOptions {
  dryRun?: boolean;
}

/** A watch notification. */
export interface WatchEvent<T = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: T;
}

/** A running watch or log stream. */
export interface ClusterStream {
  stop(): void;
}
