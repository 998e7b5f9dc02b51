// One contract suite, run over both transports: the HTTP adapter (a real
// server on 127.0.0.1) and the IPC dispatcher through an in-memory channel
// pair that clones every message the way Electron IPC does.
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiClient, FileConflictError, FileExistsError, FileNotFoundError, InvalidRequestError,
  PathOutsideWorkspaceError, type FileChange, type PaverApi,
} from '../../app/api/index.js';
import { createCore, type Core } from '../services/create-core.js';
import { contractTransports, eventually, type TransportHarness } from './testing/transport-harness.js';

for (const [name, makeHarness] of Object.entries(contractTransports)) {
  describe(`contract over the ${name}`, () => {
    let root: string;
    let userData: string;
    let core: Core;
    let harness: TransportHarness;
    let api: PaverApi;

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'paver-contract-ws-'));
      userData = await mkdtemp(join(tmpdir(), 'paver-contract-data-'));
      await mkdir(join(root, 'services'));
      await mkdir(join(root, 'templates/web-service/templates'), { recursive: true });
      await writeFile(join(root, 'paver.yaml'), 'apiVersion: paver.dev/v1alpha1\nkind: Workspace\nmetadata:\n  name: contract-ws\n');
      await writeFile(join(root, 'services/checkout.yaml'), 'kind: Service\nmetadata:\n  name: checkout\n');
      await writeFile(join(root, 'templates/web-service/Chart.yaml'), 'apiVersion: v2\nname: web-service\nversion: 1.0.0\n');
      core = createCore({ userDataDir: userData, mode: 'browser' });
      harness = await makeHarness(core);
      api = createApiClient(harness.transport);
    });

    afterAll(async () => {
      await harness.dispose();
      await core.dispose();
      await rm(root, { recursive: true, force: true });
      await rm(userData, { recursive: true, force: true });
    });

    it('opens a folder and names it from paver.yaml', async () => {
      const info = await api.workspace.openWorkspace({ path: root });
      expect(info.name).toBe('contract-ws');
      expect(info.hasPaverYaml).toBe(true);
      expect(info.isGitRepository).toBe(false);
      expect(await api.workspace.currentWorkspace()).toEqual(info);
    });

    it('lists files grouped for the explorer, without .git', async () => {
      await mkdir(join(root, '.git'), { recursive: true });
      await writeFile(join(root, '.git/HEAD'), 'ref: refs/heads/main\n');
      const files = await api.workspace.listFiles();
      expect(files.map((f) => [f.path, f.group])).toEqual([
        ['paver.yaml', 'other'],
        ['services/checkout.yaml', 'services'],
        ['templates/web-service/Chart.yaml', 'templates'],
      ]);
    });

    it('reads, then writes atomically with the version it read', async () => {
      const file = await api.workspace.readFile({ path: 'services/checkout.yaml' });
      expect(file.text).toContain('name: checkout');
      const saved = await api.workspace.writeFile({ path: file.path, text: `${file.text}# edited\n`, expectedVersion: file.version });
      expect(saved.version).not.toBe(file.version);
      expect(await readFile(join(root, 'services/checkout.yaml'), 'utf8')).toBe(`${file.text}# edited\n`);
      // No temporary file is left behind.
      expect((await readdir(join(root, 'services'))).sort()).toEqual(['checkout.yaml']);
    });

    it('refuses a save whose file changed on disk, and keeps both sides', async () => {
      const file = await api.workspace.readFile({ path: 'services/checkout.yaml' });
      await writeFile(join(root, 'services/checkout.yaml'), 'changed by another program\n');
      const error = await api.workspace.writeFile({ path: file.path, text: 'my edit\n', expectedVersion: file.version }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileConflictError);
      expect((error as FileConflictError).data.path).toBe('services/checkout.yaml');
      expect(await readFile(join(root, 'services/checkout.yaml'), 'utf8')).toBe('changed by another program\n');
    });

    it('creates new files but will not silently replace an existing one', async () => {
      await api.workspace.writeFile({ path: 'services/search/api.yaml', text: 'kind: Service\n' });
      expect(await readFile(join(root, 'services/search/api.yaml'), 'utf8')).toBe('kind: Service\n');
      await expect(api.workspace.writeFile({ path: 'services/search/api.yaml', text: 'x' })).rejects.toBeInstanceOf(FileExistsError);
    });

    it('renames and deletes', async () => {
      await api.workspace.renameFile({ from: 'services/search/api.yaml', to: 'services/search-api.yaml' });
      await expect(api.workspace.readFile({ path: 'services/search/api.yaml' })).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(api.workspace.renameFile({ from: 'services/search-api.yaml', to: 'paver.yaml' })).rejects.toBeInstanceOf(FileExistsError);
      await api.workspace.deleteFile({ path: 'services/search-api.yaml' });
      await expect(api.workspace.deleteFile({ path: 'services/search-api.yaml' })).rejects.toBeInstanceOf(FileNotFoundError);
    });

    it('refuses every path outside the workspace, rebuilt as the same error class', async () => {
      const outside = await mkdtemp(join(tmpdir(), 'paver-outside-'));
      await writeFile(join(outside, 'secret.txt'), 'secret');
      await symlink(outside, join(root, 'escape'));
      for (const path of ['../secret.txt', '/etc/passwd', 'services/../../x', 'escape/secret.txt', 'escape/new.txt']) {
        const error = await api.workspace.readFile({ path }).catch((e: unknown) => e);
        expect(error, path).toBeInstanceOf(PathOutsideWorkspaceError);
        expect((error as PathOutsideWorkspaceError).message).toContain('outside the workspace');
      }
      await expect(api.workspace.writeFile({ path: 'escape/new.txt', text: 'x', expectedVersion: null })).rejects.toBeInstanceOf(PathOutsideWorkspaceError);
      expect(await readdir(outside)).toEqual(['secret.txt']);
      await rm(join(root, 'escape'));
      await rm(outside, { recursive: true });
    });

    it('pushes changes made by other programs', async () => {
      const received: FileChange[] = [];
      const unsubscribe = api.workspace.onDidChangeFiles((changes) => received.push(...changes));
      // The subscription attaches asynchronously, so write again now and then until the change arrives;
      // not on every poll, or the watcher (which waits for a file to settle) would never see it settle.
      let n = 0;
      let lastWrite = 0;
      await eventually(
        () => expect(received.some((c) => c.path === 'services/external.yaml')).toBe(true),
        async () => {
          if (Date.now() - lastWrite < 1500) return;
          lastWrite = Date.now();
          await writeFile(join(root, 'services/external.yaml'), `n: ${++n}\n`);
        },
      );
      const change = received.find((c) => c.path === 'services/external.yaml')!;
      expect(change.version).toMatch(/^[0-9a-f]{40}$/);
      unsubscribe();
    });

    it('rejects methods that are not on the allow-list', async () => {
      const result = await harness.transport.call('workspace', 'close', []);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('InvalidRequestError');
      const proto = await harness.transport.call('workspace', '__proto__', []);
      expect(!proto.ok && proto.error.code).toBe('InvalidRequestError');
      const unknownService = await harness.transport.call('fs', 'readFile', []);
      expect(!unknownService.ok && unknownService.error.code).toBe('InvalidRequestError');
    });

    it('keeps settings and the recent-workspace list', async () => {
      expect((await api.app.getAppInfo()).mode).toBe('browser');
      const settings = await api.app.updateSettings({ theme: 'dark' });
      expect(settings.theme).toBe('dark');
      expect((await api.app.getSettings()).theme).toBe('dark');
      await expect(api.app.updateSettings({ theme: 'purple' as 'dark' })).rejects.toBeInstanceOf(InvalidRequestError);
      expect((await api.app.listRecentWorkspaces())[0]?.path).toBe(root.replace(/\/$/, ''));
    });
  });
}
