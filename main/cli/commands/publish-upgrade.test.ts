import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPaver } from '../testing/run-paver.js';
import { createSampleWorkspace } from '../../../app/workspace/sample/create-sample-workspace.js';
import { defaultSampleDir } from '../../../app/workspace/sample/resources-dir.js';
import { runGit } from '../../../app/git/testing/temp-repository.js';

let parent: string;
let dir: string;

function paver(...argv: string[]) {
  return runPaver(argv, { cwd: dir });
}

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'paver-cli-publish-'));
  dir = path.join(parent, 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('paver publish and paver upgrade', () => {
  it('explains bad usage and refuses republishing on stderr with a non-zero exit', async () => {
    expect((await paver('publish', 'web-service')).stderr).toContain('--message TEXT is required');
    expect((await paver('publish', 'web-service', '--bump', 'huge', '-m', 'x')).code).toBe(2);
    const again = await paver('publish', 'web-service', '--version', '2.0.0', '--message', 'again');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/web-service 2.0.0 is already published/);
  });

  it('publishes a minor version and upgrades two services on a new branch', async () => {
    const published = await paver('publish', 'web-service', '--bump', 'minor', '--message', 'Probe defaults', '--workspace', dir);
    expect(published.stderr).toBe('');
    expect(published.stdout).toContain('Published web-service 2.1.0 (tag templates/web-service/v2.1.0');
    expect((await runGit(dir, ['tag', '-n1', '-l', 'templates/web-service/v2.1.0'])).trim()).toMatch(/^templates\/web-service\/v2.1.0\s+Probe defaults$/);

    const dry = await paver('upgrade', '--template', 'web-service', '--to', '2.1.0', '--services', 'payments-api,legacy-billing', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('payments-api (services/payments-api.yaml): ~2.0.0 = 2.0.0 -> ~2.1.0');
    expect(dry.stdout).toContain('hint (dev, prod): team is required by version 2.1.0');
    expect(dry.stdout).toContain('Dry run: nothing was changed.');
    expect((await runGit(dir, ['status', '--porcelain'])).trim()).toBe('');

    const applied = await paver('upgrade', '--template', 'web-service', '--to', 'v2.1.0', '--services', 'payments-api,legacy-billing');
    expect(applied.stdout).toContain('on new branch upgrade/web-service-2.1.0: services/legacy-billing.yaml, services/payments-api.yaml');
    expect(await readFile(path.join(dir, 'services/payments-api.yaml'), 'utf8')).toMatch(/version: "?~2\.1\.0"?/);
    expect((await runGit(dir, ['branch', '--show-current'])).trim()).toBe('upgrade/web-service-2.1.0');
  });
});
