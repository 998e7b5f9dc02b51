// Parses and compiles every policy object once; evaluations then only match
// and run precompiled programs. Bindings are indexed by resource and kind.
import { splitApiVersion, ResourceTable } from './k8s/resource-names.js';
import type { CompiledBinding, CompiledPolicy } from './engine/compiled-policy.js';
import { ParamStore } from './engine/param-store.js';
import { splitMatcherOf, staticMatchKey, type FieldProblem, type RequestMatcher } from './engine/resource-rules.js';
import type { AdmissionFacts } from './k8s/admission-facts.js';
import { compileValidatingAdmissionPolicy, compileValidatingAdmissionPolicyBinding } from './formats/validating-admission-policy.js';
import { compileConstraint, compileConstraintTemplate, gatekeeperConstraintGroup, type CompiledConstraintTemplate } from './formats/gatekeeper.js';
import { compileKyvernoValidatingPolicy } from './formats/kyverno-validating-policy.js';
import { compileKyvernoClusterPolicy } from './formats/kyverno-cluster-policy.js';
import { clusterPolicyAutogen, validatingPolicyAutogen } from './formats/kyverno-autogen.js';
import { compileTemplatePolicy, type CompiledTemplatePolicy } from './formats/template-policy.js';
import type { KubeObject, PolicyObjectProblem, ResourceMapping } from './types.js';
import { checkKubeVersion, kubeMinor } from './formats/kube-version.js';

/** A compiled, indexed set of policies with their params. Build with createPolicySet. */
export interface PolicySet {
  readonly bindings: readonly CompiledBinding[];
  readonly templatePolicies: readonly CompiledTemplatePolicy[];
  /** Problems per object, with the field; a broken policy is reported as not evaluated where it applies. */
  readonly problems: readonly PolicyObjectProblem[];
  /** Policies without any binding: they do nothing, as in a cluster. */
  readonly unboundPolicies: readonly string[];
  readonly table: ResourceTable;
  readonly params: ParamStore;
  /** Bindings that may apply to a resource/kind (cached). */
  bindingsFor(resource: string, kind: string): readonly CompiledBinding[];
  /** The bindings to evaluate for a request, with what is left to match per request (cached per kind of request). */
  planFor(facts: AdmissionFacts): readonly PlannedBinding[];
}

/** A binding whose static match (rules) already passed for this kind of request. */
export interface PlannedBinding {
  binding: CompiledBinding;
  /** The policy's remaining per-request match, or null when nothing is left to check. */
  policyMatch: RequestMatcher | null;
  /** The binding's remaining per-request match, or null. */
  bindingMatch: RequestMatcher | null;
}

export interface PolicySetOptions {
  /** Kinds beyond the built-in table (CRDs among the objects are added automatically). */
  resourceMappings?: ResourceMapping[];
  /** Target Kubernetes version ("1.31"): expressions using newer CEL libraries are flagged and not evaluated. */
  kubeVersion?: string;
}

function describe(object: KubeObject): string {
  return `${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
}

function brokenReason(problems: FieldProblem[]): string {
  const first = problems[0]!;
  return `the policy does not compile (${first.field}: ${first.message})${problems.length > 1 ? ` and ${problems.length - 1} more problem(s)` : ''}`;
}

/**
 * Compiles policy, binding, constraint and param objects.
 * @example
 * const set = createPolicySet(parseAllDocuments(text).map((d) => d.toJS()));
 * const result = evaluateAdmission(set, { operation: 'CREATE', object: deployment, asOf: '2027-01-15' });
 */
export function createPolicySet(objects: readonly KubeObject[], options: PolicySetOptions = {}): PolicySet {
  const table = new ResourceTable(options.resourceMappings);
  const params = new ParamStore(table);
  const problems: PolicyObjectProblem[] = [];
  const policies = new Map<string, CompiledPolicy>();
  const templates = new Map<string, { template: CompiledConstraintTemplate; name: string }>();
  const bindings: CompiledBinding[] = [];
  const vapBindings: CompiledBinding[] = [];
  const constraints: Array<{ object: KubeObject; index: number }> = [];
  const templatePolicies: CompiledTemplatePolicy[] = [];

  for (const object of objects) if (object?.kind === 'CustomResourceDefinition') table.addCustomResourceDefinition(object);
  const minor = kubeMinor(options.kubeVersion);

  objects.forEach((object, index) => {
    if (!object || typeof object !== 'object') { problems.push({ object: '?', message: 'not a Kubernetes object', index }); return; }
    const { group } = splitApiVersion(object.apiVersion);
    const local: FieldProblem[] = [];
    const report = () => { for (const p of local) problems.push({ object: describe(object), field: p.field, message: p.message, index }); };
    const kind = object.kind;
    const isPolicy = (group === 'admissionregistration.k8s.io' && kind === 'ValidatingAdmissionPolicy') || (group === 'templates.gatekeeper.sh' && kind === 'ConstraintTemplate')
      || group === 'policies.kyverno.io' || (group === 'kyverno.io' && (kind === 'ClusterPolicy' || kind === 'Policy'));
    if (minor !== undefined && isPolicy) checkKubeVersion(object.spec, minor, local);
    if (group === 'admissionregistration.k8s.io' && kind === 'ValidatingAdmissionPolicy') {
      const policy = compileValidatingAdmissionPolicy(object, local);
      if (local.length) policy.notEvaluated = brokenReason(local);
      policies.set(policy.name, policy);
    } else if (group === 'admissionregistration.k8s.io' && kind === 'ValidatingAdmissionPolicyBinding') {
      const binding = compileValidatingAdmissionPolicyBinding(object, local);
      if (local.length) binding.notEvaluated = `the binding is invalid (${local[0]!.field}: ${local[0]!.message})`;
      vapBindings.push(binding);
    } else if (group === 'templates.gatekeeper.sh' && kind === 'ConstraintTemplate') {
      const template = compileConstraintTemplate(object, local);
      if (local.length) template.policy.notEvaluated = brokenReason(local);
      templates.set(template.constraintKind, { template, name: template.policy.name });
    } else if (group === gatekeeperConstraintGroup) {
      constraints.push({ object, index });
    } else if (group === 'policies.kyverno.io' && (kind === 'ValidatingPolicy' || kind === 'NamespacedValidatingPolicy')) {
      const { policy, binding } = compileKyvernoValidatingPolicy(object, local);
      if (local.length) policy.notEvaluated = brokenReason(local);
      const controllers = validatingPolicyAutogen(object);
      if (controllers.size) binding.autogen = controllers;
      bindings.push(binding);
    } else if (group === 'kyverno.io' && (kind === 'ClusterPolicy' || kind === 'Policy')) {
      const rules = compileKyvernoClusterPolicy(object, local);
      if (local.length) for (const r of rules) r.policy.notEvaluated ??= brokenReason(local);
      const autogen = clusterPolicyAutogen(object);
      for (const r of rules) {
        const controllers = autogen.get(r.binding.name);
        if (controllers?.size) r.binding.autogen = controllers;
        bindings.push(r.binding);
      }
    } else if (group === 'paver.dev' && kind === 'TemplatePolicy') {
      const policy = compileTemplatePolicy(object, local);
      if (policy) templatePolicies.push(policy);
    } else {
      params.add(object);
    }
    report();
  });

  for (const { object, index } of constraints) {
    const entry = templates.get(object.kind ?? '');
    if (!entry) { problems.push({ object: describe(object), field: 'kind', message: `no ConstraintTemplate defines kind ${object.kind}; add the template next to the constraint`, index }); continue; }
    const local: FieldProblem[] = [];
    const binding = compileConstraint(object, entry.name, entry.template.numberPaths, local, entry.template.parametersSchema);
    if (local.length) binding.notEvaluated = `the constraint is invalid (${local[0]!.field}: ${local[0]!.message})`;
    binding.policy = entry.template.policy;
    bindings.push(binding);
    for (const p of local) problems.push({ object: describe(object), field: p.field, message: p.message, index });
  }
  for (const binding of vapBindings) {
    const policy = policies.get(binding.policyName);
    const index = objects.findIndex((o) => o?.kind === 'ValidatingAdmissionPolicyBinding' && o.metadata?.name === binding.name);
    if (!policy) { problems.push({ object: `ValidatingAdmissionPolicyBinding/${binding.name}`, field: 'spec.policyName', message: `binding refers to ValidatingAdmissionPolicy '${binding.policyName}', which is not among the objects; it does nothing`, index }); continue; }
    if (binding.paramRef && !policy.paramKind) problems.push({ object: `ValidatingAdmissionPolicyBinding/${binding.name}`, field: 'spec.paramRef', message: `policy '${policy.name}' has no paramKind, so paramRef is ignored`, index });
    binding.policy = policy;
    bindings.push(binding);
  }
  const bound = new Set(vapBindings.map((b) => b.policyName));
  const unboundPolicies = [...policies.keys()].filter((name) => !bound.has(name));

  const cache = new Map<string, CompiledBinding[]>();
  const plans = new Map<string, PlannedBinding[]>();
  return {
    bindings, templatePolicies, problems, unboundPolicies, table, params,
    planFor(facts) {
      const key = staticMatchKey(facts);
      let plan = plans.get(key);
      if (!plan) {
        plan = [];
        for (const binding of this.bindingsFor(facts.resource, facts.kind)) {
          const policy = binding.policy;
          if (!policy) continue;
          const policySplit = splitMatcherOf(policy.match);
          if (policySplit && !policySplit.staticPart(facts)) continue;
          const bindingSplit = binding.match && splitMatcherOf(binding.match);
          if (bindingSplit && !bindingSplit.staticPart(facts)) continue;
          plan.push({
            binding,
            policyMatch: policySplit ? policySplit.dynamicPart : policy.match,
            bindingMatch: !binding.match ? null : bindingSplit ? bindingSplit.dynamicPart : binding.match,
          });
        }
        plans.set(key, plan);
      }
      return plan;
    },
    bindingsFor(resource, kind) {
      const key = resource + '|' + kind;
      let list = cache.get(key);
      if (!list) {
        list = bindings.filter((b) => {
          const keys = b.keys && (b.keys.kinds || b.keys.resources) ? b.keys : b.policy!.keys;
          if (!keys.kinds && !keys.resources) return true;
          return Boolean(keys.kinds?.has(kind) || keys.resources?.has(resource));
        });
        cache.set(key, list);
      }
      return list;
    },
  };
}
