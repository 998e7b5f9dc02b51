import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSampleWorkspace } from '../sample/create-sample-workspace.js';
import { defaultSampleDir } from '../sample/resources-dir.js';
import { runGit } from '../../git/testing/temp-repository.js';
import { createEngineServiceRenderer } from '../versions/service-renderer.js';
import { planUpgrade, rewriteVersionRequest } from './plan-upgrade.js';
import { applyUpgrade, setServiceTemplateVersion } from './apply-upgrade.js';
import { DirtyWorkingTreeError, InvalidRequestError, TemplateVersionNotFoundError } from '../../errors/index.js';

let parent: string;
let dir: string;
const render = createEngineServiceRenderer();
const read = (file: string) => readFile(path.join(dir, file), 'utf8');

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'paver-upgrade-'));
  dir = path.join(parent, 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
  await runGit(dir, ['config', 'user.name', 'Ada']);
  await runGit(dir, ['config', 'user.email', 'ada@example.com']);
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('upgrade assistant', () => {
  it('plans rendered before/after diffs per environment and lists migration hints', async () => {
    const plan = await planUpgrade(dir, { template: 'web-service', to: '2.0.0', services: ['status-page', 'legacy-billing'], render });
    expect(plan.services.map((s) => [s.service, s.requested, s.from, s.newRequested])).toEqual([
      ['legacy-billing', '1.2.0', '1.2.0', '2.0.0'],
      ['status-page', '1.0.0', '1.0.0', '2.0.0'],
    ]);
    const statusPage = plan.services.find((s) => s.service === 'status-page')!;
    expect(statusPage.environments.map((e) => e.environment)).toEqual(['dev', 'prod']);
    for (const environment of statusPage.environments) {
      expect(environment.before).toContain('kind: Deployment');
      expect(environment.beforeError).toBeUndefined();
    }
    expect(statusPage.hints.filter((h) => h.kind === 'rejected').map((h) => [h.path, h.environments])).toEqual(expect.arrayContaining([
      ['image', ['dev', 'prod']], ['team', ['dev', 'prod']],
    ]));
    expect(statusPage.hints.find((h) => h.path === 'team')!.message).toBe('team is required by version 2.0.0');
    expect(statusPage.hints.find((h) => h.path === 'image')!.message).toBe('image must be object in version 2.0.0');
    expect(statusPage.environments[0]!.afterError).toBeDefined(); // 2.0.0 cannot render it until image and team are migrated
    const legacy = plan.services.find((s) => s.service === 'legacy-billing')!;
    expect(legacy.hints.map((h) => `${h.kind} ${h.path}`)).toEqual(['rejected image', 'rejected imagePullPolicy', 'rejected team']);
  });

  it('refuses unknown services and unpublished versions', async () => {
    await expect(planUpgrade(dir, { template: 'web-service', to: '2.0.0', services: ['nope'], render })).rejects.toThrow(InvalidRequestError);
    await expect(planUpgrade(dir, { template: 'web-service', to: '9.0.0', render })).rejects.toThrow(TemplateVersionNotFoundError);
  });

  it('rewrites only spec.version, keeping comments and quoting', () => {
    const text = '# keep me\nspec:\n  template: web-service\n  # pinned\n  version: "^1.4.0" # trailing\n  values: { port: 8080 }\n';
    expect(setServiceTemplateVersion(text, '^2.0.0')).toBe(text.replace('"^1.4.0"', '"^2.0.0"'));
    expect(rewriteVersionRequest('~1.4', '2.0.0')).toBe('~2.0.0');
    expect(rewriteVersionRequest('>=1.1.0 <2.0.0', '2.0.0')).toBe('2.0.0');
  });

  it('applies on a new branch and commits only the service files, refusing a service with unsaved edits', async () => {
    const plan = await planUpgrade(dir, { template: 'web-service', to: '2.0.0', services: ['status-page', 'legacy-billing'], render });
    const original = await read('services/status-page.yaml');
    await writeFile(path.join(dir, 'services/status-page.yaml'), original + '# unsaved\n');
    await expect(applyUpgrade(dir, plan)).rejects.toThrow(DirtyWorkingTreeError);
    expect(await read('services/status-page.yaml')).toBe(original + '# unsaved\n');
    await writeFile(path.join(dir, 'services/status-page.yaml'), original);
    const result = await applyUpgrade(dir, plan);
    expect(result.branch).toBe('upgrade/web-service-2.0.0');
    expect((await runGit(dir, ['branch', '--show-current'])).trim()).toBe(result.branch);
    expect(await read('services/status-page.yaml')).toBe(original.replace('version: "1.0.0"', 'version: "2.0.0"'));
    expect((await runGit(dir, ['show', '--name-only', '--format=%s', result.commit])).trim().split('\n').filter(Boolean)).toEqual([
      'Upgrade 2 service(s) to web-service 2.0.0', 'services/legacy-billing.yaml', 'services/status-page.yaml']);
    expect((await runGit(dir, ['show', 'main:services/status-page.yaml']))).toBe(original);
  });
});
