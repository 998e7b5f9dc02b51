import { PaverError } from './paver-error.js';

/** The API server's certificate is not trusted (unknown CA, hostname mismatch, expired). */
export class ClusterTlsError extends PaverError<{ context: string; server: string; reason: string }> {
  readonly code = 'ClusterTlsError';
}
