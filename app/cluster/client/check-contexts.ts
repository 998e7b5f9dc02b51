import { performance } from 'node:perf_hooks';
import { serializeError } from '../../errors/index.js';
import type { Kubeconfig } from '../kubeconfig/kubeconfig-types.js';
import { resolveContext } from '../kubeconfig/resolve-context.js';
import { ClusterClient } from './cluster-client.js';
import { serverVersion } from './discover-api.js';

/** Whether one context's API server answered; safe to show (no secrets). */
export interface ContextCheck {
  context: string;
  /** True when `GET /version` succeeded with the context's credentials. */
  reachable: boolean;
  serverVersion?: string;
  latencyMs?: number;
  /** Why it failed: the Paver error code (ClusterUnreachableError, ClusterTlsError, ExecPluginError...) and its one-line message. */
  error?: { code: string; message: string };
}

/** Options of a reachability check. */
export interface CheckContextsOptions {
  /** Only these contexts (default: all). */
  contexts?: string[];
  /** Deadline of the version request per context (default 3 s). */
  timeoutMs?: number;
  /** Deadline of an exec plugin during the check (default 10 s). */
  execTimeoutMs?: number;
  env?: Record<string, string | undefined>;
}

/**
 * Checks every context concurrently with a short timeout: it asks each API
 * server for its version with the context's own credentials. Never throws;
 * failures come back per context with the reason.
 *
 * @example
 *   const checks = await checkContexts(loadKubeconfig());
 *   checks.filter((c) => !c.reachable).map((c) => c.error?.message);
 */
export async function checkContexts(config: Kubeconfig, options: CheckContextsOptions = {}): Promise<ContextCheck[]> {
  const names = options.contexts ?? config.contexts.map((c) => c.name);
  return Promise.all(names.map(async (name): Promise<ContextCheck> => {
    let client: ClusterClient | undefined;
    try {
      client = ClusterClient.fromContext(resolveContext(config, name), {
        requestTimeoutMs: options.timeoutMs ?? 3000,
        exec: { timeoutMs: options.execTimeoutMs ?? 10_000, env: options.env },
      });
      const started = performance.now();
      const version = await serverVersion(client);
      return { context: name, reachable: true, serverVersion: version.gitVersion, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const { code, message } = serializeError(error);
      return { context: name, reachable: false, error: { code, message: message.split('\n')[0]! } };
    } finally {
      await client?.close();
    }
  }));
}
