// Runs every controller on a fixed tick. Each tick is synchronous and
// deterministic; tests wait for state, never for time.
import type { Cluster } from '../cluster.js';
import { cronJobController } from './cron-job-controller.js';
import { deploymentController } from './deployment-controller.js';
import { jobController } from './job-controller.js';
import { namespaceController } from './namespace-controller.js';
import { podLifecycleController } from './pod-lifecycle-controller.js';
import { replicaSetController } from './replica-set-controller.js';
import { eventTtlController } from './events.js';
import { daemonSetController, statefulSetController } from './stateful-set-controller.js';

/** The controllers in the order one tick runs them (owners before what they own). */
export const defaultControllers: Controller[] = [
  namespaceController, cronJobController, jobController, deploymentController, replicaSetController, statefulSetController,
  daemonSetController, podLifecycleController, eventTtlController,
];

/** Stops a running controller loop. */
export interface ControllerHandle {
  stop(): void;
  /** Runs one tick now (tests and benchmarks may drive it by hand). */
  tick(): void;
}

/** A controller reconciles the cluster once per tick. */
export type Controller = (cluster: Cluster) => void;

/** Starts the controller loop. */
export function startControllers(cluster: Cluster, tickMs: number, controllers: Controller[] = defaultControllers): ControllerHandle {
  const tick = () => {
    for (const controller of controllers) {
      try {
        controller(cluster);
      } catch (error) {
        // One controller's bug must not stop the others; report and go on.
        console.error('demo-cluster controller failed:', error);
      }
    }
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
