import { PaverError } from './paver-error.js';

/** A folder to open or create into does not exist or is not a folder. */
export class FolderNotFoundError extends PaverError<{ path: string }> {
  readonly code = 'FolderNotFoundError';
}
