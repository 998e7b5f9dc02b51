import { PaverError } from './paver-error.js';

/** A path resolved outside the open workspace (through `..`, an absolute path or a symlink). */
export class PathOutsideWorkspaceError extends PaverError<{ path: string; workspace: string }> {
  readonly code = 'PathOutsideWorkspaceError';
}
