// A policy set decides each policy's resource rules once per kind of request
// (its plan) and checks the rest per request. These tests pin down that the
// plan never carries one request's answer over to another that differs in
// what the rules cannot see: names, labels, namespaces, operations.
import { describe, expect, it } from 'vitest';
import { evaluateAdmission } from './evaluate-admission.js';
import { create, deployment, namespace, policySet } from './testing/policy-fixtures.js';

const denyAll = (name: string, constraints: string, binding = '') => `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: ${name} }
spec:
  matchConstraints:
${constraints}
  validations: [{ expression: "false", message: "${name} says no" }]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: ${name}-binding }
spec:
  policyName: ${name}
  validationActions: [Deny]
${binding}
`;

const deployments = `    resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }]`;

describe('policy set plans', () => {
  it('checks object and namespace selectors per request, after the rules matched once', () => {
    const set = policySet(denyAll('labelled', `${deployments}
    objectSelector: { matchLabels: { tier: web } }
    namespaceSelector: { matchExpressions: [{ key: env, operator: In, values: [prod] }] }`));
    expect(create(set, deployment('a', { labels: { tier: 'web' } })).allowed).toBe(false);
    expect(create(set, deployment('b', { labels: { tier: 'batch' } })).allowed).toBe(true);
    const inDev = evaluateAdmission(set, { operation: 'CREATE', object: deployment('c', { labels: { tier: 'web' } }), namespaceObject: namespace('shop', { env: 'dev' }), podTemplates: false });
    expect(inDev.allowed).toBe(true);
    expect(create(set, deployment('d', { labels: { tier: 'web' } })).allowed).toBe(false);
  });

  it('admits the same object again with another namespace, date or operation as a new request', () => {
    const set = policySet(denyAll('labelled', `${deployments}
    namespaceSelector: { matchLabels: { env: prod } }`));
    const object = deployment('same', { namespace: 'shop' });
    const admit = (labels: Record<string, string>, extra: object = {}) =>
      evaluateAdmission(set, { operation: 'CREATE', object, namespaceObject: namespace('shop', labels), podTemplates: false, asOf: '2026-06-01', ...extra }).allowed;
    const prod = namespace('shop', { env: 'prod' });
    expect(evaluateAdmission(set, { operation: 'CREATE', object, namespaceObject: prod, podTemplates: false, asOf: '2026-06-01' }).allowed).toBe(false);
    expect(evaluateAdmission(set, { operation: 'CREATE', object, namespaceObject: prod, podTemplates: false, asOf: '2026-06-01' }).allowed).toBe(false);
    expect(admit({ env: 'dev' })).toBe(true);
    expect(admit({ env: 'prod' })).toBe(false);
    expect(admit({ env: 'prod' }, { operation: 'UPDATE', oldObject: object })).toBe(true);
    expect(admit({ env: 'prod' }, { asOf: '2027-01-01' })).toBe(false);
  });

  it('keeps rules that name objects per request', () => {
    const set = policySet(denyAll('named', `    resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments], resourceNames: [checkout] }]`));
    expect(create(set, deployment('checkout')).allowed).toBe(false);
    expect(create(set, deployment('search')).allowed).toBe(true);
    expect(create(set, deployment('checkout')).allowed).toBe(false);
  });

  it('plans each operation, version and resource separately', () => {
    const set = policySet(denyAll('creates', deployments));
    const object = deployment('a');
    expect(create(set, object).allowed).toBe(false);
    expect(evaluateAdmission(set, { operation: 'UPDATE', object, oldObject: object, namespaceObject: namespace('shop'), podTemplates: false }).allowed).toBe(true);
    expect(create(set, deployment('b', { apiVersion: 'apps/v1beta2' })).allowed).toBe(false); // Equivalent matching converts versions
    expect(create(set, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop' } }).allowed).toBe(true);
    expect(create(set, deployment('c')).allowed).toBe(false);
  });

  it('narrows by the binding as well as the policy', () => {
    const set = policySet(denyAll('bound', `    resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }]`, `  matchResources:
    resourceRules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps] }]
    objectSelector: { matchLabels: { checked: "yes" } }`));
    const configMap = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop', labels } });
    expect(create(set, configMap({ checked: 'yes' })).allowed).toBe(false);
    expect(create(set, configMap({})).allowed).toBe(true);
    expect(create(set, deployment('a', { labels: { checked: 'yes' } })).allowed).toBe(true);
  });
});
