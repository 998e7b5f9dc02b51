// The demo kubelet and scheduler: schedules pods onto the one node, runs
// their containers through the container state machine, writes pod status
// and records the kubelet's Events.
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType, storageKeyOf } from '../api/resource-types.js';
import type { Cluster } from '../cluster.js';
import { demoNodeName } from '../seed/default-objects.js';
import { containerStatus, isRetryTick, stepContainer, type ContainerRuntime } from './container-machine.js';
import { recordEvent } from './events.js';
import { configError, crashes, runsOutOfMemory } from './pod-failure-modes.js';
import { templateHash } from './ownership.js';

const pods = findResourceType('', 'v1', 'pods')!;

interface PodRuntime {
  tick: number;
  stable: boolean;
  containers?: Map<string, ContainerRuntime>;
  ip?: string;
}

interface LifecycleState {
  runtimes: Map<string, PodRuntime>;
  /** Keys (namespace/name) of pods that may still change; settled pods leave the set. */
  candidates: Set<string>;
}

// Tracking candidates through the watch hub keeps a tick cheap with 50,000 settled pods.
const states = new WeakMap<Cluster, LifecycleState>();

function stateOf(cluster: Cluster): LifecycleState {
  let state = states.get(cluster);
  if (state) return state;
  const created: LifecycleState = { runtimes: new Map(), candidates: new Set() };
  for (const [key] of cluster.store.scan(pods)) created.candidates.add(key);
  cluster.store.hub.subscribe(storageKeyOf(pods), (event) => {
    const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
    if (event.type === 'ADDED') created.candidates.add(key);
    if (event.type === 'DELETED') {
      created.candidates.delete(key);
      created.runtimes.delete(event.object.metadata.uid!);
    }
  });
  states.set(cluster, state = created);
  return created;
}

let ipCounter = 2;

function condition(previous: any[] | undefined, type: string, status: boolean, now: string): object {
  const value = status ? 'True' : 'False';
  const old = previous?.find((c) => c.type === type);
  return { type, status: value, lastProbeTime: null, lastTransitionTime: old?.status === value ? old.lastTransitionTime : now };
}

function podPhase(runtime: PodRuntime, restartPolicy: string): string {
  const containers = [...runtime.containers!.values()];
  if (containers.every((c) => c.phase === 'completed')) return 'Succeeded';
  if (restartPolicy === 'Never' && containers.some((c) => c.phase === 'terminated') && !containers.some((c) => c.phase === 'running')) return 'Failed';
  if (containers.every((c) => c.everStarted)) return 'Running';
  return 'Pending';
}

function assembleStatus(pod: KubeObject, runtime: PodRuntime, now: string, waitingReason?: string, waitingMessage?: string): Record<string, unknown> {
  const previous = pod.status?.conditions;
  const containers: any[] = pod.spec.containers ?? [];
  const id = (name: string) => `containerd://${templateHash([pod.metadata.uid, name])}${'0'.repeat(54)}`;
  const statuses = containers.map((c) => runtime.containers
    ? containerStatus(runtime.containers.get(c.name)!, c, id(c.name), runtime.tick)
    : { name: c.name, image: c.image, imageID: '', ready: false, started: false, restartCount: 0, lastState: {},
      state: { waiting: { reason: waitingReason ?? 'ContainerCreating', ...(waitingMessage ? { message: waitingMessage } : {}) } } });
  const allReady = statuses.length > 0 && statuses.every((s: any) => s.ready);
  const phase = runtime.containers ? podPhase(runtime, pod.spec.restartPolicy ?? 'Always') : 'Pending';
  const finished = phase === 'Succeeded' || phase === 'Failed';
  return {
    phase,
    conditions: [
      condition(previous, 'PodReadyToStartContainers', true, now),
      condition(previous, 'Initialized', true, now),
      condition(previous, 'Ready', allReady && !finished, now),
      condition(previous, 'ContainersReady', allReady && !finished, now),
      condition(previous, 'PodScheduled', true, now),
    ],
    hostIP: '172.18.0.2', hostIPs: [{ ip: '172.18.0.2' }],
    ...(runtime.ip ? { podIP: runtime.ip, podIPs: [{ ip: runtime.ip }] } : {}),
    startTime: pod.status?.startTime ?? now,
    ...(pod.spec.initContainers?.length ? {
      initContainerStatuses: pod.spec.initContainers.map((c: any) => ({ name: c.name, image: c.image, imageID: '', ready: true, started: false, restartCount: 0,
        state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: {} })),
    } : {}),
    containerStatuses: statuses,
    qosClass: pod.status?.qosClass ?? 'BestEffort',
  };
}

function isSettled(pod: KubeObject): boolean {
  const statuses = pod.status?.containerStatuses ?? [];
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' ||
    ((pod.spec.restartPolicy ?? 'Always') === 'Always' && pod.status?.phase === 'Running' && statuses.length > 0 && statuses.every((s: any) => s.ready));
}

function advance(cluster: Cluster, pod: KubeObject, runtime: PodRuntime): void {
  const now = cluster.now();
  runtime.tick++;
  const kubelet = (spec: { type: 'Normal' | 'Warning'; reason: string; message: string; fieldPath?: string }) => recordEvent(cluster, pod, { ...spec, component: 'kubelet' });
  if (!pod.spec.nodeName) {
    const scheduled = cluster.store.put(pods, { ...pod, spec: { ...pod.spec, nodeName: demoNodeName }, status: { ...pod.status, phase: 'Pending',
      conditions: [condition(pod.status?.conditions, 'PodScheduled', true, now)] } });
    recordEvent(cluster, scheduled, { type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${demoNodeName}`, component: 'default-scheduler' });
    return;
  }
  const containers: any[] = pod.spec.containers ?? [];
  if (!runtime.containers) {
    const blocked = containers.map((c) => ({ c, error: configError(cluster, pod, c) })).find((e) => e.error);
    if (blocked) {
      if (runtime.tick === 2 || isRetryTick(runtime.tick - 2)) kubelet({ type: 'Warning', reason: 'Failed', message: `Error: ${blocked.error}`, fieldPath: `spec.containers{${blocked.c.name}}` });
      cluster.store.put(pods, { ...pod, status: assembleStatus(pod, runtime, now, 'CreateContainerConfigError', blocked.error) });
      return;
    }
    runtime.containers = new Map(containers.map((c) => [c.name, { phase: 'pulling', since: runtime.tick, restarts: 0, everStarted: false }]));
    for (const c of containers) kubelet({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"`, fieldPath: `spec.containers{${c.name}}` });
  } else {
    for (const c of containers) {
      const events = stepContainer(runtime.containers.get(c.name)!, c, pod.metadata.name!, pod.spec.restartPolicy ?? 'Always', runtime.tick, now);
      for (const event of events) kubelet(event);
    }
  }
  if (!runtime.ip && [...runtime.containers.values()].some((c) => c.everStarted)) {
    const n = ipCounter++;
    runtime.ip = `10.244.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  }
  const status = assembleStatus(pod, runtime, now);
  if (JSON.stringify(status) !== JSON.stringify(pod.status)) cluster.store.put(pods, { ...pod, status });
  const healthy = containers.every((c) => !crashes(c) && !runsOutOfMemory(c));
  const runsForever = (pod.spec.restartPolicy ?? 'Always') === 'Always';
  if (status.phase === 'Succeeded' || status.phase === 'Failed') runtime.stable = true;
  else if (healthy && runsForever && (status.containerStatuses as any[]).every((s) => s.ready)) runtime.stable = true;
}

/** Advances every pod that is not yet settled by one tick. */
export function podLifecycleController(cluster: Cluster): void {
  const { runtimes, candidates } = stateOf(cluster);
  for (const key of [...candidates]) {
    const slash = key.indexOf('/');
    const pod = cluster.store.get(pods, key.slice(0, slash), key.slice(slash + 1));
    if (!pod) { candidates.delete(key); continue; }
    const uid = pod.metadata.uid!;
    let runtime = runtimes.get(uid);
    if (!runtime) {
      runtime = { tick: 0, stable: isSettled(pod) };
      runtimes.set(uid, runtime);
    }
    if (!runtime.stable && !pod.metadata.deletionTimestamp) advance(cluster, pod, runtime);
    if (runtime.stable) {
      candidates.delete(key);
      runtimes.delete(uid);
    }
  }
}
