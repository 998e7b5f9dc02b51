import git from 'isomorphic-git';
import type { GitRepository } from './repository.js';
import { GitOperationError } from '../errors/index.js';

/**
 * Resolves a branch, tag (peeling annotated tags), `HEAD` or commit id to a commit id.
 * @example await resolveCommit(repo, 'templates/web-service/v1.4.0') // '3f2a…'
 */
export async function resolveCommit(repository: GitRepository, ref: string): Promise<string> {
  let oid: string;
  try {
    oid = /^[0-9a-f]{40}$/.test(ref) ? ref : await git.resolveRef({ ...repository, ref });
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') {
      throw new GitOperationError(`'${ref}' is not a branch, tag or commit in ${repository.dir}.`, { operation: 'resolve', path: repository.dir, detail: ref });
    }
    throw error;
  }
  for (let depth = 0; depth < 5; depth++) {
    const object = await git.readObject({ ...repository, oid, format: 'parsed' });
    if (object.type !== 'tag') return oid;
    oid = (object.object as { object: string }).object;
  }
  return oid;
}

/** The commit HEAD points at, or undefined before the first commit. */
export async function resolveHead(repository: GitRepository): Promise<string | undefined> {
  try {
    return await git.resolveRef({ ...repository, ref: 'HEAD' });
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return undefined;
    throw error;
  }
}
