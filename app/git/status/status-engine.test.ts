import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { createTempRepository, removeTempRepository, runGit, writeFiles } from '../testing/temp-repository.js';
import { StatusEngine } from './status-engine.js';
import { cliStatus } from './cli-status.js';

let dir: string;
const engine = () => new StatusEngine(dir);

beforeAll(async () => {
  dir = await createTempRepository({
    'paver.yaml': 'kind: Workspace\n',
    'services/a.yaml': 'a: 1\n',
    'services/b.yaml': 'b: 1\n',
    'services/c.yaml': 'c: 1\n',
    'services/d.yaml': 'd: 1\n',
    'services/e.yaml': 'e: 1\n',
    'scripts/run.sh': 'echo hi\n',
    'build/tracked.txt': 'tracked inside an ignored folder\n',
    '.gitignore': 'build/\n*.log\n!keep.log\n/root-only.tmp\n',
    'templates/web/.gitignore': 'secret-*\n!secret-ok\n',
    'templates/web/Chart.yaml': 'name: web\n',
    'link-target.txt': 'x\n',
  });
  await fs.symlink('link-target.txt', path.join(dir, 'link'));
  await runGit(dir, ['add', 'link']);
  await runGit(dir, ['commit', '-q', '-m', 'symlink']);
});
afterAll(() => removeTempRepository(dir));

describe('known limits are handled plainly', () => {
  it('names the index version 4 problem and how to fix it', async () => {
    const other = await createTempRepository({ 'a.txt': 'a\n' });
    await runGit(other, ['update-index', '--index-version', '4']);
    await expect(new StatusEngine(other).status()).rejects.toThrow(/index version 4.*git update-index --index-version 2/);
    await removeTempRepository(other);
  });

  it('applies the user\'s global excludes file, as git does', async () => {
    const other = await createTempRepository({ 'a.txt': 'a\n' });
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'paver-home-'));
    await writeFiles(home, { '.config/git/ignore': '*.swp\n' });
    await writeFiles(other, { 'a.txt.swp': 'editor swap\n', 'b.txt': 'b\n' });
    const saved = { HOME: process.env.HOME, XDG: process.env.XDG_CONFIG_HOME };
    process.env.HOME = home;
    delete process.env.XDG_CONFIG_HOME;
    try {
      const status = await new StatusEngine(other).status();
      expect(status.files.map((f) => f.path)).toEqual(['b.txt']);
      expect(status).toEqual(await cliStatus(other));
    } finally {
      process.env.HOME = saved.HOME;
      if (saved.XDG !== undefined) process.env.XDG_CONFIG_HOME = saved.XDG;
      await fs.rm(home, { recursive: true, force: true });
      await removeTempRepository(other);
    }
  });

  it('defers to git when .gitattributes sets line endings', async () => {
    const other = await createTempRepository({ '.gitattributes': '*.yaml text eol=crlf\n', 'a.yaml': 'a: 1\n' });
    expect(await new StatusEngine(other).status()).toEqual(await cliStatus(other));
    await removeTempRepository(other);
  });
});

describe('stat-cache status agrees with git status', () => {
  it('reports a clean tree as clean, with branch and head', async () => {
    const status = await engine().status();
    expect(status.files).toEqual([]);
    expect(status.branch).toBe('main');
    expect(status).toEqual(await cliStatus(dir));
  });

  it('matches git in every scenario GIT-NOTES lists', async () => {
    await writeFiles(dir, {
      'services/a.yaml': 'a: 2\n', // modified
      'services/new.yaml': 'new\n', // untracked
      'deep/nested/new.txt': 'n\n', // untracked in a new folder
      'debug.log': 'ignored\n', 'keep.log': 'negated\n', 'root-only.tmp': 'ignored\n', 'sub/root-only.tmp': 'not ignored\n',
      'build/out.txt': 'ignored folder\n', 'build/tracked.txt': 'changed in ignored folder\n',
      'templates/web/secret-x': 'ignored nested\n', 'templates/web/secret-ok': 'negated nested\n',
      'staged.yaml': 'staged\n',
    });
    await fs.rm(path.join(dir, 'services/b.yaml')); // deleted
    await runGit(dir, ['add', 'staged.yaml']);
    await writeFiles(dir, { 'services/c.yaml': 'c: staged\n' });
    await runGit(dir, ['add', 'services/c.yaml']);
    await writeFiles(dir, { 'services/c.yaml': 'c: staged then edited\n' });
    const touched = path.join(dir, 'services/d.yaml');
    const later = new Date(Date.now() + 5000);
    await fs.utimes(touched, later, later); // touched only
    await fs.chmod(path.join(dir, 'scripts/run.sh'), 0o755); // chmod
    await fs.rm(path.join(dir, 'link'));
    await fs.symlink('paver.yaml', path.join(dir, 'link')); // symlink retargeted
    await runGit(dir, ['rm', '-q', '--cached', 'services/e.yaml']); // rm --cached
    await fs.mkdir(path.join(dir, '.git/info'), { recursive: true });
    await fs.appendFile(path.join(dir, '.git/info/exclude'), 'excluded.txt\n');
    await writeFiles(dir, { 'excluded.txt': 'x\n' });

    const ours = await engine().status();
    const theirs = await cliStatus(dir);
    expect(ours).toEqual(theirs);
    const byPath = Object.fromEntries(ours.files.map((f) => [f.path, f.staged + f.workTree]));
    expect(byPath).toMatchObject({
      'services/a.yaml': ' M', 'services/b.yaml': ' D', 'services/c.yaml': 'MM', 'services/e.yaml': 'D?', 'services/new.yaml': ' ?',
      'deep/nested/new.txt': ' ?', 'keep.log': ' ?', 'sub/root-only.tmp': ' ?', 'build/tracked.txt': ' M', 'templates/web/secret-ok': ' ?',
      'staged.yaml': 'A ', 'scripts/run.sh': ' M', 'link': ' M',
    });
    for (const hidden of ['debug.log', 'root-only.tmp', 'build/out.txt', 'templates/web/secret-x', 'services/d.yaml', 'excluded.txt']) {
      expect(byPath[hidden], hidden).toBeUndefined();
    }
  });

  it('re-checks only the paths the watcher reports, and sees them', async () => {
    const status = engine();
    const before = await status.status();
    await writeFiles(dir, { 'services/a.yaml': 'a: 1\n', 'another/new.yaml': 'x\n' });
    status.invalidate(['services/a.yaml', 'another']);
    const after = await status.status();
    expect(after).toEqual(await cliStatus(dir));
    expect(after.files.find((f) => f.path === 'services/a.yaml')).toBeUndefined();
    expect(after.files.find((f) => f.path === 'another/new.yaml')).toEqual({ path: 'another/new.yaml', staged: ' ', workTree: '?' });
    expect(after.files.length).toBe(before.files.length);
    await runGit(dir, ['add', 'another/new.yaml']);
    expect(await status.status()).toEqual(await cliStatus(dir));
  });
});
