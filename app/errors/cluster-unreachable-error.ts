import { PaverError } from './paver-error.js';

/** The cluster's API server did not answer: refused, unknown host, or timed out. */
export class ClusterUnreachableError extends PaverError<{ context: string; server: string; reason: string }> {
  readonly code = 'ClusterUnreachableError';
}
