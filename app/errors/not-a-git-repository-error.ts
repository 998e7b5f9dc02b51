import { PaverError } from './paver-error.js';

/** The folder is not a Git repository; the UI offers `git init`. */
export class NotAGitRepositoryError extends PaverError<{ path: string }> {
  readonly code = 'NotAGitRepositoryError';
}
