import git from 'isomorphic-git';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { openRepository, type GitRepository } from '../repository.js';
import { readBlobAt } from '../diff/diff-working-file.js';
import { writeFileAtomic } from '../../workspace/files/atomic-write.js';
import { sharedStatusEngine } from '../status/status-engine.js';
import { listChangedFiles } from '../diff/diff-commits.js';
import { resolveCommitAuthor, type GitIdentity } from '../commit-author.js';
import { fetchRemote } from './fetch-remote.js';
import { gitCliVersion, runGitCli } from '../git-cli.js';
import type { GitCredentials } from './credentials.js';
import { DirtyWorkingTreeError, InvalidRequestError, MergeConflictError } from '../../errors/index.js';

// After a failed checkout, files the checkout already wrote hold the incoming version.
// Put exactly those back to HEAD's version; a file holding anything else is the
// user's (edited mid-pull) and is left alone. Never a forced checkout.
async function undoPartialCheckout(repository: GitRepository, head: string, theirs: string): Promise<void> {
  for (const change of await listChangedFiles(repository.dir, head, theirs)) {
    const absolute = path.join(repository.dir, change.path);
    const incoming = await readBlobAt(repository, theirs, change.path);
    const onDisk = existsSync(absolute) ? await readFile(absolute) : undefined;
    const wroteIncoming = incoming === undefined ? onDisk === undefined : onDisk !== undefined && Buffer.from(incoming).equals(onDisk);
    if (!wroteIncoming) continue;
    const original = await readBlobAt(repository, head, change.path);
    if (original === undefined) await rm(absolute, { force: true });
    else {
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFileAtomic(absolute, original);
    }
    await git.resetIndex({ ...repository, filepath: change.path });
  }
}

/** What to pull. */
export interface PullRequest {
  remote?: string;
  credentials?: GitCredentials;
  /** Identity for a merge commit when Git config has none. */
  fallbackAuthor?: GitIdentity;
  onProgress?: (progress: { phase: string; loaded: number; total?: number }) => void;
  /** Update files with the git CLI when installed (much faster on large trees); default true. */
  useGitCli?: boolean;
}

/** Outcome of a pull. */
export interface PullResult {
  outcome: 'up-to-date' | 'fast-forward' | 'merged';
  branch: string;
  head: string;
}

/**
 * Pulls the current branch the safe way (GIT-NOTES): refuse a dirty tree, remember HEAD, fetch,
 * merge with abortOnConflict, check out, and put the branch back on any failure. A conflict throws
 * MergeConflictError {files, ours, theirs} with nothing changed; resolve it with readConflictVersions
 * and completeMerge.
 * @example await pullRemote('/ws', { remote: 'origin', credentials: { token } })
 */
export async function pullRemote(dir: string, request: PullRequest = {}): Promise<PullResult> {
  const repository = openRepository(dir);
  const branch = await git.currentBranch({ ...repository });
  if (!branch) throw new InvalidRequestError('HEAD is detached; switch to a branch before pulling.', { field: 'branch' });
  const status = await sharedStatusEngine(repository.dir).status({ full: true });
  const changed = status.files.filter((file) => file.workTree !== '?' || file.staged !== ' ').map((file) => file.path);
  if (changed.length) {
    throw new DirtyWorkingTreeError(
      `Pull needs your changes committed first: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''} ${changed.length === 1 ? 'is' : 'are'} uncommitted. Commit (or discard) them, then pull.`,
      { files: changed, operation: 'pull' });
  }
  const head = await git.resolveRef({ ...repository, ref: `refs/heads/${branch}` });
  const { remote } = await fetchRemote(repository.dir, { remote: request.remote, branch, credentials: request.credentials, onProgress: request.onProgress });
  let theirs: string;
  try {
    theirs = await git.resolveRef({ ...repository, ref: `refs/remotes/${remote}/${branch}` });
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return { outcome: 'up-to-date', branch, head };
    throw error;
  }
  if (theirs === head || await git.isDescendent({ ...repository, oid: head, ancestor: theirs, depth: -1 })) return { outcome: 'up-to-date', branch, head };
  const untracked = status.files.filter((file) => file.workTree === '?').map((file) => file.path);
  if (untracked.length) {
    const incoming = new Set((await listChangedFiles(repository.dir, head, theirs)).filter((c) => c.change === 'added').map((c) => c.path));
    const collide = untracked.filter((file) => incoming.has(file) && existsSync(path.join(repository.dir, file)));
    if (collide.length) {
      throw new DirtyWorkingTreeError(`The pull would overwrite untracked files: ${collide.join(', ')}. Move or commit them first.`, { files: collide, operation: 'pull' });
    }
  }
  const author = await resolveCommitAuthor(repository, request.fallbackAuthor);
  try {
    const result = await git.merge({ ...repository, ours: branch, theirs, abortOnConflict: true, author, message: `Merge ${remote}/${branch} into ${branch}` });
    // A clean merge moves the branch only; check out so files and index follow (else the
    // incoming changes would look like staged reverts).
    const merged = await git.resolveRef({ ...repository, ref: `refs/heads/${branch}` });
    // Two-tree read-tree moves index and files from the old HEAD to the merge, refusing to touch local edits.
    if (request.useGitCli !== false && await gitCliVersion()) await runGitCli(repository.dir, ['read-tree', '-m', '-u', head, merged]);
    else await git.checkout({ ...repository, ref: branch });
    return { outcome: result.fastForward ? 'fast-forward' : 'merged', branch, head: await git.resolveRef({ ...repository, ref: `refs/heads/${branch}` }) };
  } catch (error) {
    await git.writeRef({ ...repository, ref: `refs/heads/${branch}`, value: head, force: true });
    if ((error as { code?: string }).code === 'MergeConflictError') {
      const files = ((error as { data?: { filepaths?: string[] } }).data?.filepaths ?? []).slice().sort();
      throw new MergeConflictError(
        `Pulling ${remote}/${branch} conflicts with your commits in ${files.join(', ')}. Nothing was changed; resolve each file from its three versions and commit the merge.`,
        { files, ours: head, theirs });
    }
    await undoPartialCheckout(repository, head, theirs);
    throw error;
  }
}
