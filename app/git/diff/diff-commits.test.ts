import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, createTempRepository, removeTempRepository, runGit } from '../testing/temp-repository.js';
import { diffFileBetween, listChangedFiles } from './diff-commits.js';

let dir: string;
beforeAll(async () => {
  dir = await createTempRepository({ 'templates/web/values.yaml': 'port: 80\nreplicas: 1\n', 'templates/web/old.yaml': 'x\n', 'services/a.yaml': 'a\n' });
  await runGit(dir, ['tag', '-a', 'templates/web/v1.0.0', '-m', 'one']);
  await runGit(dir, ['rm', '-q', 'templates/web/old.yaml']);
  await commitFiles(dir, { 'templates/web/values.yaml': 'port: 8080\nreplicas: 1\n', 'templates/web/new.yaml': 'y\n', 'services/a.yaml': 'b\n' }, 'v2');
  await runGit(dir, ['tag', '-a', 'templates/web/v2.0.0', '-m', 'two']);
});
afterAll(() => removeTempRepository(dir));

describe('diff between two template versions', () => {
  it('lists the files that changed under the template only', async () => {
    expect(await listChangedFiles(dir, 'templates/web/v1.0.0', 'templates/web/v2.0.0', 'templates/web/')).toEqual([
      { path: 'templates/web/new.yaml', change: 'added' },
      { path: 'templates/web/old.yaml', change: 'deleted' },
      { path: 'templates/web/values.yaml', change: 'modified' },
    ]);
    expect((await listChangedFiles(dir, 'templates/web/v1.0.0', 'HEAD')).map((c) => c.path)).toContain('services/a.yaml');
  });

  it('gives a line diff of one file between versions', async () => {
    const diff = await diffFileBetween(dir, 'templates/web/v1.0.0', 'templates/web/v2.0.0', 'templates/web/values.yaml');
    expect(diff.hunks[0]!.lines.map((l) => l.kind + l.text)).toEqual(['-port: 80', '+port: 8080', ' replicas: 1']);
    expect((await diffFileBetween(dir, 'templates/web/v1.0.0', 'templates/web/v2.0.0', 'templates/web/new.yaml')).oldText).toBeUndefined();
  });
});
