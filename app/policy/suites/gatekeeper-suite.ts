// Runs Gatekeeper `gator verify` suites (suite.yaml) against the engine, with
// gator's semantics (open-policy-agent/gatekeeper pkg/gator/verify): every
// test compiles its template and constraint; every case reviews one object
// (or an AdmissionReview) and checks each assertion against the violations
// whose message matches its `message` regular expression. Assertions count
// every violation of the constraint, whatever its enforcementAction, as gator does.
import { parseAllDocuments } from 'yaml';
import { createPolicySet } from '../policy-set.js';
import { evaluateAdmission } from '../evaluate-admission.js';
import { needsOpaReason } from '../formats/gatekeeper.js';
import type { AdmissionInput, AdmissionOperation, AdmissionResult, KubeObject } from '../types.js';
import type { SuiteCaseResult, SuiteFiles, SuiteReport, SuiteRunOptions } from './types.js';
import { checkAssertion, describeAssertion, type GatorAssertion } from './gatekeeper-assertions.js';

interface GatorCase { name?: unknown; object?: unknown; inventory?: unknown; assertions?: unknown; skip?: unknown }
interface GatorTest { name?: unknown; template?: unknown; constraint?: unknown; cases?: unknown; invalid?: unknown; skip?: unknown }

type Loaded = { objects: KubeObject[] } | { problem: string };

function loadYaml(files: SuiteFiles, path: string): Loaded {
  const text = files.read(path);
  if (text === undefined) return { problem: `${path} does not exist (or is outside the suite's folder)` };
  try {
    const docs = parseAllDocuments(text);
    for (const doc of docs) if (doc.errors.length) return { problem: `${path}: ${doc.errors[0]!.message}` };
    return { objects: docs.map((d) => d.toJS() as KubeObject).filter((o) => o && typeof o === 'object') };
  } catch (error) {
    return { problem: `${path}: ${(error as Error).message}` };
  }
}

function loadOne(files: SuiteFiles, path: unknown, what: string): KubeObject | string {
  if (typeof path !== 'string' || path === '') return `the ${what} path is missing`;
  const loaded = loadYaml(files, path);
  if ('problem' in loaded) return loaded.problem;
  if (loaded.objects.length !== 1) return `${path} defines ${loaded.objects.length} objects; gator needs exactly one ${what}`;
  return loaded.objects[0]!;
}

/** The request a case reviews: a plain object is reviewed as gator does (a CREATE-like request); an AdmissionReview brings its own. */
function requestFor(object: KubeObject, namespaces: Map<string, KubeObject>): AdmissionInput | string {
  let input: AdmissionInput;
  if (object.kind === 'AdmissionReview' && String(object.apiVersion ?? '').startsWith('admission.k8s.io/')) {
    const request = (object as any).request;
    if (!request || typeof request !== 'object') return 'the AdmissionReview has no request';
    const newObject = request.object ?? null;
    const oldObject = request.oldObject ?? null;
    if (!newObject && !oldObject) return 'the AdmissionReview request has neither object nor oldObject';
    const operation = String(request.operation ?? 'CREATE').toUpperCase() as AdmissionOperation;
    input = { operation, object: newObject, oldObject, userInfo: request.userInfo, subResource: request.subResource };
    const namespace = request.namespace ?? (newObject ?? oldObject)?.metadata?.namespace;
    if (namespace && namespaces.has(namespace)) input.namespaceObject = namespaces.get(namespace)!;
  } else {
    input = { operation: 'CREATE', object };
    const namespace = object.metadata?.namespace;
    if (namespace && namespaces.has(namespace)) input.namespaceObject = namespaces.get(namespace)!;
  }
  input.podTemplates = false;
  return input;
}

function describeResult(result: AdmissionResult): string {
  const messages = result.violations.map((v) => v.message);
  if (messages.length === 0) return 'no violations';
  return `${messages.length} violation${messages.length === 1 ? '' : 's'}: ${messages.map((m) => JSON.stringify(m)).join(', ')}`;
}

function runCase(c: GatorCase, testName: string, set: ReturnType<typeof createPolicySet>, files: SuiteFiles, options: SuiteRunOptions): SuiteCaseResult {
  const name = String(c.name ?? '(unnamed)');
  const assertions: GatorAssertion[] = Array.isArray(c.assertions) ? c.assertions : [];
  const expected = assertions.length ? assertions.map(describeAssertion).join('; ') : '(no assertions)';
  const base = { test: testName, name, expected };
  if (c.skip === true) return { ...base, outcome: 'skipped', actual: '', reason: 'skip: true in the suite' };
  if (assertions.length === 0) return { ...base, outcome: 'failed', actual: 'the case has no assertions; gator requires at least one' };
  const object = loadOne(files, c.object, 'object');
  if (typeof object === 'string') return { ...base, outcome: 'failed', actual: object };
  const namespaces = new Map<string, KubeObject>();
  for (const path of Array.isArray(c.inventory) ? c.inventory : []) {
    const loaded = loadYaml(files, String(path));
    if ('problem' in loaded) return { ...base, outcome: 'failed', actual: `inventory ${loaded.problem}` };
    for (const o of loaded.objects) if (o.kind === 'Namespace' && o.metadata?.name) namespaces.set(o.metadata.name, o);
  }
  const input = requestFor(object, namespaces);
  if (typeof input === 'string') return { ...base, outcome: 'failed', actual: input };
  if (options.asOf) input.asOf = options.asOf;
  const result = evaluateAdmission(set, input);
  const actual = describeResult(result);
  if (result.notEvaluated.length) return { ...base, outcome: 'skipped', actual, reason: result.notEvaluated[0]!.reason };
  const messages = result.violations.map((v) => v.message);
  for (const assertion of assertions) {
    const failure = checkAssertion(assertion, messages);
    if (failure) return { ...base, outcome: 'failed', actual: `${failure}; got ${actual}${result.errors.length ? `; errors: ${result.errors.map((e) => e.message).join('; ')}` : ''}` };
  }
  return { ...base, outcome: 'passed', actual };
}

function runTest(test: GatorTest, files: SuiteFiles, options: SuiteRunOptions): SuiteCaseResult[] {
  const testName = String(test.name ?? '(unnamed)');
  const cases: GatorCase[] = Array.isArray(test.cases) ? test.cases : [];
  const all = (outcome: SuiteCaseResult['outcome'], actual: string, reason?: string): SuiteCaseResult[] => {
    const list = cases.length ? cases : [{ name: test.invalid === true ? 'invalid constraint' : '(test)', assertions: [] }];
    return list.map((c) => ({ test: testName, name: String(c.name ?? '(unnamed)'), outcome, expected: Array.isArray(c.assertions) && c.assertions.length ? c.assertions.map(describeAssertion).join('; ') : test.invalid === true ? 'the constraint is rejected' : '', actual, ...(reason ? { reason } : {}) }));
  };
  if (test.skip === true) return all('skipped', '', 'skip: true in the suite');
  const template = loadOne(files, test.template, 'template');
  if (typeof template === 'string') return all('failed', template);
  const constraint = loadOne(files, test.constraint, 'constraint');
  if (typeof constraint === 'string') return all('failed', constraint);
  const set = createPolicySet([template, constraint]);
  const opa = set.bindings.some((b) => b.policy?.notEvaluated === needsOpaReason);
  if (opa) return all('skipped', 'not evaluated', 'Rego-only template: needs OPA');
  const problems = set.problems.map((p) => `${p.object}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
  if (test.invalid === true) {
    return all(problems.length ? 'passed' : 'failed', problems.length ? `rejected: ${problems[0]}` : 'the constraint was accepted');
  }
  if (problems.length) return all('failed', `the template or constraint does not compile: ${problems.join('; ')}`);
  return cases.map((c) => runCase(c, testName, set, files, options));
}

/**
 * Runs one gator suite file; `files` reads the template, constraint, objects and inventory named relative to it.
 * @example
 * const report = runGatekeeperSuite('library/general/httpsonly/suite.yaml', text, { read: (p) => readInsideRoot(dir, p) });
 * report.cases.filter((c) => c.outcome === 'failed');
 */
export function runGatekeeperSuite(file: string, text: string, files: SuiteFiles, options: SuiteRunOptions = {}): SuiteReport {
  const report: SuiteReport = { file, kind: 'gatekeeper', cases: [], problems: [] };
  let suite: any;
  try {
    const doc = parseAllDocuments(text)[0];
    if (doc?.errors.length) {
      report.problems.push(`${file}: ${doc.errors[0]!.message.split('\n')[0]!.replace(/:$/, '')}`);
      return report;
    }
    suite = doc?.toJS();
  } catch (error) {
    report.problems.push(`${file}: ${(error as Error).message}`);
    return report;
  }
  if (!suite || typeof suite !== 'object' || suite.kind !== 'Suite') {
    report.problems.push(`${file}: not a gator suite (expected kind: Suite, apiVersion: test.gatekeeper.sh/v1alpha1)`);
    return report;
  }
  const tests: GatorTest[] = Array.isArray(suite.tests) ? suite.tests : [];
  for (const test of tests) {
    report.cases.push(...runTest(suite.skip === true ? { ...test, skip: true } : test, files, options));
  }
  return report;
}
