import { PaverError } from './paver-error.js';

/** The branch does not exist in this repository. */
export class BranchNotFoundError extends PaverError<{ branch: string }> {
  readonly code = 'BranchNotFoundError';
}
