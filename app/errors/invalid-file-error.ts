import { PaverError } from './paver-error.js';

/** A workspace file could not be parsed or does not match its schema. */
export class InvalidFileError extends PaverError<{ file: string; line?: number; column?: number; field?: string }> {
  readonly code = 'InvalidFileError';
}
