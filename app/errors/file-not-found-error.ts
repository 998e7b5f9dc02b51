import { PaverError } from './paver-error.js';

/** A workspace file that the request names does not exist. */
export class FileNotFoundError extends PaverError<{ path: string }> {
  readonly code = 'FileNotFoundError';
}
