import { PaverError } from './paver-error.js';

/** A kubeconfig exec credential plugin failed, timed out, or printed no valid ExecCredential. */
export class ExecPluginError extends PaverError<{ command: string; user: string; stderr: string; exitCode: number | null }> {
  readonly code = 'ExecPluginError';
}
