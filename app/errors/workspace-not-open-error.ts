import { PaverError } from './paver-error.js';

/** A workspace call arrived before any workspace was opened. */
export class WorkspaceNotOpenError extends PaverError<Record<string, never>> {
  readonly code = 'WorkspaceNotOpenError';
}
