// The simulator on the real sample workspace (a temporary Git repository with
// published versions), rendered by the real engine and judged by the real
// policy engine.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleWorkspace } from '../workspace/sample/create-sample-workspace.js';
import { defaultSampleDir } from '../workspace/sample/resources-dir.js';
import { Simulator } from './run-simulation.js';
import { SimulationRunner } from './simulation-runner.js';
import { formatReport } from './report/index.js';
import type { SimulationResult } from '../api/simulation-types.js';
import { SimulationCancelledError } from '../errors/index.js';

let dir: string;
const simulator = new Simulator();

beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'paver-simulate-')), 'acme');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir() });
});
afterAll(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

const row = (result: SimulationResult, service: string, environment: string) => {
  const found = result.proposed.rows.find((r) => r.service === service && r.environment === environment);
  if (!found) throw new Error(`no row for ${service} (${environment})`);
  return found;
};

describe('simulate', () => {
  it('renders every service in every environment it declares', async () => {
    const result = await simulator.run({ workspaceDir: dir, asOf: '2026-11-27' });
    const services = new Set(result.proposed.rows.map((r) => r.service));
    expect(services.size).toBe(15);
    const failures = result.proposed.rows.filter((r) => r.renderError).map((r) => `${r.service}/${r.environment}: ${r.renderError}`);
    expect(failures).toEqual([]);
    expect(result.stats.renders).toBeGreaterThan(0);
  });

  it('escalates the web-service 1.x TemplatePolicy by date, and honours the exemption', async () => {
    const before = await simulator.run({ workspaceDir: dir, asOf: '2026-11-27' });
    const warned = await simulator.run({ workspaceDir: dir, asOf: '2026-12-05' });
    const denied = await simulator.run({ workspaceDir: dir, asOf: '2027-01-20' });
    expect(row(before, 'status-page', 'prod').cells['web-service-v2']).toBe('allow');
    expect(row(warned, 'status-page', 'prod').cells['web-service-v2']).toBe('warn');
    expect(row(denied, 'status-page', 'prod').cells['web-service-v2']).toBe('deny');
    expect(row(denied, 'legacy-billing', 'prod').cells['web-service-v2']).toBe('allow');
    // The second and third runs rendered nothing again.
    expect(denied.stats.renders).toBe(0);
  });

  it('summarises rollout dates as a timeline', async () => {
    const result = await simulator.run({ workspaceDir: dir, asOf: '2026-11-27' });
    const deny = result.timeline.find((e) => e.date === '2027-01-15');
    expect(deny?.becomeBlocked).toContain('status-page');
    expect(deny?.summary).toMatch(/^On 2027-01-15, \d+ services? becomes? blocked/);
    expect(result.timeline.find((e) => e.date === '2027-03-02')?.becomeBlocked).toContain('legacy-billing');
  });

  it('shows what a change in the working tree newly denies against HEAD', async () => {
    const file = join(dir, 'services/status-page.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/prod:\n(\s+)namespace: platform-prod\n(\s+)values:\n(\s+)replicas: 2/, 'prod:\n$1namespace: platform-prod\n$2values:\n$3replicas: 1'));
    try {
      const result = await simulator.run({ workspaceDir: dir, baseline: { ref: 'HEAD' }, asOf: '2026-11-27' });
      const entry = result.delta!.newlyDenied.find((e) => e.service === 'status-page' && e.environment === 'prod');
      expect(entry?.policy).toBe('prod-min-replicas');
      expect(entry?.message).toContain('1 replica');
      const finding = row(result, 'status-page', 'prod').findings.find((f) => f.policy === 'prod-min-replicas');
      expect(finding?.object).toMatch(/^Deployment\//);
      expect(finding?.templateLine?.file).toBe('web-service/templates/deployment.yaml');
    } finally {
      await writeFile(file, original);
    }
  });

  it('writes every report format', async () => {
    const result = await simulator.run({ workspaceDir: dir, baseline: { ref: 'HEAD' }, asOf: '2027-01-20' });
    expect(JSON.parse(formatReport(result, 'json', 'test')).proposed.rows.length).toBe(result.proposed.rows.length);
    expect(JSON.parse(formatReport(result, 'sarif', 'test')).runs[0].results.length).toBeGreaterThan(0);
    expect(formatReport(result, 'junit', 'test')).toMatch(/<testsuites name="paver simulate">[\s\S]*<failure type="deny"/);
    expect(formatReport(result, 'markdown', 'test')).toContain('## Findings');
    expect(formatReport(result, 'html', 'test')).toContain('<table>');
    expect(formatReport(result, 'table', 'test')).toMatch(/status-page\s+prod/);
  });

  it('refuses an as-of that is not a date, naming the field', async () => {
    await expect(simulator.run({ workspaceDir: dir, asOf: 'next tuesday' })).rejects.toThrow(/as-of date 'next tuesday' is not a date/);
  });
});

describe('simulation runner (worker thread)', () => {
  it('runs in a worker with progress, and can be cancelled', async () => {
    const runner = new SimulationRunner();
    try {
      const progress: number[] = [];
      const result = await runner.start({ workspaceDir: dir, asOf: '2026-12-05' }, (p) => progress.push(p.done)).result;
      expect(result.proposed.rows.length).toBeGreaterThan(20);
      expect(progress.length).toBeGreaterThan(0);
      const run = runner.start({ workspaceDir: dir, baseline: { ref: 'HEAD' }, asOf: '2026-12-05' });
      run.cancel();
      await expect(run.result).rejects.toBeInstanceOf(SimulationCancelledError);
    } finally {
      await runner.close();
    }
  });

  it('gives the same matrix, problems included, whether one thread reads every service or two workers read a shard each', async () => {
    const broken = join(dir, 'services', 'zz-broken.yaml');
    await writeFile(broken, 'apiVersion: paver.dev/v1alpha1\nkind: Service\nmetadata: { name: zz-broken }\nspec: { template: web-service, version: "^9.0.0" }\n');
    const runner = new SimulationRunner({ workers: 2 });
    try {
      const single = await new Simulator().run({ workspaceDir: dir, asOf: '2026-12-05' });
      const sharded = await runner.start({ workspaceDir: dir, asOf: '2026-12-05' }).result;
      const cells = (result: SimulationResult) => result.proposed.rows.map((r) => [r.service, r.environment, r.version, r.renderError, r.cells]);
      expect(cells(sharded)).toEqual(cells(single));
      expect(sharded.proposed.problems.length).toBeGreaterThan(0);
      expect([...sharded.proposed.problems].sort()).toEqual([...single.proposed.problems].sort());
      expect(sharded.timeline).toEqual(single.timeline);
    } finally {
      await runner.close();
      await rm(broken);
    }
  });

  it('re-simulates changed services on the workers that rendered them, without rendering again', async () => {
    const runner = new SimulationRunner({ workers: 2 });
    try {
      const full = await runner.start({ workspaceDir: dir, asOf: '2026-12-05' }).result;
      const services = ['status-page', 'legacy-billing', 'search-api'];
      const partial = await runner.start({ workspaceDir: dir, asOf: '2026-12-05', services }).result;
      expect([...new Set(partial.proposed.rows.map((r) => r.service))].sort()).toEqual([...services].sort());
      expect(partial.stats.renders).toBe(0);
      const cells = (result: SimulationResult) => result.proposed.rows.filter((r) => services.includes(r.service)).map((r) => [r.service, r.environment, r.cells]);
      expect(cells(partial)).toEqual(cells(full));
    } finally {
      await runner.close();
    }
  });
});
