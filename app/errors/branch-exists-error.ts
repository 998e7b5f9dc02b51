import { PaverError } from './paver-error.js';

/** A branch with that name already exists. */
export class BranchExistsError extends PaverError<{ branch: string }> {
  readonly code = 'BranchExistsError';
}
