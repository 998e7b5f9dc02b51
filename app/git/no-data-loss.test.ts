// Every scenario here checks byte for byte that nothing the user wrote is lost
// (issue 4, "No-data-loss tests"). Publishing with a dirty tree is covered in
// app/workspace/publish/publish-template-version.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startGitHttpBackend, type GitHttpBackend } from '../testing/git-http-backend.js';
import { commitFiles, createTempRepository, runGit, writeFiles } from './testing/temp-repository.js';
import { pullRemote } from './remotes/pull-remote.js';
import { pushRemote } from './remotes/push-remote.js';
import { switchBranch } from './branches/switch-branch.js';
import { createBranch } from './branches/create-branch.js';
import { stageFiles } from './changes/stage-files.js';
import { commitStaged } from './changes/commit-staged.js';
import { StatusEngine } from './status/status-engine.js';
import { writeFileAtomic, isAtomicWriteTempFile } from '../workspace/files/atomic-write.js';
import { DirtyWorkingTreeError, MergeConflictError, PushRejectedError } from '../errors/index.js';

let remote: GitHttpBackend;
const credentials = { username: 'alice', password: 's3cret' };
const cleanup: string[] = [];
// Content a user typed, including bytes editors and encodings care about.
const precious = Buffer.from('# my notes\r\nreplicas: 3 # tuned after the incident\n\u00e9t\u00e9 \u2603\n\u0000tail', 'utf8');

async function pair(name: string): Promise<{ mine: string; theirs: string }> {
  const url = await remote.createRepository(`${name}.git`);
  const mine = await createTempRepository({ 'services/a.yaml': 'a: 1\n', 'services/b.yaml': 'b: 1\n' });
  await runGit(mine, ['remote', 'add', 'origin', url]);
  await pushRemote(mine, { credentials });
  const parent = await mkdtemp(path.join(os.tmpdir(), 'paver-mate-'));
  await runGit(parent, ['clone', '-q', url.replace('http://', 'http://alice:s3cret@'), 'clone']);
  const theirs = path.join(parent, 'clone');
  cleanup.push(mine, parent);
  return { mine, theirs };
}
const bytes = (dir: string, file: string) => readFile(path.join(dir, file));
const head = async (dir: string) => (await runGit(dir, ['rev-parse', 'HEAD'])).trim();

beforeAll(async () => { remote = await startGitHttpBackend({ users: { alice: 's3cret' } }); });
afterAll(async () => {
  await remote.close();
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

describe('no data loss', () => {
  it('a pull conflicting with local edits keeps every edit, committed or not', async () => {
    const { mine, theirs } = await pair('conflict');
    await commitFiles(theirs, { 'services/a.yaml': 'a: theirs\n' }, 'Theirs edits a');
    await runGit(theirs, ['push', '-q', 'origin', 'main']);
    await commitFiles(mine, { 'services/a.yaml': 'a: mine, committed\n' }, 'Mine edits a');
    await writeFile(path.join(mine, 'services/b.yaml'), precious); // unrelated uncommitted edit (the abortOnConflict:false trap)
    const before = await head(mine);
    await expect(pullRemote(mine, { credentials })).rejects.toThrow(DirtyWorkingTreeError);
    expect(await bytes(mine, 'services/b.yaml')).toEqual(precious);
    await stageFiles(mine, ['services/b.yaml']);
    await commitStaged(mine, { message: 'Save b' });
    const committed = await head(mine);
    await expect(pullRemote(mine, { credentials })).rejects.toThrow(MergeConflictError);
    expect(await head(mine)).toBe(committed);
    expect(committed).not.toBe(before);
    expect(await bytes(mine, 'services/b.yaml')).toEqual(precious);
    expect((await bytes(mine, 'services/a.yaml')).toString()).toBe('a: mine, committed\n');
    expect((await new StatusEngine(mine).status({ full: true })).files).toEqual([]);
  });

  it('a pull that touches a locally modified file refuses and leaves file and branch as they were', async () => {
    const { mine, theirs } = await pair('touch');
    await commitFiles(theirs, { 'services/b.yaml': 'b: incoming\n' }, 'Theirs edits b');
    await runGit(theirs, ['push', '-q', 'origin', 'main']);
    await writeFile(path.join(mine, 'services/b.yaml'), precious);
    const before = await head(mine);
    const error = await pullRemote(mine, { credentials }).catch((e: unknown) => e) as DirtyWorkingTreeError;
    expect(error).toBeInstanceOf(DirtyWorkingTreeError);
    expect(error.data.files).toEqual(['services/b.yaml']);
    expect(await bytes(mine, 'services/b.yaml')).toEqual(precious);
    expect(await head(mine)).toBe(before);
    expect((await runGit(mine, ['status', '--porcelain'])).trim()).toBe('M services/b.yaml');
  });

  it('a branch switch with a dirty tree refuses, and a carrying switch keeps staged and unstaged bytes', async () => {
    const dir = await createTempRepository({ 'services/a.yaml': 'a: 1\n', 'services/b.yaml': 'b: 1\n' });
    cleanup.push(dir);
    await createBranch(dir, { branch: 'other' });
    await runGit(dir, ['checkout', '-q', 'other']);
    await commitFiles(dir, { 'services/b.yaml': 'b: other\n' }, 'Other edits b');
    await runGit(dir, ['checkout', '-q', 'main']);
    await writeFile(path.join(dir, 'services/b.yaml'), precious);
    await writeFile(path.join(dir, 'services/a.yaml'), precious);
    await runGit(dir, ['add', 'services/a.yaml']);
    await expect(switchBranch(dir, { branch: 'other' })).rejects.toThrow(DirtyWorkingTreeError);
    await expect(switchBranch(dir, { branch: 'other', carryChanges: true })).rejects.toThrow(DirtyWorkingTreeError);
    expect(await bytes(dir, 'services/b.yaml')).toEqual(precious);
    expect(await bytes(dir, 'services/a.yaml')).toEqual(precious);
    await runGit(dir, ['checkout', '-q', 'HEAD', '--', 'services/b.yaml']);
    await switchBranch(dir, { branch: 'other', carryChanges: true, useGitCli: false });
    expect(await bytes(dir, 'services/a.yaml')).toEqual(precious);
    expect((await bytes(dir, 'services/b.yaml')).toString()).toBe('b: other\n');
  });

  it('an external edit during a commit stays on disk; the commit records what was staged', async () => {
    const dir = await createTempRepository({ 'services/a.yaml': 'a: 1\n' });
    cleanup.push(dir);
    await writeFiles(dir, { 'services/a.yaml': 'a: staged\n' });
    await stageFiles(dir, ['services/a.yaml']);
    const committing = commitStaged(dir, { message: 'Commit staged a' });
    await writeFile(path.join(dir, 'services/a.yaml'), precious); // another editor saves meanwhile
    const { commit } = await committing;
    expect(await runGit(dir, ['show', `${commit}:services/a.yaml`])).toBe('a: staged\n');
    expect(await bytes(dir, 'services/a.yaml')).toEqual(precious);
    const status = await new StatusEngine(dir).status({ full: true });
    expect(status.files).toEqual([{ path: 'services/a.yaml', staged: ' ', workTree: 'M' }]);
  });

  it('a push rejected as stale keeps the local commit and files, and succeeds after a pull', async () => {
    const { mine, theirs } = await pair('stale');
    await commitFiles(theirs, { 'services/b.yaml': 'b: theirs first\n' }, 'Theirs pushes first');
    await runGit(theirs, ['push', '-q', 'origin', 'main']);
    await writeFile(path.join(mine, 'services/a.yaml'), precious);
    await stageFiles(mine, ['services/a.yaml']);
    const { commit } = await commitStaged(mine, { message: 'Mine' });
    const error = await pushRemote(mine, { credentials }).catch((e: unknown) => e) as PushRejectedError;
    expect(error).toBeInstanceOf(PushRejectedError);
    expect(error.data).toMatchObject({ remote: 'origin', branch: 'main' });
    expect(await head(mine)).toBe(commit);
    expect(await bytes(mine, 'services/a.yaml')).toEqual(precious);
    await pullRemote(mine, { credentials });
    await pushRemote(mine, { credentials });
    await runGit(theirs, ['pull', '-q', 'origin', 'main']);
    expect(await bytes(theirs, 'services/a.yaml')).toEqual(precious);
  });

  it('a crash between writing the temp file and renaming it never replaces or loses the original', async () => {
    const dir = await createTempRepository({ 'services/a.yaml': 'a: 1\n' });
    cleanup.push(dir);
    await writeFile(path.join(dir, 'services/a.yaml'), precious);
    // The crash: writeFileAtomic's temp file exists with half the new content, the rename never ran.
    const leftover = path.join(dir, 'services', '.a.yaml.paver-0123456789ab.tmp');
    await writeFile(leftover, 'a: half-writ');
    expect(isAtomicWriteTempFile('services/.a.yaml.paver-0123456789ab.tmp')).toBe(true);
    expect(await bytes(dir, 'services/a.yaml')).toEqual(precious);
    // The leftover is visible to the user (untracked), never committed by staging named files.
    const status = await new StatusEngine(dir).status({ full: true });
    expect(status.files.map((f) => `${f.workTree} ${f.path}`)).toEqual(['? services/.a.yaml.paver-0123456789ab.tmp', 'M services/a.yaml']);
    await stageFiles(dir, ['services/a.yaml']);
    const { commit } = await commitStaged(dir, { message: 'Save a' });
    expect(Buffer.from(await runGit(dir, ['show', `${commit}:services/a.yaml`]), 'utf8').equals(precious)).toBe(true);
    // The next save goes through its own temp file; the stale one cannot overwrite the result.
    await writeFileAtomic(path.join(dir, 'services/a.yaml'), 'a: next save\n');
    expect((await bytes(dir, 'services/a.yaml')).toString()).toBe('a: next save\n');
    expect((await readdir(path.join(dir, 'services'))).sort()).toEqual(['.a.yaml.paver-0123456789ab.tmp', 'a.yaml']);
    expect((await readFile(leftover)).toString()).toBe('a: half-writ');
  });
});
