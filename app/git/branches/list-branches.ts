import git from 'isomorphic-git';
import { openRepository } from '../repository.js';

/** A local branch. */
export interface BranchInfo { name: string; commit: string; current: boolean }

/**
 * Local branches, the current one flagged.
 * @example await listBranches('/ws') // [{name: 'main', commit: '…', current: true}]
 */
export async function listBranches(dir: string): Promise<BranchInfo[]> {
  const repository = openRepository(dir);
  const current = await git.currentBranch({ ...repository });
  const names = await git.listBranches({ ...repository });
  return Promise.all(names.sort().map(async (name) => ({
    name, current: name === current, commit: await git.resolveRef({ ...repository, ref: `refs/heads/${name}` }),
  })));
}
