import git from 'isomorphic-git';
import { openRepository } from '../repository.js';
import { BranchNotFoundError, InvalidRequestError } from '../../errors/index.js';

/**
 * Deletes a local branch. Refuses the current branch, and a branch whose commits are not
 * in the current branch unless `force` (those commits would become unreachable).
 * @example await deleteBranch('/ws', { branch: 'old-experiment', force: false })
 */
export async function deleteBranch(dir: string, request: { branch: string; force?: boolean }): Promise<void> {
  const repository = openRepository(dir);
  const branches = await git.listBranches({ ...repository });
  if (!branches.includes(request.branch)) throw new BranchNotFoundError(`There is no branch '${request.branch}'.`, { branch: request.branch });
  const current = await git.currentBranch({ ...repository });
  if (current === request.branch) {
    throw new InvalidRequestError(`'${request.branch}' is the current branch; switch to another branch before deleting it.`, { field: 'branch' });
  }
  if (!request.force) {
    const tip = await git.resolveRef({ ...repository, ref: `refs/heads/${request.branch}` });
    const head = await git.resolveRef({ ...repository, ref: 'HEAD' });
    const merged = tip === head || await git.isDescendent({ ...repository, oid: head, ancestor: tip, depth: -1 });
    if (!merged) {
      throw new InvalidRequestError(`'${request.branch}' has commits that are not in '${current ?? 'HEAD'}'; merge it first, or delete with force to drop them.`, { field: 'branch' });
    }
  }
  await git.deleteBranch({ ...repository, ref: request.branch });
}
