// Loading and validating a workspace of 2,000 services (the scale issue 4 asks
// to stay fast at): cold (every file parsed) and warm (only changed files re-parsed).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFiles } from '../../git/testing/temp-repository.js';
import { loadWorkspace } from './load-workspace.js';
import { loadWorkspaceSchemas } from './workspace-schemas.js';

const dir = await mkdtemp(path.join(os.tmpdir(), 'paver-bench-model-'));
const files: Record<string, string> = {
  'paver.yaml': 'apiVersion: paver.dev/v1alpha1\nkind: Workspace\nmetadata: { name: bench }\nspec:\n  environments:\n    - { name: dev, context: kind-dev }\n    - { name: prod, context: prod }\n',
  'templates/web-service/Chart.yaml': 'apiVersion: v2\nname: web-service\nversion: 1.0.0\n',
};
for (let i = 0; i < 2000; i++) {
  files[`services/svc-${i}.yaml`] = `# service ${i}\napiVersion: paver.dev/v1alpha1\nkind: Service\nmetadata:\n  name: svc-${i}\n  labels: { team: team-${i % 40} }\nspec:\n  template: web-service\n  version: "^1.0.0"\n  values:\n    image: { repository: ghcr.io/acme/svc-${i}, tag: "1.${i}.0" }\n    port: 8080\n  environments:\n    dev: { namespace: svc-${i}, values: { replicas: 1 } }\n    prod: { namespace: svc-${i}, values: { replicas: 3 } }\n`;
}
await writeFiles(dir, files);
const schemas = await loadWorkspaceSchemas();
const published = [{ template: 'web-service', version: '1.0.0' }] as Parameters<typeof loadWorkspace>[1] extends infer O ? O extends { published?: infer P } ? P : never : never;
let start = performance.now();
const cold = await loadWorkspace(dir, { schemas, published });
const coldMs = performance.now() - start;
await writeFile(path.join(dir, 'services/svc-7.yaml'), files['services/svc-7.yaml']!.replace('replicas: 3', 'replicas: 4'));
start = performance.now();
await loadWorkspace(dir, { schemas, published });
const warmMs = performance.now() - start;
console.log(`load + validate 2,000 services (${cold.problems.length} problems)`);
console.log(`  cold (parse every file)               ${coldMs.toFixed(0)} ms`);
console.log(`  warm (one file changed)               ${warmMs.toFixed(0)} ms`);
await rm(dir, { recursive: true, force: true });
