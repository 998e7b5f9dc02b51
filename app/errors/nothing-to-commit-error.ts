import { PaverError } from './paver-error.js';

/** A commit was requested but nothing is staged. */
export class NothingToCommitError extends PaverError<{ branch: string }> {
  readonly code = 'NothingToCommitError';
}
