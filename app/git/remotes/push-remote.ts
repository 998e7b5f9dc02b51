import git from 'isomorphic-git';
import { openRepository } from '../repository.js';
import { httpOptions, resolveRemote, runSshGit, toRemoteError } from './remote-transport.js';
import type { GitCredentials } from './credentials.js';
import { InvalidRequestError } from '../../errors/index.js';

/** What to push. */
export interface PushRequest {
  remote?: string;
  /** Branch to push (default: the current branch). */
  branch?: string;
  /** Tags to push as well, e.g. newly published `templates/web-service/v1.5.0`. */
  tags?: string[];
  credentials?: GitCredentials;
  onProgress?: (progress: { phase: string; loaded: number; total?: number }) => void;
}

/**
 * Uploads a branch (and tags) to a remote. A stale branch is rejected with PushRejectedError:
 * pull first. Never forces.
 * @example await pushRemote('/ws', { remote: 'origin', tags: ['templates/web-service/v1.5.0'], credentials })
 */
export async function pushRemote(dir: string, request: PushRequest = {}): Promise<{ remote: string; branch: string; tags: string[] }> {
  const repository = openRepository(dir);
  const branch = request.branch ?? await git.currentBranch({ ...repository }) ?? undefined;
  if (!branch) throw new InvalidRequestError('HEAD is detached, so there is no branch to push; create a branch first.', { field: 'branch' });
  const target = await resolveRemote(repository, request.remote ?? 'origin');
  const tags = request.tags ?? [];
  if (target.ssh) {
    try {
      await runSshGit(repository.dir, target, ['push', '--porcelain', target.remote, `refs/heads/${branch}:refs/heads/${branch}`, ...tags.map((tag) => `refs/tags/${tag}:refs/tags/${tag}`)]);
    } catch (error) {
      throw toRemoteError(error, target, branch);
    }
    return { remote: target.remote, branch, tags };
  }
  try {
    for (const ref of [`refs/heads/${branch}`, ...tags.map((tag) => `refs/tags/${tag}`)]) {
      const result = await git.push({ ...repository, ...httpOptions(request.credentials), remote: target.remote, ref, remoteRef: ref, onProgress: request.onProgress });
      const status = result.refs[ref];
      if (!result.ok || (status && !status.ok)) {
        throw Object.assign(new Error(status?.error ?? result.error ?? 'push failed'), { code: 'PushRejectedError', data: { reason: status?.error } });
      }
    }
  } catch (error) {
    throw toRemoteError(error, target, branch);
  }
  return { remote: target.remote, branch, tags };
}
