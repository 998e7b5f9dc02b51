import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGatekeeperSuite } from './gatekeeper-suite.js';
import { checkAssertion } from './gatekeeper-assertions.js';
import { runPolicySuite, suiteKindOf } from './index.js';
import type { SuiteFiles } from './types.js';

const root = join(import.meta.dirname, 'testdata', 'gatekeeper');

function filesFor(suitePath: string): SuiteFiles {
  return {
    read(path) {
      const absolute = resolve(dirname(suitePath), path);
      if (relative(root, absolute).startsWith('..')) return undefined;
      try { return readFileSync(absolute, 'utf8'); } catch { return undefined; }
    },
  };
}

function run(name: string) {
  const path = join(root, name, 'suite.yaml');
  return runGatekeeperSuite(`${name}/suite.yaml`, readFileSync(path, 'utf8'), filesFor(path), { asOf: '2026-06-01' });
}

const outcomes = (report: ReturnType<typeof run>) => Object.fromEntries(report.cases.map((c) => [`${c.test}/${c.name}`, c.outcome]));

describe('runGatekeeperSuite', () => {
  it('runs each case of a gator suite against the CEL template and its constraint', () => {
    const report = run('replicas');
    expect(report.problems).toEqual([]);
    expect(outcomes(report)).toEqual({
      'cap/two-replicas': 'passed',
      'cap/five-replicas': 'passed',
      'cap/update-is-ignored': 'passed',
      'cap/delete-sees-the-old-object': 'passed',
      'cap/skipped-case': 'skipped',
      'web-namespaces-only/namespace-from-inventory': 'passed',
      'web-namespaces-only/namespace-unknown': 'passed',
      'rego-only/needs-opa': 'skipped',
      'rejected-constraint/invalid constraint': 'passed',
    });
  });

  it('counts violations of a dryrun constraint too, and shows them with their messages', () => {
    const five = run('replicas').cases.find((c) => c.name === 'five-replicas')!;
    expect(five.actual).toBe('1 violation: "runs 5 replicas; at most 3 allowed"');
    expect(five.expected).toBe('violations: 1, message: "at most 3 allowed$"; violations: no, message: "unrelated"; violations: yes');
  });

  it('passes an invalid: true test when the constraint breaks the template schema, naming the field', () => {
    const rejected = run('replicas').cases.find((c) => c.test === 'rejected-constraint')!;
    expect(rejected.expected).toBe('the constraint is rejected');
    expect(rejected.actual).toContain('rejected: PaverReplicaCap/max-is-not-a-number spec.parameters.max: must be integer');
  });

  it('reports a Rego-only template as skipped because it needs OPA, never as passed', () => {
    const regoOnly = run('replicas').cases.find((c) => c.test === 'rego-only')!;
    expect(regoOnly).toMatchObject({ outcome: 'skipped', reason: 'Rego-only template: needs OPA' });
  });

  it('fails cases whose expectations do not hold, with what gator would say', () => {
    const report = run('failing');
    expect(report.cases.map((c) => [c.name, c.outcome, c.actual])).toEqual([
      ['expects-a-violation', 'failed', '0 violations but want at least 1; got no violations'],
      ['expects-two', 'failed', '1 violations but want exactly 2; got 1 violation: "runs 5 replicas; at most 3 allowed"'],
      ['missing-object', 'failed', "nowhere.yaml does not exist (or is outside the suite's folder)"],
      ['no-assertions', 'failed', 'the case has no assertions; gator requires at least one'],
    ]);
  });

  it('fails every case of a test whose template does not compile, naming the field', () => {
    const files: SuiteFiles = {
      read: (p) => ({
        't.yaml': 'apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata: {name: broken}\nspec:\n  crd: {spec: {names: {kind: Broken}}}\n  targets:\n  - target: admission.k8s.gatekeeper.sh\n    code:\n    - engine: K8sNativeValidation\n      source:\n        validations:\n        - expression: "object.spec.("\n',
        'c.yaml': 'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: Broken\nmetadata: {name: b}\n',
        'o.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n',
      } as Record<string, string>)[p],
    };
    const report = runGatekeeperSuite('s.yaml', 'kind: Suite\ntests:\n- name: t\n  template: t.yaml\n  constraint: c.yaml\n  cases:\n  - name: c1\n    object: o.yaml\n    assertions: [{violations: no}]\n', files);
    expect(report.cases).toHaveLength(1);
    expect(report.cases[0]!.outcome).toBe('failed');
    expect(report.cases[0]!.actual).toContain('spec.targets[0].code[0].source.validations[0].expression');
  });

  it('reports a file that is not a suite as a problem', () => {
    const report = runGatekeeperSuite('x/suite.yaml', 'kind: Something\n', { read: () => undefined });
    expect(report.cases).toEqual([]);
    expect(report.problems[0]).toContain('x/suite.yaml: not a gator suite');
  });

  it('reports a suite file that is not valid YAML with the line, and runs nothing', () => {
    const report = runGatekeeperSuite('x/suite.yaml', 'kind: Suite\ntests:\n- name: t\n  constraint: [oops\n', { read: () => undefined });
    expect(report.cases).toEqual([]);
    expect(report.problems[0]).toMatch(/^x\/suite\.yaml: .* at line \d+, column \d+$/);
  });

  it('dispatches by file name through runPolicySuite', () => {
    expect(suiteKindOf('a/b/suite.yaml')).toBe('gatekeeper');
    expect(suiteKindOf('a/kyverno-test.yaml')).toBe('kyverno');
    expect(suiteKindOf('a/template.yaml')).toBeUndefined();
    const path = join(root, 'replicas', 'suite.yaml');
    expect(runPolicySuite('gatekeeper', 'r', readFileSync(path, 'utf8'), filesFor(path)).cases).toHaveLength(9);
  });
});

describe('gator assertions', () => {
  const messages = ['container a is privileged', 'container b is privileged', 'host network'];
  it('"yes" (the default) needs at least one matching violation, "no" needs none', () => {
    expect(checkAssertion({}, messages)).toBeUndefined();
    expect(checkAssertion({ violations: 'yes' }, [])).toBe('0 violations but want at least 1');
    expect(checkAssertion({ violations: 'no' }, messages)).toBe('3 violations but want none');
    expect(checkAssertion({ violations: 'no', message: 'cpu' }, messages)).toBeUndefined();
  });
  it('a number is an exact count of the violations whose message matches the regular expression', () => {
    expect(checkAssertion({ violations: 2, message: 'privileged$' }, messages)).toBeUndefined();
    expect(checkAssertion({ violations: 1, message: 'privileged' }, messages)).toBe('2 violations containing "privileged" but want exactly 1');
    expect(checkAssertion({ violations: -1 }, messages)).toContain('nonnegative integer');
    expect(checkAssertion({ violations: 'maybe' }, messages)).toContain('"yes", or "no"');
    expect(checkAssertion({ message: '(' }, messages)).toContain('not a valid regular expression');
  });
});
