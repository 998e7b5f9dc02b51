import type { ApiEvent } from './events.js';

/** Staged side: HEAD vs index. ' ' unchanged, M modified, A added, D deleted, T type changed, U conflicted. */
export type GitStagedState = ' ' | 'M' | 'A' | 'D' | 'T' | 'U';
/** Working-tree side: index vs files. ' ' unchanged, M modified, D deleted, T type changed, ? untracked, U conflicted. */
export type GitWorkTreeState = ' ' | 'M' | 'D' | 'T' | '?' | 'U';

/** One changed path (clean paths are not listed). */
export interface GitFileStatus {
  path: string;
  staged: GitStagedState;
  workTree: GitWorkTreeState;
}

/** The working tree of the open workspace. */
export interface GitStatus {
  /** Current branch; absent on a detached HEAD. */
  branch?: string;
  /** HEAD commit; absent before the first commit. */
  head?: string;
  files: GitFileStatus[];
}

/** One line of a hunk: ' ' context, '-' removed, '+' added. */
export interface GitDiffLine { kind: ' ' | '-' | '+'; text: string; oldLine?: number; newLine?: number }
/** A run of changes with context, like a unified-diff `@@` block. */
export interface GitDiffHunk { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: GitDiffLine[] }

/** Old and new text of one file and its line diff. Absent text means the file does not exist on that side. */
export interface GitFileDiff {
  path: string;
  oldText?: string;
  newText?: string;
  binary: boolean;
  hunks: GitDiffHunk[];
}

/** A local branch. */
export interface GitBranch { name: string; commit: string; current: boolean }

/** One commit in a history list. */
export interface GitCommitSummary {
  commit: string;
  summary: string;
  message: string;
  author: { name: string; email: string };
  date: string;
  parents: string[];
}

/** A configured remote. */
export interface GitRemote { remote: string; url: string }

/** Basic auth or a token. Kept in the core (in memory in browser mode), never sent back. */
export type GitCredentialsInput = { username: string; password: string } | { token: string; username?: string };

/** Progress of a fetch, pull or push. */
export interface GitProgressEvent {
  operation: 'fetch' | 'pull' | 'push';
  phase: string;
  loaded: number;
  total?: number;
}

/** A file both sides of a pull changed, with the three versions and a suggested line merge. */
export interface GitConflictFile {
  path: string;
  base?: string;
  ours?: string;
  theirs?: string;
  merged: string;
  clean: boolean;
}

/** Outcome of a pull. */
export interface GitPullResult {
  outcome: 'up-to-date' | 'fast-forward' | 'merged';
  branch: string;
  head: string;
}

/** Git on the open workspace: changes, diffs, commits, branches, history and remotes. */
export interface GitApi {
  getStatus(): Promise<GitStatus>;
  /** Line diff of a working file: `staged` is HEAD vs index, `unstaged` index vs file. */
  diffFile(request: { path: string; side: 'staged' | 'unstaged' }): Promise<GitFileDiff>;
  stage(request: { paths: string[] }): Promise<GitStatus>;
  unstage(request: { paths: string[] }): Promise<GitStatus>;
  /** Throws edits away; refused unless `confirmed` (the UI asks the user first). */
  discard(request: { paths: string[]; confirmed: boolean; includeStaged?: boolean }): Promise<GitStatus>;
  /** Commits what is staged; the author comes from Git config, else from the settings. */
  commit(request: { message: string }): Promise<{ commit: string; branch?: string }>;
  listBranches(): Promise<GitBranch[]>;
  createBranch(request: { branch: string; startPoint?: string; switchTo?: boolean }): Promise<GitBranch[]>;
  /** Refuses with DirtyWorkingTreeError on uncommitted edits unless `carryChanges` can carry them safely. */
  switchBranch(request: { branch: string; carryChanges?: boolean }): Promise<GitStatus>;
  deleteBranch(request: { branch: string; force?: boolean }): Promise<GitBranch[]>;
  /** Commits touching a file, a template (`templates/<name>/`), or all commits, newest first. */
  history(request: { path?: string; template?: string; depth?: number }): Promise<GitCommitSummary[]>;
  listRemotes(): Promise<GitRemote[]>;
  /** Adds a remote (`git remote add`); a name already in use is refused. */
  addRemote(request: { name: string; url: string }): Promise<GitRemote[]>;
  /** Remembers credentials for a remote's host (in memory in browser mode). */
  setCredentials(request: { remote?: string; credentials: GitCredentialsInput }): Promise<{ remote: string; url: string }>;
  fetch(request: { remote?: string }): Promise<{ remote: string }>;
  /** Safe pull; a conflict throws MergeConflictError {files, ours, theirs} with nothing changed. */
  pull(request: { remote?: string }): Promise<GitPullResult>;
  /** Pushes the current branch and, by default, the template version tags the remote lacks. */
  push(request: { remote?: string; pushTemplateTags?: boolean }): Promise<{ remote: string; branch: string; tags: string[] }>;
  /** The three versions of each file a conflicted pull touched on both sides. */
  readConflicts(request: { ours: string; theirs: string }): Promise<GitConflictFile[]>;
  /** Commits the merge of `theirs` with the user's resolutions, with both parents. */
  resolveConflicts(request: { theirs: string; resolutions: Record<string, string | null>; message?: string }): Promise<{ commit: string }>;
  onGitProgress: ApiEvent<GitProgressEvent>;
}
