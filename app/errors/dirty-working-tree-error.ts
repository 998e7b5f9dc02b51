import { PaverError } from './paver-error.js';

/** The working tree has uncommitted changes that the operation would overwrite or include; commit or discard them first. */
export class DirtyWorkingTreeError extends PaverError<{ files: string[]; operation: string }> {
  readonly code = 'DirtyWorkingTreeError';
}
