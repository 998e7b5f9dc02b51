import git from 'isomorphic-git';
import { InvalidRequestError } from '../../errors/index.js';
import { openRepository } from '../repository.js';

const remoteName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const remoteUrl = /^(https?:\/\/\S+|ssh:\/\/\S+|[\w.-]+@[\w.-]+:\S+|git:\/\/\S+|file:\/\/\S+|\/\S+)$/;

/**
 * Adds a remote (like `git remote add NAME URL`), refusing a name already in
 * use rather than silently repointing it.
 * @example await addRemote('/ws', { name: 'origin', url: 'https://git.acme.dev/platform.git' });
 */
export async function addRemote(dir: string, request: { name: string; url: string }): Promise<void> {
  const name = request.name?.trim() ?? '';
  const url = request.url?.trim() ?? '';
  if (!remoteName.test(name)) {
    throw new InvalidRequestError(`'${name}' is not a valid remote name: use letters, digits, '.', '_' or '-', such as origin.`, { field: 'name' });
  }
  if (!remoteUrl.test(url)) {
    throw new InvalidRequestError(`'${url}' is not a Git remote URL: use https://host/path.git, ssh://…, user@host:path or an absolute path.`, { field: 'url' });
  }
  const repository = openRepository(dir);
  const existing = (await git.listRemotes(repository)).find((remote) => remote.remote === name);
  if (existing) {
    throw new InvalidRequestError(`A remote named '${name}' already exists (${existing.url}); choose another name or remove it first.`, { field: 'name' });
  }
  await git.addRemote({ ...repository, remote: name, url });
}
