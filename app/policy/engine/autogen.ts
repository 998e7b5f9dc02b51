// Kyverno auto-generates its Pod rules for Pod controllers: the generated rule
// judges the Deployment (or CronJob...) itself at admission, so a violation
// blocks the workload now rather than failing its Pods later. The generated
// rule sees the controller with its pod template's spec and metadata in place
// of its own (Kyverno rewrites object.spec and object.metadata), and the
// controller's request; matching still uses the Pod the rule was written for.
import { toCelValue } from '../cel/to-cel-value.js';
import type { AdmissionFacts } from '../k8s/admission-facts.js';
import type { KubeObject } from '../types.js';
import { autogenRuleName } from '../formats/kyverno-autogen.js';
import type { CompiledBinding } from './compiled-policy.js';

const views = new WeakMap<AdmissionFacts, AdmissionFacts>();
const renamed = new WeakMap<CompiledBinding, Map<string, CompiledBinding>>();

/** Where a controller keeps its pod template, as a field-path prefix. */
export function podTemplatePrefix(kind: string): string {
  return kind === 'CronJob' ? 'spec.jobTemplate.spec.template.' : 'spec.template.';
}

/** The facts a generated rule sees for a workload, given its Pod's facts and its own. */
export function autogenFacts(podFacts: AdmissionFacts, workloadFacts: AdmissionFacts): AdmissionFacts {
  let facts = views.get(podFacts);
  if (!facts || facts.subject !== workloadFacts.subject) {
    const workload = workloadFacts.subject;
    const spec = workload.spec as { template?: KubeObject; jobTemplate?: { spec?: { template?: KubeObject } } } | undefined;
    const template = (workload.kind === 'CronJob' ? spec?.jobTemplate?.spec?.template : spec?.template) ?? {};
    const view = { ...workload, metadata: template.metadata ?? {}, spec: template.spec ?? {} };
    facts = {
      ...podFacts, subject: workload, generated: false, plan: undefined, celRequest: workloadFacts.celRequest,
      activation: { ...podFacts.activation, object: toCelValue(view), request: workloadFacts.celRequest },
    };
    views.set(podFacts, facts);
  }
  return facts;
}

/** The binding as Kyverno names its generated rule (ClusterPolicy rules get an autogen- prefix). */
export function autogenBinding(binding: CompiledBinding, kind: string): CompiledBinding {
  if (binding.source !== 'KyvernoClusterPolicy') return binding;
  let byKind = renamed.get(binding);
  if (!byKind) {
    byKind = new Map();
    renamed.set(binding, byKind);
  }
  let named = byKind.get(kind);
  if (!named) {
    named = { ...binding, name: autogenRuleName(binding.name, kind) };
    byKind.set(kind, named);
  }
  return named;
}
