// Collects the outcome of one admission request across all bindings and
// words messages the way each admission controller does.
import type { AdmissionFacts } from '../k8s/admission-facts.js';
import type { AdmissionResult, PolicyAction, PolicySource, Violation } from '../types.js';
import type { CompiledBinding } from './compiled-policy.js';

const actionRank: Record<PolicyAction, number> = { Deny: 3, Warn: 2, Audit: 1 };

function label(source: PolicySource, policy: string, binding: string): string {
  switch (source) {
    case 'ValidatingAdmissionPolicy': return `ValidatingAdmissionPolicy '${policy}' with binding '${binding}'`;
    case 'Gatekeeper': return `[${binding}]`;
    case 'KyvernoValidatingPolicy': return `ValidatingPolicy '${policy}'`;
    case 'KyvernoClusterPolicy': return `policy ${policy}/${binding}`;
    case 'TemplatePolicy': return `TemplatePolicy '${policy}'`;
  }
}

function strongest(actions: PolicyAction[]): PolicyAction {
  return actions.reduce((best, a) => (actionRank[a] > actionRank[best] ? a : best), actions[0]!);
}

// What a violation needs from its binding that never changes: worked out once per binding.
const perBinding = new WeakMap<CompiledBinding, { label: string; action: PolicyAction | undefined; escalatesOn: string | undefined }>();

function bindingFacts(binding: CompiledBinding) {
  let fixed = perBinding.get(binding);
  if (!fixed) {
    fixed = {
      label: label(binding.source, binding.policyName, binding.name),
      action: binding.actions.length ? strongest(binding.actions) : undefined,
      escalatesOn: binding.denyFrom !== undefined ? new Date(binding.denyFrom).toISOString().slice(0, 10) : undefined,
    };
    perBinding.set(binding, fixed);
  }
  return fixed;
}

/** Accumulates violations, warnings, annotations and unknowns for one request. */
export class ResultCollector {
  readonly result: AdmissionResult = { allowed: true, warnings: [], violations: [], auditAnnotations: {}, notEvaluated: [], errors: [] };
  private readonly auditFailures: unknown[] = [];
  /** True while evaluating a workload's synthetic Pod. */
  podTemplate = false;
  /** Set while a Kyverno rule generated for a controller runs: its field paths are inside the pod template. */
  fieldPrefix = '';

  constructor(private readonly facts: AdmissionFacts) {}

  /** Records a failed validation with the binding's (escalated) actions. */
  violation(binding: CompiledBinding, message: string, reason: string, fieldPath: string | undefined, error = false, fieldPathGuessed = false): void {
    const fixed = bindingFacts(binding);
    let actions = binding.actionsFor ? binding.actionsFor(this.facts) : binding.actions;
    let escalatedFrom: string | undefined;
    if (binding.denyFrom !== undefined && this.facts.asOf >= binding.denyFrom && actions.includes('Warn')) {
      actions = [...new Set(actions.map((a) => (a === 'Warn' ? 'Deny' : a)))] as PolicyAction[];
      escalatedFrom = 'Warn';
    }
    if (actions.length === 0) return;
    const action = actions === binding.actions ? fixed.action! : strongest(actions);
    const subject = this.facts.subject;
    const violation: Violation = {
      policy: binding.policyName, binding: binding.name, action, actions, message, reason, source: binding.source,
      object: { apiVersion: subject.apiVersion, kind: subject.kind, namespace: subject.metadata?.namespace, name: subject.metadata?.name },
    };
    if (fieldPath) violation.fieldPath = this.fieldPrefix && /^(spec|metadata)(\.|$)/.test(fieldPath) ? this.fieldPrefix + fieldPath : fieldPath;
    if (fieldPath && fieldPathGuessed) violation.fieldPathGuessed = true;
    if (error) violation.error = true;
    if (escalatedFrom) violation.escalatedFrom = escalatedFrom;
    else if (fixed.escalatesOn !== undefined && actions.includes('Warn')) violation.escalatesOn = fixed.escalatesOn;
    if (this.podTemplate) violation.podTemplate = true;
    this.result.violations.push(violation);
    if (actions.includes('Deny') && !this.podTemplate) this.result.allowed = false;
    if (actions.includes('Warn')) this.result.warnings.push(`${this.podTemplate ? 'will fail when pods are created: ' : ''}Validation failed for ${fixed.label}: ${message}`);
    if (actions.includes('Audit')) this.auditFailures.push({ message, policy: binding.policyName, binding: binding.name, validationActions: actions });
  }

  /** Records a policy that applied but could not be evaluated offline. */
  notEvaluated(binding: CompiledBinding, reason: string): void {
    const entry = { policy: binding.policyName, binding: binding.name, reason, ...(this.podTemplate ? { podTemplate: true } : {}) };
    if (!this.result.notEvaluated.some((n) => n.policy === entry.policy && n.binding === entry.binding && n.reason === reason)) this.result.notEvaluated.push(entry);
  }

  /** Records an evaluation error that failurePolicy Ignore let through. */
  error(binding: CompiledBinding, message: string): void {
    this.result.errors.push({ policy: binding.policyName, binding: binding.name, message: this.podTemplate ? `pod template: ${message}` : message });
  }

  /** The result, with the Audit failures folded into their audit annotation as the API server does. */
  finish(): AdmissionResult {
    if (this.auditFailures.length) this.result.auditAnnotations['validation.policy.admission.k8s.io/validation_failure'] = JSON.stringify(this.auditFailures);
    return this.result;
  }

  /** Records an audit annotation (key already prefixed). */
  annotate(key: string, value: string): void {
    this.result.auditAnnotations[key] = value;
  }
}
