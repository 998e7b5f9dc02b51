import { PaverError } from './paver-error.js';

/** A kubeconfig exec credential plugin returned a credential whose expirationTimestamp has passed. */
export class ExecTokenExpiredError extends PaverError<{ command: string; user: string; expiredAt: string }> {
  readonly code = 'ExecTokenExpiredError';
}
