import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { commitFiles, createTempRepository, removeTempRepository, runGit, writeFiles } from '../testing/temp-repository.js';
import { createBranch } from './create-branch.js';
import { switchBranch } from './switch-branch.js';
import { deleteBranch } from './delete-branch.js';
import { listBranches } from './list-branches.js';
import { BranchExistsError, DirtyWorkingTreeError, InvalidRequestError } from '../../errors/index.js';

let dir: string;
const read = (file: string) => readFile(path.join(dir, file), 'utf8');

beforeAll(async () => {
  dir = await createTempRepository({ 'services/a.yaml': 'a: 1\n', 'services/b.yaml': 'b: 1\n' });
  await createBranch(dir, { branch: 'feature' });
  await runGit(dir, ['checkout', '-q', 'feature']);
  await commitFiles(dir, { 'services/b.yaml': 'b: feature\n' }, 'Change b on feature');
  await runGit(dir, ['checkout', '-q', 'main']);
});
afterAll(() => removeTempRepository(dir));

describe.each([true, false])('branches (git CLI accelerator: %s)', (useGitCli) => {
  it('creates, lists and refuses duplicates', async () => {
    const name = `topic-${useGitCli}`;
    await createBranch(dir, { branch: name });
    expect((await listBranches(dir)).map((b) => `${b.name}${b.current ? '*' : ''}`)).toContain(name);
    await expect(createBranch(dir, { branch: name })).rejects.toThrow(BranchExistsError);
    await expect(createBranch(dir, { branch: 'bad name' })).rejects.toThrow(InvalidRequestError);
  });

  it('refuses a switch with a dirty tree and keeps the edit byte for byte', async () => {
    await writeFiles(dir, { 'services/b.yaml': 'b: my unsaved work\n' });
    await expect(switchBranch(dir, { branch: 'feature', useGitCli })).rejects.toThrow(DirtyWorkingTreeError);
    await expect(switchBranch(dir, { branch: 'feature', useGitCli, carryChanges: true })).rejects.toThrow(/it changes services\/b.yaml/);
    expect(await read('services/b.yaml')).toBe('b: my unsaved work\n');
    expect((await runGit(dir, ['branch', '--show-current'])).trim()).toBe('main');
    await runGit(dir, ['checkout', '-q', '--', 'services/b.yaml']);
  });

  it('carries edits the switch does not touch, and switches back', async () => {
    await writeFiles(dir, { 'services/a.yaml': 'a: carried\n', 'services/untracked.yaml': 'u\n' });
    await switchBranch(dir, { branch: 'feature', useGitCli, carryChanges: true });
    expect(await read('services/b.yaml')).toBe('b: feature\n');
    expect(await read('services/a.yaml')).toBe('a: carried\n');
    expect(await read('services/untracked.yaml')).toBe('u\n');
    await switchBranch(dir, { branch: 'main', useGitCli, carryChanges: true });
    expect(await read('services/b.yaml')).toBe('b: 1\n');
    expect(await read('services/a.yaml')).toBe('a: carried\n');
    await runGit(dir, ['checkout', '-q', '--', 'services/a.yaml']);
    await runGit(dir, ['clean', '-q', '-f', 'services/untracked.yaml']);
  });
});

describe('deleting branches', () => {
  it('refuses the current branch and unmerged work unless forced', async () => {
    await expect(deleteBranch(dir, { branch: 'main' })).rejects.toThrow(/current branch/);
    await expect(deleteBranch(dir, { branch: 'feature' })).rejects.toThrow(/not in 'main'/);
    await deleteBranch(dir, { branch: 'topic-true' });
    await deleteBranch(dir, { branch: 'feature', force: true });
    expect((await listBranches(dir)).map((b) => b.name)).toEqual(['main', 'topic-false']);
  });
});
