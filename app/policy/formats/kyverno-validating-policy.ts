// Kyverno CEL ValidatingPolicy (policies.kyverno.io v1alpha1/v1beta1/v1): a
// VAP-shaped spec that is its own binding.
import { compilePolicyBody, parseFailurePolicy, parseValidationActions } from '../engine/compile-parts.js';
import type { CompiledBinding, CompiledPolicy } from '../engine/compiled-policy.js';
import { compileMatchResources, type FieldProblem, type RequestMatcher } from '../engine/resource-rules.js';
import { VariableScope } from '../engine/variable-scope.js';
import type { KubeObject } from '../types.js';
import { readDenyFrom } from './deny-from.js';
import { collectExpressions, kyvernoOnlyLibrary } from './kyverno-libraries.js';

/** Compiles a ValidatingPolicy into a policy and its implicit binding. */
export function compileKyvernoValidatingPolicy(object: KubeObject, problems: FieldProblem[]): { policy: CompiledPolicy; binding: CompiledBinding } {
  const spec = (object.spec ?? {}) as any;
  const name = object.metadata?.name ?? '';
  // evaluation.mode JSON validates arbitrary JSON payloads, never Kubernetes admission requests.
  const compiled = spec.evaluation?.mode === 'JSON'
    ? { matcher: (() => false) as RequestMatcher, keys: { kinds: new Set<string>() } }
    : compileMatchResources(spec.matchConstraints, 'spec.matchConstraints', true, problems);
  const { keys } = compiled;
  // A NamespacedValidatingPolicy applies only to objects in its own namespace.
  const ownNamespace = object.kind === 'NamespacedValidatingPolicy' ? (object.metadata?.namespace ?? 'default') : undefined;
  const matcher: RequestMatcher = ownNamespace === undefined ? compiled.matcher : (facts) => facts.namespace === ownNamespace && compiled.matcher(facts);
  const library = kyvernoOnlyLibrary(collectExpressions(spec));
  const failurePolicy = parseFailurePolicy(spec.failurePolicy, 'spec.failurePolicy', problems);
  const policy: CompiledPolicy = library
    ? { name, source: 'KyvernoValidatingPolicy', failurePolicy, match: matcher, keys, matchConditions: [], variables: new VariableScope([]), validations: [], auditAnnotations: [], notEvaluated: `uses ${library}, a Kyverno-only library with no offline value` }
    : { name, source: 'KyvernoValidatingPolicy', failurePolicy, match: matcher, keys, ...compilePolicyBody(spec, 'spec', problems) };
  const binding: CompiledBinding = {
    name, policyName: name, source: 'KyvernoValidatingPolicy',
    // With admission evaluation off, Kyverno only reports (background scans): Audit.
    actions: spec.evaluation?.admission?.enabled === false ? ['Audit'] : parseValidationActions(spec.validationActions ?? ['Deny'], 'spec.validationActions', problems),
    denyFrom: readDenyFrom(object, problems), policy,
  };
  return { policy, binding };
}
