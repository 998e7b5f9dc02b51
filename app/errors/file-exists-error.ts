import { PaverError } from './paver-error.js';

/** A create or rename would replace an existing file. */
export class FileExistsError extends PaverError<{ path: string }> {
  readonly code = 'FileExistsError';
}
