import { PaverError } from './paver-error.js';

/** A merge or pull stopped on conflicts; nothing was changed, resolve the listed files from their three versions. */
export class MergeConflictError extends PaverError<{ files: string[]; ours: string; theirs: string }> {
  readonly code = 'MergeConflictError';
}
