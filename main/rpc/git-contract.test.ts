// The Git and template services over both transports (the HTTP adapter on
// 127.0.0.1 and the IPC dispatcher through an in-memory channel pair), on a
// real sample repository and a real `git http-backend` remote.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfirmationRequiredError, createApiClient, GitAuthError, InvalidRequestError, MergeConflictError, VersionAlreadyPublishedError,
  type GitProgressEvent, type PaverApi,
} from '../../app/api/index.js';
import { startGitHttpBackend, type GitHttpBackend } from '../../app/testing/git-http-backend.js';
import { createCore, type Core } from '../services/create-core.js';
import { contractTransports, eventually, type TransportHarness } from './testing/transport-harness.js';

const git = async (cwd: string, ...args: string[]) => (await promisify(execFile)('git', args, { cwd, encoding: 'utf8' })).stdout;

let remote: GitHttpBackend;
beforeAll(async () => { remote = await startGitHttpBackend({ users: { alice: 's3cret' } }); });
afterAll(async () => { await remote.close(); });

for (const [name, makeHarness] of Object.entries(contractTransports)) {
  describe(`git and templates contract over the ${name}`, () => {
    let base: string;
    let root: string;
    let url: string;
    let core: Core;
    let harness: TransportHarness;
    let api: PaverApi;
    const progress: GitProgressEvent[] = [];

    beforeAll(async () => {
      base = await mkdtemp(join(tmpdir(), 'paver-git-contract-'));
      root = join(base, 'acme');
      core = createCore({ userDataDir: join(base, 'user-data'), mode: 'browser' });
      harness = await makeHarness(core);
      api = createApiClient(harness.transport);
      await api.workspace.createSampleWorkspace({ path: root });
      url = await remote.createRepository(`acme-${name.split(' ')[0]}.git`);
      await git(root, 'remote', 'add', 'origin', url);
      // The shared repository already has main (isomorphic-git's fetch needs the remote's HEAD branch to exist).
      await git(root, 'push', '-q', url.replace('http://', 'http://alice:s3cret@'), 'main');
      await api.app.updateSettings({ gitAuthorName: 'Settings Author', gitAuthorEmail: 'settings@example.com' });
      api.git.onGitProgress((event) => progress.push(event));
    }, 60_000);

    afterAll(async () => {
      await harness.dispose();
      await core.dispose();
      await rm(base, { recursive: true, force: true });
    });

    it('shows an edit saved through the app in the status and diff, stages and commits it', async () => {
      expect((await api.git.getStatus()).files).toEqual([]);
      const file = await api.workspace.readFile({ path: 'services/checkout.yaml' });
      await api.workspace.writeFile({ path: file.path, text: `${file.text}# reviewed\n`, expectedVersion: file.version });
      await eventually(async () => expect((await api.git.getStatus()).files).toEqual([{ path: file.path, staged: ' ', workTree: 'M' }]));
      const diff = await api.git.diffFile({ path: file.path, side: 'unstaged' });
      expect(diff.oldText).toBe(file.text);
      expect(diff.hunks.flatMap((h) => h.lines).find((l) => l.kind === '+')?.text).toBe('# reviewed');
      await expect(api.git.discard({ paths: [file.path], confirmed: false })).rejects.toBeInstanceOf(ConfirmationRequiredError);
      expect((await api.git.stage({ paths: [file.path] })).files[0]).toMatchObject({ staged: 'M', workTree: ' ' });
      const committed = await api.git.commit({ message: 'Review checkout' });
      expect(committed.branch).toBe('main');
      expect((await api.git.getStatus()).files).toEqual([]);
      expect((await api.git.history({ path: file.path, depth: 1 }))[0]).toMatchObject({ commit: committed.commit, summary: 'Review checkout' });
    });

    it('publishes a template version with the render check and refuses to publish it twice', async () => {
      const preview = await api.templates.previewPublish({ template: 'web-service', bump: 'minor' });
      expect(preview).toMatchObject({ previousVersion: '2.0.0', version: '2.1.0' });
      expect(preview.check.failures).toEqual([]);
      const outcome = await api.templates.publish({ template: 'web-service', bump: 'minor', message: 'Probes by default' });
      expect(outcome.tag).toBe('templates/web-service/v2.1.0');
      expect((await api.templates.listVersions({ template: 'web-service' }))[0]).toMatchObject({ version: '2.1.0', changelog: 'Probes by default' });
      const changes = await api.templates.diffVersions({ template: 'web-service', from: '2.0.0', to: '2.1.0' });
      expect(changes.map((c) => c.path)).toContain('Chart.yaml');
      const again = await api.templates.publish({ template: 'web-service', version: '2.1.0', message: 'again' }).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(VersionAlreadyPublishedError);
    }, 30_000);

    it('shows the service table and upgrades two services on a new branch', async () => {
      const table = await api.templates.serviceUsage();
      expect(table.rows.find((r) => r.service === 'status-page')).toMatchObject({ resolved: '1.0.0', latest: '2.1.0', behindLatest: true });
      const plan = await api.templates.planUpgrade({ template: 'web-service', to: '2.1.0', services: ['status-page', 'search-api'] });
      expect(plan.services).toHaveLength(2);
      expect(plan.services[0]!.environments.map((e) => e.environment)).toEqual(['dev', 'prod']);
      const applied = await api.templates.applyUpgrade({ template: 'web-service', to: '2.1.0', services: ['status-page', 'search-api'] });
      expect(applied.branch).toBe('upgrade/web-service-2.1.0');
      expect((await api.git.listBranches()).find((b) => b.current)?.name).toBe('upgrade/web-service-2.1.0');
      expect(await readFile(join(root, 'services/status-page.yaml'), 'utf8')).toContain('version: "2.1.0"');
    }, 30_000);

    it('adds a remote through the app, and refuses a name in use or a URL that is not one', async () => {
      const remotes = await api.git.addRemote({ name: 'backup', url: remote.repoUrl('backup.git') });
      expect(remotes.map((r) => r.remote).sort()).toEqual(['backup', 'origin']);
      const taken = await api.git.addRemote({ name: 'origin', url: remote.repoUrl('other.git') }).catch((e: unknown) => e);
      expect(taken).toBeInstanceOf(InvalidRequestError);
      expect((taken as Error).message).toContain("A remote named 'origin' already exists");
      await expect(api.git.addRemote({ name: 'mirror', url: 'not a url' })).rejects.toBeInstanceOf(InvalidRequestError);
      expect((await api.git.listRemotes()).find((r) => r.remote === 'origin')?.url).toBe(url);
    });

    it('asks for credentials, pushes the branch with the new tag, and pulls with progress events', async () => {
      const refused = await api.git.push({}).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(GitAuthError);
      expect((refused as GitAuthError).data.remote).toBe('origin');
      await api.git.setCredentials({ credentials: { username: 'alice', password: 's3cret' } });
      const pushed = await api.git.push({});
      expect(pushed.branch).toBe('upgrade/web-service-2.1.0');
      expect(pushed.tags).toContain('templates/web-service/v2.1.0');

      const mate = join(base, 'mate');
      await git(base, 'clone', '-q', '-b', 'upgrade/web-service-2.1.0', url.replace('http://', 'http://alice:s3cret@'), 'mate');
      await git(mate, '-c', 'user.name=Mate', '-c', 'user.email=mate@example.com', 'commit', '-q', '--allow-empty', '-m', 'Teammate note');
      await git(mate, 'push', '-q', 'origin', 'upgrade/web-service-2.1.0');
      expect((await api.git.pull({})).outcome).toBe('fast-forward');
      await eventually(() => expect(progress.some((e) => e.operation === 'pull')).toBe(true));
    }, 60_000);

    it('rebuilds a pull conflict as MergeConflictError and commits the resolution with both parents', async () => {
      const mate = join(base, 'mate');
      await git(mate, 'pull', '-q', '--ff-only');
      await git(mate, '-c', 'user.name=Mate', '-c', 'user.email=mate@example.com', 'commit', '-q', '--allow-empty', '-m', 'sync');
      const path = 'services/docs-portal.yaml';
      const original = await readFile(join(root, path), 'utf8');
      await promisify(execFile)('sh', ['-c', `printf 'theirs\\n' >> ${path} && git -c user.name=Mate -c user.email=mate@example.com commit -qam theirs && git push -q origin HEAD`], { cwd: mate });
      const file = await api.workspace.readFile({ path });
      await api.workspace.writeFile({ path, text: `${original}ours\n`, expectedVersion: file.version });
      await api.git.stage({ paths: [path] });
      await api.git.commit({ message: 'ours' });
      const error = await api.git.pull({}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MergeConflictError);
      const { ours, theirs } = (error as MergeConflictError).data;
      const conflicts = await api.git.readConflicts({ ours, theirs });
      expect(conflicts.find((c) => c.path === path)).toMatchObject({ ours: `${original}ours\n`, theirs: `${original}theirs\n`, clean: false });
      const merged = await api.git.resolveConflicts({ theirs, resolutions: { [path]: `${original}ours\ntheirs\n` } });
      expect((await git(root, 'log', '-1', '--format=%P', merged.commit)).trim().split(' ')).toEqual([ours, theirs]);
      expect(await readFile(join(root, path), 'utf8')).toBe(`${original}ours\ntheirs\n`);
    }, 60_000);
  });
}
