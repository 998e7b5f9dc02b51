// The public API of app/git (issue 4), wrapped by the lead as GitApi. Every
// function takes the workspace folder first; errors are Paver error classes.
export { openRepository, forgetRepository, type GitRepository } from './repository.js';
export { resolveCommit, resolveHead } from './resolve-commit.js';
export { resolveCommitAuthor, type GitIdentity } from './commit-author.js';
export { gitCliVersion, runGitCli, setGitCliEnabled, type GitCliResult } from './git-cli.js';
// Status
export { createStatusService, defaultStatusWorkerUrl, type StatusService } from './status/status-service.js';
export { StatusEngine } from './status/status-engine.js';
export { cliStatus } from './status/cli-status.js';
export { isClean, type FileStatus, type StagedState, type WorkTreeState, type WorkingTreeStatus } from './status/status-types.js';
// Diff
export { diffLines, diffLineArrays, formatUnifiedDiff, splitLines, type DiffHunk, type DiffLine, type LineChange } from './diff/line-diff.js';
export { mergeText, type TextMergeResult } from './diff/merge-text.js';
export { diffWorkingFile, diffContents, type FileDiff } from './diff/diff-working-file.js';
export { listChangedFiles, diffFileBetween, type ChangedFile } from './diff/diff-commits.js';
// Changes and commits
export { stageFiles } from './changes/stage-files.js';
export { unstageFiles } from './changes/unstage-files.js';
export { discardChanges, type DiscardRequest } from './changes/discard-changes.js';
export { commitStaged, type CommitResult } from './changes/commit-staged.js';
// Branches and history
export { listBranches, type BranchInfo } from './branches/list-branches.js';
export { createBranch } from './branches/create-branch.js';
export { switchBranch, type SwitchBranchRequest } from './branches/switch-branch.js';
export { deleteBranch } from './branches/delete-branch.js';
export { fileHistory, templateHistory, type CommitSummary } from './history/file-history.js';
// Remotes and merges
export { fetchRemote, type FetchRequest } from './remotes/fetch-remote.js';
export { pullRemote, type PullRequest, type PullResult } from './remotes/pull-remote.js';
export { pushRemote, type PushRequest } from './remotes/push-remote.js';
export { isSshUrl } from './remotes/remote-transport.js';
export {
  InMemoryCredentialStore, EncryptedFileCredentialStore, credentialKey, toBasicAuth,
  type CredentialStore, type GitCredentials, type SecretCipher,
} from './remotes/credentials.js';
export { readConflictVersions, type ConflictVersions } from './merge/read-conflict-versions.js';
export { completeMerge, type CompleteMergeRequest } from './merge/complete-merge.js';
