// Public entry point: start the demo cluster on 127.0.0.1 over HTTPS and
// get its URL, token, CA and kubeconfig.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Cluster, type AdmissionHook } from './cluster.js';
import { createRouter } from './http/router.js';
import { renderKubeconfig, writeKubeconfig } from './kubeconfig.js';
import { loadOrCreateCertificates } from './tls/certificates.js';
import { seedCluster, type SeedName } from './seed/seed-cluster.js';
import { startControllers, type ControllerHandle } from './controllers/controller-loop.js';
import { servePodLogs } from './logs/pod-logs.js';
import { openApiDocument } from './api/openapi.js';

/** Options of `startDemoCluster`. All are optional. */
export interface DemoClusterOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** 'sample' (default) loads resources/demo-cluster; 'empty' only the default namespaces. */
  seed?: SeedName;
  /** Benchmark mode: this many extra pods across 500 namespaces. */
  pods?: number;
  /** Where the CA and server certificate are cached; without it they live for the process. */
  dataDir?: string;
  /** When set, the kubeconfig is written here (context `paver-demo`). */
  kubeconfigPath?: string;
  /** Fixed bearer token; random by default. */
  token?: string;
  /** Controller tick in milliseconds (default 200); 0 disables controllers. */
  tickMs?: number;
  /** BOOKMARK interval for watches with allowWatchBookmarks (default 1000 ms). */
  bookmarkIntervalMs?: number;
  /** Folder of the 'sample' scenario's manifests; default: resources/demo-cluster of the source tree. */
  scenarioDir?: string;
  /** Admission hook; by default the stored ValidatingAdmissionPolicies are enforced. */
  admission?: AdmissionHook | null;
}

/** A running demo cluster. */
export interface DemoCluster {
  url: string;
  port: number;
  token: string;
  caPem: string;
  kubeconfigYaml: string;
  kubeconfigPath?: string;
  /** The in-process state, for tests and the app (read it; write through the API). */
  cluster: Cluster;
  close(): Promise<void>;
}

/**
 * Starts a demo cluster.
 * @example
 *   const demo = await startDemoCluster({ seed: 'empty' });
 *   const kc = new KubeConfig(); kc.loadFromString(demo.kubeconfigYaml);
 *   await demo.close();
 */
export async function startDemoCluster(options: DemoClusterOptions = {}): Promise<DemoCluster> {
  const certificates = await loadOrCreateCertificates(options.dataDir);
  const token = options.token ?? randomBytes(24).toString('base64url');
  const cluster = new Cluster();
  if (options.admission !== undefined && options.admission !== null) cluster.admission = options.admission;
  else if (options.admission === undefined) cluster.admission = (await import('./admission/policy-admission.js')).createPolicyAdmission();
  await seedCluster(cluster, options.seed ?? 'sample', options.pods ?? 0, options.scenarioDir);
  let address = '127.0.0.1:0';
  const handler = createRouter({
    cluster, token, bookmarkIntervalMs: options.bookmarkIntervalMs ?? 1000,
    serverAddress: () => address,
    openApi: (path) => openApiDocument(path),
    serveLogs: (req, res, pod, query) => servePodLogs(cluster, req, res, pod, query),
  });
  const server: Server = createServer({ key: certificates.keyPem, cert: certificates.certPem }, handler);
  const sockets = new Set<Duplex>();
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`Port ${options.port} on 127.0.0.1 is already in use; choose another port, or 0 for any free port.`, { cause: error })
        : error);
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  address = `127.0.0.1:${port}`;
  const url = `https://127.0.0.1:${port}`;
  const kubeconfigYaml = renderKubeconfig(url, certificates.caPem, token);
  if (options.kubeconfigPath) await writeKubeconfig(options.kubeconfigPath, kubeconfigYaml);
  const controllers: ControllerHandle | undefined = options.tickMs === 0 ? undefined : startControllers(cluster, options.tickMs ?? 200);
  return {
    url, port, token, caPem: certificates.caPem, kubeconfigYaml, kubeconfigPath: options.kubeconfigPath, cluster,
    close: async () => {
      controllers?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
