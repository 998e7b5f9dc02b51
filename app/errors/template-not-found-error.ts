import { PaverError } from './paver-error.js';

/** The workspace has no template folder with that name. */
export class TemplateNotFoundError extends PaverError<{ template: string }> {
  readonly code = 'TemplateNotFoundError';
}
