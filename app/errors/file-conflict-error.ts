import { PaverError } from './paver-error.js';

/**
 * A save was refused because the file changed on disk since the editor loaded
 * it. Nothing was written; `data.diskVersion` identifies what is on disk now.
 */
export class FileConflictError extends PaverError<{ path: string; expectedVersion: string; diskVersion: string | null }> {
  readonly code = 'FileConflictError';
}
