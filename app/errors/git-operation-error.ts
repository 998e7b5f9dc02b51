import { PaverError } from './paver-error.js';

/** A Git operation failed for a reason Paver cannot fix itself; the message says what Git reported. */
export class GitOperationError extends PaverError<{ operation: string; path?: string; detail: string }> {
  readonly code = 'GitOperationError';
}
