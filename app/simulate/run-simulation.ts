// The simulator: every service × environment of a workspace state, against
// every policy of that state, now versus a baseline, and as of any date.
import { createPolicySet, type KubeObject, type PolicySet } from '../policy/index.js';
import { InvalidRequestError } from '../errors/index.js';
import { emptyTimings, evaluateServiceEnvironment, withTemplatePoliciesAt, type RowChanges, type RunTimings } from './evaluate-service.js';
import { loadSimulationState, type LoadedState } from './load-simulation-state.js';
import { RenderCache } from './render-cache.js';
import { shardOf } from './shard-of.js';
import { compareMatrices } from './simulation-delta.js';
import { buildTimeline } from './rollout-timeline.js';
import type { SimulationMatrix, SimulationProgress, SimulationRequest, SimulationResult, SimulationState, ServiceEnvironmentResult } from '../api/simulation-types.js';

export { shardOf } from './shard-of.js';

export interface RunOptions {
  onProgress?: (progress: SimulationProgress) => void;
  signal?: AbortSignal;
  /** The host clock, for the default as-of date. */
  now?: () => Date;
}

/** A loaded state plus its compiled policies, ready to evaluate rows at any date. */
export interface PreparedState {
  loaded: LoadedState;
  policies: PolicySet;
}

/**
 * Runs simulations for one workspace and keeps its render cache, so repeated
 * runs (a policy edit, another as-of date) render nothing again.
 *
 * @example
 *   const simulator = new Simulator();
 *   const result = await simulator.run({ workspaceDir: '/ws', baseline: { ref: 'HEAD' }, asOf: '2027-01-15' });
 *   result.delta?.newlyDenied // [{ service: 'checkout', environment: 'prod', policy: 'web-service-v2', ... }]
 */
export class Simulator {
  readonly cache = new RenderCache();
  /** Where the last run spent its time (read by the benchmark). */
  lastTimings: RunTimings = emptyTimings();
  /** Keep every admission request of the next runs in lastTimings.admissions (for the benchmark's engine replay). */
  recordAdmissions = false;
  /** Compiled policy sets by the policies' content (the proposed and baseline states usually share one). */
  private readonly policySets = new Map<string, PolicySet>();

  async run(request: SimulationRequest, options: RunOptions = {}): Promise<SimulationResult> {
    const started = performance.now();
    const asOf = request.asOf ?? (options.now?.() ?? new Date()).toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
      throw new InvalidRequestError(`The as-of date '${request.asOf}' is not a date; write YYYY-MM-DD.`, { field: 'asOf' });
    }
    const renderedBefore = this.cache.renderCount;
    const hitsBefore = this.cache.hitCount;
    const progress = (p: SimulationProgress) => options.onProgress?.(p);
    progress({ phase: 'loading', done: 0, total: 1, message: 'Reading the workspace' });
    const timings = emptyTimings();
    if (this.recordAdmissions) timings.admissions = [];
    this.lastTimings = timings;
    const proposedState: SimulationState = request.proposed ?? { ref: 'working-tree', includeDrafts: true };
    const shard = request.shard;
    const serviceFiles = shard ? (file: string) => shardOf(file, shard.count) === shard.index : undefined;
    const proposed = await this.prepare(request.workspaceDir, proposedState, serviceFiles);
    const baseline = request.baseline ? await this.prepare(request.workspaceDir, request.baseline, serviceFiles) : undefined;
    timings.loadMs = performance.now() - started;
    try {
      const jobs = [proposed, ...(baseline ? [baseline] : [])].map((state) => ({ state, rows: rowsOf(state, request.services, request.shard) }));
      const total = jobs.reduce((n, job) => n + job.rows.length, 0);
      let done = 0;
      const matrices: SimulationMatrix[] = [];
      // Per proposed row, when its outcomes can change: the timeline evaluates only those rows again.
      const changesFrom = new Map<ServiceEnvironmentResult, RowDates>();
      for (const job of jobs) {
        const rows: ServiceEnvironmentResult[] = [];
        const isProposed = job.state === proposed;
        for (const [service, environment] of job.rows) {
          if (options.signal?.aborted) throw abortError();
          const changes: RowChanges | undefined = isProposed ? { dates: new Set(), templateFindings: 0, admissionChanges: false } : undefined;
          const row = await evaluateServiceEnvironment({ loaded: job.state.loaded, policies: job.state.policies, cache: this.cache, service, environment, asOf, changes, timings });
          rows.push(row);
          if (changes?.dates.size) changesFrom.set(row, { from: [...changes.dates].sort()[0]!, templateFindings: changes.templateFindings, admissionChanges: changes.admissionChanges });
          done++;
          if (done % 10 === 0 || done === total) progress({ phase: 'evaluating', done, total, message: `${service.name} (${environment})` });
          // Yield now and then so progress events and cancellation get through.
          if (done % 25 === 0) await new Promise((r) => setImmediate(r));
        }
        matrices.push(matrixOf(job.state, asOf, rows));
      }
      progress({ phase: 'timeline', done: total, total, message: 'Reading rollout dates' });
      const timelineStarted = performance.now();
      const timeline = await buildTimeline(proposed, matrices[0]!, asOf, (date) => this.evaluateAt(proposed, matrices[0]!, date, changesFrom, timings), options.signal);
      timings.timelineMs = performance.now() - timelineStarted;
      const policies = new Set([...matrices.flatMap((m) => m.policies)]);
      const result: SimulationResult = {
        proposed: matrices[0]!,
        baseline: matrices[1],
        delta: matrices[1] ? compareMatrices(matrices[1], matrices[0]!) : undefined,
        timeline,
        stats: {
          services: new Set(matrices[0]!.rows.map((r) => r.service)).size,
          environments: new Set(matrices[0]!.rows.map((r) => r.environment)).size,
          policies: policies.size,
          evaluations: total,
          renders: this.cache.renderCount - renderedBefore,
          cachedRenders: this.cache.hitCount - hitsBefore,
          ms: Math.round(performance.now() - started),
        },
      };
      timings.totalMs = performance.now() - started;
      progress({ phase: 'done', done: total, total, message: 'Done' });
      return result;
    } finally {
      await proposed.loaded.dispose();
      await baseline?.loaded.dispose();
    }
  }

  /** Loads a state (only the service files `serviceFiles` accepts, when given) and compiles its policies. */
  async prepare(workspaceDir: string, state: SimulationState, serviceFiles?: (file: string) => boolean): Promise<PreparedState> {
    const loaded = await loadSimulationState(workspaceDir, state, serviceFiles);
    const bodies = loaded.model.policies.map((p) => p.body as KubeObject);
    // Compiling 50 policies costs tens of milliseconds: reuse the set while the policy files are unchanged.
    const key = JSON.stringify(bodies);
    let policies = this.policySets.get(key);
    if (!policies) {
      policies = createPolicySet(bodies);
      if (this.policySets.size >= 4) this.policySets.delete(this.policySets.keys().next().value!);
      this.policySets.set(key, policies);
    }
    return { loaded, policies };
  }

  /**
   * The rows of a matrix at another date (renders come from the cache). Given
   * `changesFrom` (each row's earliest change date, as collected on the first
   * pass), a row whose outcomes cannot have changed by then is reused as is:
   * admission verdicts depend on the date only through deny-from escalations,
   * and TemplatePolicy outcomes list their change dates.
   */
  async evaluateAt(state: PreparedState, matrix: SimulationMatrix, asOf: string, changesFrom?: Map<ServiceEnvironmentResult, RowDates>, timings?: RunTimings): Promise<ServiceEnvironmentResult[]> {
    const byName = new Map(state.loaded.model.services.map((s) => [s.name, s]));
    const rows: ServiceEnvironmentResult[] = [];
    for (const row of matrix.rows) {
      const dates = changesFrom?.get(row);
      if (changesFrom && (dates === undefined || dates.from > asOf)) {
        rows.push(row);
        continue;
      }
      const service = byName.get(row.service);
      if (service && dates && !dates.admissionChanges) {
        rows.push(withTemplatePoliciesAt(row, { loaded: state.loaded, policies: state.policies, service, asOf, templateFindings: dates.templateFindings, timings }));
        continue;
      }
      if (service) rows.push(await evaluateServiceEnvironment({ loaded: state.loaded, policies: state.policies, cache: this.cache, service, environment: row.environment, asOf, detail: false, timings }));
    }
    return rows;
  }
}

/** A row's earliest change date, and what changes then (see RowChanges). */
interface RowDates {
  from: string;
  templateFindings: number;
  admissionChanges: boolean;
}


function rowsOf(state: PreparedState, only: string[] | undefined, shard?: { index: number; count: number }) {
  const wanted = only ? new Set(only) : undefined;
  const declared = state.loaded.model.workspace?.environments.map((e) => e.name) ?? [];
  return state.loaded.model.services
    .filter((service) => (!wanted || wanted.has(service.name)) && (!shard || shardOf(service.file, shard.count) === shard.index))
    .flatMap((service) => {
      const environments = Object.keys(service.environments);
      return (environments.length ? environments : declared).map((environment) => [service, environment] as const);
    });
}

function matrixOf(state: PreparedState, asOf: string, rows: ServiceEnvironmentResult[]): SimulationMatrix {
  const policies = new Set<string>();
  for (const row of rows) for (const policy of Object.keys(row.cells)) policies.add(policy);
  for (const policy of state.policies.templatePolicies) policies.add(policy.name);
  return {
    state: state.loaded.state,
    asOf,
    policies: [...policies].sort(),
    rows,
    problems: state.loaded.model.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
  };
}

function abortError(): Error {
  const error = new Error('The simulation was cancelled.');
  error.name = 'AbortError';
  return error;
}
