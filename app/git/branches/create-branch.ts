import git from 'isomorphic-git';
import { openRepository } from '../repository.js';
import { resolveCommit } from '../resolve-commit.js';
import { BranchExistsError, InvalidRequestError } from '../../errors/index.js';

/**
 * Creates a branch at `startPoint` (default HEAD) without switching to it.
 * @example await createBranch('/ws', { branch: 'upgrade/web-service-2.0.0' })
 */
export async function createBranch(dir: string, request: { branch: string; startPoint?: string }): Promise<{ branch: string; commit: string }> {
  const repository = openRepository(dir);
  if (!/^(?!\/|.*(?:\.\.|\/\/|@\{|\.lock$|\/$))[^\s~^:?*[\\]+$/.test(request.branch)) {
    throw new InvalidRequestError(`'${request.branch}' is not a valid branch name (no spaces, '..', '~', '^', ':' or '?').`, { field: 'branch' });
  }
  if ((await git.listBranches({ ...repository })).includes(request.branch)) {
    throw new BranchExistsError(`A branch named '${request.branch}' already exists; pick another name or switch to it.`, { branch: request.branch });
  }
  const commit = await resolveCommit(repository, request.startPoint ?? 'HEAD');
  await git.writeRef({ ...repository, ref: `refs/heads/${request.branch}`, value: commit });
  return { branch: request.branch, commit };
}
