import { PaverError } from './paver-error.js';

/** A template version tag already exists; published versions are immutable, pick the next version. */
export class VersionAlreadyPublishedError extends PaverError<{ template: string; version: string }> {
  readonly code = 'VersionAlreadyPublishedError';
}
