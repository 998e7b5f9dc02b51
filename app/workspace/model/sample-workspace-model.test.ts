import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSampleWorkspace } from '../sample/create-sample-workspace.js';
import { defaultSampleDir } from '../sample/resources-dir.js';
import { loadWorkspace } from './load-workspace.js';

let parent: string;
let dir: string;
beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'paver-sample-model-'));
  dir = path.join(parent, 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('the sample workspace against the bundled JSON Schemas', () => {
  it('loads without problems, with published versions from its tags', async () => {
    const model = await loadWorkspace(dir);
    expect(model.problems).toEqual([]);
    expect(model.templates).toEqual(['cron-job', 'web-service', 'worker']);
    expect(model.services.find((s) => s.name === 'checkout')).toMatchObject({ template: 'web-service', file: 'services/checkout.yaml' });
  });

  it('points schema problems in real files at their line and column', async () => {
    const file = path.join(dir, 'services/checkout.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^(\s*)template: web-service$/m, '$1template: web-service\n$1colour: blue'));
    await writeFile(path.join(dir, 'policies/broken.yaml'), 'apiVersion: paver.dev/v1alpha1\nkind: TemplatePolicy\nmetadata: {name: x}\nspec: {}\n');
    const model = await loadWorkspace(dir);
    const line = original.split('\n').findIndex((l) => /^\s*template: web-service$/.test(l)) + 2;
    expect(model.problems.find((p) => p.file === 'services/checkout.yaml')).toMatchObject({ line, message: expect.stringContaining("'colour'") });
    expect(model.problems.filter((p) => p.file === 'policies/broken.yaml').length).toBeGreaterThan(0);
    expect(model.services).toHaveLength(15);
    await writeFile(file, original);
    await rm(path.join(dir, 'policies/broken.yaml'));
  });
});
