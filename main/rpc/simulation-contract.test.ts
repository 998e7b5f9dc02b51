// The SimulationApi over both transports, on the sample workspace: a run in
// the worker with progress and its result as an event, the drill-down's YAML on
// demand, reports, bad input, and an incremental re-run after a file change.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, InvalidRequestError, type PaverApi, type SimulationRunEvent } from '../../app/api/index.js';
import { createCore, type Core } from '../services/create-core.js';
import { contractTransports, eventually, type TransportHarness } from './testing/transport-harness.js';

for (const [name, makeHarness] of Object.entries(contractTransports)) {
  describe(`simulation over the ${name}`, () => {
    let base: string;
    let root: string;
    let core: Core;
    let harness: TransportHarness;
    let api: PaverApi;
    const finished: SimulationRunEvent[] = [];
    const progress: number[] = [];

    beforeAll(async () => {
      base = await mkdtemp(join(tmpdir(), 'paver-simulation-contract-'));
      root = join(base, 'acme');
      core = createCore({ userDataDir: join(base, 'data'), mode: 'browser' });
      harness = await makeHarness(core);
      api = createApiClient(harness.transport);
      await api.workspace.createSampleWorkspace({ path: root });
      api.simulation.onSimulationFinished((event) => finished.push(event));
      api.simulation.onSimulationProgress((event) => progress.push(event.progress.done));
    });
    afterAll(async () => {
      await harness.dispose();
      await core.dispose();
      await rm(base, { recursive: true, force: true });
    });

    it('runs in the worker, reports progress, and sends the result without rendered YAML', async () => {
      const { runId } = await api.simulation.startSimulation({ baselineRef: 'HEAD', asOf: '2027-01-20' });
      await eventually(() => expect(finished.some((e) => e.runId === runId)).toBe(true), undefined, 60_000);
      const event = finished.find((e) => e.runId === runId)!;
      expect(event.error).toBeUndefined();
      expect(progress.length).toBeGreaterThan(0);
      const row = event.result!.proposed.rows.find((r) => r.service === 'status-page' && r.environment === 'prod')!;
      expect(row.cells['web-service-v2']).toBe('deny');
      expect(row.findings.every((f) => f.renderedYaml === undefined)).toBe(true);
      expect((await api.simulation.getLastSimulation())?.proposed.rows.length).toBe(event.result!.proposed.rows.length);
    });

    it('gives the drill-down the rendered YAML of one object on demand', async () => {
      const last = (await api.simulation.getLastSimulation())!;
      const row = last.proposed.rows.find((r) => r.service === 'search-frontend' && r.environment === 'prod')!;
      const finding = row.findings.find((f) => f.policy === 'prod-min-replicas')!;
      const { yaml } = await api.simulation.getRenderedObject({ service: row.service, environment: row.environment, object: finding.object! });
      expect(yaml).toContain('kind: Deployment');
      expect(yaml).toContain('replicas: 1');
    });

    it('lists the policies with their engine, actions and offline status', async () => {
      const policies = await api.simulation.listPolicies();
      expect(policies.map((p) => p.name)).toContain('prod-min-replicas');
      expect(policies.find((p) => p.name === 'prod-min-replicas')).toMatchObject({ engine: 'ValidatingAdmissionPolicy', file: 'policies/prod-min-replicas.yaml', bindings: [{ actions: ['Deny'] }], problems: [] });
      expect(policies.find((p) => p.name === 'k8sallowedrepos')?.notEvaluated).toMatch(/needs OPA/);
      expect(policies.find((p) => p.name === 'web-service-v2')).toMatchObject({ engine: 'TemplatePolicy', bindings: [{ actions: ['Warn', 'Deny'], denyFrom: '2027-01-15' }] });
    });

    it('exports reports and refuses bad input with a clear error', async () => {
      const report = await api.simulation.exportSimulationReport({ format: 'markdown' });
      expect(report.fileName).toBe('paver-simulation-2027-01-20.md');
      expect(report.text).toContain('## Findings');
      await expect(api.simulation.startSimulation({ asOf: '20 Jan' })).rejects.toBeInstanceOf(InvalidRequestError);
    });

    it('re-simulates only the changed service after an edit on disk', async () => {
      const file = join(root, 'services/status-page.yaml');
      const before = finished.length;
      await writeFile(file, (await readFile(file, 'utf8')).replace('version: "1.0.0"', 'version: "2.0.0"'));
      await eventually(() => expect(finished.slice(before).some((e) => e.incremental && e.result)).toBe(true), undefined, 60_000);
      const event = finished.slice(before).find((e) => e.incremental && e.result)!;
      const row = event.result!.proposed.rows.find((r) => r.service === 'status-page' && r.environment === 'prod')!;
      expect(row.version).toBe('2.0.0');
      expect(row.cells['web-service-v2']).not.toBe('deny');
      // The other services were not simulated again but are still in the result.
      expect(event.result!.proposed.rows.length).toBe(finished.find((e) => !e.incremental)!.result!.proposed.rows.length);
    });
  });
}
