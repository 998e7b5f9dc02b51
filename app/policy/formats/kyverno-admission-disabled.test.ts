// Kyverno policies whose admission evaluation is off only report (background
// scans): a failing request is audited, never denied. JSON-mode policies
// never apply to Kubernetes requests.
import { describe, expect, it } from 'vitest';
import { create, deployment, policySet } from '../testing/policy-fixtures.js';

describe('Kyverno policies with admission evaluation off', () => {
  it('a ValidatingPolicy with evaluation.admission.enabled: false audits instead of denying', () => {
    const policy = (admission: boolean) => `
apiVersion: policies.kyverno.io/v1
kind: ValidatingPolicy
metadata: { name: max-replicas }
spec:
  validationActions: [Deny]
  evaluation: { admission: { enabled: ${admission} }, background: { enabled: true } }
  matchConstraints:
    resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }]
  validations: [{ expression: "object.spec.replicas <= 5", message: "too many replicas" }]
`;
    expect(create(policySet(policy(true)), deployment('a', { replicas: 9 })).allowed).toBe(false);
    const audited = create(policySet(policy(false)), deployment('a', { replicas: 9 }));
    expect(audited.allowed).toBe(true);
    expect(audited.violations).toMatchObject([{ policy: 'max-replicas', action: 'Audit', message: 'too many replicas' }]);
  });

  it('a ClusterPolicy with spec.admission: false audits, whatever its failure action and overrides say', () => {
    const set = policySet(`
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: { name: max-replicas }
spec:
  admission: false
  background: true
  validationFailureAction: Enforce
  validationFailureActionOverrides: [{ action: Enforce, namespaces: [shop] }]
  rules:
  - name: at-most-five
    match: { any: [{ resources: { kinds: [Deployment] } }] }
    validate:
      cel:
        expressions: [{ expression: "object.spec.replicas <= 5", message: "too many replicas" }]
`);
    const result = create(set, deployment('a', { replicas: 9, namespace: 'shop' }));
    expect(result.allowed).toBe(true);
    expect(result.violations).toMatchObject([{ policy: 'max-replicas', binding: 'at-most-five', action: 'Audit' }]);
  });

  it('a ValidatingPolicy in JSON evaluation mode never applies to Kubernetes objects and compiles without problems', () => {
    const set = policySet(`
apiVersion: policies.kyverno.io/v1
kind: ValidatingPolicy
metadata: { name: dockerfile-no-curl }
spec:
  evaluation: { mode: JSON }
  validations: [{ expression: "!object.?run.orValue('').contains('curl')", message: "no curl" }]
`);
    expect(set.problems).toEqual([]);
    const result = create(set, deployment('a', { replicas: 9 }));
    expect(result).toMatchObject({ allowed: true, violations: [], notEvaluated: [], errors: [] });
  });
});
