// Kyverno ClusterPolicy match/exclude resource filters beyond kinds.
import { describe, expect, it } from 'vitest';
import { create, deployment, policySet } from '../testing/policy-fixtures.js';

describe('Kyverno ClusterPolicy resource filters', () => {
  it('match and exclude on annotations, with wildcards in keys and values', () => {
    const set = policySet(`
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: { name: scanned-replicas }
spec:
  validationFailureAction: Enforce
  rules:
  - name: at-most-five
    match:
      any:
      - resources: { kinds: [Deployment], annotations: { "scan.example.com/*": "required" } }
    exclude:
      any:
      - resources: { kinds: [Deployment], annotations: { waiver: "ticket-*" } }
    validate:
      cel:
        expressions: [{ expression: "object.spec.replicas <= 5", message: "too many replicas" }]
`);
    expect(set.problems).toEqual([]);
    const withAnnotations = (annotations: Record<string, string>) => {
      const object = deployment('a', { replicas: 9 });
      object.metadata!.annotations = annotations;
      return create(set, object);
    };
    expect(withAnnotations({ 'scan.example.com/image': 'required' }).allowed).toBe(false);
    expect(withAnnotations({ 'scan.example.com/image': 'optional' }).allowed).toBe(true);
    expect(withAnnotations({}).allowed).toBe(true);
    expect(withAnnotations({ 'scan.example.com/image': 'required', waiver: 'ticket-42' }).allowed).toBe(true);
  });
});
