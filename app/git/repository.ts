// One long-lived isomorphic-git cache per repository: without it every call
// re-reads the whole packfile (GIT-NOTES: 923 ms instead of 70 ms for 30 files).
import fs from 'node:fs';
import path from 'node:path';
import { NotAGitRepositoryError } from '../errors/index.js';

/** What every isomorphic-git call in Paver passes: fs, the work tree and the shared cache. */
export interface GitRepository {
  fs: typeof fs;
  dir: string;
  gitdir: string;
  cache: object;
}

const repositories = new Map<string, GitRepository>();

/**
 * Returns the shared handle for the repository at `dir` (its work-tree root).
 * @example const repo = openRepository('/home/me/acme-platform'); await git.log({ ...repo, depth: 10 });
 */
export function openRepository(dir: string): GitRepository {
  const root = path.resolve(dir);
  let repository = repositories.get(root);
  if (!repository) {
    const gitdir = path.join(root, '.git');
    if (!fs.existsSync(path.join(gitdir, 'HEAD'))) {
      throw new NotAGitRepositoryError(`${root} is not a Git repository (no .git folder). Initialise one to version templates.`, { path: root });
    }
    repository = { fs, dir: root, gitdir, cache: {} };
    repositories.set(root, repository);
  }
  return repository;
}

/** Drops the cached objects of a repository, e.g. after `git gc` repacked it outside Paver. */
export function forgetRepository(dir: string): void {
  repositories.delete(path.resolve(dir));
}
