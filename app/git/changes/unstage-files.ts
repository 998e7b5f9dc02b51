import git from 'isomorphic-git';
import { openRepository } from '../repository.js';

/**
 * Takes files out of the next commit; their content on disk is untouched (`git reset -- paths`).
 * @example await unstageFiles('/ws', ['services/checkout.yaml'])
 */
export async function unstageFiles(dir: string, filepaths: string[]): Promise<void> {
  const repository = openRepository(dir);
  for (const filepath of filepaths) await git.resetIndex({ ...repository, filepath });
}
