import type { ApiEvent } from './events.js';
import type { SerializedError } from '../errors/paver-error.js';
import type { PolicySummary, SimulationProgress, SimulationResult } from './simulation-types.js';

export interface StartSimulationRequest {
  /** Git ref to compare against; omit for no baseline. */
  baselineRef?: string;
  /** 'working-tree' (default) or a Git ref. */
  proposedRef?: string;
  /** Treat template drafts as published in the proposed state (default true). */
  includeDrafts?: boolean;
  /** YYYY-MM-DD; default today. */
  asOf?: string;
}

export interface SimulationRunEvent {
  runId: number;
  /** True when the run re-simulated only the services a file change affected. */
  incremental: boolean;
  result?: SimulationResult;
  error?: SerializedError;
}

export type ReportFormatName = 'markdown' | 'html' | 'json' | 'sarif' | 'junit';

/** Catalogue-wide policy simulation, run in a worker thread. */
export interface SimulationApi {
  /** Starts a run; progress and the result arrive as events. A new run cancels the previous one. */
  startSimulation(request: StartSimulationRequest): Promise<{ runId: number }>;
  cancelSimulation(request: { runId: number }): Promise<void>;
  /** The last finished result (kept up to date by incremental runs after file changes), or null. */
  getLastSimulation(): Promise<SimulationResult | null>;
  /**
   * The rendered YAML of one object of the last result, for the drill-down.
   * Results sent to the UI leave it out: a catalogue's YAML runs to tens of megabytes.
   */
  getRenderedObject(request: { service: string; environment: string; object: string }): Promise<{ yaml: string | null }>;
  /** The workspace's policies with their engine, actions, and whether they can be evaluated offline. */
  listPolicies(): Promise<PolicySummary[]>;
  /** The last result as a report file. */
  exportSimulationReport(request: { format: ReportFormatName }): Promise<{ fileName: string; mimeType: string; text: string }>;
  onSimulationProgress: ApiEvent<{ runId: number; progress: SimulationProgress }>;
  onSimulationFinished: ApiEvent<SimulationRunEvent>;
}
