import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSampleWorkspace } from '../sample/create-sample-workspace.js';
import { defaultSampleDir } from '../sample/resources-dir.js';
import { runGit } from '../../git/testing/temp-repository.js';
import { DirtyWorkingTreeError, VersionAlreadyPublishedError, WorkspaceNotOpenError } from '../../errors/index.js';
import { TemplateVersionsService } from './template-versions-service.js';

let parent: string;
let dir: string;
let service: TemplateVersionsService;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'paver-templates-service-'));
  dir = path.join(parent, 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
  await runGit(dir, ['config', 'user.name', 'Ada']);
  await runGit(dir, ['config', 'user.email', 'ada@example.com']);
  service = new TemplateVersionsService({ workspaceDir: () => dir });
}, 60_000);
afterAll(async () => { await rm(parent, { recursive: true, force: true }); });

describe('TemplateVersionsService', () => {
  it('needs an open workspace', async () => {
    await expect(new TemplateVersionsService({ workspaceDir: () => null }).listTemplates()).rejects.toThrow(WorkspaceNotOpenError);
  });

  it('lists templates with their published versions newest first and changelogs', async () => {
    const templates = await service.listTemplates();
    const web = templates.find((t) => t.name === 'web-service')!;
    expect(web.latest).toBe('2.0.0');
    expect(web.versions.map((v) => v.version)).toEqual(['2.0.0', '1.2.0', '1.1.0', '1.0.0']);
    expect(web.versions[0]!.changelog.length).toBeGreaterThan(0);
    expect(web.services).toBeGreaterThan(0);
    expect((await service.listVersions({ template: 'worker' })).map((v) => v.version)).toEqual(['1.1.1', '1.1.0', '1.0.0']);
  });

  it('diffs two published versions and a version against the draft', async () => {
    const between = await service.diffVersions({ template: 'web-service', from: '1.2.0', to: '2.0.0' });
    const schema = between.find((c) => c.path === 'values.schema.json')!;
    expect(schema.change).toBe('modified');
    expect(schema.oldText).not.toEqual(schema.newText);
    const draft = await service.diffVersions({ template: 'web-service', from: '2.0.0', to: 'draft' });
    expect(draft.length).toBeGreaterThan(0);
    expect(await service.diffVersions({ template: 'worker', from: '1.1.1', to: '1.1.1' })).toEqual([]);
  });

  it('previews a publish with the bump suggestion and the render check, then publishes and refuses a re-publish', async () => {
    const preview = await service.previewPublish({ template: 'web-service' });
    expect(preview.previousVersion).toBe('2.0.0');
    expect(preview.nextVersions).toEqual({ major: '3.0.0', minor: '2.1.0', patch: '2.0.1' });
    expect(preview.version).toBe(preview.nextVersions[preview.suggestedBump]);
    expect(preview.check.failures).toEqual([]);
    expect(preview.check.services.length).toBeGreaterThan(0);
    const published = await service.publish({ template: 'web-service', bump: 'minor', message: 'Startup probes by default' });
    expect(published).toMatchObject({ version: '2.1.0', tag: 'templates/web-service/v2.1.0', previousVersion: '2.0.0' });
    const versions = await service.listVersions({ template: 'web-service' });
    expect(versions[0]).toMatchObject({ version: '2.1.0', changelog: 'Startup probes by default' });
    await expect(service.publish({ template: 'web-service', version: '2.1.0', message: 'again' })).rejects.toThrow(VersionAlreadyPublishedError);
  }, 60_000);

  it('shows the service table with behind-the-latest rows per environment', async () => {
    const table = await service.serviceUsage();
    const statusPage = table.rows.filter((r) => r.service === 'status-page');
    expect(statusPage.map((r) => r.environment).sort()).toEqual(['dev', 'prod']);
    expect(statusPage[0]).toMatchObject({ template: 'web-service', requested: '1.0.0', resolved: '1.0.0', latest: '2.1.0', behindLatest: true, team: 'platform' });
    expect(table.environments).toEqual(expect.arrayContaining(['dev', 'prod']));
    expect(table.teams).toEqual(expect.arrayContaining(['platform', 'search', 'payments']));
    expect(table.templates.find((t) => t.name === 'worker')?.latest).toBe('1.1.1');
  });

  it('plans an upgrade with rendered diffs and hints, and applies it as a commit on a new branch', async () => {
    const plan = await service.planUpgrade({ template: 'web-service', to: '2.1.0', services: ['status-page', 'search-api'] });
    expect(plan.services.map((s) => s.service).sort()).toEqual(['search-api', 'status-page']);
    const statusPage = plan.services.find((s) => s.service === 'status-page')!;
    expect(statusPage.environments.map((e) => e.environment).sort()).toEqual(['dev', 'prod']);
    expect(statusPage.environments[0]!.before).toContain('kind: Deployment');
    expect(statusPage.hints.length).toBeGreaterThan(0);

    const before = await readFile(path.join(dir, 'services/status-page.yaml'), 'utf8');
    await writeFile(path.join(dir, 'services/status-page.yaml'), `${before}# local edit\n`);
    await expect(service.applyUpgrade({ template: 'web-service', to: '2.1.0', services: ['status-page'] })).rejects.toThrow(DirtyWorkingTreeError);
    expect(await readFile(path.join(dir, 'services/status-page.yaml'), 'utf8')).toBe(`${before}# local edit\n`);
    await writeFile(path.join(dir, 'services/status-page.yaml'), before);

    const applied = await service.applyUpgrade({ template: 'web-service', to: '2.1.0', services: ['status-page', 'search-api'] });
    expect(applied.branch).toBe('upgrade/web-service-2.1.0');
    expect(applied.files.sort()).toEqual(['services/search-api.yaml', 'services/status-page.yaml']);
    const after = await readFile(path.join(dir, 'services/status-page.yaml'), 'utf8');
    expect(after).toContain('version: "2.1.0"');
    expect(after).toContain('# Written in a hurry during the 2026 outage');
    expect((await runGit(dir, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('upgrade/web-service-2.1.0');
    expect((await runGit(dir, ['status', '--porcelain'])).trim()).toBe('');
  }, 60_000);
});
