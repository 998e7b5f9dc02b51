// Public types of the policy engine: what goes into an evaluation and what
// comes out. Everything is JSON-serialisable so results cross workers and IPC.

/** Any Kubernetes object as parsed from YAML or JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    generateName?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** The request's user, as in an AdmissionReview. */
export interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

/** One admission request to evaluate. */
export interface AdmissionInput {
  operation: AdmissionOperation;
  /** Null on DELETE. */
  object?: KubeObject | null;
  /** Null on CREATE. */
  oldObject?: KubeObject | null;
  userInfo?: UserInfo;
  /** The object's namespace; built from the environment offline. Null for cluster-scoped objects. */
  namespaceObject?: KubeObject | null;
  subResource?: string;
  /** ISO date (YYYY-MM-DD or full timestamp) the rollout schedules and `paver.dev/deny-from` are read at; default: today from the host clock, passed in. */
  asOf?: string;
  /** Also evaluate Pod policies against the pod template of workloads (default true). */
  podTemplates?: boolean;
}

export type PolicyAction = 'Deny' | 'Warn' | 'Audit';

/** Which policy format a result comes from. */
export type PolicySource = 'ValidatingAdmissionPolicy' | 'Gatekeeper' | 'KyvernoValidatingPolicy' | 'KyvernoClusterPolicy' | 'TemplatePolicy';

/** A failed validation. */
export interface Violation {
  policy: string;
  /** The binding, constraint or Kyverno rule that applied the policy. */
  binding: string;
  /** The strongest action taken: Deny over Warn over Audit. */
  action: PolicyAction;
  /** Every action taken (a binding may both Deny and Audit). */
  actions: PolicyAction[];
  message: string;
  reason: string;
  source: PolicySource;
  /** The field that failed: the validation's fieldPath, or a guess from the expression (see fieldPathGuessed). */
  fieldPath?: string;
  /** True when fieldPath was guessed from the first `object.…` path the expression reads. */
  fieldPathGuessed?: boolean;
  /** The object the result is attributed to. */
  object?: { apiVersion?: string; kind?: string; namespace?: string; name?: string };
  /** Set when a Pod policy failed on a workload's pod template: the request passes, its pods will not. */
  podTemplate?: boolean;
  /** True when the violation is an evaluation error under failurePolicy Fail, not a false expression. */
  error?: boolean;
  /** Set when `paver.dev/deny-from` or a rollout turned a warning into a denial. */
  escalatedFrom?: string;
  /** For a warning that a `paver.dev/deny-from` date will turn into a denial: that date (YYYY-MM-DD). */
  escalatesOn?: string;
}

/** A policy that applies but cannot be evaluated offline; never a pass. */
export interface NotEvaluated {
  policy: string;
  binding?: string;
  reason: string;
  podTemplate?: boolean;
}

/** An evaluation error that did not become a violation (failurePolicy Ignore), or a bad policy. */
export interface PolicyEvaluationError {
  policy: string;
  binding?: string;
  message: string;
}

/** The outcome of one admission request. */
export interface AdmissionResult {
  /** False when any Deny violation applies to the request itself (pod-template violations do not count). */
  allowed: boolean;
  warnings: string[];
  violations: Violation[];
  auditAnnotations: Record<string, string>;
  notEvaluated: NotEvaluated[];
  errors: PolicyEvaluationError[];
}

/** A problem with one policy object found while building a policy set. */
export interface PolicyObjectProblem {
  /** `Kind/name` of the object. */
  object: string;
  /** The field, such as `spec.validations[0].expression`. */
  field?: string;
  message: string;
  /** Index of the object in the input list. */
  index: number;
}

/** Maps a kind to its resource, for kinds outside the built-in table. */
export interface ResourceMapping {
  group: string;
  kind: string;
  resource: string;
  namespaced: boolean;
  /** Versions served; the first is used when an object does not say. */
  versions?: string[];
}
