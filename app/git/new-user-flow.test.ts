// What a new user does (issue 4 "Targets"): publish a version, upgrade two
// services, commit, and push branch and tag to a (real, local) remote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startGitHttpBackend, type GitHttpBackend } from '../testing/git-http-backend.js';
import { createSampleWorkspace } from '../workspace/sample/create-sample-workspace.js';
import { defaultSampleDir } from '../workspace/sample/resources-dir.js';
import { runGit } from './testing/temp-repository.js';
import { publishTemplateVersion } from '../workspace/publish/publish-template-version.js';
import { planUpgrade } from '../workspace/upgrade/plan-upgrade.js';
import { applyUpgrade } from '../workspace/upgrade/apply-upgrade.js';
import { createEngineServiceRenderer } from '../workspace/versions/service-renderer.js';
import { pushRemote } from './remotes/push-remote.js';
import { InMemoryCredentialStore } from './remotes/credentials.js';

let remote: GitHttpBackend;
let parent: string;
let dir: string;

beforeAll(async () => {
  remote = await startGitHttpBackend({ users: { ada: 'token-123' } });
  parent = await mkdtemp(path.join(os.tmpdir(), 'paver-new-user-'));
  dir = path.join(parent, 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
  await runGit(dir, ['config', 'user.name', 'Ada']);
  await runGit(dir, ['config', 'user.email', 'ada@example.com']);
  await runGit(dir, ['remote', 'add', 'origin', await remote.createRepository('acme.git')]);
});
afterAll(async () => {
  await remote.close();
  await rm(parent, { recursive: true, force: true });
});

describe('a new user publishes, upgrades and pushes', () => {
  it('ends with the branch, the upgrade branch and the version tag on the remote', async () => {
    const credentials = new InMemoryCredentialStore();
    const url = remote.repoUrl('acme.git');
    await credentials.set(url, { username: 'ada', token: 'token-123' });
    const render = createEngineServiceRenderer();
    await pushRemote(dir, { credentials: await credentials.get(url) });

    const published = await publishTemplateVersion(dir, { template: 'worker', bump: 'minor', message: 'Graceful shutdown hook', render });
    expect(published.version).toBe('1.2.0');
    await pushRemote(dir, { tags: [published.tag], credentials: await credentials.get(url) });

    const plan = await planUpgrade(dir, { template: 'worker', to: published.version, services: ['search-crawler', 'log-shipper'], render });
    expect(plan.services.map((s) => `${s.service} ${s.from} -> ${s.newRequested}`)).toEqual(['log-shipper 1.1.1 -> ~1.2.0', 'search-crawler 1.0.0 -> 1.2.0']);
    expect(plan.services.every((s) => s.environments.every((e) => e.before && e.after && !e.afterError))).toBe(true);
    const applied = await applyUpgrade(dir, plan);
    await pushRemote(dir, { credentials: await credentials.get(url) });

    const clone = path.join(parent, 'clone');
    await runGit(parent, ['clone', '-q', url.replace('http://', 'http://ada:token-123@'), 'clone']);
    expect((await runGit(clone, ['tag', '-n1', '-l', 'templates/worker/v1.2.0'])).trim()).toMatch(/Graceful shutdown hook$/);
    await runGit(clone, ['checkout', '-q', applied.branch]);
    expect(await readFile(path.join(clone, 'services/log-shipper.yaml'), 'utf8')).toBe(await readFile(path.join(dir, 'services/log-shipper.yaml'), 'utf8'));
    expect((await runGit(clone, ['log', '-1', '--format=%s'])).trim()).toBe('Upgrade 2 service(s) to worker 1.2.0');
  });
});
