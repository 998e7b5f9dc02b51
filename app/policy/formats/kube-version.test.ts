import { describe, expect, it } from 'vitest';
import { create, deployment, yamlObjects } from '../testing/policy-fixtures.js';
import { createPolicySet } from '../policy-set.js';

const policy = (expression: string) => yamlObjects(`
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
  matchConstraints: { resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: ["*"], resources: [deployments] }] }
  validations: [{ expression: ${JSON.stringify(expression)} }]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: p }
spec: { policyName: p, validationActions: [Deny] }`);

describe('kubeVersion', () => {
  it.each([
    ['isSemver("1.0.0")', '1.32', 'semver()', '1.33'],
    ['isIP("10.0.0.1")', '1.29', 'ip()/cidr()', '1.30'],
    ['object.spec.?replicas.orValue(1) > 0', '1.27', 'optional types', '1.28'],
    ['[1].all(i, v, v > 0)', '1.31', 'two-variable comprehensions', '1.32'],
  ])('%s needs a newer version than %s', (expression, version, name, needed) => {
    const set = createPolicySet(policy(expression), { kubeVersion: version });
    expect(set.problems[0]).toMatchObject({ field: 'spec.validations[0].expression', message: expect.stringContaining(`uses ${name}, which needs Kubernetes ${needed}`) });
    expect(create(set, deployment('a')).notEvaluated[0]!.reason).toContain(name);
    expect(createPolicySet(policy(expression), { kubeVersion: needed }).problems).toEqual([]);
  });

  it('without a kubeVersion every library is available', () => {
    expect(createPolicySet(policy('isSemver("1.0.0")')).problems).toEqual([]);
  });
});
