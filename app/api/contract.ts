// The one contract both transports serve. Adding a method means changing its
// interface, this allow-list and the implementation; no transport code changes.
import type { ApiEvent } from './events.js';
import type { WorkspaceApi } from './workspace-api.js';
import type { AppApi } from './app-api.js';
import type { SimulationApi } from './simulation-api.js';
import type { ClusterApi } from './cluster-api.js';
import type { GitApi } from './git-api.js';
import type { TemplateApi } from './template-api.js';

/** Every service the core exposes, by the name used on the wire. */
export interface PaverApi {
  workspace: WorkspaceApi;
  app: AppApi;
  simulation: SimulationApi;
  cluster: ClusterApi;
  git: GitApi;
  templates: TemplateApi;
}

export type ServiceName = keyof PaverApi;
/** Names of a service's events: its `onDidX` members. */
export type EventNames<T> = { [K in keyof T]: K extends `on${string}` ? (T[K] extends ApiEvent<any> ? K : never) : never }[keyof T] & string;
/** Names of a service's async methods. */
export type MethodNames<T> = Exclude<{ [K in keyof T]: T[K] extends (...args: any[]) => Promise<any> ? K : never }[keyof T], EventNames<T>> & string;
export type EventPayload<T, E extends keyof T> = T[E] extends ApiEvent<infer P> ? P : never;

type ContractShape = {
  [S in ServiceName]: { methods: readonly MethodNames<PaverApi[S]>[]; events: readonly EventNames<PaverApi[S]>[] };
};

/** The explicit allow-list of what the transports may call. */
export const apiContract = {
  workspace: {
    methods: ['openWorkspace', 'initGitRepository', 'createSampleWorkspace', 'currentWorkspace', 'listFiles', 'readFile', 'writeFile', 'renameFile', 'deleteFile'],
    events: ['onDidChangeFiles'],
  },
  app: {
    methods: ['getAppInfo', 'listRecentWorkspaces', 'getSettings', 'updateSettings'],
    events: [],
  },
  simulation: {
    methods: ['startSimulation', 'cancelSimulation', 'getLastSimulation', 'getRenderedObject', 'listPolicies', 'exportSimulationReport'],
    events: ['onSimulationProgress', 'onSimulationFinished'],
  },
  cluster: {
    methods: ['listClusterContexts', 'selectClusterContext', 'getDemoClusterStatus'],
    events: [],
  },
  git: {
    methods: ['getStatus', 'diffFile', 'stage', 'unstage', 'discard', 'commit', 'listBranches', 'createBranch', 'switchBranch', 'deleteBranch',
      'history', 'listRemotes', 'addRemote', 'setCredentials', 'fetch', 'pull', 'push', 'readConflicts', 'resolveConflicts'],
    events: ['onGitProgress'],
  },
  templates: {
    methods: ['listTemplates', 'listVersions', 'diffVersions', 'previewPublish', 'publish', 'serviceUsage', 'planUpgrade', 'applyUpgrade'],
    events: [],
  },
} as const satisfies ContractShape;

// Compile-time proof that the allow-list names every method and event of every interface.
type Unlisted = {
  [S in ServiceName]:
    | Exclude<MethodNames<PaverApi[S]>, (typeof apiContract)[S]['methods'][number]>
    | Exclude<EventNames<PaverApi[S]>, (typeof apiContract)[S]['events'][number]>;
}[ServiceName];
const allowListIsComplete: [Unlisted] extends [never] ? true : Unlisted = true;
void allowListIsComplete;

/** True when `service.member` is an allowed method. */
export function isAllowedMethod(service: string, method: string): service is ServiceName {
  const entry = (apiContract as Record<string, { methods: readonly string[] }>)[service];
  return Object.hasOwn(apiContract, service) && entry!.methods.includes(method);
}

/** True when `service.member` is an allowed event. */
export function isAllowedEvent(service: string, event: string): service is ServiceName {
  const entry = (apiContract as Record<string, { events: readonly string[] }>)[service];
  return Object.hasOwn(apiContract, service) && entry!.events.includes(event);
}
