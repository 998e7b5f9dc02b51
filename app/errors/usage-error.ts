import { PaverError } from './paver-error.js';

/** A CLI command was given unknown or missing arguments. */
export class UsageError extends PaverError<{ command?: string; argument?: string }> {
  readonly code = 'UsageError';
}
