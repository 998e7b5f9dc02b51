// One container's life as a small state machine advanced once per tick.
// Every transition says which kubelet Events it produces.
import { crashes, imageFails, runsOutOfMemory } from './pod-failure-modes.js';
import type { EventSpec } from './events.js';

/** Where a container is in its life. */
export type ContainerPhase = 'pulling' | 'errImagePull' | 'imagePullBackOff' | 'running' | 'terminated' | 'backoff' | 'completed';

/** Mutable runtime record of one container. */
export interface ContainerRuntime {
  phase: ContainerPhase;
  since: number;
  restarts: number;
  startedAt?: string;
  finishedAt?: string;
  reason?: string;
  exitCode?: number;
  lastTerminated?: { reason: string; exitCode: number; startedAt?: string; finishedAt?: string };
  everStarted: boolean;
}

/** Ticks a run-to-completion container (Job pods) runs before exiting 0. */
export const completionTicks = 3;

/** Retries back off like the kubelet's: after 5, 10, 20, 40... ticks, then every 300. */
export function isRetryTick(elapsed: number): boolean {
  if (elapsed <= 0) return false;
  if (elapsed % 300 === 0) return true;
  const steps = elapsed / 5;
  return Number.isInteger(steps) && (steps & (steps - 1)) === 0;
}

function backoffTicks(restarts: number): number {
  return Math.min(4 * 2 ** (restarts - 1), 40);
}

/** Advances a container one tick; returns the events of the transition. */
export function stepContainer(runtime: ContainerRuntime, container: any, podName: string, restartPolicy: string, tick: number, now: string): Omit<EventSpec, 'component'>[] {
  const fieldPath = `spec.containers{${container.name}}`;
  const image = container.image;
  const elapsed = tick - runtime.since;
  const move = (phase: ContainerPhase) => { runtime.phase = phase; runtime.since = tick; };
  const start = (events: Omit<EventSpec, 'component'>[]) => {
    move('running');
    runtime.startedAt = now;
    runtime.everStarted = true;
    return [...events,
      { type: 'Normal' as const, reason: 'Created', message: `Created container: ${container.name}`, fieldPath },
      { type: 'Normal' as const, reason: 'Started', message: `Started container ${container.name}`, fieldPath }];
  };
  switch (runtime.phase) {
    case 'pulling':
      if (imageFails(image)) {
        move('errImagePull');
        return [
          { type: 'Warning', reason: 'Failed', message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": not found`, fieldPath },
          { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', fieldPath },
        ];
      }
      return start([{ type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 412ms (412ms including waiting). Image size: 48213459 bytes.`, fieldPath }]);
    case 'errImagePull':
      move('imagePullBackOff');
      return [{ type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, fieldPath },
        { type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', fieldPath }];
    case 'imagePullBackOff':
      if (isRetryTick(elapsed)) {
        return [{ type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, fieldPath },
          { type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, fieldPath }];
      }
      return [];
    case 'running':
      if (elapsed >= 1 && (crashes(container) || runsOutOfMemory(container))) {
        const oom = runsOutOfMemory(container);
        move('terminated');
        runtime.reason = oom ? 'OOMKilled' : 'Error';
        runtime.exitCode = oom ? 137 : 1;
        runtime.finishedAt = now;
        return [];
      }
      if (restartPolicy !== 'Always' && elapsed >= completionTicks) {
        move('completed');
        runtime.reason = 'Completed';
        runtime.exitCode = 0;
        runtime.finishedAt = now;
      }
      return [];
    case 'terminated':
      if (restartPolicy === 'Never') return [];
      runtime.lastTerminated = { reason: runtime.reason!, exitCode: runtime.exitCode!, startedAt: runtime.startedAt, finishedAt: runtime.finishedAt };
      runtime.restarts++;
      move('backoff');
      return [{ type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${container.name} in pod ${podName}`, fieldPath }];
    case 'backoff':
      if (elapsed >= backoffTicks(runtime.restarts)) {
        return start([{ type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, fieldPath }]);
      }
      return [];
    case 'completed':
      return [];
  }
}

/** The containerStatuses entry for a runtime record. */
export function containerStatus(runtime: ContainerRuntime, container: any, containerId: string, tick: number): Record<string, unknown> {
  let state: Record<string, unknown>;
  switch (runtime.phase) {
    case 'pulling': state = { waiting: { reason: 'ContainerCreating' } }; break;
    case 'errImagePull': state = { waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = failed to pull and unpack image "${container.image}": not found` } }; break;
    case 'imagePullBackOff': state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${container.image}"` } }; break;
    case 'running': state = { running: { startedAt: runtime.startedAt } }; break;
    case 'backoff': state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${10 * 2 ** Math.min(runtime.restarts - 1, 5)}s restarting failed container=${container.name}` } }; break;
    default: state = { terminated: { exitCode: runtime.exitCode, reason: runtime.reason, startedAt: runtime.startedAt, finishedAt: runtime.finishedAt, containerID: containerId } };
  }
  const ready = runtime.phase === 'running' && tick - runtime.since >= 1 && !crashes(container) && !runsOutOfMemory(container);
  const last = runtime.lastTerminated;
  return {
    name: container.name, image: container.image,
    imageID: runtime.everStarted ? `${String(container.image).split(':')[0]}@sha256:${containerId.slice(-64).padStart(64, '0')}` : '',
    ...(runtime.everStarted ? { containerID: containerId } : {}),
    ready, started: runtime.phase === 'running', restartCount: runtime.restarts, state,
    lastState: last ? { terminated: { exitCode: last.exitCode, reason: last.reason, startedAt: last.startedAt, finishedAt: last.finishedAt, containerID: containerId } } : {},
  };
}
