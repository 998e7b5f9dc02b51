// What a simulation takes and returns. Everything is JSON-serialisable: results
// cross worker threads, the RPC transports and the CLI's JSON output.

/** The outcome of one policy for one service in one environment, worst first. */
export type Outcome = 'deny' | 'error' | 'warn' | 'not-evaluated' | 'audit' | 'allow';

/** Severity order used to pick a cell's worst outcome and to sort. */
export const outcomeRank: Record<Outcome, number> = { deny: 0, error: 1, warn: 2, 'not-evaluated': 3, audit: 4, allow: 5 };

/** One finding: a policy's verdict on one object of a rendered service. */
export interface Finding {
  policy: string;
  binding?: string;
  outcome: Outcome;
  message: string;
  /** `Kind/name` of the object the finding is about, when it is about one. */
  object?: string;
  /** The failing field, such as `spec.template.spec.containers[0].resources`. */
  fieldPath?: string;
  /** The rendered object's YAML, for drill-down. */
  renderedYaml?: string;
  /** 1-based line of `fieldPath` within `renderedYaml`, when found. */
  renderedLine?: number;
  /** The template file and line that produced that line, such as `web-service/templates/deployment.yaml:12`. */
  templateLine?: { file: string; line: number };
  /** True for Pod policies evaluated on a workload's pod template: "will fail when pods are created". */
  podTemplate?: boolean;
  /** Set when a rollout date or `paver.dev/deny-from` turned a warning into a denial. */
  escalated?: boolean;
}

/** One row of the matrix: a service in one environment. */
export interface ServiceEnvironmentResult {
  service: string;
  environment: string;
  team: string;
  template: string;
  /** The resolved template version ('draft' suffix when a draft was used), or the range that did not resolve. */
  version: string;
  namespace: string;
  /** Worst outcome per policy that produced a finding (absent = allowed). */
  cells: Record<string, Outcome>;
  findings: Finding[];
  /** Set when the service could not be rendered; the row is then an error. */
  renderError?: string;
}

/** Which state of the workspace to simulate. */
export interface SimulationState {
  /** 'working-tree' or a Git ref (branch, tag, commit). */
  ref: string;
  /** Treat each template's draft (working tree Chart.yaml version) as published. */
  includeDrafts?: boolean;
}

export interface SimulationRequest {
  workspaceDir: string;
  /** The state to compare against; default HEAD. Omit `compare` for a single-state run. */
  baseline?: SimulationState;
  proposed?: SimulationState;
  /** YYYY-MM-DD at which rollouts and deny-from dates are read; default today. */
  asOf?: string;
  /** Only these services (for incremental runs). */
  services?: string[];
  /** Only the services of one shard (by a stable hash of the service file's path), for parallel workers: each reads only its shard's files. */
  shard?: { index: number; count: number };
}

export interface SimulationMatrix {
  state: SimulationState;
  asOf: string;
  policies: string[];
  rows: ServiceEnvironmentResult[];
  /** Problems in the workspace files that the run met (file:line: message). */
  problems: string[];
}

/** What changes between the baseline and the proposed state. */
export interface SimulationDelta {
  newlyDenied: DeltaEntry[];
  newlyWarned: DeltaEntry[];
  fixed: DeltaEntry[];
}

export interface DeltaEntry {
  service: string;
  environment: string;
  policy: string;
  before: Outcome;
  after: Outcome;
  message: string;
}

/** A date on which rollouts change outcomes, with what changes. */
export interface TimelineEvent {
  date: string;
  /** Services (any environment) that become blocked on this date. */
  becomeBlocked: string[];
  /** Services that start to be warned on this date. */
  becomeWarned: string[];
  /** Services an exemption stops covering on this date, or that a rollout frees. */
  summary: string;
}

export interface SimulationResult {
  proposed: SimulationMatrix;
  baseline?: SimulationMatrix;
  delta?: SimulationDelta;
  timeline: TimelineEvent[];
  stats: { services: number; environments: number; policies: number; evaluations: number; renders: number; cachedRenders: number; ms: number };
}

/** Progress of a running simulation. */
export interface SimulationProgress {
  phase: 'loading' | 'rendering' | 'evaluating' | 'timeline' | 'done';
  done: number;
  total: number;
  message: string;
}

/** One policy of the workspace as the Policies view lists it. */
export interface PolicySummary {
  /** The policy's name: the simulation matrix's column. */
  name: string;
  /** Which engine: ValidatingAdmissionPolicy, Gatekeeper, KyvernoValidatingPolicy, KyvernoClusterPolicy or TemplatePolicy. */
  engine: string;
  /** The file that defines it (relative to the workspace), to open it. */
  file: string;
  /** Where it applies and what it does there: a VAP binding, a Gatekeeper constraint, a Kyverno rule, or a TemplatePolicy's rollout. */
  bindings: Array<{ name: string; actions: string[]; denyFrom?: string }>;
  /** Why Paver cannot evaluate it offline (Rego, a Kyverno-only library, a broken policy), when that is so. */
  notEvaluated?: string;
  /** Problems found in its objects, each naming the field. */
  problems: string[];
}
