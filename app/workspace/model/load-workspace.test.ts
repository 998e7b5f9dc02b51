import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFiles } from '../../git/testing/temp-repository.js';
import { loadWorkspace } from './load-workspace.js';
import { compileWorkspaceSchemas } from './workspace-schemas.js';
import type { TemplateVersion } from '../versions/list-template-versions.js';

// Minimal schemas in the shape of resources/schemas (kind pinned by `const`).
const schemas = compileWorkspaceSchemas([
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://paver.dev/schemas/workspace.json', type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: { apiVersion: { const: 'paver.dev/v1alpha1' }, kind: { const: 'Workspace' }, metadata: { type: 'object' },
      spec: { type: 'object', properties: { environments: { type: 'array', items: { type: 'object', required: ['name'] } } } } },
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: 'paver.dev/v1alpha1' }, kind: { const: 'Service' },
      metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      spec: { type: 'object', required: ['template', 'version'], additionalProperties: false,
        properties: { template: { type: 'string' }, version: { type: 'string' }, values: { type: 'object' }, environments: { type: 'object' } } },
    },
  },
]);

const published = [{ template: 'web-service', version: '1.4.0' }, { template: 'web-service', version: '1.5.0' }] as TemplateVersion[];
const service = (name: string, extra = '') => `apiVersion: paver.dev/v1alpha1
kind: Service
metadata:
  name: ${name}
spec:
  template: web-service
  version: "^1.4.0"
  values: { port: 8080 }
  environments:
    dev: { namespace: ${name} }
${extra}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'paver-model-'));
  await writeFiles(dir, {
    'paver.yaml': 'apiVersion: paver.dev/v1alpha1\nkind: Workspace\nmetadata: { name: acme }\nspec:\n  environments:\n    - name: dev\n      context: kind-dev\n    - name: prod\n',
    'templates/web-service/Chart.yaml': 'apiVersion: v2\nname: web-service\nversion: 1.6.0\n',
    'services/checkout.yaml': service('checkout'),
    'services/broken.yaml': 'apiVersion: paver.dev/v1alpha1\nkind: Service\nmetadata:\n  name: [unclosed\n',
    'services/typo.yaml': service('typo').replace('  values:', '  valuez: {}\n  values:'),
    'services/unknown.yaml': service('unknown').replace('template: web-service', 'template: web-servic'),
    'services/old.yaml': service('old').replace('"^1.4.0"', '"^2.0.0"'),
    'services/staging.yaml': service('staging').replace('    dev:', '    staging:'),
    'services/dupe.yaml': service('checkout'),
    'policies/p.yaml': 'apiVersion: paver.dev/v1alpha1\nkind: TemplatePolicy\nmetadata: { name: p }\nspec:\n  template: nope\n---\nkind: Other\nmetadata: { name: q }\n',
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loading a workspace reports every problem with its position', () => {
  it('keeps loading the other files when one is broken, and points at each problem', async () => {
    const model = await loadWorkspace(dir, { schemas, published });
    expect(model.workspace?.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    expect(model.templates).toEqual(['web-service']);
    expect(model.services.map((s) => s.name).sort()).toEqual(['checkout', 'checkout', 'old', 'staging', 'typo', 'unknown']);
    expect(model.policies.map((p) => p.kind)).toEqual(['TemplatePolicy', 'Other']);
    const byFile = (file: string) => model.problems.filter((p) => p.file === file);
    expect(byFile('services/broken.yaml')[0]).toMatchObject({ line: 5, message: expect.stringMatching(/^YAML syntax: Flow sequence/) });
    expect(byFile('services/typo.yaml')).toEqual([{ file: 'services/typo.yaml', line: 8, column: 3, message: "spec: unknown field 'valuez'" }]);
    expect(byFile('services/unknown.yaml')).toEqual([{ file: 'services/unknown.yaml', line: 6, column: 13, message: "unknown template 'web-servic'; templates: web-service" }]);
    expect(byFile('services/old.yaml')).toEqual([{ file: 'services/old.yaml', line: 7, column: 12, message: "version '^2.0.0' of 'web-service' does not resolve (published: 1.4.0, 1.5.0)" }]);
    expect(byFile('services/staging.yaml')).toEqual([{ file: 'services/staging.yaml', line: 10, column: 5, message: "environment 'staging' is not declared in paver.yaml (declared: dev, prod)" }]);
    expect(byFile('services/dupe.yaml')).toEqual([{ file: 'services/dupe.yaml', line: 4, column: 9, message: "duplicate service name 'checkout' (also in services/checkout.yaml); rename one of them" }]);
    expect(byFile('services/checkout.yaml')).toEqual([]);
    expect(byFile('policies/p.yaml')).toEqual([{ file: 'policies/p.yaml', line: 5, column: 13, message: "unknown template 'nope'" }]);
  });

  it('reports a missing paver.yaml and still loads every service (500 here; 2,000 in the benchmark)', async () => {
    const big = await mkdtemp(path.join(os.tmpdir(), 'paver-model-big-'));
    const files: Record<string, string> = { 'templates/web-service/Chart.yaml': 'name: web-service\n' };
    for (let i = 0; i < 500; i++) files[`services/svc-${i}.yaml`] = service(`svc-${i}`);
    await writeFiles(big, files);
    const model = await loadWorkspace(big, { schemas, published });
    expect(model.services).toHaveLength(500);
    expect(model.problems).toEqual([{ file: 'paver.yaml', line: 1, column: 1, message: 'paver.yaml is missing; create it to declare the environments' }]);
    await rm(big, { recursive: true, force: true });
  });
});
