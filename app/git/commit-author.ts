import git from 'isomorphic-git';
import type { GitRepository } from './repository.js';
import { gitCliVersion, runGitCli } from './git-cli.js';
import { InvalidRequestError } from '../errors/index.js';

/** Who a commit or tag is recorded as. */
export interface GitIdentity { name: string; email: string }

/**
 * The identity for new commits: the repository's Git config, then the user's global Git config
 * (through the git CLI when installed), then `fallback` from Paver's settings.
 * @example const author = await resolveCommitAuthor(repo, { name: 'Ada', email: 'ada@example.com' });
 */
export async function resolveCommitAuthor(repository: GitRepository, fallback?: GitIdentity): Promise<GitIdentity> {
  let name = await git.getConfig({ ...repository, path: 'user.name' }) as string | undefined;
  let email = await git.getConfig({ ...repository, path: 'user.email' }) as string | undefined;
  if ((!name || !email) && await gitCliVersion()) {
    name ||= (await runGitCli(repository.dir, ['config', '--get', 'user.name'], { allowFailure: true })).stdout.trim() || undefined;
    email ||= (await runGitCli(repository.dir, ['config', '--get', 'user.email'], { allowFailure: true })).stdout.trim() || undefined;
  }
  name ||= fallback?.name;
  email ||= fallback?.email;
  if (!name || !email) {
    throw new InvalidRequestError('No author name and email for the commit: set them in Settings (or `git config --global user.name/user.email`), then retry.', { field: 'author' });
  }
  return { name, email };
}
