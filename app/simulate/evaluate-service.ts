// Simulates one service in one environment: resolve its template version,
// render it (cached), admit every object against every policy, and evaluate
// the TemplatePolicies for the version it uses.
import { evaluateAdmission, evaluateTemplatePolicies, type AdmissionInput, type KubeObject, type PolicySet, type TemplatePolicyOutcome, type Violation } from '../policy/index.js';
import type { RenderedObject, SourceMapLine } from '../template/index.js';
import type { EnvironmentDefinition, ServiceDefinition } from '../workspace/model/workspace-model-types.js';
import type { LoadedState } from './load-simulation-state.js';
import { lineOfField } from './locate-field.js';
import type { RenderCache } from './render-cache.js';
import { outcomeRank, type Finding, type Outcome, type ServiceEnvironmentResult } from '../api/simulation-types.js';

const clusterScopedKinds = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass',
  'IngressClass', 'RuntimeClass', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration', 'APIService', 'ClusterIssuer',
]);

export interface EvaluateServiceInput {
  loaded: LoadedState;
  policies: PolicySet;
  cache: RenderCache;
  service: ServiceDefinition;
  environment: string;
  asOf: string;
  /** Also locate each finding in the rendered YAML and the template (off for timeline passes, which need outcomes only). */
  detail?: boolean;
  /** Collects when and how this row's outcomes can change later (see RowChanges). */
  changes?: RowChanges;
  /** Accumulates where the time goes (the benchmark's overhead figures). */
  timings?: RunTimings;
}

/** When a row's outcomes can change after its as-of date, and whether only its TemplatePolicy outcomes can. */
export interface RowChanges {
  /** Future dates of rollout steps, expiring exemptions and deny-from escalations that concern the row. */
  dates: Set<string>;
  /** How many findings (the first ones) come from TemplatePolicies. */
  templateFindings: number;
  /** True when an admission verdict escalates later (deny-from): then the whole row must be evaluated again. */
  admissionChanges: boolean;
}

/** Time spent in one run, by phase: policy calls, renders (or cache look-ups), and the rest. */
export interface RunTimings {
  loadMs: number;
  renderMs: number;
  /** Time inside the policy engine (admission and TemplatePolicy calls). */
  policyMs: number;
  /** The part of policyMs spent on TemplatePolicies (native, no CEL). */
  templatePolicyMs: number;
  timelineMs: number;
  totalMs: number;
  /** Admission requests evaluated (each against every policy that matches). */
  admissionRequests: number;
  /** When set, every admission request is also appended here (the benchmark replays them to time the engine alone). */
  admissions?: Array<{ policies: PolicySet; input: AdmissionInput }>;
}

/** Zeroed timings. */
export function emptyTimings(): RunTimings {
  return { loadMs: 0, renderMs: 0, policyMs: 0, templatePolicyMs: 0, timelineMs: 0, totalMs: 0, admissionRequests: 0 };
}

// The same Namespace object for the same name and labels, so the policy engine's
// per-object caches (CEL conversion) hit across rows and runs.
const namespaceObjects = new Map<string, KubeObject>();

/** The environment's namespace as a Namespace object, labelled as paver.yaml declares. */
export function namespaceObjectFor(name: string, environment: EnvironmentDefinition | undefined): KubeObject {
  const declared = (environment?.namespaceLabels ?? {}) as Record<string, unknown>;
  const labels: Record<string, string> = { 'kubernetes.io/metadata.name': name };
  for (const [key, value] of Object.entries(declared)) labels[key] = String(value);
  const key = JSON.stringify(labels);
  let object = namespaceObjects.get(key);
  if (!object) {
    object = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
    if (namespaceObjects.size >= 10_000) namespaceObjects.clear();
    namespaceObjects.set(key, object);
  }
  return object;
}

/** Renders and evaluates one service × environment. */
export async function evaluateServiceEnvironment(input: EvaluateServiceInput): Promise<ServiceEnvironmentResult> {
  const { loaded, service, environment, asOf } = input;
  const namespace = service.environments[environment]?.namespace ?? service.name;
  const row: ServiceEnvironmentResult = {
    service: service.name,
    environment,
    team: service.labels.team ?? '',
    template: service.template,
    version: service.version,
    namespace,
    cells: {},
    findings: [],
  };
  const version = loaded.resolve(service.template, service.version);
  if (!version) {
    row.renderError = `No published version of '${service.template}' matches '${service.version}' (${service.file}).`;
    return row;
  }
  row.version = loaded.drafts.get(service.template) === version ? `${version} (draft)` : version;

  const timings = input.timings;
  let mark = timings ? performance.now() : 0;
  const templateOutcomes = evaluateTemplatePolicies(input.policies, { service: service.name, environment, template: service.template, version, asOf });
  if (timings) {
    const spent = performance.now() - mark;
    timings.policyMs += spent;
    timings.templatePolicyMs += spent;
  }
  addTemplatePolicyFindings(row, templateOutcomes, input.changes);

  if (timings) mark = performance.now();
  const rendered = await input.cache.render(
    { template: service.template, version, service, environment, namespace, kubeVersion: loaded.model.workspace?.kubeVersion },
    () => loaded.source(service.template, version),
  );
  if (timings) timings.renderMs += performance.now() - mark;
  if (!rendered.ok) {
    row.renderError = rendered.error;
    return row;
  }
  const environmentDefinition = loaded.model.workspace?.environments.find((e) => e.name === environment);
  const namespaceObject = namespaceObjectFor(namespace, environmentDefinition);
  for (const rendered_ of rendered.result.objects) {
    if (rendered_.hookEvents.includes('test')) continue;
    const object = withNamespace(rendered_, namespace);
    if (timings) mark = performance.now();
    const admission: AdmissionInput = {
      operation: 'CREATE',
      object,
      namespaceObject: clusterScopedKinds.has(rendered_.kind) ? null : namespaceObject,
      asOf,
    };
    timings?.admissions?.push({ policies: input.policies, input: admission });
    const result = evaluateAdmission(input.policies, admission);
    if (timings) {
      timings.policyMs += performance.now() - mark;
      timings.admissionRequests++;
    }
    const describe = `${rendered_.kind}/${rendered_.name}`;
    for (const violation of result.violations) {
      if (input.changes && violation.escalatesOn) {
        input.changes.dates.add(violation.escalatesOn);
        input.changes.admissionChanges = true;
      }
      addFinding(row, input.detail === false
        ? { policy: violation.policy, binding: violation.binding, outcome: violation.error ? 'error' : actionOutcome(violation.action), message: violation.message, object: describe }
        : violationFinding(violation, describe, rendered_, rendered.result.sourceMap));
    }
    for (const skipped of result.notEvaluated) {
      addFinding(row, { policy: skipped.policy, binding: skipped.binding, outcome: 'not-evaluated', message: skipped.reason, object: describe, podTemplate: skipped.podTemplate });
    }
    for (const error of result.errors) addFinding(row, { policy: error.policy, binding: error.binding, outcome: 'error', message: error.message, object: describe });
  }
  return row;
}

function addTemplatePolicyFindings(row: ServiceEnvironmentResult, outcomes: TemplatePolicyOutcome[], changes: RowChanges | undefined): void {
  for (const outcome of outcomes) {
    const result: Outcome = outcome.status === 'violation' ? actionOutcome(outcome.action) : 'allow';
    if (changes) for (const change of outcome.changes) changes.dates.add(change.date);
    addFinding(row, { policy: outcome.policy, outcome: result, message: outcome.message, object: `Service/${row.service}` });
  }
  if (changes) changes.templateFindings = row.findings.length;
}

/**
 * A row at another date when only its TemplatePolicy outcomes can have changed:
 * those are evaluated again and the admission findings (which do not depend on
 * the date) are kept, so nothing is rendered or admitted again.
 */
export function withTemplatePoliciesAt(row: ServiceEnvironmentResult, input: { loaded: LoadedState; policies: PolicySet; service: ServiceDefinition; asOf: string; templateFindings: number; timings?: RunTimings }): ServiceEnvironmentResult {
  const version = input.loaded.resolve(input.service.template, input.service.version);
  const next: ServiceEnvironmentResult = { ...row, cells: {}, findings: [] };
  if (!version) return row;
  const mark = input.timings ? performance.now() : 0;
  const outcomes = evaluateTemplatePolicies(input.policies, { service: row.service, environment: row.environment, template: input.service.template, version, asOf: input.asOf });
  if (input.timings) {
    const spent = performance.now() - mark;
    input.timings.policyMs += spent;
    input.timings.templatePolicyMs += spent;
  }
  addTemplatePolicyFindings(next, outcomes, undefined);
  for (let i = input.templateFindings; i < row.findings.length; i++) addFinding(next, row.findings[i]!);
  return next;
}

function actionOutcome(action: string | undefined): Outcome {
  return action === 'Deny' ? 'deny' : action === 'Warn' ? 'warn' : 'audit';
}

// Rendered objects live in the render cache; their namespaced copies are kept
// beside them so a warm run hands the policy engine the same objects again
// (its CEL conversion and pod-template caches are keyed by object).
const namespaced = new WeakMap<RenderedObject, { namespace: string; object: KubeObject }>();

function withNamespace(rendered: RenderedObject, namespace: string): KubeObject {
  const object = rendered.object as KubeObject;
  if (clusterScopedKinds.has(rendered.kind) || object?.metadata?.namespace) return object;
  const kept = namespaced.get(rendered);
  if (kept?.namespace === namespace) return kept.object;
  const copy = { ...object, metadata: { ...object?.metadata, namespace } };
  namespaced.set(rendered, { namespace, object: copy });
  return copy;
}

function violationFinding(violation: Violation, object: string, rendered: RenderedObject, sourceMap: SourceMapLine[]): Finding {
  const renderedLine = lineOfField(rendered.content, violation.fieldPath ?? podTemplatePath(violation));
  // The document's content starts two lines after its `---` (the `# Source:` comment sits between).
  const origin = renderedLine !== undefined && rendered.outputLine > 0 ? sourceMap[rendered.outputLine + 1 + renderedLine - 1] : undefined;
  return {
    policy: violation.policy,
    binding: violation.binding,
    outcome: violation.error ? 'error' : actionOutcome(violation.action),
    message: violation.podTemplate ? `Will fail when pods are created: ${violation.message}` : violation.message,
    object,
    fieldPath: violation.fieldPath,
    renderedYaml: rendered.content,
    renderedLine,
    templateLine: origin && origin.file ? { file: origin.file, line: origin.line } : undefined,
    podTemplate: violation.podTemplate,
    escalated: violation.escalatedFrom !== undefined,
  };
}

/** Pod policies on workloads point at the pod template when no field is named. */
function podTemplatePath(violation: Violation): string | undefined {
  if (!violation.podTemplate) return undefined;
  return violation.object?.kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template';
}

function addFinding(row: ServiceEnvironmentResult, finding: Finding): void {
  row.findings.push(finding);
  const current = row.cells[finding.policy];
  if (current === undefined || outcomeRank[finding.outcome] < outcomeRank[current]) row.cells[finding.policy] = finding.outcome;
}
