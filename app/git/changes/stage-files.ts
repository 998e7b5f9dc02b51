import git from 'isomorphic-git';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openRepository } from '../repository.js';

/**
 * Stages files for the next commit (`git add`; a deleted file stages its deletion).
 * @example await stageFiles('/ws', ['services/checkout.yaml'])
 */
export async function stageFiles(dir: string, filepaths: string[]): Promise<void> {
  const repository = openRepository(dir);
  for (const filepath of filepaths) {
    if (existsSync(path.join(repository.dir, filepath))) await git.add({ ...repository, filepath });
    else await git.remove({ ...repository, filepath });
  }
}
