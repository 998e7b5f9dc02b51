// Evaluates one (policy, binding) pair against a request, per the
// ValidatingAdmissionPolicy rules in shared POLICY-NOTES.md: match, params,
// matchConditions, variables, validations, auditAnnotations, failurePolicy.
import { celFailure } from '../cel/cel-environment.js';
import type { AdmissionFacts } from '../k8s/admission-facts.js';
import type { CompiledBinding, CompiledPolicy, CompiledValidation } from './compiled-policy.js';
import type { ParamStore } from './param-store.js';
import type { ResultCollector } from './result-collector.js';
import type { RequestMatcher } from './resource-rules.js';
import { pickFieldPath } from './guess-field-path.js';

const MESSAGE_LIMIT = 5 * 1024;

const failureMessage = celFailure;

/** Applies failurePolicy to an evaluation error: Fail takes the binding's actions, Ignore records an error. */
function fail(policy: CompiledPolicy, binding: CompiledBinding, message: string, out: ResultCollector): void {
  if (policy.failurePolicy === 'Fail') out.violation(binding, message, 'InternalError', undefined, true);
  else out.error(binding, message);
}

function messageOf(validation: CompiledValidation, facts: AdmissionFacts): string {
  if (validation.messageProgram) {
    try {
      const text = validation.messageProgram.evaluate(facts.activation);
      if (typeof text === 'string' && text.trim() !== '' && !text.includes('\n')) return text.length > MESSAGE_LIMIT ? text.slice(0, MESSAGE_LIMIT) : text;
    } catch {
      // Falls back to message, as the API server does when messageExpression errors.
    }
  }
  if (validation.message) return validation.message;
  return `failed expression: ${validation.expression}`;
}

function evaluateWithParams(policy: CompiledPolicy, binding: CompiledBinding, facts: AdmissionFacts, params: unknown, out: ResultCollector): void {
  const activation = facts.activation;
  activation.params = params;
  const variables = policy.variables;
  if (variables.slots.length) variables.reset(activation);
  activation.variables = variables.value;

  let conditionError: string | undefined;
  let unknown: string | undefined;
  for (const condition of policy.matchConditions) {
    let value: unknown;
    try {
      value = condition.program.run(activation);
    } catch (error) {
      const failure = failureMessage(error);
      if (failure.unknown) unknown ??= `matchCondition '${condition.name}' ${failure.message}`;
      else conditionError ??= `matchCondition '${condition.name}' failed to evaluate: ${failure.message}`;
      continue;
    }
    if (value === false) return;
    if (value !== true) conditionError ??= `matchCondition '${condition.name}' must evaluate to bool`;
  }
  if (unknown) { out.notEvaluated(binding, unknown); return; }
  if (conditionError) { fail(policy, binding, conditionError, out); return; }

  for (const validation of policy.validations) {
    let value: unknown;
    try {
      value = validation.program.run(activation);
    } catch (error) {
      const failure = failureMessage(error);
      if (failure.unknown) out.notEvaluated(binding, `expression '${validation.expression}' ${failure.message}`);
      else fail(policy, binding, `expression '${validation.expression}' resulted in error: ${failure.message}`, out);
      continue;
    }
    if (value === true) continue;
    if (value === false) {
      const fieldPath = validation.fieldPathCandidates ? pickFieldPath(validation.fieldPathCandidates, facts.subject) : validation.fieldPath;
      out.violation(binding, messageOf(validation, facts), validation.reason, fieldPath, false, validation.fieldPathGuessed);
    }
    else fail(policy, binding, `expression '${validation.expression}' must evaluate to bool`, out);
  }

  for (const annotation of policy.auditAnnotations) {
    try {
      const value = annotation.program.evaluate(activation);
      if (value === null) continue;
      if (typeof value !== 'string') { fail(policy, binding, `auditAnnotations '${annotation.key}' must evaluate to a string or null`, out); continue; }
      out.annotate(annotation.qualifiedKey ??= `${policy.name}/${annotation.key}`, value);
    } catch (error) {
      const failure = failureMessage(error);
      if (failure.unknown) out.notEvaluated(binding, `auditAnnotation '${annotation.key}' ${failure.message}`);
      else fail(policy, binding, `auditAnnotation '${annotation.key}' failed to evaluate: ${failure.message}`, out);
    }
  }
}

/**
 * Evaluates a binding against the request when both it and its policy match.
 * A policy set's plan passes what is left to match after its static checks
 * (null: nothing); by default the policy's and binding's whole matchers run.
 */
export function evaluateBinding(
  binding: CompiledBinding, facts: AdmissionFacts, params: ParamStore, out: ResultCollector,
  policyMatch: RequestMatcher | null | undefined = binding.policy?.match, bindingMatch: RequestMatcher | null | undefined = binding.match,
): void {
  const policy = binding.policy;
  if (!policy || (policyMatch && !policyMatch(facts))) return;
  if (bindingMatch && !bindingMatch(facts)) return;
  if (policy.notEvaluated || binding.notEvaluated) { out.notEvaluated(binding, (policy.notEvaluated ?? binding.notEvaluated)!); return; }
  if (binding.fixedParams !== undefined) { evaluateWithParams(policy, binding, facts, binding.fixedParams, out); return; }
  if (!policy.paramKind) { evaluateWithParams(policy, binding, facts, null, out); return; }
  const resolved = params.resolve(policy, binding, facts);
  if ('error' in resolved) { fail(policy, binding, resolved.error, out); return; }
  if ('notFound' in resolved) {
    if (binding.paramRef?.notFoundAction === 'Allow') return;
    fail(policy, binding, resolved.notFound, out);
    return;
  }
  for (const param of resolved.params) evaluateWithParams(policy, binding, facts, param, out);
}
