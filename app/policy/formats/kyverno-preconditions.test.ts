// Kyverno JMESPath preconditions on validate.cel rules: simple forms gate the
// rule, other forms make the rule "not evaluated" rather than unconditional.
import { describe, expect, it } from 'vitest';
import { create, deployment, policySet } from '../testing/policy-fixtures.js';

const policy = (preconditions: string) => `
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: { name: replicas }
spec:
  validationFailureAction: Enforce
  rules:
  - name: at-most-five
    match: { any: [{ resources: { kinds: [Deployment] } }] }
    preconditions:
${preconditions}
    validate:
      cel:
        expressions: [{ expression: "object.spec.replicas <= 5", message: "too many replicas" }]
`;

describe('Kyverno JMESPath preconditions', () => {
  it('skip the rule when a condition on the request object is false', () => {
    const set = policySet(policy(`      all:
      - key: "{{ request.object.metadata.labels.tier || '' }}"
        operator: Equals
        value: prod*`));
    expect(set.problems).toEqual([]);
    expect(create(set, deployment('a', { replicas: 9, labels: { tier: 'production' } })).allowed).toBe(false);
    expect(create(set, deployment('a', { replicas: 9, labels: { tier: 'dev' } })).allowed).toBe(true);
    expect(create(set, deployment('a', { replicas: 9 })).allowed).toBe(true);
  });

  it('support any blocks, list operators, quoted keys, the operation and numbers', () => {
    const set = policySet(policy(`      any:
      - key: "{{ request.object.metadata.labels.\\"app.kubernetes.io/part-of\\" || '' }}"
        operator: AnyIn
        value: [shop, billing]
      - key: "{{ request.object.spec.replicas }}"
        operator: GreaterThan
        value: 7
      all:
      - key: "{{ request.operation }}"
        operator: NotEquals
        value: DELETE`));
    expect(set.problems).toEqual([]);
    expect(create(set, deployment('a', { replicas: 6, labels: { 'app.kubernetes.io/part-of': 'shop' } })).allowed).toBe(false);
    expect(create(set, deployment('a', { replicas: 6, labels: { 'app.kubernetes.io/part-of': 'search' } })).allowed).toBe(true);
    expect(create(set, deployment('a', { replicas: 8 })).allowed).toBe(false);
  });

  it('report the rule as not evaluated when a form is not supported, never as passing', () => {
    const set = policySet(policy(`      all:
      - key: "{{ length(request.object.spec.template.spec.containers) }}"
        operator: GreaterThan
        value: 1`));
    const result = create(set, deployment('a', { replicas: 9 }));
    expect(result.allowed).toBe(true);
    expect(result.violations).toEqual([]);
    expect(result.notEvaluated).toHaveLength(1);
    expect(result.notEvaluated[0]!.reason).toContain('JMESPath preconditions: spec.rules[0].preconditions.all[0] uses a JMESPath form Paver does not evaluate');
  });
});
