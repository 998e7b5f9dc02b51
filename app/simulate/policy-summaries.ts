// The workspace's policies as the Policies view lists them: each policy with
// its engine, where it applies and with which actions, and whether Paver can
// evaluate it offline, all read from the compiled policy set.
import { createPolicySet, type KubeObject } from '../policy/index.js';
import type { PolicySummary } from '../api/simulation-types.js';
import type { PolicyDocument } from '../workspace/model/workspace-model-types.js';

const policyKinds = new Set(['ValidatingAdmissionPolicy', 'ConstraintTemplate', 'ValidatingPolicy', 'NamespacedValidatingPolicy', 'ClusterPolicy', 'Policy', 'TemplatePolicy']);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Summaries of every policy among the workspace's policy documents, sorted by name. */
export function summarisePolicies(documents: readonly PolicyDocument[]): PolicySummary[] {
  const set = createPolicySet(documents.map((d) => d.body as KubeObject));
  const byName = new Map<string, PolicySummary>();
  const fileOf = (name: string) => documents.find((d) => policyKinds.has(d.kind) && d.name === name)?.file ?? '';
  const summary = (name: string, engine: string): PolicySummary => {
    let entry = byName.get(name);
    if (!entry) {
      entry = { name, engine, file: fileOf(name), bindings: [], problems: [] };
      byName.set(name, entry);
    }
    return entry;
  };
  const policyOfBinding = new Map<string, string>();
  for (const binding of set.bindings) {
    const entry = summary(binding.policyName, binding.source);
    policyOfBinding.set(binding.name, binding.policyName);
    entry.bindings.push({ name: binding.name, actions: [...binding.actions], ...(binding.denyFrom !== undefined ? { denyFrom: day(binding.denyFrom) } : {}) });
    const reason = binding.policy?.notEvaluated ?? binding.notEvaluated;
    if (reason && !entry.notEvaluated) entry.notEvaluated = reason;
  }
  for (const name of set.unboundPolicies) {
    const document = documents.find((d) => d.name === name && policyKinds.has(d.kind));
    summary(name, document?.kind ?? 'ValidatingAdmissionPolicy').notEvaluated ??= 'no binding: it applies nowhere until a binding names it';
  }
  for (const policy of set.templatePolicies) {
    const deny = policy.rollout.find((step) => step.action === 'Deny');
    summary(policy.name, 'TemplatePolicy').bindings.push({
      name: `${policy.template} ${policy.range.text}`,
      actions: [...new Set(policy.rollout.map((step) => step.action))],
      ...(deny ? { denyFrom: deny.date } : {}),
    });
  }
  for (const problem of set.problems) {
    const objectName = problem.object.slice(problem.object.indexOf('/') + 1);
    const owner = byName.get(objectName) ? objectName : policyOfBinding.get(objectName) ?? objectName;
    const entry = byName.get(owner) ?? summary(owner, problem.object.split('/')[0] ?? '');
    entry.problems.push(`${problem.object}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
