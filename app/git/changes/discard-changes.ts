import git from 'isomorphic-git';
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { openRepository } from '../repository.js';
import { readGitIndex } from '../status/read-git-index.js';
import { resolveHead } from '../resolve-commit.js';
import { readBlobAt } from '../diff/diff-working-file.js';
import { writeFileAtomic } from '../../workspace/files/atomic-write.js';
import { ConfirmationRequiredError } from '../../errors/index.js';

/** What to discard. The UI asks the user first and passes `confirmed: true`. */
export interface DiscardRequest {
  paths: string[];
  confirmed: boolean;
  /** Also drop staged changes, going back to HEAD (default: back to the staged version). */
  includeStaged?: boolean;
}

/**
 * Throws away uncommitted edits to files (an untracked file is deleted). Irreversible, hence `confirmed`.
 * @example await discardChanges('/ws', { paths: ['services/a.yaml'], confirmed: true })
 */
export async function discardChanges(dir: string, request: DiscardRequest): Promise<void> {
  if (!request.confirmed) {
    throw new ConfirmationRequiredError(`Discarding changes to ${request.paths.join(', ')} cannot be undone; ask the user to confirm, then call again with confirmed: true.`,
      { operation: 'discard', files: request.paths });
  }
  const repository = openRepository(dir);
  if (request.includeStaged) for (const filepath of request.paths) await git.resetIndex({ ...repository, filepath });
  const index = new Map(readGitIndex(path.join(repository.gitdir, 'index')).filter((e) => e.stage === 0).map((e) => [e.path, e]));
  const head = await resolveHead(repository);
  for (const filepath of request.paths) {
    const absolute = path.join(repository.dir, filepath);
    const entry = index.get(filepath);
    if (!entry) {
      const inHead = await readBlobAt(repository, head, filepath);
      if (inHead === undefined) await rm(absolute, { force: true });
      continue;
    }
    const { blob } = await git.readBlob({ ...repository, oid: entry.oid });
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFileAtomic(absolute, blob);
    await chmod(absolute, entry.mode === 0o100755 ? 0o755 : 0o644);
  }
}
