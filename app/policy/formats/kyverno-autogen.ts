// Which Kyverno policies Kyverno itself would auto-generate for Pod
// controllers, and under which rule names, so `kyverno test` results on a
// Deployment or CronJob find the rule they name. The evaluation itself uses
// the workload's pod template (pod-template.ts), which is what the generated
// rule reads after Kyverno rewrites object.spec/metadata to the template.
import type { KubeObject } from '../types.js';

const podControllers = ['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'CronJob'];
const byResource: Record<string, string> = {
  daemonsets: 'DaemonSet', deployments: 'Deployment', jobs: 'Job', statefulsets: 'StatefulSet',
  replicasets: 'ReplicaSet', replicationcontrollers: 'ReplicationController', cronjobs: 'CronJob',
};

/** For each rule: the controller kinds its generated rules cover. */
export type RuleAutogen = Map<string, Set<string>>;

function lastSegment(kind: unknown): string {
  const text = String(kind);
  return text.slice(text.lastIndexOf('/') + 1);
}

interface Description { name?: unknown; names?: unknown[]; selector?: unknown; annotations?: unknown; kinds?: unknown[] }

function descriptions(block: any): Description[] {
  if (!block || typeof block !== 'object') return [];
  const out: Description[] = [];
  if (block.resources) out.push(block.resources);
  for (const list of [block.any, block.all]) if (Array.isArray(list)) for (const f of list) out.push(f?.resources ?? {});
  return out;
}

function kindsOf(block: any): string[] {
  return descriptions(block).flatMap((d) => (Array.isArray(d.kinds) ? d.kinds.map(lastSegment) : []));
}

/** Kyverno's CanAutoGen: no names, selectors or annotations, and Pod never mixed with other kinds in one filter. */
function canAutoGen(rules: any[]): boolean {
  let needed = false;
  for (const rule of rules) {
    if (rule?.generate || rule?.mutate?.patchesJson6902) return false;
    for (const d of [...descriptions(rule?.match), ...descriptions(rule?.exclude)]) {
      const kinds = Array.isArray(d.kinds) ? d.kinds.map(lastSegment) : [];
      if (d.name || (Array.isArray(d.names) && d.names.length) || d.selector || d.annotations || (kinds.length > 1 && kinds.includes('Pod'))) return false;
      if (kinds.some((k) => k === 'Pod' || podControllers.includes(k))) needed = true;
    }
  }
  return needed;
}

/** The controllers a ClusterPolicy/Policy rule is auto-generated for, per rule name (rules on Pods only). */
export function clusterPolicyAutogen(policy: KubeObject): RuleAutogen {
  const out: RuleAutogen = new Map();
  const rules: any[] = Array.isArray((policy.spec as any)?.rules) ? (policy.spec as any).rules : [];
  if (!canAutoGen(rules)) return out;
  const annotation = policy.metadata?.annotations?.['pod-policies.kyverno.io/autogen-controllers'];
  let controllers = podControllers;
  if (annotation !== undefined) {
    // An empty list generates nothing, as "none" does (Kyverno's computeRules).
    if (annotation === 'none' || annotation.trim() === '') return out;
    controllers = annotation === 'all' ? podControllers : annotation.split(',').map((s) => s.trim()).filter((k) => podControllers.includes(k));
  }
  for (const rule of rules) {
    const name = String(rule?.name ?? '');
    if (name.startsWith('autogen-')) continue;
    const excludeKinds = kindsOf(rule?.exclude);
    if (!kindsOf(rule?.match).includes('Pod') || (excludeKinds.length > 0 && !excludeKinds.includes('Pod'))) continue;
    out.set(name, new Set(controllers));
  }
  return out;
}

/** The controllers a ValidatingPolicy is auto-generated for (pods-only match, no selectors or exclusions). */
export function validatingPolicyAutogen(policy: KubeObject): Set<string> {
  const spec = (policy.spec ?? {}) as any;
  const match = spec.matchConstraints;
  const empty = (s: any) => !s || ((!s.matchLabels || Object.keys(s.matchLabels).length === 0) && (!Array.isArray(s.matchExpressions) || s.matchExpressions.length === 0));
  if (!match || !empty(match.namespaceSelector) || !empty(match.objectSelector)) return new Set();
  if (Array.isArray(match.excludeResourceRules) && match.excludeResourceRules.length) return new Set();
  const rules = Array.isArray(match.resourceRules) ? match.resourceRules : [];
  const rule = rules[0];
  const only = (list: unknown, value: string) => Array.isArray(list) && list.length === 1 && list[0] === value;
  if (rules.length !== 1 || (Array.isArray(rule?.resourceNames) && rule.resourceNames.length) || !only(rule?.apiGroups, '') || !only(rule?.apiVersions, 'v1') || !only(rule?.resources, 'pods')) return new Set();
  const configured = spec.autogen?.podControllers?.controllers;
  if (!Array.isArray(configured)) return new Set(podControllers);
  return new Set(configured.map((c: unknown) => byResource[String(c).toLowerCase()] ?? String(c)).filter((k: string) => podControllers.includes(k)));
}

/** The generated rule's name for a controller kind, as Kyverno names it (63 characters at most). */
export function autogenRuleName(rule: string, controller: string): string {
  return `${controller === 'CronJob' ? 'autogen-cronjob' : 'autogen'}-${rule}`.slice(0, 63);
}
