import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startGitHttpBackend, type GitHttpBackend } from '../../testing/git-http-backend.js';
import { commitFiles, createTempRepository, removeTempRepository, runGit } from '../testing/temp-repository.js';
import { pushRemote } from './push-remote.js';
import { fetchRemote } from './fetch-remote.js';
import { pullRemote } from './pull-remote.js';
import { isSshUrl } from './remote-transport.js';
import { InMemoryCredentialStore, EncryptedFileCredentialStore } from './credentials.js';
import { readConflictVersions } from '../merge/read-conflict-versions.js';
import { completeMerge } from '../merge/complete-merge.js';
import { StatusEngine } from '../status/status-engine.js';
import { GitAuthError, MergeConflictError, SshRemoteUnsupportedError } from '../../errors/index.js';
import { setGitCliEnabled } from '../git-cli.js';

let remote: GitHttpBackend;
let url: string;
let mine: string;
let teammate: string;
const credentials = { username: 'alice', password: 's3cret' };
const authedUrl = () => url.replace('http://', 'http://alice:s3cret@');
const read = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');
const log = async (dir: string) => (await runGit(dir, ['log', '--format=%s|%p', '-3'])).trim().split('\n');

beforeAll(async () => {
  remote = await startGitHttpBackend({ users: { alice: 's3cret' } });
  url = await remote.createRepository('acme.git');
  mine = await createTempRepository({ 'services/a.yaml': 'a: 1\n', 'services/b.yaml': 'b: 1\n' });
  await runGit(mine, ['remote', 'add', 'origin', url]);
  await pushRemote(mine, { credentials });
  const parent = await mkdtemp(path.join(os.tmpdir(), 'paver-teammate-'));
  teammate = path.join(parent, 'clone');
  await runGit(parent, ['clone', '-q', authedUrl(), 'clone']);
  await runGit(teammate, ['config', 'user.name', 'Teammate']);
  await runGit(teammate, ['config', 'user.email', 'mate@example.com']);
});
afterAll(async () => {
  await remote.close();
  await removeTempRepository(mine);
  await rm(path.dirname(teammate), { recursive: true, force: true });
});

describe('HTTP remotes with basic auth', () => {
  it('rejects missing or wrong credentials with GitAuthError naming the remote', async () => {
    await expect(fetchRemote(mine, {})).rejects.toThrow(GitAuthError);
    await expect(fetchRemote(mine, { credentials: { username: 'alice', password: 'wrong' } })).rejects.toThrow(/Remote 'origin' \(http:\/\/127\.0\.0\.1:\d+\/acme\.git\) rejected the credentials/);
    await expect(fetchRemote(mine, { credentials: { token: 's3cret', username: 'alice' } })).resolves.toMatchObject({ remote: 'origin' });
  });

  it('fast-forwards on pull and leaves a clean tree (no staged reverts)', async () => {
    await commitFiles(teammate, { 'services/b.yaml': 'b: from teammate\n', 'services/c.yaml': 'c: new\n' }, 'Teammate edits b, adds c');
    await runGit(teammate, ['push', '-q', 'origin', 'main']);
    const result = await pullRemote(mine, { credentials, useGitCli: false });
    expect(result.outcome).toBe('fast-forward');
    expect(await read(mine, 'services/b.yaml')).toBe('b: from teammate\n');
    expect(await read(mine, 'services/c.yaml')).toBe('c: new\n');
    expect((await new StatusEngine(mine).status({ full: true })).files).toEqual([]);
    expect((await pullRemote(mine, { credentials })).outcome).toBe('up-to-date');
  });

  it('merges diverged history with both parents, then pushes', async () => {
    await commitFiles(mine, { 'services/a.yaml': 'a: mine\n' }, 'Mine edits a');
    await commitFiles(teammate, { 'services/c.yaml': 'c: teammate again\n' }, 'Teammate edits c');
    await runGit(teammate, ['push', '-q', 'origin', 'main']);
    expect((await pullRemote(mine, { credentials })).outcome).toBe('merged');
    expect((await log(mine))[0]).toMatch(/^Merge origin\/main into main\|\w+ \w+$/);
    expect(await read(mine, 'services/a.yaml')).toBe('a: mine\n');
    expect(await read(mine, 'services/c.yaml')).toBe('c: teammate again\n');
    expect((await new StatusEngine(mine).status({ full: true })).files).toEqual([]);
    await pushRemote(mine, { credentials });
    await runGit(teammate, ['pull', '-q', '--ff-only', 'origin', 'main']);
    expect(await read(teammate, 'services/a.yaml')).toBe('a: mine\n');
  });

  it('stops a conflicting pull with nothing changed, offers three versions, and commits the resolution', async () => {
    await commitFiles(mine, { 'services/b.yaml': 'b: mine\n' }, 'Mine edits b');
    await commitFiles(teammate, { 'services/b.yaml': 'b: theirs\n', 'services/d.yaml': 'd: new\n' }, 'Teammate edits b');
    await runGit(teammate, ['push', '-q', 'origin', 'main']);
    const before = (await runGit(mine, ['rev-parse', 'HEAD'])).trim();
    const error = await pullRemote(mine, { credentials }).catch((e: unknown) => e) as MergeConflictError;
    expect(error).toBeInstanceOf(MergeConflictError);
    expect(error.data.files).toEqual(['services/b.yaml']);
    expect((await runGit(mine, ['rev-parse', 'HEAD'])).trim()).toBe(before);
    expect(await read(mine, 'services/b.yaml')).toBe('b: mine\n');
    expect((await new StatusEngine(mine).status({ full: true })).files).toEqual([]);
    const versions = await readConflictVersions(mine, error.data);
    expect(versions).toEqual([{ path: 'services/b.yaml', base: 'b: from teammate\n', ours: 'b: mine\n', theirs: 'b: theirs\n', clean: false,
      merged: '<<<<<<< yours\nb: mine\n=======\nb: theirs\n>>>>>>> incoming\n' }]);
    await expect(completeMerge(mine, { theirs: error.data.theirs, resolutions: {} })).rejects.toThrow(MergeConflictError);
    const { commit } = await completeMerge(mine, { theirs: error.data.theirs, resolutions: { 'services/b.yaml': 'b: both\n' }, message: 'Merge teammate b' });
    expect((await runGit(mine, ['log', '-1', '--format=%P', commit])).trim().split(' ')).toEqual([before, error.data.theirs]);
    expect(await read(mine, 'services/b.yaml')).toBe('b: both\n');
    expect(await read(mine, 'services/d.yaml')).toBe('d: new\n');
    expect((await new StatusEngine(mine).status({ full: true })).files).toEqual([]);
    await pushRemote(mine, { credentials });
  });
});

describe('credential stores', () => {
  it('keeps credentials per remote origin, in memory or sealed by the OS keychain cipher', async () => {
    const memory = new InMemoryCredentialStore();
    await memory.set('https://git.acme.dev/a.git', { token: 't' });
    expect(await memory.get('https://git.acme.dev/b.git')).toEqual({ token: 't' });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paver-cred-'));
    const cipher = { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() };
    const sealed = new EncryptedFileCredentialStore(path.join(dir, 'creds.json'), cipher);
    await sealed.set('https://git.acme.dev/a.git', { username: 'u', password: 'p' });
    expect(await read(dir, 'creds.json')).not.toContain('"p"');
    expect(await sealed.get('https://git.acme.dev/x.git')).toEqual({ username: 'u', password: 'p' });
    await rm(dir, { recursive: true, force: true });
  });

  it('reaches SSH remotes through the git CLI and names the remote when it cannot', async () => {
    const dir = await createTempRepository({ 'a.txt': 'a\n' });
    await runGit(dir, ['remote', 'add', 'upstream', 'ssh://git@127.0.0.1:1/acme.git']);
    await expect(fetchRemote(dir, { remote: 'upstream' })).rejects.toThrow(/Cannot reach remote 'upstream' \(ssh:\/\/git@127\.0\.0\.1:1\/acme\.git\)/);
    await expect(pushRemote(dir, { remote: 'upstream' })).rejects.toThrow(/Cannot reach remote 'upstream'/);
    setGitCliEnabled(false);
    try {
      await expect(fetchRemote(dir, { remote: 'upstream' })).rejects.toThrow(SshRemoteUnsupportedError);
      await expect(fetchRemote(dir, { remote: 'upstream' })).rejects.toThrow(/Remote 'upstream' \(ssh:.*\) uses SSH, which needs the git command-line tool/);
    } finally {
      setGitCliEnabled(true);
    }
    await removeTempRepository(dir);
  });

  it('recognises SSH remotes', () => {
    expect(isSshUrl('git@github.com:acme/platform.git')).toBe(true);
    expect(isSshUrl('ssh://git@host/acme.git')).toBe(true);
    expect(isSshUrl('https://github.com/acme/platform.git')).toBe(false);
  });
});
