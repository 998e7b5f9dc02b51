// The sample workspace's policies (resources/sample-workspace/policies) as a
// user meets them: every format compiles, and each rule fires where it should.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPolicySet } from './policy-set.js';
import { evaluateAdmission } from './evaluate-admission.js';
import { evaluateTemplatePolicies } from './evaluate-template-policies.js';
import { namespace, yamlObjects } from './testing/policy-fixtures.js';
import type { KubeObject } from './types.js';

const dir = join(import.meta.dirname, '../../resources/sample-workspace/policies');
const set = createPolicySet(readdirSync(dir).filter((f) => f.endsWith('.yaml')).flatMap((f) => yamlObjects(readFileSync(join(dir, f), 'utf8'))));

function workload(name: string, ns: string, options: { replicas?: number; labels?: Record<string, string>; image?: string; probes?: boolean; limits?: boolean; nonRoot?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, namespace: ns, labels: { 'paver.dev/template': 'web-service', ...options.labels } },
    spec: {
      replicas: options.replicas ?? 3,
      template: {
        metadata: { labels: { app: name } },
        spec: {
          ...(options.nonRoot === false ? {} : { securityContext: { runAsNonRoot: true } }),
          containers: [{
            name: 'app', image: options.image ?? 'registry.acme.dev/payments/checkout:2.3.1',
            ...(options.probes === false ? {} : { readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }),
            ...(options.limits === false ? {} : { resources: { limits: { cpu: '500m', memory: '256Mi' } } }),
          }],
        },
      },
    },
  };
}

function admit(object: KubeObject, env: 'prod' | 'dev', asOf = '2026-12-15') {
  return evaluateAdmission(set, { operation: 'CREATE', object, namespaceObject: namespace(object.metadata!.namespace!, { env }), asOf });
}

describe('sample workspace policies', () => {
  it('compile without problems', () => {
    expect(set.problems).toEqual([]);
    expect(set.unboundPolicies).toEqual([]);
  });

  it('a compliant prod Deployment passes; the Rego and lookup policies are not evaluated, never passed', () => {
    const result = admit(workload('checkout', 'payments-prod', { labels: { 'paver.dev/team': 'payments' } }), 'prod');
    expect(result.violations).toEqual([]);
    expect(result.allowed).toBe(true);
    expect(result.notEvaluated).toMatchObject([{ policy: 'k8sallowedrepos', reason: expect.stringContaining('needs OPA'), podTemplate: true }]);
  });

  it('the quota check of platform services needs a cluster lookup, so it is not evaluated', () => {
    const result = admit(workload('gateway', 'platform-prod', { labels: { 'paver.dev/team': 'platform' } }), 'prod');
    expect(result.notEvaluated).toMatchObject([{ policy: 'namespace-has-quota', reason: expect.stringContaining('resource.Get/List') }]);
    expect(result.allowed).toBe(true);
  });

  it('prod-min-replicas denies one replica in prod (param from the replica-floor ConfigMap), not in dev', () => {
    const one = workload('checkout', 'payments-prod', { replicas: 1, labels: { 'paver.dev/team': 'payments' } });
    expect(admit(one, 'prod').violations.map((v) => v.message)).toContain('Deployment checkout runs 1 replica(s); production needs at least 2');
    expect(admit({ ...one, metadata: { ...one.metadata, namespace: 'payments-dev' } }, 'dev').allowed).toBe(true);
  });

  it('require-readiness-probes warns, then denies from its deny-from date', () => {
    const noProbe = workload('checkout', 'payments-prod', { probes: false, labels: { 'paver.dev/team': 'payments' } });
    const before = admit(noProbe, 'prod', '2027-01-31');
    expect(before.allowed).toBe(true);
    expect(before.warnings.join('\n')).toContain('readinessProbe');
    const after = admit(noProbe, 'prod', '2027-02-01');
    expect(after.allowed).toBe(false);
    expect(after.violations.find((v) => v.policy === 'require-readiness-probes')).toMatchObject({ action: 'Deny', escalatedFrom: 'Warn' });
  });

  it('the team label is a warning in team namespaces', () => {
    const result = admit(workload('checkout', 'payments-prod'), 'prod');
    expect(result.allowed).toBe(true);
    expect(result.violations.find((v) => v.binding === 'workloads-need-team')).toMatchObject({ action: 'Warn', message: 'missing required label(s): paver.dev/team' });
  });

  it('limits are required in prod, and non-root is audited', () => {
    const result = admit(workload('checkout', 'payments-prod', { limits: false, nonRoot: false, labels: { 'paver.dev/team': 'payments' } }), 'prod');
    expect(result.allowed).toBe(false);
    expect(result.violations.map((v) => `${v.policy}:${v.action}`).sort()).toEqual(['require-resource-limits:Deny', 'run-as-non-root:Audit']);
  });

  it('the latest tag on a pod template will fail when pods are created', () => {
    const result = admit(workload('checkout', 'payments-prod', { image: 'registry.acme.dev/payments/checkout:latest', labels: { 'paver.dev/team': 'payments' } }), 'prod');
    expect(result.allowed).toBe(true);
    expect(result.violations).toMatchObject([{ policy: 'k8sdisallowedtags', podTemplate: true, object: { kind: 'Deployment', name: 'checkout' } }]);
  });

  it('TemplatePolicies: web-service 1.x warns in December and is blocked from mid-January, legacy-billing exempt', () => {
    const use = (service: string, asOf: string) => evaluateTemplatePolicies(set, { service, environment: 'prod', template: 'web-service', version: '1.4.0', asOf })[0]!;
    expect(use('checkout', '2026-12-15')).toMatchObject({ status: 'violation', action: 'Warn' });
    expect(use('checkout', '2027-01-15')).toMatchObject({ status: 'violation', action: 'Deny' });
    expect(use('legacy-billing', '2027-01-15')).toMatchObject({ status: 'exempt' });
    expect(evaluateTemplatePolicies(set, { service: 'search-crawler', environment: 'prod', template: 'worker', version: '1.0.0', asOf: '2026-11-27' })[0]).toMatchObject({ status: 'violation', action: 'Warn' });
  });
});
