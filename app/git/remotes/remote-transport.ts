// What fetch, pull and push share: finding the remote's URL, choosing HTTP
// (isomorphic-git) or SSH (git CLI), answering auth challenges and turning
// transport failures into Paver errors that say what to do.
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import type { GitRepository } from '../repository.js';
import { gitCliVersion, runGitCli, type GitCliResult } from '../git-cli.js';
import { toBasicAuth, type GitCredentials } from './credentials.js';
import { GitAuthError, GitOperationError, PushRejectedError, SshRemoteUnsupportedError } from '../../errors/index.js';

/** How to reach one remote. */
export interface RemoteTarget { remote: string; url: string; ssh: boolean }

/** True for `git@host:path`, `ssh://…` and `git+ssh://…` URLs. */
export function isSshUrl(url: string): boolean {
  return /^(ssh|git\+ssh):\/\//.test(url) || /^[\w.-]+@[\w.-]+:/.test(url);
}

/** Looks up the remote's URL; SSH remotes need the git CLI. */
export async function resolveRemote(repository: GitRepository, remote: string): Promise<RemoteTarget> {
  const url = await git.getConfig({ ...repository, path: `remote.${remote}.url` }) as string | undefined;
  if (!url) {
    throw new GitOperationError(`This repository has no remote named '${remote}'. Add it (git remote add ${remote} URL) and retry.`, { operation: 'remote', path: repository.dir, detail: remote });
  }
  const ssh = isSshUrl(url);
  if (ssh && !(await gitCliVersion())) {
    throw new SshRemoteUnsupportedError(`Remote '${remote}' (${url}) uses SSH, which needs the git command-line tool; install git, or switch the remote to an HTTPS URL.`, { remote, url });
  }
  return { remote, url, ssh };
}

/** isomorphic-git options for an HTTP(S) remote with optional credentials. */
export function httpOptions(credentials: GitCredentials | undefined) {
  return {
    http,
    onAuth: () => (credentials ? toBasicAuth(credentials) : { cancel: true }),
    onAuthFailure: () => ({ cancel: true }),
  };
}

/** Maps a transport failure to a Paver error naming the remote. */
export function toRemoteError(error: unknown, target: RemoteTarget, branch: string): unknown {
  const code = (error as { code?: string }).code;
  const data = (error as { data?: Record<string, any> }).data ?? {};
  if (code === 'UserCanceledError' || (code === 'HttpError' && (data.statusCode === 401 || data.statusCode === 403))) {
    return new GitAuthError(`Remote '${target.remote}' (${target.url}) rejected the credentials or needs some. Enter a username and password or token, then retry.`, { remote: target.remote, url: target.url });
  }
  if (code === 'PushRejectedError' || (code === 'GitPushError' && /non-fast-forward|fetch first|rejected/.test(String(data.prettyDetails ?? (error as Error).message)))) {
    return new PushRejectedError(
      `Remote '${target.remote}' rejected the push of '${branch}': it has commits you do not have yet. Pull first, then push again.`,
      { remote: target.remote, branch, hint: 'Pull, resolve any conflicts, then push again.' });
  }
  if (code === 'HttpError' || code === 'SmartHttpError' || (error as NodeJS.ErrnoException).code === 'ECONNREFUSED' || (error as { sshFailure?: boolean }).sshFailure) {
    return new GitOperationError(`Cannot reach remote '${target.remote}' (${target.url}): ${(error as Error).message}. Check the URL and your network, then retry.`, { operation: 'remote', detail: (error as Error).message });
  }
  return error;
}

/**
 * Runs a git CLI network command for an SSH remote without ever prompting (a GUI has no
 * terminal); failures become GitAuthError or GitOperationError naming the remote.
 */
export async function runSshGit(dir: string, target: RemoteTarget, args: string[]): Promise<GitCliResult> {
  const env = { GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes -o ConnectTimeout=15' };
  const result = await runGitCli(dir, args, { env, allowFailure: true });
  if (result.exitCode === 0) return result;
  if (/Permission denied|publickey|Host key verification failed/i.test(result.stderr)) {
    throw new GitAuthError(`Remote '${target.remote}' (${target.url}) refused the SSH key: ${result.stderr.trim().split('\n')[0]}. Add your key to the server (or the host to known_hosts), then retry.`, { remote: target.remote, url: target.url });
  }
  throw Object.assign(new Error(result.stderr.trim()), { code: 'GitPushError', data: { prettyDetails: result.stdout + result.stderr }, sshFailure: true });
}
