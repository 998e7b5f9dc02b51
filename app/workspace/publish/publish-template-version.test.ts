import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSampleWorkspace } from '../sample/create-sample-workspace.js';
import { defaultSampleDir } from '../sample/resources-dir.js';
import { runGit } from '../../git/testing/temp-repository.js';
import { createEngineServiceRenderer, type ServiceRenderer } from '../versions/service-renderer.js';
import { listTemplateVersions } from '../versions/list-template-versions.js';
import { publishTemplateVersion } from './publish-template-version.js';
import { DirtyWorkingTreeError, DraftRenderFailedError, VersionAlreadyPublishedError } from '../../errors/index.js';

let parent: string;
let dir: string;
const precious = Buffer.from('# my unsaved notes\r\nreplicas: 3 \u2603\n');
const head = async () => (await runGit(dir, ['rev-parse', 'HEAD'])).trim();

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'paver-publish-'));
  dir = path.join(parent, 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
  await runGit(dir, ['config', 'user.name', 'Ada Publisher']);
  await runGit(dir, ['config', 'user.email', 'ada@example.com']);
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('publishing a template version', () => {
  it('refuses a version that is already published, changing nothing', async () => {
    const before = await head();
    await expect(publishTemplateVersion(dir, { template: 'web-service', version: '2.0.0', message: 'again' })).rejects.toThrow(VersionAlreadyPublishedError);
    expect(await head()).toBe(before);
  });

  it('refuses when the draft does not render for a service that would pick it up, changing nothing', async () => {
    const before = await head();
    const render: ServiceRenderer = async ({ service, environment }) => {
      if (service.name === 'checkout' && environment === 'prod') throw new Error('templates/deployment.yaml:12: nil pointer evaluating .Values.image.tag');
      return { manifests: '' };
    };
    const error = await publishTemplateVersion(dir, { template: 'web-service', bump: 'minor', message: 'x', render }).catch((e: unknown) => e) as DraftRenderFailedError;
    expect(error).toBeInstanceOf(DraftRenderFailedError);
    expect(error.data.failures).toEqual([{ service: 'checkout', environment: 'prod', message: 'templates/deployment.yaml:12: nil pointer evaluating .Values.image.tag' }]);
    expect(await head()).toBe(before);
    expect((await listTemplateVersions(dir, 'web-service')).map((v) => v.version)).toEqual(['2.0.0', '1.2.0', '1.1.0', '1.0.0']);
  });

  it('refuses when unrelated files are staged, so they never enter the publish commit', async () => {
    await writeFile(path.join(dir, 'services/docs-portal.yaml'), (await readFile(path.join(dir, 'services/docs-portal.yaml'), 'utf8')) + '# staged\n');
    await runGit(dir, ['add', 'services/docs-portal.yaml']);
    await expect(publishTemplateVersion(dir, { template: 'web-service', bump: 'minor', message: 'x' })).rejects.toThrow(DirtyWorkingTreeError);
    await runGit(dir, ['reset', '-q', '--', 'services/docs-portal.yaml']);
    await runGit(dir, ['checkout', '-q', '--', 'services/docs-portal.yaml']);
  });

  it('publishes with a dirty tree: renders every affected service, commits only the template, tags it, and keeps unrelated edits byte for byte', async () => {
    await writeFile(path.join(dir, 'services/checkout.yaml'), precious);
    await writeFile(path.join(dir, 'notes.txt'), precious);
    const draftEdit = path.join(dir, 'templates/web-service/values.yaml');
    await writeFile(draftEdit, (await readFile(draftEdit, 'utf8')) + '# tuned default\n');
    const result = await publishTemplateVersion(dir, { template: 'web-service', bump: 'minor', message: 'Add probe defaults\n\n- tuned default', render: createEngineServiceRenderer() });
    expect(result).toMatchObject({ version: '2.1.0', previousVersion: '2.0.0', tag: 'templates/web-service/v2.1.0' });
    expect(result.checkedServices.sort()).toEqual(['docs-portal', 'feature-flags', 'search-frontend']);
    expect(result.checkedServices).not.toContain('payments-api'); // ~2.0.0 does not accept 2.1.0
    expect(result.checkedServices).not.toContain('checkout'); // its file is mid-edit and no longer parses as a service
    expect(result.renders).toBeGreaterThan(4);
    expect(result.unrelatedChanges.sort()).toEqual(['notes.txt', 'services/checkout.yaml']);
    expect(await readFile(path.join(dir, 'services/checkout.yaml'))).toEqual(precious);
    expect(await readFile(path.join(dir, 'notes.txt'))).toEqual(precious);
    expect((await runGit(dir, ['show', '--name-only', '--format=%s', result.commit])).trim().split('\n').filter(Boolean)).toEqual([
      'Publish web-service 2.1.0', 'templates/web-service/Chart.yaml', 'templates/web-service/values.yaml']);
    const chart = await readFile(path.join(dir, 'templates/web-service/Chart.yaml'), 'utf8');
    expect(chart).toContain('# The next version to publish; published versions are the Git tags templates/web-service/v*.\nversion: 2.1.0\n');
    const versions = await listTemplateVersions(dir, 'web-service');
    expect(versions[0]).toMatchObject({ version: '2.1.0', changelog: 'Add probe defaults\n\n- tuned default', commit: result.commit, author: { name: 'Ada Publisher', email: 'ada@example.com' } });
    expect((await runGit(dir, ['status', '--porcelain'])).split('\n').filter(Boolean).sort()).toEqual([' M services/checkout.yaml', '?? notes.txt']);
  });
});
