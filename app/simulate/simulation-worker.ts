// The simulation worker: one long-lived Simulator (and so one warm render
// cache) per worker thread. The main thread sends runs and cancellations.
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../errors/index.js';
import { Simulator } from './run-simulation.js';
import type { SimulationRequest } from '../api/simulation-types.js';

export type SimulationWorkerMessage =
  | { type: 'run'; id: number; request: SimulationRequest }
  | { type: 'cancel'; id: number }
  | { type: 'invalidate-template'; template: string };

const simulator = new Simulator();
const running = new Map<number, AbortController>();

parentPort?.on('message', (message: SimulationWorkerMessage) => {
  if (message.type === 'cancel') {
    running.get(message.id)?.abort();
    return;
  }
  if (message.type === 'invalidate-template') {
    simulator.cache.invalidateTemplate(message.template);
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  simulator.run(message.request, {
    signal: controller.signal,
    onProgress: (progress) => parentPort!.postMessage({ type: 'progress', id: message.id, progress }),
  }).then(
    (result) => parentPort!.postMessage({ type: 'result', id: message.id, result }),
    (error: unknown) => parentPort!.postMessage({ type: 'error', id: message.id, error: serializeError(error), cancelled: (error as Error)?.name === 'AbortError' }),
  ).finally(() => running.delete(message.id));
});
