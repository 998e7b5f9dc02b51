import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createTempRepository, removeTempRepository, runGit, writeFiles } from '../testing/temp-repository.js';
import { stageFiles } from './stage-files.js';
import { unstageFiles } from './unstage-files.js';
import { discardChanges } from './discard-changes.js';
import { commitStaged } from './commit-staged.js';
import { StatusEngine } from '../status/status-engine.js';
import { cliStatus } from '../status/cli-status.js';
import { diffWorkingFile } from '../diff/diff-working-file.js';
import { fileHistory, templateHistory } from '../history/file-history.js';
import { ConfirmationRequiredError, NothingToCommitError } from '../../errors/index.js';

let dir: string;
const summary = async () => (await new StatusEngine(dir).status({ full: true })).files.map((f) => `${f.staged}${f.workTree} ${f.path}`);

beforeAll(async () => {
  dir = await createTempRepository({ 'services/a.yaml': 'a: 1\n', 'services/b.yaml': 'b: 1\n', 'templates/web/Chart.yaml': 'version: 1.0.0\n' });
});
afterAll(() => removeTempRepository(dir));

describe('stage, unstage, discard, commit', () => {
  it('stages edits and deletions and unstages them again without touching the files', async () => {
    await writeFiles(dir, { 'services/a.yaml': 'a: 2\n', 'services/new.yaml': 'new: 1\n' });
    await runGit(dir, ['rm', '-q', '--cached', 'services/b.yaml']);
    await runGit(dir, ['add', 'services/b.yaml']);
    await stageFiles(dir, ['services/a.yaml', 'services/new.yaml']);
    expect(await summary()).toEqual(['M  services/a.yaml', 'A  services/new.yaml']);
    expect((await diffWorkingFile(dir, 'services/a.yaml', 'staged')).hunks[0]!.lines.map((l) => l.kind + l.text)).toEqual(['-a: 1', '+a: 2']);
    await unstageFiles(dir, ['services/a.yaml', 'services/new.yaml']);
    expect(await summary()).toEqual([' M services/a.yaml', ' ? services/new.yaml']);
    expect(await readFile(path.join(dir, 'services/a.yaml'), 'utf8')).toBe('a: 2\n');
    expect((await new StatusEngine(dir).status())).toEqual(await cliStatus(dir));
  });

  it('discards only after explicit confirmation', async () => {
    await expect(discardChanges(dir, { paths: ['services/a.yaml'], confirmed: false })).rejects.toThrow(ConfirmationRequiredError);
    expect(await readFile(path.join(dir, 'services/a.yaml'), 'utf8')).toBe('a: 2\n');
    const diff = await diffWorkingFile(dir, 'services/a.yaml', 'unstaged');
    expect(diff.hunks[0]!.lines.map((l) => l.kind + l.text)).toEqual(['-a: 1', '+a: 2']);
    await discardChanges(dir, { paths: ['services/a.yaml', 'services/new.yaml'], confirmed: true });
    expect(await readFile(path.join(dir, 'services/a.yaml'), 'utf8')).toBe('a: 1\n');
    await expect(stat(path.join(dir, 'services/new.yaml'))).rejects.toThrow();
    expect(await summary()).toEqual([]);
  });

  it('commits what is staged with the Git config identity and leaves other edits on disk', async () => {
    await expect(commitStaged(dir, { message: 'nothing' })).rejects.toThrow(NothingToCommitError);
    await writeFiles(dir, { 'templates/web/Chart.yaml': 'version: 1.1.0\n', 'services/b.yaml': 'b: unstaged edit\n' });
    await stageFiles(dir, ['templates/web/Chart.yaml']);
    const { commit, branch } = await commitStaged(dir, { message: 'Bump web to 1.1.0\n\nbody' });
    expect(branch).toBe('main');
    expect(await summary()).toEqual([' M services/b.yaml']);
    expect(await readFile(path.join(dir, 'services/b.yaml'), 'utf8')).toBe('b: unstaged edit\n');
    expect((await runGit(dir, ['log', '-1', '--format=%an <%ae>|%s'])).trim()).toBe('Test Author <author@example.com>|Bump web to 1.1.0');
    const history = await templateHistory(dir, 'web');
    expect(history.map((h) => h.summary)).toEqual(['Bump web to 1.1.0', 'Initial commit']);
    expect(history[0]!.commit).toBe(commit);
    expect((await fileHistory(dir, 'services/a.yaml')).map((h) => h.summary)).toEqual(['Initial commit']);
  });
});
