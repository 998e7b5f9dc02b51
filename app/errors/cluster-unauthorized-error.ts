import { PaverError } from './paver-error.js';

/** The API server answered 401: the credentials of the kubeconfig user are missing, invalid or expired. */
export class ClusterUnauthorizedError extends PaverError<{ context: string; server: string; user: string; authKind: string }> {
  readonly code = 'ClusterUnauthorizedError';
}
