import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepository, removeTempRepository, writeFiles } from '../testing/temp-repository.js';
import { createStatusService, type StatusService } from './status-service.js';
import { NotAGitRepositoryError } from '../../errors/index.js';
import os from 'node:os';

let dir: string;
let service: StatusService;
beforeAll(async () => {
  dir = await createTempRepository({ 'services/a.yaml': 'a: 1\n' });
  service = await createStatusService();
});
afterAll(async () => { await service.close(); await removeTempRepository(dir); });

describe('status runs in a worker thread', () => {
  it('reports changes the watcher feeds it', async () => {
    expect((await service.status(dir)).files).toEqual([]);
    await writeFiles(dir, { 'services/a.yaml': 'a: 2\n', 'services/b.yaml': 'b\n' });
    await service.invalidate(dir, ['services/a.yaml', 'services/b.yaml']);
    expect((await service.status(dir)).files).toEqual([
      { path: 'services/a.yaml', staged: ' ', workTree: 'M' },
      { path: 'services/b.yaml', staged: ' ', workTree: '?' },
    ]);
  });

  it('gives the same answer through the git CLI accelerator', async () => {
    expect(await service.status(dir, { useGitCli: true })).toEqual(await service.status(dir, { full: true }));
  });

  it('rebuilds Paver errors from the worker as their own class', async () => {
    await expect(service.status(os.tmpdir() + '/paver-definitely-missing')).rejects.toBeInstanceOf(NotAGitRepositoryError);
  });
});
