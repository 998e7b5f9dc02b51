// Publishing a template version with 50 dependent services: the draft is
// rendered for each service x environment with the real engine, then
// Chart.yaml is set, committed and tagged.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSampleWorkspace } from '../workspace/sample/create-sample-workspace.js';
import { defaultSampleDir } from '../workspace/sample/resources-dir.js';
import { commitFiles, runGit } from './testing/temp-repository.js';
import { publishTemplateVersion } from '../workspace/publish/publish-template-version.js';
import { checkDraftRenders } from '../workspace/publish/check-draft-renders.js';
import { createEngineServiceRenderer } from '../workspace/versions/service-renderer.js';
import { readTemplateDraft } from '../workspace/versions/template-source.js';
import { loadWorkspace } from '../workspace/model/load-workspace.js';

const parent = await mkdtemp(path.join(os.tmpdir(), 'paver-bench-publish-'));
const dir = path.join(parent, 'acme');
await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
await runGit(dir, ['config', 'user.name', 'Bench']);
await runGit(dir, ['config', 'user.email', 'bench@example.com']);
const checkout = await readFile(path.join(dir, 'services/checkout.yaml'), 'utf8');
const files: Record<string, string> = {};
for (let i = 0; i < 50; i++) files[`services/bench-${i}.yaml`] = checkout.replace(/name: checkout/g, `name: bench-${i}`);
await commitFiles(dir, files, 'Add 50 services on web-service ^2.0.0');

const model = await loadWorkspace(dir);
const draft = await readTemplateDraft(dir, 'web-service');
let start = performance.now();
const check = await checkDraftRenders({ draft, version: '2.1.0', services: model.services, render: createEngineServiceRenderer(), kubeVersion: model.workspace?.kubeVersion });
const renderOnly = performance.now() - start;

const samples: number[] = [];
for (const bump of ['minor', 'patch', 'patch'] as const) {
  start = performance.now();
  const result = await publishTemplateVersion(dir, { template: 'web-service', bump, message: `Bench ${bump}`, render: createEngineServiceRenderer() });
  samples.push(performance.now() - start);
  if (result.checkedServices.length < 50) throw new Error(`expected 50+ dependent services, got ${result.checkedServices.length}`);
}
const median = samples.slice().sort((a, b) => a - b)[1]!;
console.log(`publish web-service with ${check.services.length} dependent services (${check.renders} service x environment renders)`);
console.log(`  render check alone, cold (first run)  ${renderOnly.toFixed(0)} ms (${(renderOnly / check.renders).toFixed(1)} ms per render)`);
console.log(`  whole publish, median of 3            ${median.toFixed(0)} ms   (runs: ${samples.map((s) => s.toFixed(0)).join(', ')} ms)`);
await rm(parent, { recursive: true, force: true });
