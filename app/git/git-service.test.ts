import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSampleWorkspace } from '../workspace/sample/create-sample-workspace.js';
import { defaultSampleDir } from '../workspace/sample/resources-dir.js';
import { startGitHttpBackend, type GitHttpBackend } from '../testing/git-http-backend.js';
import { runGit } from './testing/temp-repository.js';
import { ConfirmationRequiredError, DirtyWorkingTreeError, GitAuthError, InvalidRequestError, MergeConflictError } from '../errors/index.js';
import type { GitProgressEvent } from '../api/index.js';
import { GitService } from './git-service.js';

let parent: string;
let dir: string;
let remote: GitHttpBackend;
let url: string;
let service: GitService;
const progress: GitProgressEvent[] = [];
const file = 'services/checkout.yaml';

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'paver-git-service-'));
  dir = path.join(parent, 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
  remote = await startGitHttpBackend({ users: { alice: 's3cret' } });
  url = await remote.createRepository('acme.git');
  await runGit(dir, ['remote', 'add', 'origin', url]);
  service = new GitService({ workspaceDir: () => dir, inProcessStatus: true, fallbackAuthor: async () => ({ name: 'Settings Author', email: 'settings@example.com' }) });
  service.onGitProgress((event) => progress.push(event));
}, 60_000);
afterAll(async () => {
  await service.close();
  await remote.close();
  await rm(parent, { recursive: true, force: true });
});

describe('GitService on the open workspace', () => {
  it('shows an edit in the status and its line diff, stages, commits with the settings author, and lists it in the history', async () => {
    expect((await service.getStatus()).files).toEqual([]);
    const original = await readFile(path.join(dir, file), 'utf8');
    await writeFile(path.join(dir, file), original.replace('replicas: 1', 'replicas: 4'));
    service.onFilesChanged([{ kind: 'changed', path: file }]);
    const status = await service.getStatus();
    expect(status.branch).toBe('main');
    expect(status.files).toEqual([{ path: file, staged: ' ', workTree: 'M' }]);
    const diff = await service.diffFile({ path: file, side: 'unstaged' });
    expect(diff.oldText).toBe(original);
    expect(diff.hunks.flatMap((h) => h.lines).filter((l) => l.kind !== ' ').map((l) => l.kind + l.text.trim())).toEqual(expect.arrayContaining(['+replicas: 4']));
    expect((await service.stage({ paths: [file] })).files).toEqual([{ path: file, staged: 'M', workTree: ' ' }]);
    expect((await service.unstage({ paths: [file] })).files).toEqual([{ path: file, staged: ' ', workTree: 'M' }]);
    await service.stage({ paths: [file] });
    await expect(service.commit({ message: '  ' })).rejects.toThrow(InvalidRequestError);
    const committed = await service.commit({ message: 'Scale checkout to 4 replicas for the sale' });
    expect(committed.branch).toBe('main');
    expect((await service.getStatus()).files).toEqual([]);
    const history = await service.history({ path: file });
    expect(history[0]).toMatchObject({ commit: committed.commit, summary: 'Scale checkout to 4 replicas for the sale' });
    expect(history[0]!.author.name).not.toBe('');
    expect((await service.history({ template: 'web-service' })).length).toBeGreaterThan(0);
  });

  it('discards only when confirmed, and then puts the committed text back', async () => {
    const committed = await readFile(path.join(dir, file), 'utf8');
    await writeFile(path.join(dir, file), 'oops\n');
    service.onFilesChanged([{ kind: 'changed', path: file }]);
    await expect(service.discard({ paths: [file], confirmed: false })).rejects.toThrow(ConfirmationRequiredError);
    expect(await readFile(path.join(dir, file), 'utf8')).toBe('oops\n');
    expect((await service.discard({ paths: [file], confirmed: true })).files).toEqual([]);
    expect(await readFile(path.join(dir, file), 'utf8')).toBe(committed);
  });

  it('creates, switches (refusing a dirty switch that would lose edits) and deletes branches', async () => {
    const branches = await service.createBranch({ branch: 'experiment', switchTo: true });
    expect(branches.find((b) => b.current)?.name).toBe('experiment');
    await writeFile(path.join(dir, file), 'experiment\n');
    await runGit(dir, ['commit', '-qam', 'Experiment']);
    await writeFile(path.join(dir, file), 'unsaved idea\n');
    service.onFilesChanged([{ kind: 'changed', path: file }]);
    await expect(service.switchBranch({ branch: 'main' })).rejects.toThrow(DirtyWorkingTreeError);
    expect(await readFile(path.join(dir, file), 'utf8')).toBe('unsaved idea\n');
    await service.discard({ paths: [file], confirmed: true });
    expect((await service.switchBranch({ branch: 'main' })).branch).toBe('main');
    const after = await service.deleteBranch({ branch: 'experiment', force: true });
    expect(after.map((b) => b.name)).not.toContain('experiment');
  });

  it('asks for credentials, then pushes the branch with the template tags', async () => {
    await expect(service.push({})).rejects.toThrow(GitAuthError);
    await expect(service.setCredentials({ credentials: { token: '' } })).rejects.toThrow(InvalidRequestError);
    expect(await service.setCredentials({ credentials: { username: 'alice', password: 's3cret' } })).toEqual({ remote: 'origin', url });
    const pushed = await service.push({});
    expect(pushed.branch).toBe('main');
    expect(pushed.tags).toContain('templates/web-service/v2.0.0');
    const remoteRefs = await runGit(dir, ['ls-remote', url.replace('http://', 'http://alice:s3cret@')]);
    expect(remoteRefs).toContain('refs/tags/templates/web-service/v2.0.0');
    expect((await service.push({})).tags).toEqual([]);
    expect(await service.listRemotes()).toEqual([{ remote: 'origin', url }]);
  });

  it('reports pull progress, stops a conflicting pull with nothing changed, shows the three versions and commits the resolution with both parents', async () => {
    const clone = path.join(parent, 'teammate');
    await runGit(parent, ['clone', '-q', url.replace('http://', 'http://alice:s3cret@'), 'teammate']);
    await runGit(clone, ['-c', 'user.name=Mate', '-c', 'user.email=mate@example.com', 'commit', '-qm', 'noop', '--allow-empty']);
    await writeFile(path.join(clone, file), 'theirs\n');
    await runGit(clone, ['-c', 'user.name=Mate', '-c', 'user.email=mate@example.com', 'commit', '-qam', 'Teammate edit']);
    await runGit(clone, ['push', '-q', 'origin', 'main']);
    await writeFile(path.join(dir, file), 'ours\n');
    await service.stage({ paths: [file] });
    await service.commit({ message: 'Our edit' });
    const error = await service.pull({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeConflictError);
    expect(await readFile(path.join(dir, file), 'utf8')).toBe('ours\n');
    const data = (error as MergeConflictError).data;
    const conflicts = await service.readConflicts({ ours: data.ours, theirs: data.theirs });
    expect(conflicts.find((c) => c.path === file)).toMatchObject({ ours: 'ours\n', theirs: 'theirs\n', clean: false });
    const merged = await service.resolveConflicts({ theirs: data.theirs, resolutions: { [file]: 'ours and theirs\n' } });
    expect(await readFile(path.join(dir, file), 'utf8')).toBe('ours and theirs\n');
    const parents = (await runGit(dir, ['log', '-1', '--format=%P', merged.commit])).trim().split(' ');
    expect(parents).toEqual([data.ours, data.theirs]);
    expect((await service.push({})).branch).toBe('main');
    expect(progress.some((event) => event.operation === 'pull' && event.total !== undefined)).toBe(true);
  });
});
