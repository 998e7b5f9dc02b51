import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, createTempRepository, removeTempRepository, runGit } from '../../git/testing/temp-repository.js';
import { listTemplateVersions } from './list-template-versions.js';
import { readTemplateAtVersion } from './read-template-at-version.js';
import { resolveTemplateVersion } from './resolve-template-version.js';
import { TemplateVersionNotFoundError, FileNotFoundError } from '../../errors/index.js';

let dir: string;

beforeAll(async () => {
  dir = await createTempRepository({
    'templates/web-service/Chart.yaml': 'apiVersion: v2\nname: web-service\nversion: 1.0.0\n',
    'templates/web-service/templates/deployment.yaml': 'kind: Deployment # v1\n',
    'templates/worker/Chart.yaml': 'apiVersion: v2\nname: worker\nversion: 0.1.0\n',
  });
  await runGit(dir, ['tag', '-a', 'templates/web-service/v1.0.0', '-m', 'First release\n\n- deployment']);
  await runGit(dir, ['tag', 'templates/worker/v0.1.0']);
  await commitFiles(dir, { 'templates/web-service/templates/deployment.yaml': 'kind: Deployment # v1.1\n', 'templates/web-service/templates/service.yaml': 'kind: Service\n' }, 'Add service');
  await runGit(dir, ['tag', '-a', 'templates/web-service/v1.1.0', '-m', 'Add a Service']);
  await runGit(dir, ['tag', 'unrelated-tag']);
  await commitFiles(dir, { 'templates/web-service/templates/deployment.yaml': 'kind: Deployment # draft\n' }, 'Draft work');
});
afterAll(() => removeTempRepository(dir));

describe('template versions come from Git tags', () => {
  it('lists versions newest first with date, author and changelog', async () => {
    const versions = await listTemplateVersions(dir, 'web-service');
    expect(versions.map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);
    expect(versions[1]).toMatchObject({ tag: 'templates/web-service/v1.0.0', changelog: 'First release\n\n- deployment', author: { name: 'Test Author', email: 'author@example.com' } });
    expect(Date.parse(versions[1]!.date)).toBeGreaterThan(Date.parse('2020-01-01'));
    const all = await listTemplateVersions(dir);
    expect(all.map((v) => `${v.template}@${v.version}`)).toEqual(['web-service@1.1.0', 'web-service@1.0.0', 'worker@0.1.0']);
    expect(all[2]!.changelog).toBe('');
  });

  it('reads the published tree, not the draft in the working tree', async () => {
    const old = await readTemplateAtVersion(dir, 'web-service', '1.0.0');
    expect(old.paths).toEqual(['Chart.yaml', 'templates/deployment.yaml']);
    expect(await old.readText('templates/deployment.yaml')).toBe('kind: Deployment # v1\n');
    const newer = await readTemplateAtVersion(dir, 'web-service', '1.1.0');
    expect(await newer.readText('templates/deployment.yaml')).toBe('kind: Deployment # v1.1\n');
    expect(newer.paths).toContain('templates/service.yaml');
    await expect(old.readText('templates/service.yaml')).rejects.toThrow(FileNotFoundError);
    await expect(readTemplateAtVersion(dir, 'web-service', '9.9.9')).rejects.toThrow(TemplateVersionNotFoundError);
  });

  it('resolves ranges against published versions and explains a miss', async () => {
    const versions = await listTemplateVersions(dir);
    expect(resolveTemplateVersion(versions, 'web-service', '^1.0.0')).toBe('1.1.0');
    expect(resolveTemplateVersion(versions, 'web-service', '~1.0.0')).toBe('1.0.0');
    expect(() => resolveTemplateVersion(versions, 'web-service', '^2.0.0')).toThrow(/Published: 1.1.0, 1.0.0/);
  });
});

describe('usage matrix', () => {
  it('shows which published version each service resolves to and whether it is behind', async () => {
    const { usageMatrix } = await import('./usage-matrix.js');
    const service = (name: string, version: string, environments: string[]) => ({
      file: `services/${name}.yaml`, name, labels: { team: 'payments' }, template: 'web-service', version, values: {},
      environments: Object.fromEntries(environments.map((e) => [e, { values: {} }])),
    });
    const rows = usageMatrix([service('b', '~1.0.0', ['dev', 'prod']), service('a', '^1.0.0', ['dev']), service('c', '^3.0.0', [])], await listTemplateVersions(dir));
    expect(rows.map((r) => [r.service, r.resolved, r.latest, r.behindLatest, r.environments.join('+'), r.team])).toEqual([
      ['a', '1.1.0', '1.1.0', false, 'dev', 'payments'],
      ['b', '1.0.0', '1.1.0', true, 'dev+prod', 'payments'],
      ['c', undefined, '1.1.0', false, '', 'payments'],
    ]);
  });
});
