import { PaverError } from './paver-error.js';

/** A simulation was cancelled by the user before it finished; nothing was reported. */
export class SimulationCancelledError extends PaverError<{ runId: number }> {
  readonly code = 'SimulationCancelledError';
}
