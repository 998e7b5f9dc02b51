// Kyverno's auto-generated rules: a Pod rule also judges Pod controllers at
// admission, so the workload itself is blocked (not only its Pods later).
import { describe, expect, it } from 'vitest';
import { evaluateAdmission } from '../evaluate-admission.js';
import { deployment, namespace, policySet } from '../testing/policy-fixtures.js';
import type { KubeObject } from '../types.js';

const clusterPolicy = (annotations = '') => `
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: no-privileged
${annotations ? `  annotations: { ${annotations} }\n` : ''}spec:
  validationFailureAction: Enforce
  rules:
    - name: check-privileged
      match: { any: [{ resources: { kinds: [Pod] } }] }
      validate:
        cel:
          expressions:
            - expression: "object.spec.containers.all(c, !c.?securityContext.?privileged.orValue(false))"
              message: privileged containers are not allowed
`;

const validatingPolicy = (autogen = '') => `
apiVersion: policies.kyverno.io/v1alpha1
kind: ValidatingPolicy
metadata: { name: no-privileged-vp }
spec:
  validationActions: [Deny]
${autogen}  matchConstraints:
    resourceRules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [pods] }]
  validations:
    - expression: "object.spec.containers.all(c, !c.?securityContext.?privileged.orValue(false))"
      message: privileged containers are not allowed
`;

const privileged = [{ name: 'app', image: 'acme/web:1', securityContext: { privileged: true } }];
const web = deployment('web', { podSpec: { containers: privileged } });
const nightly: KubeObject = {
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'shop' },
  spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { containers: privileged } } } } },
};
const admit = (text: string, object: KubeObject) => evaluateAdmission(policySet(text), { operation: 'CREATE', object, namespaceObject: namespace('shop'), asOf: '2026-06-01' });

describe('Kyverno auto-generated rules for Pod controllers', () => {
  it('blocks a Deployment through the autogen- rule, pointing into its pod template', () => {
    const result = admit(clusterPolicy(), web);
    expect(result.allowed).toBe(false);
    expect(result.violations).toMatchObject([{ policy: 'no-privileged', binding: 'autogen-check-privileged', action: 'Deny', object: { kind: 'Deployment', name: 'web' }, fieldPath: 'spec.template.spec.containers' }]);
    expect(result.violations[0]!.podTemplate).toBeUndefined();
  });

  it('names the CronJob rule autogen-cronjob-', () => {
    const result = admit(clusterPolicy(), nightly);
    expect(result.allowed).toBe(false);
    expect(result.violations).toMatchObject([{ binding: 'autogen-cronjob-check-privileged', fieldPath: 'spec.jobTemplate.spec.template.spec.containers' }]);
  });

  it('leaves controllers the annotation excludes to fail when their Pods are created', () => {
    const result = admit(clusterPolicy('pod-policies.kyverno.io/autogen-controllers: Deployment'), nightly);
    expect(result.allowed).toBe(true);
    expect(result.violations).toMatchObject([{ binding: 'check-privileged', podTemplate: true }]);
    expect(admit(clusterPolicy('pod-policies.kyverno.io/autogen-controllers: none'), web).allowed).toBe(true);
  });

  it('applies to ValidatingPolicies for the controllers spec.autogen names (all by default)', () => {
    expect(admit(validatingPolicy(), web).allowed).toBe(false);
    const deploymentsOnly = validatingPolicy('  autogen: { podControllers: { controllers: [deployments] } }\n');
    expect(admit(deploymentsOnly, web).violations).toMatchObject([{ binding: 'no-privileged-vp', object: { kind: 'Deployment' } }]);
    expect(admit(deploymentsOnly, nightly)).toMatchObject({ allowed: true, violations: [{ podTemplate: true }] });
  });

  it('keeps ValidatingAdmissionPolicies on Pods as "will fail when pods are created"', () => {
    const vap = `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: no-privileged-vap }
spec:
  matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }] }
  validations: [{ expression: "object.spec.containers.all(c, !c.?securityContext.?privileged.orValue(false))" }]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: no-privileged-vap }
spec: { policyName: no-privileged-vap, validationActions: [Deny] }
`;
    expect(admit(vap, web)).toMatchObject({ allowed: true, violations: [{ podTemplate: true }] });
  });
});
