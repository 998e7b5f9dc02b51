// Gatekeeper ConstraintTemplates with the K8sNativeValidation (CEL) engine and
// their constraints. Rego-only templates cannot run offline and are reported
// as not evaluated. Semantics: open-policy-agent/gatekeeper docs
// ("Integration with Kubernetes Validating Admission Policy", "match").
import { compilePolicyBody, parseFailurePolicy } from '../engine/compile-parts.js';
import type { CompiledBinding, CompiledPolicy } from '../engine/compiled-policy.js';
import { registerSplitMatcher, type FieldProblem, type IndexKeys, type RequestMatcher } from '../engine/resource-rules.js';
import { VariableScope } from '../engine/variable-scope.js';
import { toCelValue } from '../cel/to-cel-value.js';
import { compileLabelSelector } from '../k8s/label-selector.js';
import { numberPaths } from '../k8s/schema-numbers.js';
import { applySchemaDefaults, hasSchemaDefaults } from '../k8s/schema-defaults.js';
import { schemaViolation } from '../k8s/parameter-schema.js';
import type { KubeObject, PolicyAction } from '../types.js';
import { readDenyFrom } from './deny-from.js';

export const gatekeeperConstraintGroup = 'constraints.gatekeeper.sh';
export const needsOpaReason = 'needs OPA (Rego): this ConstraintTemplate has no K8sNativeValidation (CEL) code, and Paver cannot run Rego offline; add a K8sNativeValidation engine to evaluate it';

/** A compiled template: the policy, and the constraint kind it defines. */
export interface CompiledConstraintTemplate {
  constraintKind: string;
  policy: CompiledPolicy;
  /** Constraint paths the parameters schema types as number. */
  numberPaths: Set<string>;
  /** The parameters schema: constraints are validated against it and get its defaults, as the API server does. */
  parametersSchema?: unknown;
}

/** Compiles a ConstraintTemplate. */
export function compileConstraintTemplate(object: KubeObject, problems: FieldProblem[]): CompiledConstraintTemplate {
  const spec = (object.spec ?? {}) as any;
  const constraintKind = String(spec.crd?.spec?.names?.kind ?? '');
  const schema = spec.crd?.spec?.validation?.openAPIV3Schema;
  const numbers = numberPaths(schema, '.spec.parameters');
  const defaults = schema && typeof schema === 'object' ? { parametersSchema: schema } : {};
  if (!constraintKind) problems.push({ field: 'spec.crd.spec.names.kind', message: 'a ConstraintTemplate needs the constraint kind in spec.crd.spec.names.kind' });
  const targets: any[] = Array.isArray(spec.targets) ? spec.targets : [];
  let codeIndex = -1;
  let targetIndex = -1;
  targets.forEach((t, ti) => (Array.isArray(t?.code) ? t.code : []).forEach((c: any, ci: number) => {
    if (c?.engine === 'K8sNativeValidation' && codeIndex < 0) { codeIndex = ci; targetIndex = ti; }
  }));
  const base = { name: object.metadata?.name ?? '', source: 'Gatekeeper' as const, match: () => true, keys: {} as IndexKeys, matchConditions: [], validations: [], auditAnnotations: [] };
  if (codeIndex < 0) {
    return { constraintKind, numberPaths: numbers, ...defaults, policy: { ...base, failurePolicy: 'Fail', variables: new VariableScope([]), notEvaluated: needsOpaReason } };
  }
  const field = `spec.targets[${targetIndex}].code[${codeIndex}].source`;
  const source = targets[targetIndex].code[codeIndex].source ?? {};
  const body = compilePolicyBody(source, field, problems, {
    nativeVariables: [
      { name: 'anyObject', native: (a) => a.object ?? a.oldObject ?? null },
      { name: 'params', native: (a) => ((a.params as any)?.spec?.parameters ?? null) },
    ],
  });
  return { constraintKind, numberPaths: numbers, ...defaults, policy: { ...base, ...body, failurePolicy: parseFailurePolicy(source.failurePolicy, `${field}.failurePolicy`, problems) } };
}

// Gatekeeper's wildcard (pkg/util Wildcard.Matches): `*x*` contains, `*x` suffix, `x*` prefix.
function glob(pattern: string): (value: string) => boolean {
  if (pattern.length > 1 && pattern.startsWith('*') && pattern.endsWith('*')) { const middle = pattern.slice(1, -1); return (v) => v.includes(middle); }
  if (pattern.endsWith('*')) { const prefix = pattern.slice(0, -1); return (v) => v.startsWith(prefix); }
  if (pattern.startsWith('*')) { const suffix = pattern.slice(1); return (v) => v.endsWith(suffix); }
  return (v) => v === pattern;
}

const enforcementActions: Record<string, PolicyAction> = { deny: 'Deny', warn: 'Warn', dryrun: 'Audit' };

function readActions(spec: any, problems: FieldProblem[]): PolicyAction[] {
  const action = String(spec.enforcementAction ?? 'deny').toLowerCase();
  if (action === 'scoped') {
    const actions = new Set<PolicyAction>();
    (Array.isArray(spec.scopedEnforcementActions) ? spec.scopedEnforcementActions : []).forEach((s: any, i: number) => {
      const points: any[] = Array.isArray(s?.enforcementPoints) ? s.enforcementPoints : [];
      if (!points.some((p) => p?.name === 'validation.gatekeeper.sh' || p?.name === '*')) return;
      const mapped = enforcementActions[String(s?.action).toLowerCase()];
      if (!mapped) problems.push({ field: `spec.scopedEnforcementActions[${i}].action`, message: `unknown action ${JSON.stringify(s?.action)} (use deny, warn or dryrun)` });
      else actions.add(mapped);
    });
    if (actions.has('Deny')) actions.delete('Warn');
    return [...actions];
  }
  const mapped = enforcementActions[action];
  if (!mapped) { problems.push({ field: 'spec.enforcementAction', message: `unknown enforcementAction ${JSON.stringify(action)} (use deny, warn, dryrun or scoped)` }); return ['Deny']; }
  return [mapped];
}

function compileConstraintMatch(match: any, problems: FieldProblem[]): { matcher: RequestMatcher; keys: IndexKeys } {
  const kindRules: Array<{ groups: Set<string> | null; kinds: Set<string> | null }> = (Array.isArray(match?.kinds) ? match.kinds : []).map((k: any) => {
    const groups: string[] = Array.isArray(k?.apiGroups) ? k.apiGroups.map(String) : ['*'];
    const kinds: string[] = Array.isArray(k?.kinds) ? k.kinds.map(String) : ['*'];
    return { groups: groups.includes('*') ? null : new Set(groups), kinds: kinds.includes('*') || kinds.length === 0 ? null : new Set(kinds) };
  });
  const keys: IndexKeys = kindRules.length === 0 || kindRules.some((r) => !r.kinds) ? {} : { kinds: new Set(kindRules.flatMap((r) => [...r.kinds!])) };
  const namespaces = Array.isArray(match?.namespaces) ? match.namespaces.map((n: unknown) => glob(String(n))) : undefined;
  const excluded = Array.isArray(match?.excludedNamespaces) ? match.excludedNamespaces.map((n: unknown) => glob(String(n))) : [];
  const nameGlob = match?.name ? String(match.name) : '';
  const name = nameGlob ? glob(nameGlob) : undefined;
  const scope = String(match?.scope ?? '*');
  // Gatekeeper's expansion: "Generated" resources are the Pods made from workloads, here the pod templates Paver checks.
  const source = String(match?.source ?? 'All');
  if (!['All', 'Original', 'Generated'].includes(source)) problems.push({ field: 'spec.match.source', message: `source must be All, Original or Generated, not ${JSON.stringify(source)}` });
  let labelSelector = compileLabelSelector(undefined);
  let namespaceSelector = compileLabelSelector(undefined);
  try { labelSelector = compileLabelSelector(match?.labelSelector); } catch (error) { problems.push({ field: 'spec.match.labelSelector', message: (error as Error).message }); }
  try { namespaceSelector = compileLabelSelector(match?.namespaceSelector); } catch (error) { problems.push({ field: 'spec.match.namespaceSelector', message: (error as Error).message }); }
  // Kinds and scope read only the kind of request: a policy set's plan decides them once.
  const staticPart: RequestMatcher = (facts) => {
    if (kindRules.length && !kindRules.some((r) => (!r.groups || r.groups.has(facts.group)) && (!r.kinds || r.kinds.has(facts.kind)))) return false;
    const clusterScoped = !facts.namespaced || facts.isNamespace;
    if (scope === 'Cluster' && !clusterScoped) return false;
    if (scope === 'Namespaced' && clusterScoped) return false;
    return true;
  };
  const dynamicPart: RequestMatcher = (facts) => {
    if (source === 'Original' && facts.generated) return false;
    if (source === 'Generated' && !facts.generated) return false;
    // A Namespace is matched by its own name; other cluster-scoped objects pass namespace filters.
    const namespace = facts.isNamespace ? facts.name : facts.namespace;
    if (namespace) {
      if (namespaces && !namespaces.some((m: (v: string) => boolean) => m(namespace))) return false;
      if (excluded.some((m: (v: string) => boolean) => m(namespace))) return false;
    }
    // A name glob ending in * also matches an object named by generateName, as Gatekeeper does.
    if (name && !name(facts.name) && !(nameGlob.endsWith('*') && generateNameOf(facts) && name(generateNameOf(facts)))) return false;
    if (!labelSelector(facts.labels) && !(facts.oldLabels && labelSelector(facts.oldLabels))) return false;
    if (facts.namespaceLabels !== undefined && !namespaceSelector(facts.namespaceLabels)) return false;
    return true;
  };
  const matcher = registerSplitMatcher((facts) => staticPart(facts) && dynamicPart(facts), { staticPart, dynamicPart });
  return { matcher, keys };
}

function generateNameOf(facts: { subject: KubeObject }): string {
  return String(facts.subject.metadata?.generateName ?? '');
}

const schemasWithDefaults = new WeakMap<object, boolean>();

/** The constraint as the API server stores it: spec.parameters with the template schema's defaults filled in, and checked against the schema. */
function storedConstraint(object: KubeObject, parametersSchema: unknown, problems: FieldProblem[]): KubeObject {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (!parametersSchema || typeof parametersSchema !== 'object' || !spec || spec.parameters === undefined) return object;
  let defaults = schemasWithDefaults.get(parametersSchema);
  if (defaults === undefined) schemasWithDefaults.set(parametersSchema, defaults = hasSchemaDefaults(parametersSchema));
  const parameters = defaults ? applySchemaDefaults(spec.parameters, parametersSchema) : spec.parameters;
  const violation = schemaViolation(parameters, parametersSchema);
  if (violation) problems.push({ field: `spec.parameters${violation.path}`, message: `${violation.message} (the template's openAPIV3Schema; the API server would reject this constraint)` });
  return defaults ? { ...object, spec: { ...spec, parameters } } : object;
}

/** Compiles a constraint (an object in constraints.gatekeeper.sh) into a binding of its template. */
export function compileConstraint(input: KubeObject, templateName: string, numbers: ReadonlySet<string>, problems: FieldProblem[], parametersSchema?: unknown): CompiledBinding {
  const object = storedConstraint(input, parametersSchema, problems);
  const spec = (object.spec ?? {}) as any;
  const { matcher, keys } = compileConstraintMatch(spec.match, problems);
  return {
    name: object.metadata?.name ?? '', policyName: templateName, source: 'Gatekeeper',
    actions: readActions(spec, problems), match: matcher, keys,
    fixedParams: toCelValue(object, numbers.size ? numbers : undefined), denyFrom: readDenyFrom(object, problems),
  };
}
