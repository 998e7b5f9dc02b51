// ValidatingAdmissionPolicy matchConstraints / binding matchResources:
// resourceRules, excludeResourceRules, namespace and object selectors, and
// matchPolicy. Semantics: shared POLICY-NOTES.md and admissionregistration.k8s.io/v1.
import type { AdmissionFacts } from '../k8s/admission-facts.js';
import { compileLabelSelector, matchesEverything, type LabelMatcher } from '../k8s/label-selector.js';

/** A compiled request matcher. */
export type RequestMatcher = (facts: AdmissionFacts) => boolean;

/**
 * A matcher split in two: a static part that reads only the request's
 * operation, group, version, resource, subResource and scope (so a policy set
 * can decide it once per kind of request), and what is left to check per
 * request (selectors), or null when nothing is.
 */
export interface SplitMatcher {
  staticPart: RequestMatcher;
  dynamicPart: RequestMatcher | null;
}

const splits = new WeakMap<RequestMatcher, SplitMatcher>();

/** Records a matcher's split form (its static part must read only what staticMatchKey covers). */
export function registerSplitMatcher(matcher: RequestMatcher, split: SplitMatcher): RequestMatcher {
  splits.set(matcher, split);
  return matcher;
}

/** The split form of a matcher (compileMatchResources, Gatekeeper constraints), when it has one. */
export function splitMatcherOf(matcher: RequestMatcher): SplitMatcher | undefined {
  return splits.get(matcher);
}

/** The facts a static part may read, as a cache key. */
export function staticMatchKey(facts: AdmissionFacts): string {
  return `${facts.operation}|${facts.group}|${facts.version}|${facts.resource}|${facts.subResource}|${facts.kind}|${facts.namespaced ? 1 : 0}${facts.isNamespace ? 1 : 0}`;
}

/** Which request resources or kinds can match, for indexing; undefined = any. */
export interface IndexKeys {
  resources?: Set<string>;
  kinds?: Set<string>;
}

/** A problem found while compiling, with the field it concerns. */
export interface FieldProblem {
  field: string;
  message: string;
}

// Resources served under more than one group: matchPolicy Equivalent lets a
// rule on one match requests through the other.
const equivalentGroups: Record<string, string[]> = {
  'apps/deployments': ['extensions'], 'extensions/deployments': ['apps'],
  'apps/daemonsets': ['extensions'], 'extensions/daemonsets': ['apps'],
  'apps/replicasets': ['extensions'], 'extensions/replicasets': ['apps'],
  'networking.k8s.io/ingresses': ['extensions'], 'extensions/ingresses': ['networking.k8s.io'],
  'networking.k8s.io/networkpolicies': ['extensions'], 'extensions/networkpolicies': ['networking.k8s.io'],
};

interface CompiledRule {
  groups: Set<string> | null;
  versions: Set<string> | null;
  operations: Set<string> | null;
  resources: string[];
  names: Set<string> | null;
  scope: string;
}

function starSet(list: unknown, field: string, problems: FieldProblem[]): Set<string> | null {
  const values = Array.isArray(list) ? list.map(String) : [];
  if (values.includes('*')) {
    if (values.length > 1) problems.push({ field, message: "'*' must be the only entry in its list" });
    return null;
  }
  return new Set(values);
}

function compileRule(rule: any, field: string, problems: FieldProblem[]): CompiledRule {
  const resources = Array.isArray(rule?.resources) ? rule.resources.map(String) : [];
  if (resources.includes('*') && resources.length > 1) problems.push({ field: `${field}.resources`, message: "'*' must be the only entry in its list" });
  if (resources.length === 0) problems.push({ field: `${field}.resources`, message: 'resources must list at least one resource (or "*")' });
  const operations = starSet(rule?.operations ?? ['*'], `${field}.operations`, problems);
  const scope = String(rule?.scope ?? '*');
  if (!['*', 'Cluster', 'Namespaced'].includes(scope)) problems.push({ field: `${field}.scope`, message: `scope must be Cluster, Namespaced or *, not ${JSON.stringify(scope)}` });
  return {
    groups: starSet(rule?.apiGroups ?? ['*'], `${field}.apiGroups`, problems),
    versions: starSet(rule?.apiVersions ?? ['*'], `${field}.apiVersions`, problems),
    operations,
    resources,
    names: Array.isArray(rule?.resourceNames) && rule.resourceNames.length ? new Set(rule.resourceNames.map(String)) : null,
    scope,
  };
}

function resourceMatches(pattern: string, resource: string, subResource: string): boolean {
  if (pattern === '*/*') return true;
  if (pattern === '*') return subResource === '';
  const slash = pattern.indexOf('/');
  if (slash < 0) return subResource === '' && pattern === resource;
  const base = pattern.slice(0, slash);
  const sub = pattern.slice(slash + 1);
  if (subResource === '') return false;
  return (base === '*' || base === resource) && (sub === '*' || sub === subResource);
}

function ruleMatches(rule: CompiledRule, facts: AdmissionFacts, equivalent: boolean): boolean {
  if (rule.operations && !rule.operations.has(facts.operation)) return false;
  if (rule.scope === 'Cluster' && facts.namespaced && !facts.isNamespace) return false;
  if (rule.scope === 'Namespaced' && (!facts.namespaced || facts.isNamespace)) return false;
  if (rule.names && !rule.names.has(facts.name)) return false;
  if (!rule.resources.some((p) => resourceMatches(p, facts.resource, facts.subResource))) return false;
  const groupOk = !rule.groups || rule.groups.has(facts.group);
  const versionOk = !rule.versions || rule.versions.has(facts.version);
  if (groupOk && versionOk) return true;
  if (!equivalent) return false;
  // Equivalent: the API server would convert the request to a version and group the rule names.
  if (groupOk) return true;
  const others = equivalentGroups[`${facts.group}/${facts.resource}`] ?? [];
  return others.some((g) => rule.groups!.has(g));
}

function keysOf(rules: CompiledRule[]): IndexKeys {
  const resources = new Set<string>();
  for (const rule of rules) {
    for (const pattern of rule.resources) {
      const base = pattern.split('/')[0]!;
      if (base === '*') return {};
      resources.add(base);
    }
  }
  return { resources };
}

function selectorMatcher(selector: unknown, field: string, problems: FieldProblem[]): LabelMatcher {
  try {
    return compileLabelSelector(selector as any);
  } catch (error) {
    problems.push({ field, message: (error as Error).message });
    return () => false;
  }
}

/**
 * Compiles matchConstraints or matchResources. `requireRules` is true for a
 * policy's matchConstraints (no rules matches nothing); a binding without
 * rules narrows only by its selectors.
 */
export function compileMatchResources(spec: any, field: string, requireRules: boolean, problems: FieldProblem[]): { matcher: RequestMatcher; keys: IndexKeys } {
  const rules: CompiledRule[] = (Array.isArray(spec?.resourceRules) ? spec.resourceRules : []).map((r: any, i: number) => compileRule(r, `${field}.resourceRules[${i}]`, problems));
  const excludes: CompiledRule[] = (Array.isArray(spec?.excludeResourceRules) ? spec.excludeResourceRules : []).map((r: any, i: number) => compileRule(r, `${field}.excludeResourceRules[${i}]`, problems));
  const namespaceSelector = selectorMatcher(spec?.namespaceSelector, `${field}.namespaceSelector`, problems);
  const objectSelector = selectorMatcher(spec?.objectSelector, `${field}.objectSelector`, problems);
  const matchPolicy = String(spec?.matchPolicy ?? 'Equivalent');
  if (matchPolicy !== 'Equivalent' && matchPolicy !== 'Exact') problems.push({ field: `${field}.matchPolicy`, message: 'matchPolicy must be Equivalent or Exact' });
  const equivalent = matchPolicy !== 'Exact';
  const hasRules = rules.length > 0;
  const rulesMatch: RequestMatcher = (facts) => {
    if (hasRules ? !rules.some((r) => ruleMatches(r, facts, equivalent)) : requireRules) return false;
    return !excludes.some((r) => ruleMatches(r, facts, equivalent));
  };
  const selectorsMatch: RequestMatcher = (facts) => {
    // Cluster-scoped objects other than Namespaces always pass the namespace selector.
    if (facts.namespaceLabels !== undefined && !namespaceSelector(facts.namespaceLabels)) return false;
    return objectSelector(facts.labels) || Boolean(facts.oldLabels && objectSelector(facts.oldLabels));
  };
  const matcher: RequestMatcher = (facts) => rulesMatch(facts) && selectorsMatch(facts);
  // Rules that name objects read the request's name: those stay per request.
  if (![...rules, ...excludes].some((r) => r.names)) {
    const noSelectors = namespaceSelector === matchesEverything && objectSelector === matchesEverything;
    splits.set(matcher, { staticPart: rulesMatch, dynamicPart: noSelectors ? null : selectorsMatch });
  }
  return { matcher, keys: hasRules ? keysOf(rules) : requireRules ? { resources: new Set() } : {} };
}
