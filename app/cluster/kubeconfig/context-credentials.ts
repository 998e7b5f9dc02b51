import { existsSync, readFileSync } from 'node:fs';
import { FileNotFoundError } from '../../errors/index.js';
import type { KubeCluster, ResolvedContext } from './kubeconfig-types.js';
import { runExecPlugin, type ExecCredential, type ExecPluginOptions } from './run-exec-plugin.js';

/** The credentials of one request. Secret: never leaves the core process. */
export interface RequestCredentials {
  authorization?: string;
  /** PEM client certificate and key, when the user authenticates with one. */
  cert?: string;
  key?: string;
}

// Exec credentials are shared by every client of the same user and plugin, as kubectl's
// cache is, so a context check and an open inspector do not run the plugin twice.
const execCache = new Map<string, { credential?: ExecCredential; pending?: Promise<ExecCredential> }>();
// client-go re-reads a tokenFile at most once a minute, so a rotated token is picked up.
const tokenFileTtlMs = 60_000;

/** Reads a file named by a kubeconfig, naming the kubeconfig field when it is missing. */
export function readKubeconfigFile(path: string, what: string, sourceFile: string): string {
  if (!existsSync(path)) {
    throw new FileNotFoundError(`The ${what} file ${path} named in kubeconfig ${sourceFile} does not exist. Fix the path or regenerate the kubeconfig.`, { path });
  }
  return readFileSync(path, 'utf8');
}

/** The CA bundle (PEM) to trust for a cluster, or undefined for the system roots. */
export function clusterCaPem(cluster: KubeCluster): string | undefined {
  if (cluster.certificateAuthorityData) return Buffer.from(cluster.certificateAuthorityData, 'base64').toString('utf8');
  if (cluster.certificateAuthority) return readKubeconfigFile(cluster.certificateAuthority, 'certificate-authority', cluster.sourceFile);
  return undefined;
}

/** Produces the credentials of one resolved context per request: static, token file or exec plugin. */
export class ContextCredentials {
  private tokenFileCache?: { token: string; readAt: number };

  constructor(private readonly context: ResolvedContext, private readonly execOptions: ExecPluginOptions = {}) {}

  /** The credentials to send now; runs or reuses the exec plugin as needed. */
  async current(): Promise<RequestCredentials> {
    const user = this.context.user;
    const credentials: RequestCredentials = {};
    if (user.clientCertificateData || user.clientCertificate) {
      credentials.cert = user.clientCertificateData ? decode(user.clientCertificateData) : readKubeconfigFile(user.clientCertificate!, 'client-certificate', user.sourceFile);
      credentials.key = user.clientKeyData ? decode(user.clientKeyData) : user.clientKey ? readKubeconfigFile(user.clientKey, 'client-key', user.sourceFile) : undefined;
    }
    if (user.token) credentials.authorization = `Bearer ${user.token}`;
    else if (user.tokenFile) credentials.authorization = `Bearer ${this.tokenFromFile(user.tokenFile)}`;
    else if (user.username) credentials.authorization = `Basic ${Buffer.from(`${user.username}:${user.password ?? ''}`).toString('base64')}`;
    if (user.exec) {
      const exec = await this.execCredential();
      if (exec.token) credentials.authorization = `Bearer ${exec.token}`;
      if (exec.clientCertificateData && exec.clientKeyData) {
        credentials.cert = exec.clientCertificateData;
        credentials.key = exec.clientKeyData;
      }
    }
    return credentials;
  }

  /** Forgets cached exec and token-file credentials, as kubectl does after a 401. Returns true when a retry may help. */
  invalidate(): boolean {
    this.tokenFileCache = undefined;
    if (!this.context.user.exec) return Boolean(this.context.user.tokenFile);
    execCache.delete(this.execKey());
    return true;
  }

  private tokenFromFile(path: string): string {
    const now = Date.now();
    if (!this.tokenFileCache || now - this.tokenFileCache.readAt > tokenFileTtlMs) {
      this.tokenFileCache = { token: readKubeconfigFile(path, 'tokenFile', this.context.user.sourceFile).trim(), readAt: now };
    }
    return this.tokenFileCache.token;
  }

  private execKey(): string {
    const { user, cluster } = this.context;
    return JSON.stringify([user.name, user.sourceFile, user.exec, user.exec?.provideClusterInfo ? cluster.server : '']);
  }

  private async execCredential(): Promise<ExecCredential> {
    const key = this.execKey();
    const now = (this.execOptions.now ?? (() => new Date()))().getTime();
    let entry = execCache.get(key);
    if (entry?.credential && (!entry.credential.expiresAt || entry.credential.expiresAt.getTime() > now)) return entry.credential;
    if (entry?.pending) return entry.pending;
    entry = {};
    execCache.set(key, entry);
    const pending = runExecPlugin(this.context.user.exec!, this.context.user.name, this.context.cluster, this.execOptions);
    entry.pending = pending;
    try {
      entry.credential = await pending;
      return entry.credential;
    } catch (error) {
      execCache.delete(key);
      throw error;
    } finally {
      entry.pending = undefined;
    }
  }
}

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}
