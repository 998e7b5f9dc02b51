// admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy and its bindings.
import { compileLabelSelector } from '../k8s/label-selector.js';
import { splitApiVersion } from '../k8s/resource-names.js';
import { compilePolicyBody, parseFailurePolicy, parseValidationActions } from '../engine/compile-parts.js';
import type { CompiledBinding, CompiledPolicy, ParamRef } from '../engine/compiled-policy.js';
import { compileMatchResources, type FieldProblem } from '../engine/resource-rules.js';
import type { KubeObject } from '../types.js';
import { readDenyFrom } from './deny-from.js';

/** Compiles a ValidatingAdmissionPolicy. */
export function compileValidatingAdmissionPolicy(object: KubeObject, problems: FieldProblem[]): CompiledPolicy {
  const spec = (object.spec ?? {}) as any;
  const { matcher, keys } = compileMatchResources(spec.matchConstraints, 'spec.matchConstraints', true, problems);
  if (!spec.matchConstraints?.resourceRules?.length) problems.push({ field: 'spec.matchConstraints.resourceRules', message: 'a policy needs matchConstraints.resourceRules; without them it matches nothing' });
  const body = compilePolicyBody(spec, 'spec', problems);
  let paramKind: CompiledPolicy['paramKind'];
  if (spec.paramKind) {
    if (!spec.paramKind.kind) problems.push({ field: 'spec.paramKind.kind', message: 'paramKind needs a kind' });
    paramKind = { group: splitApiVersion(spec.paramKind.apiVersion).group, kind: String(spec.paramKind.kind ?? '') };
  }
  return {
    name: object.metadata?.name ?? '', source: 'ValidatingAdmissionPolicy',
    failurePolicy: parseFailurePolicy(spec.failurePolicy, 'spec.failurePolicy', problems),
    match: matcher, keys, ...body, paramKind,
  };
}

function compileParamRef(ref: any, problems: FieldProblem[]): ParamRef | undefined {
  if (!ref) return undefined;
  const hasName = typeof ref.name === 'string' && ref.name !== '';
  if (hasName && ref.selector) problems.push({ field: 'spec.paramRef', message: 'name and selector are mutually exclusive; keep one' });
  if (!hasName && !ref.selector) problems.push({ field: 'spec.paramRef', message: 'paramRef needs a name or a selector' });
  const action = ref.parameterNotFoundAction ?? 'Deny';
  if (action !== 'Allow' && action !== 'Deny') problems.push({ field: 'spec.paramRef.parameterNotFoundAction', message: 'parameterNotFoundAction must be Allow or Deny' });
  let selector;
  try {
    selector = compileLabelSelector(ref.selector);
  } catch (error) {
    problems.push({ field: 'spec.paramRef.selector', message: (error as Error).message });
  }
  return { name: hasName ? ref.name : undefined, namespace: ref.namespace || undefined, selector, notFoundAction: action === 'Allow' ? 'Allow' : 'Deny' };
}

/** Compiles a ValidatingAdmissionPolicyBinding. */
export function compileValidatingAdmissionPolicyBinding(object: KubeObject, problems: FieldProblem[]): CompiledBinding {
  const spec = (object.spec ?? {}) as any;
  if (!spec.policyName) problems.push({ field: 'spec.policyName', message: 'a binding needs spec.policyName' });
  const binding: CompiledBinding = {
    name: object.metadata?.name ?? '', policyName: String(spec.policyName ?? ''), source: 'ValidatingAdmissionPolicy',
    actions: parseValidationActions(spec.validationActions, 'spec.validationActions', problems),
    paramRef: compileParamRef(spec.paramRef, problems),
    denyFrom: readDenyFrom(object, problems),
  };
  if (spec.matchResources) binding.match = compileMatchResources(spec.matchResources, 'spec.matchResources', false, problems).matcher;
  return binding;
}
