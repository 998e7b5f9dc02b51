import { describe, expect, it } from 'vitest';
import { admissionDenialStatus } from './admission-status.js';
import { create, deployment, policySet } from './testing/policy-fixtures.js';

const set = (reason: string) => policySet(`
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
  matchConstraints: { resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: ["*"], resources: [deployments] }] }
  validations: [{ expression: "object.spec.replicas <= 5", message: too many, reason: ${reason}, fieldPath: spec.replicas }]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: b }
spec: { policyName: p, validationActions: [Deny] }`);

describe('admissionDenialStatus', () => {
  it('is null for an allowed request', () => {
    expect(admissionDenialStatus(create(set('Invalid'), deployment('a')))).toBeNull();
  });

  it.each([['Invalid', 422], ['Forbidden', 403], ['Unauthorized', 401], ['RequestEntityTooLarge', 413]])('reason %s answers HTTP %i with the API server wording', (reason, code) => {
    expect(admissionDenialStatus(create(set(reason), deployment('a', { replicas: 9 })))).toEqual({
      kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason,
      message: "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: too many",
      details: { causes: [{ message: 'too many', field: 'spec.replicas' }] },
    });
  });
});
