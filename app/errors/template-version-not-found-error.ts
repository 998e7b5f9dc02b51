import { PaverError } from './paver-error.js';

/** No published version of a template matches the requested version or range. */
export class TemplateVersionNotFoundError extends PaverError<{ template: string; version: string; published: string[] }> {
  readonly code = 'TemplateVersionNotFoundError';
}
