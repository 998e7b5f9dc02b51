import { PaverError } from './paver-error.js';

/** A version or version range is not valid semver. */
export class InvalidVersionError extends PaverError<{ value: string; field: string }> {
  readonly code = 'InvalidVersionError';
}
