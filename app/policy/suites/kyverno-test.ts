// Runs Kyverno CLI test files (kyverno-test.yaml) against the engine, with
// `kyverno test`'s matching: a result names a policy, a rule (any rule for
// ValidatingPolicy results), a kind and resources; a resource the policy does
// not apply to, or a rule Kyverno skipped (preconditions false), counts as
// passed whatever result was expected, and a name that is not in the resource
// files is skipped (the CLI ignores it). Policies that cannot be evaluated
// offline are skipped with the reason, never passed.
import { parseAllDocuments } from 'yaml';
import { createPolicySet, type PolicySet } from '../policy-set.js';
import { buildAdmissionFacts, type AdmissionFacts } from '../k8s/admission-facts.js';
import { evaluateBinding } from '../engine/evaluate-binding.js';
import { ResultCollector } from '../engine/result-collector.js';
import type { CompiledBinding } from '../engine/compiled-policy.js';
import { podFromWorkload } from '../pod-template.js';
import { toCelValue } from '../cel/to-cel-value.js';
import type { KubeObject, UserInfo } from '../types.js';
import { autogenRuleName, clusterPolicyAutogen, validatingPolicyAutogen } from '../formats/kyverno-autogen.js';
import { KyvernoExceptions } from './kyverno-exceptions.js';
import type { SuiteCaseResult, SuiteFiles, SuiteReport, SuiteRunOptions } from './types.js';

type RuleStatus = 'pass' | 'fail' | 'skip' | 'error';

interface RuleResponse { rule: string; status: RuleStatus | 'not-evaluated'; message?: string }

interface ExpectedResult {
  policy?: string; rule?: string; resource?: string; resources?: string[]; kind?: string; namespace?: string;
  result?: string; status?: string; isValidatingPolicy?: boolean; isValidatingAdmissionPolicy?: boolean;
}

interface LoadedPolicy { object: KubeObject; bindings: CompiledBinding[]; autogen: Map<string, Set<string>> }

const fixedNow = Date.UTC(2026, 0, 1);

function parseYaml(text: string, file: string, problems: string[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) { problems.push(`${file}: ${doc.errors[0]!.message}`); continue; }
    const value = doc.toJS() as unknown;
    if (Array.isArray(value)) out.push(...(value as KubeObject[]));
    else if (value && typeof value === 'object') {
      const object = value as KubeObject;
      if (object.kind === 'List' && Array.isArray((object as any).items)) out.push(...((object as any).items as KubeObject[]));
      else out.push(object);
    }
  }
  return out;
}

function readObjects(paths: unknown, files: SuiteFiles, file: string, problems: string[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const path of Array.isArray(paths) ? paths : []) {
    const text = files.read(String(path));
    if (text === undefined) { problems.push(`${file}: ${String(path)} not found; fix the path in the test file`); continue; }
    out.push(...parseYaml(text, String(path), problems));
  }
  return out;
}

/** Namespaces a Values file declares: `namespaces` (Namespace objects) and `namespaceSelector` (name + labels). */
function namespacesFrom(values: any): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>();
  for (const object of Array.isArray(values?.namespaces) ? values.namespaces : []) {
    if (object?.metadata?.name) out.set(String(object.metadata.name), object as KubeObject);
  }
  for (const entry of Array.isArray(values?.namespaceSelector) ? values.namespaceSelector : []) {
    if (entry?.name) out.set(String(entry.name), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: String(entry.name), labels: { ...(entry.labels ?? {}) } } });
  }
  return out;
}

/** The request's user from a UserInfo file (`userinfo:`), as the CLI reads it. */
function readUserInfo(path: unknown, files: SuiteFiles, file: string, problems: string[]): UserInfo | undefined {
  if (typeof path !== 'string') return undefined;
  const text = files.read(path);
  if (text === undefined) { problems.push(`${file}: userinfo file ${path} not found`); return undefined; }
  const doc = parseYaml(text, path, problems)[0] as any;
  const info = doc?.userInfo ?? doc?.requestInfo?.userInfo;
  if (!info) return undefined;
  return { username: info.username, uid: info.uid, groups: Array.isArray(info.groups) ? info.groups.map(String) : undefined };
}

type TestedSource = 'KyvernoClusterPolicy' | 'KyvernoValidatingPolicy' | 'ValidatingAdmissionPolicy';

/** The engine source a policy object compiles to, when `kyverno test` can name it in results. */
function testedSource(object: KubeObject): TestedSource | undefined {
  const group = String(object.apiVersion ?? '').split('/')[0];
  if (group === 'kyverno.io' && (object.kind === 'ClusterPolicy' || object.kind === 'Policy')) return 'KyvernoClusterPolicy';
  if (group === 'policies.kyverno.io' && (object.kind === 'ValidatingPolicy' || object.kind === 'NamespacedValidatingPolicy')) return 'KyvernoValidatingPolicy';
  if (group === 'admissionregistration.k8s.io' && object.kind === 'ValidatingAdmissionPolicy') return 'ValidatingAdmissionPolicy';
  return undefined;
}

/** The CLI evaluates a ValidatingAdmissionPolicy without a binding as if bound everywhere with Deny. */
function withImplicitBindings(objects: KubeObject[]): KubeObject[] {
  const bound = new Set(objects.filter((o) => o?.kind === 'ValidatingAdmissionPolicyBinding').map((o) => String((o.spec as any)?.policyName ?? '')));
  const implicit = objects
    .filter((o) => testedSource(o) === 'ValidatingAdmissionPolicy' && !bound.has(o.metadata?.name ?? ''))
    .map((o) => ({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name: o.metadata?.name ?? '' }, spec: { policyName: o.metadata?.name ?? '', validationActions: ['Deny'] } }));
  return [...objects, ...implicit];
}

function respond(binding: CompiledBinding, facts: AdmissionFacts, set: PolicySet, rule: string, exceptions: KyvernoExceptions): RuleResponse | undefined {
  const policy = binding.policy;
  if (!policy || !policy.match(facts) || (binding.match && !binding.match(facts))) return undefined;
  const exception = exceptions.skipping(binding.policyName, rule, facts);
  if (exception) return { rule, status: 'skip', message: `PolicyException ${exception}` };
  const out = new ResultCollector(facts);
  evaluateBinding(binding, facts, set.params, out);
  const { violations, notEvaluated, errors } = out.result;
  if (notEvaluated.length) return { rule, status: 'not-evaluated', message: notEvaluated[0]!.reason };
  const error = violations.find((v) => v.error);
  if (error || errors.length) return { rule, status: 'error', message: error?.message ?? errors[0]!.message };
  if (violations.length) return { rule, status: 'fail', message: violations[0]!.message };
  // A false precondition (matchConditions, celPreconditions) is Kyverno's "skip".
  for (const condition of policy.matchConditions) {
    try { if (condition.program.run(facts.activation) === false) return { rule, status: 'skip' }; } catch { /* reported by the evaluation above */ }
  }
  return { rule, status: 'pass' };
}

class KyvernoTestRun {
  private readonly set: PolicySet;
  private readonly policies = new Map<string, LoadedPolicy>();
  private readonly factsCache = new Map<KubeObject, AdmissionFacts>();

  constructor(
    policyObjects: KubeObject[], private readonly resources: KubeObject[], private readonly namespaces: Map<string, KubeObject>,
    private readonly exceptions: KyvernoExceptions, private readonly userInfo: UserInfo | undefined,
  ) {
    this.set = createPolicySet([...withImplicitBindings(policyObjects), ...resources.filter((r) => !testedSource(r))]);
    for (const object of policyObjects) {
      const source = testedSource(object);
      if (!source) continue;
      const name = object.metadata?.name ?? '';
      const bindings = this.set.bindings.filter((b) => b.policyName === name && b.source === source);
      const autogen = source === 'KyvernoClusterPolicy' ? clusterPolicyAutogen(object)
        : source === 'KyvernoValidatingPolicy' ? new Map(bindings.map((b) => [b.name, validatingPolicyAutogen(object)])) : new Map<string, Set<string>>();
      this.policies.set(name, { object, bindings, autogen });
    }
  }

  get problems(): string[] {
    return this.set.problems.map((p) => `${p.object}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
  }

  private namespaceObject(resource: KubeObject): KubeObject {
    const name = resource.metadata?.namespace ?? 'default';
    const declared = this.resources.find((r) => r.kind === 'Namespace' && r.metadata?.name === name) ?? this.namespaces.get(name);
    return declared ?? { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: {} } };
  }

  private facts(object: KubeObject, namespaceFrom: KubeObject): AdmissionFacts {
    let facts = this.factsCache.get(object);
    if (!facts) {
      facts = buildAdmissionFacts({ operation: 'CREATE', object, namespaceObject: this.namespaceObject(namespaceFrom), userInfo: this.userInfo }, this.set.table, fixedNow);
      this.factsCache.set(object, facts);
    }
    return facts;
  }

  /**
   * What a generated (autogen) rule sees: Kyverno rewrites object.spec and
   * object.metadata to the pod template's, so the object keeps the
   * controller's kind and the request stays the controller's; matching uses
   * the Pod the rule was written for.
   */
  private autogenFacts(pod: KubeObject, workload: KubeObject): AdmissionFacts {
    let facts = this.factsCache.get(pod);
    if (!facts) {
      const podFacts = this.facts(pod, workload);
      const template = (workload.kind === 'CronJob' ? (workload.spec as any)?.jobTemplate?.spec?.template : (workload.spec as any)?.template) ?? {};
      const view = { ...workload, metadata: template.metadata ?? {}, spec: template.spec ?? {} };
      const request = this.facts(workload, workload).celRequest;
      facts = { ...podFacts, activation: { ...podFacts.activation, object: toCelValue(view), request }, celRequest: request };
      this.factsCache.set(pod, facts);
    }
    return facts;
  }

  /** Every rule response the policy gives for the resource, autogen rules included. */
  responses(policy: LoadedPolicy, resource: KubeObject): RuleResponse[] {
    const out: RuleResponse[] = [];
    for (const binding of policy.bindings) {
      const response = respond(binding, this.facts(resource, resource), this.set, binding.name, this.exceptions);
      if (response) out.push(response);
    }
    const kind = resource.kind ?? '';
    const pod = [...policy.autogen.values()].some((c) => c.has(kind)) ? podFromWorkload(resource) : null;
    if (pod) {
      for (const binding of policy.bindings) {
        if (!policy.autogen.get(binding.name)?.has(kind)) continue;
        const response = respond(binding, this.autogenFacts(pod, resource), this.set, autogenRuleName(binding.name, kind), this.exceptions);
        if (response) out.push(response);
      }
    }
    return out;
  }

  find(name: string, kind: string | undefined, namespace: string | undefined): KubeObject[] {
    const slash = name.indexOf('/');
    const [ns, bare] = slash >= 0 ? [name.slice(0, slash), name.slice(slash + 1)] : [namespace, name];
    return this.resources.filter((r) => r.metadata?.name === bare && (!kind || r.kind === kind || `${r.apiVersion}/${r.kind}` === kind)
      && (!ns || (r.metadata?.namespace ?? 'default') === ns));
  }

  policy(name: string): LoadedPolicy | undefined {
    return this.policies.get(name.slice(name.lastIndexOf('/') + 1));
  }
}

function ruleMatches(expected: ExpectedResult, response: RuleResponse): boolean {
  if (expected.isValidatingPolicy || expected.isValidatingAdmissionPolicy || !expected.rule) return true;
  return response.rule === expected.rule || response.rule === `autogen-${expected.rule}` || response.rule === `autogen-cronjob-${expected.rule}`;
}

function checkResource(run: KyvernoTestRun, policy: LoadedPolicy, expected: ExpectedResult, want: string, resource: KubeObject): Pick<SuiteCaseResult, 'outcome' | 'actual' | 'reason'> {
  const responses = run.responses(policy, resource).filter((r) => ruleMatches(expected, r));
  if (responses.length === 0) return { outcome: 'passed', actual: 'excluded: the policy does not apply to this resource (kyverno test counts it as passed)' };
  const skipped = responses.find((r) => r.status === 'not-evaluated');
  if (skipped) return { outcome: 'skipped', actual: 'not evaluated', reason: skipped.message };
  const wrong = responses.find((r) => r.status !== want && r.status !== 'skip');
  const describe = (r: RuleResponse) => `${r.rule}: ${r.status}${r.message ? ` (${r.message})` : ''}`;
  if (wrong) return { outcome: 'failed', actual: `result: ${describe(wrong)}` };
  return { outcome: 'passed', actual: `result: ${responses.map(describe).join('; ')}` };
}

/**
 * Runs one kyverno-test.yaml; paths in it are read through `files`, relative to its folder.
 * @example
 * const report = runKyvernoTest('policies/x/kyverno-test.yaml', text, { read: (p) => readFileOrUndefined(join(dir, p)) });
 */
export function runKyvernoTest(file: string, text: string, files: SuiteFiles, _options: SuiteRunOptions = {}): SuiteReport {
  const problems: string[] = [];
  const cases: SuiteCaseResult[] = [];
  const tests = parseYaml(text, file, problems) as any[];
  for (const test of tests) {
    const testName = String(test?.metadata?.name ?? test?.name ?? file);
    const policyObjects = readObjects(test?.policies, files, file, problems);
    const resources = readObjects(test?.resources, files, file, problems);
    let values: any = test?.values;
    const valuesFile = typeof test?.variables === 'string' ? test.variables : typeof test?.values === 'string' ? test.values : undefined;
    if (valuesFile) {
      const valuesText = files.read(valuesFile);
      if (valuesText === undefined) problems.push(`${file}: values file ${valuesFile} not found`);
      else values = parseYaml(valuesText, valuesFile, problems)[0];
    }
    const exceptions = new KyvernoExceptions(readObjects(test?.exceptions, files, file, problems));
    const run = new KyvernoTestRun(policyObjects, resources, namespacesFrom(values), exceptions, readUserInfo(test?.userinfo, files, file, problems));
    for (const problem of [...run.problems, ...exceptions.problems]) problems.push(`${file}: ${problem}`);
    // `checks` are kyverno-json assertions over the raw engine responses; Paver has no such responses.
    (Array.isArray(test?.checks) ? test.checks : []).forEach((_check: unknown, i: number) => {
      cases.push({ test: testName, name: `checks[${i}]`, outcome: 'skipped', expected: 'check assertion', actual: 'not run', reason: 'kyverno-json `checks` assert on Kyverno engine responses, which Paver does not produce; use `results`' });
    });
    for (const expected of (Array.isArray(test?.results) ? test.results : []) as ExpectedResult[]) {
      const want = String(expected.result ?? expected.status ?? '');
      const policyName = String(expected.policy ?? '');
      const names = [...(Array.isArray(expected.resources) ? expected.resources.map(String) : []), ...(expected.resource ? [String(expected.resource)] : [])];
      const policy = run.policy(policyName);
      for (const name of names) {
        const base = { test: testName, name: `${policyName}${expected.rule ? `/${expected.rule}` : ''} ${expected.kind ? `${expected.kind}/` : ''}${name}`, expected: `result: ${want}` };
        if (!policy) { cases.push({ ...base, outcome: 'failed', actual: `policy ${policyName} not found in the test's policy files` }); continue; }
        const found = run.find(name, expected.kind, expected.namespace);
        // The CLI drops a name it cannot find among the resources instead of failing it.
        if (found.length === 0) { cases.push({ ...base, outcome: 'skipped', actual: 'not found', reason: `resource ${name} is not in the test's resource files (kyverno test ignores it)` }); continue; }
        const checks = found.map((resource) => checkResource(run, policy, expected, want, resource));
        cases.push({ ...base, ...(checks.find((c) => c.outcome === 'failed') ?? checks.find((c) => c.outcome === 'skipped') ?? checks[0]!) });
      }
    }
  }
  return { file, kind: 'kyverno', cases, problems };
}
