// Catalogue-wide simulation at scale: 2,000 services × 2 environments × 50
// policies on the sample's published templates. Prints cold, warm and
// single-service figures, evaluations per second and the policy engine's
// overhead factor against raw CEL evaluation time; asserts nothing (targets:
// cold ≤ 10 s, warm ≤ 2 s, one service ≤ 100 ms, overhead ≤ 1.5x).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { createSampleWorkspace } from '../workspace/sample/create-sample-workspace.js';
import { defaultSampleDir } from '../workspace/sample/resources-dir.js';
import { Simulator } from './run-simulation.js';
import { SimulationRunner } from './simulation-runner.js';
import { recordCelCalls } from '../policy/testing/raw-cel-recorder.js';
import { evaluateAdmission } from '../policy/index.js';

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
  // Values that each pinned version's values.schema.json accepts, so every service renders
  // (web-service 1.2.0 takes an image string and no team; workers and cron jobs no port).
  const legacy = template === 'web-service' && version === '1.2.0';
  const image = legacy ? `ghcr.io/acme/${name}:1.${i % 40}.0` : { repository: `ghcr.io/acme/${name}`, tag: `1.${i % 40}.0` };
  const values: Record<string, unknown> = { image };
  if (!legacy) values.team = teams[i % teams.length];
  if (template === 'web-service') values.port = 8000 + (i % 100);
  if (template === 'cron-job') values.schedule = `${i % 60} * * * *`;
  const resources = i % 7 === 0 ? {} : { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } };
  const replicas = (n: number) => (template === 'cron-job' ? {} : { replicas: n });
  await writeFile(join(dir, 'services', `${name}.yaml`), stringify({
    apiVersion: 'paver.dev/v1alpha1', kind: 'Service',
    metadata: { name, labels: { team: teams[i % teams.length] } },
    spec: {
      template, version, values,
      environments: {
        dev: { namespace: `${teams[i % teams.length]}-dev`, values: replicas(1) },
        prod: { namespace: `${teams[i % teams.length]}-prod`, values: { ...replicas(1 + (i % 4)), resources } },
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
const timed = async (services?: string[]) => {
  const started = performance.now();
  const result = await simulator.run({ workspaceDir: dir, asOf, services });
  return { result, ms: performance.now() - started, timings: simulator.lastTimings };
};
const cold = await timed();
const warmRuns = [await timed(), await timed(), await timed()];
const warm = warmRuns.reduce((best, run) => (run.ms < best.ms ? run : best));
const serviceName = (i: number) => `svc-${String(i % serviceCount).padStart(4, '0')}`;
const oneRuns = [await timed([serviceName(42)]), await timed([serviceName(1042)]), await timed([serviceName(serviceCount - 1)])];
const one = oneRuns.reduce((best, run) => (run.ms < best.ms ? run : best));
const rows = cold.result.proposed.rows.length;
const renderErrors = cold.result.proposed.rows.filter((r) => r.renderError);
if (renderErrors.length) console.log(`warning: ${renderErrors.length} rows did not render, e.g. ${renderErrors[0]!.service}: ${renderErrors[0]!.renderError}`);
const policyCount = policies;
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
const phases = (t: typeof cold.timings) => `load ${t.loadMs.toFixed(0)}, render ${t.renderMs.toFixed(0)}, policy engine ${t.policyMs.toFixed(0)} (TemplatePolicies ${t.templatePolicyMs.toFixed(0)}), timeline ${t.timelineMs.toFixed(0)} ms`;
console.log(`cold (one thread):  ${cold.ms.toFixed(0)} ms for ${rows} service-environments (${cold.result.stats.renders} renders): ${phases(cold.timings)}  (target ≤ 10,000 ms, goal 5,000)`);
console.log(`warm (renders cached, best of 3): ${warm.ms.toFixed(0)} ms (runs: ${warmRuns.map((r) => r.ms.toFixed(0)).join(', ')}), ${warm.result.stats.renders} renders: ${phases(warm.timings)}  (target ≤ 2,000 ms, goal 1,000)`);
console.log(`one service (best of 3): ${one.ms.toFixed(0)} ms (runs: ${oneRuns.map((r) => r.ms.toFixed(0)).join(', ')}; ${one.result.proposed.rows.length} rows): ${phases(one.timings)}  (target ≤ 100 ms)`);
// Evaluations: each admission request is judged by every policy (most skip it on their match rules).
const warmRequests = warm.timings.admissionRequests;
console.log(`evaluations, warm: ${perSecond(rows, warm.ms)} service-environments/s, ${perSecond(warmRequests, warm.ms)} admission requests/s, ${perSecond(warmRequests * policyCount, warm.ms)} request × policy evaluations/s (${warmRequests} requests × ${policyCount} policies)`);
console.log(`evaluations, cold: ${perSecond(rows, cold.ms)} service-environments/s, ${perSecond(cold.timings.admissionRequests * policyCount, cold.ms)} request × policy evaluations/s`);
// Overhead against raw CEL. One warm run records every admission request it
// makes and every CEL evaluation the engine performs for them; then, in paired
// rounds back to back, the engine alone is timed on those requests (evaluateAdmission
// in a tight loop) and the CEL evaluations are replayed through the same compiled
// cel-js programs with the same activations (no matching, facts, variables scope
// or results). The factor is the median ratio, so GC caused by the simulation's
// own allocations (findings, rows) is not charged to the engine.
const prepared = await simulator.prepare(dir, { ref: 'working-tree', includeDrafts: true });
await prepared.loaded.dispose();
simulator.recordAdmissions = true;
const recording = await recordCelCalls([prepared.policies], async () => { await simulator.run({ workspaceDir: dir, asOf }); });
const admissions = simulator.lastTimings.admissions ?? [];
simulator.recordAdmissions = false;
const engineRatios: number[] = [];
let engineBest = Infinity;
let replayBest = Infinity;
for (let round = 0; round < 7; round++) {
  const started = performance.now();
  for (const { policies, input } of admissions) evaluateAdmission(policies, input);
  const engineMs = performance.now() - started;
  const replayMs = recording.replay();
  engineBest = Math.min(engineBest, engineMs);
  replayBest = Math.min(replayBest, replayMs);
  engineRatios.push(engineMs / replayMs);
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
console.log(`policy engine alone on the warm run's ${admissions.length.toLocaleString('en')} admission requests: ${engineBest.toFixed(0)} ms (best of 7); raw CEL, the same ${recording.calls.toLocaleString('en')} evaluations replayed: ${replayBest.toFixed(0)} ms`);
console.log(`overhead factor, warm: policy engine / raw CEL ${median(engineRatios).toFixed(2)}x (median of paired rounds ${engineRatios.map((r) => r.toFixed(2)).join(', ')}; target ≤ 1.5x, goal 1.3x)`);
console.log(`whole warm run / raw CEL: ${(warm.ms / replayBest).toFixed(2)}x (${warm.ms.toFixed(0)} ms: loading the workspace ${warm.timings.loadMs.toFixed(0)}, render-cache look-ups ${warm.timings.renderMs.toFixed(0)}, policy engine ${warm.timings.policyMs.toFixed(0)} incl. TemplatePolicies ${warm.timings.templatePolicyMs.toFixed(0)}, timeline ${warm.timings.timelineMs.toFixed(0)}, findings and rows the rest)`);
console.log(`result size: ${(JSON.stringify(cold.result).length / 1e6).toFixed(1)} MB of JSON`);
console.log(`timeline: ${cold.result.timeline.map((e) => e.summary).join(' ')}`);

// The same runs through the worker threads the app uses (services sharded over them).
// The app runs the built worker (out/cli/simulation-worker.js); under tsx each worker would first compile
// the TypeScript sources itself, which inflates the figure. Use the build when there is one.
const builtWorker = new URL('../../out/cli/simulation-worker.js', import.meta.url);
const useBuilt = existsSync(builtWorker);
console.log(`worker runner uses ${useBuilt ? 'the built worker (out/cli)' : 'the TypeScript sources through tsx (run `npm run build` for the app\'s figure)'}`);
const runner = new SimulationRunner(useBuilt ? { workerUrl: builtWorker } : {});
const throughRunner = async (services?: string[]) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await runner.start({ workspaceDir: dir, asOf, services }).result;
  const used = process.cpuUsage(cpu);
  return `${(performance.now() - started).toFixed(0)} ms (${((used.user + used.system) / 1000).toFixed(0)} ms CPU, all threads)`;
};
console.log(`worker runner, cold: ${await throughRunner()}`);
console.log(`worker runner, warm: ${await throughRunner()}`);
console.log(`worker runner, one service: ${await throughRunner([serviceName(7)])}`);
await runner.close();
await rm(base, { recursive: true, force: true });
