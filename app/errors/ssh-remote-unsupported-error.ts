import { PaverError } from './paver-error.js';

/** An SSH remote needs the git command-line tool, which is not installed. */
export class SshRemoteUnsupportedError extends PaverError<{ remote: string; url: string }> {
  readonly code = 'SshRemoteUnsupportedError';
}
