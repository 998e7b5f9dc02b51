import { PaverError } from './paver-error.js';

/** The remote refused a push, usually because the branch moved on; pull first, then push again. */
export class PushRejectedError extends PaverError<{ remote: string; branch: string; hint: string }> {
  readonly code = 'PushRejectedError';
}
