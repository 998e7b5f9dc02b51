import { PaverError } from './paver-error.js';

/** An unexpected failure inside Paver; `data.originalCode` keeps the foreign error's name. */
export class InternalError extends PaverError<{ originalCode?: string }> {
  readonly code = 'InternalError';
}
