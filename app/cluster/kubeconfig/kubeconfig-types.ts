// The merged kubeconfig as Paver reads it. Paths are already absolute (resolved
// against the file that named them, `~` expanded) and every entry remembers the
// file it came from, so messages can point at it. These types hold secrets
// (tokens, keys): they stay in the core process; UIs get `ContextSummary` only.

/** A `clusters[]` entry. */
export interface KubeCluster {
  name: string;
  server: string;
  certificateAuthority?: string;
  certificateAuthorityData?: string;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  sourceFile: string;
}

/** `users[].user.exec`: a client.authentication.k8s.io exec credential plugin. */
export interface ExecConfig {
  apiVersion: string;
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  interactiveMode: 'Never' | 'IfAvailable' | 'Always';
  provideClusterInfo: boolean;
  installHint?: string;
}

/** A `users[]` entry. */
export interface KubeUser {
  name: string;
  token?: string;
  tokenFile?: string;
  clientCertificate?: string;
  clientCertificateData?: string;
  clientKey?: string;
  clientKeyData?: string;
  username?: string;
  password?: string;
  exec?: ExecConfig;
  authProvider?: string;
  sourceFile: string;
}

/** A `contexts[]` entry. */
export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  sourceFile: string;
}

/** Every loaded kubeconfig file merged the way kubectl merges `KUBECONFIG`. */
export interface Kubeconfig {
  /** The files that were read, in precedence order. */
  files: string[];
  /** Things the user may want to know, such as a `KUBECONFIG` entry that does not exist. */
  notes: string[];
  currentContext?: string;
  contexts: KubeContext[];
  clusters: KubeCluster[];
  users: KubeUser[];
}

/** How a user authenticates; safe to show. */
export type AuthKind = 'token' | 'token-file' | 'client-certificate' | 'exec' | 'basic' | 'auth-provider' | 'none';

/** A context with its cluster and user looked up: everything needed to build a client. */
export interface ResolvedContext {
  name: string;
  namespace: string;
  cluster: KubeCluster;
  user: KubeUser;
  authKind: AuthKind;
}

/** What a UI may see about a context: no tokens, keys or certificates. */
export interface ContextSummary {
  name: string;
  current: boolean;
  cluster: string;
  server: string;
  namespace: string;
  user: string;
  authKind: AuthKind;
  /** Set when the context names a cluster or user that no file defines. */
  problem?: string;
}
