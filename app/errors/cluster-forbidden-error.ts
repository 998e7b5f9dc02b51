import { PaverError } from './paver-error.js';

/** The API server answered 403: RBAC does not allow this user the verb on the resource. */
export class ClusterForbiddenError extends PaverError<{
  context: string; user: string; verb: string; resource: string; namespace?: string; name?: string;
}> {
  readonly code = 'ClusterForbiddenError';
}
