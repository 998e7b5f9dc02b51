// The SimulationApi: runs in the worker, reports progress, cancels, and keeps
// the last result current by re-simulating only what a file change affects.
import { Emitter, type FileChange, type ReportFormatName, type SimulationApi, type SimulationRunEvent, type StartSimulationRequest } from '../api/index.js';
import type { PolicySummary, SimulationProgress, SimulationRequest, SimulationResult } from '../api/simulation-types.js';
import { loadWorkspace } from '../workspace/model/load-workspace.js';
import { summarisePolicies } from './policy-summaries.js';
import { InvalidRequestError, SimulationCancelledError, WorkspaceNotOpenError, serializeError } from '../errors/index.js';
import { mergeIncrementalResult } from './merge-results.js';
import { formatReport } from './report/index.js';
import { SimulationRunner, type SimulationHandle } from './simulation-runner.js';

const mimeTypes: Record<ReportFormatName, [string, string]> = {
  markdown: ['md', 'text/markdown'],
  html: ['html', 'text/html'],
  json: ['json', 'application/json'],
  sarif: ['sarif', 'application/sarif+json'],
  junit: ['xml', 'application/xml'],
};

/** The result as the UI receives it: findings without their rendered YAML (fetched on demand with getRenderedObject). */
function withoutRenderedYaml(result: SimulationResult): SimulationResult {
  const strip = (matrix: SimulationResult['proposed']) => ({
    ...matrix,
    rows: matrix.rows.map((row) => ({ ...row, findings: row.findings.map(({ renderedYaml: _yaml, ...finding }) => finding) })),
  });
  return { ...result, proposed: strip(result.proposed), baseline: result.baseline && strip(result.baseline) };
}

export interface SimulationServiceOptions {
  /** The open workspace's folder, or null. */
  workspaceDir: () => string | null;
  paverVersion: string;
  runner?: SimulationRunner;
}

export class SimulationService implements SimulationApi {
  private readonly progress = new Emitter<{ runId: number; progress: SimulationProgress }>();
  private readonly finished = new Emitter<SimulationRunEvent>();
  private readonly runner: SimulationRunner;
  private current: SimulationHandle | undefined;
  private lastRequest: SimulationRequest | undefined;
  private lastResult: SimulationResult | null = null;
  /** Services that a change touched while a run was going; simulated again after it. */
  private pendingServices = new Set<string>();
  private pendingFull = false;
  private policySummaries: { key: string; summaries: PolicySummary[] } | undefined;

  readonly onSimulationProgress = this.progress.event;
  readonly onSimulationFinished = this.finished.event;

  constructor(private readonly options: SimulationServiceOptions) {
    this.runner = options.runner ?? new SimulationRunner();
  }

  async startSimulation(request: StartSimulationRequest): Promise<{ runId: number }> {
    const workspaceDir = this.options.workspaceDir();
    if (!workspaceDir) throw new WorkspaceNotOpenError('Open a workspace before simulating its policies.', {});
    if (request.asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(request.asOf) || Number.isNaN(Date.parse(request.asOf)))) {
      throw new InvalidRequestError(`The as-of date '${request.asOf}' is not a date; write YYYY-MM-DD.`, { field: 'asOf' });
    }
    const full: SimulationRequest = {
      workspaceDir,
      baseline: request.baselineRef ? { ref: request.baselineRef } : undefined,
      proposed: { ref: request.proposedRef ?? 'working-tree', includeDrafts: request.includeDrafts ?? true },
      asOf: request.asOf,
    };
    this.lastRequest = full;
    return { runId: this.launch(full, undefined) };
  }

  async cancelSimulation({ runId }: { runId: number }): Promise<void> {
    if (this.current?.id === runId) this.current.cancel();
  }

  async getLastSimulation(): Promise<SimulationResult | null> {
    return this.lastResult && withoutRenderedYaml(this.lastResult);
  }

  async getRenderedObject({ service, environment, object }: { service: string; environment: string; object: string }): Promise<{ yaml: string | null }> {
    const row = this.lastResult?.proposed.rows.find((r) => r.service === service && r.environment === environment);
    return { yaml: row?.findings.find((f) => f.object === object && f.renderedYaml)?.renderedYaml ?? null };
  }

  async listPolicies(): Promise<PolicySummary[]> {
    const workspaceDir = this.options.workspaceDir();
    if (!workspaceDir) throw new WorkspaceNotOpenError('Open a workspace to see its policies.', {});
    const model = await loadWorkspace(workspaceDir);
    // Compiling the policies runs on the main thread: do it only when they changed.
    const key = JSON.stringify(model.policies);
    if (this.policySummaries?.key !== key) this.policySummaries = { key, summaries: summarisePolicies(model.policies) };
    return this.policySummaries.summaries;
  }

  async exportSimulationReport({ format }: { format: ReportFormatName }): Promise<{ fileName: string; mimeType: string; text: string }> {
    if (!this.lastResult) throw new InvalidRequestError('Run a simulation first; there is nothing to export yet.', { field: 'format' });
    const entry = mimeTypes[format];
    if (!entry) throw new InvalidRequestError(`Unknown report format '${format}'. Use markdown, html, json, sarif or junit.`, { field: 'format' });
    return {
      fileName: `paver-simulation-${this.lastResult.proposed.asOf}.${entry[0]}`,
      mimeType: entry[1],
      text: formatReport(this.lastResult, format, this.options.paverVersion),
    };
  }

  /**
   * Called with the watcher's changes: a service file re-simulates that
   * service, a template file the services that use the template, a policy or
   * paver.yaml everything (renders stay cached, so that is still quick).
   */
  onFilesChanged(changes: FileChange[]): void {
    if (!this.lastRequest || !this.lastResult || this.lastRequest.proposed?.ref !== 'working-tree') return;
    const affected = new Set<string>();
    let full = false;
    for (const change of changes) {
      const path = change.path;
      if (path === 'paver.yaml' || path.startsWith('policies/')) full = true;
      else if (path.startsWith('services/')) {
        const rows = this.lastResult.proposed.rows.filter((r) => `services/${r.service}.yaml` === path);
        if (rows.length) rows.forEach((r) => affected.add(r.service));
        else full = true; // a new or renamed service file
      } else if (path.startsWith('templates/')) {
        const template = path.split('/')[1]!;
        this.runner.invalidateTemplate(template);
        for (const row of this.lastResult.proposed.rows) if (row.template === template) affected.add(row.service);
      }
    }
    if (!full && affected.size === 0) return;
    if (this.current) {
      this.pendingFull ||= full;
      affected.forEach((s) => this.pendingServices.add(s));
      return;
    }
    this.launch(this.lastRequest, full ? undefined : [...affected]);
  }

  async close(): Promise<void> {
    this.progress.dispose();
    this.finished.dispose();
    await this.runner.close();
  }

  private launch(request: SimulationRequest, services: string[] | undefined): number {
    this.current?.cancel();
    const handle = this.runner.start(services ? { ...request, services } : request, (progress) => this.progress.fire({ runId: handle.id, progress }));
    this.current = handle;
    const incremental = services !== undefined;
    handle.result.then(
      (result) => {
        this.lastResult = incremental && this.lastResult ? mergeIncrementalResult(this.lastResult, result, services!) : result;
        this.finished.fire({ runId: handle.id, incremental, result: withoutRenderedYaml(this.lastResult) });
      },
      (error: unknown) => {
        if (!(error instanceof SimulationCancelledError) || this.current === handle) this.finished.fire({ runId: handle.id, incremental, error: serializeError(error) });
      },
    ).finally(() => {
      if (this.current !== handle) return;
      this.current = undefined;
      if (this.pendingFull || this.pendingServices.size) {
        const next = this.pendingFull ? undefined : [...this.pendingServices];
        this.pendingFull = false;
        this.pendingServices.clear();
        if (this.lastRequest) this.launch(this.lastRequest, next);
      }
    });
    return handle.id;
  }
}
