import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKyvernoTest } from './kyverno-test.js';
import type { SuiteFiles, SuiteReport } from './types.js';

const root = join(import.meta.dirname, 'testdata', 'kyverno');

function runFile(relative: string): SuiteReport {
  const path = join(root, relative);
  const files: SuiteFiles = { read: (p) => (existsSync(join(dirname(path), p)) ? readFileSync(join(dirname(path), p), 'utf8') : undefined) };
  return runKyvernoTest(relative, readFileSync(path, 'utf8'), files);
}

function runInline(text: string, files: Record<string, string>): SuiteReport {
  return runKyvernoTest('kyverno-test.yaml', text, { read: (p) => files[p] });
}

function outcomes(report: SuiteReport): Record<string, string> {
  return Object.fromEntries(report.cases.map((c) => [c.name, c.outcome]));
}

describe('runKyvernoTest', () => {
  it('checks ClusterPolicy rules on Pods, and on Deployments and CronJobs through autogen', () => {
    const report = runFile('team-label/.kyverno-test/kyverno-test.yaml');
    expect(report.problems).toEqual([]);
    expect(outcomes(report)).toEqual({
      'team-label/pods-have-team Pod/labelled': 'passed',
      'team-label/pods-have-team Pod/unlabelled': 'passed',
      'team-label/pods-have-team Pod/shop/unlabelled-in-shop': 'passed',
      'team-label/pods-have-team Deployment/web': 'passed',
      'team-label/pods-have-team CronJob/nightly': 'passed',
      'team-label/pods-have-team Pod/system-pod': 'passed',
      'team-label/pods-have-team Pod/debug-shell': 'passed',
      'team-label/pods-have-team Pod/missing': 'skipped',
    });
    const byName = new Map(report.cases.map((c) => [c.name, c]));
    // The Deployment is labelled, its pod template is not: the generated rule reads the template.
    expect(byName.get('team-label/pods-have-team Deployment/web')!.actual).toBe('result: autogen-pods-have-team: fail (Pods need a team label.)');
    expect(byName.get('team-label/pods-have-team CronJob/nightly')!.actual).toBe('result: autogen-cronjob-pods-have-team: pass');
    expect(byName.get('team-label/pods-have-team Pod/debug-shell')!.actual).toBe('result: pods-have-team: skip');
    expect(byName.get('team-label/pods-have-team Pod/system-pod')!.actual).toMatch(/^excluded/);
    expect(byName.get('team-label/pods-have-team Pod/missing')!.reason).toBe("resource missing is not in the test's resource files (kyverno test ignores it)");
  });

  it('checks ValidatingPolicy results with namespace labels from the values file and autogen turned off', () => {
    const report = runFile('no-host-network/kyverno-test.yaml');
    expect(report.problems).toEqual([]);
    const byName = new Map(report.cases.map((c) => [c.name, c]));
    expect(report.cases.every((c) => c.outcome === 'passed')).toBe(true);
    expect(byName.get('no-host-network Pod/host')!.actual).toBe('result: no-host-network: fail (pod host uses the host network)');
    expect(byName.get('no-host-network Pod/infra/agent')!.actual).toBe('result: no-host-network: skip');
    expect(byName.get('no-host-network Deployment/host-deploy')!.actual).toMatch(/^result: autogen-no-host-network: fail/);
    expect(byName.get('pods-only-replicas Deployment/host-deploy')!.actual).toMatch(/^excluded/);
    expect(byName.get('pods-only-replicas Pod/plain')!.actual).toBe('result: pods-only-replicas: fail (failed expression: object.metadata.?labels[?\'app\'].hasValue())');
  });

  it('skips rules that a PolicyException covers, for ClusterPolicy rules and ValidatingPolicies', () => {
    const report = runFile('exceptions/kyverno-test.yaml');
    expect(report.problems).toEqual([]);
    expect(report.cases.map((c) => [c.name, c.outcome, c.actual])).toEqual([
      ['pinned-images/no-latest Pod/ops/debug-shell', 'passed', 'result: no-latest: skip (PolicyException debug-tools)'],
      ['pinned-images/no-latest Pod/ops/latest-app', 'passed', 'result: no-latest: fail (no :latest images)'],
      ['registry-allowlist Pod/ops/vendor-agent', 'passed', 'result: registry-allowlist: skip (PolicyException vendor-images)'],
      ['registry-allowlist Pod/ops/latest-app', 'passed', 'result: registry-allowlist: fail (images come from registry.example.com)'],
    ]);
  });

  it('takes the requesting user from the userinfo file, so subject exclusions apply', () => {
    const report = runFile('exceptions/as-release-bot/kyverno-test.yaml');
    expect(report.problems).toEqual([]);
    expect(report.cases.map((c) => [c.outcome, c.actual])).toEqual([
      ['passed', 'excluded: the policy does not apply to this resource (kyverno test counts it as passed)'],
      ['passed', 'result: registry-allowlist: fail (images come from registry.example.com)'],
    ]);
  });

  it('fails a result whose outcome differs, and reads the older format (resource, status, no apiVersion)', () => {
    const policy = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: max-replicas}
spec:
  rules:
  - name: at-most-three
    match: {any: [{resources: {kinds: [apps/v1/Deployment]}}]}
    validate:
      cel:
        expressions: [{expression: "object.spec.replicas <= 3", message: "too many replicas"}]
`;
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: big, namespace: shop}
spec: {replicas: 5, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: x:1}]}}}
`;
    const report = runInline(`name: old-style
policies: [policy.yaml]
resources: [deployment.yaml]
results:
- {policy: max-replicas, rule: at-most-three, resource: big, kind: Deployment, status: pass}
- {policy: max-replicas, rule: at-most-three, resource: big, kind: Deployment, namespace: shop, result: fail}
- {policy: other, rule: x, resource: big, kind: Deployment, result: fail}
`, { 'policy.yaml': policy, 'deployment.yaml': deployment });
    expect(report.cases.map((c) => [c.test, c.outcome, c.actual])).toEqual([
      ['old-style', 'failed', 'result: at-most-three: fail (too many replicas)'],
      ['old-style', 'passed', 'result: at-most-three: fail (too many replicas)'],
      ['old-style', 'failed', "policy other not found in the test's policy files"],
    ]);
  });

  it('shows generated rules the controller with its pod template, as Kyverno rewrites object.spec and object.metadata', () => {
    const policy = `apiVersion: policies.kyverno.io/v1
kind: ValidatingPolicy
metadata: {name: named-service-account}
spec:
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}]
  validations:
  - expression: "object.kind != 'Pod' || object.spec.?serviceAccountName.orValue('default') != 'default'"
    messageExpression: "'pod ' + object.metadata.name + ' uses the default service account'"
    message: "a pod uses the default service account"
`;
    const resources = `apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {containers: [{name: c, image: x:1}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: x:1}]}}}
`;
    const report = runInline(`name: autogen-view
policies: [p.yaml]
resources: [r.yaml]
results:
- {policy: named-service-account, isValidatingPolicy: true, kind: Pod, resources: [bare], result: fail}
- {policy: named-service-account, isValidatingPolicy: true, kind: Deployment, resources: [web], result: pass}
`, { 'p.yaml': policy, 'r.yaml': resources });
    expect(report.cases.map((c) => [c.outcome, c.actual])).toEqual([
      ['passed', 'result: named-service-account: fail (pod bare uses the default service account)'],
      ['passed', 'result: autogen-named-service-account: pass'],
    ]);
  });

  it('generates ClusterPolicy rules only for the controllers the autogen annotation names, and not for rules on several kinds', () => {
    const policy = (annotation: string | undefined, kinds: string) => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: no-host-pid
  annotations: {${annotation === undefined ? '' : `pod-policies.kyverno.io/autogen-controllers: "${annotation}"`}}
spec:
  rules:
  - name: host-pid
    match: {any: [{resources: {kinds: ${kinds}}}]}
    validate:
      cel:
        expressions: [{expression: "!object.spec.?hostPID.orValue(false)"}]
`;
    const resources = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {hostPID: true, containers: [{name: c, image: x:1}]}}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {hostPID: true, containers: [{name: c, image: x:1}]}}}
`;
    const suite = `name: autogen-annotation
policies: [p.yaml]
resources: [r.yaml]
results:
- {policy: no-host-pid, rule: host-pid, kind: Deployment, resources: [web], result: fail}
- {policy: no-host-pid, rule: host-pid, kind: StatefulSet, resources: [db], result: fail}
`;
    const actual = (annotation: string | undefined, kinds = '[Pod]') => runInline(suite, { 'p.yaml': policy(annotation, kinds), 'r.yaml': resources }).cases.map((c) => c.actual.replace(/ \(.*/, ''));
    expect(actual('Deployment')).toEqual(['result: autogen-host-pid: fail', expect.stringMatching(/^excluded/)]);
    expect(actual('none')).toEqual([expect.stringMatching(/^excluded/), expect.stringMatching(/^excluded/)]);
    expect(actual('')).toEqual([expect.stringMatching(/^excluded/), expect.stringMatching(/^excluded/)]);
    expect(actual(undefined, '[Pod, Service]')).toEqual([expect.stringMatching(/^excluded/), expect.stringMatching(/^excluded/)]);
    expect(actual(undefined)).toEqual(['result: autogen-host-pid: fail', 'result: autogen-host-pid: fail']);
  });

  it('skips, with the reason, a policy that needs a Kyverno-only library', () => {
    const policy = `apiVersion: policies.kyverno.io/v1
kind: ValidatingPolicy
metadata: {name: known-namespaces}
spec:
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}]
  validations:
  - expression: "resource.Get('v1', 'namespaces', '', object.metadata.namespace) != null"
`;
    const report = runInline(`apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata: {name: lookups}
policies: [p.yaml]
resources: [r.yaml]
results:
- {policy: known-namespaces, isValidatingPolicy: true, kind: ConfigMap, resources: [settings], result: pass}
`, { 'p.yaml': policy, 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n' });
    expect(report.cases).toHaveLength(1);
    expect(report.cases[0]).toMatchObject({ outcome: 'skipped', actual: 'not evaluated' });
    expect(report.cases[0]!.reason).toContain('resource.Get/List');
  });

  it('evaluates ValidatingAdmissionPolicies, unbound ones as if bound everywhere and bound ones with their params', () => {
    const policies = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: replica-cap}
spec:
  matchConstraints:
    resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}]
  validations: [{expression: "object.spec.replicas <= 4", message: "at most 4 replicas"}]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: team-cap}
spec:
  paramKind: {apiVersion: v1, kind: ConfigMap}
  matchConstraints:
    resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}]
  validations: [{expression: "object.spec.replicas <= int(params.data.max)"}]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: team-cap-binding}
spec:
  policyName: team-cap
  validationActions: [Warn]
  paramRef: {name: caps, namespace: default, parameterNotFoundAction: Deny}
`;
    const resources = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {replicas: 3, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: x:1}]}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: caps, namespace: default}
data: {max: "2"}
`;
    const report = runInline(`name: vap
policies: [p.yaml]
resources: [r.yaml]
results:
- {policy: replica-cap, isValidatingAdmissionPolicy: true, kind: Deployment, resources: [web], result: pass}
- {policy: team-cap, isValidatingAdmissionPolicy: true, kind: Deployment, resources: [web], result: fail}
`, { 'p.yaml': policies, 'r.yaml': resources });
    expect(report.problems).toEqual([]);
    expect(report.cases.map((c) => [c.outcome, c.actual])).toEqual([
      ['passed', 'result: replica-cap: pass'],
      ['passed', 'result: team-cap-binding: fail (failed expression: object.spec.replicas <= int(params.data.max))'],
    ]);
  });

  it('skips kyverno-json checks with the reason instead of ignoring them', () => {
    const report = runInline('name: checks\npolicies: []\nresources: []\nchecks:\n- match: {policy: {name: x}}\n  assert: {status: pass}\n', {});
    expect(report.cases).toMatchObject([{ name: 'checks[0]', outcome: 'skipped', reason: expect.stringContaining('use `results`') }]);
  });

  it('reports missing files and bad YAML as problems naming the file', () => {
    const report = runInline('policies: [nope.yaml]\nresources: [bad.yaml]\nresults: []\n', { 'bad.yaml': 'a: [' });
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toContain('nope.yaml not found');
    expect(report.problems[1]).toContain('bad.yaml');
  });
});
