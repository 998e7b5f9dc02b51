import git from 'isomorphic-git';
import { openRepository } from '../repository.js';
import { resolveCommitAuthor, type GitIdentity } from '../commit-author.js';
import { NothingToCommitError, InvalidRequestError } from '../../errors/index.js';

/** A new commit. */
export interface CommitResult { commit: string; branch: string | undefined }

/**
 * Commits what is staged. Unstaged edits stay on disk, untouched, for a later commit.
 * `fallbackAuthor` comes from Paver's settings and is used only when Git config has no identity.
 * @example await commitStaged('/ws', { message: 'Pin checkout to web-service 1.5' })
 */
export async function commitStaged(dir: string, request: { message: string; fallbackAuthor?: GitIdentity; parents?: string[] }): Promise<CommitResult> {
  const repository = openRepository(dir);
  if (!request.message.trim()) throw new InvalidRequestError('A commit needs a message: say why the change was made.', { field: 'message' });
  const author = await resolveCommitAuthor(repository, request.fallbackAuthor);
  const branch = (await git.currentBranch({ ...repository })) ?? undefined;
  try {
    const commit = await git.commit({ ...repository, message: request.message, author, disallowEmpty: !request.parents, parent: request.parents });
    return { commit, branch };
  } catch (error) {
    if ((error as { code?: string }).code === 'EmptyCommitError') {
      throw new NothingToCommitError('Nothing is staged, so there is nothing to commit. Stage the files to include first.', { branch: branch ?? 'HEAD' });
    }
    throw error;
  }
}
