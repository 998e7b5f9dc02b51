import { PaverError } from './paver-error.js';

/** The draft of a template does not render for some services that would pick it up, so it was not published. */
export class DraftRenderFailedError extends PaverError<{ template: string; failures: { service: string; environment: string; message: string }[] }> {
  readonly code = 'DraftRenderFailedError';
}
