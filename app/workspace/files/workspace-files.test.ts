import { mkdtemp, mkdir, readFile, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileConflictError, PathOutsideWorkspaceError, WorkspaceNotOpenError, FolderNotFoundError, type FileChange } from '../../api/index.js';
import { confinePath } from './confine-path.js';
import { isAtomicWriteTempFile, writeFileAtomic } from './atomic-write.js';
import { WorkspaceService } from './workspace-service.js';

let root: string;
let service: WorkspaceService;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'paver-files-')));
  service = new WorkspaceService({ createSample: async () => undefined });
});
afterEach(async () => {
  await service.close();
  await rm(root, { recursive: true, force: true });
});

describe('confinePath', () => {
  it('accepts paths inside, including ones that do not exist yet', async () => {
    expect(await confinePath(root, 'services/new/checkout.yaml')).toBe(join(root, 'services/new/checkout.yaml'));
  });

  it('refuses .., absolute paths, NUL bytes and empty paths', async () => {
    for (const path of ['..', '../x', 'a/../../x', '/etc/passwd', 'C:\\Windows', 'a\0b', '']) {
      await expect(confinePath(root, path), JSON.stringify(path)).rejects.toBeInstanceOf(PathOutsideWorkspaceError);
    }
  });

  it('refuses a symlink (to a folder or a file) that leads outside', async () => {
    const outside = await realpath(await mkdtemp(join(tmpdir(), 'paver-outside-')));
    await writeFile(join(outside, 'secret'), 's');
    await symlink(outside, join(root, 'dir-link'));
    await symlink(join(outside, 'secret'), join(root, 'file-link'));
    await expect(confinePath(root, 'dir-link/secret')).rejects.toBeInstanceOf(PathOutsideWorkspaceError);
    await expect(confinePath(root, 'dir-link/not-yet/new.yaml')).rejects.toBeInstanceOf(PathOutsideWorkspaceError);
    await expect(confinePath(root, 'file-link')).rejects.toBeInstanceOf(PathOutsideWorkspaceError);
    await rm(outside, { recursive: true });
  });

  it('allows a symlink that stays inside', async () => {
    await mkdir(join(root, 'real'));
    await symlink(join(root, 'real'), join(root, 'inner-link'));
    expect(await confinePath(root, 'inner-link/file.yaml')).toBe(join(root, 'inner-link/file.yaml'));
  });
});

describe('writeFileAtomic', () => {
  it('a crash between writing the temporary file and renaming it leaves the original intact', async () => {
    const target = join(root, 'values.yaml');
    await writeFile(target, 'original: true\n');
    // What a crash leaves behind: a complete temporary file that was never renamed.
    await writeFile(join(root, '.values.yaml.paver-0123456789ab.tmp'), 'half-written');
    expect(await readFile(target, 'utf8')).toBe('original: true\n');
    expect(isAtomicWriteTempFile('.values.yaml.paver-0123456789ab.tmp')).toBe(true);
    // The next save still replaces the original completely.
    await writeFileAtomic(target, 'next: true\n');
    expect(await readFile(target, 'utf8')).toBe('next: true\n');
  });

  it('keeps the file mode and leaves no temporary file', async () => {
    const target = join(root, 'run.sh');
    await writeFile(target, '#!/bin/sh\n', { mode: 0o755 });
    await writeFileAtomic(target, '#!/bin/sh\necho hi\n');
    const { stat } = await import('node:fs/promises');
    expect((await stat(target)).mode & 0o777).toBe(0o755);
    expect(await readdir(root)).toEqual(['run.sh']);
  });
});

describe('WorkspaceService', () => {
  it('says what to do when no workspace is open or the folder is missing', async () => {
    await expect(service.listFiles()).rejects.toBeInstanceOf(WorkspaceNotOpenError);
    await expect(service.openWorkspace({ path: join(root, 'missing') })).rejects.toBeInstanceOf(FolderNotFoundError);
  });

  // The latency itself (target: under 1 s) is measured by watcher-latency.bench.ts, not asserted here.
  it('reports an external edit, and not its own temporary files', async () => {
    await writeFile(join(root, 'paver.yaml'), 'a: 1\n');
    await service.openWorkspace({ path: root });
    const seen: FileChange[] = [];
    service.onDidChangeFiles((changes) => seen.push(...changes));
    await writeFile(join(root, 'paver.yaml'), 'a: 2\n');
    await expect.poll(() => seen.find((c) => c.path === 'paver.yaml'), { timeout: 5000, interval: 20 }).toBeTruthy();
    const own = await service.readFile({ path: 'paver.yaml' });
    await service.writeFile({ path: 'paver.yaml', text: 'a: 3\n', expectedVersion: own.version });
    await expect.poll(() => seen.filter((c) => c.path === 'paver.yaml').length, { timeout: 2000 }).toBeGreaterThan(1);
    expect(seen.every((c) => !isAtomicWriteTempFile(c.path))).toBe(true);
  });

  it('serialises concurrent saves of one file so exactly one wins and the other conflicts', async () => {
    await writeFile(join(root, 'a.yaml'), 'v0\n');
    await service.openWorkspace({ path: root });
    const { version } = await service.readFile({ path: 'a.yaml' });
    const results = await Promise.allSettled([
      service.writeFile({ path: 'a.yaml', text: 'first\n', expectedVersion: version }),
      service.writeFile({ path: 'a.yaml', text: 'second\n', expectedVersion: version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(FileConflictError);
    expect(['first\n', 'second\n']).toContain(await readFile(join(root, 'a.yaml'), 'utf8'));
  });
});
