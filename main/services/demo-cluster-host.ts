import { join } from 'node:path';
import type { DemoClusterStatus } from '../../app/api/index.js';
import { startDemoCluster, type DemoCluster } from '../../app/demo-cluster/start-demo-cluster.js';
import { findResourcesDir } from '../resources-dir.js';

/**
 * Runs the embedded demo cluster for the app, in the background: start-up
 * never waits for it, and its kubeconfig (context `paver-demo`) is written to
 * the user data folder so kubectl can use it too.
 */
export class DemoClusterHost {
  private status: DemoClusterStatus = { state: 'stopped' };
  private running: DemoCluster | undefined;
  private starting: Promise<void> | undefined;

  constructor(private readonly userDataDir: string) {}

  /** Starts the demo cluster unless it runs already; resolves when it is up (or has failed). */
  start(): Promise<void> {
    this.starting ??= (async () => {
      this.status = { state: 'starting' };
      const dataDir = join(this.userDataDir, 'demo-cluster');
      try {
        this.running = await startDemoCluster({ dataDir, kubeconfigPath: join(dataDir, 'kubeconfig'), seed: 'sample', scenarioDir: join(findResourcesDir(), 'demo-cluster') });
        this.status = { state: 'running', url: this.running.url, kubeconfigPath: this.running.kubeconfigPath };
      } catch (error) {
        this.status = { state: 'failed', error: error instanceof Error ? error.message : String(error) };
      }
    })();
    return this.starting;
  }

  get current(): DemoClusterStatus {
    return this.status;
  }

  async close(): Promise<void> {
    await this.starting;
    await this.running?.close();
    this.running = undefined;
    this.status = { state: 'stopped' };
  }
}
