import { PaverError } from './paver-error.js';

/** A kubeconfig context was asked for that no loaded kubeconfig file defines (or it names a missing cluster/user). */
export class UnknownContextError extends PaverError<{ context: string; available: string[]; files: string[] }> {
  readonly code = 'UnknownContextError';
}
