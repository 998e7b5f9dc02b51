// The status of a working tree, in Git's own letters (as `git status --porcelain`).

/** Staged side: HEAD vs index. ' ' unchanged, M modified, A added, D deleted, T type changed, U conflicted. */
export type StagedState = ' ' | 'M' | 'A' | 'D' | 'T' | 'U';
/** Working-tree side: index vs files. ' ' unchanged, M modified, D deleted, T type changed, ? untracked, U conflicted. */
export type WorkTreeState = ' ' | 'M' | 'D' | 'T' | '?' | 'U';

/** One changed path. Clean paths are not listed. */
export interface FileStatus {
  path: string;
  staged: StagedState;
  workTree: WorkTreeState;
}

/** The status of a repository. */
export interface WorkingTreeStatus {
  /** Current branch, or undefined on a detached HEAD. */
  branch: string | undefined;
  /** HEAD commit, or undefined before the first commit. */
  head: string | undefined;
  /** Changed paths, sorted by path. */
  files: FileStatus[];
  /** Plain-language notes when a known limit may make the list inexact (e.g. .gitattributes line endings). */
  limits?: string[];
}

/** True when nothing is staged, modified, deleted or untracked. */
export function isClean(status: WorkingTreeStatus): boolean {
  return status.files.length === 0;
}
