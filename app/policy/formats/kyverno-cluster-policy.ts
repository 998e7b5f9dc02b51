// Kyverno kyverno.io/v1 ClusterPolicy and Policy rules with validate.cel. Each
// rule becomes a policy with one binding carrying the rule's match/exclude and
// failure action. Other rule types: mutate/generate are not validations and
// are skipped; pattern/deny/verifyImages rules are reported as not evaluated.
import { compileLabelSelector, type LabelMatcher } from '../k8s/label-selector.js';
import { splitApiVersion } from '../k8s/resource-names.js';
import type { AdmissionFacts } from '../k8s/admission-facts.js';
import { compilePolicyBody, parseFailurePolicy } from '../engine/compile-parts.js';
import type { CompiledBinding, CompiledPolicy } from '../engine/compiled-policy.js';
import type { FieldProblem, IndexKeys, RequestMatcher } from '../engine/resource-rules.js';
import { VariableScope } from '../engine/variable-scope.js';
import type { KubeObject, PolicyAction } from '../types.js';
import { readDenyFrom } from './deny-from.js';
import { collectExpressions, kyvernoOnlyLibrary } from './kyverno-libraries.js';
import { compileKyvernoPreconditions } from './kyverno-preconditions.js';

function wildcard(pattern: string): (value: string) => boolean {
  if (!/[*?]/.test(pattern)) return (v) => v === pattern;
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return (v) => regex.test(v);
}

interface KindPattern { group?: string; version?: string; kind: (k: string) => boolean; subResource?: string; literal?: string }

function parseKind(text: string): KindPattern {
  let [main, subResource] = [text, undefined as string | undefined];
  const parts = text.split('/');
  // "Pod/status" names a subresource; "apps/v1/Deployment" and "v1/Pod" name group/version.
  if (parts.length === 2 && /^[A-Z*]/.test(parts[0]!) ) { main = parts[0]!; subResource = parts[1]; }
  const segments = main.split('/');
  const kind = segments.pop()!;
  const pattern: KindPattern = { kind: wildcard(kind), subResource, literal: /[*?]/.test(kind) ? undefined : kind };
  if (segments.length === 2) { pattern.group = segments[0]; pattern.version = segments[1]; }
  else if (segments.length === 1) { const gv = splitApiVersion(segments[0]); pattern.group = segments[0] === '*' ? '*' : gv.group; pattern.version = gv.version; }
  return pattern;
}

interface CompiledFilter { matcher: (facts: AdmissionFacts) => boolean; kinds?: Set<string>; needsRbac: boolean }

function compileFilter(filter: any, field: string, problems: FieldProblem[]): CompiledFilter {
  const r = filter?.resources ?? {};
  const kinds: KindPattern[] = (Array.isArray(r.kinds) ? r.kinds : []).map((k: unknown) => parseKind(String(k)));
  const names: Array<(v: string) => boolean> = [...(Array.isArray(r.names) ? r.names : []), ...(r.name ? [r.name] : [])].map((n: unknown) => wildcard(String(n)));
  const namespaces: Array<(v: string) => boolean> = (Array.isArray(r.namespaces) ? r.namespaces : []).map((n: unknown) => wildcard(String(n)));
  const operations = Array.isArray(r.operations) && r.operations.length ? new Set(r.operations.map(String)) : undefined;
  // annotations: every key/value pair (both may use wildcards) must be on the object.
  const annotations = r.annotations && typeof r.annotations === 'object' ? Object.entries(r.annotations as Record<string, unknown>).map(([k, v]) => [wildcard(k), wildcard(String(v))] as const) : [];
  let selector: LabelMatcher | undefined;
  let namespaceSelector: LabelMatcher | undefined;
  try { if (r.selector) selector = compileLabelSelector(r.selector); } catch (error) { problems.push({ field: `${field}.resources.selector`, message: (error as Error).message }); }
  try { if (r.namespaceSelector) namespaceSelector = compileLabelSelector(r.namespaceSelector); } catch (error) { problems.push({ field: `${field}.resources.namespaceSelector`, message: (error as Error).message }); }
  const subjects: any[] = Array.isArray(filter?.subjects) ? filter.subjects : [];
  const needsRbac = (Array.isArray(filter?.roles) && filter.roles.length > 0) || (Array.isArray(filter?.clusterRoles) && filter.clusterRoles.length > 0);
  const matcher = (facts: AdmissionFacts): boolean => {
    if (kinds.length && !kinds.some((k) => k.kind(facts.kind) && (!k.group || k.group === '*' || k.group === facts.group) && (!k.version || k.version === '*' || k.version === facts.version) && (k.subResource ?? '') === facts.subResource)) return false;
    if (operations && !operations.has(facts.operation)) return false;
    if (names.length && !names.some((n) => n(facts.name))) return false;
    const namespace = facts.isNamespace ? facts.name : facts.namespace;
    if (namespaces.length && !namespaces.some((n) => n(namespace))) return false;
    if (selector && !selector(facts.labels)) return false;
    if (annotations.length) {
      const present = Object.entries(facts.subject.metadata?.annotations ?? {});
      if (!annotations.every(([key, value]) => present.some(([k, v]) => key(k) && value(String(v))))) return false;
    }
    if (namespaceSelector && facts.namespaceLabels !== undefined && !namespaceSelector(facts.namespaceLabels)) return false;
    if (subjects.length && !subjects.some((s) => (s?.kind === 'User' && s.name === facts.userInfo.username)
      || (s?.kind === 'Group' && facts.userInfo.groups.includes(s.name))
      || (s?.kind === 'ServiceAccount' && facts.userInfo.username === `system:serviceaccount:${s.namespace}:${s.name}`))) return false;
    return true;
  };
  const literalKinds = kinds.every((k) => k.literal) && kinds.length ? new Set(kinds.map((k) => k.literal!)) : undefined;
  return { matcher, kinds: literalKinds, needsRbac };
}

function compileBlock(block: any, field: string, problems: FieldProblem[]): { any: CompiledFilter[]; all: CompiledFilter[] } {
  const any = (Array.isArray(block?.any) ? block.any : []).map((f: any, i: number) => compileFilter(f, `${field}.any[${i}]`, problems));
  const all = (Array.isArray(block?.all) ? block.all : []).map((f: any, i: number) => compileFilter(f, `${field}.all[${i}]`, problems));
  if (block?.resources) any.push(compileFilter(block, field, problems));
  return { any, all };
}

/** A Kyverno match block (any/all/resources, as in a rule or a PolicyException) as a matcher; roles/clusterRoles never match offline. */
export function compileKyvernoMatchBlock(block: unknown, field: string, problems: FieldProblem[]): RequestMatcher {
  const { any, all } = compileBlock(block, field, problems);
  if (any.length === 0 && all.length === 0) return () => false;
  return (facts) => (any.length === 0 || any.some((f) => !f.needsRbac && f.matcher(facts))) && all.every((f) => !f.needsRbac && f.matcher(facts));
}

function compileRuleMatch(rule: any, field: string, namespace: string | undefined, problems: FieldProblem[]): { matcher: RequestMatcher; keys: IndexKeys; needsRbac: boolean } {
  const match = compileBlock(rule.match, `${field}.match`, problems);
  const exclude = compileBlock(rule.exclude, `${field}.exclude`, problems);
  if (match.any.length === 0 && match.all.length === 0) problems.push({ field: `${field}.match`, message: 'a rule needs match.any, match.all or match.resources' });
  const explicitOperations = [rule.match?.resources, ...(rule.match?.any ?? []).map((f: any) => f?.resources), ...(rule.match?.all ?? []).map((f: any) => f?.resources)]
    .some((r) => Array.isArray(r?.operations) && r.operations.length > 0);
  const matcher: RequestMatcher = (facts) => {
    if (namespace !== undefined && facts.namespace !== namespace) return false;
    if (!facts.namespaced && namespace !== undefined) return false;
    // Without explicit operations a validate rule checks CREATE and UPDATE, not DELETE.
    if (!explicitOperations && facts.operation === 'DELETE') return false;
    if (match.any.length && !match.any.some((f) => f.matcher(facts))) return false;
    if (match.all.length && !match.all.every((f) => f.matcher(facts))) return false;
    if (exclude.any.length && exclude.any.some((f) => f.matcher(facts))) return false;
    if (exclude.all.length && exclude.all.every((f) => f.matcher(facts))) return false;
    return true;
  };
  const filters = [...match.any, ...match.all];
  let keys: IndexKeys = {};
  if (match.all.length === 0 && match.any.length && match.any.every((f) => f.kinds)) keys = { kinds: new Set(match.any.flatMap((f) => [...f.kinds!])) };
  return { matcher, keys, needsRbac: filters.some((f) => f.needsRbac) || [...exclude.any, ...exclude.all].some((f) => f.needsRbac) };
}

function failureAction(value: unknown): PolicyAction {
  return String(value ?? 'Audit').toLowerCase() === 'enforce' ? 'Deny' : 'Audit';
}

/** validationFailureActionOverrides / failureActionOverrides: another action in some namespaces. */
function compileOverrides(list: unknown, field: string, fallback: PolicyAction, problems: FieldProblem[]): ((facts: AdmissionFacts) => PolicyAction[]) | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const overrides = list.map((o: any, i: number) => {
    let selector: LabelMatcher | undefined;
    try { if (o?.namespaceSelector) selector = compileLabelSelector(o.namespaceSelector); } catch (error) { problems.push({ field: `${field}[${i}].namespaceSelector`, message: (error as Error).message }); }
    const namespaces: Array<(v: string) => boolean> = (Array.isArray(o?.namespaces) ? o.namespaces : []).map((n: unknown) => wildcard(String(n)));
    return { action: failureAction(o?.action), namespaces, selector };
  });
  return (facts) => {
    const namespace = facts.isNamespace ? facts.name : facts.namespace;
    for (const o of overrides) {
      const byName = o.namespaces.length > 0 && o.namespaces.some((n) => n(namespace));
      const bySelector = o.selector !== undefined && facts.namespaceLabels !== undefined && o.selector(facts.namespaceLabels);
      if (byName || bySelector) return [o.action];
    }
    return [fallback];
  };
}

/** Compiles the validate.cel rules of a ClusterPolicy or Policy. */
export function compileKyvernoClusterPolicy(object: KubeObject, problems: FieldProblem[]): Array<{ policy: CompiledPolicy; binding: CompiledBinding }> {
  const spec = (object.spec ?? {}) as any;
  const name = object.metadata?.name ?? '';
  const namespace = object.kind === 'Policy' ? (object.metadata?.namespace ?? 'default') : undefined;
  const failurePolicy = parseFailurePolicy(spec.failurePolicy, 'spec.failurePolicy', problems);
  const denyFrom = readDenyFrom(object, problems);
  const out: Array<{ policy: CompiledPolicy; binding: CompiledBinding }> = [];
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule: any, i: number) => {
    const field = `spec.rules[${i}]`;
    const validate = rule?.validate;
    if (!validate && !rule?.verifyImages) return;
    const { matcher, keys, needsRbac } = compileRuleMatch(rule, field, namespace, problems);
    const base = { name, source: 'KyvernoClusterPolicy' as const, failurePolicy, match: matcher, keys };
    const empty = { matchConditions: [], variables: new VariableScope([]), validations: [], auditAnnotations: [] };
    let policy: CompiledPolicy;
    const cel = validate?.cel;
    const library = cel ? kyvernoOnlyLibrary(collectExpressions(cel)) : undefined;
    const preconditions = compileKyvernoPreconditions(rule?.preconditions, `${field}.preconditions`);
    if (!cel) policy = { ...base, ...empty, notEvaluated: rule?.verifyImages ? 'verifyImages needs the image registry; Paver evaluates validate.cel rules only' : 'only validate.cel rules are evaluated; this rule uses Kyverno patterns or deny conditions' };
    else if (library) policy = { ...base, ...empty, notEvaluated: `uses ${library}, a Kyverno-only library with no offline value` };
    else if (needsRbac) policy = { ...base, ...empty, notEvaluated: 'match uses roles/clusterRoles, which need the cluster\'s RBAC bindings' };
    else if (preconditions && 'unsupported' in preconditions) policy = { ...base, ...empty, notEvaluated: `JMESPath preconditions: ${preconditions.unsupported}` };
    else {
      const body = compilePolicyBody({ ...cel, matchConditions: rule.celPreconditions }, `${field}.validate.cel`, problems, { validationsKey: 'expressions' });
      if (preconditions) body.matchConditions.unshift(preconditions.condition);
      for (const v of body.validations) if (!v.message && validate.message) v.message = String(validate.message);
      const paramKind = cel.paramKind ? { group: splitApiVersion(cel.paramKind.apiVersion).group, kind: String(cel.paramKind.kind ?? '') } : undefined;
      policy = { ...base, ...body, paramKind };
    }
    const ref = cel?.paramRef;
    // spec.admission: false leaves only background reports: Audit.
    const action = spec.admission === false ? 'Audit' : failureAction(validate?.failureAction ?? spec.validationFailureAction);
    const overrides = spec.admission === false ? undefined : validate?.failureActionOverrides
      ? compileOverrides(validate.failureActionOverrides, `${field}.validate.failureActionOverrides`, action, problems)
      : compileOverrides(spec.validationFailureActionOverrides, 'spec.validationFailureActionOverrides', action, problems);
    const binding: CompiledBinding = {
      name: String(rule?.name ?? `rule-${i}`), policyName: name, source: 'KyvernoClusterPolicy',
      actions: [action], actionsFor: overrides, denyFrom, policy,
      paramRef: ref ? { name: ref.name, namespace: ref.namespace, selector: ref.selector ? compileLabelSelector(ref.selector) : undefined, notFoundAction: ref.parameterNotFoundAction === 'Allow' ? 'Allow' : 'Deny' } : undefined,
      keys,
    };
    out.push({ policy, binding });
  });
  return out;
}
