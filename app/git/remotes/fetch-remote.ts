import git from 'isomorphic-git';
import { openRepository } from '../repository.js';
import { httpOptions, resolveRemote, runSshGit, toRemoteError } from './remote-transport.js';
import type { GitCredentials } from './credentials.js';

/** What to fetch. */
export interface FetchRequest {
  remote?: string;
  /** Branch to fetch (default: all branches). */
  branch?: string;
  credentials?: GitCredentials;
  onProgress?: (progress: { phase: string; loaded: number; total?: number }) => void;
}

/**
 * Downloads new commits and tags from a remote into the remote-tracking refs; the working tree is untouched.
 * @example await fetchRemote('/ws', { remote: 'origin', credentials: { token } })
 */
export async function fetchRemote(dir: string, request: FetchRequest = {}): Promise<{ remote: string; fetchedHead: string | undefined }> {
  const repository = openRepository(dir);
  const target = await resolveRemote(repository, request.remote ?? 'origin');
  if (target.ssh) {
    try {
      await runSshGit(repository.dir, target, ['fetch', '--tags', target.remote, ...(request.branch ? [request.branch] : [])]);
    } catch (error) {
      throw toRemoteError(error, target, request.branch ?? '');
    }
    return { remote: target.remote, fetchedHead: undefined };
  }
  try {
    const result = await git.fetch({
      ...repository, ...httpOptions(request.credentials), remote: target.remote, tags: true,
      ...(request.branch ? { ref: request.branch, singleBranch: true } : {}),
      onProgress: request.onProgress,
    });
    return { remote: target.remote, fetchedHead: result.fetchHead ?? undefined };
  } catch (error) {
    throw toRemoteError(error, target, request.branch ?? '');
  }
}
