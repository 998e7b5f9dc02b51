import { PaverError } from './paver-error.js';

/** A workspace was to be created in a folder that already holds files. */
export class FolderNotEmptyError extends PaverError<{ path: string; entries: string[] }> {
  readonly code = 'FolderNotEmptyError';
}
