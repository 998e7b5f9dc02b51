import { PaverError } from './paver-error.js';

/** One cause of a Kubernetes `Status` error, such as a field that failed validation (422). */
export interface ClusterErrorCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** The API server rejected a request with a `Status` that has no more specific Paver error (404, 409, 422, 5xx...). */
export class ClusterRequestError extends PaverError<{
  context: string; status: number; reason: string; causes: ClusterErrorCause[]; kind?: string; name?: string;
}> {
  readonly code = 'ClusterRequestError';
}
