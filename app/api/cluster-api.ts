/** A kubeconfig context as the cluster picker shows it: no credentials, ever. */
export interface ClusterContextInfo {
  name: string;
  server: string;
  namespace: string;
  user: string;
  authKind: string;
  /** The embedded demo cluster's context (`paver-demo`). */
  demo: boolean;
  reachable: boolean;
  serverVersion?: string;
  latencyMs?: number;
  /** Why the context cannot be used, in one line, and the error code. */
  error?: { code: string; message: string };
}

export interface ClusterContexts {
  contexts: ClusterContextInfo[];
  /** The context Paver uses for previews and inspection. */
  selected: string | null;
  /** The kubeconfig files that were read, in order. */
  files: string[];
  /** Notes from loading them (a missing file, an unsupported field). */
  notes: string[];
}

export interface DemoClusterStatus {
  state: 'starting' | 'running' | 'stopped' | 'failed';
  url?: string;
  kubeconfigPath?: string;
  error?: string;
}

/** Kubeconfig contexts, their reachability, and the embedded demo cluster. */
export interface ClusterApi {
  /** Every context of the kubeconfig (plus the demo cluster), each checked for reachability. */
  listClusterContexts(): Promise<ClusterContexts>;
  /** Chooses the context previews and inspection use; remembered across launches. */
  selectClusterContext(request: { name: string }): Promise<ClusterContexts>;
  getDemoClusterStatus(): Promise<DemoClusterStatus>;
}
