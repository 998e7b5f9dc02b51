// Catalogue-wide simulation at scale: 2,000 services × 2 environments × 50
// policies on the sample's published templates. Prints cold, warm and
// single-service figures; asserts nothing (targets: cold ≤ 10 s, warm ≤ 2 s,
// one service ≤ 100 ms).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { createSampleWorkspace } from '../workspace/sample/create-sample-workspace.js';
import { defaultSampleDir } from '../workspace/sample/resources-dir.js';
import { Simulator } from './run-simulation.js';
import { SimulationRunner } from './simulation-runner.js';

const serviceCount = Number(process.env.PAVER_BENCH_SERVICES ?? 2000);
const policyTarget = 50;
const base = await mkdtemp(join(tmpdir(), 'paver-simulate-bench-'));
const dir = join(base, 'catalogue');
await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });

// Services: spread over the three templates' published versions, every one with its own values.
await rm(join(dir, 'services'), { recursive: true });
await mkdir(join(dir, 'services'));
const pins = [['web-service', '^2.0.0'], ['web-service', '1.2.0'], ['worker', '^1.1.0'], ['cron-job', '1.1.0']] as const;
const teams = ['payments', 'search', 'platform', 'identity', 'data'];
for (let i = 0; i < serviceCount; i++) {
  const [template, version] = pins[i % pins.length]!;
  const name = `svc-${String(i).padStart(4, '0')}`;
  const image = template === 'web-service' && version.startsWith('^2')
    ? { repository: `ghcr.io/acme/${name}`, tag: `1.${i % 40}.0` }
    : `ghcr.io/acme/${name}:1.${i % 40}.0`;
  const values: Record<string, unknown> = { image, team: teams[i % teams.length], port: 8000 + (i % 100) };
  if (template === 'cron-job') values.schedule = `${i % 60} * * * *`;
  const resources = i % 7 === 0 ? {} : { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } };
  await writeFile(join(dir, 'services', `${name}.yaml`), stringify({
    apiVersion: 'paver.dev/v1alpha1', kind: 'Service',
    metadata: { name, labels: { team: teams[i % teams.length] } },
    spec: {
      template, version, values,
      environments: {
        dev: { namespace: `${teams[i % teams.length]}-dev`, values: { replicas: 1 } },
        prod: { namespace: `${teams[i % teams.length]}-prod`, values: { replicas: 1 + (i % 4), resources } },
      },
    },
  }));
}

// Policies: the sample's, then renamed copies of its CEL policies until there are 50.
const policyDir = join(dir, 'policies');
const documents: Record<string, unknown>[] = [];
for (const file of (await readdir(policyDir)).sort()) {
  for (const document of parseAllDocuments(await readFile(join(policyDir, file), 'utf8'))) documents.push(document.toJS() as Record<string, unknown>);
}
const policyKinds = new Set(['ValidatingAdmissionPolicy', 'ConstraintTemplate', 'ValidatingPolicy', 'ClusterPolicy', 'TemplatePolicy']);
let policies = documents.filter((d) => policyKinds.has(String(d.kind))).length;
const copyable = documents.filter((d) => d.kind === 'ValidatingAdmissionPolicy' || d.kind === 'ValidatingAdmissionPolicyBinding' || d.kind === 'ValidatingPolicy');
const extra: string[] = [];
for (let copy = 1; policies < policyTarget; copy++) {
  for (const document of copyable) {
    if (policies >= policyTarget && document.kind !== 'ValidatingAdmissionPolicyBinding') continue;
    const clone = structuredClone(document) as { kind: string; metadata: { name: string }; spec: { policyName?: string } };
    clone.metadata.name = `${clone.metadata.name}-copy-${copy}`;
    if (clone.spec.policyName) clone.spec.policyName = `${clone.spec.policyName}-copy-${copy}`;
    extra.push(stringify(clone));
    if (clone.kind !== 'ValidatingAdmissionPolicyBinding') policies++;
  }
}
await writeFile(join(policyDir, 'zz-generated-copies.yaml'), extra.join('---\n'));
console.log(`catalogue: ${serviceCount} services × 2 environments, ${policies} policies (${extra.length} generated objects)`);

const simulator = new Simulator();
const asOf = '2026-12-05';
let started = performance.now();
const cold = await simulator.run({ workspaceDir: dir, asOf });
const coldMs = performance.now() - started;
started = performance.now();
const warm = await simulator.run({ workspaceDir: dir, asOf });
const warmMs = performance.now() - started;
started = performance.now();
const one = await simulator.run({ workspaceDir: dir, asOf, services: ['svc-0042'] });
const oneMs = performance.now() - started;
const objects = cold.proposed.rows.length;
console.log(`cold (one thread):  ${coldMs.toFixed(0)} ms for ${objects} service-environments (${cold.stats.renders} renders), ${(objects / (coldMs / 1000)).toFixed(0)} service-environments/s  (target ≤ 10,000 ms)`);
console.log(`warm (renders cached): ${warmMs.toFixed(0)} ms, ${(objects / (warmMs / 1000)).toFixed(0)} service-environments/s, ${warm.stats.renders} renders  (target ≤ 2,000 ms)`);
console.log(`one service:        ${oneMs.toFixed(0)} ms (${one.proposed.rows.length} rows)  (target ≤ 100 ms)`);
console.log(`timeline: ${cold.timeline.map((e) => e.summary).join(' ')}`);

// The same cold run through the worker thread the app uses.
const runner = new SimulationRunner();
started = performance.now();
await runner.start({ workspaceDir: dir, asOf }).result;
console.log(`cold in the worker thread: ${(performance.now() - started).toFixed(0)} ms`);
await runner.close();
await rm(base, { recursive: true, force: true });
