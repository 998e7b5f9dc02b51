import { PaverError } from './paver-error.js';

/** A destructive operation was called without the explicit confirmation the user must give first. */
export class ConfirmationRequiredError extends PaverError<{ operation: string; files: string[] }> {
  readonly code = 'ConfirmationRequiredError';
}
