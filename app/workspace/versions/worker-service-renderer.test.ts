// Publish checks and upgrade plans render in a worker thread: same output as
// rendering in-process, errors arrive as their own classes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TemplateRenderError } from '../../errors/index.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { createSampleWorkspace } from '../sample/create-sample-workspace.js';
import { defaultSampleDir } from '../sample/resources-dir.js';
import { readTemplateAtVersion } from './read-template-at-version.js';
import { createEngineServiceRenderer } from './service-renderer.js';
import { readTemplateDraft } from './template-source.js';
import { WorkerServiceRenderers } from './worker-service-renderer.js';

let dir: string;
const renderers = new WorkerServiceRenderers();

beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'paver-render-worker-')), 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
});
afterAll(async () => {
  await renderers.close();
  await rm(join(dir, '..'), { recursive: true, force: true });
});

it('renders a service from a published version and from the draft exactly as in-process rendering does', async () => {
  const model = await loadWorkspace(dir);
  const checkout = model.services.find((s) => s.name === 'checkout')!;
  const published = await readTemplateAtVersion(dir, 'web-service', '2.0.0');
  const draft = await readTemplateDraft(dir, 'web-service');
  const inWorker = renderers.renderer(dir);
  const inProcess = createEngineServiceRenderer();
  for (const source of [published, draft]) {
    const expected = await inProcess({ source, service: checkout, environment: 'prod' });
    expect((await inWorker({ source, service: checkout, environment: 'prod' })).manifests).toBe(expected.manifests);
  }
});

it('rejects with the engine\'s error class when a service does not render', async () => {
  const model = await loadWorkspace(dir);
  const statusPage = model.services.find((s) => s.name === 'status-page')!;
  // status-page's values are for web-service 1.x: 2.0.0's schema rejects them.
  const published = await readTemplateAtVersion(dir, 'web-service', '2.0.0');
  const error = await renderers.renderer(dir)({ source: published, service: statusPage, environment: 'prod' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TemplateRenderError);
  expect((error as Error).message).toContain('web-service');
});
