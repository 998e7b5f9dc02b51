import { PaverError } from './paver-error.js';

/** A call named an unknown service or method, or passed arguments of the wrong shape. */
export class InvalidRequestError extends PaverError<{ service?: string; method?: string; field?: string }> {
  readonly code = 'InvalidRequestError';
}
