// The one entry point for evaluating an admission request against a policy
// set, used by the simulator, the demo cluster and `paver policy eval`.
import { admissionFactsFor, type AdmissionFacts } from './k8s/admission-facts.js';
import { evaluateBinding } from './engine/evaluate-binding.js';
import { autogenBinding, autogenFacts, podTemplatePrefix } from './engine/autogen.js';
import { ResultCollector } from './engine/result-collector.js';
import { podFromWorkload } from './pod-template.js';
import type { PlannedBinding, PolicySet } from './policy-set.js';
import type { AdmissionInput, AdmissionResult } from './types.js';

/** The set's plan for these facts, kept on the facts for the next identical request. */
function planOf(set: PolicySet, facts: AdmissionFacts): readonly PlannedBinding[] {
  if (facts.plan?.set === set) return facts.plan.bindings as readonly PlannedBinding[];
  const bindings = set.planFor(facts);
  facts.plan = { set, bindings };
  return bindings;
}

export interface EvaluateOptions {
  /** The host clock (epoch ms), used when the input has no asOf. */
  now?: number;
}

/**
 * Evaluates one admission request against every applicable binding.
 * @example
 * const result = evaluateAdmission(set, { operation: 'CREATE', object: deployment, namespaceObject, asOf: '2027-01-15' });
 * if (!result.allowed) console.log(result.violations.map((v) => `${v.policy}: ${v.message}`));
 */
export function evaluateAdmission(set: PolicySet, input: AdmissionInput, options: EvaluateOptions = {}): AdmissionResult {
  const now = options.now ?? Date.now();
  const facts = admissionFactsFor(input, set.table, now);
  const out = new ResultCollector(facts);
  for (const planned of planOf(set, facts)) evaluateBinding(planned.binding, facts, set.params, out, planned.policyMatch, planned.bindingMatch);

  if (input.podTemplates !== false && input.operation !== 'DELETE' && input.object) {
    const podBindings = set.bindingsFor('pods', 'Pod');
    const pod = podBindings.length ? podFromWorkload(facts.subject) : null;
    if (pod) {
      const podFacts = admissionFactsFor({ operation: 'CREATE', object: pod, namespaceObject: input.namespaceObject, userInfo: input.userInfo, asOf: input.asOf }, set.table, now);
      podFacts.generated = true;
      for (const planned of planOf(set, podFacts)) {
        const binding = planned.binding;
        if (binding.autogen?.has(facts.kind)) {
          // Kyverno's generated rule for this controller: the workload itself is judged now.
          out.fieldPrefix = podTemplatePrefix(facts.kind);
          evaluateBinding(autogenBinding(binding, facts.kind), autogenFacts(podFacts, facts), set.params, out, planned.policyMatch, planned.bindingMatch);
          out.fieldPrefix = '';
          continue;
        }
        out.podTemplate = true;
        evaluateBinding(binding, podFacts, set.params, out, planned.policyMatch, planned.bindingMatch);
        out.podTemplate = false;
      }
    }
  }
  return out.finish();
}
