// Pod policies on workloads: evaluated against the pod template, reported as
// "will fail when pods are created" and attributed to the workload.
import { describe, expect, it } from 'vitest';
import { evaluateAdmission } from './evaluate-admission.js';
import { podFromWorkload } from './pod-template.js';
import { deployment, namespace, policySet } from './testing/policy-fixtures.js';
import type { KubeObject } from './types.js';

const podPolicy = policySet(`
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: non-root }
spec:
  matchConstraints:
    resourceRules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }]
  validations:
    - expression: "object.spec.?securityContext.?runAsNonRoot.orValue(false) && object.metadata.namespace == 'shop'"
      message: pods must run as non-root
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: non-root }
spec: { policyName: non-root, validationActions: [Deny] }
`);

const podSpec = { containers: [{ name: 'app', image: 'a:1' }] };
const workloads: KubeObject[] = [
  deployment('web'),
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'shop' }, spec: { template: { spec: podSpec } } },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'shop' }, spec: { template: { spec: podSpec } } },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'shop' }, spec: { template: { spec: podSpec } } },
  { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once', namespace: 'shop' }, spec: { template: { spec: podSpec } } },
  { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'shop' }, spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } },
];

describe('pod policies on workloads', () => {
  it.each(workloads.map((w) => [w.kind!, w]))('%s: will fail when pods are created, attributed to the workload', (_kind, workload) => {
    const result = evaluateAdmission(podPolicy, { operation: 'CREATE', object: workload, namespaceObject: namespace('shop') });
    expect(result.allowed).toBe(true);
    expect(result.violations).toMatchObject([{ policy: 'non-root', podTemplate: true, message: 'pods must run as non-root', object: { kind: workload.kind, name: workload.metadata!.name } }]);
    expect(result.warnings).toEqual([]);
  });

  it('the synthetic Pod carries the template labels and the workload namespace', () => {
    expect(podFromWorkload(deployment('web'))).toMatchObject({ kind: 'Pod', metadata: { namespace: 'shop', labels: { app: 'web' } }, spec: { containers: [{ image: 'registry.acme.dev/app:1.0' }] } });
    expect(podFromWorkload({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toBeNull();
  });

  it('a compliant template passes, and podTemplates: false turns the check off', () => {
    const good = deployment('web', { podSpec: { securityContext: { runAsNonRoot: true } } });
    expect(evaluateAdmission(podPolicy, { operation: 'CREATE', object: good }).violations).toEqual([]);
    expect(evaluateAdmission(podPolicy, { operation: 'CREATE', object: deployment('web'), podTemplates: false }).violations).toEqual([]);
  });

  it('warn-level pod policies are worded as pods-will-fail', () => {
    const text = `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
  matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }] }
  validations: [{ expression: "false", message: nope }]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: p }
spec: { policyName: p, validationActions: [Warn] }`;
    const result = evaluateAdmission(policySet(text), { operation: 'CREATE', object: deployment('web') });
    expect(result.warnings).toEqual(["will fail when pods are created: Validation failed for ValidatingAdmissionPolicy 'p' with binding 'p': nope"]);
  });
});
