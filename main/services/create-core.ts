import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo, PaverApi, WorkspaceInfo } from '../../app/api/index.js';
import { AppService } from '../../app/settings/app-service.js';
import { WorkspaceService } from '../../app/workspace/files/workspace-service.js';
import { createSampleWorkspace } from '../../app/workspace/sample/create-sample-workspace.js';
import { findResourcesDir } from '../resources-dir.js';
import { SimulationService } from '../../app/simulate/simulation-service.js';
import { ClusterService } from '../../app/cluster/cluster-service.js';
import { DemoClusterHost } from './demo-cluster-host.js';
import type { CredentialStore } from '../../app/git/index.js';
import { GitService } from '../../app/git/git-service.js';
import { TemplateVersionsService } from '../../app/workspace/versions/template-versions-service.js';
import { WorkerServiceRenderers } from '../../app/workspace/versions/worker-service-renderer.js';
import { RpcDispatcher } from '../rpc/dispatcher.js';
import { paverVersion } from '../version.js';

export interface CoreOptions {
  userDataDir: string;
  mode: AppInfo['mode'];
  /** Where Git credentials are kept: the OS keychain in the desktop app, memory otherwise. */
  credentials?: CredentialStore;
  /** Start the embedded demo cluster in the background (the app does; tests usually do not). */
  startDemoCluster?: boolean;
  /** The environment (KUBECONFIG, HOME) kubeconfig loading reads. */
  env?: Record<string, string | undefined>;
  /** Where warnings the user should see go (the watcher's fall back to polling, for example). */
  onWarning?: (message: string) => void;
}

export interface Core {
  services: PaverApi;
  dispatcher: RpcDispatcher;
  workspace: WorkspaceService;
  app: AppService;
  demoCluster: DemoClusterHost;
  dispose(): Promise<void>;
}

/** The composition root: builds every core service once, for any transport. */
export function createCore(options: CoreOptions): Core {
  const app = new AppService(options.userDataDir, { version: paverVersion, mode: options.mode, platform: process.platform });
  const sampleDir = join(findResourcesDir(), 'sample-workspace');
  const workspace = new WorkspaceService({
    createSample: async (target) => { await createSampleWorkspace(target, { sampleDir }); },
    onOpened: (info) => { workspaceRoot = info.root; gitService.onWorkspaceOpened(); return app.rememberWorkspace(info); },
    onWarning: options.onWarning,
  });
  let workspaceRoot: string | null = null;
  const simulation = new SimulationService({ workspaceDir: () => workspaceRoot, paverVersion });
  workspace.onDidChangeFiles((changes) => simulation.onFilesChanged(changes));
  const fallbackAuthor = async () => { const s = await app.getSettings(); return s.gitAuthorName && s.gitAuthorEmail ? { name: s.gitAuthorName, email: s.gitAuthorEmail } : undefined; };
  const gitService = new GitService({ workspaceDir: () => workspaceRoot, fallbackAuthor, credentials: options.credentials });
  workspace.onDidChangeFiles((changes) => gitService.onFilesChanged(changes));
  // Publish checks and upgrade plans render in a worker, never on this thread.
  const serviceRenderers = new WorkerServiceRenderers();
  const templates = new TemplateVersionsService({ workspaceDir: () => workspaceRoot, fallbackAuthor, createRenderer: () => serviceRenderers.renderer(workspaceRoot ?? '.') });
  const demoCluster = new DemoClusterHost(options.userDataDir);
  if (options.startDemoCluster) void demoCluster.start();
  const cluster = new ClusterService({
    env: options.env ?? process.env,
    demoStatus: () => demoCluster.current,
    loadSelection: async () => (await app.getSettings()).clusterContext,
    saveSelection: async (name) => { await app.updateSettings({ clusterContext: name }); },
  });
  const services: PaverApi = { workspace, app, simulation, cluster, git: gitService, templates };
  return {
    services,
    dispatcher: new RpcDispatcher(services),
    workspace,
    app,
    demoCluster,
    dispose: async () => { await workspace.close(); await simulation.close(); await gitService.close(); await serviceRenderers.close(); await demoCluster.close(); },
  };
}

/**
 * Opens the workspace a launch should start on: the one asked for, else the
 * most recent one that still exists, else the sample workspace (created in
 * the user data folder on first launch, as a real Git repository).
 */
export async function openStartupWorkspace(core: Core, userDataDir: string, requested?: string): Promise<WorkspaceInfo> {
  if (requested) return core.workspace.openWorkspace({ path: requested });
  const recent = (await core.app.listRecentWorkspaces()).find((r) => existsSync(r.path));
  if (recent) return core.workspace.openWorkspace({ path: recent.path });
  const samplePath = join(userDataDir, 'workspaces', 'acme-platform');
  if (existsSync(join(samplePath, '.git'))) return core.workspace.openWorkspace({ path: samplePath });
  return core.workspace.createSampleWorkspace({ path: samplePath });
}
