import { PaverError } from './paver-error.js';

/** The remote rejected the credentials (or needs some); ask the user for a username and token. */
export class GitAuthError extends PaverError<{ remote: string; url: string }> {
  readonly code = 'GitAuthError';
}
