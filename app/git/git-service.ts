// GitApi over the open workspace: a thin layer on app/git. Status comes from the
// stat-cache status service (a worker thread when its file is there) fed by the
// workspace watcher; remote credentials stay in this process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import git from 'isomorphic-git';
import type { FileChange, GitApi, GitBranch, GitCommitSummary, GitConflictFile, GitCredentialsInput, GitFileDiff, GitProgressEvent, GitPullResult, GitRemote, GitStatus } from '../api/index.js';
import { Emitter } from '../api/events.js';
import { InvalidRequestError, WorkspaceNotOpenError } from '../errors/index.js';
import { openRepository } from './repository.js';
import type { GitIdentity } from './commit-author.js';
import { createStatusService, defaultStatusWorkerUrl, type StatusService } from './status/status-service.js';
import { diffWorkingFile } from './diff/diff-working-file.js';
import { stageFiles } from './changes/stage-files.js';
import { unstageFiles } from './changes/unstage-files.js';
import { discardChanges } from './changes/discard-changes.js';
import { commitStaged } from './changes/commit-staged.js';
import { listBranches } from './branches/list-branches.js';
import { createBranch } from './branches/create-branch.js';
import { switchBranch } from './branches/switch-branch.js';
import { deleteBranch } from './branches/delete-branch.js';
import { fileHistory, templateHistory } from './history/file-history.js';
import { InMemoryCredentialStore, type CredentialStore } from './remotes/credentials.js';
import { addRemote } from './remotes/add-remote.js';
import { fetchRemote } from './remotes/fetch-remote.js';
import { pullRemote } from './remotes/pull-remote.js';
import { pushRemote } from './remotes/push-remote.js';
import { httpOptions } from './remotes/remote-transport.js';
import { readConflictVersions } from './merge/read-conflict-versions.js';
import { completeMerge } from './merge/complete-merge.js';

export interface GitServiceOptions {
  /** The open workspace's folder, or null. */
  workspaceDir: () => string | null;
  /** Commit identity when Git config has none (the settings' gitAuthorName/Email). */
  fallbackAuthor?: () => Promise<GitIdentity | undefined>;
  /** Where remote credentials live; default in memory (browser mode). */
  credentials?: CredentialStore;
  /** Run status on this thread instead of the worker (tests, or when the worker file is missing). */
  inProcessStatus?: boolean;
}

const toStatus = (status: { branch: string | undefined; head: string | undefined; files: GitStatus['files'] }): GitStatus => ({
  ...(status.branch ? { branch: status.branch } : {}), ...(status.head ? { head: status.head } : {}), files: status.files,
});

/** Git for the UI: every method works on the open workspace. */
export class GitService implements GitApi {
  private readonly progress = new Emitter<GitProgressEvent>();
  readonly onGitProgress = this.progress.event;
  private readonly credentials: CredentialStore;
  private statusService: Promise<StatusService> | undefined;
  /** Set after Paver itself changed files, so the next status re-checks everything. */
  private needsFull = true;

  constructor(private readonly options: GitServiceOptions) {
    this.credentials = options.credentials ?? new InMemoryCredentialStore();
  }

  private dir(): string {
    const dir = this.options.workspaceDir();
    if (!dir) throw new WorkspaceNotOpenError('Open a workspace (a Git repository) before using Git.', {});
    return dir;
  }

  private statuses(): Promise<StatusService> {
    if (!this.statusService) {
      const workerThere = existsSync(fileURLToPath(defaultStatusWorkerUrl()));
      this.statusService = createStatusService({ inProcess: this.options.inProcessStatus || !workerThere });
    }
    return this.statusService;
  }

  /** Feeds watcher events to the status cache. */
  onFilesChanged(changes: FileChange[]): void {
    const dir = this.options.workspaceDir();
    if (!dir || !this.statusService) return;
    void this.statusService.then((service) => service.invalidate(dir, changes.map((change) => change.path))).catch(() => { this.needsFull = true; });
  }

  /** The workspace changed: forget incremental status state. */
  onWorkspaceOpened(): void { this.needsFull = true; }

  async getStatus(): Promise<GitStatus> {
    const dir = this.dir();
    const full = this.needsFull;
    this.needsFull = false;
    return toStatus(await (await this.statuses()).status(dir, { full }));
  }

  private async afterChange(): Promise<GitStatus> {
    this.needsFull = true;
    return this.getStatus();
  }

  async diffFile(request: { path: string; side: 'staged' | 'unstaged' }): Promise<GitFileDiff> {
    const diff = await diffWorkingFile(this.dir(), request.path, request.side === 'staged' ? 'staged' : 'unstaged');
    return { path: diff.path, binary: diff.binary, hunks: diff.hunks, ...(diff.oldText !== undefined ? { oldText: diff.oldText } : {}), ...(diff.newText !== undefined ? { newText: diff.newText } : {}) };
  }

  async stage(request: { paths: string[] }): Promise<GitStatus> {
    await stageFiles(this.dir(), request.paths);
    return this.afterChange();
  }

  async unstage(request: { paths: string[] }): Promise<GitStatus> {
    await unstageFiles(this.dir(), request.paths);
    return this.afterChange();
  }

  async discard(request: { paths: string[]; confirmed: boolean; includeStaged?: boolean }): Promise<GitStatus> {
    await discardChanges(this.dir(), { paths: request.paths, confirmed: request.confirmed === true, includeStaged: request.includeStaged });
    return this.afterChange();
  }

  async commit(request: { message: string }): Promise<{ commit: string; branch?: string }> {
    if (!request.message?.trim()) throw new InvalidRequestError('Write a commit message that says why the change was made.', { field: 'message' });
    const result = await commitStaged(this.dir(), { message: request.message, fallbackAuthor: await this.options.fallbackAuthor?.() });
    this.needsFull = true;
    return { commit: result.commit, ...(result.branch ? { branch: result.branch } : {}) };
  }

  listBranches(): Promise<GitBranch[]> {
    return listBranches(this.dir());
  }

  async createBranch(request: { branch: string; startPoint?: string; switchTo?: boolean }): Promise<GitBranch[]> {
    const dir = this.dir();
    await createBranch(dir, { branch: request.branch, startPoint: request.startPoint });
    if (request.switchTo) await switchBranch(dir, { branch: request.branch, carryChanges: true });
    this.needsFull = true;
    return listBranches(dir);
  }

  async switchBranch(request: { branch: string; carryChanges?: boolean }): Promise<GitStatus> {
    await switchBranch(this.dir(), { branch: request.branch, carryChanges: request.carryChanges });
    return this.afterChange();
  }

  async deleteBranch(request: { branch: string; force?: boolean }): Promise<GitBranch[]> {
    await deleteBranch(this.dir(), { branch: request.branch, force: request.force });
    return listBranches(this.dir());
  }

  history(request: { path?: string; template?: string; depth?: number }): Promise<GitCommitSummary[]> {
    const depth = Math.min(Math.max(request.depth ?? 50, 1), 500);
    if (request.template) return templateHistory(this.dir(), request.template, { depth });
    return fileHistory(this.dir(), request.path || undefined, { depth });
  }

  async listRemotes(): Promise<GitRemote[]> {
    return git.listRemotes({ ...openRepository(this.dir()) });
  }

  async addRemote(request: { name: string; url: string }): Promise<GitRemote[]> {
    await addRemote(this.dir(), request);
    return this.listRemotes();
  }

  private async remoteUrl(remote: string): Promise<string> {
    const found = (await this.listRemotes()).find((entry) => entry.remote === remote);
    if (!found) throw new InvalidRequestError(`This repository has no remote named '${remote}'. Add it with: git remote add ${remote} URL`, { field: 'remote' });
    return found.url;
  }

  async setCredentials(request: { remote?: string; credentials: GitCredentialsInput }): Promise<{ remote: string; url: string }> {
    const remote = request.remote ?? 'origin';
    const credentials = request.credentials;
    const valid = credentials && ('token' in credentials ? !!credentials.token : !!credentials.username && typeof credentials.password === 'string');
    if (!valid) throw new InvalidRequestError('Enter a username and password, or a token.', { field: 'credentials' });
    const url = await this.remoteUrl(remote);
    await this.credentials.set(url, credentials);
    return { remote, url };
  }

  private async credentialsFor(remote: string) {
    return this.credentials.get(await this.remoteUrl(remote));
  }

  private reporter(operation: GitProgressEvent['operation']) {
    let lastPhase = '';
    let lastAt = 0;
    return (progress: { phase: string; loaded: number; total?: number }) => {
      // isomorphic-git reports per object (hundreds of events); a UI needs a few per second.
      const now = Date.now();
      if (progress.phase === lastPhase && now - lastAt < 100 && progress.loaded !== progress.total) return;
      lastPhase = progress.phase;
      lastAt = now;
      this.progress.fire({ operation, phase: progress.phase, loaded: progress.loaded, ...(progress.total ? { total: progress.total } : {}) });
    };
  }

  async fetch(request: { remote?: string }): Promise<{ remote: string }> {
    const remote = request.remote ?? 'origin';
    const result = await fetchRemote(this.dir(), { remote, credentials: await this.credentialsFor(remote), onProgress: this.reporter('fetch') });
    return { remote: result.remote };
  }

  async pull(request: { remote?: string }): Promise<GitPullResult> {
    const remote = request.remote ?? 'origin';
    const result = await pullRemote(this.dir(), {
      remote, credentials: await this.credentialsFor(remote), fallbackAuthor: await this.options.fallbackAuthor?.(), onProgress: this.reporter('pull'),
    });
    this.needsFull = true;
    return result;
  }

  async push(request: { remote?: string; pushTemplateTags?: boolean }): Promise<{ remote: string; branch: string; tags: string[] }> {
    const dir = this.dir();
    const remote = request.remote ?? 'origin';
    const credentials = await this.credentialsFor(remote);
    const tags = request.pushTemplateTags === false ? [] : await this.templateTagsMissingOn(dir, remote, credentials);
    return pushRemote(dir, { remote, tags, credentials, onProgress: this.reporter('push') });
  }

  /** Local `templates/*` tags the remote does not have yet (published versions to share). */
  private async templateTagsMissingOn(dir: string, remote: string, credentials: Awaited<ReturnType<CredentialStore['get']>>): Promise<string[]> {
    const repository = openRepository(dir);
    const local = (await git.listTags({ ...repository })).filter((tag) => tag.startsWith('templates/'));
    if (!local.length) return [];
    const url = await this.remoteUrl(remote);
    if (!/^https?:/i.test(url)) return local;
    try {
      const refs = await git.listServerRefs({ ...httpOptions(credentials), url, prefix: 'refs/tags/templates/' });
      const there = new Set(refs.map((ref) => ref.ref.replace(/^refs\/tags\//, '').replace(/\^\{\}$/, '')));
      return local.filter((tag) => !there.has(tag));
    } catch {
      return local; // The push itself reports an unreachable remote or missing credentials.
    }
  }

  async readConflicts(request: { ours: string; theirs: string }): Promise<GitConflictFile[]> {
    const files = await readConflictVersions(this.dir(), { ours: request.ours, theirs: request.theirs });
    return files.map((file) => ({
      path: file.path, merged: file.merged, clean: file.clean,
      ...(file.base !== undefined ? { base: file.base } : {}), ...(file.ours !== undefined ? { ours: file.ours } : {}), ...(file.theirs !== undefined ? { theirs: file.theirs } : {}),
    }));
  }

  async resolveConflicts(request: { theirs: string; resolutions: Record<string, string | null>; message?: string }): Promise<{ commit: string }> {
    const result = await completeMerge(this.dir(), { theirs: request.theirs, resolutions: request.resolutions, message: request.message, fallbackAuthor: await this.options.fallbackAuthor?.() });
    this.needsFull = true;
    return result;
  }

  async close(): Promise<void> {
    this.progress.dispose();
    const service = this.statusService;
    this.statusService = undefined;
    if (service) await (await service).close();
  }
}
